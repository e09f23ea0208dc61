// AWS regions in every partition, each mapped to the country it sits in.
//
// The list covers the `Region` enum of @pulumi/aws and every region of the AWS SDK's partitions
// data (@aws-sdk/core); unit tests prove both, so a new region fails CI until a person classifies
// it (`npm run data:check` lists what is missing). The place is the region's description in
// the SDK partitions data (the same file as botocore partitions.json); the country follows from
// that description. For the isolated partitions the description names no place, so the country
// is inferred from the partition and the confidence says so.
import type { CountryCode, RegionEntry, Sourced } from "../types";

interface Row {
  readonly name: string;
  readonly country: CountryCode;
  readonly place: string;
  readonly partition: string;
  readonly reviewed: string;
  readonly confidence?: RegionEntry["confidence"];
  readonly source?: string;
  readonly note?: string;
}

function entry(row: Row): RegionEntry {
  return {
    cloud: "aws",
    name: row.name,
    country: row.country,
    place: row.place,
    partition: row.partition,
    source: row.source ?? "aws-sdk-partitions",
    reviewed: row.reviewed,
    confidence: row.confidence ?? "verified",
    ...(row.note !== undefined ? { note: row.note } : {}),
  };
}

const ISOLATED_NOTE =
  "Country inferred from the partition: a US-government isolated cloud (DNS suffix under ic.gov / sgov.gov); the description names no place.";

