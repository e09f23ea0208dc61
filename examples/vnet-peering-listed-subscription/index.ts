// A hub VNet in West Europe peered with two remote VNets: a spoke in the organisation's own
// subscription, and the network of a joint venture whose subscription the security team lists in
// `restrictedAccounts` (policy-config.json, the central pack config). Nothing in the built-in
// registry knows that subscription; with the org config, the peering to it is denied.
import * as network from "@pulumi/azure-native/network";
import * as resources from "@pulumi/azure-native/resources";

const OWN_SUBSCRIPTION = "0b1f6471-1bf0-4dda-aec3-111122223333";
const JV_SUBSCRIPTION = "5c5e3e4a-7d2b-4f11-9a3e-210987654321";

const group = new resources.ResourceGroup("net-rg", { resourceGroupName: "rg-net-weu" });

const hub = new network.VirtualNetwork("hub-vnet", {
  virtualNetworkName: "vnet-hub-weu",
  resourceGroupName: group.name,
  addressSpace: { addressPrefixes: ["10.0.0.0/16"] },
});

new network.VirtualNetworkPeering("hub-to-spoke", {
  virtualNetworkPeeringName: "hub-to-spoke",
  virtualNetworkName: hub.name,
  resourceGroupName: group.name,
  remoteVirtualNetwork: {
    id: `/subscriptions/${OWN_SUBSCRIPTION}/resourceGroups/rg-spoke/providers/Microsoft.Network/virtualNetworks/vnet-spoke`,
  },
  allowVirtualNetworkAccess: true,
  allowForwardedTraffic: true,
});

new network.VirtualNetworkPeering("hub-to-jv", {
  virtualNetworkPeeringName: "hub-to-jv",
  virtualNetworkName: hub.name,
  resourceGroupName: group.name,
  remoteVirtualNetwork: {
    id: `/subscriptions/${JV_SUBSCRIPTION}/resourceGroups/rg-jv-shanghai/providers/Microsoft.Network/virtualNetworks/vnet-jv`,
  },
  allowVirtualNetworkAccess: true,
});
