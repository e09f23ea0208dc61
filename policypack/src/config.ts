// Policy configuration, declared once. Each setting is a plain JSON Schema object: the same object
// is the schema the engine validates against (configSchema) and, through json-schema-to-ts's
// type-only `FromSchema`, the TypeScript type the policies read (no schema library at run time). `parseSettings` then checks what JSON Schema cannot (ISO codes, group
// names, region names) and returns errors that name the field and the fix.
import type { PolicyConfigSchema } from "@pulumi/policy";
import type { FromSchema, JSONSchema } from "json-schema-to-ts";
import type Ajv from "ajv";
import type { ValidateFunction } from "ajv";
import picomatch from "picomatch";
import {
  DEFAULT_RESTRICTED_JURISDICTIONS,
  JURISDICTION_GROUPS,
  expandJurisdictions,
} from "./data/jurisdictions";
import type { ProviderIndex } from "./data/provider-matcher";
import { buildProviderIndex, builtinProviderIndex } from "./data/provider-matcher";
import { awsPartitionOf, isKnownRegionName } from "./data/regions";
import type { CountryCode } from "./data/types";
import { PatternIndex, picomatchPrefix } from "./pattern-index";

const stringList = { type: "array", items: { type: "string" } } as const;

const regionList = (description: string) =>
  ({
    type: "array",
    items: { type: "string", minLength: 1 },
    default: [],
    uniqueItems: true,
    description,
  }) as const;

/** Every setting any policy declares. A policy picks the ones that apply to it. */
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
    "Region names (AWS regions, Azure locations) always allowed, overriding the jurisdiction " +
      'mapping, e.g. ["me-central-1"] after a legal review.',
  ),
  restrictedRegions: regionList(
    "Region names always denied, in addition to the restricted jurisdictions, " +
      'e.g. ["ap-southeast-1"].',
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
          description: "AWS account ID (12 digits) or Azure subscription / tenant ID (GUID).",
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
      "Accounts, subscriptions and tenants tied to a restricted jurisdiction: no GPU or AI " +
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
      '"AS…" strings), AWS account IDs, Azure subscription/tenant IDs, CIDR ranges, endpoint ' +
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
            "A resource URN, or a glob over URNs (* matches any characters, ? one, [..] a class, {a,b} alternatives).",
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
    default: 365,
    description: "How far in the future an exemption may expire, in days from today.",
  },
} as const satisfies Record<string, JSONSchema>;

/** Settings every policy declares, whatever it checks. */
export const COMMON_SETTINGS = [
  "exemptions",
  "maxExemptionDays",
] as const satisfies readonly (keyof typeof SETTINGS)[];

export type SettingName = keyof typeof SETTINGS;
export type Settings = { [K in SettingName]: FromSchema<(typeof SETTINGS)[K]> };

/** One setting's JSON Schema as the policy SDK types it. */
export type SettingSchema = PolicyConfigSchema["properties"][string];

/** The `configSchema` for a policy that declares `names`. */
export function configSchemaFor<N extends SettingName>(
  names: readonly N[],
): { properties: Record<N, SettingSchema> } {
  const properties = {} as Record<N, SettingSchema>;
  // The declarations are deeply readonly (`as const`, for the derived types); the SDK's schema
  // type has mutable arrays. Same objects, never mutated.
  for (const n of names) properties[n] = SETTINGS[n] as unknown as SettingSchema;
  return { properties };
}

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

export interface ConfigError {
  /** The setting path: "restrictedJurisdictions[2]". */
  readonly field: string;
  readonly problem: string;
  readonly fix: string;
}

export type ParsedSettings =
  | { readonly ok: true; readonly settings: ResolvedSettings }
  | { readonly ok: false; readonly errors: readonly ConfigError[] };

/** Account identifiers compare without dashes, braces or case ("1234-5678-9012" = "123456789012"). */
export function accountKey(id: string): string {
  return id
    .trim()
    .toLowerCase()
    .replace(/[{}]/g, "")
    .replace(/^(\d{4})-(\d{4})-(\d{4})$/, "$1$2$3");
}

const ACCOUNT_ID = /^(\d{12}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

/** Region names compare case- and space-insensitively ("China East 2" = "chinaeast2"). */
export function regionKey(name: string): string {
  return name.toLowerCase().replace(/\s+/g, "");
}

/**
 * Whether a region name may stand in allowedRegions / restrictedRegions. Catalogued names always
 * may. A well-formed but uncatalogued AWS name (a region newer than the data) may too, so a user
 * can allow or deny it before the catalogue catches up. Other uncatalogued names may only be
 * allowed: a typo there allows nothing that exists, while a typo in restrictedRegions would
 * silently restrict nothing.
 */
function acceptedRegion(name: string, list: "allowedRegions" | "restrictedRegions"): boolean {
  if (isKnownRegionName(name) || awsPartitionOf(name) !== undefined) return true;
  return list === "allowedRegions" && /^[a-z][a-z0-9-]*(:[a-z][a-z0-9-]*)?$/.test(regionKey(name));
}

/**
 * One compiled validator per set of settings. Ajv is loaded at the first config to validate, not
 * at start-up: the stock pack has no baked-in settings, so the pack starts without it.
 */
const validators = new Map<string, ValidateFunction>();

function validatorFor(names: readonly SettingName[]): ValidateFunction {
  const key = names.join(",");
  let validate = validators.get(key);
  if (!validate) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { default: AjvClass } = require("ajv") as { default: typeof Ajv };
    ajv ??= new AjvClass({ allErrors: true, strict: false, useDefaults: true });
    validate = ajv.compile({ type: "object", properties: configSchemaFor(names).properties });
    validators.set(key, validate);
  }
  return validate;
}
let ajv: Ajv | undefined;

