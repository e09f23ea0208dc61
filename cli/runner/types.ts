// The runner's data model: resources as the engine holds them, and the findings it reports.

import type { EnforcementLevel, ReportingLevel } from "jurisdiction-guard/levels";

/** Enforcement levels of the Analyzer protocol, as the pack declares them. */
export type { EnforcementLevel, ReportingLevel } from "jurisdiction-guard/levels";

/** Policy severities of the Analyzer protocol (`PolicySeverity` in analyzer.proto). */
export type Severity = "unspecified" | "low" | "medium" | "high" | "critical";

/**
 * A property value in the Pulumi wire form (what the SDK sends in `RegisterResourceRequest.object`):
 * plain JSON, with unknowns as the sentinel string `UNKNOWN` and secrets, resource references and
 * output values as objects carrying the special signature key (see `marshal.ts`).
 */
export type PropertyValue =
  null | boolean | number | string | PropertyValue[] | { [key: string]: PropertyValue };

export type PropertyMap = Record<string, PropertyValue>;

/** Resource options the engine forwards to analyzers (`AnalyzerResourceOptions`). */
export interface ResourceOptions {
  protect?: boolean;
  ignoreChanges?: string[];
  /** Absent means "not set" (the engine sends `deleteBeforeReplaceDefined: false`). */
  deleteBeforeReplace?: boolean;
  additionalSecretOutputs?: string[];
  aliases?: string[];
  customTimeouts?: { create?: number; update?: number; delete?: number };
}

/**
 * One resource as the engine holds it after registration (goal state after `Check`): the input
 * the runner sends to the pack. Provider resources (`pulumi:providers:<pkg>`) are resources too;
 * other resources point at them through `provider`.
 */
export interface EngineResource {
  urn: string;
  type: string;
  /** Defaults to the URN's name part, as the engine uses `URN.Name()`. */
  name?: string;
  custom: boolean;
  /** Inputs in wire form. */
  inputs: PropertyMap;
  /** Outputs for `AnalyzeStack`; the engine sends outputs there. Defaults to `inputs` (preview). */
  outputs?: PropertyMap;
  parent?: string;
  dependencies?: string[];
  propertyDependencies?: Record<string, string[]>;
  /** Provider reference `<provider URN>::<provider ID>`, as in `pulumi stack export`. */
  provider?: string;
  options?: ResourceOptions;
}

/** One diagnostic from the pack, tied back to the resource it concerns. */
export interface Finding {
  policyName: string;
  policyPackName: string;
  policyPackVersion: string;
  /** As the engine reports it: `remediate` is downgraded to `mandatory`. */
  enforcementLevel: EnforcementLevel;
  /** From the diagnostic, else from the policy's metadata (as the engine fills it in). */
  severity: Severity;
  /** The pack's text, verbatim (for `reportViolation(msg)` it is `description + "\n" + msg`). */
  message: string;
  description: string;
  /** The resource the finding is reported against. */
  urn: string;
  resourceType: string;
  resourceName: string;
  /** Which RPC produced it. */
  phase: "analyze" | "analyzeStack" | "remediate";
}

/** A remediation the pack applied to a resource's properties. */
export interface RemediationRecord {
  urn: string;
  policyName: string;
  policyPackName: string;
  policyPackVersion: string;
  description: string;
  before: PropertyMap;
  after: PropertyMap;
}

export interface NotApplicable {
  urn: string;
  policyName: string;
  reason: string;
}

export interface PolicyConfigSchema {
  properties: Record<string, Record<string, unknown>>;
  required: string[];
}

export interface PolicyInfo {
  name: string;
  displayName: string;
  description: string;
  enforcementLevel: EnforcementLevel;
  type: "resource" | "stack" | "unknown";
  severity: Severity;
  tags: string[];
  remediationSteps: string;
  url: string;
  framework?: { name: string; version: string; reference: string; specification: string };
  /** With the engine-injected `enforcementLevel` property when the pack supports config. */
  configSchema?: PolicyConfigSchema;
}

export interface AnalyzerInfo {
  name: string;
  displayName: string;
  /** `PulumiPolicy.yaml`'s version wins over the pack's, as in the engine. */
  version: string;
  description: string;
  supportsConfig: boolean;
  /** Sorted by name, as the engine sorts them. */
  policies: PolicyInfo[];
  initialConfig: PolicyPackConfig;
  tags: string[];
  repository: string;
  provider: string;
  readme: string;
}

/** One policy's effective configuration, as sent in `Configure`. */
export interface PolicyConfigEntry {
  enforcementLevel?: EnforcementLevel;
  properties?: Record<string, unknown>;
}

export type PolicyPackConfig = Record<string, PolicyConfigEntry>;

/** What the pack wrote to stdout/stderr after the port, or sent to the Engine `Log` RPC. */
export interface PackLogEntry {
  source: "stdout" | "stderr" | "engine-log";
  message: string;
  severity?: string;
  urn?: string;
}

/** Findings counted per level they are reported at. */
export type PolicyCount = Record<ReportingLevel, number>;

export interface Report {
  policyPack: { name: string; version: string; path: string };
  /** Number of resources sent to `Analyze`. */
  resourcesAnalyzed: number;
  findings: Finding[];
  remediations: RemediationRecord[];
  notApplicable: NotApplicable[];
  counts: PolicyCount;
  /** Per policy name, every policy of the pack listed (zeros included). */
  countsByPolicy: Record<string, PolicyCount>;
  logs: PackLogEntry[];
  timings: { startupMs: number; analyzeMs: number; totalMs: number };
}
