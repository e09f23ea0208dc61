// The `jurisdiction-guard` command line: `jurisdiction-guard scan FILE...` (and `explain TERM`,
// cli/commands/explain.ts).
//
// `jurisdiction-guard scan --backend file://DIR`: every stack of a Pulumi DIY state backend.
//
// Exit codes: 0 no failing violation; 1 a failing violation (mandatory, or advisory too with
// --fail-on advisory) in any file or stack; 2 a usage or input error (unknown option, missing or
// malformed file, bad backend URL or folder, unreadable stack file, invalid policy config, the
// pack could not run).
import { randomBytes } from "crypto";
import * as fs from "fs";
import * as path from "path";
import { Command, CommanderError, Option } from "commander";
import { ensurePackBuilt } from "../build";
import {
  PackRpcError,
  PackStartError,
  PolicyConfigError,
  checkPolicyPackConfigFile,
} from "../runner";
import { ownPolicies } from "../own-pack";
import { toScanJson } from "../report/scan-json";
import { writeJunit } from "../report/scan-junit";
import { toSarif } from "../report/scan-sarif";
import { formatScanText } from "../report/scan-text";
import { escapeControls, escapeLines } from "../report/terminal";
import { ROOT } from "../paths";
import { count, sumCounts } from "../report/text";
import { parseKeyValues } from "../scan/config";
import { ScanInputError, UsageError } from "../scan/errors";
import type { ProgressStage } from "../scan/types";
import { openBackend, qualifiedName, selectStacks } from "../scan/backend";
import { runBackendScan, runScan, toolInfo } from "../scan/run";
import { ENGINE_MODES } from "../scan/scan";
import type { EngineMode } from "../scan/scan";
import { FAIL_ON, qualifiedStack } from "../scan/types";
import { addExplainCommand } from "./explain";
import { addGuardrailsCommand } from "./guardrails";
import type { FailOn, ScanRun } from "../scan/types";

export const DEFAULT_PACK = path.join(ROOT, "policypack");
export const FORMATS = ["text", "json", "sarif", "junit"] as const;
export type OutputFormat = (typeof FORMATS)[number];

export interface CommandIO {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  cwd: string;
}

interface ScanCliOptions {
  format: OutputFormat;
  output?: string;
  policyPack: string;
  policyPackConfig?: string;
  stackTags: string[];
  stackConfig?: string;
  config: string[];
  failOn: FailOn;
  requirePolicies: boolean;
  concurrency: string;
  engine: EngineMode;
  build: boolean;
  progress: boolean;
  useEnvironment: boolean;
  backend?: string;
  stacks: string[];
  stackConfigDir?: string;
}

const collect = (value: string, previous: string[]): string[] => [...previous, value];

function write(stream: NodeJS.WritableStream, text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    stream.write(text, (err) => (err ? reject(err) : resolve()));
  });
}

/**
 * Progress on stderr, only when it is a terminal: one line, rewritten in place at most ten times a
 * second while resources are analysed, then once when the stack-wide AnalyzeStack starts (the
 * last seconds of a large input), and cleared before the report.
 */
export function progressReporter(io: Pick<CommandIO, "stderr">, enabled: boolean) {
  let last = 0;
  let shown = false;
  return {
    update(file: string, done: number, findings: number, stage: ProgressStage = "analyze") {
      if (!enabled) return;
      const now = Date.now();
      if (stage === "analyze" && now - last < 100) return;
      last = now;
      shown = true;
      const status = `${count(done, "resource")} analysed, ${count(findings, "finding")}`;
      const tail = stage === "analyzeStack" ? "; AnalyzeStack over the whole stack" : "";
      io.stderr.write(`\r\u001b[K${escapeControls(file)}: ${status}${tail}`);
    },
    clear() {
      if (shown) io.stderr.write("\r\u001b[K");
      shown = false;
    },
  };
}

