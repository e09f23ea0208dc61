// Typed fixtures for account and interconnect facts (views and context from test/support/views.ts). Props are typed with the SDKs' own `…Args`
// interfaces, so a misspelt property name fails to compile instead of silently testing nothing.
import type { ProviderArgs as AwsProviderArgs } from "@pulumi/aws/provider";
import type { ProviderArgs as AzureProviderArgs } from "@pulumi/azure-native/provider";
import type { ProviderView, ResourceView } from "../../../policypack/src/facts/types";
import type { Props } from "../../../policypack/src/values";
import { providerView, resourceView } from "../views";

export { COMPUTED, args, fakeContext } from "../views";

/** Own account and a foreign one, and two subscriptions and tenants. */
export const OWN_ACCOUNT = "111122223333";
export const OTHER_ACCOUNT = "210987654321";
export const OWN_SUB = "0b1f6471-1bf0-4dda-aec3-111122223333";
export const OTHER_SUB = "5c5e3e4a-7d2b-4f11-9a3e-210987654321";
export const TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47";
export const OTHER_TENANT = "aaaabbbb-cccc-4ddd-8eee-ffff00001111";

/** ARM ID of a virtual network in `sub`. */
export function vnetId(sub: string, name = "vnet-a", rg = "rg-net"): string {
  return `/subscriptions/${sub}/resourceGroups/${rg}/providers/Microsoft.Network/virtualNetworks/${name}`;
}

type Loose<T> = { [K in keyof T]?: unknown };

/**
 * An AWS provider view. Inputs are typed after the SDK's ProviderArgs, but values may be JSON
 * strings or sentinels, as the engine sends them.
 */
export function awsProvider(
  props: Loose<AwsProviderArgs> = { region: "us-east-1" },
  name = "default_7_48_0",
): ProviderView {
  return providerView("aws", name, props as Props);
}

export function azureProvider(
  props: Loose<AzureProviderArgs> = { location: "westeurope" },
  name = "default_3_28_0",
): ProviderView {
  return providerView("azure-native", name, props as Props);
}

export function resource(type: string, props: Props, provider?: ProviderView): ResourceView {
  return resourceView(type, props, { provider });
}
