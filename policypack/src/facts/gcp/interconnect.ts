// Who a Google Cloud networking resource connects to: Cloud Router BGP peers (ASN and address),
// HA VPN external gateways and Classic VPN tunnels (peer addresses; a peer HA VPN gateway's
// project and region), VLAN attachments (the project of the Interconnect they use), VPC Network
// Peering (the peer network's project), private services access (the producer service) and
// Private Service Connect endpoints (the service attachment's project and region).
//
// Tokens and property paths were checked against the `.d.ts` and `.js` of @pulumi/gcp 9.37.0
// (`…Args` interfaces, `types/input.d.ts`, `__pulumiType`). Note the token spelling of Classic
// VPN tunnels: `gcp:compute/vPNTunnel:VPNTunnel`.
//
// Limits of what the inputs show:
//   - A Partner Interconnect attachment (`type: "PARTNER"`) names no partner: the pairing key is
//     handed to the partner outside Google Cloud, and `partnerAsn` is an output. Such an
//     attachment is listed with whatever it names (a Dedicated Interconnect's project, the
//     customer router's address), possibly nothing.
//   - A network named without a project (a bare name, or a self link of the same project) is in
//     the resource's own project, which is not a far side; only `projects/<id>/…` paths report
//     a project.
//   - A regional forwarding rule is an endpoint only when its target is a service attachment
//     (`…/serviceAttachments/…`, which must be in the rule's own region) or a bundle of Google
//     APIs; load-balancer rules are not interconnects. Global forwarding rules are not listed:
//     their Private Service Connect targets are only Google's own APIs (`all-apis`, `vpc-sc`),
//     which are not a far side.
import { lookupGcpLocation } from "../../catalogue/regions";
import type { InterconnectExtractor, PeerMaker, Reader } from "../peers";
import {
  conditionalExtractor,
  extractor,
  ipPeer,
  PeerCollector,
  peerOf,
  serviceNamePeer,
} from "../peers";
import type { PeerIdentifier } from "../types";
import { Computed, read } from "../../values";

/** A Google Cloud project ID, lower case. */
export const gcpProjectPeer = peerOf("gcp-project", (v) => v.toLowerCase());

/** A Google Cloud region or zone as a region identifier, with its country from the catalogue. */
export const gcpRegionPeer: PeerMaker = (value, path) => {
  const found = lookupGcpLocation(value);
  if (!found) return [];
  const country = found.entry?.country;
  return [{ kind: "region", value: found.region, path, ...(country ? { country } : {}) }];
};

/**
 * The project and location a Google Cloud resource path names: a self link
 * (`https://www.googleapis.com/compute/v1/projects/p/regions/r/vpnGateways/g`), a full resource
 * name (`//compute.googleapis.com/projects/p/…`) or a relative one (`projects/p/global/networks/n`).
 * `global` and bare names give no location; a bare name gives no project either.
 */
export function parseGcpResourcePath(
  value: string,
): { readonly project?: string; readonly location?: string } | undefined {
  const m = /(?:^|\/)projects\/([^/]+)(?:\/(?:regions|zones|locations)\/([^/]+))?/.exec(
    value.trim(),
  );
  if (!m) return undefined;
  const project = m[1]?.toLowerCase();
  const location = m[2]?.toLowerCase();
  return {
    ...(project ? { project } : {}),
    ...(location && location !== "global" ? { location } : {}),
  };
}

/** A resource path's project and region (nothing for a bare name). */
export const gcpResourcePathPeer: PeerMaker = (value, path) => {
  const parsed = parseGcpResourcePath(value);
  if (!parsed) return [];
  const out: PeerIdentifier[] = [];
  if (parsed.project) out.push(...gcpProjectPeer(parsed.project, path));
  if (parsed.location) out.push(...gcpRegionPeer(parsed.location, path));
  return out;
};

/** Private Service Connect targets that are Google's own APIs (`target` of a forwarding rule). */
export const GOOGLE_API_BUNDLES: ReadonlySet<string> = new Set(["all-apis", "vpc-sc"]);

/** A Private Service Connect endpoint's target: a service attachment, by name, project and region. */
const pscTargetPeer: PeerMaker = (value, path) =>
  GOOGLE_API_BUNDLES.has(value.trim().toLowerCase())
    ? []
    : [...serviceNamePeer(value, path), ...gcpResourcePathPeer(value, path)];