async function render(run: ScanRun, format: OutputFormat, out: (s: string) => void, cwd: string) {
  switch (format) {
    case "text":
      out(`${formatScanText(run, cwd).join("\n")}\n`);
      return;
    case "json":
      out(`${JSON.stringify(toScanJson(run), null, 2)}\n`);
      return;
    case "sarif":
      out(`${JSON.stringify(toSarif(run, cwd), null, 2)}\n`);
      return;
    case "junit":
      await writeJunit(run, out);
      return;
  }
}

async function emit(run: ScanRun, opts: ScanCliOptions, io: CommandIO): Promise<void> {
  if (opts.output === undefined) {
    const chunks: string[] = [];
    let size = 0;
    const flush = async () => {
      if (chunks.length === 0) return;
      const text = chunks.join("");
      chunks.length = 0;
      size = 0;
      await write(io.stdout, text);
    };
    // Buffer up to 1 MiB at a time; the stream keeps its own order.
    const pending: Promise<void>[] = [];
    await render(
      run,
      opts.format,
      (s) => {
        chunks.push(s);
        size += s.length;
        if (size > 1024 * 1024) pending.push(flush());
      },
      io.cwd,
    );
    pending.push(flush());
    await Promise.all(pending);
    return;
  }
  // Atomic: the report goes to a temporary file beside the target, renamed over it only once it is
  // complete, so a failed, interrupted or killed scan leaves the previous report as it was.
  const file = path.resolve(io.cwd, opts.output);
  const cannot = (e: unknown) =>
    new UsageError(
      `cannot write --output ${opts.output}: ${e instanceof Error ? e.message : String(e)}`,
    );
  const tmp = path.join(
    path.dirname(file),
    `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`,
  );
  const removeTmp = () => fs.rmSync(tmp, { force: true });
  let fd: number;
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fd = fs.openSync(tmp, "wx");
  } catch (e) {
    throw cannot(e);
  }
  process.once("exit", removeTmp);
  try {
    try {
      await render(run, opts.format, (s) => fs.writeSync(fd, s), io.cwd);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(tmp, file);
  } catch (e) {
    removeTmp();
    // A file system error (no space, file too large, ...) is a usage error; anything else is ours.
    throw e instanceof Error && "code" in e ? cannot(e) : e;
  } finally {
    process.off("exit", removeTmp);
  }
}

function summaryLine(run: ScanRun, output: string): string {
  const { resources, counts } = sumCounts(run.files.map((r) => r.report));
  const { mandatory, advisory } = counts;
  const inputs =
    run.backend !== undefined ? count(run.files.length, "stack") : count(run.files.length, "file");
  return (
    `jurisdiction-guard: ${inputs}, ${count(resources, "resource")}, ` +
    `${mandatory} mandatory, ${advisory} advisory: ${run.exitCode === 0 ? "PASS" : "FAIL"} ` +
    `(--fail-on ${run.failOn}); wrote ${escapeControls(output)}\n`
  );
}

/** The command line's choice between input files and `--backend`, checked. */
function checkInputs(files: readonly string[], opts: ScanCliOptions): void {
  if (opts.backend === undefined) {
    if (files.length === 0) {
      throw new UsageError(
        "no input: give stack export, preview or event-log files, or --backend file://DIR",
      );
    }
    for (const flag of ["stacks", "stackConfigDir"] as const) {
      const given = flag === "stacks" ? opts.stacks.length > 0 : opts[flag] !== undefined;
      if (given)
        throw new UsageError(
          `--${flag === "stacks" ? "stacks" : "stack-config-dir"} only goes with --backend`,
        );
    }
    return;
  }
  if (files.length > 0) {
    throw new UsageError(
      `--backend scans the backend's stacks; input files (${files.join(", ")}) cannot be given with it`,
    );
  }
  if (opts.stackConfig !== undefined) {
    throw new UsageError(
      "--stack-config names one stack's file; with --backend use --stack-config-dir DIR (Pulumi.<stack>.yaml per stack)",
    );
  }
}

