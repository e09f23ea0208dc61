// Typed fixtures for account and interconnect facts. Props are typed with the SDKs' own `…Args`
// interfaces, so a misspelt property name fails to compile instead of silently testing nothing.
import type { ProviderArgs as AwsProviderArgs } from "@pulumi/aws/provider";
import type { ProviderArgs as AzureProviderArgs } from "@pulumi/azure-native/provider";
import type {
  EvalContext,
  ProviderView,
  ResourceView,
} from "../../../../policypack/src/facts/types";
import type { Props } from "../../../../policypack/src/values";

/** The engine's sentinel for a computed value during preview. */
export const COMPUTED = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

const STACK = "urn:pulumi:dev::proj";

/** Own account and a foreign one, and two subscriptions and tenants. */
export const OWN_ACCOUNT = "111122223333";
export const OTHER_ACCOUNT = "210987654321";
export const OWN_SUB = "0b1f6471-1bf0-4dda-aec3-111122223333";
export const OTHER_SUB = "5c5e3e4a-7d2b-4f11-9a3e-210987654321";
export const TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47";
export const OTHER_TENANT = "aaaabbbb-cccc-4ddd-8eee-ffff00001111";

/** Props typed as the SDK's `…Args` interface `T`: `args<VpcPeeringConnectionArgs>({…})`. */
export function args<T extends object>(value: T): Props {
  return value as unknown as Props;
}

/** ARM ID of a virtual network in `sub`. */
export function vnetId(sub: string, name = "vnet-a", rg = "rg-net"): string {
  return `/subscriptions/${sub}/resourceGroups/${rg}/providers/Microsoft.Network/virtualNetworks/${name}`;
}

export function fakeContext(stackConfig: Record<string, string> = {}): EvalContext {
  return {
    stackConfig: new Map(Object.entries(stackConfig)),
    env: {},
    awsProfileRegion: () => undefined,
  };
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
  return {
    type: "pulumi:providers:aws",
    urn: `${STACK}::pulumi:providers:aws::${name}`,
    name,
    props: props as Props,
  };
}

export function azureProvider(
  props: Loose<AzureProviderArgs> = { location: "westeurope" },
  name = "default_3_28_0",
): ProviderView {
  return {
    type: "pulumi:providers:azure-native",
    urn: `${STACK}::pulumi:providers:azure-native::${name}`,
    name,
    props: props as Props,
  };
}

export function resource(type: string, props: Props, provider?: ProviderView): ResourceView {
  return { type, name: "r", urn: `${STACK}::${type}::r`, props, provider };
}
