// jurisdiction-guard as a library. Importing this module starts nothing: the gRPC server starts
// only when a pack is constructed (`new JurisdictionGuard(...)`), which a pack's own entry point
// does. Security teams compose org packs from here; `index.ts` is the stock pack built the same way.
import type { EnforcementLevel, PolicyPackConfig } from "@pulumi/policy";
import { PolicyPack } from "@pulumi/policy";
import type { Settings } from "./src/config";
import {
  SETTINGS,
  checkPackConfig,
  declaredSettings,
  isEnforcementLevel,
  packConfigProblemText,
  withHint,
} from "./src/config";
import { POLICIES } from "./src/policies";
import { didYouMean } from "./src/catalogue/suggest";

/** The names of the pack's policies. */
export type PolicyName =
  | "gpu-in-restricted-jurisdiction"
  | "ai-service-in-restricted-jurisdiction"
  | "gpu-or-ai-in-restricted-account"
  | "peering-with-listed-foreign-provider"
  | "listed-foreign-provider-resource";

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
      throw new JurisdictionGuardConfigError(
        `${key}: not a setting or policy of jurisdiction-guard; ${withHint(didYouMean(key, known), "known keys", known)}`,
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

// Building blocks for teams that compose their own pack.
export { POLICIES } from "./src/policies";
export * from "./src/policies";
export { toPolicy } from "./src/policies/rule";
export type { GuardPolicy, Outcome, RuleEnv, RuleSpec, PolicyMetadata } from "./src/policies/rule";
export { placementRule } from "./src/policies/placement-rule";
export { gpuInRestrictedJurisdictionSpec } from "./src/policies/gpu-in-restricted-jurisdiction";
export { aiServiceInRestrictedJurisdictionSpec } from "./src/policies/ai-service-in-restricted-jurisdiction";
export { gpuOrAiInRestrictedAccountRule } from "./src/policies/gpu-or-ai-in-restricted-account";
export { peeringWithListedForeignProviderRule } from "./src/policies/peering-with-listed-foreign-provider";
export { listedForeignProviderResourceRule } from "./src/policies/listed-foreign-provider-resource";
export {
  SETTINGS,
  COMMON_SETTINGS,
  ENFORCEMENT_LEVELS,
  checkPackConfig,
  configSchemaFor,
  parseSettings,
  problemAndFix,
} from "./src/config";
export { closest, didYouMean } from "./src/catalogue/suggest";
export type {
  ConfigError,
  DeclaredPolicy,
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
