// Stack phase for azure-native children whose location is their parent's (parent-links.ts).
import { Computed, readString } from "../../values";
import { normaliseToken } from "../tokens";
import type { EvalContext, Placement, PlacementOrigin, ResourceView } from "../types";
import type { ParentLink } from "./parent-links";
import { AZURE_PARENT_NAME_PROPS } from "./parent-links";
import { azureFallback, azurePlacement } from "./placement";

/** The stack indexed once, so each child resolves in O(1) (plus the few candidates of one name). */
export interface AzureStackIndex {
  readonly byUrn: ReadonlyMap<string, ResourceView>;
  /** Key: normalised parent token + "\u0000" + lower-case name. */
  readonly byName: ReadonlyMap<string, readonly ResourceView[]>;
}

const nameKey = (token: string, name: string): string => `${token}\u0000${name.toLowerCase()}`;

/** Indexes the resources of a stack by URN and, for parent kinds, by name. O(n). */
export function indexStack(stack: readonly ResourceView[]): AzureStackIndex {
  const byUrn = new Map<string, ResourceView>();
  const byName = new Map<string, ResourceView[]>();
  for (const r of stack) {
    byUrn.set(r.urn, r);
    const token = normaliseToken(r.type);
    const nameProp = AZURE_PARENT_NAME_PROPS.get(token);
    if (!nameProp) continue;
    const names = new Set<string>();
    for (const prop of [nameProp, "name"]) {
      const v = readString(r.props, prop);
      if (typeof v === "string") names.add(v.toLowerCase());
    }
    for (const n of names) {
      const key = nameKey(token, n);
      const list = byName.get(key);
      if (list) list.push(r);
      else byName.set(key, [r]);
    }
  }
  return { byUrn, byName };
}

const INDEX_CACHE = new WeakMap<readonly ResourceView[], AzureStackIndex>();

function toIndex(stack: readonly ResourceView[] | AzureStackIndex): AzureStackIndex {
  if (!Array.isArray(stack)) return stack as AzureStackIndex;
  const list = stack as readonly ResourceView[];
  let index = INDEX_CACHE.get(list);
  if (!index) {
    index = indexStack(list);
    INDEX_CACHE.set(list, index);
  }
  return index;
}

function resourceGroupOf(r: ResourceView): string | undefined {
  const rg = readString(r.props, "resourceGroupName");
  if (typeof rg === "string") return rg.toLowerCase();
  const id = readString(r.props, "id");
  if (typeof id === "string") {
    const m = /\/resourceGroups\/([^/]+)/i.exec(id);
    if (m?.[1]) return m[1].toLowerCase();
  }
  return undefined;
}

function isParentType(r: ResourceView | undefined, link: ParentLink): r is ResourceView {
  return r !== undefined && link.parentTypes.includes(normaliseToken(r.type));
}

interface ParentMatch {
  readonly parent: ResourceView;
  /** How it was found, for the tried list when the parent itself is unresolved. */
  readonly how: string;
}

