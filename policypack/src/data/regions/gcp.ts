// Google Cloud regions, each mapped to the country it sits in. Zones are `<region>-<letter>`
// ("asia-east2-a") and resolve to their region (catalogue/regions.ts `lookupGcpLocation`).
//
// The list is every region named on Google Cloud's location pages (Geography and regions, as
// rendered on the Infrastructure Manager and GKE On-Prem API locations pages); the place is
// Google's region description. asia-east2 is Hong Kong.
import { OTHER_CLOUDS_REVIEWED, regionRows } from "../table-rows";
import type { RegionEntry } from "../types";

const region = regionRows("gcp", "gcp", "gcp-regions-doc", "verified");

const THIRD_PARTY = "Seen on third-party renderings of the region list, not on a Google page read.";

export const GCP_REGIONS: readonly RegionEntry[] = [
  // Africa
  region("africa-south1", "ZA", "Johannesburg, South Africa", "third-party", THIRD_PARTY),
  // Asia Pacific
  region("asia-east1", "TW", "Changhua County, Taiwan"),
  region(
    "asia-east2",
    "HK",
    "Hong Kong",
    "verified",
    "Hong Kong: treated as China under the EAR since 85 FR 83765; the jurisdiction groups carry HK.",
  ),
  region("asia-northeast1", "JP", "Tokyo, Japan"),
  region("asia-northeast2", "JP", "Osaka, Japan"),
  region("asia-northeast3", "KR", "Seoul, South Korea"),
  region("asia-south1", "IN", "Mumbai, India"),
  region("asia-south2", "IN", "Delhi, India"),
  region("asia-southeast1", "SG", "Jurong West, Singapore"),
  region("asia-southeast2", "ID", "Jakarta, Indonesia"),
  region("asia-southeast3", "TH", "Bangkok, Thailand"),
  region("australia-southeast1", "AU", "Sydney, Australia"),
  region("australia-southeast2", "AU", "Melbourne, Australia"),
  // Europe
  region("europe-central2", "PL", "Warsaw, Poland"),
  region("europe-north1", "FI", "Hamina, Finland"),
  region("europe-north2", "SE", "Stockholm, Sweden"),
  region("europe-southwest1", "ES", "Madrid, Spain"),
  region("europe-west1", "BE", "St. Ghislain, Belgium"),
  region("europe-west2", "GB", "London, England"),
  region("europe-west3", "DE", "Frankfurt, Germany"),
  region("europe-west4", "NL", "Eemshaven, Netherlands"),
  region("europe-west6", "CH", "Zurich, Switzerland"),
  region("europe-west8", "IT", "Milan, Italy"),
  region("europe-west9", "FR", "Paris, France"),
  region("europe-west10", "DE", "Berlin, Germany"),
  region("europe-west12", "IT", "Turin, Italy"),
  // Middle East
  region("me-central1", "QA", "Doha, Qatar", "third-party", THIRD_PARTY),
  region("me-central2", "SA", "Dammam, Saudi Arabia", "third-party", THIRD_PARTY),
  region("me-west1", "IL", "Tel Aviv, Israel", "third-party", THIRD_PARTY),
  // Americas
  region("northamerica-northeast1", "CA", "Montréal, Québec"),
  region("northamerica-northeast2", "CA", "Toronto, Ontario"),
  region("northamerica-south1", "MX", "Querétaro, Mexico", "third-party", THIRD_PARTY),
  region("southamerica-east1", "BR", "Osasco, São Paulo, Brazil"),
  region("southamerica-west1", "CL", "Santiago, Chile"),
  region("us-central1", "US", "Council Bluffs, Iowa"),
  region("us-east1", "US", "Moncks Corner, South Carolina"),
  region("us-east4", "US", "Ashburn, Virginia"),
  region("us-east5", "US", "Columbus, Ohio"),
  region("us-south1", "US", "Dallas, Texas"),
  region("us-west1", "US", "The Dalles, Oregon"),
  region("us-west2", "US", "Los Angeles, California"),
  region("us-west3", "US", "Salt Lake City, Utah"),
  region("us-west4", "US", "Las Vegas, Nevada"),
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
    reviewed: OTHER_CLOUDS_REVIEWED,
    confidence: "third-party",
  },
];
