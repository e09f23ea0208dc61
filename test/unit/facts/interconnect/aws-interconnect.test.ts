import * as fs from "fs";
import * as path from "path";
import type { CustomerGatewayArgs } from "@pulumi/aws/ec2/customerGateway";
import type { VpcEndpointArgs } from "@pulumi/aws/ec2/vpcEndpoint";
import type { VpcEndpointServiceArgs } from "@pulumi/aws/ec2/vpcEndpointService";
import type { VpcEndpointServiceAllowedPrincipleArgs } from "@pulumi/aws/ec2/vpcEndpointServiceAllowedPrinciple";
import type { VpcPeeringConnectionArgs } from "@pulumi/aws/ec2/vpcPeeringConnection";
import type { VpcPeeringConnectionAccepterArgs } from "@pulumi/aws/ec2/vpcPeeringConnectionAccepter";
import type { ConnectPeerArgs as TgwConnectPeerArgs } from "@pulumi/aws/ec2transitgateway/connectPeer";
import type { PeeringAttachmentArgs } from "@pulumi/aws/ec2transitgateway/peeringAttachment";
import type { PeeringAttachmentAccepterArgs } from "@pulumi/aws/ec2transitgateway/peeringAttachmentAccepter";
import type { BgpPeerArgs } from "@pulumi/aws/directconnect/bgpPeer";
import type { ConnectionArgs } from "@pulumi/aws/directconnect/connection";
import type { GatewayAssociationArgs } from "@pulumi/aws/directconnect/gatewayAssociation";
import type { GatewayAssociationProposalArgs } from "@pulumi/aws/directconnect/gatewayAssociationProposal";
import type { HostedConnectionArgs } from "@pulumi/aws/directconnect/hostedConnection";
import type { HostedPrivateVirtualInterfaceArgs } from "@pulumi/aws/directconnect/hostedPrivateVirtualInterface";
import type { HostedPrivateVirtualInterfaceAccepterArgs } from "@pulumi/aws/directconnect/hostedPrivateVirtualInterfaceAccepter";
import type { HostedPublicVirtualInterfaceArgs } from "@pulumi/aws/directconnect/hostedPublicVirtualInterface";
import type { HostedPublicVirtualInterfaceAccepterArgs } from "@pulumi/aws/directconnect/hostedPublicVirtualInterfaceAccepter";
import type { HostedTransitVirtualInterfaceArgs } from "@pulumi/aws/directconnect/hostedTransitVirtualInterface";
import type { HostedTransitVirtualInterfaceAcceptorArgs } from "@pulumi/aws/directconnect/hostedTransitVirtualInterfaceAcceptor";
import type { LinkAggregationGroupArgs } from "@pulumi/aws/directconnect/linkAggregationGroup";
import type { PrivateVirtualInterfaceArgs } from "@pulumi/aws/directconnect/privateVirtualInterface";
import type { PublicVirtualInterfaceArgs } from "@pulumi/aws/directconnect/publicVirtualInterface";
import type { TransitVirtualInterfaceArgs } from "@pulumi/aws/directconnect/transitVirtualInterface";
import type { ConnectPeerArgs as NmConnectPeerArgs } from "@pulumi/aws/networkmanager/connectPeer";
import type { DxGatewayAttachmentArgs } from "@pulumi/aws/networkmanager/dxGatewayAttachment";
import type { SiteToSiteVpnAttachmentArgs } from "@pulumi/aws/networkmanager/siteToSiteVpnAttachment";
import type { TransitGatewayPeeringArgs } from "@pulumi/aws/networkmanager/transitGatewayPeering";
import type { TransitGatewayRegistrationArgs } from "@pulumi/aws/networkmanager/transitGatewayRegistration";
import type { VpcAttachmentArgs } from "@pulumi/aws/networkmanager/vpcAttachment";
import type { OutboundConnectionArgs } from "@pulumi/aws/opensearch/outboundConnection";
import type { PrincipalAssociationArgs } from "@pulumi/aws/ram/principalAssociation";
import type { ResourceShareAccepterArgs } from "@pulumi/aws/ram/resourceShareAccepter";
import type { ResourceShareAssociationsExclusiveArgs } from "@pulumi/aws/ram/resourceShareAssociationsExclusive";
import type { RouteServerPeerArgs } from "@pulumi/aws/vpc/routeServerPeer";
import {
  AWS_INTERCONNECT_EXTRACTORS,
  awsOwnServiceRegion,
} from "../../../../policypack/src/facts/aws/interconnect";
import type { InterconnectFacts, PeerIdentifier } from "../../../../policypack/src/facts/types";
import type { Props } from "../../../../policypack/src/values";
import { COMPUTED, OTHER_ACCOUNT, OWN_ACCOUNT, args } from "../../../support/facts/accounts";

