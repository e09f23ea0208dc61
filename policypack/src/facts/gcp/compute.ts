// Where Google Cloud (@pulumi/gcp) resources select GPUs or TPUs. Tokens and property names were
// checked in pulumi/pulumi-gcp sdk/nodejs where marked in SUPPORTED_PACKAGES' notes; the rest follow
// the Terraform google provider's arguments in Pulumi's camelCase.
//
// Machine types carry the accelerator of accelerator-optimized families (a2, a3, a4, a4x, g2, g4,
// ct5lp …); N1 VMs and GKE nodes attach GPUs through `guestAccelerators[].type`; Vertex AI and
// Dataproc name them in `acceleratorType`. GKE Autopilot clusters provision GPU nodes from the
// workloads' requests, which the inputs do not show, so an Autopilot cluster is reported as
// possible accelerator capacity (fail closed, as for AKS node auto-provisioning).
import { unspecifiedAccelerator } from "../../catalogue/accelerators";
import {
  classifyGcpAcceleratorType,
  classifyGcpMachineType,
  classifyGcpTpuType,
} from "../../catalogue/other-accelerators";
import { Computed, read } from "../../values";
import type { ComputeExtractor } from "../compute";
import type { Part } from "../common/paths";
import { classifiedAt, extractor, linksAt, typesAt } from "../common/paths";

const machines = (...patterns: string[]): Part => typesAt(...patterns);
const accelerators = (...patterns: string[]): Part =>
  classifiedAt(classifyGcpAcceleratorType, ...patterns);
const tpus = (...patterns: string[]): Part => classifiedAt(classifyGcpTpuType, ...patterns);

const gce = (...parts: Part[]): ComputeExtractor => extractor(classifyGcpMachineType, ...parts);

/** A GKE node configuration: machine type and attached GPUs. */
function nodeConfig(base: string): Part[] {
  return [machines(`${base}.machineType`), accelerators(`${base}.guestAccelerators[].type`)];
}

const autopilot: Part = (c, root) => {
  const v = read(root, "enableAutopilot");
  if (v instanceof Computed) c.computed(v.path);
  else if (v === true || v === "true") {
    c.use({
      path: "enableAutopilot",
      value: String(v),
      info: unspecifiedAccelerator("GKE Autopilot (GPU nodes provisioned from workload requests)"),
    });
  }
};

const machineSpec = (base: string): Part[] => [
  machines(`${base}.machineType`),
  accelerators(`${base}.acceleratorType`),
];

const instanceLike = gce(machines("machineType"), accelerators("guestAccelerators[].type"));

/** Instance templates, global and regional: what a managed instance group's versions name. */
export const GCP_INSTANCE_TEMPLATE_TOKENS = [
  "gcp:compute/instanceTemplate:InstanceTemplate",
  "gcp:compute/regionInstanceTemplate:RegionInstanceTemplate",
] as const;

/**
 * Managed instance groups run the machine type and GPUs of the templates their versions name; the
 * template is global (or regional), the group is where the VMs run. The templates are followed in
 * the stack at AnalyzeStack (a self link written, or the template's output).
 */
const managedInstanceGroup = gce(
  linksAt(GCP_INSTANCE_TEMPLATE_TOKENS, "versions[].instanceTemplate"),
);

export const GCP_COMPUTE_EXTRACTORS: ReadonlyMap<string, ComputeExtractor> = new Map<
  string,
  ComputeExtractor
>([
  // Compute Engine
  ["gcp:compute/instance:Instance", instanceLike],
  ["gcp:compute/instanceTemplate:InstanceTemplate", instanceLike],
  ["gcp:compute/regionInstanceTemplate:RegionInstanceTemplate", instanceLike],
  [
    "gcp:compute/instanceFromTemplate:InstanceFromTemplate",
    gce(
      machines("machineType"),
      accelerators("guestAccelerators[].type"),
      linksAt(GCP_INSTANCE_TEMPLATE_TOKENS, "sourceInstanceTemplate"),
    ),
  ],
  ["gcp:compute/instanceGroupManager:InstanceGroupManager", managedInstanceGroup],
  ["gcp:compute/regionInstanceGroupManager:RegionInstanceGroupManager", managedInstanceGroup],
  ["gcp:compute/instanceFromMachineImage:InstanceFromMachineImage", instanceLike],
  [
    "gcp:compute/reservation:Reservation",
    gce(
      machines("specificReservation.instanceProperties.machineType"),
      accelerators("specificReservation.instanceProperties.guestAccelerators[].acceleratorType"),
    ),
  ],
  ["gcp:compute/nodeTemplate:NodeTemplate", gce(accelerators("accelerators[].acceleratorType"))],
  // GKE
  [
    "gcp:container/cluster:Cluster",
    gce(
      ...nodeConfig("nodeConfig"),
      ...nodeConfig("nodePools[].nodeConfig"),
      accelerators("clusterAutoscaling.resourceLimits[].resourceType"),
      autopilot,
    ),
  ],
  ["gcp:container/nodePool:NodePool", gce(...nodeConfig("nodeConfig"))],
  // Cloud TPU
  ["gcp:tpu/v2Vm:V2Vm", gce(tpus("acceleratorType", "acceleratorConfig.type"))],
  ["gcp:tpu/node:Node", gce(tpus("acceleratorType"))],
  [
    "gcp:tpu/v2QueuedResource:V2QueuedResource",
    gce(
      tpus("tpu.nodeSpecs[].node.acceleratorType", "tpu.nodeSpecs[].node.acceleratorConfig.type"),
    ),
  ],
  // Vertex AI, Workbench, Colab Enterprise
  [
    "gcp:vertex/aiEndpointWithModelGardenDeployment:AiEndpointWithModelGardenDeployment",
    gce(...machineSpec("deployConfig.dedicatedResources.machineSpec")),
  ],
  [
    "gcp:vertex/aiDeploymentResourcePool:AiDeploymentResourcePool",
    gce(...machineSpec("dedicatedResources.machineSpec")),
  ],
  [
    "gcp:vertex/aiIndexEndpointDeployedIndex:AiIndexEndpointDeployedIndex",
    gce(...machineSpec("dedicatedResources.machineSpec")),
  ],
  [
    "gcp:vertex/aiPersistentResource:AiPersistentResource",
    gce(...machineSpec("resourcePools[].machineSpec")),
  ],
  [
    "gcp:notebooks/instance:Instance",
    gce(machines("machineType"), accelerators("acceleratorConfig.type")),
  ],
  [
    "gcp:workbench/instance:Instance",
    gce(machines("gceSetup.machineType"), accelerators("gceSetup.acceleratorConfigs[].type")),
  ],
  ["gcp:colab/runtimeTemplate:RuntimeTemplate", gce(...machineSpec("machineSpec"))],
  // Dataproc, Cloud Run
  [
    "gcp:dataproc/cluster:Cluster",
    gce(
      machines("clusterConfig.masterConfig.machineType", "clusterConfig.workerConfig.machineType"),
      accelerators(
        "clusterConfig.masterConfig.accelerators[].acceleratorType",
        "clusterConfig.workerConfig.accelerators[].acceleratorType",
        "clusterConfig.preemptibleWorkerConfig.accelerators[].acceleratorType",
      ),
    ),
  ],
  ["gcp:cloudrunv2/service:Service", gce(accelerators("template.nodeSelector.accelerator"))],
  ["gcp:cloudrunv2/job:Job", gce(accelerators("template.template.nodeSelector.accelerator"))],
]);
