// Who an AWS networking resource connects to: peer accounts and regions (VPC and transit-gateway
// peering, Direct Connect hosted interfaces and gateway associations, PrivateLink, RAM shares),
// BGP peers (ASN and address) and carriers (Direct Connect `providerName`).
//
// Every token and property path below was checked against the `.d.ts` of @pulumi/aws 7.48.0
// (the `…Args` interfaces and `types/input.d.ts`). ASN types differ per resource and are read
// either way: customer gateways, TGW Connect peers and Network Manager Connect peers take a
// string; Direct Connect interfaces and Route Server peers take a number (`bgpAsnLong` is a
// string).
//
// Kinds whose inputs name nothing on the far side are listed with no identifiers, so that
// policies still know the resource is an interconnect: the accepter side of a VPC peering or TGW
// peering (only the connection/attachment ID), and the accepters of hosted virtual interfaces
// (only the interface ID). Not listed: `ec2/peeringConnectionOptions`, `ec2/vpnConnection`
// (IDs of gateways in the same account only), `odb/networkPeeringConnection` (a VPC ID).
//
// A peer ARN's partition is not reported: AWS does not peer, share or attach across partitions,
// so a peer in `aws-cn` implies the resource itself is in `aws-cn`, which its placement shows.
import { awsPartitionOf, lookupAwsRegion } from "../../catalogue/regions";
import { isAwsAccountId, parseArn } from "../arn";
import type { InterconnectExtractor, PeerMaker, Reader } from "../peers";
import { carrierPeer, extractor, ipPeer, peerOf, serviceNamePeer } from "../peers";
import type { PeerIdentifier } from "../types";

/** An AWS region code, lower case, with its country from the catalogue or its partition. */
export const awsRegionPeer: PeerMaker = (value, path) => {
  const region = value.trim().toLowerCase();
  if (region === "") return [];
  const country = lookupAwsRegion(region)?.country ?? awsPartitionOf(region)?.country;
  return [{ kind: "region", value: region, path, ...(country ? { country } : {}) }];
};

/** An AWS account ID as written (trimmed). */
export const awsAccountPeer = peerOf("aws-account");

/** The account and region named by an ARN (no identifiers when the value is not an ARN). */
export const awsArnPeer: PeerMaker = (value, path) => {
  const arn = parseArn(value);
  if (!arn) return [];
  const out: PeerIdentifier[] = [];
  if (isAwsAccountId(arn.account)) out.push({ kind: "aws-account", value: arn.account, path });
  if (arn.region) out.push(...awsRegionPeer(arn.region, path));
  return out;
};

/**
 * A principal as RAM and PrivateLink take it: a twelve-digit account ID, or an ARN (account, role,
 * user, organization, OU) whose account is reported. Service principals
 * (`ec2.amazonaws.com`) and the `*` wildcard name no account and give no identifier.
 */
export const awsPrincipalPeer: PeerMaker = (value, path) => {
  const v = value.trim();
  if (isAwsAccountId(v)) return [{ kind: "aws-account", value: v, path }];
  const arn = parseArn(v);
  return arn && isAwsAccountId(arn.account)
    ? [{ kind: "aws-account", value: arn.account, path }]
    : [];
};

/**
 * The region a service name of AWS's own services names: `com.amazonaws.<region>.<service>` and
 * `cn.com.amazonaws.<region>.<service>` (S3, ECR, STS …), or undefined for any other name,
 * including endpoint services (`com.amazonaws.vpce.<region>.vpce-svc-…`, which any account
 * may publish). AWS service names carry the region the endpoint itself is in: gateway endpoints
 * and interface endpoints reach their own region's service unless `serviceRegion` names another.
 */
export function awsOwnServiceRegion(name: string): string | undefined {
  const m = /^(?:cn\.)?com\.amazonaws\.([a-z0-9-]+)\.[a-z0-9]/.exec(name.trim().toLowerCase());
  const region = m?.[1];
  if (region === undefined || region === "vpce") return undefined;
  return lookupAwsRegion(region) || awsPartitionOf(region) ? region : undefined;
}

