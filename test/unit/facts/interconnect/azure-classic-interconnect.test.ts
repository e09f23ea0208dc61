// The classic Azure interconnect table (facts/azure-classic/interconnect.ts). Tokens and input
// shapes as in @pulumi/azure 6.40.0 (checked against its `.d.ts`; not a dependency of the tests).
import { AZURE_CLASSIC_INTERCONNECT_EXTRACTORS } from "../../../../policypack/src/facts/azure-classic/interconnect";
import { OTHER_SUB, OWN_SUB, vnetId } from "../../../support/facts/accounts";
import type { KindCase } from "../../../support/facts/interconnect";
import { describeKindCases, peer } from "../../../support/facts/interconnect";

const T = AZURE_CLASSIC_INTERCONNECT_EXTRACTORS;
const sub = (value: string, path: string) => peer("azure-subscription", value, path);
const RG = { resourceGroupName: "rg-net" };
const arm = (subscription: string, type: string, name: string) =>
  `/subscriptions/${subscription}/resourceGroups/rg-net/providers/Microsoft.Network/${type}/${name}`;
const STORAGE = (subscription: string) =>
  `/subscriptions/${subscription}/resourceGroups/rg-data/providers/Microsoft.Storage/storageAccounts/acmedata`;

const CASES: readonly KindCase[] = [
  {
    token: "azure:network/virtualNetworkPeering:VirtualNetworkPeering",
    found: {
      props: { ...RG, virtualNetworkName: "vnet-a", remoteVirtualNetworkId: vnetId(OTHER_SUB) },
      peers: [sub(OTHER_SUB, "remoteVirtualNetworkId")],
    },
    plain: {
      props: {
        ...RG,
        virtualNetworkName: "vnet-a",
        remoteVirtualNetworkId: vnetId(OWN_SUB, "vnet-b"),
      },
      peers: [sub(OWN_SUB, "remoteVirtualNetworkId")],
    },
  },
  {
    token: "azure:network/virtualHubConnection:VirtualHubConnection",
    found: {
      props: {
        virtualHubId: arm(OWN_SUB, "virtualHubs", "hub"),
        remoteVirtualNetworkId: vnetId(OTHER_SUB),
      },
      peers: [sub(OTHER_SUB, "remoteVirtualNetworkId")],
    },
    plain: {
      props: {
        virtualHubId: arm(OWN_SUB, "virtualHubs", "hub"),
        remoteVirtualNetworkId: vnetId(OWN_SUB),
      },
      peers: [sub(OWN_SUB, "remoteVirtualNetworkId")],
    },
  },
  {
    token: "azure:network/localNetworkGateway:LocalNetworkGateway",
    found: {
      props: {
        ...RG,
        gatewayAddress: "47.74.0.10",
        addressSpaces: ["10.80.0.0/16"],
        bgpSettings: { asn: 45102, bgpPeeringAddress: "10.80.0.1" },
      },
      peers: [
        peer("ip", "47.74.0.10", "gatewayAddress"),
        peer("ip", "10.80.0.0/16", "addressSpaces[0]"),
        peer("asn", "45102", "bgpSettings.asn"),
        peer("ip", "10.80.0.1", "bgpSettings.bgpPeeringAddress"),
      ],
    },
    plain: {
      props: { ...RG, gatewayFqdn: "VPN.Branch.Example.com.", addressSpaces: ["10.90.0.0/16"] },
      peers: [
        peer("fqdn", "vpn.branch.example.com", "gatewayFqdn"),
        peer("ip", "10.90.0.0/16", "addressSpaces[0]"),
      ],
    },
  },
  {
    token: "azure:network/virtualNetworkGatewayConnection:VirtualNetworkGatewayConnection",
    found: {
      props: {
        ...RG,
        type: "Vnet2Vnet",
        virtualNetworkGatewayId: arm(OWN_SUB, "virtualNetworkGateways", "gw"),
        peerVirtualNetworkGatewayId: arm(OTHER_SUB, "virtualNetworkGateways", "their-gw"),
      },
      peers: [sub(OTHER_SUB, "peerVirtualNetworkGatewayId")],
    },
    plain: {
      props: {
        ...RG,
        type: "ExpressRoute",
        virtualNetworkGatewayId: arm(OWN_SUB, "virtualNetworkGateways", "gw"),
        expressRouteCircuitId: arm(OWN_SUB, "expressRouteCircuits", "er"),
      },
      peers: [sub(OWN_SUB, "expressRouteCircuitId")],
    },
  },
  {
    token: "azure:network/vpnSite:VpnSite",
    found: {
      props: {
        ...RG,
        virtualWanId: "wan",
        addressCidrs: ["10.1.0.0/16"],
        links: [
          {
            name: "l1",
            ipAddress: "203.0.113.4",
            providerName: "China Mobile International",
            bgp: { asn: 9808, peeringAddress: "10.1.0.1" },
          },
        ],
      },
      peers: [
        peer("ip", "10.1.0.0/16", "addressCidrs[0]"),
        peer("ip", "203.0.113.4", "links[0].ipAddress"),
        peer("carrier", "China Mobile International", "links[0].providerName"),
        peer("asn", "9808", "links[0].bgp.asn"),
        peer("ip", "10.1.0.1", "links[0].bgp.peeringAddress"),
      ],
    },
    plain: {
      props: {
        ...RG,
        virtualWanId: "wan",
        links: [{ name: "l1", fqdn: "vpn.example.com", providerName: "Colt" }],
      },
      peers: [
        peer("fqdn", "vpn.example.com", "links[0].fqdn"),
        peer("carrier", "Colt", "links[0].providerName"),
      ],
    },
  },
  {
    token: "azure:network/expressRouteCircuit:ExpressRouteCircuit",
    found: {
      props: {
        ...RG,
        serviceProviderName: "China Telecom Global",
        peeringLocation: "Hong Kong2",
        bandwidthInMbps: 1000,
        sku: { tier: "Standard", family: "MeteredData" },
      },
      peers: [peer("carrier", "China Telecom Global", "serviceProviderName")],
    },
    plain: {
      props: {
        ...RG,
        serviceProviderName: "Equinix",
        peeringLocation: "Silicon Valley",
        bandwidthInMbps: 1000,
        sku: { tier: "Standard", family: "MeteredData" },
      },
      peers: [peer("carrier", "Equinix", "serviceProviderName")],
    },
  },
  {
    token: "azure:network/expressRouteCircuitPeering:ExpressRouteCircuitPeering",
    found: {
      props: {
        ...RG,
        expressRouteCircuitName: "er",
        peeringType: "MicrosoftPeering",
        vlanId: 300,
        peerAsn: 4837,
        primaryPeerAddressPrefix: "123.0.0.0/30",
        secondaryPeerAddressPrefix: "123.0.0.4/30",
        microsoftPeeringConfig: { advertisedPublicPrefixes: ["123.1.0.0/24"], customerAsn: 4837 },
        ipv6: {
          primaryPeerAddressPrefix: "2002:db01::/126",
          secondaryPeerAddressPrefix: "2003:db01::/126",
          microsoftPeering: { customerAsn: 4837 },
        },
      },
      peers: [
        peer("asn", "4837", "peerAsn"),
        peer("asn", "4837", "microsoftPeeringConfig.customerAsn"),
        peer("asn", "4837", "ipv6.microsoftPeering.customerAsn"),
        peer("ip", "123.0.0.0/30", "primaryPeerAddressPrefix"),
        peer("ip", "123.0.0.4/30", "secondaryPeerAddressPrefix"),
        peer("ip", "2002:db01::/126", "ipv6.primaryPeerAddressPrefix"),
        peer("ip", "2003:db01::/126", "ipv6.secondaryPeerAddressPrefix"),
      ],
    },
    plain: {
      props: {
        ...RG,
        expressRouteCircuitName: "er",
        peeringType: "AzurePrivatePeering",
        vlanId: 100,
        peerAsn: 65010,
      },
      peers: [peer("asn", "65010", "peerAsn")],
    },
  },
  {
    token: "azure:network/expressRouteCircuitConnection:ExpressRouteCircuitConnection",
    found: {
      props: {
        addressPrefixIpv4: "192.169.8.0/29",
        peeringId: `${arm(OWN_SUB, "expressRouteCircuits", "er")}/peerings/AzurePrivatePeering`,
        peerPeeringId: `${arm(OTHER_SUB, "expressRouteCircuits", "their-er")}/peerings/AzurePrivatePeering`,
      },
      peers: [sub(OTHER_SUB, "peerPeeringId")],
    },
    plain: {
      props: {
        addressPrefixIpv4: "192.169.8.0/29",
        peeringId: `${arm(OWN_SUB, "expressRouteCircuits", "er")}/peerings/AzurePrivatePeering`,
        peerPeeringId: `${arm(OWN_SUB, "expressRouteCircuits", "er-2")}/peerings/AzurePrivatePeering`,
      },
      peers: [sub(OWN_SUB, "peerPeeringId")],
    },
  },
  {
    token: "azure:network/expressRouteConnection:ExpressRouteConnection",
    found: {
      props: {
        expressRouteGatewayId: arm(OWN_SUB, "expressRouteGateways", "gw"),
        expressRouteCircuitPeeringId: `${arm(OTHER_SUB, "expressRouteCircuits", "their-er")}/peerings/AzurePrivatePeering`,
      },
      peers: [sub(OTHER_SUB, "expressRouteCircuitPeeringId")],
    },
    plain: {
      props: {
        expressRouteGatewayId: arm(OWN_SUB, "expressRouteGateways", "gw"),
        expressRouteCircuitPeeringId: `${arm(OWN_SUB, "expressRouteCircuits", "er")}/peerings/AzurePrivatePeering`,
      },
      peers: [sub(OWN_SUB, "expressRouteCircuitPeeringId")],
    },
  },
  {
    token: "azure:network/routeServerBgpConnection:RouteServerBgpConnection",
    found: {
      props: { routeServerId: "rs", peerAsn: 45090, peerIp: "10.0.1.5" },
      peers: [peer("asn", "45090", "peerAsn"), peer("ip", "10.0.1.5", "peerIp")],
    },
    plain: {
      props: { routeServerId: "rs", peerAsn: 65020, peerIp: "10.0.1.5" },
      peers: [peer("asn", "65020", "peerAsn"), peer("ip", "10.0.1.5", "peerIp")],
    },
  },
  {
    token: "azure:privatelink/endpoint:Endpoint",
    found: {
      props: {
        ...RG,
        subnetId: "subnet",
        privateServiceConnection: {
          name: "psc",
          isManualConnection: true,
          privateConnectionResourceAlias:
            "sppc-llm.2bd2bd14-3e84-4d36-9d3a-e2b7e1f2a1d1.westeurope.azure.privatelinkservice",
        },
      },
      peers: [
        peer(
          "service-name",
          "sppc-llm.2bd2bd14-3e84-4d36-9d3a-e2b7e1f2a1d1.westeurope.azure.privatelinkservice",
          "privateServiceConnection.privateConnectionResourceAlias",
        ),
      ],
    },
    plain: {
      props: {
        ...RG,
        subnetId: "subnet",
        privateServiceConnection: {
          name: "psc",
          isManualConnection: false,
          privateConnectionResourceId: STORAGE(OWN_SUB),
          subresourceNames: ["blob"],
        },
      },
      peers: [
        peer(
          "service-name",
          STORAGE(OWN_SUB),
          "privateServiceConnection.privateConnectionResourceId",
        ),
        sub(OWN_SUB, "privateServiceConnection.privateConnectionResourceId"),
      ],
    },
  },
];

describe("AZURE_CLASSIC_INTERCONNECT_EXTRACTORS", () => describeKindCases(T, CASES));