function facts(token: string, props: Props): InterconnectFacts {
  const extract = AWS_INTERCONNECT_EXTRACTORS.get(token);
  if (!extract) throw new Error(`no extractor for ${token}`);
  const result = extract(props);
  if (!result) throw new Error(`${token} is not read as an interconnect`);
  return result;
}

function peers(token: string, props: Props): readonly PeerIdentifier[] {
  return facts(token, props).peers;
}

const acct = (value: string, p: string): PeerIdentifier => ({
  kind: "aws-account",
  value,
  path: p,
});
const region = (value: string, p: string, country?: string): PeerIdentifier => ({
  kind: "region",
  value,
  path: p,
  ...(country ? { country } : {}),
});
const asn = (value: string, p: string): PeerIdentifier => ({ kind: "asn", value, path: p });
const ip = (value: string, p: string): PeerIdentifier => ({ kind: "ip", value, path: p });

interface KindCase {
  readonly token: string;
  /** Inputs that identify a foreign peer, and the identifiers they must give. */
  readonly found?: { readonly props: Props; readonly peers: readonly PeerIdentifier[] };
  /** Compliant inputs (own account, own region, private addresses), and what they give. */
  readonly plain: { readonly props: Props; readonly peers: readonly PeerIdentifier[] };
}

const VIF_BASE = { addressFamily: "ipv4", connectionId: "dxcon-1", vlan: 101 };

