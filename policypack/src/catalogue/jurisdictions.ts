// Lookups over the country groups of data/jurisdictions.ts (EAR country groups, OFAC
// comprehensive sanctions, the advanced-computing licence area) and the expansion of
// configuration items ("CN", "D:5", "default") into ISO 3166-1 alpha-2 country codes.
//
// Hong Kong (HK) and Macau (MO) have their own ISO codes. The EAR has treated Hong Kong as part of
// China since 85 FR 83765 (23 Dec 2020), so every group that contains CN here also contains HK.
// Macau is its own row in the EAR country groups (D:1, D:4) and is named next to D:5 by the
// advanced-computing rules.
import {
  alpha3ToAlpha2,
  getAlpha2Codes,
  getName,
  getSimpleAlpha2Code,
  registerLocale,
} from "i18n-iso-countries/index";
import english from "i18n-iso-countries/langs/en.json";
import { BASE_GROUPS, DERIVED_GROUPS } from "../data/jurisdictions";
import type { CountryCode, Sourced } from "../data/types";
import { levenshtein } from "./suggest";
import type { JurisdictionHint } from "../problems";

registerLocale(english);

export interface JurisdictionGroup extends Sourced {
  name: string;
  title: string;
  members: readonly CountryCode[];
  description: string;
}

// ── Country codes ───────────────────────────────────────────────────────────────────────────

const ALPHA2: ReadonlySet<string> = new Set(Object.keys(getAlpha2Codes()));

/** True for an ISO 3166-1 alpha-2 code in any case ("cn", "HK"); false for alpha-3 or names. */
export function isCountryCode(code: string): boolean {
  return ALPHA2.has(code.trim().toUpperCase());
}

/** The English short name of an alpha-2 code ("MO" → "Macao"), any case; undefined if unknown. */
export function countryName(code: string): string | undefined {
  const upper = code.trim().toUpperCase();
  return ALPHA2.has(upper) ? getName(upper, "en") : undefined;
}

// ── Indexes (built once) ────────────────────────────────────────────────────────────────────

/** "EAR D:5" → "eard5": lower case, letters and digits only. */
function compact(value: string): string {
  return value.toLowerCase().replace(/[^a-z0-9]/g, "");
}

function buildGroups(): ReadonlyMap<string, JurisdictionGroup> {
  const groups = new Map<string, JurisdictionGroup>();
  for (const def of BASE_GROUPS) {
    const { aliases: _aliases, ...group } = def;
    groups.set(def.name, { ...group, members: [...new Set(def.members)].sort() });
  }
  for (const def of DERIVED_GROUPS) {
    const members = new Set<CountryCode>();
    for (const name of def.union) {
      const base = groups.get(name);
      if (base === undefined)
        throw new Error(`jurisdictions: unknown group '${name}' in '${def.name}'`);
      for (const code of base.members) members.add(code);
    }
    for (const code of def.plus) members.add(code);
    for (const code of def.minus) members.delete(code);
    const { aliases: _aliases, union: _union, plus: _plus, minus: _minus, ...group } = def;
    groups.set(def.name, { ...group, members: [...members].sort() });
  }
  return groups;
}

/** Every group, keyed by its lower-case name. */
export const JURISDICTION_GROUPS: ReadonlyMap<string, JurisdictionGroup> = buildGroups();

const GROUP_BY_ALIAS: ReadonlyMap<string, JurisdictionGroup> = (() => {
  const index = new Map<string, JurisdictionGroup>();
  for (const def of [...BASE_GROUPS, ...DERIVED_GROUPS]) {
    const group = JURISDICTION_GROUPS.get(def.name);
    if (group === undefined) continue;
    for (const key of [def.name, ...def.aliases]) index.set(compact(key), group);
  }
  return index;
})();

const GROUPS_BY_COUNTRY: ReadonlyMap<CountryCode, readonly string[]> = (() => {
  const index = new Map<CountryCode, string[]>();
  for (const group of JURISDICTION_GROUPS.values()) {
    for (const code of group.members) {
      const names = index.get(code) ?? [];
      names.push(group.name);
      index.set(code, names);
    }
  }
  return index;
})();

