// Shapes shared by every data table. Each entry names its source (a key of SOURCES in
// data/sources.ts) and the date a person last checked it against that source.

/** How strongly an entry is backed: by the primary source, by third parties, or not yet settled. */
export type Confidence = "verified" | "third-party" | "uncertain";

export interface Sourced {
  /** Key into SOURCES (data/sources.ts). */
  readonly source: string;
  /** YYYY-MM-DD: when a person last checked this entry against its source. */
  readonly reviewed: string;
  readonly confidence: Confidence;
  readonly note?: string;
}

export interface SourceRef {
  readonly title: string;
  readonly url?: string;
}

/** ISO 3166-1 alpha-2 country code, upper case ("CN", "HK"). */
export type CountryCode = string;

/**
 * The cloud a resource lands in. One cloud may be reached through several Pulumi packages
 * (aws: and aws-native:, azure-native: and azure:); see SUPPORTED_PACKAGES in facts/index.ts.
 */
export type Cloud =
  "aws" | "azure" | "gcp" | "alicloud" | "tencentcloud" | "huaweicloud" | "yandex";

/** A family of instance types / machine types / flavors that carries one accelerator chip. */
export interface AcceleratorFamilyEntry extends Sourced {
  /** The family as matched, lower case: "a2-ultragpu", "gn7i", "gn10xp", "p2s". */
  readonly family: string;
  /** CHIPS (or EXTRA_CHIPS) key of the accelerator. */
  readonly chip: string;
}

export interface RegionEntry extends Sourced {
  readonly cloud: Cloud;
  /** Canonical programmatic name: "cn-north-1", "chinaeast2". */
  readonly name: string;
  readonly country: CountryCode;
  /** City or area, as the provider describes it. */
  readonly place: string;
  /** AWS partition ("aws", "aws-cn", …) or Azure cloud ("public", "china", "usgovernment", …). */
  readonly partition: string;
  /** Azure display name ("China East 2"). */
  readonly displayName?: string;
  /**
   * The provider has shut the region. It still resolves to its country, so a program that names
   * it is judged by where the region was (a GPU in a retired Chinese region is still in China).
   */
  readonly retired?: boolean;
}

/** Whether a chip falls under ECCN 3A090 (and so 4A090 for systems built on it). */
export type ExportControl = "controlled" | "not-controlled" | "uncertain";

export type AcceleratorKind = "gpu" | "ai-asic" | "fpga" | "media";

export interface ChipEntry extends Sourced {
  readonly name: string;
  readonly vendor: string;
  readonly kind: AcceleratorKind;
  readonly exportControl: ExportControl;
  /** Why: "TPP ≈ 4,992 ≥ 4,800 (3A090.a)". */
  readonly basis: string;
}

/** What an instance type or VM size carries, resolved against the catalogue. */
export interface AcceleratorInfo {
  /** Family or series as matched: "p4d", "NDm A100 v4". */
  readonly family: string;
  readonly chip: ChipEntry;
  /** False when recognised only by a series pattern (a future family of a known series). */
  readonly catalogued: boolean;
}

export interface AiServiceEntry extends Sourced {
  /** "Amazon SageMaker", "Azure OpenAI / Cognitive Services". */
  readonly service: string;
  /** What this resource kind is: "endpoint", "notebook instance". */
  readonly kind: string;
}

/** A region naming rule of a listed provider's cloud, for regions not (yet) in its table. */
export interface ListedCloudRegionRule extends Sourced {
  readonly cloud: Cloud;
  readonly pattern: RegExp;
  readonly country: CountryCode;
}

/**
 * The address prefixes one autonomous system announced (or was delegated) in a dated public
 * snapshot. Prefixes are space-separated canonical CIDRs, so the generated table stays compact.
 */
export interface AsnPrefixes extends Sourced {
  readonly asn: number;
  /** The holder's name as the snapshot gives it. */
  readonly holder: string;
  /** YYYY-MM-DD of the snapshot's data. */
  readonly snapshot: string;
  readonly ipv4: string;
  readonly ipv6: string;
}
