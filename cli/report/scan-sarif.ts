// `scan --format sarif`: SARIF 2.1.0 (OASIS), as GitHub code scanning and other SARIF viewers read
// it. One run; one rule per policy, from the pack's own metadata (GetAnalyzerInfo: display name,
// description, remediation steps, url, severity, tags, framework); one result per violation, level
// "error" for mandatory and "warning" for advisory; the resource URN as the logical location and
// the input file (and the resource's line, when known) as the physical location.
//
// `scan --backend` stays one run (GitHub code scanning rejects an upload with several runs of one
// tool and category): each result names its stack in `properties.qualifiedStack`
// (`organization/<project>/<stack>`), each stack's checkpoint is an artifact, and the run's
// `properties.stacks` holds the per-stack totals.
import { isReportingLevel } from "jurisdiction-guard/levels";
import { createHash } from "crypto";
import * as path from "path";
import { pathToFileURL } from "url";
import type * as Sarif from "sarif";
import type { EnforcementLevel, PolicyInfo, Severity } from "../runner/types";
import type { FileScanResult } from "../scan/types";
import type { ScanRun } from "../scan/types";
import { failingCount, FORMAT_LABELS, qualifiedStack } from "../scan/types";
import { weakenedInRun } from "../scan/weakened";

export const SARIF_SCHEMA_URI =
  "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
export const FINGERPRINT_KEY = "jurisdictionGuard/resourcePolicy/v1";

/** GitHub's `security-severity` scale: critical ≥ 9, high ≥ 7, medium ≥ 4, low > 0. */
const SECURITY_SEVERITY: Record<Severity, string | undefined> = {
  critical: "9.5",
  high: "8.0",
  medium: "5.5",
  low: "3.0",
  unspecified: undefined,
};

export function sarifLevel(level: EnforcementLevel): Sarif.ReportingConfiguration.level {
  switch (level) {
    case "mandatory":
    case "remediate":
      return "error";
    case "advisory":
      return "warning";
    case "disabled":
      return "none";
  }
}

/** "gpu-in-restricted-jurisdiction" -> "GpuInRestrictedJurisdiction". */
function pascal(name: string): string {
  return name
    .split(/[^A-Za-z0-9]+/)
    .filter((w) => w !== "")
    .map((w) => w[0]?.toUpperCase() + w.slice(1))
    .join("");
}

/** A URI for the input file: relative to the working directory when inside it (repository paths). */
export function artifactUri(file: string, cwd = process.cwd()): string {
  const abs = path.resolve(cwd, file);
  const rel = path.relative(cwd, abs);
  if (rel !== "" && !rel.startsWith("..") && !path.isAbsolute(rel)) {
    return rel.split(path.sep).map(encodeURIComponent).join("/");
  }
  return pathToFileURL(abs).href;
}

function ruleFor(p: PolicyInfo, level: EnforcementLevel): Sarif.ReportingDescriptor {
  const title = p.displayName !== "" ? p.displayName : p.name;
  const steps = p.remediationSteps.trim();
  const helpText = [
    steps !== "" ? `Remediation: ${steps}` : undefined,
    p.url !== "" ? `More: ${p.url}` : undefined,
  ]
    .filter((s) => s !== undefined)
    .join("\n\n");
  const helpMarkdown = [
    `**${title}** (\`${p.name}\`)`,
    p.description,
    steps !== "" ? `**Remediation**\n\n${steps}` : undefined,
    p.url !== "" ? `[Documentation](${p.url})` : undefined,
  ]
    .filter((s) => s !== undefined && s !== "")
    .join("\n\n");
  const properties: Sarif.PropertyBag = {
    tags: [...new Set(["jurisdiction", ...p.tags])],
    severity: p.severity,
    enforcementLevel: level,
    policyType: p.type,
  };
  const securitySeverity = SECURITY_SEVERITY[p.severity];
  if (securitySeverity !== undefined) properties["security-severity"] = securitySeverity;
  if (p.framework) properties["framework"] = { ...p.framework };
  const rule: Sarif.ReportingDescriptor = {
    id: p.name,
    name: pascal(p.name),
    shortDescription: { text: title },
    fullDescription: { text: p.description !== "" ? p.description : title },
    help: { text: helpText !== "" ? helpText : title, markdown: helpMarkdown },
    defaultConfiguration: { level: sarifLevel(level), enabled: level !== "disabled" },
    properties,
  };
  if (p.url !== "") rule.helpUri = p.url;
  return rule;
}

