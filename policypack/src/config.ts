// Policy configuration, declared once. Each setting is a TypeBox schema: the same object is the
// JSON Schema the engine validates against (configSchema) and, through `Static`, the TypeScript
// type the policies read. `parseSettings` then checks what JSON Schema cannot (ISO codes, group
// names, region names) and returns errors that name the field and the fix.
import type { Static, TSchema } from "@sinclair/typebox";
import { Type } from "@sinclair/typebox";
import Ajv from "ajv";
import {
  DEFAULT_RESTRICTED_JURISDICTIONS,
  JURISDICTION_GROUPS,
  expandJurisdictions,
} from "./data/jurisdictions";
import { awsPartitionOf, lookupAwsRegion, lookupAzureLocation } from "./data/regions";
import type { CountryCode } from "./data/types";

const regionList = (description: string) =>
  Type.Array(Type.String({ minLength: 1 }), { default: [], uniqueItems: true, description });

/** Every setting any policy declares. A policy picks the ones that apply to it. */
export const SETTINGS = {
  restrictedJurisdictions: Type.Array(Type.String({ minLength: 1 }), {
    default: [...DEFAULT_RESTRICTED_JURISDICTIONS],
    uniqueItems: true,
    description:
      "Jurisdictions where the policy denies placement: ISO 3166-1 alpha-2 country codes " +
      '(e.g. "CN", "HK") and/or group names (' +
      [...JURISDICTION_GROUPS.keys()].map((k) => `"${k}"`).join(", ") +
      "). Replaces the default list.",
  }),
  allowedRegions: regionList(
    "Region names (AWS regions, Azure locations) always allowed, overriding the jurisdiction " +
      'mapping, e.g. ["me-central-1"] after a legal review.',
  ),
  restrictedRegions: regionList(
    "Region names always denied, in addition to the restricted jurisdictions, " +
      'e.g. ["ap-southeast-1"].',
  ),
  acceleratorScope: Type.Unsafe<"any" | "export-controlled">({
    type: "string",
    enum: ["any", "export-controlled"],
    default: "any",
    description:
      '"any": every GPU or AI accelerator counts. "export-controlled": only chips classified ' +
      "under ECCN 3A090 (or not yet settled) count; older GPUs such as T4 or V100 are allowed.",
  }),
} as const;

export type SettingName = keyof typeof SETTINGS;
export type Settings = { [K in SettingName]: Static<(typeof SETTINGS)[K]> };

/** The `configSchema` for a policy that declares `names`. */
export function configSchemaFor<N extends SettingName>(
  names: readonly N[],
): { properties: Record<N, TSchema> } {
  const properties = {} as Record<N, TSchema>;
  for (const n of names) properties[n] = SETTINGS[n];
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

/** Region names compare case- and space-insensitively ("China East 2" = "chinaeast2"). */
export function regionKey(name: string): string {
  return name.toLowerCase().replace(/\s+/g, "");
}

function knownRegion(name: string): boolean {
  return (
    lookupAwsRegion(name) !== undefined ||
    lookupAzureLocation(name) !== undefined ||
    awsPartitionOf(name)?.country !== undefined
  );
}

const ajv = new Ajv({ allErrors: true, strict: false, useDefaults: true });

function schemaErrors(names: readonly SettingName[], raw: Record<string, unknown>): ConfigError[] {
  const schema = { type: "object", properties: configSchemaFor(names).properties };
  const validate = ajv.compile(schema);
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
): ParsedSettings {
  const key = names.join(",") + "\u0000" + JSON.stringify(raw);
  let parsed = cache.get(key);
  if (!parsed) {
    parsed = parseUncached(names, raw);
    if (cache.size > 64) cache.clear();
    cache.set(key, parsed);
  }
  return parsed;
}

function parseUncached(
  names: readonly SettingName[],
  rawIn: Readonly<Record<string, unknown>>,
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
      if (!knownRegion(name)) {
        errors.push({
          field: `${field}[${i}]`,
          problem: `"${name}" is not a known AWS region or Azure location`,
          fix: 'use the programmatic name, e.g. "cn-north-1" or "chinaeast2" (see docs/configuration.md)',
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

  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    settings: {
      restricted,
      allowedRegions,
      restrictedRegions,
      acceleratorScope: s.acceleratorScope ?? "any",
    },
  };
}
