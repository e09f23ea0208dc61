// The scan's results: what a scan of one input file and a whole `scan` invocation produce, and the
// rule that decides which findings fail it. Types and pure functions only, no machinery, so that
// report/ (which words the results) and commands/ read them without pulling in the scan itself.
import { REPORTING_LEVELS } from "jurisdiction-guard/levels";
import type {
  AnalyzerInfo,
  Finding,
  PolicyPackConfig,
  ReportingLevel,
  Report,
} from "../runner/types";

export type InputFormat = "stack-export" | "preview" | "event-log";

export const FORMAT_LABELS: Record<InputFormat, string> = {
  "stack-export": "pulumi stack export",
  preview: "pulumi preview --json",
  "event-log": "engine event log",
};

/** A policy violation recorded in an event log by a real `pulumi preview|up --policy-pack`. */
export interface RecordedPolicyEvent {
  urn: string;
  policyName: string;
  policyPackName: string;
  policyPackVersion: string;
  /** As recorded: "advisory" (older CLIs: "warning"), "mandatory", "remediate", "disabled". */
  enforcementLevel: string;
  severity?: string;
  /** With the CLI's colour markup removed. */
  message: string;
  line: number;
}

/** A finding with the input line of the resource it is reported against (when known). */
export interface ScanFinding extends Finding {
  line?: number;
}

/** A resource that was analyzed, for reports that list every resource (JUnit). */
export interface AnalyzedResource {
  urn: string;
  type: string;
  name: string;
  line?: number;
}

/** What the evaluation is doing: per-resource RPCs, or the one AnalyzeStack at the end. */
export type ProgressStage = "analyze" | "analyzeStack";

export interface FileScanResult {
  /** The path as given on the command line (a backend's stacks: the checkpoint file). */
  file: string;
  format: InputFormat;
  stack: string;
  project: string;
  /** The stack's organization (a DIY backend's, and a file's: "organization"). */
  organization?: string;
  report: Report;
  /** `report.findings`, each with the input line of its resource when known. Secrets redacted. */
  findings: ScanFinding[];
  /** Every analyzed resource (only with `keepResources`). */
  resources: AnalyzedResource[];
  info: AnalyzerInfo;
  /** The reconciled policy config sent in `Configure` (effective enforcement levels). */
  policyConfig: PolicyPackConfig;
  /** Policy events a real `pulumi preview --policy-pack` recorded (event logs only). */
  recordedPolicyEvents: RecordedPolicyEvent[];
  /** Policy packs (name -> version) the recorded run used (event-log summary). */
  recordedPolicyPacks: Record<string, string>;
  durationMs: number;
}

/** Which findings fail the scan: mandatory ones (the default), advisory ones too, or none. */
export type FailOn = ReportingLevel | "none";

/** Strictest first: mandatory, advisory, none. */
export const FAIL_ON: readonly FailOn[] = [...[...REPORTING_LEVELS].reverse(), "none"];

export interface ScanRun {
  tool: { name: string; version: string };
  files: FileScanResult[];
  failOn: FailOn;
  /** `--require-policies`: a disabled policy or an empty restricting list fails the scan. */
  requirePolicies?: boolean;
  /**
   * 0: nothing failing; 1: at least one failing finding, or a weakened policy under
   * `requirePolicies`. (2, errors, never gets this far.)
   */
  exitCode: 0 | 1;
  durationMs: number;
  /** `scan --backend`: the backend audited (each of `files` is one of its stacks). */
  backend?: { url: string; stacks: number };
}

/** `organization/<project>/<stack>`: the stack's fully qualified name, as Pulumi writes it. */
export function qualifiedStack(r: Pick<FileScanResult, "organization" | "project" | "stack">) {
  return `${r.organization ?? "organization"}/${r.project}/${r.stack}`;
}

/** Findings of the file that fail the scan under `failOn`. */
export function failingCount(r: Pick<FileScanResult, "findings">, failOn: FailOn): number {
  return r.findings.filter((f) => isFailing(f, failOn)).length;
}

export function isFailing(f: Pick<Finding, "enforcementLevel">, failOn: FailOn): boolean {
  if (failOn === "none") return false;
  if (f.enforcementLevel === "mandatory") return true;
  return failOn === "advisory" && f.enforcementLevel === "advisory";
}

export function exitCodeOf(files: readonly FileScanResult[], failOn: FailOn): 0 | 1 {
  return files.some((r) => r.findings.some((f) => isFailing(f, failOn))) ? 1 : 0;
}
