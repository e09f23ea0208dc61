// Huawei Cloud (huaweicloud/pulumi-huaweicloud, `huaweicloud:`) facts: which ECS flavors a
// resource selects and where it lands. Tokens follow provider/resources.go of
// huaweicloud/pulumi-huaweicloud (huaweicloud_compute_instance → `huaweicloud:Ecs/instance:Instance`,
// huaweicloud_cce_node_pool → `huaweicloud:Cce/nodePool:NodePool`, huaweicloud_as_configuration →
// `huaweicloud:As/configuration:Configuration`, huaweicloud_bms_instance → `huaweicloud:Bms/instance:Instance`).
//
// Region: the resource's own `region` input (most Huawei Cloud resources take one), else its
// `availabilityZone` ("cn-north-4a"), else the provider's `region` (stack config
// `huaweicloud:region`), else HW_REGION_NAME. The provider has no default region.
import { classifyHuaweicloudFlavor } from "../../catalogue/other-accelerators";
import type { ComputeExtractor } from "../compute";
import { extractor, typesAt } from "../common/paths";
import { readListedCloudRegion } from "../common/listed-cloud";
import { chainPlacement, declaredChain } from "../common/placement-chain";
import type { EvalContext, Placement, ResourceView } from "../types";

const flavors = (...patterns: string[]): ComputeExtractor =>
  extractor(classifyHuaweicloudFlavor, typesAt(...patterns));

export const HUAWEICLOUD_COMPUTE_EXTRACTORS: ReadonlyMap<string, ComputeExtractor> = new Map<
  string,
  ComputeExtractor
>([
  ["huaweicloud:Ecs/instance:Instance", flavors("flavorId", "flavorName")],
  ["huaweicloud:Bms/instance:Instance", flavors("flavorId")],
  ["huaweicloud:Cce/nodePool:NodePool", flavors("flavorId")],
  ["huaweicloud:Cce/node:Node", flavors("flavorId")],
  ["huaweicloud:As/configuration:Configuration", flavors("instanceConfig.flavor")],
]);

export const HUAWEICLOUD_PROVIDER_TYPE = "pulumi:providers:huaweicloud";

const CHAIN = declaredChain({
  cloud: "huaweicloud",
  providerType: HUAWEICLOUD_PROVIDER_TYPE,
  resourceInputs: ["region", "availabilityZone"],
  providerInputs: ["region"],
  configKeys: ["huaweicloud:region"],
  envVars: ["HW_REGION_NAME"],
  read: (written) => readListedCloudRegion("huaweicloud", written),
});

export function huaweicloudPlacement(
  resource: ResourceView,
  _token: string,
  ctx: EvalContext,
): Placement {
  return chainPlacement(resource, ctx, CHAIN);
}
