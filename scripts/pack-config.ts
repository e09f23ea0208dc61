// Checks an organisation's pack config in the shape `pulumi preview --policy-pack-config` and
// `pulumi policy enable --config` read: { "all": <level>, "<policy>": <level> | { enforcementLevel,
// <settings> } }. Every problem names its field, the way parseSettings does for one policy.
import type { EnforcementLevel } from "@pulumi/policy";
import type { SettingName } from "../policypack/src/config";
import { parseSettings } from "../policypack/src/config";
import { POLICIES } from "../policypack/src/policies";
import type { GuardPolicy } from "../policypack/src/policies/rule";

/** Every enforcement level the engine accepts (the compile-time check below keeps it complete). */
export const ENFORCEMENT_LEVELS = [
  "advisory",
  "mandatory",
  "remediate",
  "disabled",
] as const satisfies readonly EnforcementLevel[];

type MissingLevel = Exclude<EnforcementLevel, (typeof ENFORCEMENT_LEVELS)[number]>;
const _everyLevelListed: [MissingLevel] extends [never] ? true : never = true;

export interface PackConfigProblem {
  /** Dotted path into the file: "gpu-in-restricted-jurisdiction.restrictedJurisdictions[0]". */
  readonly field: string;
  readonly problem: string;
}

/** The settings a policy declares (its configSchema), in declaration order. */
export function declaredSettings(policy: GuardPolicy): SettingName[] {
  return Object.keys(policy.configSchema?.properties ?? {}) as SettingName[];
}

function isLevel(value: unknown): value is EnforcementLevel {
  return typeof value === "string" && (ENFORCEMENT_LEVELS as readonly string[]).includes(value);
}

function levelProblem(field: string, value: unknown): PackConfigProblem {
  return {
    field,
    problem: `${JSON.stringify(value)} is not an enforcement level; use one of ${ENFORCEMENT_LEVELS.join(", ")}`,
  };
}

/**
 * The problems of a pack config, empty when it is valid. `today` (YYYY-MM-DD) is the day exemption
 * expiries are measured from (maxExemptionDays).
 */
export function checkPackConfig(config: unknown, today: string): PackConfigProblem[] {
  if (config === null || typeof config !== "object" || Array.isArray(config)) {
    return [{ field: "(file)", problem: "is not a JSON object" }];
  }
  const byName = new Map(POLICIES.map((p) => [p.name, p]));
  const problems: PackConfigProblem[] = [];
  for (const [key, entry] of Object.entries(config as Record<string, unknown>)) {
    if (key === "all") {
      if (!isLevel(entry)) problems.push(levelProblem("all", entry));
      continue;
    }
    const policy = byName.get(key);
    if (!policy) {
      problems.push({
        field: key,
        problem: `is neither "all" nor a policy of jurisdiction-guard (policies: ${[...byName.keys()].join(", ")}); settings go inside a policy's entry`,
      });
      continue;
    }
    if (typeof entry === "string") {
      if (!isLevel(entry)) problems.push(levelProblem(key, entry));
      continue;
    }
    if (entry === null || typeof entry !== "object" || Array.isArray(entry)) {
      problems.push({
        field: key,
        problem: "must be an enforcement level or an object of enforcementLevel and settings",
      });
      continue;
    }
    const names = declaredSettings(policy);
    const settings: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(entry as Record<string, unknown>)) {
      if (k === "enforcementLevel") {
        if (!isLevel(v)) problems.push(levelProblem(`${key}.enforcementLevel`, v));
      } else if (!(names as string[]).includes(k)) {
        problems.push({
          field: `${key}.${k}`,
          problem: `policy ${key} has no such setting; its settings: ${names.join(", ")}`,
        });
      } else {
        settings[k] = v;
      }
    }
    const parsed = parseSettings(names, settings, today);
    if (!parsed.ok) {
      for (const e of parsed.errors) {
        problems.push({ field: `${key}.${e.field}`, problem: `${e.problem}; fix: ${e.fix}` });
      }
    }
  }
  return problems;
}
