// Google Cloud organization policy: the resource types whose custom constraints can carry the
// accelerator rule (with the request fields a CEL condition reads), and which Google Cloud
// resource types each AI-service module of the pack creates, with whether custom constraints
// support them. Read by the gcp-org-policy guardrail target (cli/guardrails/gcp-org-policy.ts).
import type { Sourced } from "./types";

/** How a resource type names where it runs. */
export type GcpLocationForm =
  /** One zone ("us-central1-a" or a URL ending in it). */
  | "zone"
  /** A list of zones; empty when the resource takes them from its parent. */
  | "zone-list"
  /** A region or a zone. */
  | "region-or-zone";

export interface GcpAcceleratorResourceType extends Sourced {
  /** A short id used in constraint names ("Vm"). */
  readonly id: string;
  readonly resourceType: string;
  /** What it is, for descriptions ("Compute Engine VM instance"). */
  readonly what: string;
  /** The machine type field (a name or a URL ending in one). */
  readonly machineTypeField: string;
  /** The list of attached accelerators, and the type field of each element. */
  readonly acceleratorList: string;
  readonly acceleratorTypeField: string;
  readonly locationField: string;
  readonly locationForm: GcpLocationForm;
  /**
   * Node pools the create request itself carries (a GKE cluster's `nodePools`): the list, and the
   * machine type and accelerator list of each element.
   */
  readonly nodePools?: {
    readonly list: string;
    readonly machineTypeField: string;
    readonly acceleratorList: string;
  };
}

/** The resource types a GPU / TPU machine or an attached accelerator is judged on. */
export const GCP_ACCELERATOR_RESOURCE_TYPES: readonly GcpAcceleratorResourceType[] = [
  {
    id: "Vm",
    resourceType: "compute.googleapis.com/Instance",
    what: "Compute Engine VM instance",
    machineTypeField: "resource.machineType",
    acceleratorList: "resource.guestAccelerators",
    acceleratorTypeField: "acceleratorType",
    locationField: "resource.zone",
    locationForm: "zone",
    source: "gcp-compute-custom-constraints",
    reviewed: "2026-12-07",
    confidence: "third-party",
    note: "Fields as the page lists them; the value forms (a name or a partial URL) follow the page's example and the Compute API reference, so the conditions accept both.",
  },
  {
    id: "GkeNodePool",
    resourceType: "container.googleapis.com/NodePool",
    what: "GKE node pool",
    machineTypeField: "resource.config.machineType",
    acceleratorList: "resource.config.accelerators",
    acceleratorTypeField: "acceleratorType",
    locationField: "resource.locations",
    locationForm: "zone-list",
    source: "gcp-gke-custom-constraints",
    reviewed: "2026-12-07",
    confidence: "verified",
    note: "A node pool without `locations` takes its cluster's zones, which the request does not carry.",
  },
  {
    id: "GkeCluster",
    resourceType: "container.googleapis.com/Cluster",
    what: "GKE cluster (its default node pool and the node pools in its create request)",
    machineTypeField: "resource.nodeConfig.machineType",
    acceleratorList: "resource.nodeConfig.accelerators",
    acceleratorTypeField: "acceleratorType",
    locationField: "resource.locations",
    locationForm: "zone-list",
    nodePools: {
      list: "resource.nodePools",
      machineTypeField: "config.machineType",
      acceleratorList: "config.accelerators",
    },
    source: "gcp-gke-cluster-api",
    reviewed: "2026-12-07",
    confidence: "verified",
    note: "Custom constraints take any Cluster field but output-only ones (gcp-gke-custom-constraints); the Cluster's `location` is output-only in the v1 reference, so the zones are read from `locations` (the cluster's node zones), which a request may leave out. `nodePools[].config` is a NodeConfig like the node pool's.",
  },
];

/** Whether custom constraints are documented for a resource type. */
export type GcpCustomConstraintSupport = "supported" | "not-found";

export interface GcpAiServiceResourceType extends Sourced {
  /** The pack's AI-service module ("gcp:vertex"), a key of AI_SERVICE_MODULES / OTHER_…. */
  readonly module: string;
  readonly resourceType: string;
  readonly customConstraints: GcpCustomConstraintSupport;
  /**
   * A field every valid create request of this type sets (a required field): a condition on it
   * denies every request, for projects listed in restrictedAccounts.
   */
  readonly requiredField?: string;
  /** Whether the resource type's custom-constraint fields name a location. */
  readonly locationField?: string;
  /** The service (API) name the resource type belongs to ("aiplatform.googleapis.com"). */
  readonly service: string;
}

const NOT_FOUND =
  "Not in any custom-constraint supported-resource list read on this date; no constraint is generated for it.";

