import * as fs from "fs";
import * as path from "path";
import type { VNetPeeringArgs } from "@pulumi/azure-native/databricks/vnetPeering";
import type { ExpressRouteCircuitArgs } from "@pulumi/azure-native/network/expressRouteCircuit";
import type { ExpressRouteCircuitConnectionArgs } from "@pulumi/azure-native/network/expressRouteCircuitConnection";
import type { ExpressRouteCircuitPeeringArgs } from "@pulumi/azure-native/network/expressRouteCircuitPeering";
import type { ExpressRouteConnectionArgs } from "@pulumi/azure-native/network/expressRouteConnection";
import type { ExpressRouteCrossConnectionPeeringArgs } from "@pulumi/azure-native/network/expressRouteCrossConnectionPeering";
import type { HubVirtualNetworkConnectionArgs } from "@pulumi/azure-native/network/hubVirtualNetworkConnection";
import type { LocalNetworkGatewayArgs } from "@pulumi/azure-native/network/localNetworkGateway";
import type { PrivateEndpointArgs } from "@pulumi/azure-native/network/privateEndpoint";
import type { SubscriptionNetworkManagerConnectionArgs } from "@pulumi/azure-native/network/subscriptionNetworkManagerConnection";
import type { VirtualHubBgpConnectionArgs } from "@pulumi/azure-native/network/virtualHubBgpConnection";
import type { VirtualNetworkGatewayConnectionArgs } from "@pulumi/azure-native/network/virtualNetworkGatewayConnection";
import type { VirtualNetworkPeeringArgs } from "@pulumi/azure-native/network/virtualNetworkPeering";
import type { VirtualRouterPeeringArgs } from "@pulumi/azure-native/network/virtualRouterPeering";
import type { VpnConnectionArgs } from "@pulumi/azure-native/network/vpnConnection";
import type { VpnSiteArgs } from "@pulumi/azure-native/network/vpnSite";
import type { PeerAsnArgs } from "@pulumi/azure-native/peering/peerAsn";
import type { PeeringArgs } from "@pulumi/azure-native/peering/peering";
import type { PeeringServiceArgs } from "@pulumi/azure-native/peering/peeringService";
import type { RegisteredAsnArgs } from "@pulumi/azure-native/peering/registeredAsn";
import { AZURE_INTERCONNECT_EXTRACTORS } from "../../../../policypack/src/facts/azure/interconnect";
import { normaliseToken } from "../../../../policypack/src/facts/tokens";
import type { InterconnectFacts, PeerIdentifier } from "../../../../policypack/src/facts/types";
import type { Props } from "../../../../policypack/src/values";
import { COMPUTED, OTHER_SUB, OWN_SUB, args, vnetId } from "../../../support/facts/accounts";

function facts(token: string, props: Props): InterconnectFacts {
  const extract = AZURE_INTERCONNECT_EXTRACTORS.get(normaliseToken(token));
  if (!extract) throw new Error(`no extractor for ${token}`);
  const result = extract(props);
  if (!result) throw new Error(`${token} is not read as an interconnect`);
  return result;
}

function peers(token: string, props: Props): readonly PeerIdentifier[] {
  return facts(token, props).peers;
}

const sub = (value: string, p: string): PeerIdentifier => ({
  kind: "azure-subscription",
  value,
  path: p,
});
const asn = (value: string, p: string): PeerIdentifier => ({ kind: "asn", value, path: p });
const ip = (value: string, p: string): PeerIdentifier => ({ kind: "ip", value, path: p });
const fqdn = (value: string, p: string): PeerIdentifier => ({ kind: "fqdn", value, path: p });
const carrier = (value: string, p: string): PeerIdentifier => ({ kind: "carrier", value, path: p });

const RG = { resourceGroupName: "rg-net" };
const ER_PEERING_OTHER = `/subscriptions/${OTHER_SUB}/resourceGroups/rg-er/providers/Microsoft.Network/expressRouteCircuits/c2/peerings/AzurePrivatePeering`;
const ER_PEERING_OWN = `/subscriptions/${OWN_SUB}/resourceGroups/rg-er/providers/Microsoft.Network/expressRouteCircuits/c1/peerings/AzurePrivatePeering`;
const armId = (s: string, type: string, name: string) =>
  `/subscriptions/${s}/resourceGroups/rg-x/providers/Microsoft.Network/${type}/${name}`;