/**
 * A VPC endpoint service name: the name itself (so `foreignProviders` can list service names),
 * plus, for an endpoint service (`com.amazonaws.vpce.<region>.vpce-svc-…`), the region it
 * embeds. A service of AWS's own (`com.amazonaws.<region>.s3`, `cn.com.amazonaws.<region>.ecr.dkr`)
 * is not a far side in another jurisdiction: its region is the endpoint's own, so none is
 * reported from the name (a cross-region endpoint names the other region in `serviceRegion`).
 */
export const vpcEndpointServicePeer: PeerMaker = (value, path) => {
  const out: PeerIdentifier[] = [...serviceNamePeer(value, path)];
  if (awsOwnServiceRegion(value) !== undefined) return out;
  for (const part of value.trim().toLowerCase().split(".")) {
    if (lookupAwsRegion(part) || awsPartitionOf(part)) {
      out.push(...awsRegionPeer(part, path));
      break;
    }
  }
  return out;
};

// Building blocks shared by several kinds.
const bgpAsn: Reader = (c, p) => c.asn(p, "bgpAsn");
const bgpAsnLong: Reader = (c, p) => c.asn(p, "bgpAsnLong");
const customerAddress: Reader = (c, p) => c.scalar(p, "customerAddress", ipPeer);
const ownerAccountId: Reader = (c, p) => c.scalar(p, "ownerAccountId", awsAccountPeer);
const virtualInterface: Reader[] = [bgpAsn, bgpAsnLong, customerAddress];
const nothing: Reader[] = [];

export const AWS_INTERCONNECT_EXTRACTORS: ReadonlyMap<string, InterconnectExtractor> = new Map<
  string,
  InterconnectExtractor
