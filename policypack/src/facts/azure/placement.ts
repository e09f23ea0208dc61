// Where an azure-native resource lands: its location, its parent's location, or the location and
// cloud (environment) of the provider that creates it.
//
// Order for one resource (`azurePlacement`):
//   1. the resource's own location. Machine Learning computes also have `properties.computeLocation`
//      ("Location for the underlying compute"), which wins when set. Display names such as
//      "China East 2" are normalised ("chinaeast2"). The provider's `Check` fills `location` from the
//      provider `location` or the resource group, so post-Check inputs usually carry it; a resource
//      group created in the same run makes it computed.
//   2. child kinds whose location belongs to a parent (AKS AgentPool -> ManagedCluster, Batch Pool ->
//      BatchAccount, Cognitive Services account children -> Account, Machine Learning children ->
//      Workspace, Service Fabric NodeType -> ManagedCluster …): `inherited`, resolved by the stack
//      phase (`resolveInherited`).
//   3. the provider's `location` (pulumi:providers:azure-native).
//   4. stack config `azure-native:location`.
//   5. the cloud the provider talks to (provider `environment`, stack config
//      `azure-native:environment`, env `ARM_ENVIRONMENT`): a sovereign cloud whose regions all lie
//      in one country (china -> CN, usgovernment -> US) places the resource in that country.
//   6. unresolved, naming every place that was tried.
// A computed value stops the search: the answer is "known at `pulumi up`", never a guess from a
// later step.
//
// Environment versus location. The provider can only create resources in the cloud it talks to,
// and each cloud's Resource Manager accepts only its own regions (the Azure China cloud has only
// china* regions). So when the environment names a sovereign cloud, the country comes from the
// environment unless the location is a catalogued region of that same cloud: an `eastus` written
// under `environment: china` means CN, and so does a computed or inherited location. A computed
// environment makes every placement computed, because it may name any cloud.
import type { CountryCode, RegionEntry } from "../../data/types";
import {
  azureEnvironmentCountry,
  lookupAzureLocation,
  normaliseAzureLocation,
} from "../../catalogue/regions";
import { normaliseToken } from "../tokens";
import type { EvalContext, Placement, PlacementOrigin, ResourceView } from "../types";
import { Computed, readList, readString } from "../../values";

export const AZURE_PROVIDER_TYPE = "pulumi:providers:azure-native";
export const AZURE_LOCATION_CONFIG = "azure-native:location";
export const AZURE_ENVIRONMENT_CONFIG = "azure-native:environment";
/** The variable the provider reads when no `environment` is configured. */
export const AZURE_ENVIRONMENT_VARIABLE = "ARM_ENVIRONMENT";

/** How a child resource names the parent that owns its location. */
export interface ParentLink {
  /** Child property that names the parent: "resourceName", "accountName", "workspaceName". */
  readonly via: string;
  /** Parent type tokens (normalised) that carry the location. */
  readonly parentTypes: readonly string[];
}

/**
 * Each parent kind and the input property that holds its own name. The stack phase also matches
 * the output `name`.
 */
export const AZURE_PARENT_NAME_PROPS: ReadonlyMap<string, string> = new Map([
  ["azure-native:containerservice:ManagedCluster", "resourceName"],
  ["azure-native:batch:BatchAccount", "accountName"],
  ["azure-native:cognitiveservices:Account", "accountName"],
  ["azure-native:machinelearningservices:Workspace", "workspaceName"],
  ["azure-native:machinelearningservices:Registry", "registryName"],
  ["azure-native:servicefabric:ManagedCluster", "clusterName"],
  ["azure-native:hdinsight:Cluster", "clusterName"],
  ["azure-native:redhatopenshift:OpenShiftCluster", "resourceName"],
  ["azure-native:compute:VirtualMachineScaleSet", "vmScaleSetName"],
  ["azure-native:compute:DedicatedHostGroup", "hostGroupName"],
  ["azure-native:compute:CapacityReservationGroup", "capacityReservationGroupName"],
]);

