// The timed phases, each run on both packs, interleaved round by round so that other jobs on the
// machine weigh on both alike: start-up, per-resource Analyze throughput, AnalyzeStack, scan.
import { spawn } from "child_process";
import * as fs from "fs";
import * as path from "path";
import type { PolicyPackSession } from "../cli/runner";
import type { PackId, PackUnderTest } from "./packs";
import { HERMETIC_ENV, interleave, startSession } from "./packs";
import type { Sample } from "./stats";
import { cpuMs, peakRssMiB, selfCpuMs, summarise } from "./stats";
import type { Workload } from "./workload";
import { toStackExport } from "./workload";

export type PerPack<T> = Record<PackId, T>;

export function log(message: string): void {
  process.stderr.write(`[bench] ${message}\n`);
}

// ── Start-up ──────────────────────────────────────────────────────────────────────────────────

export interface StartupResult {
  /** Spawn to configured (ConfigureStack, GetAnalyzerInfo, Configure done), ms. */
  startupMs: Sample;
  /** CPU time the pack process used to get there (steadier than wall time on a busy machine). */
  cpuMs: Sample;
  /** Peak RSS of the pack process once started, MiB. */
  rssMiB: Sample;
}

export async function measureStartup(
  packs: readonly [PackUnderTest, PackUnderTest],
  w: Workload,
  rounds: number,
): Promise<PerPack<StartupResult>> {
  const ms: PerPack<number[]> = { pack: [], baseline: [] };
  const cpu: PerPack<number[]> = { pack: [], baseline: [] };
  const rss: PerPack<number[]> = { pack: [], baseline: [] };
  for (let round = 0; round < rounds; round++) {
    for (const p of interleave(round, ...packs)) {
      const session = await startSession(p, w);
      ms[p.id].push(session.startupMs);
      const used = cpuMs(session.pid);
      if (used !== undefined) cpu[p.id].push(used);
      const peak = peakRssMiB(session.pid);
      if (peak !== undefined) rss[p.id].push(peak);
      await session.close();
    }
    log(
      `start-up round ${round + 1}/${rounds}: pack ${ms.pack.at(-1)} ms, baseline ${ms.baseline.at(-1)} ms`,
    );
  }
  return {
    pack: {
      startupMs: summarise(ms.pack),
      cpuMs: summarise(cpu.pack),
      rssMiB: summarise(rss.pack),
    },
    baseline: {
      startupMs: summarise(ms.baseline),
      cpuMs: summarise(cpu.baseline),
      rssMiB: summarise(rss.baseline),
    },
  };
}

// ── Per-resource Analyze throughput and AnalyzeStack (long-lived sessions) ──────────────────

export interface ThroughputResult {
  resources: number;
  /** Wall time per resource at concurrency 16 (Remediate + Analyze, as the engine calls), µs. */
  wallUs: Sample;
  /** CPU time of the pack process per resource, µs. */
  packCpuUs: Sample;
  /** CPU time of the runner (this process, the engine's stand-in) per resource, µs. */
  runnerCpuUs: Sample;
  findings: number;
  notApplicable: number;
}

export interface StackResult {
  resources: number;
  ms: Sample;
  packCpuMs: Sample;
  findings: number;
}

export interface SessionResults {
  throughput: PerPack<ThroughputResult>;
  analyzeStack: PerPack<StackResult>[];
  /** Peak RSS of each long-lived pack process after everything above, MiB. */
  peakRssMiB: PerPack<number | undefined>;
}

export interface SessionPlan {
  /** Resources analyzed once before measuring (JIT, caches). */
  warmup: Workload;
  /** Resources analyzed per round. */
  measured: Workload;
  rounds: number;
  concurrency: number;
  /** AnalyzeStack sizes, each a workload, with its number of rounds. */
  stacks: { workload: Workload; rounds: number }[];
}

