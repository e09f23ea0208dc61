// Country groups (EAR, OFAC) and the expansion of config items into country codes.
import type { CountryCode, Sourced } from "./types";

export interface JurisdictionGroup extends Sourced {
  name: string;
  title: string;
  members: readonly CountryCode[];
  description: string;
}

export const JURISDICTION_GROUPS: ReadonlyMap<string, JurisdictionGroup> = new Map();

export const DEFAULT_RESTRICTED_JURISDICTIONS: readonly string[] = ["default"];

export function isCountryCode(_code: string): boolean {
  return false;
}

export function countryName(_code: string): string | undefined {
  return undefined;
}

export function lookupJurisdictionGroup(_name: string): JurisdictionGroup | undefined {
  return undefined;
}

export function expandJurisdictions(_items: readonly string[]): {
  countries: ReadonlySet<CountryCode>;
  invalid: { index: number; value: string; hint: string }[];
} {
  return { countries: new Set(), invalid: [] };
}
