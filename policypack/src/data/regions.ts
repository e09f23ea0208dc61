// Lookups over the region tables.
import type { CountryCode, RegionEntry } from "./types";

export function lookupAwsRegion(_name: string): RegionEntry | undefined {
  return undefined;
}

export function awsPartitionOf(
  _name: string,
): { partition: string; country?: CountryCode } | undefined {
  return undefined;
}

export function normaliseAzureLocation(name: string): string {
  return name.toLowerCase().replace(/\s+/g, "");
}

export function lookupAzureLocation(_name: string): RegionEntry | undefined {
  return undefined;
}

export function azureEnvironmentCountry(_environment: string): CountryCode | undefined {
  return undefined;
}