async function scanAction(files: string[], opts: ScanCliOptions, io: CommandIO): Promise<number> {
  checkInputs(files, opts);
  const concurrency = Number(opts.concurrency);
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    throw new UsageError(
      `--concurrency expects a positive integer, got ${JSON.stringify(opts.concurrency)}`,
    );
  }
  const stackTags = parseKeyValues(opts.stackTags, "--stack-tags");
  const config = parseKeyValues(opts.config, "--config");
  const packDir = path.resolve(io.cwd, opts.policyPack);
  if (!fs.existsSync(path.join(packDir, "PulumiPolicy.yaml"))) {
    throw new UsageError(
      `--policy-pack ${opts.policyPack}: not a policy pack folder (no PulumiPolicy.yaml)`,
    );
  }
  const resolve = (f: string) => path.resolve(io.cwd, f);
  // A bad policy config file is reported before any input is read, checked whole (every policy,
  // every setting) when the pack is this repository's.
  if (opts.policyPackConfig !== undefined) {
    checkPolicyPackConfigFile(resolve(opts.policyPackConfig), ownPolicies(packDir));
  }
  if (opts.build) {
    const b = ensurePackBuilt(packDir);
    if (b.built)
      io.stderr.write(`built the policy pack in ${(b.ms / 1000).toFixed(1)} s (${b.reason})\n`);
    if (b.diagnostics !== undefined)
      io.stderr.write(`warning: tsc reported errors:\n${b.diagnostics}\n`);
  }
  const progress = progressReporter(io, opts.progress && io.stderr.isTTY === true);
  if (opts.backend !== undefined) {
    return backendAction(opts.backend, opts, io, progress, {
      packDir,
      concurrency,
      stackTags,
      config,
    });
  }
  // Files keep the spelling given (reports name them so); they are opened relative to cwd.
  // `-` is stdin (read once; named <stdin> in reports and errors).
  const byResolved = new Map(files.map((f) => (f === "-" ? ["-", "<stdin>"] : [resolve(f), f])));
  let run: ScanRun;
  try {
    run = await runScan([...byResolved.keys()], {
      packDir,
      failOn: opts.failOn,
      requirePolicies: opts.requirePolicies,
      concurrency,
      engine: opts.engine,
      useEnvironment: opts.useEnvironment,
      keepResources: opts.format === "junit",
      stackTags,
      config,
      ...(opts.stackConfig !== undefined ? { stackConfigFile: resolve(opts.stackConfig) } : {}),
      ...(opts.policyPackConfig !== undefined
        ? { policyConfigFile: resolve(opts.policyPackConfig) }
        : {}),
      onProgress: (file, done, n, stage) =>
        progress.update(byResolved.get(file) ?? file, done, n, stage),
    });
  } catch (e) {
    if (e instanceof ScanInputError) {
      throw new ScanInputError(byResolved.get(e.file) ?? e.file, e.problem, e.position);
    }
    throw e;
  } finally {
    progress.clear();
  }
  for (const r of run.files) r.file = byResolved.get(r.file) ?? r.file;
  await emit(run, opts, io);
  // An empty stack passes, but never silently: whatever the report format, stderr says so.
  for (const r of run.files) {
    if (r.report.resourcesAnalyzed === 0)
      io.stderr.write(`note: ${r.file}: 0 resources (an empty stack): nothing was checked\n`);
  }
  if (opts.output !== undefined && opts.format !== "text") {
    io.stderr.write(summaryLine(run, opts.output));
  }
  return run.exitCode;
}

