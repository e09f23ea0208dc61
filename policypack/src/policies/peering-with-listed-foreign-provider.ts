// peering-with-listed-foreign-provider: a peering, VPN, BGP session, private interconnect or
// private endpoint that reaches a listed foreign provider or a restricted jurisdiction.
import { describeInterconnect, placementOf } from "../facts";
import type { Outcome, PeerMatch } from "../findings";
import { COVERAGE } from "../facts";
import { notApplicableBecause, policyTexts } from "../report";
import { UNKNOWN_STRING } from "../values";
import { policyUrl } from "./docs-url";
import { peerReasons } from "./listing";
import { definePolicy } from "./rule";

const NAME = "peering-with-listed-foreign-provider";
const TEXT = policyTexts(COVERAGE).peering;

const customerGateway = (props: Record<string, unknown>) => ({
  type: "aws:ec2/customerGateway:CustomerGateway",
  name: "branch-office",
  props: { type: "ipsec.1", bgpAsn: "65000", ipAddress: "203.0.113.10", ...props },
  provider: { package: "aws" },
});

export const peeringWithListedForeignProvider = definePolicy({
  metadata: {
    name: NAME,
    displayName: "Peering or interconnect with a listed foreign provider",
    description: TEXT.description,
    enforcementLevel: "mandatory",
    severity: "high",
    tags: ["jurisdiction", "network", "foreign-provider"],
    framework: {
      name: "jurisdiction-guard",
      version: "1",
      reference:
        "EO 13984 and the 2020 draft on foreign IaaS partnering (corporate control, not legal advice)",
      specification:
        "No network interconnects with listed foreign providers or restricted jurisdictions.",
    },
    remediationSteps: TEXT.remediationSteps,
    url: policyUrl(NAME),
  },
  settings: [
    "restrictedJurisdictions",
    "restrictedAccounts",
    "foreignProviders",
    "builtinForeignProviders",
  ],
  rule: {
    concerns: (view) => describeInterconnect(view) !== undefined,
    evaluate(view, env, settings): Outcome {
      const ic = describeInterconnect(view);
      if (!ic) return notApplicableBecause("not-interconnect");
      // The resource's own country, read only when a far-side region needs comparing with it.
      let home: { country?: string } | undefined;
      const homeCountry = (): string | undefined => {
        if (!home) {
          const p = placementOf(view, env.ctx);
          home = p?.status === "resolved" && p.country ? { country: p.country } : {};
        }
        return home.country;
      };
      const matches: PeerMatch[] = [];
      for (const peer of ic.peers) {
        const near = peer.kind === "region" ? homeCountry() : undefined;
        for (const reason of peerReasons(peer, settings, near)) matches.push({ peer, reason });
      }
      if (matches.length > 0) {
        return {
          kind: "violation",
          finding: { kind: "listed-peer", interconnect: ic.kind, matches },
        };
      }
      if (ic.computed.length > 0) {
        return {
          kind: "advisory",
          finding: {
            kind: "computed-identifiers",
            about: { kind: "peer", interconnect: ic.kind },
            paths: ic.computed,
          },
        };
      }
      return { kind: "pass" };
    },
  },
  notes: TEXT.notes,
  examples: [
    {
      title: "A customer gateway whose BGP ASN belongs to Alibaba Cloud",
      resource: customerGateway({ bgpAsn: "45102" }),
      expect: "violation",
    },
    {
      title: "A VPC peering connection into ap-east-1 (Hong Kong)",
      resource: {
        type: "aws:ec2/vpcPeeringConnection:VpcPeeringConnection",
        name: "to-hk",
        props: { vpcId: "vpc-1", peerVpcId: "vpc-2", peerRegion: "ap-east-1" },
        provider: { package: "aws" },
      },
      expect: "violation",
    },
    {
      title: "A customer gateway inside a CIDR range listed in foreignProviders",
      resource: customerGateway({ ipAddress: "198.51.100.7" }),
      config: {
        foreignProviders: [
          { name: "Example Cloud", cidrs: ["198.51.100.0/24"], jurisdiction: "CN" },
        ],
      },
      expect: "violation",
    },
    {
      title:
        "An S3 gateway endpoint in cn-north-1 (AWS's own service in the endpoint's own region)",
      resource: {
        type: "aws:ec2/vpcEndpoint:VpcEndpoint",
        name: "s3",
        props: {
          vpcId: "vpc-1",
          vpcEndpointType: "Gateway",
          serviceName: "cn.com.amazonaws.cn-north-1.s3",
        },
        provider: { package: "aws", props: { region: "cn-north-1" } },
      },
      expect: "pass",
    },
    {
      title: "VPC peering between two VPCs in mainland China (no border crossed)",
      resource: {
        type: "aws:ec2/vpcPeeringConnection:VpcPeeringConnection",
        name: "cn-peer",
        props: { vpcId: "vpc-1", peerVpcId: "vpc-2", peerRegion: "cn-northwest-1" },
        provider: { package: "aws", props: { region: "cn-north-1" } },
      },
      expect: "pass",
    },
    {
      title: "VPC peering from us-east-1 into cn-north-1 (across a border)",
      resource: {
        type: "aws:ec2/vpcPeeringConnection:VpcPeeringConnection",
        name: "to-cn",
        props: { vpcId: "vpc-1", peerVpcId: "vpc-2", peerRegion: "cn-north-1" },
        provider: { package: "aws", props: { region: "us-east-1" } },
      },
      expect: "violation",
    },
    {
      title: "A customer gateway whose BGP ASN is computed during preview",
      resource: customerGateway({ bgpAsn: UNKNOWN_STRING }),
      expect: "advisory",
    },
  ],
});