const CASES: readonly KindCase[] = [
  {
    token: "aws:ec2/vpcPeeringConnection:VpcPeeringConnection",
    found: {
      props: args<VpcPeeringConnectionArgs>({
        vpcId: "vpc-a",
        peerVpcId: "vpc-b",
        peerOwnerId: OTHER_ACCOUNT,
        peerRegion: "cn-north-1",
      }),
      peers: [acct(OTHER_ACCOUNT, "peerOwnerId"), region("cn-north-1", "peerRegion", "CN")],
    },
    plain: {
      props: args<VpcPeeringConnectionArgs>({ vpcId: "vpc-a", peerVpcId: "vpc-b" }),
      peers: [],
    },
  },
  {
    token: "aws:ec2/vpcPeeringConnectionAccepter:VpcPeeringConnectionAccepter",
    plain: {
      props: args<VpcPeeringConnectionAccepterArgs>({
        vpcPeeringConnectionId: "pcx-1",
        autoAccept: true,
      }),
      peers: [],
    },
  },
  {
    token: "aws:ec2transitgateway/peeringAttachment:PeeringAttachment",
    found: {
      props: args<PeeringAttachmentArgs>({
        transitGatewayId: "tgw-a",
        peerTransitGatewayId: "tgw-b",
        peerAccountId: OTHER_ACCOUNT,
        peerRegion: "ap-east-1",
      }),
      peers: [acct(OTHER_ACCOUNT, "peerAccountId"), region("ap-east-1", "peerRegion", "HK")],
    },
    plain: {
      props: args<PeeringAttachmentArgs>({
        transitGatewayId: "tgw-a",
        peerTransitGatewayId: "tgw-b",
        peerRegion: "eu-west-1",
      }),
      peers: [region("eu-west-1", "peerRegion", "IE")],
    },
  },
  {
    token: "aws:ec2transitgateway/peeringAttachmentAccepter:PeeringAttachmentAccepter",
    plain: {
      props: args<PeeringAttachmentAccepterArgs>({ transitGatewayAttachmentId: "tgw-attach-1" }),
      peers: [],
    },
  },
  {
    token: "aws:ec2transitgateway/connectPeer:ConnectPeer",
    found: {
      props: args<TgwConnectPeerArgs>({
        transitGatewayAttachmentId: "tgw-attach-1",
        insideCidrBlocks: ["169.254.6.0/29"],
        bgpAsn: "AS45102",
        peerAddress: "47.88.1.1",
      }),
      peers: [asn("45102", "bgpAsn"), ip("47.88.1.1", "peerAddress")],
    },
    plain: {
      props: args<TgwConnectPeerArgs>({
        transitGatewayAttachmentId: "tgw-attach-1",
        insideCidrBlocks: ["169.254.6.0/29"],
        peerAddress: "10.0.0.1",
      }),
      peers: [ip("10.0.0.1", "peerAddress")],
    },
  },
  {
    token: "aws:ec2/customerGateway:CustomerGateway",
    found: {
      props: args<CustomerGatewayArgs>({
        type: "ipsec.1",
        bgpAsn: "45090",
        bgpAsnExtended: "132203",
        ipAddress: "203.205.128.1",
      }),
      peers: [
        asn("45090", "bgpAsn"),
        asn("132203", "bgpAsnExtended"),
        ip("203.205.128.1", "ipAddress"),
      ],
    },
    plain: {
      props: args<CustomerGatewayArgs>({
        type: "ipsec.1",
        bgpAsn: "65000",
        ipAddress: "198.51.100.7",
      }),
      peers: [asn("65000", "bgpAsn"), ip("198.51.100.7", "ipAddress")],
    },
  },
  {
    token: "aws:vpc/routeServerPeer:RouteServerPeer",
    found: {
      props: args<RouteServerPeerArgs>({
        routeServerEndpointId: "rse-1",
        peerAddress: "10.0.1.5",
        bgpOptions: { peerAsn: 45090 },
      }),
      peers: [asn("45090", "bgpOptions.peerAsn"), ip("10.0.1.5", "peerAddress")],
    },
    plain: {
      props: args<RouteServerPeerArgs>({
        routeServerEndpointId: "rse-1",
        peerAddress: "10.0.1.5",
        bgpOptions: { peerAsn: 65010 },
      }),
      peers: [asn("65010", "bgpOptions.peerAsn"), ip("10.0.1.5", "peerAddress")],
    },
  },
  {
    token: "aws:networkmanager/connectPeer:ConnectPeer",
    found: {
      props: args<NmConnectPeerArgs>({
        connectAttachmentId: "attachment-1",
        peerAddress: "120.232.1.1",
        bgpOptions: { peerAsn: "AS9808" },
      }),
      peers: [asn("9808", "bgpOptions.peerAsn"), ip("120.232.1.1", "peerAddress")],
    },
    plain: {
      props: args<NmConnectPeerArgs>({
        connectAttachmentId: "attachment-1",
        peerAddress: "10.9.0.1",
      }),
      peers: [ip("10.9.0.1", "peerAddress")],
    },
  },
  {
    token: "aws:directconnect/connection:Connection",
    found: {
      props: args<ConnectionArgs>({
        bandwidth: "10Gbps",
        location: "EqHK1",
        providerName: "China Telecom Global",
      }),
      peers: [{ kind: "carrier", value: "China Telecom Global", path: "providerName" }],
    },
    plain: { props: args<ConnectionArgs>({ bandwidth: "1Gbps", location: "EqDC2" }), peers: [] },
  },
  {
    token: "aws:directconnect/linkAggregationGroup:LinkAggregationGroup",
    found: {
      props: args<LinkAggregationGroupArgs>({
        connectionsBandwidth: "10Gbps",
        location: "EqHK1",
        providerName: "China Unicom Global",
      }),
      peers: [{ kind: "carrier", value: "China Unicom Global", path: "providerName" }],
    },
    plain: {
      props: args<LinkAggregationGroupArgs>({ connectionsBandwidth: "10Gbps", location: "EqDC2" }),
      peers: [],
    },
  },
  {
    token: "aws:directconnect/hostedConnection:HostedConnection",
    found: {
      props: args<HostedConnectionArgs>({
        bandwidth: "500Mbps",
        connectionId: "dxcon-1",
        vlan: 1,
        ownerAccountId: OTHER_ACCOUNT,
      }),
      peers: [acct(OTHER_ACCOUNT, "ownerAccountId")],
    },
    plain: {
      props: args<HostedConnectionArgs>({
        bandwidth: "500Mbps",
        connectionId: "dxcon-1",
        vlan: 1,
        ownerAccountId: OWN_ACCOUNT,
      }),
      peers: [acct(OWN_ACCOUNT, "ownerAccountId")],
    },
  },
  {
    token: "aws:directconnect/privateVirtualInterface:PrivateVirtualInterface",
    found: {
      props: args<PrivateVirtualInterfaceArgs>({
        ...VIF_BASE,
        bgpAsn: 45102,
        customerAddress: "175.45.176.1/30",
      }),
      peers: [asn("45102", "bgpAsn"), ip("175.45.176.1/30", "customerAddress")],
    },
    plain: {
      props: args<PrivateVirtualInterfaceArgs>({ ...VIF_BASE, bgpAsn: 65000 }),
      peers: [asn("65000", "bgpAsn")],
    },
  },
  {
    token: "aws:directconnect/publicVirtualInterface:PublicVirtualInterface",
    found: {
      props: args<PublicVirtualInterfaceArgs>({
        ...VIF_BASE,
        bgpAsn: 4134,
        customerAddress: "202.96.0.1/30",
        routeFilterPrefixes: ["202.96.0.0/24"],
      }),
      peers: [
        asn("4134", "bgpAsn"),
        ip("202.96.0.1/30", "customerAddress"),
        ip("202.96.0.0/24", "routeFilterPrefixes[0]"),
      ],
    },
    plain: {
      props: args<PublicVirtualInterfaceArgs>({
        ...VIF_BASE,
        bgpAsn: 65000,
        routeFilterPrefixes: [],
      }),
      peers: [asn("65000", "bgpAsn")],
    },
  },
  {
    token: "aws:directconnect/transitVirtualInterface:TransitVirtualInterface",
    found: {
      props: args<TransitVirtualInterfaceArgs>({
        ...VIF_BASE,
        dxGatewayId: "dxgw-1",
        bgpAsnLong: "137718",
      }),
      peers: [asn("137718", "bgpAsnLong")],
    },
    plain: {
      props: args<TransitVirtualInterfaceArgs>({
        ...VIF_BASE,
        dxGatewayId: "dxgw-1",
        bgpAsn: 64512,
      }),
      peers: [asn("64512", "bgpAsn")],
    },
  },
  {
    token: "aws:directconnect/bgpPeer:BgpPeer",
    found: {
      props: args<BgpPeerArgs>({
        addressFamily: "ipv6",
        virtualInterfaceId: "dxvif-1",
        bgpAsn: 12389,
        customerAddress: "2001:DB8::1/125",
      }),
      peers: [asn("12389", "bgpAsn"), ip("2001:db8::1/125", "customerAddress")],
    },
    plain: {
      props: args<BgpPeerArgs>({
        addressFamily: "ipv6",
        virtualInterfaceId: "dxvif-1",
        bgpAsn: 65001,
      }),
      peers: [asn("65001", "bgpAsn")],
    },
  },
  {
    token: "aws:directconnect/hostedPrivateVirtualInterface:HostedPrivateVirtualInterface",
    found: {
      props: args<HostedPrivateVirtualInterfaceArgs>({
        ...VIF_BASE,
        ownerAccountId: OTHER_ACCOUNT,
        bgpAsn: 9929,
      }),
      peers: [asn("9929", "bgpAsn"), acct(OTHER_ACCOUNT, "ownerAccountId")],
    },
    plain: {
      props: args<HostedPrivateVirtualInterfaceArgs>({ ...VIF_BASE, ownerAccountId: OWN_ACCOUNT }),
      peers: [acct(OWN_ACCOUNT, "ownerAccountId")],
    },
  },
  {
    token: "aws:directconnect/hostedPublicVirtualInterface:HostedPublicVirtualInterface",
    found: {
      props: args<HostedPublicVirtualInterfaceArgs>({
        ...VIF_BASE,
        ownerAccountId: OTHER_ACCOUNT,
        routeFilterPrefixes: ["58.32.0.0/24"],
        bgpAsn: 4812,
      }),
      peers: [
        asn("4812", "bgpAsn"),
        acct(OTHER_ACCOUNT, "ownerAccountId"),
        ip("58.32.0.0/24", "routeFilterPrefixes[0]"),
      ],
    },
    plain: {
      props: args<HostedPublicVirtualInterfaceArgs>({
        ...VIF_BASE,
        ownerAccountId: OWN_ACCOUNT,
        routeFilterPrefixes: [],
      }),
      peers: [acct(OWN_ACCOUNT, "ownerAccountId")],
    },
  },
  {
    token: "aws:directconnect/hostedTransitVirtualInterface:HostedTransitVirtualInterface",
    found: {
      props: args<HostedTransitVirtualInterfaceArgs>({
        ...VIF_BASE,
        ownerAccountId: OTHER_ACCOUNT,
        bgpAsnLong: "4200000001",
      }),
      peers: [asn("4200000001", "bgpAsnLong"), acct(OTHER_ACCOUNT, "ownerAccountId")],
    },
    plain: {
      props: args<HostedTransitVirtualInterfaceArgs>({ ...VIF_BASE, ownerAccountId: OWN_ACCOUNT }),
      peers: [acct(OWN_ACCOUNT, "ownerAccountId")],
    },
  },
  {
    token:
      "aws:directconnect/hostedPrivateVirtualInterfaceAccepter:HostedPrivateVirtualInterfaceAccepter",
    plain: {
      props: args<HostedPrivateVirtualInterfaceAccepterArgs>({ virtualInterfaceId: "dxvif-1" }),
      peers: [],
    },
  },
  {
    token:
      "aws:directconnect/hostedPublicVirtualInterfaceAccepter:HostedPublicVirtualInterfaceAccepter",
    plain: {
      props: args<HostedPublicVirtualInterfaceAccepterArgs>({ virtualInterfaceId: "dxvif-1" }),
      peers: [],
    },
  },
  {
    token:
      "aws:directconnect/hostedTransitVirtualInterfaceAcceptor:HostedTransitVirtualInterfaceAcceptor",
    plain: {
      props: args<HostedTransitVirtualInterfaceAcceptorArgs>({
        virtualInterfaceId: "dxvif-1",
        dxGatewayId: "dxgw-1",
      }),
      peers: [],
    },
  },
  {
    token: "aws:directconnect/gatewayAssociationProposal:GatewayAssociationProposal",
    found: {
      props: args<GatewayAssociationProposalArgs>({
        dxGatewayId: "dxgw-1",
        associatedGatewayId: "tgw-1",
        dxGatewayOwnerAccountId: OTHER_ACCOUNT,
      }),
      peers: [acct(OTHER_ACCOUNT, "dxGatewayOwnerAccountId")],
    },
    plain: {
      props: args<GatewayAssociationProposalArgs>({
        dxGatewayId: "dxgw-1",
        associatedGatewayId: "tgw-1",
        dxGatewayOwnerAccountId: OWN_ACCOUNT,
      }),
      peers: [acct(OWN_ACCOUNT, "dxGatewayOwnerAccountId")],
    },
  },
  {
    token: "aws:directconnect/gatewayAssociation:GatewayAssociation",
    found: {
      props: args<GatewayAssociationArgs>({
        dxGatewayId: "dxgw-1",
        proposalId: "prop-1",
        associatedGatewayOwnerAccountId: OTHER_ACCOUNT,
      }),
      peers: [acct(OTHER_ACCOUNT, "associatedGatewayOwnerAccountId")],
    },
    plain: {
      props: args<GatewayAssociationArgs>({ dxGatewayId: "dxgw-1", associatedGatewayId: "vgw-1" }),
      peers: [],
    },
  },
  {
    token: "aws:ec2/vpcEndpoint:VpcEndpoint",
    found: {
      props: args<VpcEndpointArgs>({
        vpcId: "vpc-a",
        serviceName: "com.amazonaws.vpce.ap-east-1.vpce-svc-0123456789abcdef0",
        serviceRegion: "ap-east-1",
        resourceConfigurationArn: `arn:aws:vpc-lattice:ap-east-1:${OTHER_ACCOUNT}:resourceconfiguration/rcfg-1`,
      }),
      peers: [
        {
          kind: "service-name",
          value: "com.amazonaws.vpce.ap-east-1.vpce-svc-0123456789abcdef0",
          path: "serviceName",
        },
        region("ap-east-1", "serviceName", "HK"),
        region("ap-east-1", "serviceRegion", "HK"),
        acct(OTHER_ACCOUNT, "resourceConfigurationArn"),
        region("ap-east-1", "resourceConfigurationArn", "HK"),
      ],
    },
    plain: {
      props: args<VpcEndpointArgs>({ vpcId: "vpc-a", serviceName: "com.amazonaws.us-east-1.s3" }),
      // AWS's own service: the name's region is the endpoint's own, not a far side.
      peers: [{ kind: "service-name", value: "com.amazonaws.us-east-1.s3", path: "serviceName" }],
    },
  },
  {
    token: "aws:ec2/vpcEndpointService:VpcEndpointService",
    found: {
      props: args<VpcEndpointServiceArgs>({
        acceptanceRequired: true,
        allowedPrincipals: [`arn:aws:iam::${OTHER_ACCOUNT}:root`, "*"],
        supportedRegions: ["me-central-1"],
      }),
      peers: [
        acct(OTHER_ACCOUNT, "allowedPrincipals[0]"),
        region("me-central-1", "supportedRegions[0]", "AE"),
      ],
    },
    plain: {
      props: args<VpcEndpointServiceArgs>({
        acceptanceRequired: true,
        allowedPrincipals: [`arn:aws:iam::${OWN_ACCOUNT}:root`],
      }),
      peers: [acct(OWN_ACCOUNT, "allowedPrincipals[0]")],
    },
  },
  {
    token: "aws:ec2/vpcEndpointServiceAllowedPrinciple:VpcEndpointServiceAllowedPrinciple",
    found: {
      props: args<VpcEndpointServiceAllowedPrincipleArgs>({
        vpcEndpointServiceId: "vpce-svc-1",
        principalArn: `arn:aws:iam::${OTHER_ACCOUNT}:role/consumer`,
      }),
      peers: [acct(OTHER_ACCOUNT, "principalArn")],
    },
    plain: {
      props: args<VpcEndpointServiceAllowedPrincipleArgs>({
        vpcEndpointServiceId: "vpce-svc-1",
        principalArn: "*",
      }),
      peers: [],
    },
  },
  {
    token: "aws:ram/principalAssociation:PrincipalAssociation",
    found: {
      props: args<PrincipalAssociationArgs>({
        resourceShareArn: "arn:aws:ram:us-east-1:111122223333:resource-share/x",
        principal: OTHER_ACCOUNT,
      }),
      peers: [acct(OTHER_ACCOUNT, "principal")],
    },
    plain: {
      props: args<PrincipalAssociationArgs>({
        resourceShareArn: "arn:aws:ram:us-east-1:111122223333:resource-share/x",
        principal: "ec2.amazonaws.com",
      }),
      peers: [],
    },
  },
  {
    token: "aws:ram/resourceShareAssociationsExclusive:ResourceShareAssociationsExclusive",
    found: {
      props: args<ResourceShareAssociationsExclusiveArgs>({
        resourceShareArn: "arn:aws:ram:us-east-1:111122223333:resource-share/x",
        principals: [`arn:aws:organizations::${OTHER_ACCOUNT}:organization/o-abc`],
        sources: [OTHER_ACCOUNT],
      }),
      peers: [acct(OTHER_ACCOUNT, "principals[0]"), acct(OTHER_ACCOUNT, "sources[0]")],
    },
    plain: {
      props: args<ResourceShareAssociationsExclusiveArgs>({
        resourceShareArn: "arn:aws:ram:us-east-1:111122223333:resource-share/x",
        principals: ["pca-connector-ad.amazonaws.com"],
      }),
      peers: [],
    },
  },
  {
    token: "aws:ram/resourceShareAccepter:ResourceShareAccepter",
    found: {
      props: args<ResourceShareAccepterArgs>({
        shareArn: `arn:aws:ram:me-south-1:${OTHER_ACCOUNT}:resource-share/abc`,
      }),
      peers: [acct(OTHER_ACCOUNT, "shareArn"), region("me-south-1", "shareArn", "BH")],
    },
    plain: {
      props: args<ResourceShareAccepterArgs>({
        shareArn: `arn:aws:ram:us-east-1:${OWN_ACCOUNT}:resource-share/abc`,
      }),
      peers: [acct(OWN_ACCOUNT, "shareArn"), region("us-east-1", "shareArn", "US")],
    },
  },
  {
    token: "aws:networkmanager/transitGatewayPeering:TransitGatewayPeering",
    found: {
      props: args<TransitGatewayPeeringArgs>({
        coreNetworkId: "core-network-1",
        transitGatewayArn: `arn:aws:ec2:ap-east-1:${OTHER_ACCOUNT}:transit-gateway/tgw-1`,
      }),
      peers: [
        acct(OTHER_ACCOUNT, "transitGatewayArn"),
        region("ap-east-1", "transitGatewayArn", "HK"),
      ],
    },
    plain: {
      props: args<TransitGatewayPeeringArgs>({
        coreNetworkId: "core-network-1",
        transitGatewayArn: `arn:aws:ec2:us-east-1:${OWN_ACCOUNT}:transit-gateway/tgw-1`,
      }),
      peers: [
        acct(OWN_ACCOUNT, "transitGatewayArn"),
        region("us-east-1", "transitGatewayArn", "US"),
      ],
    },
  },
  {
    token: "aws:networkmanager/transitGatewayRegistration:TransitGatewayRegistration",
    found: {
      props: args<TransitGatewayRegistrationArgs>({
        globalNetworkId: "global-network-1",
        transitGatewayArn: `arn:aws:ec2:me-central-1:${OTHER_ACCOUNT}:transit-gateway/tgw-1`,
      }),
      peers: [
        acct(OTHER_ACCOUNT, "transitGatewayArn"),
        region("me-central-1", "transitGatewayArn", "AE"),
      ],
    },
    plain: {
      props: args<TransitGatewayRegistrationArgs>({
        globalNetworkId: "global-network-1",
        transitGatewayArn: "tgw-1",
      }),
      peers: [],
    },
  },
  {
    token: "aws:networkmanager/vpcAttachment:VpcAttachment",
    found: {
      props: args<VpcAttachmentArgs>({
        coreNetworkId: "core-network-1",
        subnetArns: [],
        vpcArn: `arn:aws:ec2:eu-west-1:${OTHER_ACCOUNT}:vpc/vpc-1`,
      }),
      peers: [acct(OTHER_ACCOUNT, "vpcArn"), region("eu-west-1", "vpcArn", "IE")],
    },
    plain: {
      props: args<VpcAttachmentArgs>({
        coreNetworkId: "core-network-1",
        subnetArns: [],
        vpcArn: "vpc-1",
      }),
      peers: [],
    },
  },
  {
    token: "aws:networkmanager/siteToSiteVpnAttachment:SiteToSiteVpnAttachment",
    found: {
      props: args<SiteToSiteVpnAttachmentArgs>({
        coreNetworkId: "core-network-1",
        vpnConnectionArn: `arn:aws:ec2:ap-east-1:${OTHER_ACCOUNT}:vpn-connection/vpn-1`,
      }),
      peers: [
        acct(OTHER_ACCOUNT, "vpnConnectionArn"),
        region("ap-east-1", "vpnConnectionArn", "HK"),
      ],
    },
    plain: {
      props: args<SiteToSiteVpnAttachmentArgs>({
        coreNetworkId: "core-network-1",
        vpnConnectionArn: "vpn-1",
      }),
      peers: [],
    },
  },
  {
    token: "aws:networkmanager/dxGatewayAttachment:DxGatewayAttachment",
    found: {
      props: args<DxGatewayAttachmentArgs>({
        coreNetworkId: "core-network-1",
        directConnectGatewayArn: `arn:aws:directconnect::${OTHER_ACCOUNT}:dx-gateway/dxgw-1`,
        edgeLocations: ["ap-east-1"],
      }),
      peers: [
        acct(OTHER_ACCOUNT, "directConnectGatewayArn"),
        region("ap-east-1", "edgeLocations[0]", "HK"),
      ],
    },
    plain: {
      props: args<DxGatewayAttachmentArgs>({
        coreNetworkId: "core-network-1",
        directConnectGatewayArn: `arn:aws:directconnect::${OWN_ACCOUNT}:dx-gateway/dxgw-1`,
        edgeLocations: ["us-east-1"],
      }),
      peers: [
        acct(OWN_ACCOUNT, "directConnectGatewayArn"),
        region("us-east-1", "edgeLocations[0]", "US"),
      ],
    },
  },
  {
    token: "aws:opensearch/outboundConnection:OutboundConnection",
    found: {
      props: args<OutboundConnectionArgs>({
        connectionAlias: "remote",
        localDomainInfo: { domainName: "local", ownerId: OWN_ACCOUNT, region: "us-east-1" },
        remoteDomainInfo: {
          domainName: "remote",
          ownerId: OTHER_ACCOUNT,
          region: "cn-northwest-1",
        },
      }),
      peers: [
        acct(OTHER_ACCOUNT, "remoteDomainInfo.ownerId"),
        region("cn-northwest-1", "remoteDomainInfo.region", "CN"),
      ],
    },
    plain: {
      props: args<OutboundConnectionArgs>({
        connectionAlias: "remote",
        localDomainInfo: { domainName: "local", ownerId: OWN_ACCOUNT, region: "us-east-1" },
        remoteDomainInfo: { domainName: "remote", ownerId: OWN_ACCOUNT, region: "us-west-2" },
      }),
      peers: [
        acct(OWN_ACCOUNT, "remoteDomainInfo.ownerId"),
        region("us-west-2", "remoteDomainInfo.region", "US"),
      ],
    },
  },
];

