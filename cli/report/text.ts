// Text output in the style of `pulumi preview`'s "Policies:" section. The pack words the
// messages; they are printed verbatim, indented under the violation line.
import * as path from "path";
import type { Finding, PolicyCount, Report } from "../runner/types";
import { PLAIN } from "./style";
import type { Style } from "./style";
import { escapeControls } from "./terminal";

const INDENT = "    ";

/** "1 resource", "2 resources": a count with its noun in the right number. */
export function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
}

function packLabel(report: Report, cwd: string): string {
  const rel = path.relative(cwd, report.policyPack.path) || ".";
  return `${report.policyPack.name}@v${report.policyPack.version} (local: ${rel})`;
}

/**
 * The message's lines. The pack words the resource's name, URN and type into its message: a
 * newline in one of them must not start a line of its own, so they are escaped before the split
 * (every line is escaped again, whole, when it is rendered).
 */
function messageLines(f: Pick<Finding, "resourceName" | "urn" | "resourceType">, message: string) {
  let out = message;
  for (const value of [f.urn, f.resourceType, f.resourceName]) {
    const safe = escapeControls(value);
    if (safe !== value && value !== "") out = out.split(value).join(safe);
  }
  return out.split("\n");
}

function findingLines(f: Finding, style: Style): string[] {
  const paint = f.enforcementLevel === "mandatory" ? style.mandatory : style.advisory;
  const lines = [
    `${INDENT}${INDENT}${paint(`- [${f.enforcementLevel}]  ${f.policyName}`)}  (${f.resourceType}: ${f.resourceName})`,
  ];
  for (const line of messageLines(f, f.message)) {
    lines.push(line === "" ? "" : `${INDENT}${INDENT}  ${line}`);
  }
  return lines;
}

/**
 * The "Policies:" block for one stack; `style` colours it (plain text by default). The lines hold
 * input text as it came: write each through `style.render`, which escapes it for the terminal.
 */
export function formatPolicies(
  report: Report,
  cwd = process.cwd(),
  style: Style = PLAIN,
): string[] {
  const [mark, paint] =
    report.counts.mandatory > 0
      ? ["❌", style.mandatory]
      : report.counts.advisory > 0
        ? ["⚠️ ", style.advisory]
        : ["✅", style.pass];
  const lines = ["Policies:", `${INDENT}${paint(`${mark} ${packLabel(report, cwd)}`)}`];
  // Mandatory first, then advisory; within a level, in resource order.
  const ordered = [
    ...report.findings.filter((f) => f.enforcementLevel === "mandatory"),
    ...report.findings.filter((f) => f.enforcementLevel !== "mandatory"),
  ];
  for (const f of ordered) lines.push(...findingLines(f, style));
  return lines;
}

/**
 * The finding itself, without the policy's description that the SDK puts before a message
 * reported as a string (`description + "\n" + message`).
 */
export function specificMessage(f: Pick<Finding, "message" | "description">): string {
  const prefix = `${f.description}\n`;
  return f.description !== "" && f.message.startsWith(prefix)
    ? f.message.slice(prefix.length)
    : f.message;
}

/** The first non-empty line of a finding's own message: what it is about, in one line. */
export function findingHeadline(f: Pick<Finding, "message" | "description">): string {
  const own = specificMessage(f);
  return own.split("\n").find((l) => l.trim() !== "") ?? own;
}

/**
 * The scan's "Policies:" block: per policy its description once, then each finding led by the
 * finding itself (what, where, why, fix), the resource named when the message does not name it.
 * Input text as it came; `formatScanText` escapes the finished lines.
 */
export function formatPoliciesByPolicy(report: Report, cwd = process.cwd()): string[] {
  const mark = report.counts.mandatory > 0 ? "❌" : report.counts.advisory > 0 ? "⚠️ " : "✅";
  const lines = ["Policies:", `${INDENT}${mark} ${packLabel(report, cwd)}`];
  const byPolicy = new Map<string, Finding[]>();
  for (const f of report.findings) {
    const list = byPolicy.get(f.policyName);
    if (list) list.push(f);
    else byPolicy.set(f.policyName, [f]);
  }
  const rank = (fs: readonly Finding[]) =>
    fs.some((f) => f.enforcementLevel === "mandatory") ? 0 : 1;
  const policies = [...byPolicy.entries()].sort((a, b) => rank(a[1]) - rank(b[1]));
  for (const [policy, findings] of policies) {
    const description = findings[0]?.description ?? "";
    lines.push(`${INDENT}${INDENT}${policy}${description !== "" ? `: ${description}` : ""}`);
    const ordered = [
      ...findings.filter((f) => f.enforcementLevel === "mandatory"),
      ...findings.filter((f) => f.enforcementLevel !== "mandatory"),
    ];
    for (const f of ordered) {
      const [first = "", ...rest] = messageLines(f, specificMessage(f));
      const named = first.includes(escapeControls(f.resourceName))
        ? first
        : `${f.resourceType} "${f.resourceName}": ${first}`;
      lines.push(`${INDENT}${INDENT}- [${f.enforcementLevel}] ${named}`);
      for (const line of rest) lines.push(line === "" ? "" : `${INDENT}${INDENT}  ${line}`);
    }
  }
  return lines;
}

export function formatCounts(counts: PolicyCount): string {
  return `${counts.mandatory} mandatory, ${counts.advisory} advisory`;
}

/** A per-policy table: policy, mandatory, advisory. */
export function formatPolicyTable(countsByPolicy: Record<string, PolicyCount>): string[] {
  const names = Object.keys(countsByPolicy).sort();
  const width = Math.max("policy".length, ...names.map((n) => n.length));
  const row = (a: string, b: string, c: string) =>
    `${INDENT}${a.padEnd(width)}  ${b.padStart(9)}  ${c.padStart(8)}`;
  const lines = [row("policy", "mandatory", "advisory")];
  for (const n of names) {
    const c = countsByPolicy[n] ?? { mandatory: 0, advisory: 0 };
    lines.push(row(n, String(c.mandatory), String(c.advisory)));
  }
  return lines;
}

/** Add per-policy counts of several reports. */
export function sumCounts(reports: readonly Report[]): {
  resources: number;
  counts: PolicyCount;
  byPolicy: Record<string, PolicyCount>;
} {
  const counts: PolicyCount = { mandatory: 0, advisory: 0 };
  const byPolicy: Record<string, PolicyCount> = {};
  let resources = 0;
  for (const r of reports) {
    resources += r.resourcesAnalyzed;
    counts.mandatory += r.counts.mandatory;
    counts.advisory += r.counts.advisory;
    for (const [name, c] of Object.entries(r.countsByPolicy)) {
      const acc = (byPolicy[name] ??= { mandatory: 0, advisory: 0 });
      acc.mandatory += c.mandatory;
      acc.advisory += c.advisory;
    }
  }
  return { resources, counts, byPolicy };
}
