// `guardrails --target azure-policy`: the pack's placement and account decisions as Azure Policy
// definitions, one initiative (policy set) grouping them, assignment documents and exemptions, one
// set per Azure cloud (public, China, US Government: separate tenants). Decisions come from
// jurisdiction-guard/guardrails; this file only words them in the policy language.
//
// The subset of the policy language used here is small on purpose (allOf/anyOf/not, field with
// equals/in/notIn/like/notLike/matchInsensitively/exists, a field count over one `[*]` alias, a
// value condition on `length(parameters(…))`, parameters()); test/support/azure-policy-eval.ts
// evaluates exactly that subset.
import {
  AZURE_ACCELERATOR_SERIES,
  AZURE_ACCELERATOR_TOKENS,
  AZURE_AI_NAMESPACES,
  AZURE_ML_COMPUTE_LOCATION_ALIAS,
  AZURE_POLICY_SIZE_ALIASES,
  azureEnvironmentCountry,
  CHIPS,
  countsAsExportControlled,
  judgedRegions,
  latestReview,
} from "jurisdiction-guard/guardrails";
import type {
  ExemptionRow,
  GuardrailEffect,
  GuardrailModel,
  PolicyGuardrail,
} from "jurisdiction-guard/guardrails";
import type { GuardrailFile, GuardrailOutput, GuardrailTarget } from "./types";

/** The Azure clouds a set is written for, each its own tenant. */
export const AZURE_CLOUDS = ["public", "china", "usgovernment"] as const;
export type AzureCloud = (typeof AZURE_CLOUDS)[number];

const CLOUD_TITLES: Record<AzureCloud, string> = {
  public: "Azure public cloud",
  china: "Azure China cloud (21Vianet)",
  usgovernment: "Azure Government cloud",
};

/** The Resource Manager endpoint of each cloud, for the `az rest` commands in COVERAGE.md. */
const ARM_ENDPOINTS: Record<AzureCloud, string> = {
  public: "https://management.azure.com",
  china: "https://management.chinacloudapi.cn",
  usgovernment: "https://management.usgovcloudapi.net",
};

export const INITIATIVE_NAME = "jurisdiction-guard";
/** Placeholders a user replaces before applying (never valid IDs, so a forgotten one fails). */
export const MANAGEMENT_GROUP_PLACEHOLDER = "<MANAGEMENT_GROUP_ID>";
export const ASSIGNMENT_ID_PLACEHOLDER = "<POLICY_ASSIGNMENT_ID>";
export const EXEMPTION_SCOPE_PLACEHOLDER =
  "<SCOPE: the Azure resource, resource group or subscription ID of this Pulumi resource>";

/**
 * The definitions of the initiative, by reference ID. The located GPU sizes are one definition per
 * resource kind (`gpuLocatedName`), so that each rule stays within Azure's nested-conditional limit.
 */
export const DEFINITIONS = {
  gpuUnlocated: "jg-gpu-sizes-without-location",
  aiLocated: "jg-ai-services-by-location",
  aiUnlocated: "jg-ai-services-without-location",
} as const;

/** The located GPU definition of a resource type: `jg-gpu-sizes-by-location-virtualmachines`. */
export function gpuLocatedName(resourceType: string): string {
  const last = resourceType.split("/").pop() ?? resourceType;
  return `jg-gpu-sizes-by-location-${last.toLowerCase()}`;
}

/**
 * Azure's limit of nested conditionals in one policy rule (MicrosoftDocs/azure-docs,
 * includes/azure-policy-limits.md: "Policy rule | Nested conditionals | 512").
 */
export const MAX_RULE_CONDITIONALS = 512;

const CONDITIONAL_KEYS = ["field", "value", "count", "allOf", "anyOf", "not"];

/**
 * Nested conditionals in a rule, counted conservatively: every condition (field, value, count,
 * and the counted field of a count) and every logical operator (allOf, anyOf, not), a count's
 * `where` included.
 */
export function ruleConditionals(c: unknown): number {
  if (Array.isArray(c)) return c.reduce<number>((n, x) => n + ruleConditionals(x), 0);
  if (c === null || typeof c !== "object") return 0;
  const own = CONDITIONAL_KEYS.filter((k) => k in c).length;
  return own + Object.values(c).reduce<number>((n, x) => n + ruleConditionals(x), 0);
}

/** Throws when a rule would be refused for having more nested conditionals than Azure allows. */
export function checkRuleConditionals(name: string, rule: unknown, limit = MAX_RULE_CONDITIONALS) {
  const n = ruleConditionals(rule);
  if (n > limit)
    throw new Error(
      `azure-policy: the rule of ${name} has ${n} nested conditionals; Azure refuses a policy rule with more than ${limit}. The accelerator data gives more size patterns than one rule can hold: split the rule further.`,
    );
}

type Condition = Record<string, unknown>;
type PolicyEffectValue = "Deny" | "Audit" | "Disabled";

const effectValue = (e: GuardrailEffect | undefined): PolicyEffectValue =>
  e === "deny" ? "Deny" : e === "audit" ? "Audit" : "Disabled";

function strongest(a: PolicyEffectValue, b: PolicyEffectValue): PolicyEffectValue {
  const rank: PolicyEffectValue[] = ["Disabled", "Audit", "Deny"];
  return rank.indexOf(a) >= rank.indexOf(b) ? a : b;
}

// ── accelerator sizes ──────────────────────────────────────────────────────────────────────

/** The family letters classifyAzureVmSize treats as accelerator sizes (NCC is covered by NC). */
const N_FAMILIES = ["NC", "ND", "NG", "NP", "NV"];

