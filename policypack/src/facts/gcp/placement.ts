// Where a Google Cloud resource lands. The google provider reads the resource's `zone`, `region`
// or `location`; then its own `zone` / `region` inputs (a regional resource derives the region
// from the provider zone when no region is set); the default provider's inputs come from stack
// config `gcp:zone` / `gcp:region`; the provider also reads GOOGLE_ZONE, GCLOUD_ZONE,
// CLOUDSDK_COMPUTE_ZONE and GOOGLE_REGION, GCLOUD_REGION, CLOUDSDK_COMPUTE_REGION. Zones resolve
// to their region ("asia-east2-a" → asia-east2, Hong Kong). GKE clusters and node pools also run
// in `nodeLocations[]` (additional placements).
import { lookupGcpLocation } from "../../catalogue/regions";
import { Computed, readString, readStrings } from "../../values";
import type { ChainSpec } from "../common/placement-chain";
import type { Found } from "../common/placement-chain";
import { chainPlacement, declaredChain, placementOf } from "../common/placement-chain";
import type { StackView } from "../common/stack-links";
import { findLinked, labelOf } from "../common/stack-links";
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

const REGIONAL_TOKENS: ReadonlySet<string> = new Set([
  "gcp:compute/regionInstanceTemplate:RegionInstanceTemplate",
  "gcp:compute/regionInstanceGroupManager:RegionInstanceGroupManager",
]);

function isRegional(token: string): boolean {
  return REGIONAL_MODULES.has(moduleOf(token)) || REGIONAL_TOKENS.has(token);
}

const NODE_POOL = "gcp:container/nodePool:NodePool";
const CLUSTER = "gcp:container/cluster:Cluster";
const CLUSTER_INPUT = "resource input `cluster`";

/** "projects/p/locations/asia-east2/clusters/c" → "asia-east2". */
function locationOfClusterId(id: string): string | undefined {
  return /(?:^|\/)locations\/([^/]+)\/clusters\//.exec(id.trim())?.[1];
}

function given(resource: ResourceView, input: string): boolean {
  const v = readString(resource.props, input);
  return v instanceof Computed || (v !== undefined && v.trim() !== "");
}

/**
 * A GKE node pool without a location of its own is where its cluster is, as the provider reads
 * it: the location segment of a `cluster` ID ("projects/p/locations/asia-east2/clusters/c"), or,
 * when `cluster` is computed (a cluster of the same stack), the cluster found at AnalyzeStack.
 * A plain cluster name leaves the provider's zone or region.
 */
function nodePoolPlacement(resource: ResourceView): Placement | undefined {
  if (["location", "zone", "region"].some((input) => given(resource, input))) return undefined;
  const cluster = readString(resource.props, "cluster");
  if (cluster instanceof Computed) {
    return { status: "inherited", cloud: "gcp", via: "cluster", parentTypes: [CLUSTER] };
  }
  const location = cluster === undefined ? undefined : locationOfClusterId(cluster);
  if (location === undefined) return undefined;
  const origin = { kind: "resource", detail: `${CLUSTER_INPUT} (its location segment)` } as const;
  return placementOf("gcp", { kind: "resolved", written: location, origin }, ZONAL.read);
}

export function gcpPlacement(resource: ResourceView, token: string, ctx: EvalContext): Placement {
  const own = token === NODE_POOL ? nodePoolPlacement(resource) : undefined;
  return own ?? chainPlacement(resource, ctx, isRegional(token) ? REGIONAL_CHAIN : ZONAL_CHAIN);
}

/**
 * Stack phase: a node pool whose `cluster` is computed is placed where that cluster is, found
 * through the engine's property dependencies of `cluster`, the Pulumi parent or the only cluster
 * it depends on. Without it in the stack the location stays computed (known at `pulumi up`).
 */
export function gcpResolveInherited(
  resource: ResourceView,
  token: string,
  stack: StackView,
  ctx: EvalContext,
): Placement {
  const own = gcpPlacement(resource, token, ctx);
  if (own.status !== "inherited") return own;
  const match = findLinked(resource, { via: [own.via], targetTypes: own.parentTypes }, stack);
  const parent = match && stack.placementOf(match.target);
  if (match && parent && (parent.status === "resolved" || parent.status === "computed")) {
    const detail = `location of ${labelOf(match.target)} (its ${parent.origin.detail}), found by ${match.how}`;
    return { ...parent, origin: { kind: "parent", detail } };
  }
  return {
    status: "computed",
    cloud: "gcp",
    path: own.via,
    origin: { kind: "resource", detail: CLUSTER_INPUT },
  };
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
