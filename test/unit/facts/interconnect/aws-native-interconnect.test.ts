// The aws-native interconnect table (facts/aws-native/interconnect.ts). Tokens and input shapes
// as in @pulumi/aws-native 1.79.0 (checked against its `.d.ts`; not a dependency of the tests).
import { AWS_INTERCONNECT_EXTRACTORS } from "../../../../policypack/src/facts/aws/interconnect";
import { AWS_NATIVE_INTERCONNECT_EXTRACTORS } from "../../../../policypack/src/facts/aws-native/interconnect";
import { OTHER_ACCOUNT, OWN_ACCOUNT } from "../../../support/facts/accounts";
import type { KindCase } from "../../../support/facts/interconnect";
import { describeKindCases, factsOf, peer, regionPeer } from "../../../support/facts/interconnect";

const T = AWS_NATIVE_INTERCONNECT_EXTRACTORS;
const acct = (value: string, path: string) => peer("aws-account", value, path);
const BGP = { addressFamily: "ipv4", amazonAddress: "169.254.0.1/30" };

const CASES: readonly KindCase[] = [
  {
    token: "aws-native:ec2:VpcPeeringConnection",
    found: {
      props: {
        vpcId: "vpc-a",
        peerVpcId: "vpc-b",
        peerOwnerId: OTHER_ACCOUNT,
        peerRegion: "cn-north-1",
        peerRoleArn: `arn:aws:iam::${OTHER_ACCOUNT}:role/peer-accepter`,
      },
      peers: [
        acct(OTHER_ACCOUNT, "peerOwnerId"),
        regionPeer("cn-north-1", "peerRegion", "CN"),
        acct(OTHER_ACCOUNT, "peerRoleArn"),
      ],
    },
    plain: {
      props: { vpcId: "vpc-a", peerVpcId: "vpc-b", peerOwnerId: OWN_ACCOUNT },
      peers: [acct(OWN_ACCOUNT, "peerOwnerId")],
    },
  },
  {
    token: "aws-native:ec2:TransitGatewayPeeringAttachment",
    found: {
      props: {
        transitGatewayId: "tgw-a",
        peerTransitGatewayId: "tgw-b",
        peerAccountId: OTHER_ACCOUNT,
        peerRegion: "ap-east-1",
      },
      peers: [acct(OTHER_ACCOUNT, "peerAccountId"), regionPeer("ap-east-1", "peerRegion", "HK")],
    },
    plain: {
      props: {
        transitGatewayId: "tgw-a",
        peerTransitGatewayId: "tgw-b",
        peerAccountId: OWN_ACCOUNT,
        peerRegion: "eu-west-1",
      },
      peers: [acct(OWN_ACCOUNT, "peerAccountId"), regionPeer("eu-west-1", "peerRegion", "IE")],
    },
  },
  {
    token: "aws-native:ec2:CustomerGateway",
    found: {
      props: { type: "ipsec.1", bgpAsn: 45102, ipAddress: "198.51.100.7" },
      peers: [peer("asn", "45102", "bgpAsn"), peer("ip", "198.51.100.7", "ipAddress")],
    },
    plain: {
      props: { type: "ipsec.1", bgpAsnExtended: 4200000000, ipAddress: "198.51.100.7" },
      peers: [peer("asn", "4200000000", "bgpAsnExtended"), peer("ip", "198.51.100.7", "ipAddress")],
    },
  },
  {
    token: "aws-native:ec2:VpnConnection",
    found: {
      props: {
        type: "ipsec.1",
        customerGatewayId: "cgw-1",
        transitGatewayId: "tgw-a",
        remoteIpv4NetworkCidr: "203.0.113.0/24",
      },
      peers: [peer("ip", "203.0.113.0/24", "remoteIpv4NetworkCidr")],
    },
    plain: {
      props: {
        type: "ipsec.1",
        customerGatewayId: "cgw-1",
        vpnGatewayId: "vgw-1",
        staticRoutesOnly: true,
      },
      peers: [],
    },
  },
  {
    token: "aws-native:ec2:TransitGatewayConnectPeer",
    found: {
      props: {
        transitGatewayAttachmentId: "tgw-attach-1",
        connectPeerConfiguration: {
          insideCidrBlocks: ["169.254.6.0/29"],
          peerAddress: "10.0.0.10",
          bgpConfigurations: [{ peerAsn: 4809, peerAddress: "169.254.6.1" }],
        },
      },
      peers: [
        peer("ip", "10.0.0.10", "connectPeerConfiguration.peerAddress"),
        peer("asn", "4809", "connectPeerConfiguration.bgpConfigurations[0].peerAsn"),
        peer("ip", "169.254.6.1", "connectPeerConfiguration.bgpConfigurations[0].peerAddress"),
      ],
    },
    plain: {
      props: {
        transitGatewayAttachmentId: "tgw-attach-1",
        connectPeerConfiguration: {
          insideCidrBlocks: ["169.254.6.0/29"],
          peerAddress: "10.0.0.10",
        },
      },
      peers: [peer("ip", "10.0.0.10", "connectPeerConfiguration.peerAddress")],
    },
  },
  {
    token: "aws-native:networkmanager:ConnectPeer",
    found: {
      props: {
        connectAttachmentId: "attachment-1",
        peerAddress: "10.9.0.1",
        bgpOptions: { peerAsn: 4809 },
      },
      peers: [peer("asn", "4809", "bgpOptions.peerAsn"), peer("ip", "10.9.0.1", "peerAddress")],
    },
    plain: {
      props: { connectAttachmentId: "attachment-1", peerAddress: "10.9.0.1" },
      peers: [peer("ip", "10.9.0.1", "peerAddress")],
    },
  },
  {
    token: "aws-native:directconnect:Connection",
    found: {
      props: { bandwidth: "10Gbps", location: "EqHK1", providerName: "China Telecom Global" },
      peers: [peer("carrier", "China Telecom Global", "providerName")],
    },
    plain: { props: { bandwidth: "10Gbps", location: "EqDC2" }, peers: [] },
  },
  {
    token: "aws-native:directconnect:Lag",
    found: {
      props: { connectionsBandwidth: "10Gbps", location: "EqHK1", providerName: "China Unicom" },
      peers: [peer("carrier", "China Unicom", "providerName")],
    },
    plain: { props: { connectionsBandwidth: "10Gbps", location: "EqDC2" }, peers: [] },
  },
  {
    token: "aws-native:directconnect:PrivateVirtualInterface",
    found: {
      props: {
        connectionId: "dxcon-1",
        vlan: 101,
        bgpPeers: [{ ...BGP, asn: "45102", customerAddress: "169.254.0.2/30" }],
        allocatePrivateVirtualInterfaceRoleArn: `arn:aws:iam::${OTHER_ACCOUNT}:role/dx-allocate`,
      },
      peers: [
        peer("asn", "45102", "bgpPeers[0].asn"),
        peer("ip", "169.254.0.2/30", "bgpPeers[0].customerAddress"),
        acct(OTHER_ACCOUNT, "allocatePrivateVirtualInterfaceRoleArn"),
      ],
    },
    plain: {
      props: { connectionId: "dxcon-1", vlan: 101, bgpPeers: [{ ...BGP, asn: "65000" }] },
      peers: [peer("asn", "65000", "bgpPeers[0].asn")],
    },
  },
  {
    token: "aws-native:directconnect:PublicVirtualInterface",
    found: {
      props: {
        connectionId: "dxcon-1",
        vlan: 102,
        bgpPeers: [{ ...BGP, asn: "4134" }],
        routeFilterPrefixes: ["47.74.0.0/24"],
      },
      peers: [
        peer("asn", "4134", "bgpPeers[0].asn"),
        peer("ip", "47.74.0.0/24", "routeFilterPrefixes[0]"),
      ],
    },
    plain: {
      props: { connectionId: "dxcon-1", vlan: 102, bgpPeers: [{ ...BGP, asn: "64496" }] },
      peers: [peer("asn", "64496", "bgpPeers[0].asn")],
    },
  },
  {
    token: "aws-native:directconnect:TransitVirtualInterface",
    found: {
      props: {
        connectionId: "dxcon-1",
        vlan: 103,
        directConnectGatewayId: "dxgw-1",
        bgpPeers: [{ ...BGP, asn: "45090" }],
      },
      peers: [peer("asn", "45090", "bgpPeers[0].asn")],
    },
    plain: {
      props: {
        connectionId: "dxcon-1",
        vlan: 103,
        directConnectGatewayId: "dxgw-1",
        bgpPeers: [{ ...BGP, asn: "65001" }],
      },
      peers: [peer("asn", "65001", "bgpPeers[0].asn")],
    },
  },
  {
    token: "aws-native:ec2:VpcEndpoint",
    found: {
      props: {
        vpcId: "vpc-a",
        serviceName: "com.amazonaws.vpce.ap-east-1.vpce-svc-0123456789abcdef0",
      },
      peers: [
        peer(
          "service-name",
          "com.amazonaws.vpce.ap-east-1.vpce-svc-0123456789abcdef0",
          "serviceName",
        ),
        regionPeer("ap-east-1", "serviceName", "HK"),
      ],
    },
    plain: {
      props: {
        vpcId: "vpc-a",
        vpcEndpointType: "Gateway",
        serviceName: "cn.com.amazonaws.cn-north-1.s3",
      },
      peers: [peer("service-name", "cn.com.amazonaws.cn-north-1.s3", "serviceName")],
    },
  },
  {
    token: "aws-native:ec2:VpcEndpointService",
    found: {
      props: { acceptanceRequired: true, supportedRegions: ["ap-east-1"] },
      peers: [regionPeer("ap-east-1", "supportedRegions[0]", "HK")],
    },
    plain: { props: { acceptanceRequired: true, networkLoadBalancerArns: ["arn"] }, peers: [] },
  },
  {
    token: "aws-native:ec2:VpcEndpointServicePermissions",
    found: {
      props: { serviceId: "vpce-svc-1", allowedPrincipals: [`arn:aws:iam::${OTHER_ACCOUNT}:root`] },
      peers: [acct(OTHER_ACCOUNT, "allowedPrincipals[0]")],
    },
    plain: {
      props: { serviceId: "vpce-svc-1", allowedPrincipals: [OWN_ACCOUNT] },
      peers: [acct(OWN_ACCOUNT, "allowedPrincipals[0]")],
    },
  },
  {
    token: "aws-native:ram:ResourceShare",
    found: {
      props: {
        name: "share",
        principals: [OTHER_ACCOUNT],
        sources: [`arn:aws:iam::${OTHER_ACCOUNT}:root`],
      },
      peers: [acct(OTHER_ACCOUNT, "principals[0]"), acct(OTHER_ACCOUNT, "sources[0]")],
    },
    plain: {
      props: { name: "share", principals: [OWN_ACCOUNT] },
      peers: [acct(OWN_ACCOUNT, "principals[0]")],
    },
  },
  {
    token: "aws-native:networkmanager:TransitGatewayPeering",
    found: {
      props: {
        coreNetworkId: "core-network-1",
        transitGatewayArn: `arn:aws:ec2:ap-east-1:${OTHER_ACCOUNT}:transit-gateway/tgw-1`,
      },
      peers: [
        acct(OTHER_ACCOUNT, "transitGatewayArn"),
        regionPeer("ap-east-1", "transitGatewayArn", "HK"),
      ],
    },
    plain: {
      props: {
        coreNetworkId: "core-network-1",
        transitGatewayArn: `arn:aws:ec2:us-east-1:${OWN_ACCOUNT}:transit-gateway/tgw-1`,
      },
      peers: [
        acct(OWN_ACCOUNT, "transitGatewayArn"),
        regionPeer("us-east-1", "transitGatewayArn", "US"),
      ],
    },
  },
  {
    token: "aws-native:networkmanager:VpcAttachment",
    found: {
      props: {
        coreNetworkId: "core-network-1",
        subnetArns: [],
        vpcArn: `arn:aws:ec2:ap-east-1:${OTHER_ACCOUNT}:vpc/vpc-1`,
      },
      peers: [acct(OTHER_ACCOUNT, "vpcArn"), regionPeer("ap-east-1", "vpcArn", "HK")],
    },
    plain: {
      props: {
        coreNetworkId: "core-network-1",
        subnetArns: [],
        vpcArn: `arn:aws:ec2:us-east-1:${OWN_ACCOUNT}:vpc/vpc-1`,
      },
      peers: [acct(OWN_ACCOUNT, "vpcArn"), regionPeer("us-east-1", "vpcArn", "US")],
    },
  },
  {
    token: "aws-native:networkmanager:SiteToSiteVpnAttachment",
    found: {
      props: {
        coreNetworkId: "core-network-1",
        vpnConnectionArn: `arn:aws:ec2:ap-east-1:${OTHER_ACCOUNT}:vpn-connection/vpn-1`,
      },
      peers: [
        acct(OTHER_ACCOUNT, "vpnConnectionArn"),
        regionPeer("ap-east-1", "vpnConnectionArn", "HK"),
      ],
    },
    plain: {
      props: {
        coreNetworkId: "core-network-1",
        vpnConnectionArn: `arn:aws:ec2:us-east-1:${OWN_ACCOUNT}:vpn-connection/vpn-1`,
      },
      peers: [
        acct(OWN_ACCOUNT, "vpnConnectionArn"),
        regionPeer("us-east-1", "vpnConnectionArn", "US"),
      ],
    },
  },
  {
    token: "aws-native:networkmanager:DirectConnectGatewayAttachment",
    found: {
      props: {
        coreNetworkId: "core-network-1",
        directConnectGatewayArn: `arn:aws:directconnect::${OTHER_ACCOUNT}:dx-gateway/dxgw-1`,
        edgeLocations: ["ap-east-1"],
      },
      peers: [
        acct(OTHER_ACCOUNT, "directConnectGatewayArn"),
        regionPeer("ap-east-1", "edgeLocations[0]", "HK"),
      ],
    },
    plain: {
      props: {
        coreNetworkId: "core-network-1",
        directConnectGatewayArn: `arn:aws:directconnect::${OWN_ACCOUNT}:dx-gateway/dxgw-1`,
        edgeLocations: ["us-east-1"],
      },
      peers: [
        acct(OWN_ACCOUNT, "directConnectGatewayArn"),
        regionPeer("us-east-1", "edgeLocations[0]", "US"),
      ],
    },
  },
];

describe("AWS_NATIVE_INTERCONNECT_EXTRACTORS", () => describeKindCases(T, CASES));

describe("aws-native kinds of the same shape reuse the AWS extractors", () => {
  it.each([
    ["aws-native:ec2:CustomerGateway", "aws:ec2/customerGateway:CustomerGateway"],
    ["aws-native:ec2:VpcEndpoint", "aws:ec2/vpcEndpoint:VpcEndpoint"],
    ["aws-native:directconnect:Lag", "aws:directconnect/linkAggregationGroup:LinkAggregationGroup"],
  ])("%s is read by the extractor of %s", (native, aws) => {
    expect(T.get(native)).toBe(AWS_INTERCONNECT_EXTRACTORS.get(aws));
  });

  it("gives the same identifiers for the same inputs", () => {
    const props = { type: "ipsec.1", bgpAsn: 4134, ipAddress: "198.51.100.7" };
    expect(factsOf(T, "aws-native:ec2:CustomerGateway", props)).toEqual(
      factsOf(AWS_INTERCONNECT_EXTRACTORS, "aws:ec2/customerGateway:CustomerGateway", props),
    );
  });
});
