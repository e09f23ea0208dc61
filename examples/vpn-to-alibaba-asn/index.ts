// A site-to-site VPN from a VPC in us-west-1 to an Alibaba Cloud VPN gateway, with dynamic (BGP)
// routing. The customer gateway names Alibaba's BGP ASN 45102, which the built-in registry of
// listed foreign providers knows; jurisdiction-guard denies it. The VPN connection itself names
// only gateway IDs in this account, so the finding sits on the customer gateway.
import * as ec2 from "@pulumi/aws/ec2";

const vpc = new ec2.Vpc("app-vpc", { cidrBlock: "10.40.0.0/16", enableDnsHostnames: true });

const vpnGateway = new ec2.VpnGateway("app-vgw", { vpcId: vpc.id, amazonSideAsn: "64512" });

// The far end: Alibaba Cloud's VPN gateway in Silicon Valley (its public IP and BGP ASN).
const alibaba = new ec2.CustomerGateway("alibaba-cgw", {
  type: "ipsec.1",
  bgpAsn: "45102",
  ipAddress: "198.51.100.45",
  tags: { Peer: "alibaba-cloud-us-west-1" },
});

new ec2.VpnConnection("alibaba-vpn", {
  type: "ipsec.1",
  vpnGatewayId: vpnGateway.id,
  customerGatewayId: alibaba.id,
  staticRoutesOnly: false,
  tunnel1InsideCidr: "169.254.10.0/30",
  tunnel2InsideCidr: "169.254.10.4/30",
});
