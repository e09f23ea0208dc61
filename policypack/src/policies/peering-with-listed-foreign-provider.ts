// peering-with-listed-foreign-provider: a peering, VPN, BGP session, private interconnect or
// private endpoint that reaches a listed foreign provider or a restricted jurisdiction.
import type { ResolvedSettings } from "../config";
import { describeInterconnect, indexStack, placementOf, resolveFarSides } from "../facts";
import type { InterconnectFacts, PeerIdentifier, Placement, ResourceView } from "../facts/types";
import type { Outcome, PeerMatch } from "../findings";
import { COVERAGE } from "../facts";
import { notApplicableBecause, policyTexts } from "../report";
import { UNKNOWN_STRING } from "../values";
import { policyUrl } from "./docs-url";
import { peerReasons } from "./listing";
import type { RuleEnv } from "./rule";
import { definePolicy } from "./rule";

const NAME = "peering-with-listed-foreign-provider";
const TEXT = policyTexts(COVERAGE).peering;

const customerGateway = (props: Record<string, unknown>) => ({
  type: "aws:ec2/customerGateway:CustomerGateway",
  name: "branch-office",
  props: { type: "ipsec.1", bgpAsn: "65000", ipAddress: "203.0.113.10", ...props },
  provider: { package: "aws" },
});

/** The country of a resource's own placement, when resolved. */
function ownCountry(p: Placement | undefined): string | undefined {
  return p?.status === "resolved" ? p.country : undefined;
}

/**
 * Why each far-side identifier is listed or restricted. `home` (the resource's own country) is
 * read only when a far-side region needs comparing with it.
 */
function matchPeers(
  peers: readonly PeerIdentifier[],
  settings: ResolvedSettings,
  home: () => string | undefined,
): PeerMatch[] {
  let country: { value?: string } | undefined;
  const matches: PeerMatch[] = [];
  for (const peer of peers) {
    if (peer.kind === "region") country ??= { value: home() };
    const near = peer.kind === "region" ? country?.value : undefined;
    for (const reason of peerReasons(peer, settings, near)) matches.push({ peer, reason });
  }
  return matches;
}

function listedPeer(ic: InterconnectFacts, matches: readonly PeerMatch[]): Outcome {
  return { kind: "violation", finding: { kind: "listed-peer", interconnect: ic.kind, matches } };
}

function computedPeers(ic: InterconnectFacts, paths: readonly string[]): Outcome {
  return {
    kind: "advisory",
    finding: {
      kind: "computed-identifiers",
      about: { kind: "peer", interconnect: ic.kind },
      paths,
    },
  };
}

/** Analyze: the far side as written; a computed far side waits for the stack. */
function atAnalyze(view: ResourceView, env: RuleEnv, settings: ResolvedSettings): Outcome {
  const ic = describeInterconnect(view);
  if (!ic) return notApplicableBecause("not-interconnect");
  const matches = matchPeers(ic.peers, settings, () => ownCountry(placementOf(view, env.ctx)));
  if (matches.length > 0) return listedPeer(ic, matches);
  // A far side computed during preview most often comes from another resource of the stack:
  // decided at AnalyzeStack, where the engine says which (a note if the stack cannot tell).
  if (ic.computed.length > 0) return { kind: "deferred" };
  return { kind: "pass" };
}

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
    evaluate: atAnalyze,
    evaluateStack(views, env, settings) {
      const out: { view: ResourceView; outcome: Outcome }[] = [];
      let index: ReturnType<typeof indexStack> | undefined;
      for (const view of views) {
        const ic = describeInterconnect(view);
        if (!ic) continue;
        const analyzed = atAnalyze(view, env, settings);
        // A violation is reported at Analyze already.
        if (analyzed.kind === "violation" || analyzed.kind === "not-applicable") continue;
        index ??= indexStack(views, env.ctx);
        const stack = index;
        const far = resolveFarSides(view, ic, stack, env.ctx);
        const matches = matchPeers(far.peers, settings, () => ownCountry(stack.placementOf(view)));
        let outcome: Outcome;
        if (matches.length > 0) outcome = listedPeer(ic, matches);
        else if (far.computed.length > 0) outcome = computedPeers(ic, far.computed);
        else outcome = { kind: "pass" };
        // What Analyze decided stands unless the stack adds a finding or it waited for the stack.
        if (analyzed.kind === "deferred" || outcome.kind === "violation")
          out.push({ view, outcome });
      }
      return out;
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
      title:
        "A customer gateway whose BGP ASN is computed during preview: decided at the stack phase from the resource it comes from (a note if the stack does not tell)",
      resource: customerGateway({ bgpAsn: UNKNOWN_STRING }),
      expect: "deferred",
    },
  ],
});
