// What a pack loads at start-up, and what it costs: each pack is started once through the runner
// with a preload (preload/startup-trace.js) that records every module load with its inclusive and
// self time. Answers "does the pack load what a run does not need?" (it must never load the
// @pulumi/aws or @pulumi/azure-native index) and names the biggest costs of ours.
import * as fs from "fs";
import * as path from "path";
import type { PackId, PackUnderTest } from "./packs";
import { REPO_ROOT, startSession } from "./packs";
import type { Workload } from "./workload";

interface TraceRow {
  file: string;
  parent: string;
  incl: number;
  self: number;
  depth: number;
}

export interface CostEntry {
  name: string;
  ms: number;
  files: number;
}

export interface PackStartupProfile {
  startupMs: number;
  modules: number;
  /** Sum of self load times (compile + top-level code of every module), ms. */
  loadMs: number;
  /** Self load time per package, largest first. */
  byPackage: CostEntry[];
  /** The pack's own entry module's top-level code: constructing the PolicyPack, ms. */
  constructionMs: number;
  /** Packages the pack's own modules require, with their inclusive load time, largest first. */
  directImports: CostEntry[];
  /** Our own modules (not node_modules), self time, largest first. */
  ownModules: CostEntry[];
}

export interface StartupProfile {
  pack: PackStartupProfile;
  baseline: PackStartupProfile;
  /** Packages the pack loads that the baseline does not, with their self load time. */
  extraPackages: CostEntry[];
  /** Cloud SDK indexes the pack must never load at start-up, if it did. */
  forbiddenLoaded: string[];
  /** Where the CPU profiles were written (with --cpu-prof). */
  cpuProfiles?: Partial<Record<PackId, string>>;
}

export const FORBIDDEN_PACKAGES = ["@pulumi/aws", "@pulumi/azure-native"];

/** `@pulumi/policy` for …/node_modules/@pulumi/policy/x.js; ours / node builtins otherwise. */
export function packageOf(file: string, ownDirs: readonly string[]): string {
  const m = /.*node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file);
  if (m?.[1] !== undefined) return m[1];
  if (!path.isAbsolute(file)) return "(node builtins)";
  for (const dir of ownDirs) if (file.startsWith(dir + path.sep)) return "(ours)";
  return path.relative(REPO_ROOT, file);
}

function top(map: Map<string, { ms: number; files: number }>, n = 12): CostEntry[] {
  return [...map.entries()]
    .map(([name, v]) => ({ name, ...v }))
    .sort((a, b) => b.ms - a.ms)
    .slice(0, n);
}

function add(map: Map<string, { ms: number; files: number }>, key: string, ms: number): void {
  const e = map.get(key) ?? { ms: 0, files: 0 };
  e.ms += ms;
  e.files += 1;
  map.set(key, e);
}

function summariseTrace(rows: TraceRow[], p: PackUnderTest, startupMs: number): PackStartupProfile {
  const own = [p.dir];
  const isOwn = (f: string) =>
    path.isAbsolute(f) && f.startsWith(p.dir + path.sep) && !f.includes("node_modules");
  const byPackage = new Map<string, { ms: number; files: number }>();
  const direct = new Map<string, { ms: number; files: number }>();
  const ownModules = new Map<string, { ms: number; files: number }>();
  let constructionMs = 0;
  // The entry module: ours, loaded from outside (run-policy-pack); the SDK also requires our
  // package.json from outside, so take the one that loads the most.
  const main = rows
    .filter((r) => isOwn(r.file) && !isOwn(r.parent))
    .sort((a, b) => b.incl - a.incl)[0];
  for (const r of rows) {
    add(byPackage, packageOf(r.file, own), r.self);
    if (isOwn(r.parent) && !isOwn(r.file) && path.isAbsolute(r.file)) {
      add(direct, packageOf(r.file, own), r.incl);
    }
    if (isOwn(r.file)) add(ownModules, path.relative(p.dir, r.file), r.self);
  }
  if (main) constructionMs = main.self;
  return {
    startupMs,
    modules: rows.length,
    loadMs: rows.reduce((s, r) => s + r.self, 0),
    byPackage: top(byPackage),
    constructionMs,
    directImports: top(direct),
    ownModules: top(ownModules, 8),
  };
}

export async function profileStartup(
  packs: readonly [PackUnderTest, PackUnderTest],
  w: Workload,
  tmpDir: string,
  cpuProfileDir?: string,
): Promise<StartupProfile> {
  const preload = path.join(__dirname, "preload", "startup-trace.js");
  const out = {} as Record<PackId, PackStartupProfile>;
  const files = {} as Record<PackId, Set<string>>;
  const packageRows = {} as Record<PackId, TraceRow[]>;
  const cpuProfiles: Partial<Record<PackId, string>> = {};
  for (const p of packs) {
    const trace = path.join(tmpDir, `startup-trace-${p.id}.json`);
    const env: Record<string, string> = {
      NODE_OPTIONS: `--require ${preload}`,
      BENCH_TRACE_OUT: trace,
    };
    if (cpuProfileDir !== undefined) {
      const file = path.join(cpuProfileDir, `startup-${p.id}.cpuprofile`);
      env["BENCH_CPU_PROFILE"] = file;
      cpuProfiles[p.id] = file;
    }
    const session = await startSession(p, w, { env });
    const startupMs = session.startupMs;
    await session.close();
    const rows = JSON.parse(fs.readFileSync(trace, "utf8")) as TraceRow[];
    out[p.id] = summariseTrace(rows, p, startupMs);
    files[p.id] = new Set(rows.map((r) => r.file));
    packageRows[p.id] = rows;
  }
  const dirOf = (id: PackId) => packs.find((p) => p.id === id)?.dir ?? "";
  const basePackages = new Set(
    packageRows.baseline.map((r) => packageOf(r.file, [dirOf("baseline")])),
  );
  const extra = new Map<string, { ms: number; files: number }>();
  for (const r of packageRows.pack) {
    const name = packageOf(r.file, [dirOf("pack")]);
    if (!basePackages.has(name)) add(extra, name, r.self);
  }
  const forbiddenLoaded = FORBIDDEN_PACKAGES.filter((pkg) =>
    [...files.pack].some((f) => f.includes(`node_modules/${pkg}/`)),
  );
  const result: StartupProfile = {
    pack: out.pack,
    baseline: out.baseline,
    extraPackages: top(extra, 20),
    forbiddenLoaded,
  };
  if (cpuProfileDir !== undefined) result.cpuProfiles = cpuProfiles;
  return result;
}
