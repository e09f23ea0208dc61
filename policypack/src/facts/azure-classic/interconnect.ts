// Who a classic Azure (@pulumi/azure) networking resource connects to. The same far sides as the
// azure-native kinds (facts/azure/interconnect.ts), read with that module's identifier makers
// (subscriptions from ARM IDs, Private Link targets, BGP settings) from the classic provider's
// flat property names (`remoteVirtualNetworkId`, `gatewayAddress`, `serviceProviderName`).
//
// Tokens and property paths were checked against the `.d.ts` and `.js` of @pulumi/azure 6.40.0
// (`…Args` interfaces, `types/input.d.ts`, `__pulumiType`). Private endpoints are
// `azure:privatelink/endpoint:Endpoint` in this package.
//
// Limits as for azure-native: an ARM ID names a subscription, not a cloud; ExpressRoute
// `peeringLocation` names a meet-me site ("Hong Kong2"), which no identifier kind describes.
import { armSubscriptionPeer, bgpSettings, privateLinkServicePeer } from "../azure/interconnect";
import type { InterconnectExtractor, PeerCollector, Reader } from "../peers";
import { carrierPeer, extractor, fqdnPeer, ipPeer, serviceNamePeer } from "../peers";

/** An ARM ID at `path` as a subscription. */
const idAt =
  (path: string): Reader =>
  (c, p) =>
    c.scalar(p, path, armSubscriptionPeer);

/** ExpressRoute peering ASNs and peer address prefixes (IPv4 and `ipv6`). */
function expressRoutePeering(c: PeerCollector, p: unknown): void {
  c.asn(p, "peerAsn");
  c.asn(p, "microsoftPeeringConfig.customerAsn");
  c.asn(p, "ipv6.microsoftPeering.customerAsn");
  for (const prefix of [
    "primaryPeerAddressPrefix",
    "secondaryPeerAddressPrefix",
    "ipv6.primaryPeerAddressPrefix",
    "ipv6.secondaryPeerAddressPrefix",
  ]) {
    c.scalar(p, prefix, ipPeer);
  }
}

export const AZURE_CLASSIC_INTERCONNECT_EXTRACTORS: ReadonlyMap<string, InterconnectExtractor> =
  new Map<string, InterconnectExtractor>([
    // ── Virtual network peering ──────────────────────────────────────────────────────────
    [
      "azure:network/virtualNetworkPeering:VirtualNetworkPeering",
      extractor("virtual network peering", idAt("remoteVirtualNetworkId")),
    ],
    [
      "azure:network/virtualHubConnection:VirtualHubConnection",
      extractor("virtual hub connection", idAt("remoteVirtualNetworkId")),
    ],

    // ── VPN ──────────────────────────────────────────────────────────────────────────────
    [
      "azure:network/localNetworkGateway:LocalNetworkGateway",
      extractor(
        "local network gateway",
        (c, p) => c.scalar(p, "gatewayAddress", ipPeer),
        (c, p) => c.scalar(p, "gatewayFqdn", fqdnPeer),
        (c, p) => c.scalars(p, "addressSpaces", ipPeer),
        (c, p) => bgpSettings(c, p, "bgpSettings"),
      ),
    ],
    [
      "azure:network/virtualNetworkGatewayConnection:VirtualNetworkGatewayConnection",
      extractor(
        "virtual network gateway connection",
        idAt("peerVirtualNetworkGatewayId"),
        idAt("expressRouteCircuitId"),
      ),
    ],
    [
      "azure:network/vpnSite:VpnSite",
      extractor(
        "VPN site",
        (c, p) => c.scalars(p, "addressCidrs", ipPeer),
        (c, p) =>
          c.each(p, "links", (link, linkPath) => {
            c.scalar(link, "ipAddress", ipPeer, linkPath);
            c.scalar(link, "fqdn", fqdnPeer, linkPath);
            c.scalar(link, "providerName", carrierPeer, linkPath);
            c.asn(link, "bgp.asn", linkPath);
            c.scalar(link, "bgp.peeringAddress", ipPeer, linkPath);
          }),
      ),
    ],

    // ── ExpressRoute ─────────────────────────────────────────────────────────────────────
    [
      "azure:network/expressRouteCircuit:ExpressRouteCircuit",
      extractor(
        "ExpressRoute circuit",
        (c, p) => c.scalar(p, "serviceProviderName", carrierPeer),
        idAt("expressRoutePortId"),
      ),
    ],
    [
      "azure:network/expressRouteCircuitPeering:ExpressRouteCircuitPeering",
      extractor("ExpressRoute circuit peering", expressRoutePeering),
    ],
    [
      "azure:network/expressRouteCircuitConnection:ExpressRouteCircuitConnection",
      extractor("ExpressRoute Global Reach connection", idAt("peerPeeringId")),
    ],
    [
      "azure:network/expressRouteConnection:ExpressRouteConnection",
      extractor("ExpressRoute gateway connection", idAt("expressRouteCircuitPeeringId")),
    ],

    // ── BGP peers of route servers ───────────────────────────────────────────────────────
    [
      "azure:network/routeServerBgpConnection:RouteServerBgpConnection",
      extractor(
        "route server BGP connection",
        (c, p) => c.asn(p, "peerAsn"),
        (c, p) => c.scalar(p, "peerIp", ipPeer),
      ),
    ],

    // ── Private Link ─────────────────────────────────────────────────────────────────────
    [
      "azure:privatelink/endpoint:Endpoint",
      extractor(
        "private endpoint",
        (c, p) =>
          c.scalar(
            p,
            "privateServiceConnection.privateConnectionResourceId",
            privateLinkServicePeer,
          ),
        (c, p) =>
          c.scalar(p, "privateServiceConnection.privateConnectionResourceAlias", serviceNamePeer),
      ),
    ],
  ]);