export const AWS_REGIONS: readonly RegionEntry[] = [
  // ── aws (commercial) ──
  entry({
    name: "af-south-1",
    country: "ZA",
    place: "Africa (Cape Town)",
    partition: "aws",
    reviewed: "2026-12-07",
  }),
  entry({
    reviewed: "2026-12-07",
    name: "ap-east-1",
    country: "HK",
    place: "Asia Pacific (Hong Kong)",
    partition: "aws",
    note: "Hong Kong: treated as China under the EAR since 85 FR 83765 (23 Dec 2020); the jurisdiction groups carry HK.",
  }),
  entry({
    name: "ap-east-2",
    country: "TW",
    place: "Asia Pacific (Taipei)",
    partition: "aws",
    reviewed: "2026-12-07",
  }),
  entry({
    name: "ap-northeast-1",
    country: "JP",
    place: "Asia Pacific (Tokyo)",
    partition: "aws",
    reviewed: "2026-12-07",
  }),
  entry({
    name: "ap-northeast-2",
    country: "KR",
    place: "Asia Pacific (Seoul)",
    partition: "aws",
    reviewed: "2026-12-07",
  }),
  entry({
    name: "ap-northeast-3",
    country: "JP",
    place: "Asia Pacific (Osaka)",
    partition: "aws",
    reviewed: "2026-12-07",
  }),
  entry({
    name: "ap-south-1",
    country: "IN",
    place: "Asia Pacific (Mumbai)",
    partition: "aws",
    reviewed: "2026-12-07",
  }),
  entry({
    name: "ap-south-2",
    country: "IN",
    place: "Asia Pacific (Hyderabad)",
    partition: "aws",
    reviewed: "2026-12-07",
  }),
  entry({
    reviewed: "2026-12-07",
    name: "ap-southeast-1",
    country: "SG",
    place: "Asia Pacific (Singapore)",
    partition: "aws",
  }),
  entry({
    reviewed: "2026-12-07",
    name: "ap-southeast-2",
    country: "AU",
    place: "Asia Pacific (Sydney)",
    partition: "aws",
  }),
  entry({
    reviewed: "2026-12-07",
    name: "ap-southeast-3",
    country: "ID",
    place: "Asia Pacific (Jakarta)",
    partition: "aws",
  }),
  entry({
    reviewed: "2026-12-07",
    name: "ap-southeast-4",
    country: "AU",
    place: "Asia Pacific (Melbourne)",
    partition: "aws",
  }),
  entry({
    reviewed: "2026-12-07",
    name: "ap-southeast-5",
    country: "MY",
    place: "Asia Pacific (Malaysia)",
    partition: "aws",
  }),
  entry({
    reviewed: "2026-12-07",
    name: "ap-southeast-6",
    country: "NZ",
    place: "Asia Pacific (New Zealand)",
    partition: "aws",
  }),
  entry({
    reviewed: "2026-12-07",
    name: "ap-southeast-7",
    country: "TH",
    place: "Asia Pacific (Thailand)",
    partition: "aws",
  }),
  entry({
    name: "ca-central-1",
    country: "CA",
    place: "Canada (Central)",
    partition: "aws",
    reviewed: "2026-12-07",
  }),
  entry({
    name: "ca-west-1",
    country: "CA",
    place: "Canada West (Calgary)",
    partition: "aws",
    reviewed: "2026-12-07",
  }),
  entry({
    name: "eu-central-1",
    country: "DE",
    place: "Europe (Frankfurt)",
    partition: "aws",
    reviewed: "2026-12-07",
  }),
  entry({
    name: "eu-central-2",
    country: "CH",
    place: "Europe (Zurich)",
    partition: "aws",
    reviewed: "2026-12-07",
  }),
  entry({
    name: "eu-north-1",
    country: "SE",
    place: "Europe (Stockholm)",
    partition: "aws",
    reviewed: "2026-12-07",
  }),
  entry({
    name: "eu-south-1",
    country: "IT",
    place: "Europe (Milan)",
    partition: "aws",
    reviewed: "2026-12-07",
  }),
  entry({
    name: "eu-south-2",
    country: "ES",
    place: "Europe (Spain)",
    partition: "aws",
    reviewed: "2026-12-07",
  }),
  entry({
    name: "eu-west-1",
    country: "IE",
    place: "Europe (Ireland)",
    partition: "aws",
    reviewed: "2026-12-07",
  }),
  entry({
    name: "eu-west-2",
    country: "GB",
    place: "Europe (London)",
    partition: "aws",
    reviewed: "2026-12-07",
  }),
  entry({
    name: "eu-west-3",
    country: "FR",
    place: "Europe (Paris)",
    partition: "aws",
    reviewed: "2026-12-07",
  }),
  entry({
    name: "il-central-1",
    country: "IL",
    place: "Israel (Tel Aviv)",
    partition: "aws",
    reviewed: "2026-12-07",
  }),
  entry({
    name: "me-central-1",
    country: "AE",
    place: "Middle East (UAE)",
    partition: "aws",
    reviewed: "2026-12-07",
  }),
  entry({
    name: "me-south-1",
    country: "BH",
    place: "Middle East (Bahrain)",
    partition: "aws",
    reviewed: "2026-12-07",
  }),
  entry({
    name: "me-west-1",
    country: "SA",
    place: "Middle East (Saudi Arabia)",
    partition: "aws",
    source: "aws-sdk-partitions",
    reviewed: "2026-12-07",
    note: "Saudi Arabia: in EAR Country Group D:4 (and so in the advanced-computing licence area), not in the pack's default restricted set.",
  }),
  entry({
    name: "mx-central-1",
    country: "MX",
    place: "Mexico (Central)",
    partition: "aws",
    reviewed: "2026-12-07",
  }),
  entry({
    name: "sa-east-1",
    country: "BR",
    place: "South America (Sao Paulo)",
    partition: "aws",
    reviewed: "2026-12-07",
  }),
  entry({
    name: "sa-west-1",
    country: "CL",
    place: "South America (Chile)",
    partition: "aws",
    source: "aws-sdk-partitions",
    reviewed: "2026-12-07",
  }),
  entry({
    name: "us-east-1",
    country: "US",
    place: "US East (N. Virginia)",
    partition: "aws",
    reviewed: "2026-12-07",
  }),
  entry({
    name: "us-east-2",
    country: "US",
    place: "US East (Ohio)",
    partition: "aws",
    reviewed: "2026-12-07",
  }),
  entry({
    name: "us-west-1",
    country: "US",
    place: "US West (N. California)",
    partition: "aws",
    reviewed: "2026-12-07",
  }),
  entry({
    name: "us-west-2",
    country: "US",
    place: "US West (Oregon)",
    partition: "aws",
    reviewed: "2026-12-07",
  }),

  // ── aws-cn (China; operated by local partners, a separate partition) ──
  entry({
    name: "cn-north-1",
    country: "CN",
    place: "China (Beijing)",
    partition: "aws-cn",
    reviewed: "2026-12-07",
  }),
  entry({
    name: "cn-northwest-1",
    country: "CN",
    place: "China (Ningxia)",
    partition: "aws-cn",
    reviewed: "2026-12-07",
  }),

  // ── aws-eusc (European Sovereign Cloud) ──
  entry({
    name: "eusc-de-east-1",
    country: "DE",
    place: "AWS European Sovereign Cloud (Germany)",
    partition: "aws-eusc",
    source: "aws-sdk-partitions",
    reviewed: "2026-12-07",
    note: "Described as 'AWS European Sovereign Cloud (Germany)' in partition aws-eusc (regex ^eusc-(de)-).",
  }),

  // ── aws-us-gov (GovCloud) ──
  entry({
    reviewed: "2026-12-07",
    name: "us-gov-east-1",
    country: "US",
    place: "AWS GovCloud (US-East)",
    partition: "aws-us-gov",
  }),
  entry({
    reviewed: "2026-12-07",
    name: "us-gov-west-1",
    country: "US",
    place: "AWS GovCloud (US-West)",
    partition: "aws-us-gov",
  }),

  // ── isolated partitions ──
  entry({
    reviewed: "2026-12-07",
    name: "us-iso-east-1",
    country: "US",
    place: "US ISO East",
    partition: "aws-iso",
    confidence: "third-party",
    note: ISOLATED_NOTE,
  }),
  entry({
    reviewed: "2026-12-07",
    name: "us-iso-west-1",
    country: "US",
    place: "US ISO WEST",
    partition: "aws-iso",
    confidence: "third-party",
    note: ISOLATED_NOTE,
  }),
  entry({
    reviewed: "2026-12-07",
    name: "us-isob-east-1",
    country: "US",
    place: "US ISOB East (Ohio)",
    partition: "aws-iso-b",
  }),
  entry({
    name: "us-isob-west-1",
    country: "US",
    place: "US ISOB West",
    partition: "aws-iso-b",
    source: "aws-sdk-partitions",
    reviewed: "2026-12-07",
    confidence: "third-party",
    note: `In partition aws-iso-b of the SDK's partitions data. ${ISOLATED_NOTE}`,
  }),
  entry({
    name: "us-isof-east-1",
    country: "US",
    place: "US ISOF EAST",
    partition: "aws-iso-f",
    source: "aws-sdk-partitions",
    reviewed: "2026-12-07",
    confidence: "third-party",
    note: `In partition aws-iso-f of the SDK's partitions data. ${ISOLATED_NOTE}`,
  }),
  entry({
    name: "us-isof-south-1",
    country: "US",
    place: "US ISOF SOUTH",
    partition: "aws-iso-f",
    source: "aws-sdk-partitions",
    reviewed: "2026-12-07",
    confidence: "third-party",
    note: `In partition aws-iso-f of the SDK's partitions data. ${ISOLATED_NOTE}`,
  }),
  entry({
    reviewed: "2026-12-07",
    name: "eu-isoe-west-1",
    country: "GB",
    place: "EU ISOE West",
    partition: "aws-iso-e",
    confidence: "uncertain",
    note: "The description names no country. GB is inferred from the partition's DNS suffix cloud.adc-e.uk; not confirmed by AWS.",
  }),
];

