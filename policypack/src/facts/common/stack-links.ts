// Links between resources of one stack, followed at AnalyzeStack (the only time the engine shows
// the whole stack, with each resource's `dependencies` and `propertyDependencies`). A child names
// another resource through a property (a node pool's `cluster`, a managed instance group's
// `versions[].instanceTemplate`, an endpoint's target); the engine records which resources that
// property's value came from. One finder for every cloud: placement chains (a child placed where
// its parent is), compute links (a group whose machine type is in its template) and the peers of
// an interconnect (its far side declared in the same stack) use it alike.
import type { Placement, ResourceView } from "../types";
import { normaliseToken } from "../tokens";

/** The part of the stack index a link needs: every resource by URN. */
export interface StackResources {
  readonly views: readonly ResourceView[];
  readonly byUrn: ReadonlyMap<string, ResourceView>;
}

/** The stack with each resource's placement as the stack phase knows it. */
export interface StackView extends StackResources {
  /**
   * A resource's placement as the stack shows it: its own chain, then its parent or the resource
   * a computed placement input came from (each resolved once; a cycle ends unresolved).
   */
  placementOf(resource: ResourceView): Placement | undefined;
}

/** What a child names another resource by. */
export interface StackLink {
  /** Top-level input properties that carry the link, most specific first ("cluster", "location"). */
  readonly via: readonly string[];
  /** Type tokens (versions removed) the linked resource may have. */
  readonly targetTypes: readonly string[];
  /**
   * The written value of the link (an ID, self link or name), matched against the candidates'
   * `id`, `selfLink`, `name` and URN-name when no dependency names the target.
   */
  readonly written?: readonly string[];
}

/** A linked resource and how it was found, for messages ("property dependency of `cluster`"). */
export interface LinkMatch {
  readonly target: ResourceView;
  readonly how: string;
}

function isTarget(r: ResourceView | undefined, link: StackLink): r is ResourceView {
  return r !== undefined && link.targetTypes.includes(normaliseToken(r.type));
}

/** The last path segment of an ID or self link, lower case ("…/instanceTemplates/gpu" → "gpu"). */
function tail(value: string): string {
  const parts = value.trim().split("/");
  return (parts[parts.length - 1] ?? "").toLowerCase();
}

function writtenMatches(candidate: ResourceView, written: string): boolean {
  const w = written.trim();
  if (w === "") return false;
  const props = candidate.props as Record<string, unknown>;
  for (const key of ["id", "selfLink", "selfLinkUnique", "arn"]) {
    const v = props[key];
    if (typeof v === "string" && v !== "" && (v === w || v.endsWith(`/${w}`) || w.endsWith(v)))
      return true;
  }
  // A name matches only a bare name or a self link's last segment.
  const name = props["name"];
  return typeof name === "string" && name !== "" && name.toLowerCase() === tail(w);
}

/**
 * The one resource `child` links to through `link`, searched in this order: the property
 * dependencies of each `via` property, the Pulumi parent, the written value among the stack's
 * resources of the target kinds, the only dependency of a target kind. Undefined when none (or
 * more than one) matches; `tried` collects the places looked at, for an unresolved message.
 */
export function findLinked(
  child: ResourceView,
  link: StackLink,
  stack: StackResources,
  tried: string[] = [],
): LinkMatch | undefined {
  for (const via of link.via) {
    const deps = (child.propertyDependencies?.[via] ?? [])
      .map((urn) => stack.byUrn.get(urn))
      .filter((r): r is ResourceView => isTarget(r, link));
    const unique = [...new Set(deps)];
    if (unique.length === 1 && unique[0]) {
      return { target: unique[0], how: `property dependency of \`${via}\`` };
    }
    tried.push(`property dependencies of \`${via}\``);
  }

  if (child.parent !== undefined) {
    const r = stack.byUrn.get(child.parent);
    if (isTarget(r, link)) return { target: r, how: "Pulumi parent" };
  }
  tried.push("Pulumi parent");

  for (const w of link.written ?? []) {
    const found = stack.views.filter(
      (r) => r !== child && isTarget(r, link) && writtenMatches(r, w),
    );
    if (found.length === 1 && found[0]) return { target: found[0], how: `\`${w}\`` };
    tried.push(found.length > 1 ? `\`${w}\` (${found.length} matches)` : `\`${w}\` in the stack`);
  }

  const deps = (child.dependencies ?? [])
    .map((urn) => stack.byUrn.get(urn))
    .filter((r): r is ResourceView => isTarget(r, link));
  const unique = [...new Set(deps)];
  if (unique.length === 1 && unique[0]) return { target: unique[0], how: "dependency" };
  tried.push("dependencies");
  return undefined;
}

/** Every resource of the stack the property `via` of `child` depends on (any kind). */
export function propertySources(
  child: ResourceView,
  via: string,
  stack: StackResources,
): ResourceView[] {
  const out = (child.propertyDependencies?.[via] ?? [])
    .map((urn) => stack.byUrn.get(urn))
    .filter((r): r is ResourceView => r !== undefined);
  return [...new Set(out)];
}

/** "Cluster `main`": a resource named for messages. */
export function labelOf(r: ResourceView): string {
  const parts = normaliseToken(r.type).split(":");
  return `${parts[parts.length - 1] ?? r.type} \`${r.name}\``;
}
