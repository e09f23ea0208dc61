// Stack phase for classic Azure children whose location is their parent's (see placement.ts).
import { readString } from "../../values";
import { normaliseToken } from "../tokens";
import type { EvalContext, Placement, PlacementOrigin, ResourceView } from "../types";
import {
  AZURE_CLASSIC_PARENT_LINKS,
  azureClassicOwnPlacement,
  azureClassicPlacement,
} from "./placement";

export interface ClassicStackIndex {
  readonly byUrn: ReadonlyMap<string, ResourceView>;
  readonly views: readonly ResourceView[];
}

function shortType(token: string): string {
  return token.split(":").pop() ?? token;
}

/** The name an Azure resource ID ends with: ".../managedClusters/aks1" → "aks1". */
function nameInId(id: string): string | undefined {
  const parts = id.split("/").filter((p) => p !== "");
  return parts.length >= 2 ? parts[parts.length - 1]?.toLowerCase() : undefined;
}

function lowerName(r: ResourceView): string | undefined {
  const v = readString(r.props, "name");
  return typeof v === "string" ? v.toLowerCase() : undefined;
}

function findParent(
  child: ResourceView,
  via: string,
  parentTypes: readonly string[],
  index: ClassicStackIndex,
): { parent: ResourceView; how: string } | undefined {
  const isParent = (r: ResourceView | undefined): r is ResourceView =>
    r !== undefined && parentTypes.includes(normaliseToken(r.type));
  for (const urn of child.propertyDependencies?.[via] ?? []) {
    const r = index.byUrn.get(urn);
    if (isParent(r)) return { parent: r, how: `property dependency of \`${via}\`` };
  }
  if (child.parent !== undefined) {
    const r = index.byUrn.get(child.parent);
    if (isParent(r)) return { parent: r, how: "Pulumi parent" };
  }
  const id = readString(child.props, via);
  const name = typeof id === "string" ? nameInId(id) : undefined;
  if (name !== undefined) {
    const named = index.views.filter((r) => isParent(r) && lowerName(r) === name);
    if (named.length === 1 && named[0])
      return { parent: named[0], how: `name \`${name}\` in \`${via}\`` };
  }
  const deps = [
    ...new Set((child.dependencies ?? []).map((u) => index.byUrn.get(u)).filter(isParent)),
  ];
  if (deps.length === 1 && deps[0]) return { parent: deps[0], how: "dependency" };
  return undefined;
}

/**
 * The placement of a classic child at stack level: its parent's placement when the parent is in
 * the stack, else its own provider / stack config / cloud, else unresolved.
 */
export function resolveAzureClassicInherited(
  child: ResourceView,
  token: string,
  index: ClassicStackIndex,
  ctx: EvalContext,
): Placement {
  const first = azureClassicPlacement(child, token, ctx);
  if (first.status !== "inherited") return first;
  const link = AZURE_CLASSIC_PARENT_LINKS.get(token);
  const match = link ? findParent(child, link.via, link.parentTypes, index) : undefined;
  const fallback = azureClassicOwnPlacement(child, token, ctx);
  if (!match) {
    if (fallback.status !== "unresolved") return fallback;
    return {
      ...fallback,
      tried: [
        `parent ${first.parentTypes.map(shortType).join("/")} named by \`${first.via}\`: not found`,
        ...fallback.tried,
      ],
    };
  }
  const parentToken = normaliseToken(match.parent.type);
  const label = `parent ${shortType(parentToken)} \`${match.parent.name}\``;
  const pp = azureClassicOwnPlacement(match.parent, parentToken, ctx);
  const origin = (o: PlacementOrigin): PlacementOrigin => ({
    kind: "parent",
    detail: `location of ${label} (its ${o.detail}), found by ${match.how}`,
  });
  switch (pp.status) {
    case "resolved":
    case "computed":
      return { ...pp, origin: origin(pp.origin) };
    case "unresolved":
      return fallback.status === "unresolved"
        ? { ...fallback, tried: [`${label} (tried ${pp.tried.join(", ")})`, ...fallback.tried] }
        : fallback;
    case "inherited":
      return fallback;
  }
}
