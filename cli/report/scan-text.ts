// `scan --format text` (the default): per input, a "Policies:" block grouped by policy (each
// policy's description once, then its findings, each led by what it found), then a summary and
// the verdict. For event logs, the policy events the recorded run reported are compared with this
// scan's findings.
import type { Finding } from "../runner/types";
import type { RecordedPolicyEvent } from "../scan/types";
import { FORMAT_LABELS } from "../scan/types";
import type { FileScanResult } from "../scan/types";
import type { ScanRun } from "../scan/types";
import { failingCount, isFailing, qualifiedStack } from "../scan/types";
import { PLAIN } from "./style";
import { weakenedPolicies } from "../scan/weakened";
import { count, formatCounts, formatPoliciesByPolicy, formatPolicyTable, sumCounts } from "./text";

const INDENT = "    ";

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

/** "warning" (older CLIs) is advisory; remediate is reported as mandatory, as the engine does. */
export function normalizeLevel(level: string): string {
  if (level === "warning") return "advisory";
  if (level === "remediate") return "mandatory";
  return level;
}

export interface RecordedComparison {
  /** Recorded events of this pack (by name). */
  recorded: number;
  /** In the recording, not found by this scan. */
  onlyRecorded: { urn: string; policyName: string; level: string }[];
  /** Found by this scan, not in the recording. */
  onlyScanned: { urn: string; policyName: string; level: string }[];
  /** Pack versions in the recording, when they differ from the scanned pack's. */
  otherVersions: string[];
}

/** Compare the recorded policy events of the scanned pack with this scan's findings. */
export function compareRecorded(
  recorded: readonly RecordedPolicyEvent[],
  findings: readonly Finding[],
  pack: { name: string; version: string },
): RecordedComparison {
  const ours = recorded.filter((e) => e.policyPackName === pack.name);
  const k = (urn: string, policy: string, level: string) => `${urn}\u0000${policy}\u0000${level}`;
  const rec = new Map(
    ours.map((e) => [k(e.urn, e.policyName, normalizeLevel(e.enforcementLevel)), e] as const),
  );
  const scan = new Map(
    findings.map((f) => [k(f.urn, f.policyName, f.enforcementLevel), f] as const),
  );
  const onlyRecorded = [...rec.entries()]
    .filter(([key]) => !scan.has(key))
    .map(([, e]) => ({
      urn: e.urn,
      policyName: e.policyName,
      level: normalizeLevel(e.enforcementLevel),
    }));
  const onlyScanned = [...scan.entries()]
    .filter(([key]) => !rec.has(key))
    .map(([, f]) => ({ urn: f.urn, policyName: f.policyName, level: f.enforcementLevel }));
  const otherVersions = [
    ...new Set(ours.map((e) => e.policyPackVersion).filter((v) => v !== "" && v !== pack.version)),
  ];
  return { recorded: ours.length, onlyRecorded, onlyScanned, otherVersions };
}

function recordedLines(r: FileScanResult): string[] {
  if (r.format !== "event-log") return [];
  const pack = r.report.policyPack;
  const all = r.recordedPolicyEvents;
  const c = compareRecorded(all, r.findings, pack);
  const others = all.length - c.recorded;
  const lines: string[] = [];
  let head = `Recorded in the event log: ${count(c.recorded, "policy event")} of ${pack.name}`;
  if (others > 0) head += `, ${others} of other packs`;
  if (c.otherVersions.length > 0) head += ` (recorded with v${c.otherVersions.join(", v")})`;
  if (c.onlyRecorded.length === 0 && c.onlyScanned.length === 0) {
    lines.push(`${head}; this scan reports the same.`);
    return lines;
  }
  lines.push(`${head}; this scan differs:`);
  for (const d of c.onlyRecorded) {
    lines.push(`${INDENT}- only recorded: [${d.level}] ${d.policyName} on ${d.urn}`);
  }
  for (const d of c.onlyScanned) {
    lines.push(`${INDENT}- only in this scan: [${d.level}] ${d.policyName} on ${d.urn}`);
  }
  return lines;
}

