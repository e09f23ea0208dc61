// What the cloud guardrails (`jurisdiction-guard guardrails`) compile from: the pack's own settings
// for its placement and account policies, every catalogued region judged exactly as the policies
// judge a placement there, and the accelerator tables with acceleratorScope applied. No cloud
// policy syntax lives here: cli/guardrails/ words each target (SCP, Azure Policy, org policy).
import { countsAsExportControlled } from "../catalogue/accelerators";
import {
  AWS_PARTITION_RULES,
  awsPartitionOf,
  catalogedRegions,
  lookupAzureLocation,
} from "../catalogue/regions";
import type { ConfigError, ResolvedSettings, SettingName } from "../config";
import { COMMON_SETTINGS, parseSettings, regionKey } from "../config";
import type { AcceleratorInfo, CountryCode, RegionEntry } from "../data/types";
import type { PolicyEntry } from "../policies/explain";
import { judgePlacement } from "../policies/placement-verdict";
import { policyDefinition } from "../policies";
import type { PolicyName } from "../policies";

export type { PolicyEntry } from "../policies/explain";

/** The clouds a guardrail can be compiled for. */
export const GUARDRAIL_CLOUDS = ["aws", "azure", "gcp"] as const;
export type GuardrailCloud = (typeof GUARDRAIL_CLOUDS)[number];

/** The policies whose decisions a guardrail carries into the cloud. */
export const GUARDED_POLICIES = {
  accelerators: "gpu-in-restricted-jurisdiction",
  aiServices: "ai-service-in-restricted-jurisdiction",
  accounts: "gpu-or-ai-in-restricted-account",
} as const satisfies Record<string, PolicyName>;
export type GuardedRule = keyof typeof GUARDED_POLICIES;

/**
 * How a guardrail enforces a policy: "deny" for a mandatory (or remediate) policy, "audit" for an
 * advisory one (a target without an audit mode leaves it out and says so).
 */
export type GuardrailEffect = "deny" | "audit";

/** One region (AWS region, Azure location, Google Cloud region) as the policy judges it. */
export interface JudgedRegion {
  readonly cloud: GuardrailCloud;
  /** Canonical name: "ap-east-1", "chinaeast2", "asia-east2". */
  readonly name: string;
  /** AWS partition ("aws", "aws-cn", …), Azure cloud ("public", "china", …) or "gcp". */
  readonly partition: string;
  readonly country?: CountryCode;
  /** Where GPU / AI resources are denied by the policy (restricted, or of unknown country). */
  readonly denied: boolean;
  /**
   * What decided it, as judgePlacement says (explain words it): a region list of the config, the
   * country's jurisdiction, or a country the catalogue does not know (fail closed).
   */
  readonly by: "allowedRegions" | "restrictedRegions" | "jurisdiction" | "unknown-country";
  /** The catalogue row, absent for a name only the config gives (a region newer than the data). */
  readonly entry?: RegionEntry;
}

/** A region setting's names that do not name a region of `cloud` are not carried to it. */
export interface PolicyGuardrail {
  readonly rule: GuardedRule;
  readonly policy: PolicyName;
  readonly effect: GuardrailEffect;
  readonly settings: ResolvedSettings;
  /** The config's exemptions for this policy, as written (expired ones left out). */
  readonly exemptions: readonly ExemptionRow[];
  /** Expired exemptions, for the output's notes. */
  readonly expiredExemptions: readonly ExemptionRow[];
}

export interface ExemptionRow {
  readonly resource: string;
  readonly reason: string;
  /** Last day (UTC) the exemption applies. */
  readonly expires: string;
  readonly approvedBy?: string;
}

export interface GuardrailModel {
  /** Present unless the policy is disabled. */
  readonly accelerators?: PolicyGuardrail;
  readonly aiServices?: PolicyGuardrail;
  readonly accounts?: PolicyGuardrail;
  /** Policies left out, and why ("disabled in the config"). */
  readonly skipped: readonly { readonly policy: PolicyName; readonly why: string }[];
  /** The day the model was built for (exemption expiry), YYYY-MM-DD. */
  readonly today: string;
}

export class GuardrailConfigError extends Error {
  override readonly name = "GuardrailConfigError";
  constructor(
    readonly policy: string,
    readonly errors: readonly ConfigError[],
  ) {
    super(`${policy}: invalid settings (${errors.map((e) => e.field).join(", ")})`);
  }
}

function effectOf(level: string | undefined, fallback: string): GuardrailEffect | undefined {
  const l = level ?? fallback;
  if (l === "disabled") return undefined;
  return l === "advisory" ? "audit" : "deny";
}

