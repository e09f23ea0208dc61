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
    what: "GKE cluster (its default node pool)",
    machineTypeField: "resource.nodeConfig.machineType",
    acceleratorList: "resource.nodeConfig.accelerators",
    acceleratorTypeField: "acceleratorType",
    locationField: "resource.location",
    locationForm: "region-or-zone",
    source: "gcp-gke-custom-constraints",
    reviewed: "2026-12-07",
    confidence: "verified",
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
}

const NOT_FOUND =
  "Not in any custom-constraint supported-resource list read on this date; no constraint is generated for it.";

/** The Google Cloud resource types the pack's AI-service modules create. */
export const GCP_AI_SERVICE_RESOURCE_TYPES: readonly GcpAiServiceResourceType[] = [
  {
    module: "gcp:vertex",
    resourceType: "aiplatform.googleapis.com/CustomJob",
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
    customConstraints: "not-found",
    source: "gcp-vertex-training-custom-constraints",
    reviewed: "2026-12-07",
    confidence: "uncertain",
    note: NOT_FOUND,
  },
  {
    module: "gcp:notebooks",
    resourceType: "notebooks.googleapis.com/Instance",
    customConstraints: "not-found",
    source: "gcp-custom-constraints",
    reviewed: "2026-12-07",
    confidence: "uncertain",
    note: NOT_FOUND,
  },
  {
    module: "gcp:workbench",
    resourceType: "notebooks.googleapis.com/Instance",
    customConstraints: "not-found",
    source: "gcp-custom-constraints",
    reviewed: "2026-12-07",
    confidence: "uncertain",
    note: NOT_FOUND,
  },
  {
    module: "gcp:dialogflow",
    resourceType: "dialogflow.googleapis.com/Agent",
    customConstraints: "not-found",
    source: "gcp-custom-constraints",
    reviewed: "2026-12-07",
    confidence: "uncertain",
    note: NOT_FOUND,
  },
  {
    module: "gcp:discoveryengine",
    resourceType: "discoveryengine.googleapis.com/DataStore",
    customConstraints: "not-found",
    source: "gcp-custom-constraints",
    reviewed: "2026-12-07",
    confidence: "uncertain",
    note: NOT_FOUND,
  },
];
