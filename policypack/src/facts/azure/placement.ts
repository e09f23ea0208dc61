// Where an azure-native resource lands: its location, its parent's location, or the location and
// cloud (environment) of the provider that creates it.
//
// Order for one resource (`azurePlacement`), declared as steps of the one chain
// (common/placement-chain.ts, which also holds the one unknown-value rule):
//   1. the resource's own location. Machine Learning computes also have `properties.computeLocation`
//      ("Location for the underlying compute"), which wins when set. Display names such as
//      "China East 2" are normalised ("chinaeast2"). The provider's `Check` fills `location` from the
//      provider `location` or the resource group, so post-Check inputs usually carry it; a resource
//      group created in the same run makes it computed.
//   2. child kinds whose location belongs to a parent (parent-links.ts): `inherited`, resolved by
//      the stack phase (stack.ts).
//   3. the provider's `location` (pulumi:providers:azure-native).
//   4. stack config `azure-native:location`.
//   5. the cloud the provider talks to (provider `environment`, stack config
//      `azure-native:environment`, env `ARM_ENVIRONMENT`): a sovereign cloud whose regions all lie
//      in one country (china -> CN, usgovernment -> US) places the resource in that country.
//   6. unresolved, naming every place that was tried.
// An unknown value stops the search: the answer is "known at `pulumi up`", never a guess from a
// later step.
//
// Environment versus location. The provider can only create resources in the cloud it talks to,
// and each cloud's Resource Manager accepts only its own regions (the Azure China cloud has only
// china* regions). So when the environment names a sovereign cloud, the country comes from the
// environment unless the location is a catalogued region of that same cloud: an `eastus` written
// under `environment: china` means CN, and so does a computed or inherited location. A computed
// environment makes every placement computed, because it may name any cloud.
import type { CountryCode } from "../../data/types";
import {
  azureEnvironmentCountry,
  lookupAzureLocation,
  normaliseAzureLocation,
} from "../../catalogue/regions";
import { readList, readString } from "../../values";
import type { ChainInput, Found, RegionReading, Step } from "../common/placement-chain";
import {
  chainInput,
  classify,
  configSource,
  envSource,
  placementOf,
  providerSource,
  resourceInputs,
  search,
} from "../common/placement-chain";
import { normaliseToken } from "../tokens";
import type { EvalContext, Placement, PlacementOrigin, ResourceView } from "../types";
import { AZURE_PARENT_LINKS } from "./parent-links";

export const AZURE_PROVIDER_TYPE = "pulumi:providers:azure-native";
export const AZURE_LOCATION_CONFIG = "azure-native:location";
export const AZURE_ENVIRONMENT_CONFIG = "azure-native:environment";
/** The variable the provider reads when no `environment` is configured. */
export const AZURE_ENVIRONMENT_VARIABLE = "ARM_ENVIRONMENT";

/** Machine Learning computes: the underlying compute's location wins over the resource's. */
const COMPUTE_LOCATION_TOKENS: ReadonlySet<string> = new Set([
  "azure-native:machinelearningservices:Compute",
]);
const COMPUTE_LOCATION_PATH = "properties.computeLocation";

/** How Azure names its sovereign clouds in messages. */
const CLOUD_NAMES: ReadonlyMap<string, string> = new Map([
  ["public", "Azure public cloud"],
  ["china", "Azure China cloud"],
  ["usgovernment", "Azure Government cloud"],
]);

// ---------------------------------------------------------------------------------------------
// The declared steps

/** Steps 1: the resource's own location (an ML compute's underlying compute location first). */
const ownSteps = (at: ChainInput, kind: string): Step[] => [
  ...(COMPUTE_LOCATION_TOKENS.has(kind) ? [resourceInputs(at, COMPUTE_LOCATION_PATH)] : []),
  resourceInputs(at, "location"),
];

/** Steps 3-4: the provider's location, then stack config (which Azure reads for any provider). */
const fallbackSteps = (at: ChainInput): Step[] => [
  () =>
    at.provider
      ? { sources: [providerSource(at.provider, "location", "provider `location`")] }
      : { sources: [], tried: ["provider `location` (no azure-native provider in view)"] },
  () => ({ sources: [configSource(at.ctx, AZURE_LOCATION_CONFIG)] }),
];

