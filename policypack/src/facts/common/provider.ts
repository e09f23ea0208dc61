// Reading the provider a resource is created through: which provider it is, whether the engine
// made it from stack config (a default provider) or the program did (an explicit one), and its
// name for messages. Every cloud's placement and account facts use these; an explicit provider
// sends list inputs as JSON strings, which `readList` / `readStrings` (values.ts) decode.
import type { ProviderView, ResourceView } from "../types";

const PROVIDER_TYPE_PREFIX = "pulumi:providers:";

/** "aws" → "pulumi:providers:aws". */
export function providerTypeOf(pkg: string): string {
  return `${PROVIDER_TYPE_PREFIX}${pkg}`;
}

/** "pulumi:providers:gcp" → "gcp". */
export function packageOfProviderType(type: string): string {
  return type.startsWith(PROVIDER_TYPE_PREFIX) ? type.slice(PROVIDER_TYPE_PREFIX.length) : type;
}

/** The resource's provider when it is of `type` ("pulumi:providers:aws"). */
export function providerOf(resource: ResourceView, type: string): ProviderView | undefined {
  const p = resource.provider;
  return p && p.type === type ? p : undefined;
}

/** Default providers are named `default` or `default_<version>` (e.g. `default_7_48_0`). */
export function isDefaultProvider(provider: ProviderView): boolean {
  return /^default(_[0-9a-z_-]+)?$/i.test(providerName(provider));
}

/** The provider's name, from `name`, else the last segment of its URN, else its package. */
export function providerName(provider: ProviderView): string {
  if (provider.name) return provider.name;
  const urn = provider.urn.split("::").pop();
  return urn && urn !== provider.urn ? urn : provider.urn || packageOfProviderType(provider.type);
}
