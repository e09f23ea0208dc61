// Every policy of the pack, in the order the engine lists them.
import { aiServiceInRestrictedJurisdiction } from "./ai-service-in-restricted-jurisdiction";
import { gpuInRestrictedJurisdiction } from "./gpu-in-restricted-jurisdiction";
import { gpuOrAiInRestrictedAccount } from "./gpu-or-ai-in-restricted-account";
import { listedForeignProviderResource } from "./listed-foreign-provider-resource";
import { peeringWithListedForeignProvider } from "./peering-with-listed-foreign-provider";
import type { GuardPolicy } from "./rule";

export const POLICIES: readonly GuardPolicy[] = [
  gpuInRestrictedJurisdiction,
  aiServiceInRestrictedJurisdiction,
  gpuOrAiInRestrictedAccount,
  peeringWithListedForeignProvider,
  listedForeignProviderResource,
];

export {
  aiServiceInRestrictedJurisdiction,
  gpuInRestrictedJurisdiction,
  gpuOrAiInRestrictedAccount,
  listedForeignProviderResource,
  peeringWithListedForeignProvider,
};
