// The shape of a resource kind that carries a CloudFormation template (a stack, a StackSet), as
// the package registry (facts/index.ts) reads it, and the helpers its modules share.
import type { EvalContext, Placement, ResourceView } from "../types";
import type { TemplateContents, TemplateProps } from "./contents";
import { templateContents } from "./contents";
import type { ParameterValue } from "./resolve";
import { Unresolved } from "./resolve";

/** One place a template is deployed to, with what it declares there. */
export interface TemplateDeployment {
  readonly placement: Placement;
  readonly contents: TemplateContents;
}

export interface TemplateKind {
  /** The template's contents when deployed where the resource is placed. */
  contents(resource: ResourceView, placement: Placement): TemplateContents;
  /**
   * For a kind deployed elsewhere than where it is managed (a StackSet: where its instances go):
   * its placement before the stack phase, `inherited`.
   */
  placement?(resource: ResourceView): Placement;
  /** Stack phase: every place the template is deployed to, from the stack's other resources. */
  deployments?(
    resource: ResourceView,
    views: readonly ResourceView[],
    ctx: EvalContext,
  ): readonly TemplateDeployment[];
}

/** The `AWS::Region` a placement gives a template, or why it has none. */
export function regionFor(placement: Placement): string | Unresolved {
  switch (placement.status) {
    case "resolved":
      return placement.region;
    case "computed":
      return new Unresolved({ kind: "deploy-time", expression: "AWS::Region" }, placement.path);
    default:
      return new Unresolved({ kind: "deploy-time", expression: "AWS::Region" });
  }
}

const MAX_CACHED = 64;
const cache = new Map<string, TemplateContents>();

/**
 * `templateContents`, remembered: every policy describes every resource, and a template is parsed
 * once per body, parameters and region. Keyed by value, bounded; cleared when full.
 */
export function cachedContents(
  resource: ResourceView,
  where: TemplateProps,
  region: string | Unresolved,
  overrides: ReadonlyMap<string, ParameterValue> = new Map(),
): TemplateContents {
  const p = resource.props;
  const key = JSON.stringify([
    p[where.body],
    p[where.url],
    p[where.parameters],
    region instanceof Unresolved ? ["?", region.computedPath ?? ""] : region,
    [...overrides].map(([k, v]) => [k, v instanceof Unresolved ? ["?", v.computedPath ?? ""] : v]),
  ]);
  const hit = cache.get(key);
  if (hit) return hit;
  const out = templateContents(p, where, region, overrides);
  if (cache.size >= MAX_CACHED) cache.clear();
  cache.set(key, out);
  return out;
}
