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
// Placement: the AWS provider's chain (the component has no region input; an `aws` provider
// handed to it through `providers` is not visible in its own inputs), and, when that names no
// region, the region its child resources land in, found at AnalyzeStack.
import { classifyAwsInstanceType, unspecifiedAccelerator } from "../../catalogue/accelerators";
import {
  ACCELERATED_EKS_AMI_PATTERNS,
  ACCELERATED_EKS_AMI_TYPES,
} from "../../data/accelerators/aws-platform-hints";
import { Computed, read, readString, readStrings } from "../../values";
import { awsPlacement } from "../aws/placement";
import { matchSetting } from "../aws/platforms";
import type { ComputeExtractor } from "../compute";
import { ComputeCollector } from "../compute";
import type { StackView } from "../common/stack-links";
import { labelOf } from "../common/stack-links";
import { normaliseToken } from "../tokens";
import type { EvalContext, Placement, ResourceView } from "../types";
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

export const EKS_PROVIDER_TYPE = "pulumi:providers:eks";

const CHILDREN = "its child resources";

/**
 * The AWS provider's chain; when it names no region, the component waits for the stack phase,
 * where its children (created through the `aws` provider the program gave it) show the region.
 */
export function eksPlacement(resource: ResourceView, _token: string, ctx: EvalContext): Placement {
  const own = awsPlacement(resource, ctx);
  if (own.status !== "unresolved") return own;
  return { status: "inherited", cloud: "aws", via: CHILDREN, parentTypes: [] };
}

/** Stack phase: the one AWS region the component's descendants land in, else unresolved. */
export function eksResolveInherited(
  resource: ResourceView,
  token: string,
  stack: StackView,
  ctx: EvalContext,
): Placement {
  const own = awsPlacement(resource, ctx);
  if (own.status !== "unresolved") return own;
  const descendants: ResourceView[] = [];
  const below = new Set([resource.urn]);
  for (let grew = true; grew;) {
    grew = false;
    for (const r of stack.views) {
      if (r.parent !== undefined && below.has(r.parent) && !below.has(r.urn)) {
        below.add(r.urn);
        if (normaliseToken(r.type).startsWith("aws:")) descendants.push(r);
        grew = true;
      }
    }
  }
  const placed = descendants
    .map((r) => ({ r, p: stack.placementOf(r) }))
    .filter(
      (x): x is { r: ResourceView; p: Placement & { status: "resolved" } } =>
        x.p?.status === "resolved",
    );
  const first = placed[0];
  if (first && placed.every((x) => x.p.region === first.p.region)) {
    const detail = `region of ${labelOf(first.r)}, a child of ${token.split(":").pop() ?? token} \`${resource.name}\` (its ${first.p.origin.detail})`;
    return { ...first.p, origin: { kind: "parent", detail } };
  }
  return {
    status: "unresolved",
    cloud: "aws",
    tried: [
      ...own.tried,
      placed.length > 1 ? `${CHILDREN} (in more than one region)` : `${CHILDREN} (none placed)`,
    ],
  };
}
