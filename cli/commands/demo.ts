// `npm run demo`: every example through program capture and the engine-faithful runner, printed
// the way `pulumi preview` prints policy results.
//
// An example that cannot be evaluated (its program throws, its config is invalid, its pack does
// not start) is reported with its error and the others still run; each example's result is
// printed as soon as it and every example before it are done.
//
// Exit codes: 0 no mandatory violation, 1 at least one mandatory violation, 2 could not run
// (usage error, invalid policy config, a program or the pack failed) — 2 wins over 1.
import * as os from "os";
import * as path from "path";
import { Command, CommanderError } from "commander";
import { ensurePackBuilt } from "../build";
import { evaluateProgram, exampleOptions, listExamples } from "../program/evaluate";
import type { ProgramEvaluation } from "../program/evaluate";
import { ownPolicies } from "../own-pack";
import { ROOT } from "../paths";
import { ProgramCaptureError } from "../program";
import { colorEnabled, styleFor } from "../report/style";
import type { Style } from "../report/style";
import { escapeLines } from "../report/terminal";
import { count, formatCounts, formatPolicies, formatPolicyTable, sumCounts } from "../report/text";
import { checkPolicyPackConfigFile, PackRpcError, PackStartError } from "../runner";
import { errorMessage, mapLimit } from "../runner/util";

interface DemoOptions {
  pack: string;
  examples: string;
  only?: string[];
  policyPackConfig?: string;
  json?: boolean;
  build: boolean;
  progress: boolean;
  concurrency?: string;
}

export interface DemoIO {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  env: NodeJS.ProcessEnv;
}

/** One example's outcome: its evaluation, or why it could not be evaluated. */
export type ExampleResult =
  | { name: string; ms: number; evaluation: ProgramEvaluation; error?: undefined }
  | { name: string; ms: number; evaluation?: undefined; error: unknown };

/** A usage or input problem: one line on stderr, exit code 2. */
class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