function guardrailOf(
  rule: GuardedRule,
  entry: PolicyEntry,
  today: string,
): PolicyGuardrail | { skipped: string } {
  const policy = GUARDED_POLICIES[rule];
  const definition = policyDefinition(policy);
  const given = entry(policy);
  const effect = effectOf(given.enforcementLevel, definition.metadata.enforcementLevel);
  if (effect === undefined) return { skipped: "disabled in the policy pack config" };
  const own = definition.settings as readonly SettingName[];
  const names = [...own, ...COMMON_SETTINGS.filter((c) => !own.includes(c))];
  const parsed = parseSettings(names, given.properties ?? {}, today);
  if (!parsed.ok) throw new GuardrailConfigError(policy, parsed.errors);
  const raw = (given.properties?.["exemptions"] ?? []) as readonly ExemptionRow[];
  const rows = raw.map((e) => ({
    resource: e.resource,
    reason: e.reason,
    expires: e.expires,
    ...(e.approvedBy !== undefined ? { approvedBy: e.approvedBy } : {}),
  }));
  return {
    rule,
    policy,
    effect,
    settings: parsed.settings,
    exemptions: rows.filter((e) => e.expires >= today),
    expiredExemptions: rows.filter((e) => e.expires < today),
  };
}

/**
 * The guardrail model under a policy pack config (`entry` gives each policy's level and settings,
 * as `explain` reads them). Settings are validated exactly as the pack validates them: a bad value
 * throws GuardrailConfigError naming the fields.
 */
export function guardrailModel(
  entry: PolicyEntry,
  today: string = new Date().toISOString().slice(0, 10),
): GuardrailModel {
  const skipped: { policy: PolicyName; why: string }[] = [];
  const out: { -readonly [K in GuardedRule]?: PolicyGuardrail } = {};
  for (const rule of Object.keys(GUARDED_POLICIES) as GuardedRule[]) {
    const g = guardrailOf(rule, entry, today);
    if ("skipped" in g) skipped.push({ policy: GUARDED_POLICIES[rule], why: g.skipped });
    else out[rule] = g;
  }
  return { ...out, skipped, today };
}

// ── regions ──────────────────────────────────────────────────────────────────────────────────

function partitionOf(cloud: GuardrailCloud, entry: RegionEntry): string {
  return cloud === "gcp" ? "gcp" : entry.partition;
}

function judge(
  cloud: GuardrailCloud,
  name: string,
  partition: string,
  settings: ResolvedSettings,
  entry: RegionEntry | undefined,
  country: CountryCode | undefined,
): JudgedRegion {
  const verdict = judgePlacement(
    {
      status: "resolved",
      cloud,
      written: name,
      region: name,
      ...(entry ? { entry } : {}),
      ...(country !== undefined ? { country } : {}),
      origin: { kind: "resource", detail: "guardrails" },
    },
    settings,
  );
  const denied = verdict.kind === "restricted" || verdict.kind === "unknown-region";
  const by: JudgedRegion["by"] =
    verdict.kind === "restricted"
      ? verdict.rule.by
      : verdict.kind === "unknown-region"
        ? "unknown-country"
        : verdict.kind === "allowed"
          ? verdict.by
          : "jurisdiction";
  return {
    cloud,
    name,
    partition,
    ...(country !== undefined ? { country } : {}),
    denied,
    by,
    ...(entry ? { entry } : {}),
  };
}

/**
 * Every region of `cloud` the catalogue knows (retired ones too), plus the names the settings'
 * allowedRegions / restrictedRegions give for that cloud that the catalogue does not know yet (a
 * new AWS region), each judged as the policy judges a placement there. Sorted by partition, name.
 */
export function judgedRegions(cloud: GuardrailCloud, settings: ResolvedSettings): JudgedRegion[] {
  const out = new Map<string, JudgedRegion>();
  for (const entry of catalogedRegions(cloud)) {
    out.set(
      entry.name,
      judge(cloud, entry.name, partitionOf(cloud, entry), settings, entry, entry.country),
    );
  }
  if (cloud === "aws") {
    for (const key of [...settings.allowedRegions, ...settings.restrictedRegions]) {
      if (out.has(key)) continue;
      const partition = awsPartitionOf(key);
      if (partition === undefined) continue;
      out.set(key, judge(cloud, key, partition.partition, settings, undefined, partition.country));
    }
  }
  return [...out.values()].sort((a, b) =>
    a.partition === b.partition
      ? a.name.localeCompare(b.name)
      : a.partition.localeCompare(b.partition),
  );
}