/** The group a configuration item names ("D:5", "d5", "ear-d5", "Default"), or undefined. */
export function lookupJurisdictionGroup(name: string): JurisdictionGroup | undefined {
  const key = compact(name);
  return key === "" ? undefined : GROUP_BY_ALIAS.get(key);
}

/** The names of the groups a country belongs to ("HK" → ["advanced-computing", "default", …]). */
export function groupsOf(code: string): readonly string[] {
  return GROUPS_BY_COUNTRY.get(code.trim().toUpperCase()) ?? [];
}

/**
 * What the pack restricts when configuration says nothing: the `default` group. Naming the group
 * (rather than listing its members) keeps configuration readable and lets the data update it.
 */
export const DEFAULT_RESTRICTED_JURISDICTIONS: readonly string[] = ["default"];

// ── Expansion ───────────────────────────────────────────────────────────────────────────────

/** Common non-ISO spellings of a country's two-letter code. */
const TWO_LETTER_MISTAKES: ReadonlyMap<string, CountryCode> = new Map([
  ["UK", "GB"], // United Kingdom
  ["EL", "GR"], // Greece (EU protocol code)
  ["EN", "GB"], // England
]);

function hintFor(value: string): JurisdictionHint {
  const trimmed = value.trim();
  if (trimmed === "") return { kind: "empty" };
  const upper = trimmed.toUpperCase();
  const mistake = TWO_LETTER_MISTAKES.get(upper);
  if (mistake !== undefined) return { kind: "country", code: mistake };
  if (/^[A-Z]{3}$/.test(upper)) {
    const alpha2 = alpha3ToAlpha2(upper);
    if (alpha2 !== undefined) return { kind: "alpha-3", code: alpha2 };
  }
  const byName = alpha2FromName(trimmed);
  if (byName !== undefined) return { kind: "country", code: byName };
  const key = compact(trimmed);
  let best: { name: string; distance: number } | undefined;
  for (const [alias, group] of GROUP_BY_ALIAS) {
    const distance = levenshtein(key, alias);
    if (best === undefined || distance < best.distance) best = { name: group.name, distance };
  }
  if (best !== undefined && best.distance <= 2 && key.length > 2) {
    return { kind: "group", name: best.name };
  }
  if (/^[A-Z]{2}$/.test(upper)) return { kind: "unassigned-code", code: upper };
  return { kind: "unknown" };
}

/** English names the ISO table spells differently ("Syrian Arab Republic", "Macao", "Myanmar"). */
const NAME_ALIASES: ReadonlyMap<string, CountryCode> = new Map([
  ["macau", "MO"],
  ["syria", "SY"],
  ["burma", "MM"],
]);

function alpha2FromName(name: string): CountryCode | undefined {
  return NAME_ALIASES.get(name.trim().toLowerCase()) ?? getSimpleAlpha2Code(name, "en");
}

/**
 * Expands configuration items — alpha-2 codes in any case, or group names and aliases — into a
 * set of country codes. Items that are neither are reported with their index and a hint.
 */
export function expandJurisdictions(items: readonly string[]): {
  countries: ReadonlySet<CountryCode>;
  invalid: { index: number; value: string; hint: JurisdictionHint }[];
} {
  const countries = new Set<CountryCode>();
  const invalid: { index: number; value: string; hint: JurisdictionHint }[] = [];
  items.forEach((value, index) => {
    const trimmed = value.trim();
    if (/^[A-Za-z]{2}$/.test(trimmed) && isCountryCode(trimmed)) {
      countries.add(trimmed.toUpperCase());
      return;
    }
    const group = lookupJurisdictionGroup(trimmed);
    if (group !== undefined) {
      for (const code of group.members) countries.add(code);
      return;
    }
    invalid.push({ index, value, hint: hintFor(value) });
  });
  return { countries, invalid };
}
