// Lookups over the region tables of data/regions/. Every table is indexed once, at module load.
import { ALICLOUD_REGION_RULES, ALICLOUD_REGIONS } from "../data/regions/alicloud";
import { AWS_PARTITION_RULES, AWS_REGIONS } from "../data/regions/aws";
import {
  AZURE_ENVIRONMENTS,
  AZURE_LOCATIONS,
  METADATA_HOST_CLOUDS,
  type AzureEnvironment,
  type MetadataHostCloud,
} from "../data/regions/azure";
import { GCP_MULTI_REGIONS, GCP_REGIONS } from "../data/regions/gcp";
import { HUAWEICLOUD_REGION_RULES, HUAWEICLOUD_REGIONS } from "../data/regions/huaweicloud";
import { TENCENTCLOUD_REGIONS } from "../data/regions/tencentcloud";
import { YANDEX_REGION_RULES, YANDEX_REGIONS } from "../data/regions/yandex";
import type { Cloud, CountryCode, ListedCloudRegionRule, RegionEntry } from "../data/types";

export { AWS_PARTITION_RULES, AZURE_ENVIRONMENTS, METADATA_HOST_CLOUDS };
export type { AwsPartitionRule } from "../data/regions/aws";
export type { AzureEnvironment, MetadataHostCloud } from "../data/regions/azure";
export type { ListedCloudRegionRule } from "../data/types";

/** The naming rules of the listed providers' clouds, for regions not (yet) in their tables. */
export const LISTED_CLOUD_REGION_RULES: readonly ListedCloudRegionRule[] = [
  ...ALICLOUD_REGION_RULES,
  ...HUAWEICLOUD_REGION_RULES,
  ...YANDEX_REGION_RULES,
];

// ── AWS ─────────────────────────────────────────────────────────────────────────────────────

const AWS_BY_NAME: ReadonlyMap<string, RegionEntry> = new Map(AWS_REGIONS.map((r) => [r.name, r]));

/** The AWS region with this code ("cn-north-1"), any case, surrounding blanks ignored. */
export function lookupAwsRegion(name: string): RegionEntry | undefined {
  return AWS_BY_NAME.get(name.trim().toLowerCase());
}

/**
 * The partition a region code belongs to, by botocore's partition regexes, and the country when
 * the whole partition is in one country. Meant for regions not (yet) in the table, e.g. a future
 * `cn-south-1` gives `{ partition: "aws-cn", country: "CN" }`; a future commercial region gives no
 * country. Undefined when no partition's regex matches.
 */
export function awsPartitionOf(
  name: string,
): { partition: string; country?: CountryCode } | undefined {
  const code = name.trim().toLowerCase();
  for (const rule of AWS_PARTITION_RULES) {
    if (rule.regex.test(code)) {
      return rule.country !== undefined
        ? { partition: rule.partition, country: rule.country }
        : { partition: rule.partition };
    }
  }
  return undefined;
}

// ── Azure ───────────────────────────────────────────────────────────────────────────────────

/** "China East 2" → "chinaeast2": lower case, every blank removed (the form ARM uses). */
export function normaliseAzureLocation(name: string): string {
  return name.toLowerCase().replace(/\s+/g, "");
}

const AZURE_BY_NAME: ReadonlyMap<string, RegionEntry> = (() => {
  const index = new Map<string, RegionEntry>();
  for (const location of AZURE_LOCATIONS) {
    index.set(normaliseAzureLocation(location.name), location);
  }
  // Display names whose normal form differs from the programmatic name are indexed too; a display
  // name never overrides a programmatic name.
  for (const location of AZURE_LOCATIONS) {
    if (location.displayName === undefined) continue;
    const key = normaliseAzureLocation(location.displayName);
    if (!index.has(key)) index.set(key, location);
  }
  return index;
})();

/** The Azure location for a programmatic ("chinaeast2") or display ("China East 2") name. */
export function lookupAzureLocation(name: string): RegionEntry | undefined {
  return AZURE_BY_NAME.get(normaliseAzureLocation(name));
}

const AZURE_ENVIRONMENT_BY_NAME: ReadonlyMap<string, AzureEnvironment> = new Map(
  AZURE_ENVIRONMENTS.map((e) => [e.name, e]),
);

/** The Azure cloud an `environment` value names, or undefined when it is not a known cloud. */
export function lookupAzureEnvironment(environment: string): AzureEnvironment | undefined {
  return AZURE_ENVIRONMENT_BY_NAME.get(normaliseAzureLocation(environment));
}

/**
 * The country a whole Azure cloud sits in: "china" → CN, "usgovernment" → US. Undefined for the
 * public cloud (it spans countries) and for values that are not a known cloud; use
 * lookupAzureEnvironment to tell those apart.
 */
export function azureEnvironmentCountry(environment: string): CountryCode | undefined {
  return lookupAzureEnvironment(environment)?.country;
}

