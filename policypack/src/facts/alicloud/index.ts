// Alibaba Cloud (@pulumi/alicloud, `alicloud:`) facts: which ECS instance types a resource
// selects and where it lands. Tokens `alicloud:cs/nodePool:NodePool` and
// `alicloud:ess/scalingConfiguration:ScalingConfiguration` were seen in pulumi/pulumi-alicloud;
// the other tokens and property names follow the Terraform alicloud provider in camelCase.
//
// Region: the resource's `availabilityZone` ("cn-hangzhou-h"), else the provider's `region`
// (stack config `alicloud:region` for the default provider), else ALIBABA_CLOUD_REGION /
// ALICLOUD_REGION, else the provider's default region cn-beijing.
import { unspecifiedAccelerator } from "../../catalogue/accelerators";
import { classifyAlicloudInstanceType } from "../../catalogue/other-accelerators";
import { readString } from "../../values";
import type { ComputeExtractor } from "../compute";
import type { Part } from "../common/paths";
import { extractor, typesAt, walk } from "../common/paths";
import { readListedCloudRegion } from "../common/listed-cloud";
import { chainPlacement, declaredChain } from "../common/placement-chain";
import type { EvalContext, Placement, ResourceView } from "../types";
import { Computed } from "../../values";

const ecs = (...parts: Part[]): ComputeExtractor =>
  extractor(classifyAlicloudInstanceType, ...parts);

/** ECI containers that ask for GPUs (`containers[].gpu` above zero). */
const containerGpus: Part = (c, root) =>
  walk(c, root, "containers[].gpu", "", (col, r, path, base) => {
    const v = readString(r, path, base);
    const at = `${base}.${path}`;
    if (v instanceof Computed) col.computed(v.path);
    else if (v !== undefined && Number(v) > 0) {
      col.use({
        path: at,
        value: v,
        info: unspecifiedAccelerator("ECI container GPU count", "NVIDIA"),
      });
    }
  });

export const ALICLOUD_COMPUTE_EXTRACTORS: ReadonlyMap<string, ComputeExtractor> = new Map<
  string,
  ComputeExtractor
>([
  ["alicloud:ecs/instance:Instance", ecs(typesAt("instanceType"))],
  ["alicloud:ecs/ecsLaunchTemplate:EcsLaunchTemplate", ecs(typesAt("instanceType"))],
  ["alicloud:ecs/launchTemplate:LaunchTemplate", ecs(typesAt("instanceType"))],
  [
    "alicloud:ecs/autoProvisioningGroup:AutoProvisioningGroup",
    ecs(typesAt("launchTemplateConfigs[].instanceType")),
  ],
  [
    "alicloud:ess/scalingConfiguration:ScalingConfiguration",
    ecs(typesAt("instanceType", "instanceTypes[]")),
  ],
  ["alicloud:cs/nodePool:NodePool", ecs(typesAt("instanceTypes[]"))],
  ["alicloud:cs/kubernetesNodePool:KubernetesNodePool", ecs(typesAt("instanceTypes[]"))],
  ["alicloud:cs/managedKubernetes:ManagedKubernetes", ecs(typesAt("workerInstanceTypes[]"))],
  [
    "alicloud:cs/kubernetes:Kubernetes",
    ecs(typesAt("masterInstanceTypes[]", "workerInstanceTypes[]")),
  ],
  ["alicloud:eci/containerGroup:ContainerGroup", ecs(typesAt("instanceType"), containerGpus)],
]);

export const ALICLOUD_PROVIDER_TYPE = "pulumi:providers:alicloud";

const CHAIN = declaredChain({
  cloud: "alicloud",
  providerType: ALICLOUD_PROVIDER_TYPE,
  resourceInputs: ["availabilityZone", "zoneId"],
  providerInputs: ["region"],
  configKeys: ["alicloud:region"],
  envVars: ["ALIBABA_CLOUD_REGION", "ALICLOUD_REGION"],
  providerDefault: { region: "cn-beijing", source: "the alicloud provider's documented default" },
  read: (written) => readListedCloudRegion("alicloud", written),
});

export function alicloudPlacement(
  resource: ResourceView,
  _token: string,
  ctx: EvalContext,
): Placement {
  return chainPlacement(resource, ctx, CHAIN);
}
