// `npm run demo`: every example through program capture and the engine-faithful runner, printed
// the way `pulumi preview` prints policy results.
//
// Exit codes: 0 no mandatory violation, 1 at least one mandatory violation, 2 could not run
// (invalid policy config, a program or the pack failed).
import * as os from "os";
import * as path from "path";
import { Command } from "commander";
import { ensurePackBuilt } from "./build";
import { evaluateProgram, exampleOptions, listExamples } from "./evaluate-program";
import type { ProgramEvaluation } from "./evaluate-program";
import { count, formatCounts, formatPolicies, formatPolicyTable, sumCounts } from "./report/text";
import { ownPolicies } from "./own-pack";
import { ROOT } from "./paths";
import { checkPolicyPackConfigFile, PolicyConfigError } from "./runner";
import { mapLimit } from "./runner/util";

interface DemoOptions {
  pack: string;
  examples: string;
  only?: string[];
  policyPackConfig?: string;
  json?: boolean;
  build: boolean;
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

async function main(argv: string[]): Promise<number> {
  const program = new Command()
    .name("demo")
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
    .showHelpAfterError();
  program.parse(argv);
  const opts = program.opts<DemoOptions>();
  const started = Date.now();
  const packDir = path.resolve(opts.pack);
  if (opts.policyPackConfig !== undefined)
    checkPolicyPackConfigFile(opts.policyPackConfig, ownPolicies(packDir));

  if (opts.build) {
    const b = ensurePackBuilt(packDir);
    if (b.built && !opts.json)
      console.error(`built the policy pack in ${seconds(b.ms)} (${b.reason})`);
    if (b.diagnostics !== undefined)
      console.error(`warning: tsc reported errors:\n${b.diagnostics}`);
  }

  let names = listExamples(opts.examples);
  if (opts.only) {
    const unknown = opts.only.filter((n) => !names.includes(n));
    if (unknown.length > 0)
      throw new Error(`no such example: ${unknown.join(", ")} (have: ${names.join(", ")})`);
    names = names.filter((n) => opts.only?.includes(n));
  }

  const results = await mapLimit(names, Math.max(2, os.cpus().length), async (name) => {
    const t = Date.now();
    const dir = path.join(opts.examples, name);
    const evaluation = await evaluateProgram(dir, {
      packDir,
      ...exampleOptions(dir),
      ...(opts.policyPackConfig !== undefined ? { policyConfigFile: opts.policyPackConfig } : {}),
    });
    return { name, evaluation, ms: Date.now() - t };
  });

  const total = sumCounts(results.map((r) => r.evaluation.report));
  if (opts.json) {
    const out = Object.fromEntries(results.map((r) => [r.name, r.evaluation.report]));
    console.log(JSON.stringify({ examples: out, summary: total }, null, 2));
  } else {
    printText(results, total, started);
  }
  return total.counts.mandatory > 0 ? 1 : 0;
}

function printText(
  results: { name: string; evaluation: ProgramEvaluation; ms: number }[],
  total: ReturnType<typeof sumCounts>,
  started: number,
): void {
  const first = results[0]?.evaluation.report.policyPack;
  if (first)
    console.log(
      `Policy pack ${first.name}@v${first.version}, ${count(results.length, "example program")}\n`,
    );
  for (const { name, evaluation, ms } of results) {
    const { program, report } = evaluation;
    console.log(`Previewing ${name} (stack ${program.stack}, project ${program.project})`);
    for (const line of formatPolicies(report)) console.log(line);
    const packLogs = report.logs.filter((l) => l.message.trim() !== "");
    for (const l of packLogs) console.log(`    [pack ${l.source}] ${l.message}`);
    console.log(
      `Resources: ${report.resourcesAnalyzed} analysed; ${formatCounts(report.counts)}` +
        ` (capture ${seconds(program.captureMs)}, pack start ${seconds(report.timings.startupMs)}, total ${seconds(ms)})\n`,
    );
  }
  console.log("Summary");
  console.log(`    examples: ${results.length}, resources analysed: ${total.resources}`);
  console.log(`    violations: ${formatCounts(total.counts)}`);
  const denied = results.filter((r) => r.evaluation.report.counts.mandatory > 0).map((r) => r.name);
  console.log(
    `    examples with mandatory violations: ${denied.length > 0 ? denied.join(", ") : "none"}`,
  );
  for (const line of formatPolicyTable(total.byPolicy)) console.log(line);
  console.log(`    duration: ${seconds(Date.now() - started)}`);
}

main(process.argv).then(
  (code) => process.exit(code),
  (e: unknown) => {
    if (e instanceof PolicyConfigError) console.error(`error: ${e.message}`);
    else if (e instanceof Error) {
      console.error(`error: ${e.message}`);
      if (process.env["DEBUG"]) console.error(e.stack);
    } else console.error(`error: ${String(e)}`);
    process.exit(2);
  },
);
