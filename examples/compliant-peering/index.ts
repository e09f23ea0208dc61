// Network links jurisdiction-guard allows, checked with the organisation's config
// (policy-config.json lists a JV account, which nothing here reaches):
//   - VPC peering within us-east-1 with a partner's account that no list names;
//   - a site-to-site VPN to the branch office's router, which speaks BGP with a private ASN.
import * as ec2 from "@pulumi/aws/ec2";

const vpc = new ec2.Vpc("shared-vpc", { cidrBlock: "10.50.0.0/16", enableDnsHostnames: true });

new ec2.VpcPeeringConnection("partner-peering", {
  vpcId: vpc.id,
  peerVpcId: "vpc-0f9e8d7c6b5a49382",
  peerOwnerId: "444455556666",
  peerRegion: "us-east-1",
  tags: { Partner: "analytics-vendor" },
});

const vpnGateway = new ec2.VpnGateway("branch-vgw", { vpcId: vpc.id });

const branch = new ec2.CustomerGateway("branch-cgw", {
  type: "ipsec.1",
  bgpAsn: "65010",
  ipAddress: "198.51.100.7",
});

new ec2.VpnConnection("branch-vpn", {
  type: "ipsec.1",
  vpnGatewayId: vpnGateway.id,
  customerGatewayId: branch.id,
});
