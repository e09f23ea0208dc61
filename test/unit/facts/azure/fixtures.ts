// Typed fixtures for the Azure facts tests: resources as the engine sends them, built from a
// compliant starting point (a CPU size in a non-restricted location) so that each case changes one
// field and shows what that field does.
import { AZURE_COMPUTE_EXTRACTORS } from "../../../../policypack/src/facts/azure";
import { normaliseToken } from "../../../../policypack/src/facts/tokens";
import type {
  ComputeFacts,
  EvalContext,
  ProviderView,
  ResourceView,
} from "../../../../policypack/src/facts/types";
import type { Props } from "../../../../policypack/src/values";

/** What the engine sends for a value that is only known at `pulumi up`. */
export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

export const STACK = "urn:pulumi:dev::gpu-guard";

export function urnOf(token: string, name: string): string {
  return `${STACK}::${token}::${name}`;
}

export function azureProviderView(props: Props = {}, name = "default_3_28_0"): ProviderView {
  const type = "pulumi:providers:azure-native";
  return { type, urn: urnOf(type, name), name, props };
}

export interface ResourceOptions {
  readonly name?: string;
  /** `null` removes the provider view (unit tests, offline scans). */
  readonly provider?: ProviderView | null;
  readonly parent?: string;
  readonly dependencies?: readonly string[];
  readonly propertyDependencies?: Readonly<Record<string, readonly string[]>>;
}

export function azureResource(
  token: string,
  props: Props,
  opts: ResourceOptions = {},
): ResourceView {
  const name = opts.name ?? "r";
  const provider = opts.provider === null ? undefined : (opts.provider ?? azureProviderView());
  return {
    type: token,
    urn: urnOf(token, name),
    name,
    props,
    ...(provider ? { provider } : {}),
    ...(opts.parent !== undefined ? { parent: opts.parent } : {}),
    ...(opts.dependencies ? { dependencies: opts.dependencies } : {}),
    ...(opts.propertyDependencies ? { propertyDependencies: opts.propertyDependencies } : {}),
  };
}

export function fakeContext(
  config: Record<string, string> = {},
  env: Record<string, string | undefined> = {},
): EvalContext {
  return {
    stackConfig: new Map(Object.entries(config)),
    env,
    awsProfileRegion: () => undefined,
  };
}

type Path = (string | number)[];

function parsePath(path: string): Path {
  const out: Path = [];
  for (const part of path.split(".")) {
    const m = /^([^[\]]*)((?:\[\d+\])*)$/.exec(part);
    if (m?.[1]) out.push(m[1]);
    for (const idx of (m?.[2] ?? "").matchAll(/\[(\d+)\]/g)) out.push(Number(idx[1]));
  }
  return out;
}

function setIn(node: unknown, path: Path, value: unknown): unknown {
  const [head, ...rest] = path;
  if (head === undefined) return value;
  if (typeof head === "number") {
    const list = Array.isArray(node) ? [...(node as unknown[])] : [];
    list[head] = setIn(list[head], rest, value);
    return list;
  }
  const obj =
    node !== null && typeof node === "object" ? { ...(node as Record<string, unknown>) } : {};
  if (value === undefined && rest.length === 0) delete obj[head];
  else obj[head] = setIn(obj[head], rest, value);
  return obj;
}

/** A copy of `props` with one field changed ("a.b[0].c"); `undefined` removes it. */
export function withField(props: Props, path: string, value: unknown): Props {
  return setIn(props, parsePath(path), value) as Props;
}

