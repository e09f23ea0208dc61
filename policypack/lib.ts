// jurisdiction-guard as a library. Importing this module starts nothing: the gRPC server starts
// only when a pack is constructed (`new JurisdictionGuard(...)`), which a pack's own entry point
// does. Security teams compose org packs from here; `index.ts` is the stock pack built the same way.
import type { PolicyPackConfig } from "@pulumi/policy";
import { PolicyPack } from "@pulumi/policy";
import type { EnforcementLevel, Settings } from "./src/config";
import { SETTINGS, checkPackConfig, declaredSettings, isEnforcementLevel } from "./src/config";
import type { PolicyName } from "./src/policies";
import { POLICIES } from "./src/policies";
import { closest } from "./src/catalogue/suggest";
import { packConfigProblemText, problemAndFix } from "./src/report";

/** One policy's baked-in config: a level, or a level with settings. */
export type PolicyArgs =
  EnforcementLevel | ({ enforcementLevel?: EnforcementLevel } & Partial<Settings>);

/**
 * Settings at the top level apply to every policy that declares them; a policy's own entry
 * overrides them. `all` sets every policy's enforcement level.
 */
export type JurisdictionGuardArgs = Partial<Settings> & {
  all?: EnforcementLevel;
  description?: string;
} & Partial<Record<PolicyName, PolicyArgs>>;

const DEFAULT_DESCRIPTION =
  "No GPUs, AI accelerators or AI services in restricted jurisdictions, accounts or interconnects (corporate control, not legal advice).";

export class JurisdictionGuardConfigError extends Error {
  override readonly name = "JurisdictionGuardConfigError";
}

/**
 * Turns library arguments into the engine's initial config ({ policy: { enforcementLevel, ... } }),
 * validating every value with the pack's config checker (checkPackConfig); a bad one raises an
 * error that names the key and the fix.
 */
export function initialConfigOf(args: JurisdictionGuardArgs): PolicyPackConfig {
  const byName = new Map(POLICIES.map((p) => [p.name, p]));
  const shared: Record<string, unknown> = {};
  const config: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(args)) {
    if (value === undefined || key === "description") continue;
    if (key === "all") {
      config["all"] = value;
    } else if (key in SETTINGS) {
      shared[key] = value;
    } else if (!byName.has(key)) {
      const known = ["all", "description", ...Object.keys(SETTINGS), ...byName.keys()];
      const suggestion = closest(key, known);
      throw new JurisdictionGuardConfigError(
        `${key}: ${problemAndFix({ code: "unknown-library-key", key, known, ...(suggestion !== undefined ? { suggestion } : {}) })}`,
      );
    }
  }
  const all = isEnforcementLevel(config["all"]) ? config["all"] : undefined;
  for (const policy of POLICIES) {
    const names = declaredSettings(policy);
    const own = (args as Record<string, unknown>)[policy.name] as PolicyArgs | undefined;
    const entry: Record<string, unknown> = {};
    for (const n of names) if (n in shared) entry[n] = shared[n];
    if (typeof own === "string") entry["enforcementLevel"] = own;
    else if (own !== undefined) Object.assign(entry, own);
    // Every entry carries a level: an initial-config entry without one reaches the engine as
    // the protocol's default (advisory), which would silently weaken a mandatory policy.
    if (Object.keys(entry).length > 0 && entry["enforcementLevel"] === undefined) {
      entry["enforcementLevel"] = all ?? policy.enforcementLevel ?? "mandatory";
    }
    if (Object.keys(entry).length > 0) config[policy.name] = entry;
  }
  const problems = checkPackConfig(config, POLICIES);
  if (problems.length > 0) {
    throw new JurisdictionGuardConfigError(problems.map(packConfigProblemText).join("\n"));
  }
  return config as PolicyPackConfig;
}

/**
 * The jurisdiction-guard policy pack with settings baked in as initial config. Pulumi Cloud or
 * `--policy-pack-config` can still override them, as for any pack.
 *
 *   new JurisdictionGuard({ all: "mandatory", restrictedJurisdictions: ["default", "ear-d1"] });
 *   new JurisdictionGuard("acme-guard", { "listed-foreign-provider-resource": "mandatory" });
 */
export class JurisdictionGuard extends PolicyPack {
  constructor(args?: JurisdictionGuardArgs);
  constructor(name: string, args?: JurisdictionGuardArgs);
  constructor(nameOrArgs?: string | JurisdictionGuardArgs, maybeArgs?: JurisdictionGuardArgs) {
    const name = typeof nameOrArgs === "string" ? nameOrArgs : "jurisdiction-guard";
    const args = (typeof nameOrArgs === "string" ? maybeArgs : nameOrArgs) ?? {};
    super(
      name,
      {
        description: args.description ?? DEFAULT_DESCRIPTION,
        enforcementLevel: "mandatory",
        policies: [...POLICIES],
      },
      initialConfigOf(args),
    );
  }
}

// Building blocks for teams that compose their own pack: the registry (every policy's definition
// and its SDK policy), the adapter that turns a definition into an SDK policy, the vocabulary.
export { POLICIES, POLICY_DEFINITIONS, policyDefinition } from "./src/policies";
export type { PolicyName } from "./src/policies";
export { definePolicy, toPolicy } from "./src/policies/rule";
export type {
  GuardPolicy,
  PolicyDefinition,
  PolicyExample,
  PolicyMetadata,
  Rule,
  RuleEnv,
  RuleSpec,
} from "./src/policies/rule";
export { placementRule } from "./src/policies/placement-rule";
export type * from "./src/findings";
export {
  SETTINGS,
  COMMON_SETTINGS,
  ENFORCEMENT_LEVELS,
  REPORTING_LEVELS,
  isReportingLevel,
  checkPackConfig,
  configSchemaFor,
  parseSettings,
} from "./src/config";
export {
  packConfigProblemText,
  problemAndFix,
  wordConfigError,
  wordConfigProblem,
  wordJurisdictionHint,
} from "./src/report";
export type { ConfigProblem, ConfigProblemCode, JurisdictionHint } from "./src/problems";
export { closest } from "./src/catalogue/suggest";
export { didYouMean } from "./src/report";
export type {
  ConfigError,
  DeclaredPolicy,
  EnforcementLevel,
  ReportingLevel,
  PackConfigProblem,
  ResolvedSettings,
  SettingName,
  Settings,
} from "./src/config";
export { describe, describeAccounts, describeInterconnect } from "./src/facts";
export type * from "./src/facts/types";
export type * from "./src/data/types";
export { AWS_REGIONS } from "./src/data/regions/aws";
export { AZURE_LOCATIONS } from "./src/data/regions/azure";
export * from "./src/catalogue/regions";
export * from "./src/catalogue/jurisdictions";
export * from "./src/catalogue/accelerators";
export { lookupAiService } from "./src/catalogue/ai-services";
export { BUILTIN_FOREIGN_PROVIDERS } from "./src/data/foreign-providers";
export {
  buildProviderIndex,
  builtinProviderIndex,
  normaliseAsn,
} from "./src/catalogue/provider-matcher";
export { SOURCES } from "./src/data/sources";
