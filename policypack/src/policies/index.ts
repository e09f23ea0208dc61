// The one registry: every policy of the pack, in the order the engine lists them. The pack, lib's
// exports, PolicyName, the docs and the config checker all derive from this list.
import { aiServiceInRestrictedJurisdiction } from "./ai-service-in-restricted-jurisdiction";
import { gpuInRestrictedJurisdiction } from "./gpu-in-restricted-jurisdiction";
import { gpuOrAiInRestrictedAccount } from "./gpu-or-ai-in-restricted-account";
import { listedForeignProviderResource } from "./listed-foreign-provider-resource";
import { peeringWithListedForeignProvider } from "./peering-with-listed-foreign-provider";
import type { GuardPolicy } from "./rule";
import { toPolicy } from "./rule";

export const POLICY_DEFINITIONS = [
  gpuInRestrictedJurisdiction,
  aiServiceInRestrictedJurisdiction,
  gpuOrAiInRestrictedAccount,
  peeringWithListedForeignProvider,
  listedForeignProviderResource,
] as const;

/** The names of the pack's policies. */
export type PolicyName = (typeof POLICY_DEFINITIONS)[number]["metadata"]["name"];

/** The policies as the SDK runs them. */
export const POLICIES: readonly GuardPolicy[] = POLICY_DEFINITIONS.map((d) => toPolicy(d));

/** A policy's definition by name. */
export function policyDefinition(name: PolicyName): (typeof POLICY_DEFINITIONS)[number] {
  const found = POLICY_DEFINITIONS.find((d) => d.metadata.name === name);
  if (!found) throw new Error(`no policy named ${name}`);
  return found;
}