/** The cloud the provider talks to: provider `environment`, stack config, ARM_ENVIRONMENT. */
const cloudSteps = (at: ChainInput): Step[] => [
  () => ({
    sources: at.provider
      ? [providerSource(at.provider, "environment", "provider `environment`")]
      : [],
  }),
  () => ({ sources: [configSource(at.ctx, AZURE_ENVIRONMENT_CONFIG)] }),
  () => ({
    sources: [
      envSource(
        at.ctx,
        AZURE_ENVIRONMENT_VARIABLE,
        `environment variable \`${AZURE_ENVIRONMENT_VARIABLE}\``,
      ),
    ],
  }),
];

// ---------------------------------------------------------------------------------------------
// Azure's normalisation: display names, and the cloud (environment)

/** "China East 2" -> chinaeast2, with its catalogue entry. */
function readAzureLocation(written: string): RegionReading {
  const region = normaliseAzureLocation(written);
  const entry = lookupAzureLocation(written) ?? lookupAzureLocation(region);
  return {
    region: entry?.name ?? region,
    ...(entry ? { entry } : {}),
    ...(entry?.country ? { country: entry.country } : {}),
  };
}

/** "AzureChinaCloud", "China" -> "china"; "AzureUSGovernment" -> "usgovernment". */
function cloudKey(environment: string): string {
  return environment
    .trim()
    .toLowerCase()
    .replace(/^azure/, "")
    .replace(/cloud$/, "");
}

interface CloudInfo {
  /** "china", "usgovernment", "public". */
  readonly key: string;
  readonly name: string;
  readonly country?: CountryCode;
  readonly origin: PlacementOrigin;
}

type Unknown = Extract<Found, { kind: "unknown" }>;

/** The cloud the provider talks to, as far as the inputs show it. */
function readCloud(at: ChainInput): CloudInfo | Unknown | undefined {
  const found = search(cloudSteps(at));
  if (found.kind === "not-given") return undefined;
  if (found.kind === "unknown") {
    return { ...found, origin: { kind: "environment", detail: found.origin.detail } };
  }
  const key = cloudKey(found.written);
  const country = azureEnvironmentCountry(found.written) ?? azureEnvironmentCountry(key);
  return {
    key,
    name: CLOUD_NAMES.get(key) ?? `Azure ${found.written} cloud`,
    country,
    origin: { kind: "environment", detail: `${found.origin.detail} \`${found.written}\`` },
  };
}

function isUnknownCloud(cloud: CloudInfo | Unknown | undefined): cloud is Unknown {
  return cloud !== undefined && "kind" in cloud;
}

/** A sovereign cloud whose regions all lie in one country. */
function isCountryCloud(
  cloud: CloudInfo | Unknown | undefined,
): cloud is CloudInfo & { country: string } {
  return (
    cloud !== undefined &&
    !isUnknownCloud(cloud) &&
    cloud.country !== undefined &&
    cloud.key !== "public"
  );
}

function cloudPlacement(cloud: CloudInfo & { country: string }, written?: string): Placement {
  const region = written === undefined ? cloud.name : normaliseAzureLocation(written);
  const detail =
    written === undefined
      ? cloud.origin.detail
      : `${cloud.origin.detail} (the ${cloud.name} has only its own regions, so location \`${written}\` cannot apply)`;
  return {
    status: "resolved",
    cloud: "azure",
    written: written ?? cloud.name,
    region,
    country: cloud.country,
    origin: { kind: "environment", detail },
  };
}

/**
 * Applies the cloud to a location found. A sovereign cloud decides the country unless the location
 * is one of its own catalogued regions; an unknown cloud makes the placement unknown.
 */
function withinCloud(
  found: Exclude<Found, { kind: "not-given" }>,
  cloud: CloudInfo | Unknown | undefined,
): Placement {
  if (isUnknownCloud(cloud)) return placementOf("azure", cloud, readAzureLocation);
  if (found.kind === "unknown") {
    return isCountryCloud(cloud)
      ? cloudPlacement(cloud)
      : placementOf("azure", found, readAzureLocation);
  }
  const placement = placementOf("azure", found, readAzureLocation);
  if (!isCountryCloud(cloud)) return placement;
  const entry = placement.status === "resolved" ? placement.entry : undefined;
  if (entry && entry.partition.toLowerCase() === cloud.key) return placement;
  return cloudPlacement(cloud, found.written);
}