/** The Google Cloud resource types the pack's AI-service modules create. */
export const GCP_AI_SERVICE_RESOURCE_TYPES: readonly GcpAiServiceResourceType[] = [
  {
    module: "gcp:vertex",
    resourceType: "aiplatform.googleapis.com/CustomJob",
    service: "aiplatform.googleapis.com",
    customConstraints: "supported",
    requiredField: "resource.jobSpec.workerPoolSpecs",
    source: "gcp-vertex-training-custom-constraints",
    reviewed: "2026-12-07",
    confidence: "verified",
    note: "No field names the job's location.",
  },
  {
    module: "gcp:vertex",
    resourceType: "aiplatform.googleapis.com/HyperparameterTuningJob",
    service: "aiplatform.googleapis.com",
    customConstraints: "supported",
    requiredField: "resource.trialJobSpec.workerPoolSpecs",
    source: "gcp-vertex-training-custom-constraints",
    reviewed: "2026-12-07",
    confidence: "verified",
    note: "No field names the job's location.",
  },
  {
    module: "gcp:vertex",
    resourceType: "aiplatform.googleapis.com/NasJob",
    service: "aiplatform.googleapis.com",
    customConstraints: "supported",
    requiredField:
      "resource.nasJobSpec.multiTrialAlgorithmSpec.searchTrialSpec.searchTrialJobSpec.workerPoolSpecs",
    source: "gcp-vertex-training-custom-constraints",
    reviewed: "2026-12-07",
    confidence: "verified",
    note: "No field names the job's location.",
  },
  {
    module: "gcp:vertex",
    resourceType: "aiplatform.googleapis.com/Endpoint",
    service: "aiplatform.googleapis.com",
    customConstraints: "not-found",
    source: "gcp-vertex-training-custom-constraints",
    reviewed: "2026-12-07",
    confidence: "uncertain",
    note: NOT_FOUND,
  },
  {
    module: "gcp:notebooks",
    resourceType: "notebooks.googleapis.com/Instance",
    service: "notebooks.googleapis.com",
    customConstraints: "not-found",
    source: "gcp-custom-constraints",
    reviewed: "2026-12-07",
    confidence: "uncertain",
    note: NOT_FOUND,
  },
  {
    module: "gcp:workbench",
    resourceType: "notebooks.googleapis.com/Instance",
    service: "notebooks.googleapis.com",
    customConstraints: "not-found",
    source: "gcp-custom-constraints",
    reviewed: "2026-12-07",
    confidence: "uncertain",
    note: NOT_FOUND,
  },
  {
    module: "gcp:dialogflow",
    resourceType: "dialogflow.googleapis.com/Agent",
    service: "dialogflow.googleapis.com",
    customConstraints: "not-found",
    source: "gcp-custom-constraints",
    reviewed: "2026-12-07",
    confidence: "uncertain",
    note: NOT_FOUND,
  },
  {
    module: "gcp:discoveryengine",
    resourceType: "discoveryengine.googleapis.com/DataStore",
    service: "discoveryengine.googleapis.com",
    customConstraints: "not-found",
    source: "gcp-custom-constraints",
    reviewed: "2026-12-07",
    confidence: "uncertain",
    note: NOT_FOUND,
  },
];

export interface GcpRestrictServiceUsageRow extends Sourced {
  /** A service (API) name of GCP_AI_SERVICE_RESOURCE_TYPES. */
  readonly service: string;
  /**
   * "supported": listed among the services the built-in list constraint gcp.restrictServiceUsage
   * supports, so a project's policy can deny it. "not-verified": the copy of that list read on
   * this date did not show it (only part of the list could be read); it is not denied.
   */
  readonly restrictServiceUsage: "supported" | "not-verified";
}

const NOT_VERIFIED =
  "The stored copies of the supported-services list showed only its first entries (to the letter b); this service could not be confirmed there, so no deniedValues entry is written for it.";

/** Whether gcp.restrictServiceUsage can deny each AI service in a restricted project. */
export const GCP_RESTRICT_SERVICE_USAGE: readonly GcpRestrictServiceUsageRow[] = [
  {
    service: "aiplatform.googleapis.com",
    restrictServiceUsage: "supported",
    source: "gcp-restrict-service-usage-services",
    reviewed: "2026-12-07",
    confidence: "verified",
    note: "Listed among the supported services (Vertex AI: endpoints and training jobs alike).",
  },
  {
    service: "notebooks.googleapis.com",
    restrictServiceUsage: "not-verified",
    source: "gcp-restrict-service-usage-services",
    reviewed: "2026-12-07",
    confidence: "uncertain",
    note: NOT_VERIFIED,
  },
  {
    service: "dialogflow.googleapis.com",
    restrictServiceUsage: "not-verified",
    source: "gcp-restrict-service-usage-services",
    reviewed: "2026-12-07",
    confidence: "uncertain",
    note: NOT_VERIFIED,
  },
  {
    service: "discoveryengine.googleapis.com",
    restrictServiceUsage: "not-verified",
    source: "gcp-restrict-service-usage-services",
    reviewed: "2026-12-07",
    confidence: "uncertain",
    note: NOT_VERIFIED,
  },
];