function isPscTarget(value: string): boolean {
  const v = value.trim().toLowerCase();
  return GOOGLE_API_BUNDLES.has(v) || /(^|\/)serviceattachments\//.test(v);
}

/**
 * A forwarding rule as a Private Service Connect endpoint, or undefined when it is a load
 * balancer's rule. A computed target is an endpoint only when `loadBalancingScheme` is set to ""
 * (the scheme Private Service Connect endpoints use); then the target is reported as computed.
 */
function pscEndpoint(kind: string): InterconnectExtractor {
  return conditionalExtractor(kind, (props) => {
    const target = read(props, "target");
    const c = new PeerCollector();
    if (target instanceof Computed) {
      if (read(props, "loadBalancingScheme") !== "") return undefined;
      return c.computed(target.path).result(kind);
    }
    if (typeof target !== "string" || !isPscTarget(target)) return undefined;
    return c.scalar(props, "target", pscTargetPeer).result(kind);
  });
}

const peerAsn: Reader = (c, p) => c.asn(p, "peerAsn");

export const GCP_INTERCONNECT_EXTRACTORS: ReadonlyMap<string, InterconnectExtractor> = new Map<
  string,
  InterconnectExtractor
>([
  // ── Cloud Router BGP sessions ───────────────────────────────────────────────────────────
  [
    "gcp:compute/routerPeer:RouterPeer",
    extractor(
      "Cloud Router BGP peer",
      peerAsn,
      (c, p) => c.scalar(p, "peerIpAddress", ipPeer),
      (c, p) => c.scalar(p, "peerIpv4NexthopAddress", ipPeer),
      (c, p) => c.scalar(p, "peerIpv6NexthopAddress", ipPeer),
    ),
  ],

  // ── Cloud VPN ───────────────────────────────────────────────────────────────────────────
  [
    "gcp:compute/externalVpnGateway:ExternalVpnGateway",
    extractor("external VPN gateway", (c, p) =>
      c.each(p, "interfaces", (item, itemPath) => {
        c.scalar(item, "ipAddress", ipPeer, itemPath);
        c.scalar(item, "ipv6Address", ipPeer, itemPath);
      }),
    ),
  ],
  [
    "gcp:compute/vPNTunnel:VPNTunnel",
    extractor(
      "VPN tunnel",
      (c, p) => c.scalar(p, "peerIp", ipPeer),
      (c, p) => c.scalar(p, "peerExternalGateway", gcpResourcePathPeer),
      // Another HA VPN gateway in Google Cloud: its project and region.
      (c, p) => c.scalar(p, "peerGcpGateway", gcpResourcePathPeer),
    ),
  ],

  // ── Cloud Interconnect ──────────────────────────────────────────────────────────────────
  [
    "gcp:compute/interconnectAttachment:InterconnectAttachment",
    extractor(
      "Cloud Interconnect VLAN attachment",
      (c, p) => c.scalar(p, "interconnect", gcpResourcePathPeer),
      (c, p) => c.scalar(p, "candidateCustomerRouterIpAddress", ipPeer),
      (c, p) => c.scalar(p, "candidateCustomerRouterIpv6Address", ipPeer),
    ),
  ],

  // ── VPC Network Peering and private services access ─────────────────────────────────────
  [
    "gcp:compute/networkPeering:NetworkPeering",
    extractor(
      "VPC network peering",
      (c, p) => c.scalar(p, "peerNetwork", gcpResourcePathPeer),
      (c, p) => c.link(p, "peerNetwork"),
    ),
  ],
  [
    // A peering with a service producer's network (Cloud SQL, Memorystore, Vertex AI … through
    // `servicenetworking.googleapis.com`): the service is reported as a service name.
    "gcp:servicenetworking/connection:Connection",
    extractor("private services access connection", (c, p) =>
      c.scalar(p, "service", serviceNamePeer),
    ),
  ],

  // ── Private Service Connect ─────────────────────────────────────────────────────────────
  ["gcp:compute/forwardingRule:ForwardingRule", pscEndpoint("Private Service Connect endpoint")],
]);
