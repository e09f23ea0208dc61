// Policy configuration, declared once. Each setting is a plain JSON Schema object: the same object
// is the schema the engine validates against (configSchema) and, through json-schema-to-ts's
// type-only `FromSchema`, the TypeScript type the policies read (no schema library at run time). `parseSettings` then checks what JSON Schema cannot (ISO codes, group
// names, region names) and returns errors that name the field and the fix.
import type { PolicyConfigSchema } from "@pulumi/policy";
import { createHash } from "crypto";
import { isDeepStrictEqual } from "util";
import type { FromSchema, JSONSchema } from "json-schema-to-ts";
import type Ajv from "ajv";
import type { ValidateFunction } from "ajv";
import picomatch from "picomatch";
import {
  DEFAULT_RESTRICTED_JURISDICTIONS,
  JURISDICTION_GROUPS,
  expandJurisdictions,
} from "./catalogue/jurisdictions";
import type { ProviderIndex } from "./catalogue/provider-matcher";
import { buildProviderIndex, builtinProviderIndex } from "./catalogue/provider-matcher";
import {
  awsPartitionOf,
  catalogedRegions,
  lookupAwsRegion,
  lookupAzureLocation,
  lookupGcpLocation,
  lookupListedCloudRegion,
} from "./catalogue/regions";
import type { Cloud, CountryCode } from "./data/types";
import { PatternIndex, picomatchPrefix } from "./catalogue/pattern-index";
import { closest } from "./catalogue/suggest";
import type { ConfigError, ConfigProblem } from "./problems";
import { ENFORCEMENT_LEVELS, isEnforcementLevel } from "./levels";

const stringList = { type: "array", items: { type: "string" } } as const;

const regionList = (description: string) =>
  ({
    type: "array",
    items: { type: "string", minLength: 1 },
    default: [],
    uniqueItems: true,
    description,
  }) as const;

const REGION_NAMES_NOTE =
  "A name the catalogue does not know is an error (a new AWS region of a known partition is " +
  'accepted); regions of listed providers\' clouds take the cloud prefix, e.g. "alicloud:cn-hongkong".';

/** Every setting any policy declares. A policy picks the ones that apply to it. */
/** The furthest an exemption may ever expire (maxExemptionDays' upper bound): two years. */
export const MAX_EXEMPTION_DAYS = 730;

const URN_PREFIX = "urn:pulumi:";

/** A glob part that matches anything: only `*` and `?` (or nothing). */
function wildcardOnly(part: string | undefined): boolean {
  return part === undefined || /^[*?]*$/.test(part);
}

/**
 * An exemption's URN glob must pin the stack or the resource type: `*`, `urn:pulumi:*::*::*::*`
 * or `urn:pulumi:*::proj::*::*` would exempt every resource of every stack. The glob is read as
 * `urn:pulumi:<stack>::<project>::<type>::<name>`; a glob that does not start with `urn:pulumi:`
 * pins no stack, and one with fewer parts pins no type.
 */
export function exemptionScopeProblem(pattern: string): ConfigProblem | undefined {
  const anchored = pattern.startsWith(URN_PREFIX);
  const parts = (anchored ? pattern.slice(URN_PREFIX.length) : pattern).split("::");
  const stack = anchored ? parts[0] : undefined;
  const type = anchored && parts.length >= 4 ? parts[2] : undefined;
  if (!wildcardOnly(stack) || !wildcardOnly(type)) return undefined;
  return { code: "unpinned-exemption", pattern };
}