async function backendAction(
  url: string,
  opts: ScanCliOptions,
  io: CommandIO,
  progress: ReturnType<typeof progressReporter>,
  common: {
    packDir: string;
    concurrency: number;
    stackTags: Record<string, string>;
    config: Record<string, string>;
  },
): Promise<number> {
  const backend = await openBackend(url, io.cwd);
  const stacks = selectStacks(backend.stacks, opts.stacks);
  let configDir: string | undefined;
  if (opts.stackConfigDir !== undefined) {
    configDir = path.resolve(io.cwd, opts.stackConfigDir);
    if (!fs.existsSync(configDir) || !fs.statSync(configDir).isDirectory()) {
      throw new UsageError(`--stack-config-dir ${opts.stackConfigDir}: no such folder`);
    }
  }
  let run: ScanRun;
  try {
    run = await runBackendScan(backend, stacks, {
      ...common,
      failOn: opts.failOn,
      requirePolicies: opts.requirePolicies,
      useEnvironment: opts.useEnvironment,
      keepResources: opts.format === "junit",
      ...(configDir !== undefined ? { stackConfigDir: configDir } : {}),
      ...(opts.policyPackConfig !== undefined
        ? { policyConfigFile: path.resolve(io.cwd, opts.policyPackConfig) }
        : {}),
      onProgress: (i, s, done, n, stage) =>
        progress.update(`stack ${i + 1}/${stacks.length} ${qualifiedName(s)}`, done, n, stage),
    });
  } finally {
    progress.clear();
  }
  // Reports name each checkpoint file relative to the working directory (as a file given).
  for (const r of run.files) r.file = path.relative(io.cwd, r.file) || r.file;
  await emit(run, opts, io);
  for (const r of run.files) {
    if (r.report.resourcesAnalyzed === 0)
      io.stderr.write(
        `note: ${escapeControls(qualifiedStack(r))}: 0 resources (an empty stack): nothing was checked\n`,
      );
  }
  if (opts.output !== undefined && opts.format !== "text") {
    io.stderr.write(summaryLine(run, opts.output));
  }
  return run.exitCode;
}

