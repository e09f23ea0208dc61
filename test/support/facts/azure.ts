// Typed fixtures for the Azure facts tests: compliant starting points (a CPU size in a
// non-restricted location), so that each case changes one field and shows what that field does;
// views and context from test/support/views.ts.
import { AZURE_COMPUTE_EXTRACTORS } from "../../../policypack/src/facts/azure";
import { normaliseToken } from "../../../policypack/src/facts/tokens";
import type { ComputeFacts, ProviderView, ResourceView } from "../../../policypack/src/facts/types";
import type { Props } from "../../../policypack/src/values";
import type { ViewOptions } from "../views";
import { providerView, resourceView, stackUrn, withField } from "../views";

export { COMPUTED as UNKNOWN, fakeContext, withField } from "../views";

export const STACK = stackUrn("dev", "gpu-guard");

export function urnOf(token: string, name: string): string {
  return `${STACK}::${token}::${name}`;
}

export function azureProviderView(props: Props = {}, name = "default_3_28_0"): ProviderView {
  return providerView("azure-native", name, props, STACK);
}

export interface ResourceOptions extends Omit<ViewOptions, "provider" | "stack"> {
  /** `null` removes the provider view (unit tests, offline scans). */
  readonly provider?: ProviderView | null;
}

/** An azure-native resource, through the default provider unless told otherwise. */
export function azureResource(
  token: string,
  props: Props,
  opts: ResourceOptions = {},
): ResourceView {
  const provider = opts.provider === null ? undefined : (opts.provider ?? azureProviderView());
  return resourceView(token, props, { ...opts, stack: STACK, provider });
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