interface KindCase {
  readonly token: string;
  readonly found: { readonly props: Props; readonly peers: readonly PeerIdentifier[] };
  readonly plain: { readonly props: Props; readonly peers: readonly PeerIdentifier[] };
}

const CASES: readonly KindCase[] = [
  {
    token: "azure-native:network:VirtualNetworkPeering",
    found: {
      props: args<VirtualNetworkPeeringArgs>({
        ...RG,
        virtualNetworkName: "vnet-a",
        remoteVirtualNetwork: { id: vnetId(OTHER_SUB) },
        remoteAddressSpace: { addressPrefixes: ["10.20.0.0/16"] },
      }),
      peers: [
        sub(OTHER_SUB, "remoteVirtualNetwork.id"),
        ip("10.20.0.0/16", "remoteAddressSpace.addressPrefixes[0]"),
      ],
    },
    plain: {
      props: args<VirtualNetworkPeeringArgs>({
        ...RG,
        virtualNetworkName: "vnet-a",
        remoteVirtualNetwork: { id: vnetId(OWN_SUB, "vnet-b") },
      }),
      peers: [sub(OWN_SUB, "remoteVirtualNetwork.id")],
    },
  },
  {
    token: "azure-native:databricks:VNetPeering",
    found: {
      props: args<VNetPeeringArgs>({
        ...RG,
        workspaceName: "ws",
        remoteVirtualNetwork: { id: vnetId(OTHER_SUB) },
        remoteAddressSpace: { addressPrefixes: ["10.30.0.0/16"] },
      }),
      peers: [
        sub(OTHER_SUB, "remoteVirtualNetwork.id"),
        ip("10.30.0.0/16", "remoteAddressSpace.addressPrefixes[0]"),
      ],
    },
    plain: {
      props: args<VNetPeeringArgs>({
        ...RG,
        workspaceName: "ws",
        remoteVirtualNetwork: { id: vnetId(OWN_SUB) },
      }),
      peers: [sub(OWN_SUB, "remoteVirtualNetwork.id")],
    },
  },
  {
    token: "azure-native:network:HubVirtualNetworkConnection",
    found: {
      props: args<HubVirtualNetworkConnectionArgs>({
        ...RG,
        virtualHubName: "hub",
        remoteVirtualNetwork: { id: vnetId(OTHER_SUB) },
      }),
      peers: [sub(OTHER_SUB, "remoteVirtualNetwork.id")],
    },
    plain: {
      props: args<HubVirtualNetworkConnectionArgs>({ ...RG, virtualHubName: "hub" }),
      peers: [],
    },
  },
  {
    token: "azure-native:network:SubscriptionNetworkManagerConnection",
    found: {
      props: args<SubscriptionNetworkManagerConnectionArgs>({
        networkManagerId: armId(OTHER_SUB, "networkManagers", "nm"),
      }),
      peers: [sub(OTHER_SUB, "networkManagerId")],
    },
    plain: {
      props: args<SubscriptionNetworkManagerConnectionArgs>({ description: "none" }),
      peers: [],
    },
  },
  {
    token: "azure-native:network:LocalNetworkGateway",
    found: {
      props: args<LocalNetworkGatewayArgs>({
        ...RG,
        gatewayIpAddress: "47.88.1.1",
        fqdn: "VPN.Example.CN.",
        localNetworkAddressSpace: { addressPrefixes: ["172.16.0.0/16"] },
        bgpSettings: { asn: 45102, bgpPeeringAddress: "172.16.0.1" },
      }),
      peers: [
        ip("47.88.1.1", "gatewayIpAddress"),
        fqdn("vpn.example.cn", "fqdn"),
        ip("172.16.0.0/16", "localNetworkAddressSpace.addressPrefixes[0]"),
        asn("45102", "bgpSettings.asn"),
        ip("172.16.0.1", "bgpSettings.bgpPeeringAddress"),
      ],
    },
    plain: {
      props: args<LocalNetworkGatewayArgs>({ ...RG, gatewayIpAddress: "198.51.100.7" }),
      peers: [ip("198.51.100.7", "gatewayIpAddress")],
    },
  },
  {
    token: "azure-native:network:VirtualNetworkGatewayConnection",
    found: {
      props: args<VirtualNetworkGatewayConnectionArgs>({
        ...RG,
        connectionType: "IPsec",
        virtualNetworkGateway1: { id: armId(OWN_SUB, "virtualNetworkGateways", "gw1") },
        virtualNetworkGateway2: { id: armId(OTHER_SUB, "virtualNetworkGateways", "gw2") },
        localNetworkGateway2: {
          id: armId(OTHER_SUB, "localNetworkGateways", "lng"),
          gatewayIpAddress: "120.232.1.1",
          bgpSettings: {
            asn: 9808,
            bgpPeeringAddresses: [{ customBgpIpAddresses: ["169.254.21.1"] }],
          },
        },
        peer: { id: armId(OTHER_SUB, "expressRouteCircuits", "c2") },
      }),
      peers: [
        ip("120.232.1.1", "localNetworkGateway2.gatewayIpAddress"),
        asn("9808", "localNetworkGateway2.bgpSettings.asn"),
        ip(
          "169.254.21.1",
          "localNetworkGateway2.bgpSettings.bgpPeeringAddresses[0].customBgpIpAddresses[0]",
        ),
        sub(OTHER_SUB, "localNetworkGateway2.id"),
        sub(OTHER_SUB, "virtualNetworkGateway2.id"),
        sub(OTHER_SUB, "peer.id"),
      ],
    },
    plain: {
      props: args<VirtualNetworkGatewayConnectionArgs>({
        ...RG,
        connectionType: "IPsec",
        virtualNetworkGateway1: { id: armId(OWN_SUB, "virtualNetworkGateways", "gw1") },
      }),
      peers: [],
    },
  },
  {
    token: "azure-native:network:VpnSite",
    found: {
      props: args<VpnSiteArgs>({
        ...RG,
        ipAddress: "58.32.0.1",
        bgpProperties: { asn: 4812, bgpPeeringAddress: "10.1.0.1" },
        addressSpace: { addressPrefixes: ["10.1.0.0/16"] },
        vpnSiteLinks: [
          {
            name: "link1",
            fqdn: "site.example.cn",
            bgpProperties: { asn: 4134, bgpPeeringAddress: "10.1.0.2" },
            linkProperties: { linkProviderName: "China Telecom", linkSpeedInMbps: 100 },
          },
        ],
      }),
      peers: [
        ip("58.32.0.1", "ipAddress"),
        asn("4812", "bgpProperties.asn"),
        ip("10.1.0.1", "bgpProperties.bgpPeeringAddress"),
        ip("10.1.0.0/16", "addressSpace.addressPrefixes[0]"),
        fqdn("site.example.cn", "vpnSiteLinks[0].fqdn"),
        asn("4134", "vpnSiteLinks[0].bgpProperties.asn"),
        ip("10.1.0.2", "vpnSiteLinks[0].bgpProperties.bgpPeeringAddress"),
        carrier("China Telecom", "vpnSiteLinks[0].linkProperties.linkProviderName"),
      ],
    },
    plain: {
      props: args<VpnSiteArgs>({
        ...RG,
        vpnSiteLinks: [{ name: "link1", ipAddress: "198.51.100.9", bgpProperties: { asn: 65010 } }],
      }),
      peers: [
        ip("198.51.100.9", "vpnSiteLinks[0].ipAddress"),
        asn("65010", "vpnSiteLinks[0].bgpProperties.asn"),
      ],
    },
  },
  {
    token: "azure-native:network:VpnConnection",
    found: {
      props: args<VpnConnectionArgs>({
        ...RG,
        gatewayName: "vpngw",
        remoteVpnSite: { id: armId(OTHER_SUB, "vpnSites", "site") },
        vpnLinkConnections: [
          { vpnSiteLink: { id: `${armId(OTHER_SUB, "vpnSites", "site")}/vpnSiteLinks/l1` } },
        ],
      }),
      peers: [
        sub(OTHER_SUB, "remoteVpnSite.id"),
        sub(OTHER_SUB, "vpnLinkConnections[0].vpnSiteLink.id"),
      ],
    },
    plain: {
      props: args<VpnConnectionArgs>({
        ...RG,
        gatewayName: "vpngw",
        remoteVpnSite: { id: armId(OWN_SUB, "vpnSites", "s") },
      }),
      peers: [sub(OWN_SUB, "remoteVpnSite.id")],
    },
  },
  {
    token: "azure-native:network:ExpressRouteCircuit",
    found: {
      props: args<ExpressRouteCircuitArgs>({
        ...RG,
        serviceProviderProperties: {
          serviceProviderName: "China Telecom Global",
          peeringLocation: "Hong Kong2",
          bandwidthInMbps: 1000,
        },
        peerings: [
          {
            name: "AzurePrivatePeering",
            peerASN: 4809,
            connections: [{ peerExpressRouteCircuitPeering: { id: ER_PEERING_OTHER } }],
          },
        ],
      }),
      peers: [
        carrier("China Telecom Global", "serviceProviderProperties.serviceProviderName"),
        asn("4809", "peerings[0].peerASN"),
        sub(OTHER_SUB, "peerings[0].connections[0].peerExpressRouteCircuitPeering.id"),
      ],
    },
    plain: {
      props: args<ExpressRouteCircuitArgs>({
        ...RG,
        serviceProviderProperties: {
          serviceProviderName: "Equinix",
          peeringLocation: "Amsterdam",
          bandwidthInMbps: 200,
        },
      }),
      peers: [carrier("Equinix", "serviceProviderProperties.serviceProviderName")],
    },
  },
  {
    token: "azure-native:network:ExpressRouteCircuitPeering",
    found: {
      props: args<ExpressRouteCircuitPeeringArgs>({
        ...RG,
        circuitName: "c1",
        peeringType: "MicrosoftPeering",
        peerASN: 9929,
        microsoftPeeringConfig: { customerASN: 10099 },
        primaryPeerAddressPrefix: "123.125.0.0/30",
        connections: [{ peerExpressRouteCircuitPeering: { id: ER_PEERING_OTHER } }],
      }),
      peers: [
        asn("9929", "peerASN"),
        asn("10099", "microsoftPeeringConfig.customerASN"),
        ip("123.125.0.0/30", "primaryPeerAddressPrefix"),
        sub(OTHER_SUB, "connections[0].peerExpressRouteCircuitPeering.id"),
      ],
    },
    plain: {
      props: args<ExpressRouteCircuitPeeringArgs>({
        ...RG,
        circuitName: "c1",
        peeringType: "AzurePrivatePeering",
        peerASN: 65020,
        primaryPeerAddressPrefix: "192.168.0.0/30",
      }),
      peers: [asn("65020", "peerASN"), ip("192.168.0.0/30", "primaryPeerAddressPrefix")],
    },
  },
  {
    token: "azure-native:network:ExpressRouteCrossConnectionPeering",
    found: {
      props: args<ExpressRouteCrossConnectionPeeringArgs>({
        ...RG,
        crossConnectionName: "xc",
        peerASN: 58453,
        ipv6PeeringConfig: { microsoftPeeringConfig: { customerASN: 58807 } },
      }),
      peers: [
        asn("58453", "peerASN"),
        asn("58807", "ipv6PeeringConfig.microsoftPeeringConfig.customerASN"),
      ],
    },
    plain: {
      props: args<ExpressRouteCrossConnectionPeeringArgs>({
        ...RG,
        crossConnectionName: "xc",
        peerASN: 65030,
      }),
      peers: [asn("65030", "peerASN")],
    },
  },
  {
    token: "azure-native:network:ExpressRouteCircuitConnection",
    found: {
      props: args<ExpressRouteCircuitConnectionArgs>({
        ...RG,
        circuitName: "c1",
        peeringName: "AzurePrivatePeering",
        expressRouteCircuitPeering: { id: ER_PEERING_OWN },
        peerExpressRouteCircuitPeering: { id: ER_PEERING_OTHER },
      }),
      peers: [sub(OTHER_SUB, "peerExpressRouteCircuitPeering.id")],
    },
    plain: {
      props: args<ExpressRouteCircuitConnectionArgs>({
        ...RG,
        circuitName: "c1",
        peeringName: "AzurePrivatePeering",
        expressRouteCircuitPeering: { id: ER_PEERING_OWN },
      }),
      peers: [],
    },
  },
  {
    token: "azure-native:network:ExpressRouteConnection",
    found: {
      props: args<ExpressRouteConnectionArgs>({
        ...RG,
        name: "conn",
        expressRouteGatewayName: "ergw",
        expressRouteCircuitPeering: { id: ER_PEERING_OTHER },
      }),
      peers: [sub(OTHER_SUB, "expressRouteCircuitPeering.id")],
    },
    plain: {
      props: args<ExpressRouteConnectionArgs>({
        ...RG,
        name: "conn",
        expressRouteGatewayName: "ergw",
        expressRouteCircuitPeering: { id: ER_PEERING_OWN },
      }),
      peers: [sub(OWN_SUB, "expressRouteCircuitPeering.id")],
    },
  },
  {
    token: "azure-native:network:VirtualHubBgpConnection",
    found: {
      props: args<VirtualHubBgpConnectionArgs>({
        ...RG,
        virtualHubName: "hub",
        peerAsn: 45090,
        peerIp: "10.5.0.4",
      }),
      peers: [asn("45090", "peerAsn"), ip("10.5.0.4", "peerIp")],
    },
    plain: {
      props: args<VirtualHubBgpConnectionArgs>({
        ...RG,
        virtualHubName: "hub",
        peerAsn: 65040,
        peerIp: "10.5.0.4",
      }),
      peers: [asn("65040", "peerAsn"), ip("10.5.0.4", "peerIp")],
    },
  },
  {
    token: "azure-native:network:VirtualRouterPeering",
    found: {
      props: args<VirtualRouterPeeringArgs>({
        ...RG,
        virtualRouterName: "vr",
        peerAsn: 132203,
        peerIp: "10.6.0.4",
      }),
      peers: [asn("132203", "peerAsn"), ip("10.6.0.4", "peerIp")],
    },
    plain: {
      props: args<VirtualRouterPeeringArgs>({
        ...RG,
        virtualRouterName: "vr",
        peerAsn: 65050,
        peerIp: "10.6.0.4",
      }),
      peers: [asn("65050", "peerAsn"), ip("10.6.0.4", "peerIp")],
    },
  },
  {
    token: "azure-native:network:PrivateEndpoint",
    found: {
      props: args<PrivateEndpointArgs>({
        ...RG,
        privateLinkServiceConnections: [
          { name: "a", privateLinkServiceId: armId(OTHER_SUB, "privateLinkServices", "pls") },
        ],
        manualPrivateLinkServiceConnections: [
          {
            name: "b",
            privateLinkServiceId:
              "svc.2bd2bd14-3e84-4d36-9d3a-e2b7e1f2a1d1.chinaeast2.azure.privatelinkservice",
          },
        ],
      }),
      peers: [
        {
          kind: "service-name",
          value: armId(OTHER_SUB, "privateLinkServices", "pls"),
          path: "privateLinkServiceConnections[0].privateLinkServiceId",
        },
        sub(OTHER_SUB, "privateLinkServiceConnections[0].privateLinkServiceId"),
        {
          kind: "service-name",
          value: "svc.2bd2bd14-3e84-4d36-9d3a-e2b7e1f2a1d1.chinaeast2.azure.privatelinkservice",
          path: "manualPrivateLinkServiceConnections[0].privateLinkServiceId",
        },
      ],
    },
    plain: {
      props: args<PrivateEndpointArgs>({ ...RG, subnet: { id: `${vnetId(OWN_SUB)}/subnets/s` } }),
      peers: [],
    },
  },
  {
    token: "azure-native:peering:Peering",
    found: {
      props: args<PeeringArgs>({
        ...RG,
        kind: "Direct",
        sku: { name: "Basic_Direct_Free" },
        direct: {
          peerAsn: { id: `/subscriptions/${OTHER_SUB}/providers/Microsoft.Peering/peerAsns/cmi` },
          connections: [
            {
              bgpSession: {
                peerSessionIPv4Address: "80.249.208.1",
                peerSessionIPv6Address: "2001:7F8:1::1",
              },
            },
          ],
        },
      }),
      peers: [
        sub(OTHER_SUB, "direct.peerAsn.id"),
        ip("80.249.208.1", "direct.connections[0].bgpSession.peerSessionIPv4Address"),
        ip("2001:7f8:1::1", "direct.connections[0].bgpSession.peerSessionIPv6Address"),
      ],
    },
    plain: {
      props: args<PeeringArgs>({ ...RG, kind: "Exchange", sku: { name: "Basic_Exchange_Free" } }),
      peers: [],
    },
  },
  {
    token: "azure-native:peering:PeerAsn",
    found: {
      props: args<PeerAsnArgs>({ peerAsn: 58453, peerName: "China Mobile International" }),
      peers: [asn("58453", "peerAsn"), carrier("China Mobile International", "peerName")],
    },
    plain: { props: args<PeerAsnArgs>({ peerAsnName: "contoso" }), peers: [] },
  },
  {
    token: "azure-native:peering:RegisteredAsn",
    found: {
      props: args<RegisteredAsnArgs>({ ...RG, peeringName: "p", asn: 4837 }),
      peers: [asn("4837", "asn")],
    },
    plain: { props: args<RegisteredAsnArgs>({ ...RG, peeringName: "p" }), peers: [] },
  },
  {
    token: "azure-native:peering:PeeringService",
    found: {
      props: args<PeeringServiceArgs>({ ...RG, peeringServiceProvider: "China Unicom Global" }),
      peers: [carrier("China Unicom Global", "peeringServiceProvider")],
    },
    plain: {
      props: args<PeeringServiceArgs>({ ...RG, peeringServiceLocation: "Washington" }),
      peers: [],
    },
  },
];