function schemaErrors(names: readonly SettingName[], raw: Record<string, unknown>): ConfigError[] {
  const validate = validatorFor(names);
  if (validate(raw)) return [];
  return (validate.errors ?? []).map((e) => {
    const field = e.instancePath
      .replace(/^\//, "")
      .replace(/\/(\d+)/g, "[$1]")
      .replace(/\//g, ".");
    const setting = field.split(/[.[]/)[0] as SettingName | undefined;
    const description = setting && setting in SETTINGS ? SETTINGS[setting].description : undefined;
    return {
      field: field || "(policy config)",
      problem: e.message ?? "is invalid",
      fix: description ? `expected: ${description}` : "see docs/configuration.md",
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
  const errors = schemaErrors(names, raw); // also fills defaults into `raw`
  if (errors.length > 0) return { ok: false, errors };
  const s = raw as Partial<Settings>;

  const jurisdictions = s.restrictedJurisdictions ?? [...DEFAULT_RESTRICTED_JURISDICTIONS];
  const expanded = expandJurisdictions(jurisdictions);
  for (const bad of expanded.invalid) {
    errors.push({
      field: `restrictedJurisdictions[${bad.index}]`,
      problem: `"${bad.value}" is neither an ISO 3166-1 alpha-2 country code nor a known group`,
      fix: bad.hint,
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
    (s[field] ?? []).forEach((name, i) => {
      if (!acceptedRegion(name, field)) {
        errors.push({
          field: `${field}[${i}]`,
          problem: `"${name}" is not a known region name`,
          fix: 'use the programmatic name, e.g. "cn-north-1", "chinaeast2", "asia-east2" or "alicloud:cn-hongkong" (see docs/configuration.md)',
        });
      }
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
        problem: `"${r}" is listed in both allowedRegions and restrictedRegions`,
        fix: "remove it from one of the two lists",
      });
    }
  }

  const restrictedAccounts = new Map<string, Settings["restrictedAccounts"][number]>();
  (s.restrictedAccounts ?? []).forEach((entry, i) => {
    const key = accountKey(entry.id);
    if (!ACCOUNT_ID.test(key)) {
      errors.push({
        field: `restrictedAccounts[${i}].id`,
        problem: `"${entry.id}" is neither a 12-digit AWS account ID nor an Azure subscription/tenant GUID`,
        fix: 'write an AWS account as "123456789012" or an Azure ID as "00000000-0000-0000-0000-000000000000"',
      });
    }
    if (
      entry.jurisdiction !== undefined &&
      expandJurisdictions([entry.jurisdiction]).invalid.length > 0
    ) {
      errors.push({
        field: `restrictedAccounts[${i}].jurisdiction`,
        problem: `"${entry.jurisdiction}" is neither an ISO 3166-1 alpha-2 country code nor a known group`,
        fix: 'use a code such as "CN" or "RU"',
      });
    }
    restrictedAccounts.set(key, entry);
  });

  let providers: ProviderIndex = builtinProviderIndex();
  if (names.includes("foreignProviders") || names.includes("builtinForeignProviders")) {
    const built = buildProviderIndex({
      builtin: s.builtinForeignProviders ?? true,
      custom: s.foreignProviders ?? [],
    });
    errors.push(...built.errors);
    providers = built.index;
  }

  const maxDays = s.maxExemptionDays ?? 365;
  const exemptions = new PatternIndex<Exemption>(picomatchPrefix);
  (s.exemptions ?? []).forEach((e, index) => {
    const field = `exemptions[${index}]`;
    if (!validDay(e.expires)) {
      errors.push({
        field: `${field}.expires`,
        problem: `"${e.expires}" is not a calendar date`,
        fix: "write the last day the exemption applies as YYYY-MM-DD",
      });
      return;
    }
    if (daysBetween(today, e.expires) > maxDays) {
      errors.push({
        field: `${field}.expires`,
        problem: `${e.expires} is more than maxExemptionDays (${maxDays}) days after today (${today})`,
        fix: "choose an earlier expiry and renew the exemption when it runs out",
      });
    }
    let matches: (urn: string) => boolean;
    try {
      matches = picomatch(e.resource, { bash: true, dot: true, strictBrackets: true });
    } catch (err) {
      errors.push({
        field: `${field}.resource`,
        problem: `"${e.resource}" is not a valid URN glob (${(err as Error).message})`,
        fix: "give a full URN, or a glob such as urn:pulumi:prod::*::aws:ec2/instance:Instance::gpu-*",
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
      acceleratorScope: s.acceleratorScope ?? "any",
      restrictedAccounts,
      jurisdictionStackTag: s.jurisdictionStackTag ?? "jurisdiction",
      providers,
    },
  };
}
