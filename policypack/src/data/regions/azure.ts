// Azure locations in the public, China (21Vianet), Government and other clouds, each mapped to the
// country it sits in. `name` is the programmatic name ARM uses ("chinaeast2"); `displayName` is
// what the portal and `az account list-locations` show ("China East 2"). `partition` is the Azure
// cloud the location belongs to, in the words of the azure-native provider's `environment`
// input where one exists ("public", "china", "usgovernment").
import type { CountryCode, RegionEntry, Sourced } from "../types";

interface Row {
  readonly name: string;
  readonly displayName: string;
  readonly country: CountryCode;
  readonly place: string;
  readonly partition: string;
  readonly reviewed: string;
  readonly source: string;
  readonly confidence: RegionEntry["confidence"];
  readonly note?: string;
}

function entry(row: Row): RegionEntry {
  return {
    cloud: "azure",
    name: row.name,
    displayName: row.displayName,
    country: row.country,
    place: row.place,
    partition: row.partition,
    source: row.source,
    reviewed: row.reviewed,
    confidence: row.confidence,
    ...(row.note !== undefined ? { note: row.note } : {}),
  };
}

/** A public-cloud location listed on the Microsoft Learn regions list. */
function pub(
  name: string,
  displayName: string,
  country: CountryCode,
  place: string,
  reviewed: string,
): RegionEntry {
  return entry({
    reviewed,
    name,
    displayName,
    country,
    place,
    partition: "public",
    source: "ms-learn-regions-list",
    confidence: "verified",
  });
}

/** A public-cloud location known only from `az account list-locations` renderings. */
function pub3p(
  name: string,
  displayName: string,
  country: CountryCode,
  place: string,
  note: string,
  reviewed: string,
): RegionEntry {
  return entry({
    reviewed,
    name,
    displayName,
    country,
    place,
    partition: "public",
    source: "az-cli-list-locations",
    confidence: "third-party",
    note,
  });
}

const SDK_NOTE =
  "Named by the Azure SDKs' region constants and Azure CLI region maps; the country follows from the name.";

/** A location named by the Azure SDKs' region constants, not (yet) on a Microsoft page read. */
function sdk(
  name: string,
  displayName: string,
  country: CountryCode,
  place: string,
  partition: string,
  reviewed: string,
  note = SDK_NOTE,
): RegionEntry {
  return entry({
    reviewed,
    name,
    displayName,
    country,
    place,
    partition,
    source: "azure-sdk-region-names",
    confidence: "third-party",
    note,
  });
}

const CHINA_NOTE =
  "Programmatic and display names from the docs.azure.cn regions list; the city is from third-party material.";
const GOV_NOTE =
  "Azure Government (a US-only sovereign cloud); names from the reference brief and Microsoft Learn, not re-read on review.";
const SECRET_NOTE =
  "US classified cloud; the location names are from third-party material and not confirmed.";
const CANARY_NOTE = "Early-access (canary/staging) location in the US; not on the public list.";

