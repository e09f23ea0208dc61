// An ExpressRoute circuit ordered from "China Telecom Global" at the Hong Kong2 peering location,
// with private peering. The connectivity provider is a carrier jurisdiction-guard's built-in
// registry lists, so the circuit is denied; the private peering itself uses a private ASN.
import * as network from "@pulumi/azure-native/network";
import * as resources from "@pulumi/azure-native/resources";

const group = new resources.ResourceGroup("er-rg", {
  resourceGroupName: "rg-er-hk",
  location: "eastasia",
});

const circuit = new network.ExpressRouteCircuit("er-hk", {
  circuitName: "er-hk-ctg",
  resourceGroupName: group.name,
  location: "eastasia",
  sku: { name: "Standard_MeteredData", tier: "Standard", family: "MeteredData" },
  serviceProviderProperties: {
    serviceProviderName: "China Telecom Global",
    peeringLocation: "Hong Kong2",
    bandwidthInMbps: 1000,
  },
  allowClassicOperations: false,
});

new network.ExpressRouteCircuitPeering("er-hk-private", {
  circuitName: circuit.name,
  resourceGroupName: group.name,
  peeringName: "AzurePrivatePeering",
  peeringType: "AzurePrivatePeering",
  peerASN: 65010,
  vlanId: 200,
  primaryPeerAddressPrefix: "192.168.100.0/30",
  secondaryPeerAddressPrefix: "192.168.100.4/30",
});
