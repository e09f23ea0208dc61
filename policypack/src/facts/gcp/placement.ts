// Where a Google Cloud resource lands. The google provider reads the resource's `zone`, `region`
// or `location`; then its own `zone` / `region` inputs (a regional resource derives the region
// from the provider zone when no region is set); the default provider's inputs come from stack
// config `gcp:zone` / `gcp:region`; the provider also reads GOOGLE_ZONE, GCLOUD_ZONE,
// CLOUDSDK_COMPUTE_ZONE and GOOGLE_REGION, GCLOUD_REGION, CLOUDSDK_COMPUTE_REGION. Zones resolve
// to their region ("asia-east2-a" → asia-east2, Hong Kong). GKE clusters and node pools also run
// in `nodeLocations[]` (additional placements).
import { lookupGcpLocation } from "../../catalogue/regions";
import { readStrings } from "../../values";
import type { ChainSpec } from "../common/placement-chain";
import type { Found } from "../common/placement-chain";
import { chainPlacement, declaredChain, placementOf } from "../common/placement-chain";
import type { EvalContext, Placement, ResourceView } from "../types";

export const GCP_PROVIDER_TYPE = "pulumi:providers:gcp";
export const GCP_ZONE_ENV_VARS = ["GOOGLE_ZONE", "GCLOUD_ZONE", "CLOUDSDK_COMPUTE_ZONE"] as const;
export const GCP_REGION_ENV_VARS = [
  "GOOGLE_REGION",
  "GCLOUD_REGION",
  "CLOUDSDK_COMPUTE_REGION",
] as const;

const ZONAL: ChainSpec = {
  cloud: "gcp",
  providerType: GCP_PROVIDER_TYPE,
  resourceInputs: ["zone", "location", "region"],
  providerInputs: ["zone", "region"],
  configKeys: ["gcp:zone", "gcp:region"],
  envVars: [...GCP_ZONE_ENV_VARS, ...GCP_REGION_ENV_VARS],
  read(written) {
    const found = lookupGcpLocation(written);
    return found ?? { region: written.trim().toLowerCase() };
  },
};

const REGIONAL: ChainSpec = {
  ...ZONAL,
  resourceInputs: ["region", "location", "zone"],
  providerInputs: ["region", "zone"],
  configKeys: ["gcp:region", "gcp:zone"],
  envVars: [...GCP_REGION_ENV_VARS, ...GCP_ZONE_ENV_VARS],
};

const ZONAL_CHAIN = declaredChain(ZONAL);
const REGIONAL_CHAIN = declaredChain(REGIONAL);

/** Modules whose resources are regional (Vertex AI, Dataproc, Cloud Run …); others are zonal first. */
const REGIONAL_MODULES: ReadonlySet<string> = new Set([
  "vertex",
  "dataproc",
  "cloudrunv2",
  "colab",
  "ml",
  "dialogflow",
  "dialogflowcx",
  "discoveryengine",
]);

function moduleOf(token: string): string {
  return token.split(":")[1]?.split("/")[0] ?? "";
}

function isRegional(token: string): boolean {
  return (
    REGIONAL_MODULES.has(moduleOf(token)) ||
    token === "gcp:compute/regionInstanceTemplate:RegionInstanceTemplate"
  );
}

export function gcpPlacement(resource: ResourceView, token: string, ctx: EvalContext): Placement {
  return chainPlacement(resource, ctx, isRegional(token) ? REGIONAL_CHAIN : ZONAL_CHAIN);
}

const NODE_LOCATION_TOKENS: ReadonlySet<string> = new Set([
  "gcp:container/cluster:Cluster",
  "gcp:container/nodePool:NodePool",
]);

/** GKE `nodeLocations[]`: the zones the nodes run in, beyond the cluster's location. */
export function gcpAdditionalPlacements(resource: ResourceView, token: string): Placement[] {
  if (!NODE_LOCATION_TOKENS.has(token)) return [];
  const { values, computed } = readStrings(resource.props, "nodeLocations");
  const found: Found[] = values.map((v) => ({
    kind: "resolved",
    written: v.value,
    origin: { kind: "resource", detail: `resource input \`${v.path}\`` },
  }));
  if (computed) {
    const origin = { kind: "resource", detail: "resource input `nodeLocations`" } as const;
    found.unshift({ kind: "unknown", path: computed.path, origin });
  }
  return found.map((f) => placementOf("gcp", f, ZONAL.read));
}
