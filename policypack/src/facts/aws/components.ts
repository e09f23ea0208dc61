// Placement of AWS multi-language components (@pulumi/eks, @pulumi/awsx): the AWS provider's chain
// (a component has no region input, and an `aws` provider handed to it through `providers` is not
// visible in its own inputs), and, when that names no region, the region its child resources land
// in, found at AnalyzeStack.
import type { StackView } from "../common/stack-links";
import { labelOf } from "../common/stack-links";
import { normaliseToken } from "../tokens";
import type { EvalContext, Placement, ResourceView } from "../types";
import { awsPlacement } from "./placement";

const CHILDREN = "its child resources";

/**
 * The AWS provider's chain; when it names no region, the component waits for the stack phase,
 * where its children (created through the `aws` provider the program gave it) show the region.
 */
export function awsComponentPlacement(
  resource: ResourceView,
  _token: string,
  ctx: EvalContext,
): Placement {
  const own = awsPlacement(resource, ctx);
  if (own.status !== "unresolved") return own;
  return { status: "inherited", cloud: "aws", via: CHILDREN, parentTypes: [] };
}

/** Stack phase: the one AWS region the component's descendants land in, else unresolved. */
export function awsComponentResolveInherited(
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
