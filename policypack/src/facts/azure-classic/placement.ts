// Where a classic Azure resource lands. The azure-native placement logic applies unchanged
// through a package alias: the resource's `location` (display names normalised), the provider
// (pulumi:providers:azure; its default instance takes `location` from stack config
// `azure:location`), stack config `azure:location`, and the cloud (`environment`: public,
// usgovernment, china; stack config `azure:environment`; ARM_ENVIRONMENT).
//
// Children without a location of their own take their parent's, found at stack level through the
// property that holds the parent's ID (`kubernetesClusterId`, `machineLearningWorkspaceId`,
// `cognitiveAccountId`): its property dependencies, the Pulumi parent, a single dependency of the
// parent kind, or the parent's name in a literal ID. A single-country cloud (china) answers at once.
import { readString } from "../../values";
import { azurePlacement } from "../azure";
import type { PackageAlias } from "../common/alias";
import { aliasContext, aliasView, unaliasPlacement } from "../common/alias";
import type { EvalContext, Placement, ResourceView } from "../types";

export const AZURE_CLASSIC_PROVIDER_TYPE = "pulumi:providers:azure";

export const AZURE_CLASSIC_ALIAS: PackageAlias = { from: "azure", to: "azure-native" };

const AKS = "azure:containerservice/kubernetesCluster:KubernetesCluster";
const ML_WORKSPACE = "azure:machinelearning/workspace:Workspace";
const COGNITIVE_ACCOUNT = "azure:cognitive/account:Account";

/** Classic child kinds, the input holding the parent's ID, and the parent kind. */
export const AZURE_CLASSIC_PARENT_LINKS: ReadonlyMap<
  string,
  { readonly via: string; readonly parentTypes: readonly string[] }
> = new Map([
  [
    "azure:containerservice/kubernetesClusterNodePool:KubernetesClusterNodePool",
    { via: "kubernetesClusterId", parentTypes: [AKS] },
  ],
  [
    "azure:machinelearning/computeCluster:ComputeCluster",
    { via: "machineLearningWorkspaceId", parentTypes: [ML_WORKSPACE] },
  ],
  [
    "azure:machinelearning/computeInstance:ComputeInstance",
    { via: "machineLearningWorkspaceId", parentTypes: [ML_WORKSPACE] },
  ],
  [
    "azure:cognitive/deployment:Deployment",
    { via: "cognitiveAccountId", parentTypes: [COGNITIVE_ACCOUNT] },
  ],
]);

/** The placement from the resource's own inputs, provider, stack config and cloud (no parent). */
export function azureClassicOwnPlacement(
  resource: ResourceView,
  token: string,
  ctx: EvalContext,
): Placement {
  const view = aliasView(resource, AZURE_CLASSIC_ALIAS);
  const p = azurePlacement(view, token, aliasContext(ctx, AZURE_CLASSIC_ALIAS));
  return unaliasPlacement(p, AZURE_CLASSIC_ALIAS);
}

export function azureClassicPlacement(
  resource: ResourceView,
  token: string,
  ctx: EvalContext,
): Placement {
  const own = azureClassicOwnPlacement(resource, token, ctx);
  const link = AZURE_CLASSIC_PARENT_LINKS.get(token);
  if (!link) return own;
  const location = readString(resource.props, "location");
  if (location !== undefined) return own; // its own location (or a computed one) decides
  // A sovereign cloud (or a computed environment) decides for parent and child alike.
  if (
    own.status !== "unresolved" &&
    own.status !== "inherited" &&
    own.origin.kind === "environment"
  ) {
    return own;
  }
  return { status: "inherited", cloud: "azure", via: link.via, parentTypes: link.parentTypes };
}