export const AZURE_LOCATIONS: readonly RegionEntry[] = [
  // ── public cloud ──
  pub("australiacentral", "Australia Central", "AU", "Canberra", "2026-11-22"),
  pub("australiacentral2", "Australia Central 2", "AU", "Canberra", "2026-11-22"),
  pub("australiaeast", "Australia East", "AU", "New South Wales", "2026-11-22"),
  pub("australiasoutheast", "Australia Southeast", "AU", "Victoria", "2026-11-22"),
  pub("austriaeast", "Austria East", "AT", "Vienna", "2026-11-22"),
  pub("belgiumcentral", "Belgium Central", "BE", "Brussels", "2026-11-22"),
  pub("brazilsouth", "Brazil South", "BR", "Sao Paulo State", "2026-11-22"),
  pub("brazilsoutheast", "Brazil Southeast", "BR", "Rio", "2026-11-22"),
  pub("canadacentral", "Canada Central", "CA", "Toronto", "2026-11-22"),
  pub("canadaeast", "Canada East", "CA", "Quebec City", "2026-11-22"),
  pub("centralindia", "Central India", "IN", "Pune", "2026-11-22"),
  pub("southindia", "South India", "IN", "Chennai", "2026-11-22"),
  pub("westindia", "West India", "IN", "Mumbai", "2026-11-22"),
  pub3p(
    "jioindiacentral",
    "Jio India Central",
    "IN",
    "Nagpur",
    "Restricted location operated with Jio.",
    "2026-11-22",
  ),
  pub3p(
    "jioindiawest",
    "Jio India West",
    "IN",
    "Jamnagar",
    "Restricted location operated with Jio.",
    "2026-11-22",
  ),
  pub("chilecentral", "Chile Central", "CL", "Santiago", "2026-11-22"),
  {
    ...pub("eastasia", "East Asia", "HK", "Hong Kong SAR", "2026-11-22"),
    note: "Hong Kong: treated as China under the EAR since 85 FR 83765 (23 Dec 2020); the jurisdiction groups carry HK.",
  },
  pub("southeastasia", "Southeast Asia", "SG", "Singapore", "2026-11-22"),
  pub("centralus", "Central US", "US", "Iowa", "2026-11-22"),
  pub("eastus", "East US", "US", "Virginia", "2026-11-22"),
  pub("eastus2", "East US 2", "US", "Virginia", "2026-11-22"),
  pub("northcentralus", "North Central US", "US", "Illinois", "2026-11-22"),
  pub("southcentralus", "South Central US", "US", "Texas", "2026-11-22"),
  pub("westcentralus", "West Central US", "US", "Wyoming", "2026-11-22"),
  pub("westus", "West US", "US", "California", "2026-11-22"),
  pub("westus2", "West US 2", "US", "Washington", "2026-11-22"),
  pub("westus3", "West US 3", "US", "Phoenix", "2026-11-22"),
  pub3p("eastus2euap", "East US 2 EUAP", "US", "Virginia", CANARY_NOTE, "2026-11-22"),
  pub3p("centraluseuap", "Central US EUAP", "US", "Iowa", CANARY_NOTE, "2026-11-22"),
  pub3p("eastusstg", "East US STG", "US", "Virginia", CANARY_NOTE, "2026-11-22"),
  pub("francecentral", "France Central", "FR", "Paris", "2026-11-22"),
  pub("francesouth", "France South", "FR", "Marseille", "2026-11-22"),
  pub("germanywestcentral", "Germany West Central", "DE", "Frankfurt", "2026-11-22"),
  pub("germanynorth", "Germany North", "DE", "Berlin", "2026-11-22"),
  pub("indonesiacentral", "Indonesia Central", "ID", "Jakarta", "2026-11-22"),
  pub("israelcentral", "Israel Central", "IL", "Israel", "2026-11-22"),
  pub("italynorth", "Italy North", "IT", "Milan", "2026-11-22"),
  pub("japaneast", "Japan East", "JP", "Tokyo, Saitama", "2026-11-22"),
  pub("japanwest", "Japan West", "JP", "Osaka", "2026-11-22"),
  pub("koreacentral", "Korea Central", "KR", "Seoul", "2026-11-22"),
  pub("koreasouth", "Korea South", "KR", "Busan", "2026-11-22"),
  pub("malaysiawest", "Malaysia West", "MY", "Kuala Lumpur", "2026-11-22"),
  pub("mexicocentral", "Mexico Central", "MX", "Querétaro State", "2026-11-22"),
  pub("newzealandnorth", "New Zealand North", "NZ", "Auckland", "2026-11-22"),
  pub("northeurope", "North Europe", "IE", "Ireland", "2026-11-22"),
  pub("westeurope", "West Europe", "NL", "Netherlands", "2026-11-22"),
  pub("norwayeast", "Norway East", "NO", "Norway", "2026-11-22"),
  pub("norwaywest", "Norway West", "NO", "Norway", "2026-11-22"),
  pub("polandcentral", "Poland Central", "PL", "Warsaw", "2026-11-22"),
  pub("qatarcentral", "Qatar Central", "QA", "Doha", "2026-11-22"),
  pub("southafricanorth", "South Africa North", "ZA", "Johannesburg", "2026-11-22"),
  pub("southafricawest", "South Africa West", "ZA", "Cape Town", "2026-11-22"),
  pub("spaincentral", "Spain Central", "ES", "Madrid", "2026-11-22"),
  pub("swedencentral", "Sweden Central", "SE", "Gävle", "2026-11-22"),
  pub("swedensouth", "Sweden South", "SE", "Malmö", "2026-11-22"),
  pub("switzerlandnorth", "Switzerland North", "CH", "Zurich", "2026-11-22"),
  pub("switzerlandwest", "Switzerland West", "CH", "Geneva", "2026-11-22"),
  pub("uaenorth", "UAE North", "AE", "Dubai", "2026-11-22"),
  pub("uaecentral", "UAE Central", "AE", "Abu Dhabi", "2026-11-22"),
  pub("uksouth", "UK South", "GB", "London", "2026-11-22"),
  pub("ukwest", "UK West", "GB", "Cardiff", "2026-11-22"),
  // Public-cloud locations named by the SDKs (several are restricted-access or not yet open).
  sdk("denmarkeast", "Denmark East", "DK", "Denmark", "public", "2026-12-07"),
  sdk("israelnorthwest", "Israel Northwest", "IL", "Israel", "public", "2026-12-07"),
  sdk("indiasouthcentral", "India South Central", "IN", "India", "public", "2026-12-07"),
  sdk("malaysiasouth", "Malaysia South", "MY", "Malaysia", "public", "2026-12-07"),
  sdk("saudiarabiaeast", "Saudi Arabia East", "SA", "Saudi Arabia", "public", "2026-12-07"),
  sdk("singaporecentral", "Singapore Central", "SG", "Singapore", "public", "2026-12-07"),
  sdk("singaporenorth", "Singapore North", "SG", "Singapore", "public", "2026-12-07"),
  sdk("taiwannorth", "Taiwan North", "TW", "Taipei", "public", "2026-12-07"),
  sdk("taiwannorthwest", "Taiwan Northwest", "TW", "Taiwan", "public", "2026-12-07"),
  sdk("eastus3", "East US 3", "US", "United States", "public", "2026-12-07"),
  sdk("northeastus5", "Northeast US 5", "US", "United States", "public", "2026-12-07"),
  sdk("southcentralus2", "South Central US 2", "US", "United States", "public", "2026-12-07"),
  sdk("southeastus", "Southeast US", "US", "United States", "public", "2026-12-07"),
  sdk("southeastus3", "Southeast US 3", "US", "United States", "public", "2026-12-07"),
  sdk("southeastus5", "Southeast US 5", "US", "United States", "public", "2026-12-07"),
  sdk("southwestus", "Southwest US", "US", "United States", "public", "2026-12-07"),

  // ── Azure operated by 21Vianet (China cloud) ──
  ...(
    [
      ["chinaeast", "China East", "Shanghai"],
      ["chinaeast2", "China East 2", "Shanghai"],
      ["chinaeast3", "China East 3", "Jiangsu"],
      ["chinanorth", "China North", "Beijing"],
      ["chinanorth2", "China North 2", "Beijing"],
      ["chinanorth3", "China North 3", "Hebei"],
    ] as const
  ).map(([name, displayName, place]) =>
    entry({
      name,
      displayName,
      country: "CN",
      place,
      partition: "china",
      source: "azure-china-regions",
      reviewed: "2026-11-22",
      confidence: "verified",
      note: CHINA_NOTE,
    }),
  ),
  sdk("chinanorth10", "China North 10", "CN", "China", "china", "2026-12-07"),

  // ── Azure Government (US) ──
  ...(
    [
      ["usgovvirginia", "USGov Virginia", "Virginia"],
      ["usgovarizona", "USGov Arizona", "Arizona"],
      ["usgovtexas", "USGov Texas", "Texas"],
      ["usgoviowa", "USGov Iowa", "Iowa (legacy)"],
      ["usdodcentral", "USDoD Central", "Iowa"],
      ["usdodeast", "USDoD East", "Virginia"],
    ] as const
  ).map(([name, displayName, place]) =>
    entry({
      name,
      displayName,
      country: "US",
      place,
      partition: "usgovernment",
      source: "azure-government-regions",
      reviewed: "2026-11-22",
      confidence: "third-party",
      note: GOV_NOTE,
    }),
  ),
  sdk("usgovwyoming", "USGov Wyoming", "US", "Wyoming", "usgovernment", "2026-12-07"),
  sdk(
    "usdodsouthcentral",
    "USDoD South Central",
    "US",
    "United States",
    "usgovernment",
    "2026-12-07",
  ),

  // ── US classified clouds (Azure Government Secret / Top Secret) ──
  ...(
    [
      ["usseceast", "USSec East", "ussec"],
      ["ussecwest", "USSec West", "ussec"],
      ["usnateast", "USNat East", "usnat"],
      ["usnatwest", "USNat West", "usnat"],
    ] as const
  ).map(([name, displayName, partition]) =>
    entry({
      name,
      displayName,
      country: "US",
      place: "United States (classified)",
      partition,
      source: "project-domain-notes",
      reviewed: "2026-11-22",
      confidence: "uncertain",
      note: SECRET_NOTE,
    }),
  ),
  sdk(
    "usseccentral",
    "USSec Central",
    "US",
    "United States (classified)",
    "ussec",
    "2026-12-07",
    "Named by @pulumi/azure-native's AzureLocation enum (migrate) as UsSecCentral; a US classified cloud.",
  ),

  // ── National partner clouds (sovereign clouds run by a national operator) ──
  sdk(
    "bleufrancecentral",
    "Bleu France Central",
    "FR",
    "France",
    "bleu",
    "2026-12-07",
    "Bleu: French sovereign cloud (Orange and Capgemini) on Azure technology; registry suffix sovcloud-azure.fr.",
  ),
  sdk(
    "bleufrancesouth",
    "Bleu France South",
    "FR",
    "France",
    "bleu",
    "2026-12-07",
    "Bleu: French sovereign cloud (Orange and Capgemini) on Azure technology.",
  ),
  sdk(
    "deloscloudgermanycentral",
    "Delos Cloud Germany Central",
    "DE",
    "Germany",
    "delos",
    "2026-12-07",
    "Delos Cloud: German sovereign cloud (an SAP subsidiary) on Azure technology; registry suffix sovcloud-azure.de.",
  ),
  sdk(
    "deloscloudgermanynorth",
    "Delos Cloud Germany North",
    "DE",
    "Germany",
    "delos",
    "2026-12-07",
    "Delos Cloud: German sovereign cloud (an SAP subsidiary) on Azure technology.",
  ),

  // ── Azure Germany (Microsoft Cloud Deutschland, closed 2021) ──
  ...(
    [
      ["germanycentral", "Germany Central", "Frankfurt"],
      ["germanynortheast", "Germany Northeast", "Magdeburg"],
    ] as const
  ).map(([name, displayName, place]) => ({
    ...entry({
      name,
      displayName,
      country: "DE",
      place,
      partition: "germany",
      source: "azure-germany-closed",
      reviewed: "2026-11-22",
      confidence: "third-party",
      note: "Closed sovereign cloud; kept so old programs still resolve to a country.",
    }),
    retired: true,
  })),
];

