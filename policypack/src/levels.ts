// Enforcement levels, declared once: the pack's config checker, its policies' metadata and the
// CLI's runner (through `jurisdiction-guard/levels`, a module without the pack's weight) use these.
import type { EnforcementLevel as SdkEnforcementLevel } from "@pulumi/policy";

/** The levels a finding is reported at, and a policy's default level is one of. */
export const REPORTING_LEVELS = ["advisory", "mandatory"] as const;

/** Every enforcement level the engine accepts (`EnforcementLevel` in analyzer.proto). */
export const ENFORCEMENT_LEVELS = [...REPORTING_LEVELS, "remediate", "disabled"] as const;

export type EnforcementLevel = (typeof ENFORCEMENT_LEVELS)[number];
export type ReportingLevel = (typeof REPORTING_LEVELS)[number];

// The policy SDK's levels and these are the same set: a level added to either fails to compile.
const _sameLevels: [
  Exclude<SdkEnforcementLevel, EnforcementLevel> | Exclude<EnforcementLevel, SdkEnforcementLevel>,
] extends [never]
  ? true
  : never = true;

export function isEnforcementLevel(value: unknown): value is EnforcementLevel {
  return typeof value === "string" && (ENFORCEMENT_LEVELS as readonly string[]).includes(value);
}

export function isReportingLevel(value: unknown): value is ReportingLevel {
  return typeof value === "string" && (REPORTING_LEVELS as readonly string[]).includes(value);
}