function fingerprint(policy: string, urn: string): string {
  return createHash("sha256").update(`${policy}\u0000${urn}`).digest("hex");
}

function effectiveLevel(file: FileScanResult | undefined, p: PolicyInfo): EnforcementLevel {
  return file?.policyConfig[p.name]?.enforcementLevel ?? p.enforcementLevel;
}

export function toSarif(run: ScanRun, cwd = process.cwd()): Sarif.Log {
  const first = run.files[0];
  const policies = first?.info.policies ?? [];
  const rules = policies.map((p) => ruleFor(p, effectiveLevel(first, p)));
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  const artifacts: Sarif.Artifact[] = run.files.map((f) => ({
    location: { uri: artifactUri(f.file, cwd) },
    roles: ["analysisTarget"],
    description: {
      text:
        run.backend !== undefined
          ? `checkpoint of stack ${qualifiedStack(f)} in ${run.backend.url}`
          : `${FORMAT_LABELS[f.format]} of stack ${f.stack} (project ${f.project})`,
    },
  }));

  const results: Sarif.Result[] = [];
  run.files.forEach((f, artifactIndex) => {
    for (const finding of f.findings) {
      if (!isReportingLevel(finding.enforcementLevel)) continue;
      const physical: Sarif.PhysicalLocation = {
        artifactLocation: { uri: artifactUri(f.file, cwd), index: artifactIndex },
      };
      // A line of a compressed checkpoint (.json.gz) is a line of its decompressed text: no region.
      if (finding.line !== undefined && !/\.(gz|zst)$/.test(f.file)) {
        physical.region = { startLine: finding.line };
      }
      const result: Sarif.Result = {
        ruleId: finding.policyName,
        level: sarifLevel(finding.enforcementLevel),
        kind: "fail",
        message: { text: finding.message },
        locations: [
          {
            physicalLocation: physical,
            logicalLocations: [
              {
                fullyQualifiedName: finding.urn,
                name: finding.resourceName,
                kind: "resource",
              },
            ],
          },
        ],
        partialFingerprints: { [FINGERPRINT_KEY]: fingerprint(finding.policyName, finding.urn) },
        properties: {
          enforcementLevel: finding.enforcementLevel,
          severity: finding.severity,
          resourceType: finding.resourceType,
          stack: f.stack,
          project: f.project,
          qualifiedStack: qualifiedStack(f),
          policyPack: `${finding.policyPackName}@${finding.policyPackVersion}`,
          phase: finding.phase,
        },
      };
      const index = ruleIndex.get(finding.policyName);
      if (index !== undefined) result.ruleIndex = index;
      results.push(result);
    }
  });

  const pack = first?.report.policyPack;
  const driver: Sarif.ToolComponent = {
    name: run.tool.name,
    version: run.tool.version,
    semanticVersion: run.tool.version,
    rules,
    properties: pack ? { policyPack: `${pack.name}@${pack.version}` } : {},
  };
  return {
    $schema: SARIF_SCHEMA_URI,
    version: "2.1.0",
    runs: [
      {
        tool: { driver },
        automationDetails: { id: "jurisdiction-guard/scan/" },
        invocations: [
          {
            executionSuccessful: true,
            exitCode: run.exitCode,
            properties: { failOn: run.failOn, requirePolicies: run.requirePolicies === true },
          },
        ],
        artifacts,
        results,
        columnKind: "utf16CodeUnits",
        // Policies the effective config disables or empties: not checked in this run.
        properties: {
          weakenedPolicies: weakenedInRun(run),
          ...(run.backend !== undefined
            ? {
                backend: run.backend.url,
                stacks: run.files.map((f) => ({
                  qualifiedStack: qualifiedStack(f),
                  file: f.file,
                  resources: f.report.resourcesAnalyzed,
                  mandatory: f.report.counts.mandatory,
                  advisory: f.report.counts.advisory,
                  failing: failingCount(f, run.failOn),
                })),
              }
            : {}),
        },
      },
    ],
  };
}
