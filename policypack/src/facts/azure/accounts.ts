// Which Azure subscriptions, tenants and clouds a resource is tied to.
//
// From the resource's provider (`pulumi:providers:azure-native`, inputs as in
// @pulumi/azure-native 3.28.0 provider.d.ts): `subscriptionId`, `tenantId`, `auxiliaryTenantIds`
// (sent as a JSON string by an explicit provider; both forms are read), `environment` (public,
// usgovernment, china; catalogue/regions.ts gives the country of a sovereign cloud) and `metadataHost`
// (the host the provider reads the cloud's endpoints from; its domain names the cloud, see
// METADATA_HOST_CLOUDS). The provider ignores `environment` when `metadataHost` is set; both are
// reported, each with the country it implies.
//
// Default providers (named `default` or `default_<version>`, or no provider in the view) take
// their inputs from stack config, so `azure-native:<key>` fills any input the provider view lacks.
// Explicit providers never read stack config.
//
// From the resource's own props: the subscription of every ARM resource ID
// (`/subscriptions/<guid>/…`) found anywhere among them, including inside JSON strings and longer
// text, and GUIDs under keys named `subscriptionId` / `tenantId`.
//
// Computed values: computed provider inputs, and computed `subscriptionId` / `tenantId` props, are
// reported in `computed`. Computed ARM IDs among the props are not: they are almost always IDs of
// resources of the same deployment, which the provider's subscription covers.
//
// Subscription and tenant GUIDs are reported in lower case (they compare case-insensitively).
import {
  azureEnvironmentCountry,
  lookupMetadataHost,
  metadataHostName,
} from "../../catalogue/regions";
import type { CountryCode } from "../../data/types";
import type { Read } from "../../values";
import { Computed, isUnknown, readString, readStrings } from "../../values";
import { findSubscriptionIds, isGuid, walkStrings } from "../arn";
import type { AccountFacts, AccountTie, EvalContext, ProviderView, ResourceView } from "../types";
import { isDefaultProvider, providerOf } from "../common/provider";
import { AZURE_PROVIDER_TYPE } from "./placement";

export const AZURE_CONFIG_NAMESPACE = "azure-native";

export function azureAccountFacts(resource: ResourceView, ctx: EvalContext): AccountFacts {
  const ties = new TieList();
  const provider = providerOf(resource, AZURE_PROVIDER_TYPE);
  const fromConfig = provider === undefined || isDefaultProvider(provider);
  const input = (key: string) => providerInput(provider, key, fromConfig, ctx);

  const subscription = input("subscriptionId");
  if (subscription) ties.value("azure-subscription", subscription, guidValue);

  const tenant = input("tenantId");
  if (tenant) ties.value("azure-tenant", tenant, guidValue);

  auxiliaryTenants(provider, fromConfig, ctx, ties);

  const environment = input("environment");
  if (environment) {
    ties.value("azure-environment", environment, (v) => v.trim(), azureEnvironmentCountry);
  }

  const host = input("metadataHost");
  if (host) {
    ties.value(
      "azure-metadata-host",
      host,
      metadataHostName,
      (v) => lookupMetadataHost(v)?.country,
    );
  }

  propTies(resource.props, ties);
  return ties.result();
}

/** A value found for a provider input, with where it came from. */
interface Found {
  readonly value: Read<string>;
  readonly path: string;
}

function providerInput(
  provider: ProviderView | undefined,
  key: string,
  fromConfig: boolean,
  ctx: EvalContext,
): Found | undefined {
  if (provider) {
    const v = readString(provider.props, key, "provider");
    if (v instanceof Computed) return { value: v, path: v.path };
    if (v !== undefined && v.trim() !== "") return { value: v, path: `provider.${key}` };
  }
  if (!fromConfig) return undefined;
  const found = configValue(ctx, key);
  if (!found) return undefined;
  if (isUnknown(found.value)) return { value: new Computed(found.path), path: found.path };
  return found;
}

/** Stack config `azure-native:<key>` (or the older `azure-native:config:<key>` form). */
function configValue(ctx: EvalContext, key: string): { value: string; path: string } | undefined {
  for (const name of [
    `${AZURE_CONFIG_NAMESPACE}:${key}`,
    `${AZURE_CONFIG_NAMESPACE}:config:${key}`,
  ]) {
    const v = ctx.stackConfig.get(name);
    if (v !== undefined && v.trim() !== "") return { value: v, path: `config.${name}` };
  }
  return undefined;
}

function auxiliaryTenants(
  provider: ProviderView | undefined,
  fromConfig: boolean,
  ctx: EvalContext,
  ties: TieList,
): void {
  const key = "auxiliaryTenantIds";
  if (provider) {
    const { values, computed } = readStrings(provider.props, key, "provider");
    if (computed) ties.computed(computed.path);
    for (const v of values)
      ties.add({ kind: "azure-tenant", value: guidValue(v.value), path: v.path });
    if (computed || values.length > 0) return;
  }
  if (!fromConfig) return;
  const found = configValue(ctx, key);
  if (!found) return;
  const { values, computed } = readStrings({ [key]: found.value }, key);
  if (computed) ties.computed(found.path);
  for (const v of values) {
    ties.add({
      kind: "azure-tenant",
      value: guidValue(v.value),
      path: v.path.replace(key, found.path),
    });
  }
}

function propTies(props: unknown, ties: TieList): void {
  walkStrings(props, "props", (value, path, key) => {
    const named = key === "subscriptionId" || key === "tenantId";
    if (isUnknown(value)) {
      if (named) ties.computed(path);
      return;
    }
    if (named && isGuid(value)) {
      const kind = key === "subscriptionId" ? "azure-subscription" : "azure-tenant";
      ties.add({ kind, value: guidValue(value), path });
    }
    for (const id of findSubscriptionIds(value)) {
      ties.add({ kind: "azure-subscription", value: id, path });
    }
  });
}

/** GUIDs in lower case; anything else trimmed as written. */
function guidValue(value: string): string {
  const t = value.trim();
  return isGuid(t) ? t.toLowerCase() : t;
}

class TieList {
  private readonly ties: AccountTie[] = [];
  private readonly seen = new Set<string>();
  private readonly unknown: string[] = [];

  /** A provider or config value: computed, or one tie. */
  value(
    kind: AccountTie["kind"],
    found: Found,
    normalise: (value: string) => string,
    countryOf?: (value: string) => CountryCode | undefined,
  ): void {
    if (found.value instanceof Computed) {
      this.computed(found.value.path);
      return;
    }
    if (found.value === undefined) return;
    const value = normalise(found.value);
    if (value === "") return;
    const country = countryOf?.(found.value);
    this.add({ kind, value, path: found.path, ...(country ? { country } : {}) });
  }

  add(tie: AccountTie): void {
    const key = `${tie.kind}\u0000${tie.value}\u0000${tie.path}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.ties.push(tie);
  }

  computed(path: string): void {
    if (!this.unknown.includes(path)) this.unknown.push(path);
  }

  result(): AccountFacts {
    return { ties: [...this.ties], computed: [...this.unknown] };
  }
}
