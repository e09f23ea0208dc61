// `scan --format json`: a stable, documented shape for scripts. The schema is
// cli/report/scan-report.schema.json; `version` is the shape's version - fields are only ever
// added within a version, never renamed or removed (and an added field is optional in the schema,
// as older reports of the same version lack it: `requirePolicies`, `weakenedPolicies`).
import { isReportingLevel } from "jurisdiction-guard/levels";
import type { FailOn, InputFormat } from "../scan/types";
import type { ScanRun } from "../scan/types";
import { failingCount, isFailing, qualifiedStack } from "../scan/types";
import { sumCounts } from "./text";
import { weakenedInRun } from "../scan/weakened";
import type { WeakenedPolicy } from "../scan/weakened";
import type { PolicyCount, ReportingLevel, Severity } from "../runner/types";

export const SCAN_JSON_VERSION = 1;

export interface ScanJsonFinding {
  /** The input file, as given on the command line (`--backend`: the stack's checkpoint file). */
  file: string;
  /** The stack, `organization/<project>/<stack>`. */
  qualifiedStack: string;
  /** 1-based line of the resource in the input file, when known. */
  line?: number;
  urn: string;
  resourceType: string;
  resourceName: string;
  policyName: string;
  policyPackName: string;
  policyPackVersion: string;
  enforcementLevel: ReportingLevel;
  severity: Severity;
  /** The pack's message, verbatim (secrets known to the scan are redacted as "[secret]"). */
  message: string;
  /** "analyze" (per resource), "analyzeStack" (stack policies) or "remediate". */
  phase: "analyze" | "analyzeStack" | "remediate";
  /** Whether this finding fails the scan under `failOn`. */
  failing: boolean;
}

export interface ScanJsonRecordedEvent {
  line: number;
  urn: string;
  policyName: string;
  policyPackName: string;
  policyPackVersion: string;
  enforcementLevel: string;
  severity?: string;
  message: string;
}

export interface ScanJsonInput {
  file: string;
  format: InputFormat;
  stack: string;
  project: string;
  /** `organization/<project>/<stack>`. */
  qualifiedStack: string;
  /** Resources sent to Analyze (root stack and providers included, as the engine does). */
  resources: number;
  mandatory: number;
  advisory: number;
  /** Findings of this input that fail the scan under `failOn`. */
  failing: number;
  durationMs: number;
  /** Event logs only: the policy events the recorded `pulumi preview --policy-pack` reported. */
  recordedPolicyEvents?: ScanJsonRecordedEvent[];
}

export interface ScanJsonReport {
  version: typeof SCAN_JSON_VERSION;
  tool: { name: string; version: string };
  policyPack: { name: string; version: string; path: string } | null;
  failOn: FailOn;
  /** The process exit code: 0 pass, 1 failing findings. */
  exitCode: 0 | 1;
  summary: {
    files: number;
    resources: number;
    findings: number;
    mandatory: number;
    advisory: number;
    /** Findings that fail the scan under `failOn`. */
    failing: number;
    byPolicy: Record<string, PolicyCount>;
  };
  inputs: ScanJsonInput[];
  findings: ScanJsonFinding[];
  /** `--require-policies` was given: weakened policies fail the scan. */
  requirePolicies: boolean;
  /** Policies the effective config disables or empties: the scan did not check them. */
  weakenedPolicies: WeakenedPolicy[];
  /** `scan --backend`: the backend audited; `inputs` holds one entry per stack. */
  backend?: { url: string; stacks: number; failingStacks: number };
}

export function toScanJson(run: ScanRun): ScanJsonReport {
  const findings: ScanJsonFinding[] = [];
  const { resources, counts, byPolicy } = sumCounts(run.files.map((r) => r.report));
  const { mandatory, advisory } = counts;
  for (const r of run.files) {
    for (const f of r.findings) {
      if (!isReportingLevel(f.enforcementLevel)) continue;
      const out: ScanJsonFinding = {
        file: r.file,
        qualifiedStack: qualifiedStack(r),
        urn: f.urn,
        resourceType: f.resourceType,
        resourceName: f.resourceName,
        policyName: f.policyName,
        policyPackName: f.policyPackName,
        policyPackVersion: f.policyPackVersion,
        enforcementLevel: f.enforcementLevel,
        severity: f.severity,
        message: f.message,
        phase: f.phase,
        failing: isFailing(f, run.failOn),
      };
      if (f.line !== undefined) out.line = f.line;
      findings.push(out);
    }
  }
  const inputs: ScanJsonInput[] = run.files.map((r) => {
    const input: ScanJsonInput = {
      file: r.file,
      format: r.format,
      stack: r.stack,
      project: r.project,
      qualifiedStack: qualifiedStack(r),
      resources: r.report.resourcesAnalyzed,
      mandatory: r.report.counts.mandatory,
      advisory: r.report.counts.advisory,
      failing: failingCount(r, run.failOn),
      durationMs: r.durationMs,
    };
    if (r.format === "event-log") {
      input.recordedPolicyEvents = r.recordedPolicyEvents.map((e) => {
        const ev: ScanJsonRecordedEvent = {
          line: e.line,
          urn: e.urn,
          policyName: e.policyName,
          policyPackName: e.policyPackName,
          policyPackVersion: e.policyPackVersion,
          enforcementLevel: e.enforcementLevel,
          message: e.message,
        };
        if (e.severity !== undefined) ev.severity = e.severity;
        return ev;
      });
    }
    return input;
  });
  const first = run.files[0]?.report.policyPack;
  const backend =
    run.backend !== undefined
      ? {
          backend: {
            url: run.backend.url,
            stacks: run.files.length,
            failingStacks: inputs.filter((i) => i.failing > 0).length,
          },
        }
      : {};
  return {
    version: SCAN_JSON_VERSION,
    tool: run.tool,
    policyPack: first ? { ...first } : null,
    failOn: run.failOn,
    exitCode: run.exitCode,
    summary: {
      files: run.files.length,
      resources,
      findings: findings.length,
      mandatory,
      advisory,
      failing: findings.filter((f) => f.failing).length,
      byPolicy,
    },
    inputs,
    findings,
    requirePolicies: run.requirePolicies === true,
    weakenedPolicies: weakenedInRun(run),
    ...backend,
  };
}
