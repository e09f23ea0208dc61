// Classic Azure (@pulumi/azure, `azure:`) facts: VM sizes, placement (azure-native logic through
// a package alias), parent placement at stack level, and accounts.
import { azureAccountFacts } from "../azure/accounts";
import { aliasContext, aliasView, unaliasAccounts } from "../common/alias";
import type { AccountFacts, EvalContext, ResourceView } from "../types";
import { AZURE_CLASSIC_ALIAS } from "./placement";

export { AZURE_CLASSIC_COMPUTE_EXTRACTORS } from "./compute";
export {
  AZURE_CLASSIC_ALIAS,
  AZURE_CLASSIC_PARENT_LINKS,
  AZURE_CLASSIC_PROVIDER_TYPE,
  azureClassicOwnPlacement,
  azureClassicPlacement,
} from "./placement";
export type { ClassicStackIndex } from "./stack";
export { resolveAzureClassicInherited } from "./stack";

/** Subscription, tenant, cloud and metadata host through the azure-native logic. */
export function azureClassicAccountFacts(resource: ResourceView, ctx: EvalContext): AccountFacts {
  const view = aliasView(resource, AZURE_CLASSIC_ALIAS);
  const facts = azureAccountFacts(view, aliasContext(ctx, AZURE_CLASSIC_ALIAS));
  return unaliasAccounts(facts, AZURE_CLASSIC_ALIAS);
}