/** `env` as changes to this process's environment (`undefined` removes a variable). */
function envChanges(env: NodeJS.ProcessEnv): Record<string, string | undefined> {
  const changes: Record<string, string | undefined> = {};
  for (const k of Object.keys(process.env)) if (!(k in env)) changes[k] = undefined;
  for (const [k, v] of Object.entries(env)) if (process.env[k] !== v) changes[k] = v;
  return changes;
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

/** Why an example could not be evaluated, in one line where the cause has one. */
export function describeFailure(e: unknown): string {
  if (e instanceof ProgramCaptureError) {
    const at = e.location !== undefined ? ` (at ${e.location})` : "";
    return `the program failed: ${e.reason}${at}`;
  }
  if (e instanceof PackStartError) return `the policy pack could not start: ${e.message}`;
  if (e instanceof PackRpcError) return `the policy pack failed: ${e.message}`;
  return errorMessage(e);
}

const USAGE =
  "[--only <names...>] [--examples <dir>] [--pack <dir>] [--policy-pack-config <file>] [--json] [--no-build] [--no-progress] [--concurrency <n>]";

function buildProgram(): Command {
  return new Command()
    .name("demo")
    .usage(USAGE)
    .description(
      "Evaluate the example Pulumi programs against the policy pack, as `pulumi preview --policy-pack` would.",
    )
    .option("--pack <dir>", "policy pack folder", path.join(ROOT, "policypack"))
    .option("--examples <dir>", "folder of example programs", path.join(ROOT, "examples"))
    .option("--only <names...>", "only these examples")
    .option(
      "--policy-pack-config <file>",
      "policy config file (same shape as `pulumi preview --policy-pack-config`)",
    )
    .option("--json", "print the reports as JSON instead of text")
    .option("--no-build", "do not compile the pack when its sources changed")
    .option("--no-progress", "no start/finish lines on stderr (shown only when it is a terminal)")
    .option(
      "--concurrency <n>",
      "examples evaluated at once, each with its own pack process (default: cores + 2)",
    )
    .exitOverride()
    .showHelpAfterError(false);
}

/** Run the demo; resolves to the exit code. */
export async function main(
  argv: readonly string[],
  io: DemoIO = { stdout: process.stdout, stderr: process.stderr, env: process.env },
): Promise<number> {
  const errors: string[] = [];
  const program = buildProgram().configureOutput({
    writeOut: (s) => io.stdout.write(s),
    writeErr: (s) => errors.push(s),
  });
  try {
    program.parse([...argv]);
  } catch (e) {
    if (e instanceof CommanderError) {
      // --help exits 0; any other command-line problem is a usage error: commander's message (its
      // "did you mean" on the same line) and one line of usage.
      if (e.exitCode === 0) return 0;
      const message = errors
        .join("")
        .trim()
        .replace(/\s*\n\(Did you mean/, " (did you mean");
      io.stderr.write(`${message}\nusage: npm run demo -- ${program.usage()}\n`);
      return 2;
    }
    throw e;
  }
  try {
    return await run(program.opts<DemoOptions>(), io);
  } catch (e) {
    io.stderr.write(`error: ${escapeLines(errorMessage(e))}\n`);
    if (io.env["DEBUG"] && e instanceof Error && e.stack) io.stderr.write(`${e.stack}\n`);
    return 2;
  }
}

async function run(opts: DemoOptions, io: DemoIO): Promise<number> {
  const started = Date.now();
  const packDir = path.resolve(opts.pack);
  const examplesDir = path.resolve(opts.examples);
  const env = envChanges(io.env);
  const style = styleFor(colorEnabled(io.stdout, io.env));
  // Every line of the report goes through the style's render: control characters escaped, colours.
  const out = (line: string) => io.stdout.write(`${style.render(line)}\n`);
  // DEBUG=1 adds a failed program's stack trace under its one-line error.
  const debug = (io.env["DEBUG"] ?? "") !== "";

  let names: string[];
  try {
    names = listExamples(examplesDir);
  } catch (e) {
    throw new UsageError(`cannot list the examples in ${examplesDir}: ${errorMessage(e)}`);
  }
  if (opts.only) {
    const unknown = opts.only.filter((n) => !names.includes(n));
    if (unknown.length > 0)
      throw new UsageError(`no such example: ${unknown.join(", ")} (have: ${names.join(", ")})`);
    names = names.filter((n) => opts.only?.includes(n));
  }
  if (names.length === 0) throw new UsageError(`no example programs in ${examplesDir}`);
  // Pack start-up is CPU-bound; two more than the cores keep them busy while a program is
  // captured (programs run one after another in a shared capture worker).
  const concurrency =
    opts.concurrency !== undefined ? Number(opts.concurrency) : os.cpus().length + 2;
  if (!Number.isInteger(concurrency) || concurrency < 1)
    throw new UsageError(
      `--concurrency must be a whole number of at least 1, not ${opts.concurrency}`,
    );
  // The same config file for every example: a bad one is one error, not one per example.
  if (opts.policyPackConfig !== undefined)
    checkPolicyPackConfigFile(opts.policyPackConfig, ownPolicies(packDir));

  if (opts.build) {
    const b = ensurePackBuilt(packDir);
    if (b.built && !opts.json)
      io.stderr.write(`built the policy pack in ${seconds(b.ms)} (${b.reason})\n`);
    if (b.diagnostics !== undefined)
      io.stderr.write(`warning: tsc reported errors:\n${b.diagnostics}\n`);
  }

  // Print each result as soon as it and all before it are done, in example order.
  const done: (ExampleResult | undefined)[] = names.map(() => undefined);
  let printed = 0;
  let headerShown = false;
  const flush = () => {
    if (opts.json) return;
    for (let r = done[printed]; r !== undefined; r = done[printed]) {
      if (!headerShown) {
        const pack = done.find((d) => d?.evaluation !== undefined)?.evaluation?.report.policyPack;
        const label = pack ? `Policy pack ${pack.name}@v${pack.version}, ` : "";
        out(`${label}${count(names.length, "example program")}`);
        out("");
        headerShown = true;
      }
      for (const line of formatExample(r, style, debug)) out(line);
      printed++;
    }
  };

  const progress = progressLines(
    io,
    opts.progress && io.stderr.isTTY === true,
    names.length,
    styleFor(colorEnabled(io.stderr, io.env)),
  );
  const results = await mapLimit(names, concurrency, async (name, i) => {
    const t = Date.now();
    progress.started(name);
    const dir = path.join(examplesDir, name);
    let result: ExampleResult;
    try {
      const evaluation = await evaluateProgram(dir, {
        packDir,
        env,
        ...exampleOptions(dir),
        ...(opts.policyPackConfig !== undefined ? { policyConfigFile: opts.policyPackConfig } : {}),
      });
      result = { name, evaluation, ms: Date.now() - t };
    } catch (e) {
      result = { name, error: e, ms: Date.now() - t };
    }
    done[i] = result;
    progress.finished(result);
    flush();
    return result;
  });

  const evaluated = results.filter(
    (r): r is ExampleResult & { evaluation: ProgramEvaluation } => r.evaluation !== undefined,
  );
  const failed = results.filter((r) => r.evaluation === undefined);
  const total = sumCounts(evaluated.map((r) => r.evaluation.report));
  if (opts.json) {
    const examples = Object.fromEntries(evaluated.map((r) => [r.name, r.evaluation.report]));
    const errors = Object.fromEntries(failed.map((r) => [r.name, describeFailure(r.error)]));
    io.stdout.write(`${JSON.stringify({ examples, failed: errors, summary: total }, null, 2)}\n`);
  } else {
    for (const line of formatSummary(results, total, started, style)) out(line);
  }
  if (failed.length > 0) return 2;
  return total.counts.mandatory > 0 ? 1 : 0;
}

/** "1 mandatory, 0 advisory", red when there is a mandatory violation, yellow for advisory. */
function paintCounts(counts: { mandatory: number; advisory: number }, style: Style): string {
  const paint =
    counts.mandatory > 0 ? style.mandatory : counts.advisory > 0 ? style.advisory : style.pass;
  return paint(formatCounts(counts));
}

function formatExample(r: ExampleResult, style: Style, debug: boolean): string[] {
  if (r.evaluation === undefined) {
    const detail =
      debug && r.error instanceof ProgramCaptureError && r.error.detail !== undefined
        ? r.error.detail.split("\n").map((l) => style.dim(`    ${l}`))
        : [];
    return [
      style.bold(`Previewing ${r.name}`),
      `    ${style.mandatory("error:")} ${describeFailure(r.error)}`,
      ...detail,
      "",
    ];
  }
  const { program, report } = r.evaluation;
  const lines = [
    `${style.bold(`Previewing ${r.name}`)} ${style.dim(`(stack ${program.stack}, project ${program.project})`)}`,
  ];
  lines.push(...formatPolicies(report, process.cwd(), style));
  for (const l of report.logs) {
    if (l.message.trim() === "") continue;
    for (const m of l.message.replace(/\n+$/, "").split("\n"))
      lines.push(style.dim(`    [pack ${l.source}] ${m}`));
  }
  lines.push(
    `Resources: ${report.resourcesAnalyzed} analysed; ${paintCounts(report.counts, style)}` +
      style.dim(
        ` (capture ${seconds(program.captureMs)}, pack start ${seconds(report.timings.startupMs)}, total ${seconds(r.ms)})`,
      ),
    "",
  );
  return lines;
}

/**
 * Start and finish lines on stderr, only when it is a terminal; a failed example's error goes to
 * stderr in any case (and into its result on stdout).
 */
function progressLines(io: DemoIO, enabled: boolean, total: number, style: Style) {
  let finished = 0;
  const write = (line: string) => {
    if (enabled) io.stderr.write(`${style.render(line)}\n`);
  };
  return {
    started(name: string) {
      write(style.dim(`  started  ${name}`));
    },
    finished(r: ExampleResult) {
      finished++;
      const tail = style.dim(` in ${seconds(r.ms)} (${finished}/${total} done)`);
      if (r.evaluation === undefined) {
        io.stderr.write(
          `${style.render(`${style.mandatory("error:")} ${r.name}: ${describeFailure(r.error)}`)}\n`,
        );
        write(`  ${style.mandatory("failed")}   ${r.name}${tail}`);
      } else {
        const counts = paintCounts(r.evaluation.report.counts, style);
        write(`  finished ${r.name}: ${counts}${tail}`);
      }
    },
  };
}

function formatSummary(
  results: readonly ExampleResult[],
  total: ReturnType<typeof sumCounts>,
  started: number,
  style: Style,
): string[] {
  const evaluated = results.filter((r) => r.evaluation !== undefined);
  const failed = results.filter((r) => r.evaluation === undefined).map((r) => r.name);
  const denied = evaluated
    .filter((r) => (r.evaluation?.report.counts.mandatory ?? 0) > 0)
    .map((r) => r.name);
  const pack = evaluated[0]?.evaluation?.report.policyPack;
  return [
    style.bold("Summary"),
    ...(pack ? [`    policy pack: ${pack.name}@v${pack.version}`] : []),
    `    examples: ${results.length}, resources analysed: ${total.resources}`,
    `    violations: ${paintCounts(total.counts, style)}`,
    `    examples with mandatory violations: ${denied.length > 0 ? style.mandatory(denied.join(", ")) : style.pass("none")}`,
    ...(failed.length > 0
      ? [`    examples that could not be evaluated: ${style.mandatory(failed.join(", "))}`]
      : []),
    ...formatPolicyTable(total.byPolicy),
    style.dim(`    duration: ${seconds(Date.now() - started)}`),
  ];
}