function findParent(
  child: ResourceView,
  link: ParentLink,
  index: AzureStackIndex,
  tried: string[],
): ParentMatch | undefined {
  // 1. The property that names the parent depends on it (`resourceName: cluster.name`).
  const deps = child.propertyDependencies?.[link.via] ?? [];
  for (const urn of deps) {
    const r = index.byUrn.get(urn);
    if (isParentType(r, link)) return { parent: r, how: `property dependency of \`${link.via}\`` };
  }
  tried.push(`property dependencies of \`${link.via}\``);

  // 2. The Pulumi parent.
  if (child.parent !== undefined) {
    const r = index.byUrn.get(child.parent);
    if (isParentType(r, link)) return { parent: r, how: "Pulumi parent" };
  }
  tried.push("Pulumi parent");

  // 3. The parent's name (and resource group) among the stack's resources.
  const name = readString(child.props, link.via);
  if (typeof name === "string") {
    const childRg = resourceGroupOf(child);
    let candidates: ResourceView[] = [];
    for (const t of link.parentTypes)
      candidates.push(...(index.byName.get(nameKey(t, name)) ?? []));
    candidates = candidates.filter((c) => {
      const rg = resourceGroupOf(c);
      return childRg === undefined || rg === undefined || rg === childRg;
    });
    if (candidates.length > 1 && child.provider) {
      const same = candidates.filter((c) => c.provider?.urn === child.provider?.urn);
      if (same.length > 0) candidates = same;
    }
    if (candidates.length === 1 && candidates[0]) {
      return { parent: candidates[0], how: `name \`${name}\`` };
    }
    tried.push(
      candidates.length > 1
        ? `name \`${name}\` (${candidates.length} matching parents)`
        : `name \`${name}\` in the stack`,
    );
  } else {
    tried.push(
      name instanceof Computed ? `name in \`${link.via}\` (computed)` : `name in \`${link.via}\``,
    );
  }

  // 4. A single dependency of the parent kind.
  const parentDeps = (child.dependencies ?? [])
    .map((urn) => index.byUrn.get(urn))
    .filter((r): r is ResourceView => isParentType(r, link));
  const unique = [...new Set(parentDeps)];
  if (unique.length === 1 && unique[0]) return { parent: unique[0], how: "dependency" };
  tried.push("dependencies");
  return undefined;
}

const MAX_DEPTH = 4;

function shortType(token: string): string {
  const parts = token.split(":");
  return parts[parts.length - 1] ?? token;
}

/**
 * Stack phase: the placement of a child whose location is its parent's. The parent is found
 * through `propertyDependencies[via]`, then the Pulumi parent, then by name (and resource group)
 * among the stack's resources of the parent kinds, then as the only dependency of a parent kind.
 * Without a parent: provider location -> stack config -> cloud -> unresolved.
 *
 * Pass `indexStack(stack)` when resolving many children; a plain array is indexed once and cached.
 * A resource that is not `inherited` gets its ordinary placement.
 */
export function resolveInherited(
  child: ResourceView,
  token: string,
  stack: readonly ResourceView[] | AzureStackIndex,
  ctx: EvalContext,
): Placement {
  return resolve(child, token, toIndex(stack), ctx, new Set());
}

function resolve(
  child: ResourceView,
  token: string,
  index: AzureStackIndex,
  ctx: EvalContext,
  seen: Set<string>,
): Placement {
  const own = azurePlacement(child, token, ctx);
  if (own.status !== "inherited") return own;
  const link: ParentLink = { via: own.via, parentTypes: own.parentTypes };
  const tried = ["resource input `location`"];
  seen.add(child.urn);

  const match = findParent(child, link, index, tried);
  if (match && !seen.has(match.parent.urn) && seen.size <= MAX_DEPTH) {
    const parent = match.parent;
    const parentToken = normaliseToken(parent.type);
    const label = `parent ${shortType(parentToken)} \`${parent.name}\``;
    const pp = resolve(parent, parentToken, index, ctx, seen);
    const detail = (origin: PlacementOrigin): string => {
      if (origin.kind === "parent") return `${origin.detail}, through ${label}`;
      return origin.kind === "resource" && origin.detail === "resource input `location`"
        ? `location of ${label}`
        : `location of ${label} (its ${origin.detail})`;
    };
    switch (pp.status) {
      case "resolved":
        return { ...pp, origin: { kind: "parent", detail: detail(pp.origin) } };
      case "computed":
        return { ...pp, origin: { kind: "parent", detail: detail(pp.origin) } };
      case "inherited": // not returned by resolve(); kept for exhaustiveness
        tried.push(`${label}, found by ${match.how}`);
        break;
      case "unresolved":
        tried.push(`${label}, found by ${match.how} (tried ${pp.tried.join(", ")})`);
        break;
    }
  } else {
    tried.push(
      `parent ${link.parentTypes.map(shortType).join("/")} named by \`${link.via}\`: not found`,
    );
  }
  return azureFallback(child, ctx, tried);
}