export interface AzureEnvironment extends Sourced {
  /** Normalised name as matched (lower case, no blanks). */
  readonly name: string;
  /** The cloud in the `partition` vocabulary of AZURE_LOCATIONS. */
  readonly cloud: string;
  readonly country?: CountryCode;
}

/**
 * The values of the azure-native provider's `environment` input ("public", "usgovernment",
 * "china") plus the cloud names the Azure SDKs and CLI use for the same clouds.
 */
export const AZURE_ENVIRONMENTS: readonly AzureEnvironment[] = [
  ...["public", "azurecloud", "azurepubliccloud"].map((name) => ({
    name,
    cloud: "public",
    source: "pulumi-azure-native-provider",
    reviewed: "2026-11-22",
    confidence: "verified" as const,
    note: "The public cloud spans many countries: the location decides.",
  })),
  ...["china", "azurechinacloud"].map((name) => ({
    name,
    cloud: "china",
    country: "CN",
    source: "pulumi-azure-native-provider",
    reviewed: "2026-11-22",
    confidence: "verified" as const,
  })),
  ...["usgovernment", "azureusgovernment", "azureusgovernmentcloud"].map((name) => ({
    name,
    cloud: "usgovernment",
    country: "US",
    source: "pulumi-azure-native-provider",
    reviewed: "2026-11-22",
    confidence: "verified" as const,
  })),
  ...["german", "germany", "azuregermancloud"].map((name) => ({
    name,
    cloud: "germany",
    country: "DE",
    source: "azure-germany-closed",
    reviewed: "2026-11-22",
    confidence: "third-party" as const,
    note: "Closed in 2021; accepted so old configurations still resolve.",
  })),
];