/** Compliant starting points: CPU sizes in West Europe, as post-Check inputs. */
export const COMPLIANT = {
  "azure-native:compute:VirtualMachine": {
    resourceGroupName: "rg",
    location: "westeurope",
    hardwareProfile: { vmSize: "Standard_D4s_v5" },
  },
  "azure-native:compute:VirtualMachineScaleSet": {
    resourceGroupName: "rg",
    location: "westeurope",
    sku: { name: "Standard_D4s_v5", capacity: 2 },
    skuProfile: { vmSizes: [{ name: "Standard_D4s_v5" }, { name: "Standard_E4s_v5" }] },
  },
  "azure-native:compute:VirtualMachineScaleSetVM": {
    resourceGroupName: "rg",
    vmScaleSetName: "vmss",
    location: "westeurope",
    hardwareProfile: { vmSize: "Standard_D4s_v5" },
  },
  "azure-native:compute:CapacityReservation": {
    resourceGroupName: "rg",
    capacityReservationGroupName: "crg",
    location: "westeurope",
    sku: { name: "Standard_D4s_v5", capacity: 4 },
  },
  "azure-native:compute:DedicatedHost": {
    resourceGroupName: "rg",
    hostGroupName: "hg",
    location: "westeurope",
    sku: { name: "DSv3-Type1" },
  },
  "azure-native:azurefleet:Fleet": {
    resourceGroupName: "rg",
    location: "westeurope",
    computeProfile: { baseVirtualMachineProfile: {} },
    vmSizesProfile: [{ name: "Standard_D4s_v5" }, { name: "Standard_D8s_v5" }],
    vmAttributes: {
      vCpuCount: { min: 2, max: 8 },
      memoryInGiB: { min: 4 },
      acceleratorSupport: "Excluded",
    },
  },
  "azure-native:containerservice:ManagedCluster": {
    resourceGroupName: "rg",
    location: "westeurope",
    agentPoolProfiles: [
      { name: "system", mode: "System", vmSize: "Standard_D4s_v5", count: 3 },
      { name: "user", mode: "User", vmSize: "Standard_D8s_v5", count: 2 },
    ],
    nodeProvisioningProfile: { mode: "Manual" },
    aiToolchainOperatorProfile: { enabled: false },
  },
  "azure-native:containerservice:AgentPool": {
    resourceGroupName: "rg",
    resourceName: "aks",
    vmSize: "Standard_D4s_v5",
    count: 2,
  },
  "azure-native:machinelearningservices:Compute": {
    resourceGroupName: "rg",
    workspaceName: "ws",
    location: "westeurope",
    properties: { computeType: "AmlCompute", properties: { vmSize: "Standard_D4s_v5" } },
  },
  "azure-native:machinelearningservices:OnlineDeployment": {
    resourceGroupName: "rg",
    workspaceName: "ws",
    endpointName: "ep",
    location: "westeurope",
    properties: { endpointComputeType: "Managed", instanceType: "Standard_DS3_v2" },
  },
  "azure-native:machinelearningservices:BatchDeployment": {
    resourceGroupName: "rg",
    workspaceName: "ws",
    endpointName: "bep",
    location: "westeurope",
    properties: { resources: { instanceCount: 1, instanceType: "Standard_DS3_v2" } },
  },
  "azure-native:batch:Pool": {
    resourceGroupName: "rg",
    accountName: "batchacct",
    vmSize: "STANDARD_D4S_V5",
  },
  "azure-native:hdinsight:Cluster": {
    resourceGroupName: "rg",
    location: "westeurope",
    properties: {
      computeProfile: {
        roles: [
          { name: "headnode", hardwareProfile: { vmSize: "Standard_E8_v3" } },
          { name: "workernode", hardwareProfile: { vmSize: "Standard_E8_v3" } },
        ],
      },
    },
  },
  "azure-native:redhatopenshift:OpenShiftCluster": {
    resourceGroupName: "rg",
    location: "westeurope",
    masterProfile: { vmSize: "Standard_D8s_v3" },
    workerProfiles: [{ name: "worker", vmSize: "Standard_D4s_v3", count: 3 }],
  },
  "azure-native:servicefabric:NodeType": {
    resourceGroupName: "rg",
    clusterName: "sfc",
    isPrimary: true,
    vmInstanceCount: 5,
    vmSize: "Standard_D2s_v3",
  },
  "azure-native:containerinstance:ContainerGroup": {
    resourceGroupName: "rg",
    location: "westeurope",
    osType: "Linux",
    containers: [
      { name: "app", image: "nginx", resources: { requests: { cpu: 1, memoryInGB: 1.5 } } },
    ],
  },
  "azure-native:app:ManagedEnvironment": {
    resourceGroupName: "rg",
    location: "westeurope",
    workloadProfiles: [
      { name: "Consumption", workloadProfileType: "Consumption" },
      { name: "general", workloadProfileType: "D4", minimumCount: 1, maximumCount: 3 },
    ],
  },
} satisfies Record<string, Props>;

export type CompliantKind = keyof typeof COMPLIANT;

/** The compliant resource of a kind, with one field changed when `path` is given. */
export function compliant(kind: CompliantKind, path?: string, value?: unknown): ResourceView {
  const props: Props =
    path === undefined ? COMPLIANT[kind] : withField(COMPLIANT[kind], path, value);
  return azureResource(kind, props);
}

/** Runs the extractor registered for the resource's (possibly versioned) token. */
export function extract(resource: ResourceView): ComputeFacts {
  const extractor = AZURE_COMPUTE_EXTRACTORS.get(normaliseToken(resource.type));
  if (!extractor) throw new Error(`no Azure compute extractor for ${resource.type}`);
  return extractor(resource.props);
}

/** Paths and values of the accelerators found, for compact assertions. */
export function uses(facts: ComputeFacts): { path: string; value: string }[] {
  return facts.accelerators.map((a) => ({ path: a.path, value: a.value }));
}
