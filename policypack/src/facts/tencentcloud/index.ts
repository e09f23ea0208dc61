// Tencent Cloud (@tencentcloud_iac/pulumi, `tencentcloud:`) facts: which CVM instance types a
// resource selects and where it lands. The token `tencentcloud:Instance/instance:Instance` is in
// the reference brief [V-src]; the SDK files sdk/nodejs/instance/instance.ts and
// sdk/nodejs/kubernetes/nodePool.ts exist in tencentcloudstack/pulumi-tencentcloud. Property
// names follow the Terraform tencentcloud provider in camelCase.
//
// Region: the resource's `availabilityZone` ("ap-guangzhou-3"), else the provider's `region`
// (stack config `tencentcloud:region`), else TENCENTCLOUD_REGION, else the provider's default
// region ap-guangzhou.
import { classifyTencentcloudInstanceType } from "../../catalogue/other-accelerators";
import type { ComputeExtractor } from "../compute";
import { extractor, typesAt } from "../common/paths";
import { readListedCloudRegion } from "../common/listed-cloud";
import { chainPlacement, declaredChain } from "../common/placement-chain";
import type { EvalContext, Placement, ResourceView } from "../types";

const cvm = (...patterns: string[]): ComputeExtractor =>
  extractor(classifyTencentcloudInstanceType, typesAt(...patterns));

export const TENCENTCLOUD_COMPUTE_EXTRACTORS: ReadonlyMap<string, ComputeExtractor> = new Map<
  string,
  ComputeExtractor
>([
  ["tencentcloud:Instance/instance:Instance", cvm("instanceType")],
  ["tencentcloud:As/scalingConfig:ScalingConfig", cvm("instanceTypes[]")],
  [
    "tencentcloud:Kubernetes/nodePool:NodePool",
    cvm("autoScalingConfig.instanceType", "autoScalingConfig.backupInstanceTypes[]"),
  ],
  [
    "tencentcloud:Kubernetes/cluster:Cluster",
    cvm("workerConfigs[].instanceType", "masterConfigs[].instanceType"),
  ],
  ["tencentcloud:Kubernetes/scaleWorker:ScaleWorker", cvm("workerConfig.instanceType")],
  ["tencentcloud:Kubernetes/nativeNodePool:NativeNodePool", cvm("native.instanceTypes[]")],
]);

export const TENCENTCLOUD_PROVIDER_TYPE = "pulumi:providers:tencentcloud";

const CHAIN = declaredChain({
  cloud: "tencentcloud",
  providerType: TENCENTCLOUD_PROVIDER_TYPE,
  resourceInputs: ["availabilityZone"],
  providerInputs: ["region"],
  configKeys: ["tencentcloud:region"],
  envVars: ["TENCENTCLOUD_REGION"],
  providerDefault: {
    region: "ap-guangzhou",
    source: "the tencentcloud provider's documented default",
  },
  read: (written) => readListedCloudRegion("tencentcloud", written),
});

export function tencentcloudPlacement(
  resource: ResourceView,
  _token: string,
  ctx: EvalContext,
): Placement {
  return chainPlacement(resource, ctx, CHAIN);
}