describe("AWS_INTERCONNECT_EXTRACTORS", () => {
  it("has a test case for every kind it lists, and lists every kind tested", () => {
    expect(CASES.map((c) => c.token).sort()).toEqual(
      [...AWS_INTERCONNECT_EXTRACTORS.keys()].sort(),
    );
  });

  it("lists only type tokens that exist in @pulumi/aws", () => {
    const root = path.dirname(require.resolve("@pulumi/aws/package.json"));
    for (const token of AWS_INTERCONNECT_EXTRACTORS.keys()) {
      const m = /^aws:([a-z0-9]+)\/([A-Za-z0-9]+):([A-Za-z0-9]+)$/.exec(token);
      expect(m).not.toBeNull();
      const file = path.join(root, m?.[1] ?? "", `${m?.[2] ?? ""}.js`);
      expect(fs.readFileSync(file, "utf8")).toContain(`__pulumiType = '${token}'`);
    }
  });

  it("names every kind", () => {
    for (const [token, extract] of AWS_INTERCONNECT_EXTRACTORS) {
      expect({ token, kind: extract.kind, fromProps: extract({})?.kind }).toEqual({
        fromProps: extract.kind,
        token,
        kind: expect.stringMatching(/\S/),
      });
    }
  });
});

describe.each(CASES)("$token", ({ token, found, plain }) => {
  if (found) {
    it("finds the identifiers of a foreign peer", () => {
      expect(sortPeers(peers(token, found.props))).toEqual(sortPeers(found.peers));
    });
  }

  it(
    found
      ? "finds nothing foreign in compliant inputs"
      : "names nothing on the far side, whatever its inputs",
    () => {
      expect(sortPeers(peers(token, plain.props))).toEqual(sortPeers(plain.peers));
      expect(facts(token, plain.props).computed).toEqual([]);
    },
  );
});