/** Judges one region name of `cloud` as the policy would: for tests and for unknown names. */
export function judgeRegionName(
  cloud: GuardrailCloud,
  name: string,
  settings: ResolvedSettings,
): JudgedRegion {
  const key = cloud === "azure" ? (lookupAzureLocation(name)?.name ?? regionKey(name)) : name;
  const entry = catalogedRegions(cloud).find((r) => r.name === key);
  if (entry) return judge(cloud, key, partitionOf(cloud, entry), settings, entry, entry.country);
  const partition = cloud === "aws" ? awsPartitionOf(key) : undefined;
  return judge(
    cloud,
    key,
    partition?.partition ?? (cloud === "gcp" ? "gcp" : "unknown"),
    settings,
    undefined,
    partition?.country,
  );
}

/**
 * How the policy judges a region of an AWS partition that neither the catalogue nor the settings
 * name (a region AWS opens later): by the partition's country when the whole partition is in one
 * country (aws-cn, aws-us-gov, …), else as a region of unknown country (denied: fail closed).
 */
export function judgeUnlistedAwsRegion(
  partition: string,
  settings: ResolvedSettings,
): JudgedRegion {
  const rule = AWS_PARTITION_RULES.find((r) => r.partition === partition);
  return judge(
    "aws",
    `(a ${partition} region not yet listed)`,
    partition,
    settings,
    undefined,
    rule?.country,
  );
}

// ── accelerators ─────────────────────────────────────────────────────────────────────────────

/** Whether an accelerator counts under the policy's acceleratorScope (as acceleratorSubject). */
export function acceleratorCounts(
  info: AcceleratorInfo | undefined,
  settings: Pick<ResolvedSettings, "acceleratorScope">,
): boolean {
  if (info === undefined) return false;
  return settings.acceleratorScope === "any" || countsAsExportControlled(info.chip.exportControl);
}

/** The latest review date among rows (YYYY-MM-DD), for the Sid / metadata of a statement. */
export function latestReview(rows: readonly { readonly reviewed: string }[]): string {
  let latest = "";
  for (const r of rows) if (r.reviewed > latest) latest = r.reviewed;
  return latest;
}

// ── what the compilers read from the catalogue (one import for cli/guardrails/) ──────────────

export {
  AWS_ACCELERATOR_FAMILIES,
  AWS_ACCELERATOR_SERIES_LETTERS,
  AZURE_ACCELERATOR_SERIES,
  AZURE_ACCELERATOR_TOKENS,
  classifyAwsInstanceType,
  classifyAzureVmSize,
  countsAsExportControlled,
} from "../catalogue/accelerators";
export {
  classifyGcpAcceleratorType,
  classifyGcpMachineType,
  classifyGcpTpuType,
  GCP_MACHINE_SERIES,
} from "../catalogue/other-accelerators";
export {
  GCP_ACCELERATOR_RESOURCE_TYPES,
  GCP_AI_SERVICE_RESOURCE_TYPES,
  GCP_RESTRICT_SERVICE_USAGE,
} from "../data/guardrails-gcp";
export type {
  GcpAcceleratorResourceType,
  GcpAiServiceResourceType,
  GcpLocationForm,
  GcpRestrictServiceUsageRow,
} from "../data/guardrails-gcp";
export {
  GCP_ACCELERATOR_TYPES,
  GCP_MACHINE_FAMILIES,
  GCP_TPU_TYPES,
} from "../data/accelerators/gcp-families";
export { CHIPS } from "../catalogue/chips";
export { AI_SERVICE_MODULES, OTHER_PACKAGE_AI_SERVICE_MODULES } from "../catalogue/ai-services";
export { AWS_PARTITION_RULES, catalogedRegions, gcpRegionOfZone } from "../catalogue/regions";
export { SOURCES } from "../data/sources";
export { AWS_AI_SERVICE_PREFIXES, AWS_SCP_ACTIONS } from "../data/aws-iam-guardrails";
export type { AwsAiServicePrefixRow, AwsScpActionRow } from "../data/aws-iam-guardrails";
export type { AcceleratorInfo, ChipEntry, RegionEntry } from "../data/types";
export type { ResolvedSettings } from "../config";
export {
  AZURE_AI_NAMESPACES,
  AZURE_ML_COMPUTE_LOCATION_ALIAS,
  AZURE_POLICY_SIZE_ALIASES,
} from "../data/azure-policy";
export type { AzureAiNamespace, AzurePolicySizeAlias } from "../data/azure-policy";
export { azureEnvironmentCountry } from "../catalogue/regions";