export interface AwsPartitionRule extends Sourced {
  readonly partition: string;
  /** botocore's `regionRegex` for the partition. */
  readonly regex: RegExp;
  /** The country every region of the partition is in; absent when the partition spans countries. */
  readonly country?: CountryCode;
}

/**
 * Partition regexes from botocore partitions.json. The more specific partitions come first: the
 * commercial regex `^(us|…)-\w+-\d+$` cannot match a four-part name such as `us-gov-west-1`,
 * but the order keeps that independent of regex details.
 */
export const AWS_PARTITION_RULES: readonly AwsPartitionRule[] = [
  {
    partition: "aws-cn",
    regex: /^cn-\w+-\d+$/,
    country: "CN",
    source: "aws-sdk-partitions",
    reviewed: "2026-12-07",
    confidence: "verified",
  },
  {
    partition: "aws-us-gov",
    regex: /^us-gov-\w+-\d+$/,
    country: "US",
    source: "aws-sdk-partitions",
    reviewed: "2026-12-07",
    confidence: "verified",
  },
  {
    partition: "aws-iso",
    regex: /^us-iso-\w+-\d+$/,
    country: "US",
    source: "aws-sdk-partitions",
    reviewed: "2026-12-07",
    confidence: "third-party",
    note: "US-government isolated cloud (DNS suffix c2s.ic.gov).",
  },
  {
    partition: "aws-iso-b",
    regex: /^us-isob-\w+-\d+$/,
    country: "US",
    source: "aws-sdk-partitions",
    reviewed: "2026-12-07",
    confidence: "third-party",
    note: "US-government isolated cloud (DNS suffix sc2s.sgov.gov).",
  },
  {
    partition: "aws-iso-f",
    regex: /^us-isof-\w+-\d+$/,
    country: "US",
    source: "aws-sdk-partitions",
    reviewed: "2026-12-07",
    confidence: "third-party",
    note: "US-government isolated cloud (DNS suffix csp.hci.ic.gov).",
  },
  {
    partition: "aws-iso-e",
    regex: /^eu-isoe-\w+-\d+$/,
    source: "aws-sdk-partitions",
    reviewed: "2026-12-07",
    confidence: "uncertain",
    note: "European isolated cloud; the country is not stated (DNS suffix cloud.adc-e.uk hints at GB), so none is given.",
  },
  {
    partition: "aws-eusc",
    regex: /^eusc-de-\w+-\d+$/,
    country: "DE",
    source: "aws-sdk-partitions",
    reviewed: "2026-12-07",
    confidence: "verified",
    note: "European Sovereign Cloud; the SDK's regex admits only the `de` segment.",
  },
  {
    partition: "aws",
    regex: /^(us|eu|ap|sa|ca|me|af|il|mx)-\w+-\d+$/,
    source: "aws-sdk-partitions",
    reviewed: "2026-12-07",
    confidence: "verified",
    note: "The commercial partition spans many countries: a region not in the table has no known country.",
  },
];