/** `like` patterns (one `*` each) for every N-family size, with and without `Standard_`. */
export function acceleratorSizePatterns(): string[] {
  return N_FAMILIES.flatMap((f) => [`Standard_${f}*`, `${f}*`]);
}

/** The highest size version (`_v9`) the accelerator-token patterns spell out. */
export const MAX_SIZE_VERSION = 9;

/**
 * Patterns for the sizes whose chip is not export-controlled, which acceleratorScope
 * "export-controlled" allows, as classifyAzureVmSize decides:
 * - a size naming a not-controlled accelerator token (`_T4_`, `_A10_`, `_V710_`, catalogued series
 *   or not): `like` `*_T4_v3` for each version up to v9, and `*_T4` for a size without one;
 * - a catalogued series without a token but with a version (NCv2, NDv3, NVv4): `Standard_NC*_v2`;
 * - a catalogued series without either (NC, ND, NV, NP): `matchInsensitively` shapes of one or
 *   two digits, up to two feature letters and an optional `_Promo` (`#` a digit, `?` a letter).
 */
export function notControlledSizePatterns(): { like: string[]; match: string[] } {
  const like = new Set<string>();
  const match = new Set<string>();
  const notControlled = (chipKey: string) => {
    const chip = CHIPS.get(chipKey);
    return chip !== undefined && !countsAsExportControlled(chip.exportControl);
  };
  for (const [token, chipKey] of AZURE_ACCELERATOR_TOKENS) {
    if (!notControlled(chipKey)) continue;
    const spelled = token.toUpperCase();
    for (let v = 1; v <= MAX_SIZE_VERSION; v++) like.add(`*_${spelled}_v${v}`);
    // A token that looks like a version ("v620") is read as the version when it comes last.
    if (!/^v\d+$/.test(token)) like.add(`*_${spelled}`);
  }
  for (const s of AZURE_ACCELERATOR_SERIES) {
    if (!notControlled(s.chip)) continue;
    const family = s.family.toUpperCase();
    if (s.accelerator !== "") {
      if (!AZURE_ACCELERATOR_TOKENS.has(s.accelerator))
        throw new Error(`azure-policy: series ${s.series} has an accelerator no token names`);
      continue;
    }
    if (s.version !== "v1") {
      for (const prefix of ["Standard_", ""]) like.add(`${prefix}${family}*_${s.version}`);
      continue;
    }
    for (const digits of ["#", "##"])
      for (const letters of ["", "?", "??"])
        for (const promo of ["", "_Promo"])
          for (const prefix of ["Standard_", ""])
            match.add(`${prefix}${family}${digits}${letters}${promo}`);
  }
  return { like: [...like].sort(), match: [...match].sort() };
}

/** A condition true when `field` names an accelerator size that counts under the scope. */
export function acceleratorSizeCondition(
  field: string,
  scope: "any" | "export-controlled",
): Condition {
  const isAccelerator = { anyOf: acceleratorSizePatterns().map((like) => ({ field, like })) };
  if (scope === "any") return isAccelerator;
  const allowed = notControlledSizePatterns();
  return {
    allOf: [
      isAccelerator,
      {
        not: {
          anyOf: [
            ...allowed.like.map((like) => ({ field, like })),
            ...allowed.match.map((m) => ({ field, matchInsensitively: m })),
          ],
        },
      },
    ],
  };
}

/** `sizeField` with a `[*]` alias is true when any member's size counts. */
function sizeRule(alias: string, scope: "any" | "export-controlled"): Condition {
  const star = alias.indexOf("[*]");
  if (star < 0) return acceleratorSizeCondition(alias, scope);
  return {
    count: {
      field: alias.slice(0, star + 3),
      where: acceleratorSizeCondition(alias, scope),
    },
    greater: 0,
  };
}

// ── definitions ────────────────────────────────────────────────────────────────────────────

const LOCATIONS_PARAM = "allowedLocations";
const EFFECT_PARAM = "effect";
const notInAllowed = (field: string): Condition => ({
  field,
  notIn: `[parameters('${LOCATIONS_PARAM}')]`,
});
const noLocationAllowed: Condition = {
  value: `[length(parameters('${LOCATIONS_PARAM}'))]`,
  equals: 0,
};

interface Definition {
  readonly name: string;
  readonly type: "Microsoft.Authorization/policyDefinitions";
  readonly properties: {
    readonly displayName: string;
    readonly policyType: "Custom";
    readonly mode: "Indexed" | "All";
    readonly description: string;
    readonly metadata: Record<string, unknown>;
    readonly parameters: Record<string, unknown>;
    readonly policyRule: { readonly if: Condition; readonly then: { readonly effect: string } };
  };
}

function parameters(allowed: readonly string[], effect: PolicyEffectValue, what: string) {
  return {
    [LOCATIONS_PARAM]: {
      type: "Array",
      metadata: {
        displayName: "Allowed locations",
        description: `Locations where ${what} may be created; every other location (also "global" and names the pack does not know) is denied, as the policy pack fails closed. Default: the locations the pack allows under the config it was generated from. An empty list denies everywhere.`,
        strongType: "location",
      },
      defaultValue: [...allowed],
    },
    [EFFECT_PARAM]: {
      type: "String",
      metadata: {
        displayName: "Effect",
        description: "Deny for a mandatory pack policy, Audit for an advisory one.",
      },
      allowedValues: ["Deny", "Audit", "Disabled"],
      defaultValue: effect,
    },
  };
}

