// `npm run bench`: jurisdiction-guard against a do-nothing pack with the same policies, side by
// side in one run, through the engine-faithful runner (cli/runner), on the same generated workload.
//
//   start-up         spawn -> configured, median of interleaved starts, and peak RSS
//   Analyze          Remediate + Analyze per resource at concurrency 16, after a warm-up
//   AnalyzeStack     20k and 100k resources (linear?)
//   stack-phase      the pack's own validateStack work at those sizes, in process (with
//                    --stack-baseline, another build's beside it)
//   scan             `pulumi stack export` files of 20k and 100k resources (when cli/scan exists):
//                    wall time, and peak RSS of the scan process and of the pack process
//   lookups          per-resource cost against table size (flat?), in process
//   profile          what each pack loads at start-up and what it costs
//   analyze-profile  where each pack's CPU goes per resource during Analyze (V8 profile by stack)
//
// Prints a table (and the same in Markdown), PASS / FAIL per performance target, and writes
// bench/results/latest.json. `--quick` is a smoke run with small sizes.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { Command } from "commander";
import { ensurePackBuilt } from "../cli/build";
import { analyzeProfileText, profileAnalyze } from "./analyze-profile";
import { measureLookups } from "./lookups";
import { PACK_DIR, packsUnderTest } from "./packs";
import type { PackId } from "./packs";
import { log, measureScan, measureSessions, measureStartup } from "./phases";
import type { BenchResults } from "./report";
import { evaluateTargets, lookupTable, markdown, profileText, rows, textTable } from "./report";
import { formatMachine, machine } from "./stats";
import { loadStackBaseline, measureStackPhase } from "./stack-phase";
import { profileStartup } from "./startup-profile";
import { generateWorkload, mixOf } from "./workload";

const PHASES = [
  "startup",
  "profile",
  "analyze",
  "analyze-profile",
  "stack-phase",
  "scan",
  "lookups",
] as const;
type Phase = (typeof PHASES)[number];

interface Sizes {
  startupRounds: number;
  warmup: number;
  measured: number;
  analyzeRounds: number;
  stacks: { resources: number; rounds: number }[];
  scans: { resources: number; rounds: number; packs: PackId[] }[];
  lookupSizes: number[];
  lookupIterations: number;
  lookupBudgetMs: number;
}

const FULL: Sizes = {
  startupRounds: 7,
  warmup: 1000,
  measured: 5000,
  analyzeRounds: 3,
  stacks: [
    { resources: 20_000, rounds: 2 },
    { resources: 100_000, rounds: 1 },
  ],
  // The baseline's 100k scan would add ~3 minutes; its ratio is shown at 20k.
  scans: [
    { resources: 20_000, rounds: 1, packs: ["pack", "baseline"] },
    { resources: 100_000, rounds: 1, packs: ["pack"] },
  ],
  lookupSizes: [0, 10, 100, 1000, 3000],
  lookupIterations: 3000,
  lookupBudgetMs: 400,
};

const QUICK: Sizes = {
  startupRounds: 3,
  warmup: 200,
  measured: 1000,
  analyzeRounds: 2,
  stacks: [
    { resources: 2_000, rounds: 2 },
    { resources: 10_000, rounds: 1 },
  ],
  scans: [
    { resources: 2_000, rounds: 1, packs: ["pack", "baseline"] },
    { resources: 10_000, rounds: 1, packs: ["pack", "baseline"] },
  ],
  lookupSizes: [0, 100, 1000],
  lookupIterations: 1000,
  lookupBudgetMs: 200,
};

interface Options {
  quick?: boolean;
  only?: string[];
  seed: string;
  cpuProf?: boolean;
  stackBaseline?: string;
  out: string;
}

