// Child kinds of azure-native whose location is their parent's (AKS AgentPool -> ManagedCluster,
// Batch Pool -> BatchAccount, Cognitive Services account children -> Account, Machine Learning
// children -> Workspace, Service Fabric NodeType -> ManagedCluster …), and the input that names
// each parent. The placement marks such a child `inherited`; the stack phase (stack.ts) finds the
// parent.

import { normaliseToken } from "../tokens";

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

/** The parent link of a child kind, if its location comes from a parent. */
export function azureParentLink(token: string): ParentLink | undefined {
  return AZURE_PARENT_LINKS.get(normaliseToken(token));
}