describe("AZURE_INTERCONNECT_EXTRACTORS", () => {
  it("has a test case for every kind it lists, and lists every kind tested", () => {
    expect(CASES.map((c) => c.token).sort()).toEqual(
      [...AZURE_INTERCONNECT_EXTRACTORS.keys()].sort(),
    );
  });

  it("lists only type tokens that exist in @pulumi/azure-native", () => {
    const root = path.dirname(require.resolve("@pulumi/azure-native/package.json"));
    for (const token of AZURE_INTERCONNECT_EXTRACTORS.keys()) {
      const m = /^azure-native:([a-z0-9]+):([A-Za-z0-9]+)$/.exec(token);
      expect(m).not.toBeNull();
      const dir = path.join(root, m?.[1] ?? "");
      const declared = fs
        .readdirSync(dir)
        .filter((f) => f.endsWith(".js"))
        .some((f) =>
          fs.readFileSync(path.join(dir, f), "utf8").includes(`__pulumiType = '${token}'`),
        );
      expect({ token, declared }).toEqual({ token, declared: true });
    }
  });
});

describe.each(CASES)("$token", ({ token, found, plain }) => {
  it("finds the identifiers of a foreign peer", () => {
    expect(sortPeers(peers(token, found.props))).toEqual(sortPeers(found.peers));
  });

  it("finds nothing foreign in compliant inputs", () => {
    expect(sortPeers(peers(token, plain.props))).toEqual(sortPeers(plain.peers));
    expect(facts(token, plain.props).computed).toEqual([]);
  });
});

