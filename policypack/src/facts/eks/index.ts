// Pulumi EKS components (@pulumi/eks, `eks:index:*`), judged from their own inputs so that a GPU
// node group is caught whether or not the engine shows the component's children. Input names were
// checked against pulumi/pulumi-eks provider/cmd/pulumi-resource-eks/schema.json.
//
// What selects hardware: `eks:index:Cluster` `instanceType` and `gpu` (its default node group)
// and `nodeGroupOptions.{instanceType, gpu, amiType}`; `eks:index:ManagedNodeGroup`
// `instanceTypes[]`, else an accelerated `amiType` or `gpu: true`; `eks:index:NodeGroup` and
// `eks:index:NodeGroupV2` `instanceType`, else `gpu: true` or an accelerated `amiType`. The
// instance types decide when given (a GPU AMI on a CPU type runs no GPU), as for aws:eks NodeGroup.
//
// Placement: facts/aws/components.ts (the AWS chain, else where the component's children land).
import { classifyAwsInstanceType, unspecifiedAccelerator } from "../../catalogue/accelerators";
import {
  ACCELERATED_EKS_AMI_PATTERNS,
  ACCELERATED_EKS_AMI_TYPES,
} from "../../data/accelerators/aws-platform-hints";
import { Computed, read, readString, readStrings } from "../../values";
import { matchSetting } from "../aws/platforms";
import type { ComputeExtractor } from "../compute";
import { ComputeCollector } from "../compute";
import type { Props } from "../../values";

const GPU_AMI = "EKS GPU-optimized AMI (`gpu: true`)";

/** Instance types at `typePath` (one or a list) decide; with none, `gpu`/`amiType` under `base`. */
function nodeGroup(c: ComputeCollector, props: Props, base: string, typePath: string): void {
  const at = (p: string): string => (base ? `${base}.${p}` : p);
  const list = typePath.endsWith("[]")
    ? readStrings(props, at(typePath.slice(0, -2)))
    : (() => {
        const v = readString(props, at(typePath));
        return v instanceof Computed
          ? { values: [], computed: v }
          : {
              values: v === undefined ? [] : [{ value: v, path: at(typePath) }],
              computed: undefined,
            };
      })();
  if (list.computed) c.computed(list.computed.path);
  for (const v of list.values) c.value(v.value, v.path);
  if (list.values.length > 0 || list.computed) return;

  const gpu = read(props, at("gpu"));
  if (gpu instanceof Computed) c.computed(gpu.path);
  else if (gpu === true || gpu === "true") {
    c.use({ path: at("gpu"), value: "true", info: unspecifiedAccelerator(GPU_AMI, "NVIDIA") });
  }
  const ami = readString(props, at("amiType"));
  if (ami instanceof Computed) c.computed(ami.path);
  else if (ami !== undefined) {
    const hit = matchSetting(ami, ACCELERATED_EKS_AMI_TYPES, ACCELERATED_EKS_AMI_PATTERNS);
    if (hit)
      c.use({
        path: at("amiType"),
        value: ami,
        info: unspecifiedAccelerator(hit.description, hit.vendor),
      });
  }
}

function component(...parts: ((c: ComputeCollector, props: Props) => void)[]): ComputeExtractor {
  return (props) => {
    const c = new ComputeCollector(classifyAwsInstanceType);
    for (const part of parts) part(c, props);
    return c.result();
  };
}

/** `skipDefaultNodeGroup: true` (or Fargate / Auto Mode) leaves the cluster's own node inputs unused. */
function defaultNodeGroup(c: ComputeCollector, props: Props): void {
  const skip = read(props, "skipDefaultNodeGroup");
  if (skip === true || skip === "true") return;
  nodeGroup(c, props, "", "instanceType");
}

export const EKS_COMPUTE_EXTRACTORS: ReadonlyMap<string, ComputeExtractor> = new Map<
  string,
  ComputeExtractor
>([
  [
    "eks:index:Cluster",
    component(defaultNodeGroup, (c, p) => nodeGroup(c, p, "nodeGroupOptions", "instanceType")),
  ],
  ["eks:index:ManagedNodeGroup", component((c, p) => nodeGroup(c, p, "", "instanceTypes[]"))],
  ["eks:index:NodeGroup", component((c, p) => nodeGroup(c, p, "", "instanceType"))],
  ["eks:index:NodeGroupV2", component((c, p) => nodeGroup(c, p, "", "instanceType"))],
]);

export { awsComponentPlacement as eksPlacement } from "../aws/components";
export { awsComponentResolveInherited as eksResolveInherited } from "../aws/components";