async function main(argv: string[]): Promise<number> {
  const program = new Command()
    .name("bench")
    .description("jurisdiction-guard against a do-nothing pack, through the engine-faithful runner")
    .option("--quick", "smoke run with small sizes (a minute or two)")
    .option("--only <phases...>", `run only these phases: ${PHASES.join(", ")}`)
    .option("--seed <n>", "workload seed", "1")
    .option("--cpu-prof", "also write start-up CPU profiles of both packs to bench/results/")
    .option(
      "--stack-baseline <pack folder>",
      "stack-phase: also time another build of this pack (a compiled policypack/ folder, e.g. another checkout's), interleaved",
    )
    .option("--out <file>", "results JSON", path.join(__dirname, "results", "latest.json"))
    .showHelpAfterError();
  program.parse(argv);
  const opts = program.opts<Options>();
  const only = new Set<Phase>();
  for (const p of opts.only ?? []) {
    if (!(PHASES as readonly string[]).includes(p)) {
      console.error(`unknown phase "${p}"; phases: ${PHASES.join(", ")}`);
      return 2;
    }
    only.add(p as Phase);
  }
  const run = (p: Phase) => only.size === 0 || only.has(p);
  const sizes = opts.quick ? QUICK : FULL;
  const seed = Number.parseInt(opts.seed, 10);
  const started = Date.now();
  const results: BenchResults = {
    machine: machine(),
    mode: opts.quick ? "quick" : "full",
    seed,
    startedAt: new Date(started).toISOString(),
  };
  console.log(`machine: ${formatMachine(results.machine)}`);

  const built = ensurePackBuilt(PACK_DIR);
  if (built.built) log(`built the pack in ${built.ms} ms (${built.reason})`);
  if (built.diagnostics !== undefined) log(`warning: tsc reported errors:\n${built.diagnostics}`);

  const tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), "jurisdiction-guard-bench-"));
  const resultsDir = path.dirname(path.resolve(opts.out));
  fs.mkdirSync(resultsDir, { recursive: true });
  try {
    const { pack, baseline } = packsUnderTest(tmpDir);
    const packs = [pack, baseline] as const;
    const largest = Math.max(
      sizes.warmup + sizes.measured,
      ...sizes.stacks.map((s) => s.resources),
      ...sizes.scans.map((s) => s.resources),
    );
    // One workload; every size is a prefix of it (providers come before the resources using them).
    const all = generateWorkload({ count: largest, seed });
    const prefix = (n: number) => ({
      ...all,
      resources: all.resources.slice(0, n),
      categories: all.categories.slice(0, n),
    });
    log(`workload: ${JSON.stringify(mixOf(all))}`);

    if (run("startup")) {
      log(`start-up: ${sizes.startupRounds} interleaved rounds`);
      results.startup = await measureStartup(packs, prefix(1), sizes.startupRounds);
    }
    if (run("profile")) {
      log("start-up profile: one traced start per pack");
      results.profile = await profileStartup(
        packs,
        prefix(1),
        tmpDir,
        opts.cpuProf ? resultsDir : undefined,
      );
    }
    if (run("analyze")) {
      results.sessions = await measureSessions(packs, {
        warmup: prefix(sizes.warmup),
        measured: prefix(sizes.measured),
        rounds: sizes.analyzeRounds,
        concurrency: 16,
        stacks: sizes.stacks.map((s) => ({ workload: prefix(s.resources), rounds: s.rounds })),
      });
    }
    if (run("analyze-profile")) {
      log("Analyze profile: one profiled session per pack");
      results.analyzeProfile = await profileAnalyze(
        packs,
        {
          warmup: prefix(sizes.warmup),
          measured: prefix(sizes.measured),
          concurrency: 16,
        },
        resultsDir,
      );
    }
    if (run("stack-phase")) {
      const stackBaseline =
        opts.stackBaseline !== undefined ? loadStackBaseline(opts.stackBaseline) : undefined;
      log(
        `stack phase in process${stackBaseline ? `, beside the build in ${stackBaseline.from}` : ""}`,
      );
      results.stackPhase = measureStackPhase(
        sizes.stacks.map((s) => ({ workload: prefix(s.resources), rounds: s.rounds + 1 })),
        stackBaseline,
      );
    }
    if (run("scan")) {
      results.scan = await measureScan(
        packs,
        sizes.scans.map((s) => ({
          workload: prefix(s.resources),
          rounds: s.rounds,
          packs: s.packs,
        })),
        tmpDir,
      );
      if (results.scan.status !== "ok") log(`scan not available: ${results.scan.why}`);
    }
    if (run("lookups")) {
      log(`lookups: table sizes ${sizes.lookupSizes.join(", ")}`);
      results.lookups = measureLookups(sizes.lookupSizes, {
        iterations: sizes.lookupIterations,
        repetitions: 3,
        budgetMs: sizes.lookupBudgetMs,
        onSize: (s) =>
          log(
            `lookups at ${s.size} entries: decision ${s.decisionUs.median.toFixed(1)} µs, policy call ${s.policyCallUs.median.toFixed(1)} µs per resource`,
          ),
      });
    }
  } finally {
    fs.rmSync(tmpDir, { recursive: true, force: true });
  }

  results.durationS = Math.round((Date.now() - started) / 1000);
  results.targets = evaluateTargets(results);
  fs.writeFileSync(opts.out, JSON.stringify(results, null, 2) + "\n");

  console.log("");
  console.log(textTable(rows(results)));
  if (results.scan && results.scan.status !== "ok") {
    console.log(`\nscan not available: ${results.scan.why}`);
  }
  if (results.lookups) {
    console.log(
      "\nper-resource cost against table size (foreignProviders, restrictedAccounts, exemptions):",
    );
    console.log(lookupTable(results.lookups));
  }
  if (results.profile) {
    console.log("\nstart-up profile:");
    console.log(profileText(results.profile));
  }
  if (results.analyzeProfile) {
    console.log("\nAnalyze profile:");
    console.log(analyzeProfileText(results.analyzeProfile));
  }
  console.log("\ntargets:");
  for (const t of results.targets) console.log(`  ${t.status}  ${t.name}: ${t.detail}`);
  console.log("\nMarkdown (for the README):\n");
  console.log(markdown(results));
  console.log(`\n${results.durationS} s; results in ${path.relative(process.cwd(), opts.out)}`);
  return 0;
}

main(process.argv).then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e instanceof Error ? (e.stack ?? e.message) : String(e));
    process.exit(2);
  },
);
