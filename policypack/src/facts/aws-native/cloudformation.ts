// CloudFormation through @pulumi/aws-native (Cloud Control):
//   aws-native:cloudformation:Stack      templateBody (a string, or the template as an object) |
//                                        templateUrl, parameters (a map); judged where the stack is
//                                        placed (its provider's region …).
//   aws-native:cloudformation:StackSet   templateBody | templateUrl, parameters
//                                        ([{ parameterKey, parameterValue }]); deployed to every
//                                        `stackInstancesGroup[].regions` item with that group's
//                                        `parameterOverrides`, judged at the stack phase like the
//                                        @pulumi/aws StackSet. No group: unresolved (fails closed).
import { readList } from "../../values";
import type { TemplateProps } from "../cloudformation/contents";
import type { TemplateDeployment, TemplateKind } from "../cloudformation/kind";
import { cachedContents, regionFor } from "../cloudformation/kind";
import { parameterValues, Unresolved } from "../cloudformation/resolve";
import type { EvalContext, Placement, ResourceView } from "../types";
import { awsRegionPlacement } from "../aws/placement";

const WHERE: TemplateProps = { body: "templateBody", url: "templateUrl", parameters: "parameters" };

function stackSetDeployments(
  stackSet: ResourceView,
  _views: readonly ResourceView[],
  _ctx: EvalContext,
): TemplateDeployment[] {
  const out: TemplateDeployment[] = [];
  const groups = readList(stackSet.props, "stackInstancesGroup");
  const push = (placement: Placement, overrides = new Map<string, string | Unresolved>()): void => {
    out.push({
      placement,
      contents: cachedContents(stackSet, WHERE, regionFor(placement), overrides),
    });
  };
  if (groups.computed) {
    push({
      status: "computed",
      cloud: "aws",
      path: groups.computed.path,
      origin: { kind: "resource", detail: `resource input \`${groups.computed.path}\`` },
    });
  }
  for (const group of groups.items) {
    const overrides = parameterValues(
      (group.value as Record<string, unknown>)["parameterOverrides"],
      `${group.path}.parameterOverrides`,
    );
    const regions = readList(group.value, "regions", group.path);
    if (regions.computed) {
      push(
        {
          status: "computed",
          cloud: "aws",
          path: regions.computed.path,
          origin: { kind: "resource", detail: `resource input \`${regions.computed.path}\`` },
        },
        overrides,
      );
    }
    for (const r of regions.items) {
      if (typeof r.value !== "string" || r.value === "") continue;
      const origin = { kind: "resource", detail: `resource input \`${r.path}\`` } as const;
      push(awsRegionPlacement(r.value, origin), overrides);
    }
  }
  if (out.length > 0) return out;
  const placement: Placement = {
    status: "unresolved",
    cloud: "aws",
    tried: ["resource input `stackInstancesGroup[].regions` (none given)"],
  };
  return [{ placement, contents: cachedContents(stackSet, WHERE, regionFor(placement)) }];
}

export const AWS_NATIVE_TEMPLATE_KINDS: ReadonlyMap<string, TemplateKind> = new Map<
  string,
  TemplateKind
>([
  [
    "aws-native:cloudformation:Stack",
    { contents: (r, p) => cachedContents(r, WHERE, regionFor(p)) },
  ],
  [
    "aws-native:cloudformation:StackSet",
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
        via: "stackInstancesGroup",
        parentTypes: [],
      }),
      deployments: stackSetDeployments,
    },
  ],
]);
