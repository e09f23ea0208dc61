// Who an azure-native networking resource connects to: the subscriptions of remote virtual
// networks, gateways, circuits and Private Link services (read from ARM resource IDs), BGP peers
// (ASN and address), VPN endpoints (IP address or FQDN) and carriers (ExpressRoute
// `serviceProviderName`, VPN site link `linkProviderName`, Peering Service provider).
//
// Tokens and property paths were checked against the `.d.ts` of @pulumi/azure-native 3.28.0
// (`…Args` interfaces and `types/input.d.ts`). Keys are unversioned tokens: callers normalise
// versioned ones (`azure-native:network/v20240301:VirtualNetworkPeering`) with normaliseToken.
//
// Limits of what the inputs show:
//   - An ARM ID names a subscription but not the cloud (public, China, US Government); the cloud
//     is the resource's own provider's, because ARM does not link resources across clouds.
//   - Peering locations (ExpressRoute `peeringLocation`, Peering `peeringLocation`) name a
//     meet-me site such as "Hong Kong2", which no PeerIdentifier kind describes; not reported.
//   - Address spaces of the far side (`remoteAddressSpace.addressPrefixes`, a local network
//     gateway's `localNetworkAddressSpace`) are reported as "ip" identifiers.
import { parseArmId } from "../arn";
import type { InterconnectExtractor, PeerCollector, PeerMaker, Reader } from "../peers";
import { carrierPeer, extractor, fqdnPeer, ipPeer, serviceNamePeer } from "../peers";

/** The subscription an ARM resource ID names (lower case); nothing when it is not an ARM ID. */
export const armSubscriptionPeer: PeerMaker = (value, path) => {
  const id = parseArmId(value);
  return id ? [{ kind: "azure-subscription", value: id.subscriptionId, path }] : [];
};

/**
 * A Private Link target: the service (an ARM ID, or an alias for a service in another tenant) as
 * a service name, plus the subscription when it is an ARM ID.
 */
export const privateLinkServicePeer: PeerMaker = (value, path) => [
  ...serviceNamePeer(value, path),
  ...armSubscriptionPeer(value, path),
];

/** `<path>.id` as a subscription. */
const idOf =
  (path: string): Reader =>
  (c, p) =>
    c.scalar(p, `${path}.id`, armSubscriptionPeer);

/** `<path>.addressPrefixes[]` as IP ranges. */
const prefixesOf =
  (path: string): Reader =>
  (c, p) =>
    c.scalars(p, `${path}.addressPrefixes`, ipPeer);

/** `field` below `at` (a property path inside `root`, "" for `root` itself). */
function under(at: string, field: string): string {
  return at ? `${at}.${field}` : field;
}

/**
 * BgpSettings at `at` inside `root`: `asn`, `bgpPeeringAddress`,
 * `bgpPeeringAddresses[].customBgpIpAddresses[]`. `base` is the path of `root` itself.
 */
export function bgpSettings(c: PeerCollector, root: unknown, at: string, base = ""): void {
  c.asn(root, under(at, "asn"), base);
  c.scalar(root, under(at, "bgpPeeringAddress"), ipPeer, base);
  c.each(
    root,
    under(at, "bgpPeeringAddresses"),
    (item, itemPath) => c.scalars(item, "customBgpIpAddresses", ipPeer, itemPath),
    base,
  );
}

/** A local network gateway at `at` inside `root` (its own resource, or inline in a connection). */
function localGateway(c: PeerCollector, root: unknown, at: string): void {
  c.scalar(root, under(at, "gatewayIpAddress"), ipPeer);
  c.scalar(root, under(at, "fqdn"), fqdnPeer);
  c.scalars(root, under(at, "localNetworkAddressSpace.addressPrefixes"), ipPeer);
  bgpSettings(c, root, under(at, "bgpSettings"));
}

/** ExpressRoute peering ASNs: `peerASN` and Microsoft peering's `customerASN` (IPv4 and IPv6). */
function expressRoutePeering(c: PeerCollector, root: unknown, base: string): void {
  c.asn(root, "peerASN", base);
  c.asn(root, "microsoftPeeringConfig.customerASN", base);
  c.asn(root, "ipv6PeeringConfig.microsoftPeeringConfig.customerASN", base);
  c.scalar(root, "primaryPeerAddressPrefix", ipPeer, base);
  c.scalar(root, "secondaryPeerAddressPrefix", ipPeer, base);
  c.scalar(root, "ipv6PeeringConfig.primaryPeerAddressPrefix", ipPeer, base);
  c.scalar(root, "ipv6PeeringConfig.secondaryPeerAddressPrefix", ipPeer, base);
}

const vnetPeering: Reader[] = [
  idOf("remoteVirtualNetwork"),
  prefixesOf("remoteAddressSpace"),
  prefixesOf("remoteVirtualNetworkAddressSpace"),
];

const bgpPeer: Reader[] = [(c, p) => c.asn(p, "peerAsn"), (c, p) => c.scalar(p, "peerIp", ipPeer)];

const privateEndpoint: Reader = (c, p) => {
  for (const list of ["privateLinkServiceConnections", "manualPrivateLinkServiceConnections"]) {
    c.each(p, list, (item, itemPath) =>
      c.scalar(item, "privateLinkServiceId", privateLinkServicePeer, itemPath),
    );
  }
};

export const AZURE_INTERCONNECT_EXTRACTORS: ReadonlyMap<string, InterconnectExtractor> = new Map<
  string,
  InterconnectExtractor