>([
  // ── VPC and transit-gateway peering ────────────────────────────────────────────────────
  [
    "aws:ec2/vpcPeeringConnection:VpcPeeringConnection",
    extractor(
      "VPC peering connection",
      (c, p) => c.scalar(p, "peerOwnerId", awsAccountPeer),
      (c, p) => c.scalar(p, "peerRegion", awsRegionPeer),
      // A VPC of the same stack: its region and account, at AnalyzeStack.
      (c, p) => c.link(p, "peerVpcId"),
    ),
  ],
  [
    "aws:ec2/vpcPeeringConnectionAccepter:VpcPeeringConnectionAccepter",
    extractor("VPC peering connection accepter", ...nothing),
  ],
  [
    "aws:ec2transitgateway/peeringAttachment:PeeringAttachment",
    extractor(
      "transit gateway peering attachment",
      (c, p) => c.scalar(p, "peerAccountId", awsAccountPeer),
      (c, p) => c.scalar(p, "peerRegion", awsRegionPeer),
      (c, p) => c.link(p, "peerTransitGatewayId"),
    ),
  ],
  [
    "aws:ec2transitgateway/peeringAttachmentAccepter:PeeringAttachmentAccepter",
    extractor("transit gateway peering attachment accepter", ...nothing),
  ],

  // ── BGP peers of VPNs, TGW Connect and Route Server ─────────────────────────────────────
  [
    "aws:ec2transitgateway/connectPeer:ConnectPeer",
    extractor("transit gateway Connect peer", bgpAsn, (c, p) => c.scalar(p, "peerAddress", ipPeer)),
  ],
  [
    "aws:ec2/customerGateway:CustomerGateway",
    extractor(
      "customer gateway",
      bgpAsn,
      (c, p) => c.asn(p, "bgpAsnExtended"),
      (c, p) => c.scalar(p, "ipAddress", ipPeer),
    ),
  ],
  [
    "aws:vpc/routeServerPeer:RouteServerPeer",
    extractor(
      "VPC Route Server peer",
      (c, p) => c.asn(p, "bgpOptions.peerAsn"),
      (c, p) => c.scalar(p, "peerAddress", ipPeer),
    ),
  ],
  [
    "aws:networkmanager/connectPeer:ConnectPeer",
    extractor(
      "Cloud WAN Connect peer",
      (c, p) => c.asn(p, "bgpOptions.peerAsn"),
      (c, p) => c.scalar(p, "peerAddress", ipPeer),
    ),
  ],

  // ── Direct Connect ──────────────────────────────────────────────────────────────────────
  // `location` (a Direct Connect location code such as "EqDC2") names a colocation site, which
  // no PeerIdentifier kind describes; it is not reported.
  [
    "aws:directconnect/connection:Connection",
    extractor("Direct Connect connection", (c, p) => c.scalar(p, "providerName", carrierPeer)),
  ],
  [
    "aws:directconnect/linkAggregationGroup:LinkAggregationGroup",
    extractor("Direct Connect link aggregation group", (c, p) =>
      c.scalar(p, "providerName", carrierPeer),
    ),
  ],
  [
    "aws:directconnect/hostedConnection:HostedConnection",
    extractor("Direct Connect hosted connection", ownerAccountId),
  ],
  [
    "aws:directconnect/privateVirtualInterface:PrivateVirtualInterface",
    extractor("Direct Connect private virtual interface", ...virtualInterface),
  ],
  [
    "aws:directconnect/publicVirtualInterface:PublicVirtualInterface",
    extractor("Direct Connect public virtual interface", ...virtualInterface, (c, p) =>
      c.scalars(p, "routeFilterPrefixes", ipPeer),
    ),
  ],
  [
    "aws:directconnect/transitVirtualInterface:TransitVirtualInterface",
    extractor("Direct Connect transit virtual interface", ...virtualInterface),
  ],
  ["aws:directconnect/bgpPeer:BgpPeer", extractor("Direct Connect BGP peer", ...virtualInterface)],
  [
    "aws:directconnect/hostedPrivateVirtualInterface:HostedPrivateVirtualInterface",
    extractor(
      "Direct Connect hosted private virtual interface",
      ...virtualInterface,
      ownerAccountId,
    ),
  ],
  [
    "aws:directconnect/hostedPublicVirtualInterface:HostedPublicVirtualInterface",
    extractor(
      "Direct Connect hosted public virtual interface",
      ...virtualInterface,
      ownerAccountId,
      (c, p) => c.scalars(p, "routeFilterPrefixes", ipPeer),
    ),
  ],
  [
    "aws:directconnect/hostedTransitVirtualInterface:HostedTransitVirtualInterface",
    extractor(
      "Direct Connect hosted transit virtual interface",
      ...virtualInterface,
      ownerAccountId,
    ),
  ],
  [
    "aws:directconnect/hostedPrivateVirtualInterfaceAccepter:HostedPrivateVirtualInterfaceAccepter",
    extractor("Direct Connect hosted private virtual interface accepter", ...nothing),
  ],
  [
    "aws:directconnect/hostedPublicVirtualInterfaceAccepter:HostedPublicVirtualInterfaceAccepter",
    extractor("Direct Connect hosted public virtual interface accepter", ...nothing),
  ],
  [
    // Spelled "Acceptor" in @pulumi/aws, unlike the private and public variants.
    "aws:directconnect/hostedTransitVirtualInterfaceAcceptor:HostedTransitVirtualInterfaceAcceptor",
    extractor("Direct Connect hosted transit virtual interface accepter", ...nothing),
  ],
  [
    "aws:directconnect/gatewayAssociationProposal:GatewayAssociationProposal",
    extractor("Direct Connect gateway association proposal", (c, p) =>
      c.scalar(p, "dxGatewayOwnerAccountId", awsAccountPeer),
    ),
  ],
  [
    "aws:directconnect/gatewayAssociation:GatewayAssociation",
    extractor("Direct Connect gateway association", (c, p) =>
      c.scalar(p, "associatedGatewayOwnerAccountId", awsAccountPeer),
    ),
  ],

  // ── PrivateLink ─────────────────────────────────────────────────────────────────────────
  [
    "aws:ec2/vpcEndpoint:VpcEndpoint",
    extractor(
      "VPC endpoint",
      (c, p) => c.scalar(p, "serviceName", vpcEndpointServicePeer),
      (c, p) => c.scalar(p, "serviceRegion", awsRegionPeer),
      (c, p) => c.scalar(p, "resourceConfigurationArn", awsArnPeer),
      (c, p) => c.scalar(p, "serviceNetworkArn", awsArnPeer),
    ),
  ],
  [
    "aws:ec2/vpcEndpointService:VpcEndpointService",
    extractor(
      "VPC endpoint service",
      (c, p) => c.scalars(p, "allowedPrincipals", awsPrincipalPeer),
      (c, p) => c.scalars(p, "supportedRegions", awsRegionPeer),
    ),
  ],
  [
    // Spelled "Principle" in @pulumi/aws.
    "aws:ec2/vpcEndpointServiceAllowedPrinciple:VpcEndpointServiceAllowedPrinciple",
    extractor("VPC endpoint service allowed principal", (c, p) =>
      c.scalar(p, "principalArn", awsPrincipalPeer),
    ),
  ],

  // ── Resource Access Manager ─────────────────────────────────────────────────────────────
  [
    "aws:ram/principalAssociation:PrincipalAssociation",
    extractor("RAM principal association", (c, p) => c.scalar(p, "principal", awsPrincipalPeer)),
  ],
  [
    "aws:ram/resourceShareAssociationsExclusive:ResourceShareAssociationsExclusive",
    extractor(
      "exclusive set of RAM resource share associations",
      (c, p) => c.scalars(p, "principals", awsPrincipalPeer),
      // Accounts a service principal may use the shared resources from.
      (c, p) => c.scalars(p, "sources", awsPrincipalPeer),
    ),
  ],
  [
    "aws:ram/resourceShareAccepter:ResourceShareAccepter",
    extractor("RAM resource share accepter", (c, p) => c.scalar(p, "shareArn", awsArnPeer)),
  ],

  // ── Cloud WAN (Network Manager) attachments of resources named by ARN ───────────────────
  [
    "aws:networkmanager/transitGatewayPeering:TransitGatewayPeering",
    extractor("Cloud WAN transit gateway peering", (c, p) =>
      c.scalar(p, "transitGatewayArn", awsArnPeer),
    ),
  ],
  [
    "aws:networkmanager/transitGatewayRegistration:TransitGatewayRegistration",
    extractor("Network Manager transit gateway registration", (c, p) =>
      c.scalar(p, "transitGatewayArn", awsArnPeer),
    ),
  ],
  [
    "aws:networkmanager/vpcAttachment:VpcAttachment",
    extractor("Cloud WAN VPC attachment", (c, p) => c.scalar(p, "vpcArn", awsArnPeer)),
  ],
  [
    "aws:networkmanager/siteToSiteVpnAttachment:SiteToSiteVpnAttachment",
    extractor("Cloud WAN site-to-site VPN attachment", (c, p) =>
      c.scalar(p, "vpnConnectionArn", awsArnPeer),
    ),
  ],
  [
    "aws:networkmanager/dxGatewayAttachment:DxGatewayAttachment",
    extractor(
      "Cloud WAN Direct Connect gateway attachment",
      (c, p) => c.scalar(p, "directConnectGatewayArn", awsArnPeer),
      (c, p) => c.scalars(p, "edgeLocations", awsRegionPeer),
    ),
  ],

  // ── Other cross-account connections ─────────────────────────────────────────────────────
  [
    "aws:opensearch/outboundConnection:OutboundConnection",
    extractor(
      "OpenSearch outbound connection",
      (c, p) => c.scalar(p, "remoteDomainInfo.ownerId", awsAccountPeer),
      (c, p) => c.scalar(p, "remoteDomainInfo.region", awsRegionPeer),
    ),
  ],
]);