describe("Azure interconnect: versioned tokens, ASN forms, computed values", () => {
  const PEERING = "azure-native:network:VirtualNetworkPeering";
  const LNG = "azure-native:network:LocalNetworkGateway";

  it("finds the extractor of a versioned token after normalisation", () => {
    const props = { remoteVirtualNetwork: { id: vnetId(OTHER_SUB) } };
    expect(peers("azure-native:network/v20240301:VirtualNetworkPeering", props)).toEqual([
      sub(OTHER_SUB, "remoteVirtualNetwork.id"),
    ]);
  });

  it.each([[45102], ["45102"], ["AS45102"]])("reads bgpSettings.asn %j as 45102", (value) => {
    expect(peers(LNG, { bgpSettings: { asn: value } })).toEqual([asn("45102", "bgpSettings.asn")]);
  });

  it("reads a nested object sent as a JSON string", () => {
    const props = { remoteVirtualNetwork: JSON.stringify({ id: vnetId(OTHER_SUB) }) };
    expect(peers(PEERING, props)).toEqual([sub(OTHER_SUB, "remoteVirtualNetwork.id")]);
  });

  it("reports a computed remote network ID and gives no identifier for it", () => {
    expect(facts(PEERING, { remoteVirtualNetwork: { id: COMPUTED } })).toEqual({
      kind: "virtual network peering",
      peers: [],
      computed: ["remoteVirtualNetwork.id"],
    });
  });

  it("reports a computed list of VPN site links", () => {
    expect(facts("azure-native:network:VpnSite", { vpnSiteLinks: COMPUTED }).computed).toEqual([
      "vpnSiteLinks",
    ]);
  });

  it("reports a computed gateway IP and a computed ASN", () => {
    expect(
      facts(LNG, { gatewayIpAddress: COMPUTED, bgpSettings: { asn: COMPUTED } }).computed,
    ).toEqual(["gatewayIpAddress", "bgpSettings.asn"]);
  });

  it("gives no subscription for an ID that is not an ARM resource ID", () => {
    expect(peers(PEERING, { remoteVirtualNetwork: { id: "vnet-b" } })).toEqual([]);
  });
});

function sortPeers(list: readonly PeerIdentifier[]): PeerIdentifier[] {
  const key = (p: PeerIdentifier) => `${p.path}|${p.kind}|${p.value}`;
  return [...list].sort((a, b) => key(a).localeCompare(key(b)));
}
