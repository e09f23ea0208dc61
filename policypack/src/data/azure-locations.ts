// Azure locations (public, China, Government clouds), each mapped to the country it sits in.
import type { RegionEntry } from "./types";

export const AZURE_LOCATIONS: readonly RegionEntry[] = [];