export const SETTINGS = {
  restrictedJurisdictions: {
    type: "array",
    items: { type: "string", minLength: 1 },
    default: [...DEFAULT_RESTRICTED_JURISDICTIONS],
    uniqueItems: true,
    description:
      "Jurisdictions where the policy denies placement: ISO 3166-1 alpha-2 country codes " +
      '(e.g. "CN", "HK") and/or group names (' +
      [...JURISDICTION_GROUPS.keys()].map((k) => `"${k}"`).join(", ") +
      "). Replaces the default list.",
  },
  allowedRegions: regionList(
    "Region names (AWS regions, Azure locations, Google Cloud regions) always allowed, overriding " +
      'the jurisdiction mapping, e.g. ["me-central-1"] after a legal review. ' +
      REGION_NAMES_NOTE,
  ),
  restrictedRegions: regionList(
    "Region names always denied, in addition to the restricted jurisdictions, " +
      'e.g. ["ap-southeast-1"]. ' +
      REGION_NAMES_NOTE,
  ),
  acceleratorScope: {
    type: "string",
    enum: ["any", "export-controlled"],
    default: "any",
    description:
      '"any": every GPU or AI accelerator counts. "export-controlled": only chips classified ' +
      "under ECCN 3A090 (or not yet settled) count; older GPUs such as T4 or V100 are allowed.",
  },
  restrictedAccounts: {
    type: "array",
    items: {
      type: "object",
      properties: {
        id: {
          type: "string",
          minLength: 1,
          description:
            "AWS account ID (12 digits), Azure subscription / tenant ID (GUID) or Google Cloud project ID.",
        },
        jurisdiction: {
          type: "string",
          minLength: 1,
          description: "ISO 3166-1 alpha-2 code the account is tied to.",
        },
        note: { type: "string", description: "Why the account is listed (shown in messages)." },
      },
      required: ["id"],
      additionalProperties: false,
    },
    default: [],
    description:
      "Accounts, subscriptions, tenants and Google Cloud projects tied to a restricted jurisdiction: no GPU or AI " +
      'resource may be deployed through them, and no network may peer with them. E.g. [{"id": ' +
      '"123456789012", "jurisdiction": "CN", "note": "JV account"}].',
  },
  jurisdictionStackTag: {
    type: "string",
    minLength: 1,
    default: "jurisdiction",
    description:
      "Name of the stack tag whose value (an ISO 3166-1 alpha-2 code) ties the whole stack to a " +
      "jurisdiction; a stack tied to a restricted jurisdiction may hold no GPU or AI resource.",
  },
  foreignProviders: {
    type: "array",
    items: {
      type: "object",
      properties: {
        name: { type: "string", minLength: 1 },
        asns: { type: "array", items: { anyOf: [{ type: "integer" }, { type: "string" }] } },
        accountIds: stringList,
        subscriptionIds: stringList,
        tenantIds: stringList,
        projectIds: stringList,
        cidrs: stringList,
        serviceNames: stringList,
        carrierNames: stringList,
        jurisdiction: { type: "string" },
      },
      required: ["name"],
      additionalProperties: false,
    },
    default: [],
    description:
      "Providers to treat as listed, in addition to the built-in registry: ASNs (numbers or " +
      '"AS…" strings), AWS account IDs, Azure subscription/tenant IDs, Google Cloud project IDs, ' +
      "CIDR ranges, endpoint " +
      "service names (globs), carrier names.",
  },
  builtinForeignProviders: {
    type: "boolean",
    default: true,
    description:
      "Use the built-in registry of listed foreign providers (Alibaba Cloud, Tencent, …).",
  },
  exemptions: {
    type: "array",
    items: {
      type: "object",
      properties: {
        resource: {
          type: "string",
          minLength: 1,
          description:
            "A resource URN, or a glob over URNs (* matches any characters, ? one, [..] a class, {a,b} alternatives), written urn:pulumi:<stack>::<project>::<type>::<name>; it must pin the stack or the type (not both wildcards).",
        },
        reason: { type: "string", minLength: 1, description: "Why the exemption was granted." },
        expires: {
          type: "string",
          pattern: "^\\d{4}-\\d{2}-\\d{2}$",
          description: "Last day (YYYY-MM-DD, UTC) on which the exemption applies.",
        },
        approvedBy: { type: "string", minLength: 1, description: "Who approved it." },
      },
      required: ["resource", "reason", "expires"],
      additionalProperties: false,
    },
    default: [],
    description:
      "Per-resource exemptions held in the central pack config. A matching, unexpired exemption " +
      "turns this policy's violation into an advisory note that names it; an expired one no " +
      "longer applies.",
  },
  maxExemptionDays: {
    type: "integer",
    minimum: 1,
    maximum: MAX_EXEMPTION_DAYS,
    default: 365,
    description:
      "How far in the future an exemption may expire, in days from today (at most 730: an exemption is renewed, never permanent).",
  },
} as const satisfies Record<string, JSONSchema & { default: unknown }>;

