// `npm run demo`'s wall time side by side with its floor, in one run, interleaved:
//
//   floor     a fresh Node.js process that loads @pulumi/aws and @pulumi/azure-native (what any
//             way of running the examples' programs must pay at least once)
//   demo      `npm run demo` (every example: capture, pack start, Analyze, AnalyzeStack)
//   baseline  optionally the same command in another checkout (--baseline <dir>), e.g. the commit
//             before a change, to compare against in the same conditions
//
// Prints the median (min–max) of each and the demo / floor ratio (target: at most 3x), and the
// CPU time of the demo's process tree. Usage:
//   node -r ts-node/register/transpile-only bench/demo.ts [--rounds 3] [--baseline <dir>]
import { spawn } from "child_process";
import * as path from "path";
import { Command } from "commander";
import { formatSample, formatMachine, machine, summarise } from "./stats";
import type { Sample } from "./stats";

const ROOT = path.resolve(__dirname, "..");
const TARGET_RATIO = 3;

function log(message: string): void {
  process.stderr.write(`[bench demo] ${message}\n`);
}

interface Timing {
  wallMs: number;
  /** User + system CPU of the process and the children it waited for. */
  cpuMs: number;
  code: number | null;
}

/** Run a command to completion with its output discarded; wall and CPU time. */
function timed(command: string, args: string[], cwd: string): Promise<Timing> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    // The CPU of a child tree comes from /usr/bin/time's portable equivalent: the shell's `times`.
    const child = spawn(
      "/bin/sh",
      ["-c", `"$@" >/dev/null 2>&1; code=$?; times >&2; exit $code`, "sh", command, ...args],
      { cwd, stdio: ["ignore", "ignore", "pipe"], env: { ...process.env, NO_COLOR: "1" } },
    );
    let err = "";
    child.stderr.setEncoding("utf8").on("data", (c: string) => (err += c));
    child.on("error", reject);
    child.on("exit", (code) => {
      const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
      // `times` prints two lines: the shell's own, then its children's "1m2.345s 0m0.678s".
      const lines = err.trim().split("\n");
      const m = /(\d+)m([\d.]+)s\s+(\d+)m([\d.]+)s/.exec(lines[lines.length - 1] ?? "");
      const cpuMs = m
        ? (Number(m[1]) * 60 + Number(m[2]) + Number(m[3]) * 60 + Number(m[4])) * 1000
        : Number.NaN;
      resolve({ wallMs, cpuMs, code });
    });
  });
}

const FLOOR_SCRIPT = "require('@pulumi/aws');require('@pulumi/azure-native')";

async function main(): Promise<void> {
  const opts = new Command()
    .name("bench-demo")
    .option("--rounds <n>", "interleaved rounds", "3")
    .option("--baseline <dir>", "another checkout whose `npm run demo` to time alongside")
    .parse(process.argv)
    .opts<{ rounds: string; baseline?: string }>();
  const rounds = Math.max(1, Number.parseInt(opts.rounds, 10) || 3);
  console.log(`machine: ${formatMachine(machine())}`);

  const runs: { name: string; run: () => Promise<Timing> }[] = [
    { name: "floor", run: () => timed(process.execPath, ["-e", FLOOR_SCRIPT], ROOT) },
    { name: "demo", run: () => timed("npm", ["run", "demo"], ROOT) },
  ];
  if (opts.baseline !== undefined) {
    const dir = path.resolve(opts.baseline);
    runs.push({ name: "baseline", run: () => timed("npm", ["run", "demo"], dir) });
  }

  // One warm-up of each (file cache, the pack's build check), then interleaved rounds.
  log("warm-up");
  for (const r of runs) await r.run();
  const samples = new Map<string, { wall: number[]; cpu: number[]; codes: Set<number | null> }>();
  for (let i = 1; i <= rounds; i++) {
    for (const r of runs) {
      const t = await r.run();
      const s = samples.get(r.name) ?? { wall: [], cpu: [], codes: new Set() };
      s.wall.push(t.wallMs);
      s.cpu.push(t.cpuMs);
      s.codes.add(t.code);
      samples.set(r.name, s);
      log(
        `round ${i}/${rounds} ${r.name}: ${Math.round(t.wallMs)} ms wall, ${Math.round(t.cpuMs)} ms CPU`,
      );
    }
  }

  const wall = (name: string): Sample => summarise(samples.get(name)?.wall ?? []);
  const cpu = (name: string): Sample => summarise(samples.get(name)?.cpu ?? []);
  console.log(`\n${"".padEnd(10)}${"wall ms".padEnd(28)}CPU ms (process tree)`);
  for (const r of runs) {
    const codes = [...(samples.get(r.name)?.codes ?? [])].join(",");
    console.log(
      `${r.name.padEnd(10)}${formatSample(wall(r.name)).padEnd(28)}${formatSample(cpu(r.name)).padEnd(28)}exit ${codes}`,
    );
  }
  const ratio = wall("demo").median / wall("floor").median;
  const verdict = ratio <= TARGET_RATIO ? "PASS" : "FAIL";
  console.log(`\ndemo / floor: ${ratio.toFixed(2)}x (target at most ${TARGET_RATIO}x): ${verdict}`);
  if (opts.baseline !== undefined) {
    const b = wall("baseline").median;
    console.log(
      `baseline / floor: ${(b / wall("floor").median).toFixed(2)}x; demo / baseline: ${(wall("demo").median / b).toFixed(2)}x`,
    );
  }
}

main().catch((e: unknown) => {
  console.error(`error: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(2);
});