function links(via: string, parent: string, children: readonly string[]): [string, ParentLink][] {
  return children.map((child) => [child, { via, parentTypes: [parent] }]);
}

const AKS = "azure-native:containerservice:ManagedCluster";
const BATCH = "azure-native:batch:BatchAccount";
const COGNITIVE = "azure-native:cognitiveservices:Account";
const ML_WORKSPACE = "azure-native:machinelearningservices:Workspace";
const ML_REGISTRY = "azure-native:machinelearningservices:Registry";

/**
 * Child kinds whose location is their parent's. A child that has its own `location` input (ML
 * Compute, OnlineDeployment, VMSS VM …) uses it when set; the parent is consulted only without one.
 * Kinds whose name property is their *own* name (ManagedClusterSnapshot's `resourceName`,
 * Workspace's `workspaceName`) are not children and are not listed.
 */
export const AZURE_PARENT_LINKS: ReadonlyMap<string, ParentLink> = new Map<string, ParentLink>([
  ...links("resourceName", AKS, [
    "azure-native:containerservice:AgentPool",
    "azure-native:containerservice:IdentityBinding",
    "azure-native:containerservice:JWTAuthenticator",
    "azure-native:containerservice:LoadBalancer",
    "azure-native:containerservice:MaintenanceConfiguration",
    "azure-native:containerservice:ManagedNamespace",
    "azure-native:containerservice:MeshMembership",
    "azure-native:containerservice:Namespace",
    "azure-native:containerservice:PrivateEndpointConnection",
    "azure-native:containerservice:TrustedAccessRoleBinding",
  ]),
  ...links("accountName", BATCH, [
    "azure-native:batch:Pool",
    "azure-native:batch:Application",
    "azure-native:batch:ApplicationPackage",
  ]),
  ...links("accountName", COGNITIVE, [
    "azure-native:cognitiveservices:Deployment",
    "azure-native:cognitiveservices:Project",
    "azure-native:cognitiveservices:AccountCapabilityHost",
    "azure-native:cognitiveservices:AccountConnection",
    "azure-native:cognitiveservices:AgentApplication",
    "azure-native:cognitiveservices:AgentDeployment",
    "azure-native:cognitiveservices:CommitmentPlan",
    "azure-native:cognitiveservices:EncryptionScope",
    "azure-native:cognitiveservices:ManagedNetworkSetting",
    "azure-native:cognitiveservices:OutboundRule",
    "azure-native:cognitiveservices:PrivateEndpointConnection",
    "azure-native:cognitiveservices:ProjectCapabilityHost",
    "azure-native:cognitiveservices:ProjectConnection",
    "azure-native:cognitiveservices:RaiBlocklist",
    "azure-native:cognitiveservices:RaiBlocklistItem",
    "azure-native:cognitiveservices:RaiPolicy",
    "azure-native:cognitiveservices:RaiToolLabel",
    "azure-native:cognitiveservices:RaiTopic",
  ]),
  ...links("workspaceName", ML_WORKSPACE, [
    "azure-native:machinelearningservices:BatchDeployment",
    "azure-native:machinelearningservices:BatchEndpoint",
    "azure-native:machinelearningservices:CapabilityHost",
    "azure-native:machinelearningservices:CodeContainer",
    "azure-native:machinelearningservices:CodeVersion",
    "azure-native:machinelearningservices:ComponentContainer",
    "azure-native:machinelearningservices:ComponentVersion",
    "azure-native:machinelearningservices:Compute",
    "azure-native:machinelearningservices:ConnectionDeployment",
    "azure-native:machinelearningservices:ConnectionRaiBlocklist",
    "azure-native:machinelearningservices:ConnectionRaiBlocklistItem",
    "azure-native:machinelearningservices:ConnectionRaiPolicy",
    "azure-native:machinelearningservices:DataContainer",
    "azure-native:machinelearningservices:DataVersion",
    "azure-native:machinelearningservices:Datastore",
    "azure-native:machinelearningservices:EndpointDeployment",
    "azure-native:machinelearningservices:EnvironmentContainer",
    "azure-native:machinelearningservices:EnvironmentSpecificationVersion",
    "azure-native:machinelearningservices:EnvironmentVersion",
    "azure-native:machinelearningservices:FeaturesetContainerEntity",
    "azure-native:machinelearningservices:FeaturesetVersion",
    "azure-native:machinelearningservices:FeaturestoreEntityContainerEntity",
    "azure-native:machinelearningservices:FeaturestoreEntityVersion",
    "azure-native:machinelearningservices:InferenceEndpoint",
    "azure-native:machinelearningservices:InferenceGroup",
    "azure-native:machinelearningservices:InferencePool",
    "azure-native:machinelearningservices:Job",
    "azure-native:machinelearningservices:LabelingJob",
    "azure-native:machinelearningservices:LinkedService",
    "azure-native:machinelearningservices:LinkedWorkspace",
    "azure-native:machinelearningservices:MachineLearningDataset",
    "azure-native:machinelearningservices:MachineLearningDatastore",
    "azure-native:machinelearningservices:ManagedNetworkSettingsRule",
    "azure-native:machinelearningservices:MarketplaceSubscription",
    "azure-native:machinelearningservices:ModelContainer",
    "azure-native:machinelearningservices:ModelVersion",
    "azure-native:machinelearningservices:OnlineDeployment",
    "azure-native:machinelearningservices:OnlineEndpoint",
    "azure-native:machinelearningservices:OutboundRule",
    "azure-native:machinelearningservices:PrivateEndpointConnection",
    "azure-native:machinelearningservices:RaiPolicy",
    "azure-native:machinelearningservices:Schedule",
    "azure-native:machinelearningservices:ServerlessEndpoint",
    "azure-native:machinelearningservices:WorkspaceConnection",
  ]),
  ...links("registryName", ML_REGISTRY, [
    "azure-native:machinelearningservices:RegistryCodeContainer",
    "azure-native:machinelearningservices:RegistryCodeVersion",
    "azure-native:machinelearningservices:RegistryComponentContainer",
    "azure-native:machinelearningservices:RegistryComponentVersion",
    "azure-native:machinelearningservices:RegistryDataContainer",
    "azure-native:machinelearningservices:RegistryDataVersion",
    "azure-native:machinelearningservices:RegistryEnvironmentContainer",
    "azure-native:machinelearningservices:RegistryEnvironmentVersion",
    "azure-native:machinelearningservices:RegistryModelContainer",
    "azure-native:machinelearningservices:RegistryModelVersion",
  ]),
  ...links("clusterName", "azure-native:servicefabric:ManagedCluster", [
    "azure-native:servicefabric:NodeType",
  ]),
  ...links("clusterName", "azure-native:hdinsight:Cluster", [
    "azure-native:hdinsight:Application",
    "azure-native:hdinsight:Extension",
    "azure-native:hdinsight:PrivateEndpointConnection",
  ]),
  ...links("resourceName", "azure-native:redhatopenshift:OpenShiftCluster", [
    "azure-native:redhatopenshift:MachinePool",
    "azure-native:redhatopenshift:Secret",
    "azure-native:redhatopenshift:SyncIdentityProvider",
    "azure-native:redhatopenshift:SyncSet",
  ]),
  ...links("vmScaleSetName", "azure-native:compute:VirtualMachineScaleSet", [
    "azure-native:compute:VirtualMachineScaleSetVM",
  ]),
  ...links("hostGroupName", "azure-native:compute:DedicatedHostGroup", [
    "azure-native:compute:DedicatedHost",
  ]),
  ...links("capacityReservationGroupName", "azure-native:compute:CapacityReservationGroup", [
    "azure-native:compute:CapacityReservation",
  ]),
]);

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
// Small readers