/** Per-stack totals of a backend audit: one row per stack, failing stacks marked. */
function stackTable(run: ScanRun): string[] {
  const rows = run.files.map((r) => ({
    name: qualifiedStack(r),
    resources: String(r.report.resourcesAnalyzed),
    mandatory: String(r.report.counts.mandatory),
    advisory: String(r.report.counts.advisory),
    result: failingCount(r, run.failOn) > 0 ? "FAIL" : "pass",
  }));
  const head = {
    name: "stack",
    resources: "resources",
    mandatory: "mandatory",
    advisory: "advisory",
    result: "result",
  };
  const width = (k: keyof typeof head) => Math.max(...[head, ...rows].map((r) => r[k].length));
  const line = (r: typeof head) =>
    `${INDENT}${r.name.padEnd(width("name"))}  ${r.resources.padStart(width("resources"))}  ` +
    `${r.mandatory.padStart(width("mandatory"))}  ${r.advisory.padStart(width("advisory"))}  ${r.result}`;
  return [line(head), ...rows.map(line)];
}

/**
 * The text report, line by line, ready for a terminal: names, URNs, messages and file names from
 * the input have their control and bidi characters escaped (`\u001b`; see terminal.ts), here,
 * once, over every finished line.
 */
export function formatScanText(run: ScanRun, cwd = process.cwd()): string[] {
  const lines: string[] = [];
  const first = run.files[0]?.report.policyPack;
  if (first) {
    lines.push(
      run.backend !== undefined
        ? `Policy pack ${first.name}@v${first.version}, backend ${run.backend.url}: ${count(run.files.length, "stack")}`
        : `Policy pack ${first.name}@v${first.version}, ${count(run.files.length, "input file")}`,
      "",
    );
  }
  for (const [i, r] of run.files.entries()) {
    lines.push(
      run.backend !== undefined
        ? `Stack ${i + 1}/${run.files.length} ${qualifiedStack(r)} (${r.file})`
        : `Scanning ${r.file} (${FORMAT_LABELS[r.format]}; stack ${r.stack}, project ${r.project})`,
    );
    lines.push(...formatPoliciesByPolicy(r.report, cwd));
    for (const w of weakenedPolicies(r)) lines.push(`${INDENT}⚠️  checks off: ${w.message}`);
    for (const l of r.report.logs.filter((x) => x.message.trim() !== "")) {
      for (const m of l.message.replace(/\n+$/, "").split("\n")) {
        lines.push(`${INDENT}[pack ${l.source}] ${m}`);
      }
    }
    lines.push(
      `Resources: ${r.report.resourcesAnalyzed} analysed; ${formatCounts(r.report.counts)}` +
        ` (pack start ${seconds(r.report.timings.startupMs)}, total ${seconds(r.durationMs)})`,
    );
    lines.push(...recordedLines(r), "");
  }
  const total = sumCounts(run.files.map((r) => r.report));
  const failing = run.files.reduce(
    (n, r) => n + r.findings.filter((f) => isFailing(f, run.failOn)).length,
    0,
  );
  lines.push("Summary");
  if (run.backend !== undefined) {
    const failingStacks = run.files.filter((r) => failingCount(r, run.failOn) > 0).length;
    lines.push(
      `${INDENT}${count(run.files.length, "stack")} (${failingStacks} failing), ${count(total.resources, "resource")} analysed`,
    );
    lines.push(...stackTable(run));
  } else {
    lines.push(
      `${INDENT}${count(run.files.length, "file")}, ${count(total.resources, "resource")} analysed`,
    );
  }
  lines.push(`${INDENT}violations: ${formatCounts(total.counts)}`);
  lines.push(...formatPolicyTable(total.byPolicy));
  lines.push(`${INDENT}duration: ${seconds(run.durationMs)}`);
  const weakened = run.files.reduce((n, r) => n + weakenedPolicies(r).length, 0);
  if (weakened > 0) {
    lines.push(
      `${INDENT}checks off: ${count(weakened, "disabled policy or empty restricting list", "disabled policies or empty restricting lists")}` +
        (run.requirePolicies === true
          ? " (fail with --require-policies)"
          : " (pass --require-policies to fail on them)"),
    );
  }
  const rule =
    run.failOn === "none"
      ? "nothing fails (--fail-on none)"
      : run.failOn === "advisory"
        ? "mandatory and advisory violations fail"
        : "mandatory violations fail";
  const failingChecks = run.requirePolicies === true ? weakened : 0;
  const reasons = [
    ...(failing > 0 || failingChecks === 0 ? [count(failing, "failing violation")] : []),
    ...(failingChecks > 0 ? [`${count(failingChecks, "check")} off (--require-policies)`] : []),
  ];
  lines.push(
    run.exitCode === 0 ? `Result: PASS (${rule})` : `Result: FAIL, ${reasons.join(", ")} (${rule})`,
  );
  return lines.map((l) => PLAIN.render(l));
}
