// Google Cloud regions, each mapped to the country it sits in. Zones are `<region>-<letter>`
// ("asia-east2-a") and resolve to their region (catalogue/regions.ts `lookupGcpLocation`).
//
// The list is every region named on Google Cloud's location pages (Geography and regions, as
// rendered on the Infrastructure Manager and GKE On-Prem API locations pages); the place is
// Google's region description. asia-east2 is Hong Kong.
import { regionRows } from "../table-rows";
import type { RegionEntry } from "../types";

const region = regionRows("gcp", "gcp", "gcp-regions-doc", "verified");

const THIRD_PARTY = "Seen on third-party renderings of the region list, not on a Google page read.";

export const GCP_REGIONS: readonly RegionEntry[] = [
  // Africa
  region(
    "africa-south1",
    "ZA",
    "Johannesburg, South Africa",
    "2026-11-22",
    "third-party",
    THIRD_PARTY,
  ),
  // Asia Pacific
  region("asia-east1", "TW", "Changhua County, Taiwan", "2026-11-22"),
  region(
    "asia-east2",
    "HK",
    "Hong Kong",
    "2026-11-22",
    "verified",
    "Hong Kong: treated as China under the EAR since 85 FR 83765; the jurisdiction groups carry HK.",
  ),
  region("asia-northeast1", "JP", "Tokyo, Japan", "2026-11-22"),
  region("asia-northeast2", "JP", "Osaka, Japan", "2026-11-22"),
  region("asia-northeast3", "KR", "Seoul, South Korea", "2026-11-22"),
  region("asia-south1", "IN", "Mumbai, India", "2026-11-22"),
  region("asia-south2", "IN", "Delhi, India", "2026-11-22"),
  region("asia-southeast1", "SG", "Jurong West, Singapore", "2026-11-22"),
  region("asia-southeast2", "ID", "Jakarta, Indonesia", "2026-11-22"),
  region("asia-southeast3", "TH", "Bangkok, Thailand", "2026-11-22"),
  region("australia-southeast1", "AU", "Sydney, Australia", "2026-11-22"),
  region("australia-southeast2", "AU", "Melbourne, Australia", "2026-11-22"),
  // Europe
  region("europe-central2", "PL", "Warsaw, Poland", "2026-11-22"),
  region("europe-north1", "FI", "Hamina, Finland", "2026-11-22"),
  region("europe-north2", "SE", "Stockholm, Sweden", "2026-11-22"),
  region("europe-southwest1", "ES", "Madrid, Spain", "2026-11-22"),
  region("europe-west1", "BE", "St. Ghislain, Belgium", "2026-11-22"),
  region("europe-west2", "GB", "London, England", "2026-11-22"),
  region("europe-west3", "DE", "Frankfurt, Germany", "2026-11-22"),
  region("europe-west4", "NL", "Eemshaven, Netherlands", "2026-11-22"),
  region("europe-west6", "CH", "Zurich, Switzerland", "2026-11-22"),
  region("europe-west8", "IT", "Milan, Italy", "2026-11-22"),
  region("europe-west9", "FR", "Paris, France", "2026-11-22"),
  region("europe-west10", "DE", "Berlin, Germany", "2026-11-22"),
  region("europe-west12", "IT", "Turin, Italy", "2026-11-22"),
  // Middle East
  region("me-central1", "QA", "Doha, Qatar", "2026-11-22", "third-party", THIRD_PARTY),
  region("me-central2", "SA", "Dammam, Saudi Arabia", "2026-11-22", "third-party", THIRD_PARTY),
  region("me-west1", "IL", "Tel Aviv, Israel", "2026-11-22", "third-party", THIRD_PARTY),
  // Americas
  region("northamerica-northeast1", "CA", "Montréal, Québec", "2026-11-22"),
  region("northamerica-northeast2", "CA", "Toronto, Ontario", "2026-11-22"),
  region(
    "northamerica-south1",
    "MX",
    "Querétaro, Mexico",
    "2026-11-22",
    "third-party",
    THIRD_PARTY,
  ),
  region("southamerica-east1", "BR", "Osasco, São Paulo, Brazil", "2026-11-22"),
  region("southamerica-west1", "CL", "Santiago, Chile", "2026-11-22"),
  region("us-central1", "US", "Council Bluffs, Iowa", "2026-11-22"),
  {
    ...region(
      "us-central2",
      "US",
      "United States (TPU v4 zone us-central2-b)",
      "2026-12-07",
      "verified",
      "A TPU-only region: Google's TPU regions-and-zones page lists its zone us-central2-b under North America / US for TPU v4; not on the general region list.",
    ),
    source: "gcp-tpu-regions",
  },
  region("us-east1", "US", "Moncks Corner, South Carolina", "2026-11-22"),
  region("us-east4", "US", "Ashburn, Virginia", "2026-11-22"),
  region("us-east5", "US", "Columbus, Ohio", "2026-11-22"),
  region("us-south1", "US", "Dallas, Texas", "2026-11-22"),
  region("us-west1", "US", "The Dalles, Oregon", "2026-11-22"),
  region("us-west2", "US", "Los Angeles, California", "2026-11-22"),
  region("us-west3", "US", "Salt Lake City, Utah", "2026-11-22"),
  region("us-west4", "US", "Las Vegas, Nevada", "2026-11-22"),
];

/**
 * Multi-region locations that lie in one country (Vertex AI and storage accept them). "eu" and
 * "asia" span several countries and are deliberately absent: they resolve with no country.
 */
export const GCP_MULTI_REGIONS: readonly RegionEntry[] = [
  {
    cloud: "gcp",
    name: "us",
    country: "US",
    place: "United States (multi-region)",
    partition: "gcp-multi-region",
    source: "gcp-regions-doc",
    reviewed: "2026-11-22",
    confidence: "third-party",
  },
];