/** Steps 3-6: provider location -> stack config -> cloud -> unresolved. */
function fallback(
  at: ChainInput,
  cloud: CloudInfo | Unknown | undefined,
  tried: string[],
): Placement {
  const found = search(fallbackSteps(at), tried);
  if (found.kind !== "not-given") return withinCloud(found, cloud);
  if (isUnknownCloud(cloud)) return placementOf("azure", cloud, readAzureLocation);
  if (isCountryCloud(cloud)) return cloudPlacement(cloud);
  tried.push(
    cloud
      ? `${cloud.origin.detail} (not a single-country cloud)`
      : `provider \`environment\`, stack config \`${AZURE_ENVIRONMENT_CONFIG}\`, environment variable \`${AZURE_ENVIRONMENT_VARIABLE}\``,
  );
  return { status: "unresolved", cloud: "azure", tried };
}

/** Steps 3-6 for a resource whose parent gave no placement (the stack phase). */
export function azureFallback(
  resource: ResourceView,
  ctx: EvalContext,
  tried: string[],
): Placement {
  const at = chainInput(resource, ctx, AZURE_PROVIDER_TYPE);
  return fallback(at, readCloud(at), tried);
}

// ---------------------------------------------------------------------------------------------
// One resource

/** Where one azure-native resource lands, from its own inputs, its provider and the stack config. */
export function azurePlacement(resource: ResourceView, token: string, ctx: EvalContext): Placement {
  const kind = normaliseToken(token);
  const at = chainInput(resource, ctx, AZURE_PROVIDER_TYPE);
  const cloud = readCloud(at);
  const tried: string[] = [];

  const own = search(ownSteps(at, kind), tried);
  if (own.kind !== "not-given") return withinCloud(own, cloud);

  const link = AZURE_PARENT_LINKS.get(kind);
  if (link) {
    if (isUnknownCloud(cloud)) return placementOf("azure", cloud, readAzureLocation);
    // The parent lives in the same cloud as the child, so a single-country cloud answers at once.
    if (isCountryCloud(cloud)) return cloudPlacement(cloud);
    return { status: "inherited", cloud: "azure", via: link.via, parentTypes: link.parentTypes };
  }
  return fallback(at, cloud, tried);
}

/**
 * Locations beyond the main one: Compute Fleet `additionalLocationsProfile.locationProfiles[].location`
 * and Cognitive Services multi-region `properties.locations.regions[].name`.
 */
export function azureAdditionalPlacements(
  resource: ResourceView,
  token: string,
  ctx: EvalContext,
): Placement[] {
  const list = ADDITIONAL_LOCATIONS.get(normaliseToken(token));
  if (!list) return [];
  const cloud = readCloud(chainInput(resource, ctx, AZURE_PROVIDER_TYPE));
  const out: Placement[] = [];
  const items = readList(resource.props, list.list);
  if (items.computed) {
    const origin = resourceOrigin(items.computed.path);
    out.push(
      placementOf(
        "azure",
        { kind: "unknown", path: items.computed.path, origin },
        readAzureLocation,
      ),
    );
  }
  for (const item of items.items) {
    const path = `${item.path}.${list.field}`;
    const value = readString(item.value, list.field, item.path);
    const found = classify({ value, origin: resourceOrigin(path), key: path });
    if (found) out.push(withinCloud(found, cloud));
  }
  return out;
}

function resourceOrigin(path: string): PlacementOrigin {
  return { kind: "resource", detail: `resource input \`${path}\`` };
}

const ADDITIONAL_LOCATIONS: ReadonlyMap<string, { list: string; field: string }> = new Map([
  [
    "azure-native:azurefleet:Fleet",
    { list: "additionalLocationsProfile.locationProfiles", field: "location" },
  ],
  [
    "azure-native:cognitiveservices:Account",
    { list: "properties.locations.regions", field: "name" },
  ],
]);