/** "https://management.chinacloudapi.cn:443/metadata" → "management.chinacloudapi.cn". */
export function metadataHostName(value: string): string {
  return value
    .trim()
    .toLowerCase()
    .replace(/^[a-z][a-z0-9+.-]*:\/\//, "")
    .replace(/[/?#].*$/, "")
    .replace(/:\d+$/, "")
    .replace(/\.$/, "");
}

/** The sovereign cloud a metadata host belongs to, if it is one of METADATA_HOST_CLOUDS. */
export function lookupMetadataHost(value: string): MetadataHostCloud | undefined {
  const host = metadataHostName(value);
  return METADATA_HOST_CLOUDS.find((c) => host === c.domain || host.endsWith(`.${c.domain}`));
}

// ── Google Cloud ────────────────────────────────────────────────────────────────────────────

const GCP_BY_NAME: ReadonlyMap<string, RegionEntry> = new Map(
  [...GCP_REGIONS, ...GCP_MULTI_REGIONS].map((r) => [r.name, r]),
);

/** A zone's region: "asia-east2-a" → "asia-east2"; undefined for a value that is not a zone. */
export function gcpRegionOfZone(zone: string): string | undefined {
  return /^([a-z]+-[a-z]+\d+)-[a-z0-9]+$/.exec(zone.trim().toLowerCase())?.[1];
}

/**
 * A Google Cloud location: a region ("asia-east2"), a zone of one ("asia-east2-a"), or a
 * single-country multi-region ("us"), any case. Undefined for "global", "eu", "asia" and unknown
 * names.
 */
export function lookupGcpLocation(
  name: string,
): { readonly region: string; readonly entry?: RegionEntry } | undefined {
  const key = name.trim().toLowerCase();
  if (key === "") return undefined;
  const direct = GCP_BY_NAME.get(key);
  if (direct) return { region: key, entry: direct };
  const region = gcpRegionOfZone(key);
  if (region === undefined) return undefined;
  const entry = GCP_BY_NAME.get(region);
  return entry ? { region, entry } : { region };
}

// ── Listed providers' clouds (Alibaba Cloud, Tencent Cloud, Huawei Cloud, Yandex Cloud) ───────

const LISTED_BY_CLOUD: ReadonlyMap<Cloud, ReadonlyMap<string, RegionEntry>> = new Map<
  Cloud,
  ReadonlyMap<string, RegionEntry>
>([
  ["alicloud", new Map(ALICLOUD_REGIONS.map((r) => [r.name, r]))],
  ["tencentcloud", new Map(TENCENTCLOUD_REGIONS.map((r) => [r.name, r]))],
  ["huaweicloud", new Map(HUAWEICLOUD_REGIONS.map((r) => [r.name, r]))],
  ["yandex", new Map(YANDEX_REGIONS.map((r) => [r.name, r]))],
]);

/**
 * A region of Alibaba Cloud, Tencent Cloud or Huawei Cloud, or one of its zones
 * ("cn-hangzhou-h", "ap-guangzhou-3", "cn-north-4a"). The answer carries the catalogued entry or,
 * for an uncatalogued region that a naming rule places (a new `cn-*` region), only the country.
 */
export function lookupListedCloudRegion(
  cloud: Cloud,
  name: string,
):
  | { readonly region: string; readonly entry?: RegionEntry; readonly country?: CountryCode }
  | undefined {
  const table = LISTED_BY_CLOUD.get(cloud);
  const key = name.trim().toLowerCase();
  if (!table || key === "") return undefined;
  const direct = table.get(key);
  if (direct) return { region: key, entry: direct, country: direct.country };
  // A zone: the region plus a zone suffix ("-h", "-3", "a").
  for (const candidate of [key.replace(/-[a-z0-9]+$/, ""), key.replace(/[a-z]$/, "")]) {
    const entry = candidate !== key ? table.get(candidate) : undefined;
    if (entry) return { region: candidate, entry, country: entry.country };
  }
  const rule = LISTED_CLOUD_REGION_RULES.find((r) => r.cloud === cloud && r.pattern.test(key));
  return rule ? { region: key, country: rule.country } : undefined;
}

/** Every catalogued region of every cloud, for documentation and completeness tests. */
export function catalogedRegions(cloud: Cloud): readonly RegionEntry[] {
  switch (cloud) {
    case "aws":
      return AWS_REGIONS;
    case "azure":
      return AZURE_LOCATIONS;
    case "gcp":
      return [...GCP_REGIONS, ...GCP_MULTI_REGIONS];
    default:
      return [...(LISTED_BY_CLOUD.get(cloud)?.values() ?? [])];
  }
}

/**
 * Whether a name is a region the pack knows in any cloud, as config lists (`allowedRegions`,
 * `restrictedRegions`) may name it: AWS regions (and partition-matched codes), Azure locations,
 * Google Cloud regions, and listed-provider regions in the qualified form placements use
 * ("huaweicloud:ap-southeast-1").
 */
export function isKnownRegionName(name: string): boolean {
  if (lookupAwsRegion(name) || lookupAzureLocation(name)) return true;
  if (awsPartitionOf(name)?.country !== undefined) return true;
  if (GCP_BY_NAME.has(name.trim().toLowerCase())) return true;
  const m = /^([a-z]+):(.+)$/.exec(name.trim().toLowerCase());
  const cloud = m?.[1] as Cloud | undefined;
  return (
    m !== null && cloud !== undefined && lookupListedCloudRegion(cloud, m[2] ?? "") !== undefined
  );
}