type Found =
  { value: string; origin: PlacementOrigin } | { computed: Computed; origin: PlacementOrigin };

function shortType(token: string): string {
  const parts = token.split(":");
  return parts[parts.length - 1] ?? token;
}

function azureProvider(resource: ResourceView): ResourceView["provider"] {
  const p = resource.provider;
  return p && p.type === AZURE_PROVIDER_TYPE ? p : undefined;
}

function fromResource(resource: ResourceView, path: string): Found | undefined {
  const v = readString(resource.props, path);
  const origin: PlacementOrigin = { kind: "resource", detail: `resource input \`${path}\`` };
  if (v instanceof Computed) return { computed: v, origin };
  if (v !== undefined && normaliseAzureLocation(v) !== "") return { value: v, origin };
  return undefined;
}

function fromProvider(resource: ResourceView, key: string): Found | undefined {
  const provider = azureProvider(resource);
  if (!provider) return undefined;
  const v = readString(provider.props, key);
  const origin: PlacementOrigin = { kind: "provider", detail: `provider \`${key}\`` };
  if (v instanceof Computed) return { computed: v, origin };
  if (v !== undefined && v.trim() !== "") return { value: v, origin };
  return undefined;
}

function fromConfig(ctx: EvalContext, key: string): Found | undefined {
  const v = ctx.stackConfig.get(key);
  if (v === undefined || v.trim() === "") return undefined;
  return { value: v, origin: { kind: "stack-config", detail: `stack config \`${key}\`` } };
}