/** Settings every policy declares, whatever it checks. */
export const COMMON_SETTINGS = [
  "exemptions",
  "maxExemptionDays",
] as const satisfies readonly (keyof typeof SETTINGS)[];

export type SettingName = keyof typeof SETTINGS;
export type Settings = { [K in SettingName]: FromSchema<(typeof SETTINGS)[K]> };

/**
 * Every setting's value when the config leaves it out, read from its declaration's `default` (the
 * one the engine fills in too): a policy gets these for the settings it does not declare.
 */
export function settingDefaults(): Settings {
  const out: Record<string, unknown> = {};
  for (const [name, schema] of Object.entries(SETTINGS)) out[name] = schema.default;
  return out as Settings;
}

/** One setting's JSON Schema as the policy SDK types it. */
export type SettingSchema = PolicyConfigSchema["properties"][string];

/**
 * The `configSchema` for a policy that declares `names`: closed (`additionalProperties: false`),
 * so a misspelled setting is an error wherever this schema is checked (parseSettings in the pack,
 * checkPackConfig in the CLI). Note that the policy SDK reports only `properties` and `required`
 * in GetAnalyzerInfo (the protocol's PolicyConfigSchema has no other field), and the engine
 * validates `{type: "object", properties, required}`: an unknown key passes the engine and
 * reaches the pack, where parseSettings rejects it on every resource the policy decides.
 */
export function configSchemaFor<N extends SettingName>(
  names: readonly N[],
): { properties: Record<N, SettingSchema>; additionalProperties: false } {
  const properties = {} as Record<N, SettingSchema>;
  // The declarations are deeply readonly (`as const`, for the derived types); the SDK's schema
  // type has mutable arrays. Same objects, never mutated.
  for (const n of names) properties[n] = SETTINGS[n] as unknown as SettingSchema;
  return { properties, additionalProperties: false };
}

export {
  ENFORCEMENT_LEVELS,
  REPORTING_LEVELS,
  isEnforcementLevel,
  isReportingLevel,
} from "./levels";
export type { EnforcementLevel, ReportingLevel } from "./levels";

/** A setting's value after validation, ready for decisions. */
export interface ResolvedSettings {
  /** Restricted countries, each with the config items that restrict it ("default", "CN"). */
  readonly restricted: ReadonlyMap<CountryCode, readonly string[]>;
  /** Normalised region names. */
  readonly allowedRegions: ReadonlySet<string>;
  readonly restrictedRegions: ReadonlySet<string>;
  readonly acceleratorScope: Settings["acceleratorScope"];
  /** Listed accounts by normalised ID (AWS: 12 digits; Azure: lower-case GUID). */
  readonly restrictedAccounts: ReadonlyMap<string, Settings["restrictedAccounts"][number]>;
  readonly jurisdictionStackTag: string;
  /** Listed foreign providers: the built-in registry (unless turned off) plus foreignProviders. */
  readonly providers: ProviderIndex;
  readonly exemptions: Exemptions;
}

/** A policy's exemptions, indexed by URN (exact URNs, and globs by their literal prefix). */
export interface Exemptions {
  readonly size: number;
  /** The exemptions whose resource matches `urn`, in config order. */
  matching(urn: string): readonly Exemption[];
}

export interface Exemption {
  /** Position in the config list, for messages. */
  readonly index: number;
  readonly resource: string;
  readonly reason: string;
  readonly expires: string;
  readonly approvedBy?: string;
  matches(urn: string): boolean;
}

/** "2026-11-22" for a date (UTC). */
export function isoDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}