export function buildProgram(io: CommandIO, result: { code: number }): Command {
  const program = new Command()
    .name("jurisdiction-guard")
    .description(
      "Offline checks for the jurisdiction-guard CrossGuard policy pack: no cloud credentials, no Pulumi CLI.",
    )
    .version(toolInfo().version)
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
    })
    .showHelpAfterError();

  program
    .command("scan")
    .description(
      "Evaluate the resources of `pulumi stack export`, `pulumi preview --json` or engine event-log files " +
        "through the policy pack, exactly as `pulumi preview --policy-pack` does, and report for CI.",
    )
    .argument("[files...]", "input files (- for stdin); each format is recognised from its content")
    .option(
      "--backend <url>",
      "audit every stack of a Pulumi DIY state backend instead of files: file://DIR (the folder `pulumi login file://DIR` uses)",
    )
    .option(
      "--stacks <glob>",
      "with --backend: only these stacks; matches the stack name, <project>/<stack> or organization/<project>/<stack> (repeatable)",
      collect,
      [],
    )
    .option(
      "--stack-config-dir <dir>",
      "with --backend: stack config files, <dir>/<project>/Pulumi.<stack>.yaml or <dir>/Pulumi.<stack>.yaml",
    )
    .addOption(new Option("--format <format>", "output format").choices(FORMATS).default("text"))
    .option("-o, --output <file>", "write the report to a file instead of stdout")
    .option("--policy-pack <dir>", "policy pack folder", DEFAULT_PACK)
    .option(
      "--policy-pack-config <file>",
      "policy config file (same shape as `pulumi preview --policy-pack-config`)",
    )
    .option("--stack-tags <key=value>", "a stack tag the pack sees (repeatable)", collect, [])
    .option(
      "--stack-config <file>",
      "stack config file (Pulumi.<stack>.yaml); for stack exports, which carry no config",
    )
    .option(
      "--config <key=value>",
      "a stack config value, e.g. aws:region=eu-west-1 (repeatable; wins over files)",
      collect,
      [],
    )
    .addOption(
      new Option("--fail-on <level>", "which violations fail the scan (exit code 1)")
        .choices(FAIL_ON)
        .default("mandatory"),
    )
    .option(
      "--require-policies",
      "fail (exit code 1) when the policy config disables a policy or empties a restricting list (restrictedJurisdictions: [])",
      false,
    )
    .addOption(
      new Option(
        "--engine <mode>",
        "in-process: the pack's policies run in this process on every core, called as the pack's own server calls them; protocol: a pack process driven over the Analyzer gRPC protocol, as `pulumi preview` does (slower, the engine-faithful reference)",
      )
        .choices(ENGINE_MODES)
        .default("in-process"),
    )
    .option(
      "--concurrency <n>",
      "with --engine protocol: resources analysed at once (the engine's default is 16)",
      "16",
    )
    .option(
      "--use-environment",
      "let this machine's cloud settings (AWS_REGION, AWS_PROFILE, ~/.aws/config, ARM_*, GOOGLE_* …) decide stack exports and event logs too",
      false,
    )
    .option("--no-build", "do not compile the policy pack when its sources changed")
    .option("--no-progress", "no progress line on stderr (shown only when stderr is a terminal)")
    .addHelpText(
      "after",
      `
Inputs (recognised from their content):
  pulumi stack export > stack.json           deployment v3: resources with inputs, outputs, providers
  pulumi preview --json > preview.json       its "config" becomes the stack config; it lists only the
                                             resources that change (--show-sames lists all)
  pulumi preview --event-log events.jsonl    engine events; recorded policy events are compared

Stack exports and event logs record a deployment made elsewhere: they are decided without this
machine's cloud settings (region, profile and shared config variables and files), unless
--use-environment is given. Previews keep them, as \`pulumi preview\` does.

A DIY state backend (--backend file://DIR): the latest deployment of every stack, read from
DIR/.pulumi/stacks/<project>/<stack>.json[.gz] (and the legacy DIR/.pulumi/stacks/<stack>.json[.gz]),
decided as stack exports are. Every finding names its stack (organization/<project>/<stack>).
For s3://, azblob:// or gs:// backends, sync the bucket to a folder first (aws s3 sync,
az storage blob download-batch, gcloud storage rsync) and pass file://<folder>.

Exit codes: 0 no failing violation, 1 failing violation, 2 usage or input error (with --backend:
1 when any stack fails; 2 for a bad URL or folder, or an unreadable stack file).
Every report names the policies the config turns off (disabled, or restrictedJurisdictions: []);
with --require-policies they fail the scan (exit code 1).

Examples:
  jurisdiction-guard scan stack.json --stack-config Pulumi.prod.yaml --format sarif -o jg.sarif
  jurisdiction-guard scan preview.json --format junit -o junit.xml --fail-on advisory
  jurisdiction-guard scan --backend file://./state --stacks 'prod-*' --format sarif -o audit.sarif`,
    )
    .action(async (files: string[], opts: ScanCliOptions) => {
      result.code = await scanAction(files, opts, io);
    });
  addExplainCommand(program, io, result);
  addGuardrailsCommand(program, io, result);
  return program;
}

function describeError(e: unknown): string {
  if (e instanceof ScanInputError || e instanceof UsageError || e instanceof PolicyConfigError) {
    return e.message;
  }
  if (e instanceof PackStartError) return `the policy pack could not start: ${e.message}`;
  if (e instanceof PackRpcError) return `the policy pack failed: ${e.message}`;
  return e instanceof Error ? e.message : String(e);
}

/** Run the command line; resolves to the exit code. */
export async function main(
  argv: readonly string[],
  io: CommandIO = { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd() },
): Promise<number> {
  const result = { code: 0 };
  const program = buildProgram(io, result);
  try {
    await program.parseAsync([...argv]);
    return result.code;
  } catch (e) {
    if (e instanceof CommanderError) {
      // --help and --version exit 0; every other command-line problem is a usage error.
      if (e.exitCode === 0) return 0;
      return 2;
    }
    io.stderr.write(`error: ${escapeLines(describeError(e))}\n`);
    if (process.env["DEBUG"] && e instanceof Error && e.stack) io.stderr.write(`${e.stack}\n`);
    return 2;
  }
}