function definition(
  name: string,
  displayName: string,
  mode: "Indexed" | "All",
  description: string,
  metadata: Record<string, unknown>,
  params: Record<string, unknown>,
  rule: Condition,
): Definition {
  checkRuleConditionals(name, rule);
  return {
    name,
    type: "Microsoft.Authorization/policyDefinitions",
    properties: {
      displayName,
      policyType: "Custom",
      mode,
      description,
      metadata: { category: "Jurisdiction guard", version: "1.0.0", ...metadata },
      parameters: params,
      policyRule: { if: rule, then: { effect: `[parameters('${EFFECT_PARAM}')]` } },
    },
  };
}

interface CloudDefaults {
  readonly gpuAllowed: readonly string[];
  readonly aiAllowed: readonly string[];
  readonly gpuEffect: PolicyEffectValue;
  readonly aiEffect: PolicyEffectValue;
  /** Why the whole cloud is denied (the account policy ties it to a restricted country). */
  readonly wholeCloudDenied?: string;
}

function allowedIn(cloud: AzureCloud, g: PolicyGuardrail | undefined): string[] {
  if (g === undefined) return [];
  return judgedRegions("azure", g.settings)
    .filter((r) => r.partition === cloud && !r.denied)
    .map((r) => r.name);
}

/** The country a cloud is tied to and whether the account policy restricts it. */
export function accountDeniesCloud(model: GuardrailModel, cloud: AzureCloud): string | undefined {
  if (model.accounts === undefined || cloud === "public") return undefined;
  const country = azureEnvironmentCountry(cloud);
  if (country === undefined) return undefined;
  const via = model.accounts.settings.restricted.get(country);
  return via === undefined
    ? undefined
    : `the ${CLOUD_TITLES[cloud]} is tied to ${country}, restricted for gpu-or-ai-in-restricted-account`;
}

/**
 * The account policy's acceleratorScope when it differs from the one the initiative's GPU
 * definitions are written for: restricted subscriptions and clouds denied whole then get GPU
 * definitions of their own (`jg-restricted-…`, in the `jurisdiction-guard-restricted` initiative).
 */
export function separateAccountScope(
  model: GuardrailModel,
): "any" | "export-controlled" | undefined {
  const own = model.accounts?.settings.acceleratorScope;
  return own !== undefined && model.accelerators !== undefined && own !== scopeOf(model)
    ? own
    : undefined;
}

export function cloudDefaults(model: GuardrailModel, cloud: AzureCloud): CloudDefaults {
  const denied = accountDeniesCloud(model, cloud);
  const gpuEffect = effectValue(model.accelerators?.effect);
  const aiEffect = effectValue(model.aiServices?.effect);
  if (denied !== undefined) {
    const accounts = effectValue(model.accounts?.effect);
    // With a scope of its own, the account policy's GPU denial is the restricted initiative's,
    // assigned over the whole cloud; the initiative keeps the jurisdiction policy's decision.
    const separate = separateAccountScope(model) !== undefined;
    // The jurisdiction policies may deny every location of the cloud too: say so as well.
    const alsoBy = (
      [
        ["gpu-in-restricted-jurisdiction", model.accelerators],
        ["ai-service-in-restricted-jurisdiction", model.aiServices],
      ] as const
    )
      .filter(([, g]) => g !== undefined && allowedIn(cloud, g).length === 0)
      .map(([policy]) => policy);
    return {
      gpuAllowed: separate ? allowedIn(cloud, model.accelerators) : [],
      aiAllowed: [],
      gpuEffect: separate ? gpuEffect : strongest(gpuEffect, accounts),
      aiEffect: strongest(aiEffect, accounts),
      wholeCloudDenied:
        alsoBy.length === 0
          ? denied
          : `${denied}; every location of it is also denied by ${alsoBy.join(" and ")}`,
    };
  }
  return {
    gpuAllowed: allowedIn(cloud, model.accelerators),
    aiAllowed: allowedIn(cloud, model.aiServices),
    gpuEffect,
    aiEffect,
  };
}

/** The acceleratorScope the GPU definitions are written for. */
function scopeOf(model: GuardrailModel): "any" | "export-controlled" {
  return (model.accelerators ?? model.accounts)?.settings.acceleratorScope ?? "any";
}

const located = AZURE_POLICY_SIZE_ALIASES.filter((a) => a.located);
const unlocated = AZURE_POLICY_SIZE_ALIASES.filter((a) => !a.located);
const ML_COMPUTES = "Microsoft.MachineLearningServices/workspaces/computes";

/** An ML compute's location as the pack reads it: computeLocation when set, else location. */
function computeLocationDenied(): Condition {
  const cl = AZURE_ML_COMPUTE_LOCATION_ALIAS.alias;
  return {
    anyOf: [
      { allOf: [{ field: cl, exists: true }, notInAllowed(cl)] },
      { allOf: [{ field: cl, exists: false }, notInAllowed("location")] },
    ],
  };
}

function aliasMetadata(
  rows: readonly { alias: string; source: string; reviewed: string; confidence: string }[],
) {
  return rows.map((r) => ({
    alias: r.alias,
    source: r.source,
    reviewed: r.reviewed,
    confidence: r.confidence,
  }));
}

/** Which pack policy a set of GPU definitions carries, and how its names start. */
export interface GpuSet {
  readonly policy: "gpu-in-restricted-jurisdiction" | "gpu-or-ai-in-restricted-account";
  readonly scope: "any" | "export-controlled";
  /** "jg-" for the initiative's own definitions, "jg-restricted-" for the account policy's. */
  readonly prefix: string;
}