describe("AWS interconnect: ASN forms", () => {
  const CGW = "aws:ec2/customerGateway:CustomerGateway";
  const VIF = "aws:directconnect/privateVirtualInterface:PrivateVirtualInterface";

  it.each([["AS45102"], ["45102"], [" as45102 "]])(
    "reads customer gateway bgpAsn %j as 45102",
    (bgpAsn) => {
      expect(peers(CGW, { type: "ipsec.1", bgpAsn })).toEqual([asn("45102", "bgpAsn")]);
    },
  );

  it("reads a numeric Direct Connect bgpAsn and a string one alike", () => {
    expect(peers(VIF, { ...VIF_BASE, bgpAsn: 45102 })).toEqual(
      peers(VIF, { ...VIF_BASE, bgpAsn: "45102" }),
    );
  });

  it("drops a value that is not an AS number", () => {
    expect(peers(CGW, { type: "ipsec.1", bgpAsn: "not-an-asn" })).toEqual([]);
  });
});

describe("AWS interconnect: JSON-string lists and computed values", () => {
  const SVC = "aws:ec2/vpcEndpointService:VpcEndpointService";
  const PEERING = "aws:ec2/vpcPeeringConnection:VpcPeeringConnection";

  it("reads allowedPrincipals sent as a JSON string", () => {
    const props = { acceptanceRequired: true, allowedPrincipals: JSON.stringify([OTHER_ACCOUNT]) };
    expect(peers(SVC, props)).toEqual([acct(OTHER_ACCOUNT, "allowedPrincipals[0]")]);
  });

  it("reports a computed peer account and region", () => {
    const result = facts(PEERING, {
      vpcId: "vpc-a",
      peerVpcId: "vpc-b",
      peerOwnerId: COMPUTED,
      peerRegion: COMPUTED,
    });
    expect(result.peers).toEqual([]);
    expect(result.computed).toEqual(["peerOwnerId", "peerRegion"]);
  });

  it("reports a computed list and a computed item", () => {
    expect(facts(SVC, { allowedPrincipals: COMPUTED }).computed).toEqual(["allowedPrincipals"]);
    expect(facts(SVC, { allowedPrincipals: [OTHER_ACCOUNT, COMPUTED] })).toEqual({
      kind: "VPC endpoint service",
      peers: [acct(OTHER_ACCOUNT, "allowedPrincipals[0]")],
      computed: ["allowedPrincipals[1]"],
    });
  });

  it("reports a computed BGP options object at its own path", () => {
    const result = facts("aws:vpc/routeServerPeer:RouteServerPeer", {
      peerAddress: "10.0.0.1",
      bgpOptions: COMPUTED,
    });
    expect(result.computed).toEqual(["bgpOptions"]);
  });

  it("gives a region outside the catalogue the country of its partition", () => {
    expect(peers(PEERING, { peerRegion: "cn-south-9" })).toEqual([
      region("cn-south-9", "peerRegion", "CN"),
    ]);
  });
});