export async function measureSessions(
  packs: readonly [PackUnderTest, PackUnderTest],
  plan: SessionPlan,
): Promise<SessionResults> {
  const sessions = {} as PerPack<PolicyPackSession>;
  try {
    for (const p of packs) sessions[p.id] = await startSession(p, plan.measured);
    for (const p of packs) {
      await sessions[p.id].evaluate(plan.warmup.resources, {
        concurrency: plan.concurrency,
        analyzeStack: false,
      });
    }
    log(`warm-up done (${plan.warmup.resources.length} resources per pack)`);

    const n = plan.measured.resources.length;
    const wall: PerPack<number[]> = { pack: [], baseline: [] };
    const packCpu: PerPack<number[]> = { pack: [], baseline: [] };
    const runnerCpu: PerPack<number[]> = { pack: [], baseline: [] };
    const findings: PerPack<number> = { pack: 0, baseline: 0 };
    const notApplicable: PerPack<number> = { pack: 0, baseline: 0 };
    for (let round = 0; round < plan.rounds; round++) {
      for (const p of interleave(round, ...packs)) {
        const s = sessions[p.id];
        const cpu0 = cpuMs(s.pid);
        const self0 = selfCpuMs();
        const t0 = process.hrtime.bigint();
        const report = await s.evaluate(plan.measured.resources, {
          concurrency: plan.concurrency,
          analyzeStack: false,
        });
        const elapsedUs = Number(process.hrtime.bigint() - t0) / 1000;
        const cpu1 = cpuMs(s.pid);
        wall[p.id].push(elapsedUs / n);
        if (cpu0 !== undefined && cpu1 !== undefined)
          packCpu[p.id].push(((cpu1 - cpu0) * 1000) / n);
        runnerCpu[p.id].push(((selfCpuMs() - self0) * 1000) / n);
        findings[p.id] = report.findings.length;
        notApplicable[p.id] = report.notApplicable.length;
      }
      log(
        `Analyze round ${round + 1}/${plan.rounds}: pack ${wall.pack.at(-1)?.toFixed(0)} µs/resource, baseline ${wall.baseline.at(-1)?.toFixed(0)} µs/resource`,
      );
    }
    const throughput = {} as PerPack<ThroughputResult>;
    for (const p of packs) {
      throughput[p.id] = {
        resources: n,
        wallUs: summarise(wall[p.id]),
        packCpuUs: summarise(packCpu[p.id]),
        runnerCpuUs: summarise(runnerCpu[p.id]),
        findings: findings[p.id],
        notApplicable: notApplicable[p.id],
      };
    }

    const analyzeStack: PerPack<StackResult>[] = [];
    for (const { workload, rounds } of plan.stacks) {
      const ms: PerPack<number[]> = { pack: [], baseline: [] };
      const cpu: PerPack<number[]> = { pack: [], baseline: [] };
      const found: PerPack<number> = { pack: 0, baseline: 0 };
      for (let round = 0; round < rounds; round++) {
        for (const p of interleave(round, ...packs)) {
          const s = sessions[p.id];
          const cpu0 = cpuMs(s.pid);
          const t0 = process.hrtime.bigint();
          const result = await s.analyzeStack(workload.resources);
          ms[p.id].push(Number(process.hrtime.bigint() - t0) / 1e6);
          const cpu1 = cpuMs(s.pid);
          if (cpu0 !== undefined && cpu1 !== undefined) cpu[p.id].push(cpu1 - cpu0);
          found[p.id] = result.findings.length;
        }
        log(
          `AnalyzeStack ${workload.resources.length} round ${round + 1}/${rounds}: pack ${ms.pack.at(-1)?.toFixed(0)} ms, baseline ${ms.baseline.at(-1)?.toFixed(0)} ms`,
        );
      }
      const entry = {} as PerPack<StackResult>;
      for (const p of packs) {
        entry[p.id] = {
          resources: workload.resources.length,
          ms: summarise(ms[p.id]),
          packCpuMs: summarise(cpu[p.id]),
          findings: found[p.id],
        };
      }
      analyzeStack.push(entry);
    }
    const peak = {} as PerPack<number | undefined>;
    for (const p of packs) peak[p.id] = peakRssMiB(sessions[p.id].pid);
    return { throughput, analyzeStack, peakRssMiB: peak };
  } finally {
    for (const s of Object.values(sessions)) await s.close();
  }
}

// ── scan (`jurisdiction-guard scan` over a `pulumi stack export`) ────────────────────────────

const REPO = path.resolve(__dirname, "..");

/** What one scan reported and cost in memory (each figure when known). */
export interface ScanMeasurement {
  findings: number | undefined;
  /** Peak RSS of the `jurisdiction-guard scan` process, MiB. */
  scanRssMiB: number | undefined;
  /** Peak RSS of the pack process the scan started, MiB. */
  packRssMiB: number | undefined;
}

/** One scan of one file with one pack. */
type ScanOnce = (
  file: string,
  p: PackUnderTest,
  config: Record<string, string>,
  outDir: string,
) => Promise<ScanMeasurement>;

export type ScanAvailability =
  { available: true; how: string; run: ScanOnce } | { available: false; why: string };

/** The part of the scan library the bench falls back on (cli/scan/scan.ts). */
interface ScanLibrary {
  scanFile(
    file: string,
    opts: {
      packDir: string;
      config?: Record<string, string>;
      env?: Record<string, string | undefined>;
    },
  ): Promise<{ report: { findings: unknown[] } }>;
}