export interface MetadataHostCloud extends Sourced {
  /** A host equal to this domain, or below it, belongs to the cloud. */
  readonly domain: string;
  /** The cloud, in the vocabulary of AZURE_ENVIRONMENTS. */
  readonly cloud: string;
  readonly country?: CountryCode;
}

/**
 * Domains of the Resource Manager and metadata hosts of the sovereign Azure clouds. Source:
 * Microsoft Learn, Az.Accounts `Get-AzEnvironment` (built-in environments: AzureChinaCloud
 * `https://management.chinacloudapi.cn/`, AzureUSGovernment `https://management.usgovcloudapi.net/`,
 * AzureCloud `https://management.azure.com/`). The public cloud spans countries and has no entry.
 */
export const METADATA_HOST_CLOUDS: readonly MetadataHostCloud[] = [
  {
    domain: "chinacloudapi.cn",
    cloud: "china",
    country: "CN",
    source: "ms-learn-get-azenvironment",
    reviewed: "2026-11-22",
    confidence: "verified",
    note: "Azure operated by 21Vianet: Resource Manager at management.chinacloudapi.cn.",
  },
  {
    domain: "usgovcloudapi.net",
    cloud: "usgovernment",
    country: "US",
    source: "ms-learn-get-azenvironment",
    reviewed: "2026-11-22",
    confidence: "verified",
    note: "Azure Government: Resource Manager at management.usgovcloudapi.net.",
  },
];
