// Stack phase for Kubernetes resources whose kubeconfig does not name the region: the cluster
// resource of the same stack that the provider's kubeconfig comes from decides. The provider is
// found by its URN among the stack's resources; its kubeconfig's property dependencies (else its
// dependencies) name the cluster: a cluster kind (EKS, AKS, GKE), or a component (`eks:index:Cluster`)
// whose child is one. The cluster's placement is its own package's (region, location, its
// provider's, stack config …). Without such a cluster: the kubeconfig's reading (computed during
// preview, or unresolved with the places tried).
import { normaliseToken } from "../tokens";
import type { EvalContext, Placement, PlacementOrigin, ResourceView } from "../types";
import { CLUSTER_TOKENS, kubeconfigPlacement } from "./placement";

/** What the stack phase needs: the stack's resources by URN, and any resource's placement. */
export interface KubernetesStackView {
  readonly byUrn: ReadonlyMap<string, ResourceView>;
  readonly views: readonly ResourceView[];
  /** The placement of a resource of another package (its own module's, parents followed). */
  placementOf(resource: ResourceView): Placement | undefined;
}

const CLUSTERS: ReadonlySet<string> = new Set(CLUSTER_TOKENS);

function shortType(token: string): string {
  return token.split(":").pop() ?? token;
}

/** The provider resource's URN: the view carries it, or the reference `<urn>::<id>`. */
function providerUrn(resource: ResourceView): string | undefined {
  return resource.provider?.urn;
}

/** Cluster resources among `urns`, and among the children of components among them. */
function clustersIn(urns: readonly string[], stack: KubernetesStackView): ResourceView[] {
  const out: ResourceView[] = [];
  for (const urn of urns) {
    const r = stack.byUrn.get(urn);
    if (!r) continue;
    if (CLUSTERS.has(normaliseToken(r.type))) out.push(r);
    else
      out.push(
        ...stack.views.filter((v) => v.parent === urn && CLUSTERS.has(normaliseToken(v.type))),
      );
  }
  return [...new Set(out)];
}

function findCluster(
  resource: ResourceView,
  stack: KubernetesStackView,
  tried: string[],
): { cluster: ResourceView; how: string; provider: string } | undefined {
  const urn = providerUrn(resource);
  const provider = urn !== undefined ? stack.byUrn.get(urn) : undefined;
  if (!provider) {
    tried.push("the kubernetes provider among the stack's resources (not found)");
    return undefined;
  }
  const name = provider.name;
  const byKubeconfig = clustersIn(provider.propertyDependencies?.["kubeconfig"] ?? [], stack);
  if (byKubeconfig.length === 1 && byKubeconfig[0])
    return { cluster: byKubeconfig[0], how: "its `kubeconfig`", provider: name };
  const byDependency = clustersIn(provider.dependencies ?? [], stack);
  if (byKubeconfig.length === 0 && byDependency.length === 1 && byDependency[0])
    return { cluster: byDependency[0], how: "its dependencies", provider: name };
  const many = Math.max(byKubeconfig.length, byDependency.length);
  tried.push(
    many > 1
      ? `the cluster provider \`${name}\` depends on (${many} candidates)`
      : `an EKS, AKS or GKE cluster resource that provider \`${name}\`'s kubeconfig comes from (none in the stack)`,
  );
  return undefined;
}

/**
 * The placement of a Kubernetes resource at AnalyzeStack: its kubeconfig's when that names the
 * region, else its cluster's, else the kubeconfig's reading (computed or unresolved).
 */
export function resolveKubernetesInherited(
  resource: ResourceView,
  stack: KubernetesStackView,
  ctx: EvalContext,
): Placement {
  const own = kubeconfigPlacement(resource, ctx);
  if (own.status === "resolved") return own;
  const tried = own.status === "unresolved" ? [...own.tried] : [];
  const found = findCluster(resource, stack, tried);
  if (found) {
    const { cluster } = found;
    const label = `cluster ${shortType(normaliseToken(cluster.type))} \`${cluster.name}\` (from provider \`${found.provider}\`'s ${found.how.replace(/^its /, "")})`;
    const p = stack.placementOf(cluster);
    const detail = (o: PlacementOrigin): string => `${label}: ${o.detail}`;
    if (p?.status === "resolved" || p?.status === "computed")
      return { ...p, origin: { kind: "parent", detail: detail(p.origin) } };
    tried.push(
      p?.status === "unresolved"
        ? `${label} (tried ${p.tried.join(", ")})`
        : `${label} (its placement is not known)`,
    );
  }
  if (own.status === "computed") return own;
  return { status: "unresolved", cloud: "kubernetes", tried };
}
