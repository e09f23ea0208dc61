// An AKS cluster in East Asia (Hong Kong) with a CPU system pool and a separate GPU user pool
// (Standard_NC24ads_A100_v4, one NVIDIA A100 per node). The pool has no location of its own: it
// lives in the cluster, which it names through `resourceName`.
import * as containerservice from "@pulumi/azure-native/containerservice";
import * as resources from "@pulumi/azure-native/resources";

const group = new resources.ResourceGroup("aks-rg", {
  resourceGroupName: "rg-aks-hk",
  location: "eastasia",
});

const cluster = new containerservice.ManagedCluster("gpu-aks", {
  resourceName: "aks-hk-training",
  resourceGroupName: group.name,
  location: "eastasia",
  dnsPrefix: "aks-hk-training",
  identity: { type: "SystemAssigned" },
  agentPoolProfiles: [
    { name: "system", mode: "System", vmSize: "Standard_D4s_v5", count: 2, osType: "Linux" },
  ],
});

new containerservice.AgentPool("a100-pool", {
  agentPoolName: "a100",
  resourceName: cluster.name,
  resourceGroupName: group.name,
  mode: "User",
  vmSize: "Standard_NC24ads_A100_v4",
  count: 2,
  osType: "Linux",
  nodeTaints: ["nvidia.com/gpu=present:NoSchedule"],
});