/** The names of a GPU set's definitions: one per located resource kind, then the unlocated one. */
export function gpuDefinitionNames(prefix = "jg-"): string[] {
  return [
    ...located.map((a) => prefix + gpuLocatedName(a.resourceType).slice("jg-".length)),
    prefix + DEFINITIONS.gpuUnlocated.slice("jg-".length),
  ];
}

export function gpuDefinitions(
  set: GpuSet,
  allowed: readonly string[],
  effect: PolicyEffectValue,
): Definition[] {
  const { scope, policy, prefix } = set;
  const names = gpuDefinitionNames(prefix);
  const sizeWhat =
    scope === "any"
      ? "any N-family (NC, NCC, ND, NG, NP, NV) size"
      : "an N-family size whose chip is export-controlled or not settled (catalogued older GPUs are allowed)";
  const gpuMeta = {
    pack: { policy, acceleratorScope: scope },
    acceleratorSeriesReviewed: latestReview(AZURE_ACCELERATOR_SERIES),
  };
  const where =
    policy === "gpu-or-ai-in-restricted-account"
      ? "in a restricted subscription or cloud (jurisdiction-guard: gpu-or-ai-in-restricted-account)"
      : "outside the allowed locations (jurisdiction-guard: gpu-in-restricted-jurisdiction)";
  const out: Definition[] = located.map((a, i) =>
    definition(
      names[i]!,
      `GPU or FPGA sizes outside the allowed locations: ${a.kind}`,
      "Indexed",
      `Denies each ${a.kind} of ${sizeWhat} ${where}.`,
      {
        ...gpuMeta,
        aliases: aliasMetadata(
          a.resourceType === ML_COMPUTES ? [a, AZURE_ML_COMPUTE_LOCATION_ALIAS] : [a],
        ),
      },
      parameters(allowed, effect, "accelerator sizes"),
      {
        allOf: [
          { field: "type", equals: a.resourceType },
          sizeRule(a.alias, scope),
          a.resourceType === ML_COMPUTES ? computeLocationDenied() : notInAllowed("location"),
        ],
      },
    ),
  );
  out.push(
    definition(
      names[located.length]!,
      "GPU or FPGA VM sizes on child resources without a location",
      "All",
      `Denies AKS agent pools of ${sizeWhat} where no location is allowed at all (a restricted subscription, or a cloud the pack denies whole). An agent pool has no location of its own, so elsewhere it is not judged (see COVERAGE.md).`,
      { ...gpuMeta, aliases: aliasMetadata(unlocated) },
      parameters(allowed, effect, "accelerator sizes"),
      {
        allOf: [
          noLocationAllowed,
          {
            anyOf: unlocated.map((a) => ({
              allOf: [{ field: "type", equals: a.resourceType }, sizeRule(a.alias, scope)],
            })),
          },
        ],
      },
    ),
  );
  return out;
}

export function definitions(model: GuardrailModel, d: CloudDefaults): Definition[] {
  const out: Definition[] = gpuDefinitions(
    { policy: "gpu-in-restricted-jurisdiction", scope: scopeOf(model), prefix: "jg-" },
    d.gpuAllowed,
    d.gpuEffect,
  );
  const namespaces = [...new Set(AZURE_AI_NAMESPACES.map((n) => n.namespace))].sort();
  const unlocatedAi = [...new Set(AZURE_AI_NAMESPACES.flatMap((n) => n.unlocatedTypes))].sort();
  const aiMeta = {
    pack: { policy: "ai-service-in-restricted-jurisdiction" },
    namespaces: AZURE_AI_NAMESPACES.map((n) => ({
      module: n.module,
      namespace: n.namespace,
      source: n.source,
      reviewed: n.reviewed,
      confidence: n.confidence,
    })),
  };
  out.push(
    definition(
      DEFINITIONS.aiLocated,
      "AI services outside the allowed locations",
      "Indexed",
      `Denies Azure AI services (Azure OpenAI / Cognitive Services accounts), Azure Machine Learning workspaces and their located children, Machine Learning Studio (classic) and Video Indexer outside the allowed locations (jurisdiction-guard: ai-service-in-restricted-jurisdiction).`,
      aiMeta,
      parameters(d.aiAllowed, d.aiEffect, "AI services"),
      {
        allOf: [
          { anyOf: namespaces.map((ns) => ({ field: "type", like: `${ns}/*` })) },
          {
            anyOf: [
              { allOf: [{ field: "type", equals: ML_COMPUTES }, computeLocationDenied()] },
              { allOf: [{ field: "type", notEquals: ML_COMPUTES }, notInAllowed("location")] },
            ],
          },
        ],
      },
    ),
  );
  out.push(
    definition(
      DEFINITIONS.aiUnlocated,
      "AI service child resources without a location",
      "All",
      "Denies AI child resources that have no location of their own (Azure OpenAI / Cognitive Services model deployments) where no location is allowed at all (a restricted subscription, or a cloud the pack denies whole).",
      aiMeta,
      parameters(d.aiAllowed, d.aiEffect, "AI services"),
      { allOf: [noLocationAllowed, { field: "type", in: unlocatedAi }] },
    ),
  );
  return out;
}

// ── initiative, assignments, exemptions ────────────────────────────────────────────────────

const definitionId = (name: string, kind = "policyDefinitions") =>
  `/providers/Microsoft.Management/managementGroups/${MANAGEMENT_GROUP_PLACEHOLDER}/providers/Microsoft.Authorization/${kind}/${name}`;

/** GPU or AI: which of the initiative's parameters a definition takes. */
const groupOf = (def: Definition): "gpu" | "ai" => (def.name.includes("-gpu-") ? "gpu" : "ai");

