// CloudFormation through @pulumi/aws: a stack's template is judged where the stack is placed (its
// `region` input, else its provider's region …); a StackSet's template where its instances go.
//   aws:cloudformation/stack:Stack           templateBody | templateUrl, parameters
//   aws:cloudformation/stackSet:StackSet     templateBody | templateUrl, parameters
// A StackSet's own `region` is where it is managed, not where its stacks run. Its stacks are the
// `StackSetInstance` (`stackSetInstanceRegion`, else its deprecated `region`, else its provider's
// region) and `StackInstances` (`regions`, else its provider's region) resources of the same
// stack, matched by `stackSetName` (or, when that name is computed, by their dependency on the
// StackSet): each is a placement, judged at the stack phase with its `parameterOverrides`. A
// StackSet with no instance in the stack has nowhere known to go: its placement is unresolved,
// which fails closed when the template declares GPU capacity (an instance declared in another
// stack, or in the console, cannot be seen together with the template).
import { isUnknown, readList } from "../../values";
import { cachedContents, regionFor } from "../cloudformation/kind";
import type { TemplateDeployment, TemplateKind } from "../cloudformation/kind";
import type { TemplateProps } from "../cloudformation/contents";
import { parameterValues, Unresolved } from "../cloudformation/resolve";
import { normaliseToken } from "../tokens";
import type { EvalContext, Placement, PlacementOrigin, ResourceView } from "../types";
import { awsPlacement, awsRegionPlacement } from "./placement";

export const AWS_CFN_STACK = "aws:cloudformation/stack:Stack";
export const AWS_CFN_STACK_SET = "aws:cloudformation/stackSet:StackSet";
export const AWS_CFN_STACK_SET_INSTANCE = "aws:cloudformation/stackSetInstance:StackSetInstance";
export const AWS_CFN_STACK_INSTANCES = "aws:cloudformation/stackInstances:StackInstances";

const WHERE: TemplateProps = { body: "templateBody", url: "templateUrl", parameters: "parameters" };

/** A placement found on an instance resource, worded as such (the finding is on the StackSet). */
function onInstance(p: Placement, instance: ResourceView): Placement {
  const of = ` of ${instance.type} "${instance.name}"`;
  const origin = (o: PlacementOrigin): PlacementOrigin => ({ ...o, detail: `${o.detail}${of}` });
  switch (p.status) {
    case "resolved":
    case "computed":
      return { ...p, origin: origin(p.origin) };
    case "unresolved":
      return { ...p, tried: p.tried.map((t) => `${t}${of}`) };
    default:
      return p;
  }
}

function belongsTo(instance: ResourceView, stackSet: ResourceView): boolean {
  const token = normaliseToken(instance.type);
  if (token !== AWS_CFN_STACK_SET_INSTANCE && token !== AWS_CFN_STACK_INSTANCES) return false;
  const named = instance.props["stackSetName"];
  const name = stackSet.props["name"];
  if (
    typeof named === "string" &&
    typeof name === "string" &&
    !isUnknown(named) &&
    !isUnknown(name)
  ) {
    return named === name;
  }
  return (instance.propertyDependencies?.["stackSetName"] ?? instance.dependencies ?? []).includes(
    stackSet.urn,
  );
}

/** The regions one instance resource deploys to. */
function instancePlacements(instance: ResourceView, ctx: EvalContext): Placement[] {
  if (normaliseToken(instance.type) === AWS_CFN_STACK_SET_INSTANCE) {
    return [
      onInstance(awsPlacement(instance, ctx, ["stackSetInstanceRegion", "region"]), instance),
    ];
  }
  const { items, computed } = readList(instance.props, "regions");
  const out: Placement[] = [];
  if (computed) {
    out.push({
      status: "computed",
      cloud: "aws",
      path: computed.path,
      origin: {
        kind: "resource",
        detail: `resource input \`regions\` of ${instance.type} "${instance.name}"`,
      },
    });
  }
  for (const it of items) {
    if (typeof it.value !== "string" || it.value === "") continue;
    const detail = `resource input \`${it.path}\` of ${instance.type} "${instance.name}"`;
    out.push(awsRegionPlacement(it.value, { kind: "resource", detail }));
  }
  if (out.length > 0) return out;
  // No regions: the provider's region (the resource's own `region` is where it is managed).
  const managed = { ...instance, props: { ...instance.props, region: undefined } };
  return [onInstance(awsPlacement(managed, ctx), instance)];
}

function stackSetDeployments(
  stackSet: ResourceView,
  views: readonly ResourceView[],
  ctx: EvalContext,
): TemplateDeployment[] {
  const out: TemplateDeployment[] = [];
  for (const instance of views) {
    if (!belongsTo(instance, stackSet)) continue;
    const overrides = parameterValues(instance.props["parameterOverrides"], "parameterOverrides");
    for (const placement of instancePlacements(instance, ctx)) {
      out.push({
        placement,
        contents: cachedContents(stackSet, WHERE, regionFor(placement), overrides),
      });
    }
  }
  if (out.length > 0) return out;
  const name = typeof stackSet.props["name"] === "string" ? ` \`${stackSet.props["name"]}\`` : "";
  const placement: Placement = {
    status: "unresolved",
    cloud: "aws",
    tried: [
      `a StackSetInstance or StackInstances resource of StackSet${name} in the stack (none found)`,
    ],
  };
  return [{ placement, contents: cachedContents(stackSet, WHERE, regionFor(placement)) }];
}

export const AWS_TEMPLATE_KINDS: ReadonlyMap<string, TemplateKind> = new Map<string, TemplateKind>([
  [AWS_CFN_STACK, { contents: (r, p) => cachedContents(r, WHERE, regionFor(p)) }],
  [
    AWS_CFN_STACK_SET,
    {
      contents: (r) =>
        cachedContents(
          r,
          WHERE,
          new Unresolved({ kind: "deploy-time", expression: "AWS::Region" }),
        ),
      placement: () => ({
        status: "inherited",
        cloud: "aws",
        via: "stackSetName",
        parentTypes: [AWS_CFN_STACK_SET_INSTANCE, AWS_CFN_STACK_INSTANCES],
      }),
      deployments: stackSetDeployments,
    },
  ],
]);