describe("AWS interconnect: endpoints to AWS's own services", () => {
  const ENDPOINT = "aws:ec2/vpcEndpoint:VpcEndpoint";

  it.each([
    ["com.amazonaws.cn-north-1.s3", "cn-north-1"],
    ["cn.com.amazonaws.cn-north-1.ecr.dkr", "cn-north-1"],
    ["com.amazonaws.ap-east-1.ecr.api", "ap-east-1"],
    [" COM.AMAZONAWS.US-EAST-1.S3 ", "us-east-1"],
  ])("reads %j as AWS's own service in %s", (name, region) => {
    expect(awsOwnServiceRegion(name)).toBe(region);
    expect(peers(ENDPOINT, { vpcId: "vpc-a", serviceName: name }).map((p) => p.kind)).toEqual([
      "service-name",
    ]);
  });

  it.each([
    ["com.amazonaws.vpce.ap-east-1.vpce-svc-0123456789abcdef0"],
    ["com.example.ap-east-1.s3"],
    ["com.amazonaws.not-a-region.s3"],
    ["com.amazonaws.ap-east-1"],
  ])("does not read %j as AWS's own service", (name) => {
    expect(awsOwnServiceRegion(name)).toBeUndefined();
  });

  it("still reports a serviceRegion beside an AWS service name", () => {
    expect(
      peers(ENDPOINT, {
        vpcId: "vpc-a",
        serviceName: "com.amazonaws.ap-east-1.s3",
        serviceRegion: "ap-east-1",
      }),
    ).toEqual([
      { kind: "service-name", value: "com.amazonaws.ap-east-1.s3", path: "serviceName" },
      region("ap-east-1", "serviceRegion", "HK"),
    ]);
  });
});

function sortPeers(list: readonly PeerIdentifier[]): PeerIdentifier[] {
  const key = (p: PeerIdentifier) => `${p.path}|${p.kind}|${p.value}`;
  return [...list].sort((a, b) => key(a).localeCompare(key(b)));
}
