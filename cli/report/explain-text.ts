// The text form of `jurisdiction-guard explain`: one block per answer, one screen in all, saying
// what the term is, whether the config restricts it and why, and the source with its review date.
import type { ExplainAnswer, ExplainResult } from "jurisdiction-guard/explain";
import { escapeControls } from "./terminal";

const CLOUD_NAMES: Readonly<Record<string, string>> = {
  aws: "AWS",
  azure: "Azure",
  gcp: "Google Cloud",
  alicloud: "Alibaba Cloud",
  tencentcloud: "Tencent Cloud",
  huaweicloud: "Huawei Cloud",
};

const KIND_NAMES: Readonly<Record<ExplainAnswer["kind"], string>> = {
  region: "region",
  "instance-type": "instance type",
  asn: "autonomous system",
  ip: "IP address",
  country: "country",
  "jurisdiction-group": "jurisdiction group",
};

function headline(a: ExplainAnswer): string {
  const cloud = a.cloud ? ` of ${CLOUD_NAMES[a.cloud] ?? a.cloud}` : "";
  const detail = a.detail ? `: ${a.detail}` : "";
  const where = a.country ? ` (${a.country}${a.countryName ? `, ${a.countryName}` : ""})` : "";
  return `${a.name}: ${KIND_NAMES[a.kind]}${cloud}${detail}${where}`;
}

function body(a: ExplainAnswer): string[] {
  const lines: string[] = [];
  for (const x of a.accelerators ?? []) {
    const guess = x.catalogued ? "" : ", by its series only";
    lines.push(`  accelerator: ${x.chip} (${x.vendor}), family ${x.family}${guess}`);
    lines.push(`  export control: ${x.exportControl}: ${x.basis}`);
  }
  if (a.accelerators?.length === 0) lines.push("  accelerator: none");
  if (a.providers !== undefined) {
    if (a.providers.length === 0) lines.push("  listed provider: none");
    for (const p of a.providers) {
      const conf = p.confidence && p.confidence !== "verified" ? `, ${p.confidence}` : "";
      lines.push(
        `  listed provider: ${p.name}${p.country ? ` (${p.country})` : ""}, by ${p.matched}${conf}`,
      );
    }
  }
  if (a.members) lines.push(`  members: ${a.members.join(" ")}`);
  if (a.groups) lines.push(`  in groups: ${a.groups.length > 0 ? a.groups.join(", ") : "none"}`);
  lines.push(`  restricted: ${a.restricted ? "yes" : "no"}: ${a.why} (${a.policy})`);
  const conf = a.confidence ? `, ${a.confidence}` : "";
  const url = a.sourceUrl ? ` <${a.sourceUrl}>` : "";
  lines.push(`  source: ${a.sourceTitle ?? a.source}${url}; reviewed ${a.reviewed}${conf}`);
  if (a.note) lines.push(`  note: ${a.note}`);
  return lines;
}

/** The lines of the text form; `config` names the policy config file, if one was given. */
export function formatExplainText(result: ExplainResult, config?: string): string[] {
  const out: string[] = [];
  result.answers.forEach((a, i) => {
    if (i > 0) out.push("");
    out.push(headline(a), ...body(a));
  });
  if (result.answers.length > 1) {
    out.push("", `${result.answers.length} answers: the name exists in several places.`);
  }
  if (result.suggestion !== undefined) {
    out.push(
      "",
      `did you mean ${result.suggestion}? (jurisdiction-guard explain ${result.suggestion})`,
    );
  }
  out.push(
    "",
    config
      ? `config: ${config}`
      : "config: the pack's defaults (--policy-pack-config FILE for yours)",
  );
  return out.map(escapeControls);
}