function validDay(day: string): boolean {
  const d = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && isoDay(d) === day;
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export type { ConfigError, ConfigProblem } from "./problems";

export type ParsedSettings =
  | { readonly ok: true; readonly settings: ResolvedSettings }
  | { readonly ok: false; readonly errors: readonly ConfigError[] };

/**
 * A restrictedAccounts identifier of either cloud (AWS account, Azure subscription or tenant) as it
 * compares: without braces or case, an AWS ID without its group dashes ("1234-5678-9012" =
 * "123456789012"), a GUID keeping its dashes.
 */
export function restrictedAccountKey(id: string): string {
  return id
    .trim()
    .toLowerCase()
    .replace(/[{}]/g, "")
    .replace(/^(\d{4})-(\d{4})-(\d{4})$/, "$1$2$3");
}

const ACCOUNT_ID =
  /^(\d{12}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[a-z][a-z0-9-]{4,28}[a-z0-9])$/;

/** Region names compare case- and space-insensitively ("China East 2" = "chinaeast2"). */
export function regionKey(name: string): string {
  return name.toLowerCase().replace(/\s+/g, "");
}

/** The direction word of every AWS region code ("cn-north-1", "us-gov-west-1", "eusc-de-east-1"). */
const AWS_DIRECTION =
  /-(north|south|east|west|central|northeast|northwest|southeast|southwest)-\d+$/;

/**
 * Why a region name may not stand in allowedRegions / restrictedRegions, or undefined when it may.
 * Catalogued names always may. A well-formed but uncatalogued AWS code (a partition's pattern and
 * a compass direction: a region newer than the data) may too, so a user can allow or deny it
 * before the catalogue catches up. Anything else is a misspelling that would allow or restrict
 * nothing, so it is an error with the closest catalogued name.
 */
function regionProblem(name: string): ConfigProblem | undefined {
  if (acceptedRegion(name)) return undefined;
  const key = regionKey(name);
  const qualified = listedCloudsWithRegion(key).map((c) => `${c}:${key}`);
  const suggestion = qualified.length > 0 ? undefined : closest(key, knownRegionNames());
  return {
    code: "unknown-region",
    name,
    qualified,
    ...(suggestion !== undefined ? { suggestion } : {}),
  };
}

function acceptedRegion(name: string): boolean {
  const key = name.trim().toLowerCase();
  const qualified = /^([a-z]+):(.+)$/.exec(key);
  if (qualified) {
    const cloud = qualified[1] as Cloud;
    return (
      LISTED_CLOUDS.has(cloud) &&
      lookupListedCloudRegion(cloud, qualified[2] ?? "")?.entry !== undefined
    );
  }
  if (lookupAwsRegion(key) || lookupAzureLocation(name)) return true;
  if (lookupGcpLocation(key)?.entry?.name === key) return true;
  return awsPartitionOf(key) !== undefined && AWS_DIRECTION.test(key);
}

let regionNames: readonly string[] | undefined;

/** Every catalogued region name as config lists write it (listed clouds with their prefix). */
function knownRegionNames(): readonly string[] {
  regionNames ??= CLOUDS.flatMap((cloud) =>
    catalogedRegions(cloud).map((r) => (LISTED_CLOUDS.has(cloud) ? `${cloud}:${r.name}` : r.name)),
  );
  return regionNames;
}

const CLOUDS: readonly Cloud[] = [
  "aws",
  "azure",
  "gcp",
  "alicloud",
  "tencentcloud",
  "huaweicloud",
  "yandex",
];
const LISTED_CLOUDS: ReadonlySet<Cloud> = new Set([
  "alicloud",
  "tencentcloud",
  "huaweicloud",
  "yandex",
]);

/** The listed clouds that have a region of this (unprefixed) name. */
function listedCloudsWithRegion(key: string): Cloud[] {
  return [...LISTED_CLOUDS].filter((c) => catalogedRegions(c).some((r) => r.name === key));
}

/** The options every settings validator is compiled with (here, or ahead of time). */
export const CONFIG_AJV_OPTIONS = {
  allErrors: true,
  strict: false,
  useDefaults: true,
  logger: false,
} as const;

/** How a set of settings names its validator (here and in config-validators.ts). */
export function validatorKey(names: readonly SettingName[]): string {
  return names.join(",");
}

/**
 * One validator per set of settings: the policies' sets were compiled ahead of time
 * (config-validators.ts, generated by scripts/gen-validators.ts); another set is compiled by ajv
 * at its first config. Either is loaded at the first config to validate, not at start-up: the
 * stock pack has no baked-in settings, so the pack starts without them.
 */
const validators = new Map<string, ValidateFunction>();

function validatorFor(names: readonly SettingName[]): ValidateFunction {
  const key = validatorKey(names);
  let validate = validators.get(key);
  if (!validate) {
    const schema = { type: "object", ...configSchemaFor(names) };
    validate = precompiled(key, schema) ?? compile(schema);
    validators.set(key, validate);
  }
  return validate;
}

/** What identifies a schema a validator was compiled from. */
export function settingsSchemaHash(schema: object): string {
  return createHash("sha256").update(JSON.stringify(schema)).digest("hex");
}

/** The generated validator of `key`, if it was compiled from this very schema. */
function precompiled(key: string, schema: object): ValidateFunction | undefined {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const generated = require("./config-validators") as Record<
    string,
    ValidateFunction & { schemaHash?: string }
  >;
  const validate = Object.hasOwn(generated, key) ? generated[key] : undefined;
  return validate?.schemaHash === settingsSchemaHash(schema) ? validate : undefined;
}

function compile(schema: object): ValidateFunction {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { default: AjvClass } = require("ajv") as { default: typeof Ajv };
  ajv ??= new AjvClass(CONFIG_AJV_OPTIONS);
  return ajv.compile(schema);
}
let ajv: Ajv | undefined;

/** The settings an object schema declares, and their schemas. */
type DeclaredProperties = Readonly<Record<string, unknown>>;

/**
 * What a policy's JSON Schema says about `raw`, each error naming the field and the fix. A key the
 * schema does not declare gets the closest declared name ("did you mean …?").
 */
function schemaErrors(
  validate: ValidateFunction,
  properties: DeclaredProperties,
  raw: Record<string, unknown>,
  seeDocs = true,
): ConfigError[] {
  if (validate(raw)) return [];
  const declared = Object.keys(properties);
  return (validate.errors ?? []).map((e) => {
    const params = e.params as { additionalProperty?: unknown; missingProperty?: unknown };
    let field = e.instancePath
      .replace(/^\//, "")
      .replace(/\/(\d+)/g, "[$1]")
      .replace(/\//g, ".");
    if (e.keyword === "additionalProperties" && typeof params.additionalProperty === "string") {
      const key = params.additionalProperty;
      if (field === "") {
        const suggestion = closest(key, declared);
        return {
          field: key,
          cause: {
            code: "not-a-setting",
            key,
            declared,
            ...(suggestion !== undefined ? { suggestion } : {}),
          },
        };
      }
      field = `${field}.${key}`;
    }
    if (e.keyword === "required" && typeof params.missingProperty === "string") {
      field = field === "" ? params.missingProperty : `${field}.${params.missingProperty}`;
    }
    const setting = field.split(/[.[]/)[0] ?? "";
    const schema = properties[setting] as { description?: unknown } | undefined;
    const description = typeof schema?.description === "string" ? schema.description : undefined;
    const allowed = e.keyword === "enum" ? e.params["allowedValues"] : undefined;
    return {
      field: field || "(policy config)",
      cause: {
        code: "schema",
        keyword: e.keyword,
        ...(Array.isArray(allowed) ? { allowed: allowed as unknown[] } : {}),
        ...(e.message !== undefined ? { message: e.message } : {}),
        ...(description ? { expected: description } : {}),
        seeDocs,
      },
    };
  });
}

const cache = new Map<string, ParsedSettings>();

/**
 * Validates one policy's config (what `args.getConfig()` returns) and resolves it. Missing settings
 * take their schema defaults. Results are cached by content: the SDK hands out a fresh object for
 * every resource, so this is called on the hot path.
 */
export function parseSettings(
  names: readonly SettingName[],
  raw: Readonly<Record<string, unknown>>,
  today: string = isoDay(new Date()),
): ParsedSettings {
  // Fast path: the SDK's getConfig() returns a fresh shallow copy of the same values for every
  // resource, so compare values by identity before paying for a content key. Policies pass the
  // same `names` array every time (settingsOf), so it keys the last call by identity.
  const last = lastCall.get(names);
  if (last && last.today === today && sameValues(last.raw, raw)) return last.parsed;
  const key = names.join(",") + "\u0000" + today + "\u0000" + JSON.stringify(raw);
  let parsed = cache.get(key);
  if (!parsed) {
    parsed = parseUncached(names, raw, today);
    if (cache.size > 64) cache.clear();
    cache.set(key, parsed);
  }
  lastCall.set(names, { today, raw, parsed });
  return parsed;
}

const lastCall = new WeakMap<
  readonly SettingName[],
  { today: string; raw: Readonly<Record<string, unknown>>; parsed: ParsedSettings }
>();

function sameValues(
  a: Readonly<Record<string, unknown>>,
  b: Readonly<Record<string, unknown>>,
): boolean {
  if (a === b) return true;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((k) => Object.prototype.hasOwnProperty.call(b, k) && a[k] === b[k]);
}

function parseUncached(
  names: readonly SettingName[],
  rawIn: Readonly<Record<string, unknown>>,
  today: string,
): ParsedSettings {
  const raw: Record<string, unknown> = structuredClone(rawIn) as Record<string, unknown>;
  const properties = configSchemaFor(names).properties;
  const errors = schemaErrors(validatorFor(names), properties, raw); // also fills defaults into `raw`
  if (errors.length > 0) return { ok: false, errors };
  // The settings the policy does not declare (ajv filled the others) take their declared defaults.
  const s: Settings = { ...settingDefaults(), ...(raw as Partial<Settings>) };

  const jurisdictions = s.restrictedJurisdictions;
  const expanded = expandJurisdictions(jurisdictions);
  for (const bad of expanded.invalid) {
    errors.push({
      field: `restrictedJurisdictions[${bad.index}]`,
      cause: { code: "unknown-jurisdiction", value: bad.value, hint: bad.hint },
    });
  }
  const restricted = new Map<CountryCode, string[]>();
  for (const item of jurisdictions) {
    for (const c of expandJurisdictions([item]).countries) {
      const via = restricted.get(c) ?? [];
      via.push(item);
      restricted.set(c, via);
    }
  }

  const regionSet = (field: "allowedRegions" | "restrictedRegions"): Set<string> => {
    const out = new Set<string>();
    s[field].forEach((name, i) => {
      const bad = regionProblem(name);
      if (bad) errors.push({ field: `${field}[${i}]`, cause: bad });
      out.add(regionKey(name));
    });
    return out;
  };
  const allowedRegions = regionSet("allowedRegions");
  const restrictedRegions = regionSet("restrictedRegions");
  for (const r of allowedRegions) {
    if (restrictedRegions.has(r)) {
      errors.push({
        field: "allowedRegions",
        cause: { code: "region-allowed-and-restricted", region: r },
      });
    }
  }

  const restrictedAccounts = new Map<string, Settings["restrictedAccounts"][number]>();
  s.restrictedAccounts.forEach((entry, i) => {
    const key = restrictedAccountKey(entry.id);
    if (!ACCOUNT_ID.test(key)) {
      errors.push({
        field: `restrictedAccounts[${i}].id`,
        cause: { code: "invalid-account-id", value: entry.id },
      });
    }
    if (
      entry.jurisdiction !== undefined &&
      expandJurisdictions([entry.jurisdiction]).invalid.length > 0
    ) {
      errors.push({
        field: `restrictedAccounts[${i}].jurisdiction`,
        cause: { code: "unknown-account-jurisdiction", value: entry.jurisdiction },
      });
    }
    restrictedAccounts.set(key, entry);
  });

  let providers: ProviderIndex = builtinProviderIndex();
  if (names.includes("foreignProviders") || names.includes("builtinForeignProviders")) {
    const built = buildProviderIndex({
      builtin: s.builtinForeignProviders,
      custom: s.foreignProviders,
    });
    errors.push(...built.errors);
    providers = built.index;
  }

  const maxDays = s.maxExemptionDays;
  const exemptions = new PatternIndex<Exemption>(picomatchPrefix);
  s.exemptions.forEach((e, index) => {
    const field = `exemptions[${index}]`;
    if (!validDay(e.expires)) {
      errors.push({
        field: `${field}.expires`,
        cause: { code: "invalid-expiry-date", value: e.expires },
      });
      return;
    }
    if (daysBetween(today, e.expires) > maxDays) {
      errors.push({
        field: `${field}.expires`,
        cause: { code: "expiry-too-far", expires: e.expires, maxDays, today },
      });
    }
    const unpinned = exemptionScopeProblem(e.resource);
    if (unpinned) {
      errors.push({ field: `${field}.resource`, cause: unpinned });
      return;
    }
    let matches: (urn: string) => boolean;
    try {
      matches = picomatch(e.resource, { bash: true, dot: true, strictBrackets: true });
    } catch (err) {
      errors.push({
        field: `${field}.resource`,
        cause: {
          code: "invalid-exemption-glob",
          pattern: e.resource,
          reason: (err as Error).message,
        },
      });
      return;
    }
    exemptions.add(e.resource, { index, ...e, matches }, matches);
  });

  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    settings: {
      exemptions: { size: exemptions.size, matching: (urn) => exemptions.lookup(urn) },
      restricted,
      allowedRegions,
      restrictedRegions,
      acceleratorScope: s.acceleratorScope,
      restrictedAccounts,
      jurisdictionStackTag: s.jurisdictionStackTag,
      providers,
    },
  };
}

// ── The whole pack config ─────────────────────────────────────────────────────────────────────

/** A policy as a pack config file names it: its name and the settings it declares. */
export interface DeclaredPolicy {
  readonly name: string;
  readonly configSchema?: {
    readonly properties: DeclaredProperties;
    readonly required?: readonly string[];
  };
}

/** One problem of a pack config file: the policy entry (top-level key) and the field inside it. */
export interface PackConfigProblem {
  /** The top-level key: a policy name, "all", or the misplaced key. */
  readonly policy: string;
  /** The setting path inside the policy's entry ("restrictedRegions[0]"); absent for the entry. */
  readonly field?: string;
  readonly cause: ConfigProblem;
}

/**
 * "full": every check the pack makes of its own settings. "schema": what the policies' JSON
 * Schemas say, closed (unknown keys are errors), for packs whose code is not at hand.
 */
export type CheckDepth = "full" | "schema";

const badLevel = (value: unknown): ConfigProblem => ({
  code: "invalid-level",
  value,
  levels: ENFORCEMENT_LEVELS,
});

/**
 * Whether a policy declares exactly this pack's settings (by name and schema): then the settings
 * get every check the pack itself makes (parseSettings: regions, jurisdictions, dates, …), not
 * only the schema. A schema that came back through GetAnalyzerInfo compares by value.
 */
function declaresOwnSettings(
  properties: DeclaredProperties,
): properties is Readonly<Record<SettingName, unknown>> {
  return Object.entries(properties).every(
    ([name, schema]) =>
      name in SETTINGS &&
      (schema === SETTINGS[name as SettingName] ||
        isDeepStrictEqual(schema, JSON.parse(JSON.stringify(SETTINGS[name as SettingName])))),
  );
}

const genericValidators = new WeakMap<object, ValidateFunction>();

function settingsProblems(
  policy: DeclaredPolicy,
  settings: Record<string, unknown>,
  today: string,
  depth: CheckDepth,
): readonly ConfigError[] {
  // The engine adds an `enforcementLevel` property to every reported schema; checkPackConfig
  // checks the level itself.
  const { enforcementLevel: _level, ...properties } = policy.configSchema?.properties ?? {};
  if (depth === "full" && declaresOwnSettings(properties)) {
    const parsed = parseSettings(Object.keys(properties) as SettingName[], settings, today);
    return parsed.ok ? [] : parsed.errors;
  }
  const key = policy.configSchema ?? properties;
  let validate = genericValidators.get(key);
  if (!validate) {
    const required = (policy.configSchema?.required ?? []).filter((r) => r !== "enforcementLevel");
    validate = compile({
      type: "object",
      properties,
      ...(required.length > 0 ? { required } : {}),
      additionalProperties: false,
    });
    genericValidators.set(key, validate);
  }
  return schemaErrors(validate, properties, structuredClone(settings), false);
}

/**
 * The one checker of a whole pack config, in the shape `pulumi preview --policy-pack-config` and
 * `pulumi policy enable --config` read: `{"all": <level>, "<policy>": <level> | {"enforcementLevel":
 * <level>, <settings>}}`. Checks every key against `policies` (a misspelled policy, "all" or
 * setting gets the closest known name), every level, and every policy's settings as the pack
 * checks them (`depth`). Empty when the config is valid. `today` (YYYY-MM-DD) is the day exemption expiries
 * are measured from.
 */
export function checkPackConfig(
  config: unknown,
  policies: readonly DeclaredPolicy[],
  today: string = isoDay(new Date()),
  depth: CheckDepth = "full",
): PackConfigProblem[] {
  if (config === null || typeof config !== "object" || Array.isArray(config)) {
    return [{ policy: "(file)", cause: { code: "pack-config-not-object" } }];
  }
  const byName = new Map(policies.map((p) => [p.name, p]));
  const problems: PackConfigProblem[] = [];
  for (const [key, entry] of Object.entries(config as Record<string, unknown>)) {
    if (key === "all") {
      const level =
        entry !== null && typeof entry === "object" && !Array.isArray(entry)
          ? (entry as Record<string, unknown>)["enforcementLevel"]
          : entry;
      const others =
        entry !== null && typeof entry === "object" && !Array.isArray(entry)
          ? Object.keys(entry).filter((k) => k !== "enforcementLevel")
          : [];
      if (others.length > 0) {
        problems.push({
          policy: key,
          field: others.join(", "),
          cause: { code: "all-with-settings", policies: [...byName.keys()] },
        });
      }
      if (!isEnforcementLevel(level)) {
        problems.push({ policy: key, cause: badLevel(level) });
      }
      continue;
    }
    const policy = byName.get(key);
    if (!policy) {
      const declaring = policies.filter((p) => key in (p.configSchema?.properties ?? {}));
      if (declaring.length > 0) {
        problems.push({
          policy: key,
          cause: { code: "setting-as-policy", key, declaring: declaring.map((p) => p.name) },
        });
        continue;
      }
      const known = ["all", ...byName.keys()];
      const suggestion = closest(key, known);
      problems.push({
        policy: key,
        cause: {
          code: "unknown-policy",
          key,
          known,
          ...(suggestion !== undefined ? { suggestion } : {}),
        },
      });
      continue;
    }
    if (typeof entry === "string") {
      if (!isEnforcementLevel(entry)) {
        problems.push({ policy: key, cause: badLevel(entry) });
      }
      continue;
    }
    if (entry === null || typeof entry !== "object" || Array.isArray(entry)) {
      problems.push({ policy: key, cause: { code: "entry-not-object", key, value: entry } });
      continue;
    }
    const { enforcementLevel, ...settings } = entry as Record<string, unknown>;
    if (enforcementLevel !== undefined && !isEnforcementLevel(enforcementLevel)) {
      problems.push({ policy: key, field: "enforcementLevel", cause: badLevel(enforcementLevel) });
    }
    for (const e of settingsProblems(policy, settings, today, depth)) {
      problems.push({ policy: key, field: e.field, cause: e.cause });
    }
  }
  return problems;
}

/** The settings a policy declares (its configSchema), in declaration order. */
export function declaredSettings(policy: DeclaredPolicy): SettingName[] {
  return Object.keys(policy.configSchema?.properties ?? {}) as SettingName[];
}