function fromEnv(ctx: EvalContext, name: string): Found | undefined {
  const v = ctx.env[name];
  if (v === undefined || v.trim() === "") return undefined;
  return { value: v, origin: { kind: "env", detail: `environment variable \`${name}\`` } };
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

/** The cloud the provider talks to, as far as the inputs show it. */
function readCloud(resource: ResourceView, ctx: EvalContext): CloudInfo | Computed | undefined {
  const found =
    fromProvider(resource, "environment") ??
    fromConfig(ctx, AZURE_ENVIRONMENT_CONFIG) ??
    fromEnv(ctx, AZURE_ENVIRONMENT_VARIABLE);
  if (!found) return undefined;
  if ("computed" in found) return found.computed;
  const key = cloudKey(found.value);
  const country = azureEnvironmentCountry(found.value) ?? azureEnvironmentCountry(key);
  return {
    key,
    name: CLOUD_NAMES.get(key) ?? `Azure ${found.value} cloud`,
    country,
    origin: {
      kind: "environment",
      detail: `${found.origin.detail} \`${found.value}\``,
    },
  };
}

/** A sovereign cloud whose regions all lie in one country. */
function isCountryCloud(
  cloud: CloudInfo | Computed | undefined,
): cloud is CloudInfo & { country: string } {
  return (
    cloud !== undefined &&
    !(cloud instanceof Computed) &&
    cloud.country !== undefined &&
    cloud.key !== "public"
  );
}

function resolvedLocation(written: string, origin: PlacementOrigin): Placement {
  const region = normaliseAzureLocation(written);
  const entry: RegionEntry | undefined =
    lookupAzureLocation(written) ?? lookupAzureLocation(region);
  return {
    status: "resolved",
    cloud: "azure",
    written,
    region: entry?.name ?? region,
    ...(entry ? { entry } : {}),
    ...(entry?.country ? { country: entry.country } : {}),
    origin,
  };
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

function computedPlacement(computed: Computed, origin: PlacementOrigin): Placement {
  return { status: "computed", cloud: "azure", path: computed.path, origin };
}

/**
 * Applies the cloud to a placement found from a location. A sovereign cloud decides the country
 * unless the location is one of its own catalogued regions.
 */
function withinCloud(found: Found, cloud: CloudInfo | Computed | undefined): Placement {
  if (cloud instanceof Computed) {
    return computedPlacement(cloud, { kind: "environment", detail: "provider `environment`" });
  }
  if ("computed" in found) {
    return isCountryCloud(cloud)
      ? cloudPlacement(cloud)
      : computedPlacement(found.computed, found.origin);
  }
  const placement = resolvedLocation(found.value, found.origin);
  if (!isCountryCloud(cloud)) return placement;
  const entry = placement.status === "resolved" ? placement.entry : undefined;
  if (entry && entry.partition.toLowerCase() === cloud.key) return placement;
  return cloudPlacement(cloud, found.value);
}

/** Provider location -> stack config -> cloud -> unresolved (steps 3-6). */
function fallback(resource: ResourceView, ctx: EvalContext, tried: string[]): Placement {
  const cloud = readCloud(resource, ctx);
  const provider = azureProvider(resource);
  const fromProv = fromProvider(resource, "location");
  if (fromProv) return withinCloud(fromProv, cloud);
  tried.push(
    provider ? "provider `location`" : "provider `location` (no azure-native provider in view)",
  );
  const fromConf = fromConfig(ctx, AZURE_LOCATION_CONFIG);
  if (fromConf) return withinCloud(fromConf, cloud);
  tried.push(`stack config \`${AZURE_LOCATION_CONFIG}\``);
  if (cloud instanceof Computed) {
    return computedPlacement(cloud, { kind: "environment", detail: "provider `environment`" });
  }
  if (isCountryCloud(cloud)) return cloudPlacement(cloud);
  tried.push(
    cloud
      ? `${cloud.origin.detail} (not a single-country cloud)`
      : `provider \`environment\`, stack config \`${AZURE_ENVIRONMENT_CONFIG}\`, environment variable \`${AZURE_ENVIRONMENT_VARIABLE}\``,
  );
  return { status: "unresolved", cloud: "azure", tried };
}

// ---------------------------------------------------------------------------------------------
// One resource

/** The parent link of a child kind, if its location comes from a parent. */
export function azureParentLink(token: string): ParentLink | undefined {
  return AZURE_PARENT_LINKS.get(normaliseToken(token));
}

/** Where one azure-native resource lands, from its own inputs, its provider and the stack config. */
export function azurePlacement(resource: ResourceView, token: string, ctx: EvalContext): Placement {
  const kind = normaliseToken(token);
  const tried: string[] = [];
  const cloud = readCloud(resource, ctx);

  if (COMPUTE_LOCATION_TOKENS.has(kind)) {
    const computeLocation = fromResource(resource, COMPUTE_LOCATION_PATH);
    if (computeLocation) return withinCloud(computeLocation, cloud);
    tried.push(`resource input \`${COMPUTE_LOCATION_PATH}\``);
  }
  const own = fromResource(resource, "location");
  if (own) return withinCloud(own, cloud);
  tried.push("resource input `location`");

  const link = AZURE_PARENT_LINKS.get(kind);
  if (link) {
    if (cloud instanceof Computed) {
      return computedPlacement(cloud, { kind: "environment", detail: "provider `environment`" });
    }
    // The parent lives in the same cloud as the child, so a single-country cloud answers at once.
    if (isCountryCloud(cloud)) return cloudPlacement(cloud);
    return { status: "inherited", cloud: "azure", via: link.via, parentTypes: link.parentTypes };
  }
  return fallback(resource, ctx, tried);
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
  const kind = normaliseToken(token);
  const list = ADDITIONAL_LOCATIONS.get(kind);
  if (!list) return [];
  const cloud = readCloud(resource, ctx);
  const out: Placement[] = [];
  const items = readList(resource.props, list.list);
  if (items.computed)
    out.push(computedPlacement(items.computed, resourceOrigin(items.computed.path)));
  for (const item of items.items) {
    const path = `${item.path}.${list.field}`;
    const v = readString(item.value, list.field, item.path);
    if (v instanceof Computed)
      out.push(withinCloud({ computed: v, origin: resourceOrigin(path) }, cloud));
    else if (v !== undefined)
      out.push(withinCloud({ value: v, origin: resourceOrigin(path) }, cloud));
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

// ---------------------------------------------------------------------------------------------
// Stack phase: children whose location is their parent's

/** The stack indexed once, so each child resolves in O(1) (plus the few candidates of one name). */
export interface AzureStackIndex {
  readonly byUrn: ReadonlyMap<string, ResourceView>;
  /** Key: normalised parent token + "\u0000" + lower-case name. */
  readonly byName: ReadonlyMap<string, readonly ResourceView[]>;
}

const nameKey = (token: string, name: string): string => `${token}\u0000${name.toLowerCase()}`;

/** Indexes the resources of a stack by URN and, for parent kinds, by name. O(n). */
export function indexStack(stack: readonly ResourceView[]): AzureStackIndex {
  const byUrn = new Map<string, ResourceView>();
  const byName = new Map<string, ResourceView[]>();
  for (const r of stack) {
    byUrn.set(r.urn, r);
    const token = normaliseToken(r.type);
    const nameProp = AZURE_PARENT_NAME_PROPS.get(token);
    if (!nameProp) continue;
    const names = new Set<string>();
    for (const prop of [nameProp, "name"]) {
      const v = readString(r.props, prop);
      if (typeof v === "string") names.add(v.toLowerCase());
    }
    for (const n of names) {
      const key = nameKey(token, n);
      const list = byName.get(key);
      if (list) list.push(r);
      else byName.set(key, [r]);
    }
  }
  return { byUrn, byName };
}

const INDEX_CACHE = new WeakMap<readonly ResourceView[], AzureStackIndex>();

function toIndex(stack: readonly ResourceView[] | AzureStackIndex): AzureStackIndex {
  if (!Array.isArray(stack)) return stack as AzureStackIndex;
  const list = stack as readonly ResourceView[];
  let index = INDEX_CACHE.get(list);
  if (!index) {
    index = indexStack(list);
    INDEX_CACHE.set(list, index);
  }
  return index;
}

function resourceGroupOf(r: ResourceView): string | undefined {
  const rg = readString(r.props, "resourceGroupName");
  if (typeof rg === "string") return rg.toLowerCase();
  const id = readString(r.props, "id");
  if (typeof id === "string") {
    const m = /\/resourceGroups\/([^/]+)/i.exec(id);
    if (m?.[1]) return m[1].toLowerCase();
  }
  return undefined;
}

function isParentType(r: ResourceView | undefined, link: ParentLink): r is ResourceView {
  return r !== undefined && link.parentTypes.includes(normaliseToken(r.type));
}

interface ParentMatch {
  readonly parent: ResourceView;
  /** How it was found, for the tried list when the parent itself is unresolved. */
  readonly how: string;
}

function findParent(
  child: ResourceView,
  link: ParentLink,
  index: AzureStackIndex,
  tried: string[],
): ParentMatch | undefined {
  // 1. The property that names the parent depends on it (`resourceName: cluster.name`).
  const deps = child.propertyDependencies?.[link.via] ?? [];
  for (const urn of deps) {
    const r = index.byUrn.get(urn);
    if (isParentType(r, link)) return { parent: r, how: `property dependency of \`${link.via}\`` };
  }
  tried.push(`property dependencies of \`${link.via}\``);

  // 2. The Pulumi parent.
  if (child.parent !== undefined) {
    const r = index.byUrn.get(child.parent);
    if (isParentType(r, link)) return { parent: r, how: "Pulumi parent" };
  }
  tried.push("Pulumi parent");

  // 3. The parent's name (and resource group) among the stack's resources.
  const name = readString(child.props, link.via);
  if (typeof name === "string") {
    const childRg = resourceGroupOf(child);
    let candidates: ResourceView[] = [];
    for (const t of link.parentTypes)
      candidates.push(...(index.byName.get(nameKey(t, name)) ?? []));
    candidates = candidates.filter((c) => {
      const rg = resourceGroupOf(c);
      return childRg === undefined || rg === undefined || rg === childRg;
    });
    if (candidates.length > 1 && child.provider) {
      const same = candidates.filter((c) => c.provider?.urn === child.provider?.urn);
      if (same.length > 0) candidates = same;
    }
    if (candidates.length === 1 && candidates[0]) {
      return { parent: candidates[0], how: `name \`${name}\`` };
    }
    tried.push(
      candidates.length > 1
        ? `name \`${name}\` (${candidates.length} matching parents)`
        : `name \`${name}\` in the stack`,
    );
  } else {
    tried.push(
      name instanceof Computed ? `name in \`${link.via}\` (computed)` : `name in \`${link.via}\``,
    );
  }

  // 4. A single dependency of the parent kind.
  const parentDeps = (child.dependencies ?? [])
    .map((urn) => index.byUrn.get(urn))
    .filter((r): r is ResourceView => isParentType(r, link));
  const unique = [...new Set(parentDeps)];
  if (unique.length === 1 && unique[0]) return { parent: unique[0], how: "dependency" };
  tried.push("dependencies");
  return undefined;
}

const MAX_DEPTH = 4;

/**
 * Stack phase: the placement of a child whose location is its parent's. The parent is found
 * through `propertyDependencies[via]`, then the Pulumi parent, then by name (and resource group)
 * among the stack's resources of the parent kinds, then as the only dependency of a parent kind.
 * Without a parent: provider location -> stack config -> cloud -> unresolved.
 *
 * Pass `indexStack(stack)` when resolving many children; a plain array is indexed once and cached.
 * A resource that is not `inherited` gets its ordinary placement.
 */
export function resolveInherited(
  child: ResourceView,
  token: string,
  stack: readonly ResourceView[] | AzureStackIndex,
  ctx: EvalContext,
): Placement {
  return resolve(child, token, toIndex(stack), ctx, new Set());
}

function resolve(
  child: ResourceView,
  token: string,
  index: AzureStackIndex,
  ctx: EvalContext,
  seen: Set<string>,
): Placement {
  const own = azurePlacement(child, token, ctx);
  if (own.status !== "inherited") return own;
  const link: ParentLink = { via: own.via, parentTypes: own.parentTypes };
  const tried = ["resource input `location`"];
  seen.add(child.urn);

  const match = findParent(child, link, index, tried);
  if (match && !seen.has(match.parent.urn) && seen.size <= MAX_DEPTH) {
    const parent = match.parent;
    const parentToken = normaliseToken(parent.type);
    const label = `parent ${shortType(parentToken)} \`${parent.name}\``;
    const pp = resolve(parent, parentToken, index, ctx, seen);
    const detail = (origin: PlacementOrigin): string => {
      if (origin.kind === "parent") return `${origin.detail}, through ${label}`;
      return origin.kind === "resource" && origin.detail === "resource input `location`"
        ? `location of ${label}`
        : `location of ${label} (its ${origin.detail})`;
    };
    switch (pp.status) {
      case "resolved":
        return { ...pp, origin: { kind: "parent", detail: detail(pp.origin) } };
      case "computed":
        return { ...pp, origin: { kind: "parent", detail: detail(pp.origin) } };
      case "inherited": // not returned by resolve(); kept for exhaustiveness
        tried.push(`${label}, found by ${match.how}`);
        break;
      case "unresolved":
        tried.push(`${label}, found by ${match.how} (tried ${pp.tried.join(", ")})`);
        break;
    }
  } else {
    tried.push(
      `parent ${link.parentTypes.map(shortType).join("/")} named by \`${link.via}\`: not found`,
    );
  }
  return fallback(child, ctx, tried);
}