/**
 * An initiative of `defs`: `gpuAllowedLocations`, `gpuEffect`, `aiAllowedLocations` and `aiEffect`
 * passed through to each definition of that group, their defaults the definitions' own.
 */
function initiative(
  defs: readonly Definition[],
  cloud: AzureCloud,
  name = INITIATIVE_NAME,
  displayName = "Jurisdiction guard: GPU and AI placement",
  description = `The jurisdiction-guard policy pack's placement and account rules for GPU and AI resources, as Azure Policy (${CLOUD_TITLES[cloud]}).`,
  defaults: Record<string, unknown> = {},
) {
  const params: Record<string, unknown> = {};
  for (const def of defs) {
    const g = groupOf(def);
    params[`${g}AllowedLocations`] ??= def.properties.parameters[LOCATIONS_PARAM];
    params[`${g}Effect`] ??= def.properties.parameters[EFFECT_PARAM];
  }
  for (const [name, value] of Object.entries(defaults))
    params[name] = { ...(params[name] as object), defaultValue: value };
  return {
    name,
    type: "Microsoft.Authorization/policySetDefinitions",
    properties: {
      displayName,
      policyType: "Custom",
      description,
      metadata: { category: "Jurisdiction guard", version: "1.0.0", cloud },
      parameters: params,
      policyDefinitions: defs.map((def) => ({
        policyDefinitionId: definitionId(def.name),
        policyDefinitionReferenceId: def.name,
        parameters: {
          [LOCATIONS_PARAM]: { value: `[parameters('${groupOf(def)}AllowedLocations')]` },
          [EFFECT_PARAM]: { value: `[parameters('${groupOf(def)}Effect')]` },
        },
      })),
    },
  };
}

