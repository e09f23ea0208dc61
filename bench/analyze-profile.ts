// `--only analyze-profile`: where each pack process spends its CPU while it analyses resources.
// Both packs run the same workload under a V8 CPU profile (the preload's BENCH_CPU_PROFILE), and
// every sample is attributed by its stack:
//
//   our policies            below a jurisdiction-guard validateResource (facts, decisions, config)
//   not-applicable signal   the SDK's throwNotApplicable / NotApplicableError: the SDK learns that a
//                           policy does not apply only from a thrown error (args.notApplicable)
//   @pulumi/policy          the SDK's per-policy work (deserialising props per policy, proxies)
//   gRPC, protobuf          transport and (de)serialisation of requests and responses
//   garbage collector, node internals, other packages, native
//
// The profile covers the measured Analyze calls only (profiling starts after start-up and warm-up
// and stops before the pack is closed), so the groups divide by the resources analysed.
import * as fs from "fs";
import * as path from "path";
import type { PackId, PackUnderTest } from "./packs";
import { startSession } from "./packs";
import { packageOf } from "./startup-profile";
import type { Workload } from "./workload";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface AnalyzeProfile {
  resources: number;
  /** Per pack: CPU µs per resource by group, and the total (idle excluded). */
  perResourceUs: Record<PackId, Record<string, number>>;
  totalUs: Record<PackId, number>;
  /** Our functions by self time, µs per resource. */
  ours: { fn: string; us: number }[];
  files: Record<PackId, string>;
}

const OUR_ENTRY = new Set(["validateResource", "validateStack"]);
const NOT_APPLICABLE = new Set(["throwNotApplicable", "NotApplicableError", "notApplicable"]);

function leafGroup(node: ProfileNode): string {
  const { functionName: name, url } = node.callFrame;
  if (name === "(garbage collector)") return "garbage collector";
  if (name === "(idle)") return "(idle)";
  if (name === "(program)") return "native, V8";
  if (url === "") return "native, V8";
  if (url.startsWith("node:")) return "node internals";
  const file = url.replace(/^file:\/\//, "");
  if (!file.includes("node_modules/")) return "other";
  const pkg = packageOf(file, []);
  if (pkg === "@pulumi/policy") return "@pulumi/policy";
  if (pkg === "@grpc/grpc-js" || pkg === "google-protobuf" || pkg === "@pulumi/pulumi")
    return "gRPC, protobuf";
  return "other packages";
}

/** Self time (ms) of each profile node. */
function selfTimes(p: CpuProfile): Map<number, number> {
  const out = new Map<number, number>();
  p.samples.forEach((id, i) => out.set(id, (out.get(id) ?? 0) + (p.timeDeltas[i] ?? 0) / 1000));
  return out;
}

function attribute(profile: CpuProfile, packDir: string) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const ourDir = path.join(packDir, "bin") + path.sep;
  const isOurs = (n: ProfileNode) => n.callFrame.url.replace(/^file:\/\//, "").startsWith(ourDir);
  const groups: Record<string, number> = {};
  const ourFns = new Map<string, number>();
  for (const [id, ms] of selfTimes(profile)) {
    const leaf = byId.get(id);
    if (!leaf) continue;
    let group: string;
    if (NOT_APPLICABLE.has(leaf.callFrame.functionName)) {
      group = "not-applicable signal";
    } else {
      group = leafGroup(leaf);
      for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
        const n = byId.get(cur);
        if (n && isOurs(n) && OUR_ENTRY.has(n.callFrame.functionName)) {
          if (group !== "garbage collector") group = "our policies";
          break;
        }
      }
    }
    groups[group] = (groups[group] ?? 0) + ms;
    if (isOurs(leaf)) {
      const file = path.relative(packDir, leaf.callFrame.url.replace(/^file:\/\//, ""));
      const fn = `${leaf.callFrame.functionName || "(anonymous)"} ${file}:${leaf.callFrame.lineNumber + 1}`;
      ourFns.set(fn, (ourFns.get(fn) ?? 0) + ms);
    }
  }
  return { groups, ourFns };
}

export async function profileAnalyze(
  packs: readonly [PackUnderTest, PackUnderTest],
  w: { warmup: Workload; measured: Workload; concurrency: number },
  outDir: string,
): Promise<AnalyzeProfile> {
  const preload = path.join(__dirname, "preload", "analyze-profile.js");
  const n = w.measured.resources.length;
  const perResourceUs = {} as Record<PackId, Record<string, number>>;
  const totalUs = {} as Record<PackId, number>;
  const files = {} as Record<PackId, string>;
  let ours: { fn: string; us: number }[] = [];
  for (const p of packs) {
    const file = path.join(outDir, `analyze-${p.id}.cpuprofile`);
    const session = await startSession(p, w.measured, {
      env: { NODE_OPTIONS: `--require ${preload}`, BENCH_ANALYZE_PROFILE: file },
    });
    try {
      await session.evaluate(w.warmup.resources, {
        concurrency: w.concurrency,
        analyzeStack: false,
      });
      const pid = session.pid;
      if (pid === undefined) throw new Error(`${p.label}: the pack process has no pid`);
      process.kill(pid, "SIGUSR2"); // start profiling
      await session.evaluate(w.measured.resources, {
        concurrency: w.concurrency,
        analyzeStack: false,
      });
    } finally {
      await session.close(); // SIGINT: the preload writes the profile
    }
    files[p.id] = file;
    const { groups, ourFns } = attribute(
      JSON.parse(fs.readFileSync(file, "utf8")) as CpuProfile,
      p.dir,
    );
    const { "(idle)": _idle, ...busy } = groups;
    perResourceUs[p.id] = Object.fromEntries(
      Object.entries(busy)
        .sort((a, b) => b[1] - a[1])
        .map(([g, ms]) => [g, (ms * 1000) / n]),
    );
    totalUs[p.id] = Object.values(busy).reduce((s, ms) => s + (ms * 1000) / n, 0);
    if (p.id === "pack") {
      ours = [...ourFns.entries()]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 12)
        .map(([fn, ms]) => ({ fn, us: (ms * 1000) / n }));
    }
  }
  return { resources: n, perResourceUs, totalUs, ours, files };
}

export function analyzeProfileText(p: AnalyzeProfile): string {
  const groups = [
    ...new Set([...Object.keys(p.perResourceUs.pack), ...Object.keys(p.perResourceUs.baseline)]),
  ];
  const us = (v: number | undefined) => `${(v ?? 0).toFixed(0)} µs`.padStart(9);
  return [
    `CPU per resource while analysing ${p.resources} resources (V8 profile, idle excluded; profiling inflates throws):`,
    `    ${"".padEnd(26)}${"pack".padStart(9)}${"baseline".padStart(10)}`,
    ...groups.map(
      (g) => `    ${g.padEnd(26)}${us(p.perResourceUs.pack[g])} ${us(p.perResourceUs.baseline[g])}`,
    ),
    `    ${"total".padEnd(26)}${us(p.totalUs.pack)} ${us(p.totalUs.baseline)}`,
    `  our functions by self time (µs per resource):`,
    ...p.ours.map((o) => `    ${o.us.toFixed(1).padStart(6)}  ${o.fn}`),
    `  profiles: ${Object.values(p.files).join(", ")} (open in Chrome DevTools > Performance)`,
  ].join("\n");
}