/** `jurisdiction-guard scan` as a user runs it (a process), else the scan library, if there yet. */
export function findScan(): ScanAvailability {
  const bin = path.join(REPO, "bin", "jurisdiction-guard.js");
  if (fs.existsSync(bin) && fs.existsSync(path.join(REPO, "cli", "main.ts"))) {
    return { available: true, how: "jurisdiction-guard scan", run: scanCommand(bin) };
  }
  let resolved: string;
  try {
    resolved = require.resolve("../cli/scan/scan");
  } catch {
    return { available: false, why: "neither bin/jurisdiction-guard.js nor cli/scan is there yet" };
  }
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const lib = require(resolved) as Partial<ScanLibrary>;
    if (typeof lib.scanFile !== "function") {
      return { available: false, why: "cli/scan/scan.ts exports no scanFile" };
    }
    const scanFile = lib.scanFile.bind(lib);
    return {
      available: true,
      how: "scanFile()",
      run: async (file, p, config) => {
        const result = await scanFile(file, {
          packDir: p.dir,
          config,
          env: { ...HERMETIC_ENV, ...p.env },
        });
        // In process: neither figure can be told apart from the bench's own.
        return {
          findings: result.report.findings.length,
          scanRssMiB: undefined,
          packRssMiB: undefined,
        };
      },
    };
  } catch (e) {
    return { available: false, why: `cli/scan: ${errorLine(e)}` };
  }
}

function errorLine(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).split("\n")[0] ?? "";
}

const PEAK_RSS_PRELOAD = path.join(__dirname, "preload", "peak-rss.js");

/** Child process ids of a live process (every thread's children), from /proc. */
function childPids(pid: number): number[] {
  const out: number[] = [];
  try {
    for (const tid of fs.readdirSync(`/proc/${pid}/task`)) {
      const text = fs.readFileSync(`/proc/${pid}/task/${tid}/children`, "utf8").trim();
      for (const c of text.split(/\s+/)) if (c !== "") out.push(Number(c));
    }
  } catch {
    // Gone, or no /proc: no figure.
  }
  return out;
}

/**
 * Peak RSS of the scan process (written by a preload at its exit: exact) and of the pack process it
 * starts (VmHWM, polled every 100 ms while it lives; its peak is while it answers AnalyzeStack, well
 * before the scan stops it).
 */
function scanCommand(bin: string): ScanOnce {
  return (file, p, config, outDir) =>
    new Promise((resolve, reject) => {
      const out = path.join(outDir, `scan-${p.id}.json`);
      const rssOut = path.join(outDir, `scan-${p.id}.maxrss`);
      fs.rmSync(rssOut, { force: true });
      const args = ["--require", PEAK_RSS_PRELOAD, bin, "scan", file, "--policy-pack", p.dir];
      args.push("--format", "json", "-o", out, "--no-build", "--no-progress");
      for (const [k, v] of Object.entries(config)) args.push("--config", `${k}=${v}`);
      const env: NodeJS.ProcessEnv = { ...process.env };
      for (const [k, v] of Object.entries({ ...HERMETIC_ENV, ...p.env })) {
        if (v === undefined) delete env[k];
        else env[k] = v;
      }
      env["BENCH_PEAK_RSS_OUT"] = rssOut;
      const child = spawn(process.execPath, args, {
        cwd: REPO,
        env,
        stdio: ["ignore", "ignore", "pipe"],
      });
      const packPeak = new Map<number, number>();
      const poll = setInterval(() => {
        if (child.pid === undefined) return;
        for (const pid of childPids(child.pid)) {
          const v = peakRssMiB(pid);
          if (v !== undefined) packPeak.set(pid, Math.max(v, packPeak.get(pid) ?? 0));
        }
      }, 100);
      let stderr = "";
      child.stderr?.setEncoding("utf8").on("data", (c: string) => {
        stderr = (stderr + c).slice(-4000);
      });
      child.on("error", (e) => {
        clearInterval(poll);
        reject(e);
      });
      child.on("exit", (code) => {
        clearInterval(poll);
        // 0: nothing fails the scan; 1: violations that fail it (expected for the real pack).
        if (code !== 0 && code !== 1) {
          reject(
            new Error(`exit code ${code}: ${stderr.trim().split("\n").slice(-3).join(" / ")}`),
          );
          return;
        }
        resolve({
          findings: countFindings(out),
          scanRssMiB: readMaxRss(rssOut),
          packRssMiB: packPeak.size > 0 ? Math.max(...packPeak.values()) : undefined,
        });
      });
    });
}