>([
  // ── Virtual network peering ─────────────────────────────────────────────────────────────
  [
    "azure-native:network:VirtualNetworkPeering",
    extractor("virtual network peering", ...vnetPeering),
  ],
  [
    "azure-native:databricks:VNetPeering",
    extractor(
      "Databricks virtual network peering",
      idOf("remoteVirtualNetwork"),
      prefixesOf("remoteAddressSpace"),
    ),
  ],
  [
    "azure-native:network:HubVirtualNetworkConnection",
    extractor("virtual hub connection", idOf("remoteVirtualNetwork")),
  ],
  [
    "azure-native:network:SubscriptionNetworkManagerConnection",
    extractor("network manager connection", (c, p) =>
      c.scalar(p, "networkManagerId", armSubscriptionPeer),
    ),
  ],

  // ── VPN ─────────────────────────────────────────────────────────────────────────────────
  [
    "azure-native:network:LocalNetworkGateway",
    extractor("local network gateway", (c, p) => localGateway(c, p, "")),
  ],
  [
    "azure-native:network:VirtualNetworkGatewayConnection",
    extractor(
      "virtual network gateway connection",
      (c, p) => localGateway(c, p, "localNetworkGateway2"),
      idOf("localNetworkGateway2"),
      idOf("virtualNetworkGateway2"),
      // An ExpressRoute circuit (connection type ExpressRoute).
      idOf("peer"),
    ),
  ],
  [
    "azure-native:network:VpnSite",
    extractor(
      "VPN site",
      (c, p) => c.scalar(p, "ipAddress", ipPeer),
      (c, p) => bgpSettings(c, p, "bgpProperties"),
      prefixesOf("addressSpace"),
      (c, p) =>
        c.each(p, "vpnSiteLinks", (link, linkPath) => {
          c.scalar(link, "ipAddress", ipPeer, linkPath);
          c.scalar(link, "fqdn", fqdnPeer, linkPath);
          c.asn(link, "bgpProperties.asn", linkPath);
          c.scalar(link, "bgpProperties.bgpPeeringAddress", ipPeer, linkPath);
          c.scalar(link, "linkProperties.linkProviderName", carrierPeer, linkPath);
        }),
    ),
  ],
  [
    "azure-native:network:VpnConnection",
    extractor("VPN connection", idOf("remoteVpnSite"), (c, p) =>
      c.each(p, "vpnLinkConnections", (link, linkPath) =>
        c.scalar(link, "vpnSiteLink.id", armSubscriptionPeer, linkPath),
      ),
    ),
  ],

  // ── ExpressRoute ────────────────────────────────────────────────────────────────────────
  [
    "azure-native:network:ExpressRouteCircuit",
    extractor(
      "ExpressRoute circuit",
      (c, p) => c.scalar(p, "serviceProviderProperties.serviceProviderName", carrierPeer),
      idOf("expressRoutePort"),
      (c, p) =>
        c.each(p, "peerings", (peering, peeringPath) => {
          expressRoutePeering(c, peering, peeringPath);
          c.each(
            peering,
            "connections",
            (conn, connPath) =>
              c.scalar(conn, "peerExpressRouteCircuitPeering.id", armSubscriptionPeer, connPath),
            peeringPath,
          );
        }),
    ),
  ],
  [
    "azure-native:network:ExpressRouteCircuitPeering",
    extractor(
      "ExpressRoute circuit peering",
      (c, p) => expressRoutePeering(c, p, ""),
      (c, p) =>
        c.each(p, "connections", (conn, connPath) =>
          c.scalar(conn, "peerExpressRouteCircuitPeering.id", armSubscriptionPeer, connPath),
        ),
    ),
  ],
  [
    "azure-native:network:ExpressRouteCrossConnectionPeering",
    extractor("ExpressRoute cross-connection peering", (c, p) => expressRoutePeering(c, p, "")),
  ],
  [
    "azure-native:network:ExpressRouteCircuitConnection",
    extractor("ExpressRoute Global Reach connection", idOf("peerExpressRouteCircuitPeering")),
  ],
  [
    "azure-native:network:ExpressRouteConnection",
    extractor("ExpressRoute gateway connection", idOf("expressRouteCircuitPeering")),
  ],

  // ── BGP peers of virtual hubs and route servers ─────────────────────────────────────────
  [
    "azure-native:network:VirtualHubBgpConnection",
    extractor("virtual hub BGP connection", ...bgpPeer),
  ],
  ["azure-native:network:VirtualRouterPeering", extractor("virtual router peering", ...bgpPeer)],

  // ── Private Link ────────────────────────────────────────────────────────────────────────
  ["azure-native:network:PrivateEndpoint", extractor("private endpoint", privateEndpoint)],

  // ── Azure Peering Service (a network's direct or exchange peering with Microsoft) ────────
  [
    "azure-native:peering:Peering",
    extractor("Azure peering", (c, p) => {
      for (const kind of ["direct", "exchange"]) {
        c.scalar(p, `${kind}.peerAsn.id`, armSubscriptionPeer);
        c.each(p, `${kind}.connections`, (conn, connPath) => {
          c.scalar(conn, "bgpSession.peerSessionIPv4Address", ipPeer, connPath);
          c.scalar(conn, "bgpSession.peerSessionIPv6Address", ipPeer, connPath);
        });
      }
    }),
  ],
  [
    "azure-native:peering:PeerAsn",
    extractor(
      "peer ASN registration",
      (c, p) => c.asn(p, "peerAsn"),
      (c, p) => c.scalar(p, "peerName", carrierPeer),
    ),
  ],
  [
    "azure-native:peering:RegisteredAsn",
    extractor("registered customer ASN", (c, p) => c.asn(p, "asn")),
  ],
  [
    "azure-native:peering:PeeringService",
    extractor("Peering Service", (c, p) => c.scalar(p, "peeringServiceProvider", carrierPeer)),
  ],
]);