function assignment(
  name: string,
  displayName: string,
  description: string,
  parameterValues: Record<string, unknown>,
  scope: string,
  initiativeName: string = INITIATIVE_NAME,
) {
  return {
    name,
    type: "Microsoft.Authorization/policyAssignments",
    properties: {
      displayName,
      description,
      policyDefinitionId: definitionId(initiativeName, "policySetDefinitions"),
      enforcementMode: "Default",
      metadata: { scope },
      parameters: parameterValues,
      nonComplianceMessages: [
        {
          message:
            "jurisdiction-guard: GPU and AI resources may not be placed here (see COVERAGE.md of the generated guardrails).",
        },
      ],
    },
  };
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** restrictedAccounts entries that are GUIDs (Azure subscriptions, or tenants), lower case. */
export function restrictedSubscriptions(model: GuardrailModel): string[] {
  if (model.accounts === undefined) return [];
  return [...model.accounts.settings.restrictedAccounts.keys()].filter((k) => GUID.test(k)).sort();
}

/** The type token of a Pulumi URN glob ("azure-native:compute:VirtualMachine"), parent chain cut. */
export function urnType(urn: string): string | undefined {
  const parts = urn.split("::");
  if (parts.length < 4) return undefined;
  const type = parts[2] ?? "";
  return type.split("$").pop();
}

/** Whether an exemption's URN glob can name an Azure resource (azure-native:, azure:, or a glob). */
export function exemptionAppliesToAzure(urn: string): boolean {
  const type = urnType(urn);
  if (type === undefined) return urn.includes("*");
  if (type.startsWith("azure-native:") || type.startsWith("azure:")) return true;
  const star = type.indexOf("*");
  if (star < 0) return false;
  const head = type.slice(0, star);
  return "azure-native:".startsWith(head) || "azure:".startsWith(head);
}

const AI_NAMES = [DEFINITIONS.aiLocated, DEFINITIONS.aiUnlocated];
export const RESTRICTED_PREFIX = "jg-restricted-";
export const RESTRICTED_INITIATIVE_NAME = `${INITIATIVE_NAME}-restricted`;

/**
 * The reference IDs an exemption of each pack policy names: in the initiative, or for the account
 * policy with a scope of its own, in the restricted initiative.
 */
export function references(
  rule: "accelerators" | "aiServices" | "accounts",
  separate: boolean,
): string[] {
  if (rule === "accelerators") return gpuDefinitionNames();
  if (rule === "aiServices") return [...AI_NAMES];
  return [...gpuDefinitionNames(separate ? RESTRICTED_PREFIX : "jg-"), ...AI_NAMES];
}

function exemption(
  rule: "accelerators" | "aiServices" | "accounts",
  separate: boolean,
  g: PolicyGuardrail,
  e: ExemptionRow,
  n: number,
) {
  const description = [
    `reason: ${e.reason}`,
    ...(e.approvedBy !== undefined ? [`approvedBy: ${e.approvedBy}`] : []),
    `Pulumi resource: ${e.resource}`,
    `pack policy: ${g.policy}`,
  ].join("; ");
  return {
    name: `jg-${g.policy}-${n}`.slice(0, 64),
    type: "Microsoft.Authorization/policyExemptions",
    properties: {
      displayName: `jurisdiction-guard exemption ${n} for ${g.policy}`.slice(0, 128),
      description,
      policyAssignmentId: ASSIGNMENT_ID_PLACEHOLDER,
      policyDefinitionReferenceIds: references(rule, separate),
      exemptionCategory: "Waiver",
      expiresOn: `${e.expires}T23:59:59Z`,
      metadata: {
        scope: EXEMPTION_SCOPE_PLACEHOLDER,
        pulumiResource: e.resource,
        packPolicy: g.policy,
        expires: e.expires,
        ...(e.approvedBy !== undefined ? { approvedBy: e.approvedBy } : {}),
      },
    },
  };
}

// ── COVERAGE.md ────────────────────────────────────────────────────────────────────────────

/**
 * What Azure Policy cannot carry of the pack's decisions; each is named in the matrix test too.
 */
export const KNOWN_DIFFERENCES: readonly string[] = [
  "Existing resources are only reported non-compliant when a definition is assigned; deny applies to creates and updates (Azure evaluates existing resources in compliance scans, it does not delete them).",
  "AKS agent pools and Azure OpenAI / Cognitive Services deployments have no location of their own: the pack judges them by their cluster's or account's location, Azure Policy cannot see that location. They are denied only where no location is allowed at all (a restricted subscription, or a cloud the pack denies whole); elsewhere only the cluster's own agentPoolProfiles and the account itself are judged.",
  'Size patterns: `like` takes one `*`, so an N-family size is matched by its family letters (`Standard_NC*`, `NC*`); a name of those letters that is not an Azure size shape (`Standard_NCfoo`) is denied here but not classified by the pack. Under acceleratorScope "export-controlled" the allowed sizes are matched by a not-controlled accelerator token and version (`*_T4_v3`, versions v1 to v9), by the version of a catalogued series without a token (`Standard_NC*_v2`), or, for series with neither (NC, ND, NV, NP v1), by shapes of one or two digits and up to two feature letters: such a size with three digits or three feature letters, a token size past v9 or with `_Promo` after the token is denied here though the pack allows it, and a version pattern also allows names no catalogue has (`Standard_NC24ads_A100_v3`), which the pack denies.',
  "In the China and US Government clouds the pack places a location name that is not one of that cloud's (\"global\", a name it does not know) in the cloud's country, since that cloud's Resource Manager serves only its own locations; the definitions deny such a name whenever it is not in `allowedLocations`.",
  'An ML compute\'s computeLocation is compared with `allowedLocations` as written: Azure documents that location fields are normalised ("East US" = "eastus"), not whether computeLocation is one, so a computeLocation written as a display name may be denied here.',
  "Sizes chosen at run time are not resources: Azure Batch pools (Microsoft.Batch, not covered), Azure Machine Learning serverless jobs and online deployments' instance types, Container Apps GPU workload profiles and Container Instances GPU SKUs are not judged by these definitions.",
  "Peering and foreign-provider rules of the pack (peering-with-listed-foreign-provider, listed-foreign-provider-resource) have no Azure Policy counterpart here.",
  "Definitions in mode Indexed skip resource types that support neither tags nor location; only the child types listed are evaluated in mode All.",
  "A restrictedAccounts GUID may be a tenant rather than a subscription; the subscription assignment then fails to apply (assign the initiative at that tenant's root management group instead).",
  "Pulumi URNs do not carry the Azure scope: every exemption needs its scope and the assignment ID filled in before it is created.",
];

function coverage(
  model: GuardrailModel,
  accountScope: "any" | "export-controlled" | undefined,
  perCloud: ReadonlyMap<AzureCloud, CloudDefaults>,
  subscriptions: readonly string[],
  exemptionNotes: readonly string[],
  warnings: readonly string[],
): string {
  const scope = scopeOf(model);
  const lines: string[] = [
    "# Azure Policy guardrails (jurisdiction-guard)",
    "",
    "Generated by `jurisdiction-guard guardrails --target azure-policy` from the policy pack's data",
    "and config. Each Azure cloud is a separate tenant: apply each folder in its own cloud.",
    "",
    "## What is covered",
    "",
    "| Definition | Mode | What it denies |",
    "|---|---|---|",
    ...located.map(
      (a) =>
        `| ${gpuLocatedName(a.resourceType)} | Indexed | each ${a.kind} (${a.resourceType}) of an accelerator size outside \`allowedLocations\` |`,
    ),
    `| ${DEFINITIONS.gpuUnlocated} | All | AKS agent pools of accelerator sizes, only where \`allowedLocations\` is empty |`,
    `| ${DEFINITIONS.aiLocated} | Indexed | every located type of ${[...new Set(AZURE_AI_NAMESPACES.map((n) => n.namespace))].join(", ")} outside \`allowedLocations\` |`,
    `| ${DEFINITIONS.aiUnlocated} | All | ${[...new Set(AZURE_AI_NAMESPACES.flatMap((n) => n.unlocatedTypes))].join(", ")}, only where \`allowedLocations\` is empty |`,
    "",
    "The located GPU sizes are one definition per resource kind: under acceleratorScope",
    '"export-controlled" one rule for all kinds would pass Azure\'s limit of 512 nested conditionals',
    "per policy rule (the generator checks every rule against it).",
    "",
    "Mode All is used only for child types that have no location (AKS agent pools and Cognitive",
    "Services deployments): mode Indexed would never evaluate them. Everything else is Indexed, as",
    "the built-in VM size policies are.",
    "",
    `Accelerator sizes: acceleratorScope "${scope}". ${
      scope === "any"
        ? "Every N-family size (NC, NCC, ND, NG, NP, NV), with or without `Standard_`, any case."
        : "N-family sizes except the catalogued series whose chip is not export-controlled."
    }`,
    "",
    "Locations: a resource is denied unless its location is in `allowedLocations` (`global` and names",
    "the pack does not know are denied too, as the pack fails closed). Defaults per cloud:",
    "",
  ];
  for (const [cloud, d] of perCloud) {
    lines.push(
      `- ${CLOUD_TITLES[cloud]} (\`${cloud}/\`): GPU ${d.gpuEffect}, ${d.gpuAllowed.length} allowed location(s); AI ${d.aiEffect}, ${d.aiAllowed.length} allowed location(s)${
        d.wholeCloudDenied !== undefined ? ` (denied everywhere: ${d.wholeCloudDenied})` : ""
      }.`,
    );
  }
  for (const s of model.skipped) lines.push(`- ${s.policy}: not generated (${s.why}).`);
  lines.push(
    "",
    "## How to apply",
    "",
    `Replace \`${MANAGEMENT_GROUP_PLACEHOLDER}\` in the initiative and assignments, then, for each definition file`,
    "(the files are Resource Manager request bodies):",
    "",
    "```sh",
    `az rest --method put --url "${ARM_ENDPOINTS.public}/providers/Microsoft.Management/managementGroups/$MG/providers/Microsoft.Authorization/policyDefinitions/<name>?api-version=2021-06-01" --body @public/definitions/<name>.json`,
    `az rest --method put --url "${ARM_ENDPOINTS.public}/providers/Microsoft.Management/managementGroups/$MG/providers/Microsoft.Authorization/policySetDefinitions/${INITIATIVE_NAME}?api-version=2021-06-01" --body @public/initiative.json`,
    `az rest --method put --url "${ARM_ENDPOINTS.public}/providers/Microsoft.Management/managementGroups/$MG/providers/Microsoft.Authorization/policyAssignments/${INITIATIVE_NAME}?api-version=2021-06-01" --body @public/assignment.json`,
    "```",
    "",
    `China: ${ARM_ENDPOINTS.china}; US Government: ${ARM_ENDPOINTS.usgovernment} (after \`az cloud set\`).`,
    "Or with the policy commands: `az policy definition create --management-group $MG --name <name>",
    "--mode <mode> --rules <policyRule> --params <parameters>` (the two parts of `properties`),",
    "`az policy set-definition create`, `az policy assignment create --policy-set-definition`.",
    "",
    "## Restricted subscriptions",
    "",
  );
  if (subscriptions.length === 0)
    lines.push("None in the config (restrictedAccounts has no GUID).");
  else {
    lines.push(
      ...(accountScope === undefined
        ? [
            "Each file under `subscriptions/` assigns the initiative at `/subscriptions/<id>` with no allowed",
            "location, so GPU sizes and AI services are denied everywhere in it (gpu-or-ai-in-restricted-account).",
          ]
        : [
            "Each file under `subscriptions/` assigns the restricted initiative",
            `(\`${RESTRICTED_INITIATIVE_NAME}\`, \`<cloud>/restricted-initiative.json\`) at \`/subscriptions/<id>\`, so GPU sizes and AI`,
            "services are denied everywhere in it (gpu-or-ai-in-restricted-account).",
          ]),
      "Apply it in the cloud the subscription belongs to:",
      "",
    );
    for (const s of subscriptions)
      lines.push(
        `- \`${s}\`: \`az rest --method put --url "<ARM endpoint>/subscriptions/${s}/providers/Microsoft.Authorization/policyAssignments/${INITIATIVE_NAME}-restricted?api-version=2021-06-01" --body @subscriptions/${s}.json\``,
      );
  }
  if (accountScope !== undefined)
    lines.push(
      "",
      `gpu-or-ai-in-restricted-account has acceleratorScope "${accountScope}", gpu-in-restricted-jurisdiction "${scope}":`,
      `so restricted subscriptions and clouds denied whole get GPU definitions of their own (\`${RESTRICTED_PREFIX}…\`, written`,
      `for "${accountScope}") in the restricted initiative \`${RESTRICTED_INITIATIVE_NAME}\` (\`<cloud>/restricted-initiative.json\`,`,
      "created like the initiative, with its `jg-restricted-` definitions). A cloud denied whole assigns it at the",
      "management group too (`<cloud>/assignment-restricted.json`). Account exemptions name its reference IDs.",
    );
  lines.push("", "## Exemptions", "");
  if (exemptionNotes.length === 0) lines.push("None in the config.");
  else {
    lines.push(
      "Each file under `exemptions/` is a policy exemption (category Waiver) expiring at the end of its",
      "last day (UTC). A Pulumi URN does not say which Azure resource it is: replace",
      `\`${ASSIGNMENT_ID_PLACEHOLDER}\` with the assignment's ID and create it at the resource's scope:`,
      "",
      "```sh",
      'az policy exemption create --name <name> --scope "<resource ID>" --policy-assignment "<assignment ID>" \\',
      '  --exemption-category Waiver --expires-on <expiresOn> --policy-definition-reference-ids <ids> --description "<description>"',
      "```",
      "",
      ...exemptionNotes.map((n) => `- ${n}`),
    );
  }
  lines.push("", "## Where Azure Policy is weaker than the pack", "");
  for (const d of KNOWN_DIFFERENCES) lines.push(`- ${d}`);
  if (warnings.length > 0) {
    lines.push("", "## Warnings for this config", "");
    for (const w of warnings) lines.push(`- ${w}`);
  }
  return `${lines.join("\n")}\n`;
}

// ── the target ─────────────────────────────────────────────────────────────────────────────

const json = (v: unknown) => `${JSON.stringify(v, null, 2)}\n`;

export function compileAzurePolicy(model: GuardrailModel): GuardrailOutput {
  const files: GuardrailFile[] = [];
  const summary: string[] = [];
  const warnings: string[] = [];
  const perCloud = new Map<AzureCloud, CloudDefaults>();
  const accountScope = separateAccountScope(model);
  const accountsEffect = effectValue(model.accounts?.effect);
  for (const cloud of AZURE_CLOUDS) {
    const d = cloudDefaults(model, cloud);
    perCloud.set(cloud, d);
    const defs = definitions(model, d);
    for (const def of defs)
      files.push({ path: `${cloud}/definitions/${def.name}.json`, content: json(def) });
    const set = initiative(defs, cloud);
    files.push({ path: `${cloud}/initiative.json`, content: json(set) });
    files.push({
      path: `${cloud}/assignment.json`,
      content: json(
        assignment(
          INITIATIVE_NAME,
          "Jurisdiction guard: GPU and AI placement",
          `Assigns the jurisdiction-guard initiative at a management group of the ${CLOUD_TITLES[cloud]}; the parameter defaults carry the pack's config.`,
          {},
          `/providers/Microsoft.Management/managementGroups/${MANAGEMENT_GROUP_PLACEHOLDER}`,
        ),
      ),
    });
    if (accountScope !== undefined) {
      const restricted = gpuDefinitions(
        {
          policy: "gpu-or-ai-in-restricted-account",
          scope: accountScope,
          prefix: RESTRICTED_PREFIX,
        },
        [],
        accountsEffect,
      );
      for (const def of restricted)
        files.push({ path: `${cloud}/definitions/${def.name}.json`, content: json(def) });
      files.push({
        path: `${cloud}/restricted-initiative.json`,
        content: json(
          initiative(
            [...restricted, ...defs.filter((def) => groupOf(def) === "ai")],
            cloud,
            RESTRICTED_INITIATIVE_NAME,
            "Jurisdiction guard: restricted subscription or cloud (no GPU or AI anywhere)",
            `The jurisdiction-guard policy pack's gpu-or-ai-in-restricted-account rule (acceleratorScope "${accountScope}"), as Azure Policy (${CLOUD_TITLES[cloud]}): GPU sizes and AI services denied in every location.`,
            {
              gpuAllowedLocations: [],
              gpuEffect: accountsEffect,
              aiAllowedLocations: [],
              aiEffect: accountsEffect,
            },
          ),
        ),
      });
      if (d.wholeCloudDenied !== undefined)
        files.push({
          path: `${cloud}/assignment-restricted.json`,
          content: json(
            assignment(
              RESTRICTED_INITIATIVE_NAME,
              "Jurisdiction guard: cloud denied whole (no GPU or AI anywhere)",
              `Assigns the restricted initiative at a management group of the ${CLOUD_TITLES[cloud]}: ${d.wholeCloudDenied}.`,
              {},
              `/providers/Microsoft.Management/managementGroups/${MANAGEMENT_GROUP_PLACEHOLDER}`,
              RESTRICTED_INITIATIVE_NAME,
            ),
          ),
        });
      defs.push(...restricted);
    }
    const largest = Math.max(...defs.map((def) => Buffer.byteLength(json(def))));
    summary.push(
      `${cloud}: ${defs.length} definitions (largest ${largest.toLocaleString("en-US")} of 1,048,576 bytes), ${accountScope === undefined ? "1 initiative" : "2 initiatives"}, GPU ${d.gpuEffect} outside ${d.gpuAllowed.length} location(s), AI ${d.aiEffect} outside ${d.aiAllowed.length} location(s)`,
    );
  }
  const subscriptions = restrictedSubscriptions(model);
  for (const s of subscriptions) {
    files.push({
      path: `subscriptions/${s}.json`,
      content: json(
        assignment(
          `${INITIATIVE_NAME}-restricted`,
          "Jurisdiction guard: restricted subscription (no GPU or AI anywhere)",
          `restrictedAccounts lists ${s}: GPU sizes and AI services are denied in every location (gpu-or-ai-in-restricted-account).`,
          {
            gpuAllowedLocations: { value: [] },
            aiAllowedLocations: { value: [] },
            gpuEffect: { value: accountsEffect },
            aiEffect: { value: accountsEffect },
          },
          `/subscriptions/${s}`,
          accountScope === undefined ? INITIATIVE_NAME : RESTRICTED_INITIATIVE_NAME,
        ),
      ),
    });
  }
  if (subscriptions.length > 0)
    summary.push(`${subscriptions.length} restricted subscription assignment(s)`);

  const exemptionNotes: string[] = [];
  let n = 0;
  for (const rule of ["accelerators", "aiServices", "accounts"] as const) {
    const g = model[rule];
    if (g === undefined) continue;
    for (const e of g.exemptions) {
      if (!exemptionAppliesToAzure(e.resource)) {
        exemptionNotes.push(`${g.policy}: ${e.resource} is not an Azure resource; left out.`);
        continue;
      }
      n += 1;
      const doc = exemption(rule, separateAccountScope(model) !== undefined, g, e, n);
      files.push({ path: `exemptions/${doc.name}.json`, content: json(doc) });
      exemptionNotes.push(
        `${doc.name}: ${e.resource} (${g.policy}, expires ${doc.properties.expiresOn}).`,
      );
    }
    for (const e of g.expiredExemptions)
      exemptionNotes.push(`${g.policy}: ${e.resource} expired ${e.expires}; left out.`);
  }
  if (n > 0) {
    summary.push(`${n} exemption(s): fill in the scope and assignment ID (see COVERAGE.md)`);
    warnings.push(
      `${n} exemption document(s) carry placeholders for the Azure scope and assignment ID (a Pulumi URN does not give them).`,
    );
  }
  files.unshift({
    path: "COVERAGE.md",
    content: coverage(model, accountScope, perCloud, subscriptions, exemptionNotes, warnings),
  });
  return { files, summary, warnings };
}

export const AZURE_POLICY: GuardrailTarget = {
  name: "azure-policy",
  cloud: "azure",
  description:
    "Azure Policy definitions, an initiative, assignments and exemptions, one set per Azure cloud",
  compile: (model) => compileAzurePolicy(model),
};