/** The preload's figure (kB) in MiB, if it wrote one. */
function readMaxRss(file: string): number | undefined {
  try {
    const kb = Number(fs.readFileSync(file, "utf8").trim());
    return Number.isFinite(kb) && kb > 0 ? kb / 1024 : undefined;
  } catch {
    return undefined;
  } finally {
    fs.rmSync(file, { force: true });
  }
}

/** Findings in the JSON report, if its shape is recognisable. */
function countFindings(file: string): number | undefined {
  try {
    const doc = JSON.parse(fs.readFileSync(file, "utf8")) as unknown;
    const pick = (v: unknown): number | undefined => {
      if (v === null || typeof v !== "object") return undefined;
      const o = v as Record<string, unknown>;
      if (Array.isArray(o["findings"])) return o["findings"].length;
      if (Array.isArray(o["files"])) {
        let n = 0;
        for (const f of o["files"]) n += pick(f) ?? 0;
        return n;
      }
      return undefined;
    };
    return pick(doc);
  } catch {
    return undefined;
  } finally {
    fs.rmSync(file, { force: true });
  }
}

export interface ScanResult {
  resources: number;
  /** Export file size, MB. */
  fileMB: number;
  ms: PerPack<Sample>;
  findings: PerPack<number | undefined>;
  /** Peak RSS of the scan process, MiB (absent from results written before it was measured). */
  scanRssMiB?: PerPack<Sample>;
  /** Peak RSS of the pack process during the scan, MiB. */
  packRssMiB?: PerPack<Sample>;
}

export type ScanOutcome =
  | { status: "ok"; how: string; sizes: ScanResult[] }
  | { status: "unavailable" | "failed"; why: string };

/** Write each workload as a stack export into `tmpDir` and time `scan` over it with both packs. */
export async function measureScan(
  packs: readonly [PackUnderTest, PackUnderTest],
  workloads: readonly { workload: Workload; rounds: number; packs: readonly PackId[] }[],
  tmpDir: string,
): Promise<ScanOutcome> {
  const scan = findScan();
  if (!scan.available) return { status: "unavailable", why: scan.why };
  log(`scan through ${scan.how}`);
  const sizes: ScanResult[] = [];
  for (const { workload, rounds, packs: which } of workloads) {
    const file = path.join(tmpDir, `stack-export-${workload.resources.length}.json`);
    fs.writeFileSync(file, JSON.stringify(toStackExport(workload)));
    const ms: PerPack<number[]> = { pack: [], baseline: [] };
    const scanRss: PerPack<number[]> = { pack: [], baseline: [] };
    const packRss: PerPack<number[]> = { pack: [], baseline: [] };
    const findings: PerPack<number | undefined> = { pack: undefined, baseline: undefined };
    for (let round = 0; round < rounds; round++) {
      for (const p of interleave(round, ...packs)) {
        if (!which.includes(p.id)) continue;
        const t0 = process.hrtime.bigint();
        try {
          const result = await scan.run(file, p, workload.stackConfig, tmpDir);
          findings[p.id] = result.findings;
          if (result.scanRssMiB !== undefined) scanRss[p.id].push(result.scanRssMiB);
          if (result.packRssMiB !== undefined) packRss[p.id].push(result.packRssMiB);
        } catch (e) {
          return {
            status: "failed",
            why: `scan of ${path.basename(file)} with ${p.label} failed: ${errorLine(e)}`,
          };
        }
        ms[p.id].push(Number(process.hrtime.bigint() - t0) / 1e6);
      }
      const mib = (v: number | undefined) => (v !== undefined ? `${v.toFixed(0)} MiB` : "-");
      log(
        `scan ${workload.resources.length} round ${round + 1}/${rounds}: pack ${ms.pack.at(-1)?.toFixed(0) ?? "-"} ms (peak RSS scan ${mib(scanRss.pack.at(-1))}, pack ${mib(packRss.pack.at(-1))}), baseline ${ms.baseline.at(-1)?.toFixed(0) ?? "-"} ms (scan ${mib(scanRss.baseline.at(-1))}, pack ${mib(packRss.baseline.at(-1))})`,
      );
    }
    sizes.push({
      resources: workload.resources.length,
      fileMB: fs.statSync(file).size / 1e6,
      ms: { pack: summarise(ms.pack), baseline: summarise(ms.baseline) },
      findings,
      scanRssMiB: { pack: summarise(scanRss.pack), baseline: summarise(scanRss.baseline) },
      packRssMiB: { pack: summarise(packRss.pack), baseline: summarise(packRss.baseline) },
    });
    fs.rmSync(file, { force: true });
  }
  return { status: "ok", how: scan.how, sizes };
}
