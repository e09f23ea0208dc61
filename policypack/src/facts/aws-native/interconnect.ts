// Who an AWS Cloud Control (@pulumi/aws-native) networking resource connects to. The resources
// carry CloudFormation's property names in camelCase; where they are the names @pulumi/aws uses
// (transit-gateway peering, VPC endpoints, Cloud WAN attachments, Direct Connect connections),
// the kind reuses the AWS extractor, and the others are read with the AWS module's identifier
// makers (accounts, ARNs, principals, regions), so both packages judge a peer alike.
//
// Tokens and property paths were checked against the `.d.ts` and `.js` of @pulumi/aws-native
// 1.79.0 (`…Args` interfaces, `types/input.d.ts`, `__pulumiType`). ASNs are numbers except in
// Direct Connect `bgpPeers[].asn` (a string); both are read either way.
//
// Not listed: `ec2:VpnGateway`, `ec2:TransitGatewayAttachment` and `ec2:VpcGatewayAttachment`
// (IDs of the own account's resources only).
import {
  AWS_INTERCONNECT_EXTRACTORS,
  awsAccountPeer,
  awsArnPeer,
  awsPrincipalPeer,
  awsRegionPeer,
} from "../aws/interconnect";
import type { InterconnectExtractor, Reader } from "../peers";
import { borrowedInterconnect, extractor, ipPeer } from "../peers";

const aws = (token: string): InterconnectExtractor =>
  borrowedInterconnect(AWS_INTERCONNECT_EXTRACTORS, token);

/** Direct Connect `bgpPeers[]`: each peer's ASN and customer address. */
const bgpPeers: Reader = (c, p) =>
  c.each(p, "bgpPeers", (peer, peerPath) => {
    c.asn(peer, "asn", peerPath);
    c.scalar(peer, "customerAddress", ipPeer, peerPath);
  });

/** The role a hosted virtual interface is allocated through: an ARN in the owner's account. */
const allocateRole =
  (field: string): Reader =>
  (c, p) =>
    c.scalar(p, field, awsArnPeer);

export const AWS_NATIVE_INTERCONNECT_EXTRACTORS: ReadonlyMap<string, InterconnectExtractor> =
  new Map<string, InterconnectExtractor>([
    // ── VPC and transit-gateway peering ──────────────────────────────────────────────────
    [
      "aws-native:ec2:VpcPeeringConnection",
      extractor(
        "VPC peering connection",
        (c, p) => c.scalar(p, "peerOwnerId", awsAccountPeer),
        (c, p) => c.scalar(p, "peerRegion", awsRegionPeer),
        // The role the accepter account lets the requester assume.
        (c, p) => c.scalar(p, "peerRoleArn", awsArnPeer),
        // A VPC of the same stack: its region and account, at AnalyzeStack.
        (c, p) => c.link(p, "peerVpcId"),
      ),
    ],
    [
      "aws-native:ec2:TransitGatewayPeeringAttachment",
      aws("aws:ec2transitgateway/peeringAttachment:PeeringAttachment"),
    ],

    // ── VPN and BGP peers ────────────────────────────────────────────────────────────────
    ["aws-native:ec2:CustomerGateway", aws("aws:ec2/customerGateway:CustomerGateway")],
    [
      "aws-native:ec2:VpnConnection",
      extractor(
        "site-to-site VPN connection",
        // The far side's networks (the customer gateway itself is a separate kind).
        (c, p) => c.scalar(p, "remoteIpv4NetworkCidr", ipPeer),
        (c, p) => c.scalar(p, "remoteIpv6NetworkCidr", ipPeer),
      ),
    ],
    [
      "aws-native:ec2:TransitGatewayConnectPeer",
      extractor("transit gateway Connect peer", (c, p) => {
        c.scalar(p, "connectPeerConfiguration.peerAddress", ipPeer);
        c.each(p, "connectPeerConfiguration.bgpConfigurations", (bgp, bgpPath) => {
          c.asn(bgp, "peerAsn", bgpPath);
          c.scalar(bgp, "peerAddress", ipPeer, bgpPath);
        });
      }),
    ],
    ["aws-native:networkmanager:ConnectPeer", aws("aws:networkmanager/connectPeer:ConnectPeer")],

    // ── Direct Connect ───────────────────────────────────────────────────────────────────
    ["aws-native:directconnect:Connection", aws("aws:directconnect/connection:Connection")],
    [
      "aws-native:directconnect:Lag",
      aws("aws:directconnect/linkAggregationGroup:LinkAggregationGroup"),
    ],
    [
      "aws-native:directconnect:PrivateVirtualInterface",
      extractor(
        "Direct Connect private virtual interface",
        bgpPeers,
        allocateRole("allocatePrivateVirtualInterfaceRoleArn"),
      ),
    ],
    [
      "aws-native:directconnect:PublicVirtualInterface",
      extractor(
        "Direct Connect public virtual interface",
        bgpPeers,
        allocateRole("allocatePublicVirtualInterfaceRoleArn"),
        (c, p) => c.scalars(p, "routeFilterPrefixes", ipPeer),
      ),
    ],
    [
      "aws-native:directconnect:TransitVirtualInterface",
      extractor(
        "Direct Connect transit virtual interface",
        bgpPeers,
        allocateRole("allocateTransitVirtualInterfaceRoleArn"),
      ),
    ],

    // ── PrivateLink ──────────────────────────────────────────────────────────────────────
    ["aws-native:ec2:VpcEndpoint", aws("aws:ec2/vpcEndpoint:VpcEndpoint")],
    ["aws-native:ec2:VpcEndpointService", aws("aws:ec2/vpcEndpointService:VpcEndpointService")],
    [
      "aws-native:ec2:VpcEndpointServicePermissions",
      extractor("set of VPC endpoint service permissions", (c, p) =>
        c.scalars(p, "allowedPrincipals", awsPrincipalPeer),
      ),
    ],

    // ── Resource Access Manager ──────────────────────────────────────────────────────────
    [
      "aws-native:ram:ResourceShare",
      extractor(
        "RAM resource share",
        (c, p) => c.scalars(p, "principals", awsPrincipalPeer),
        (c, p) => c.scalars(p, "sources", awsPrincipalPeer),
      ),
    ],

    // ── Cloud WAN attachments of resources named by ARN ──────────────────────────────────
    [
      "aws-native:networkmanager:TransitGatewayPeering",
      aws("aws:networkmanager/transitGatewayPeering:TransitGatewayPeering"),
    ],
    [
      "aws-native:networkmanager:VpcAttachment",
      aws("aws:networkmanager/vpcAttachment:VpcAttachment"),
    ],
    [
      "aws-native:networkmanager:SiteToSiteVpnAttachment",
      aws("aws:networkmanager/siteToSiteVpnAttachment:SiteToSiteVpnAttachment"),
    ],
    [
      "aws-native:networkmanager:DirectConnectGatewayAttachment",
      aws("aws:networkmanager/dxGatewayAttachment:DxGatewayAttachment"),
    ],
  ]);
