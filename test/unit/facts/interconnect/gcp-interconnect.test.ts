// The Google Cloud interconnect table (facts/gcp/interconnect.ts). Tokens and input shapes as in
// @pulumi/gcp 9.37.0 (checked against its `.d.ts`; the package is not a dependency of the tests).
import {
  GCP_INTERCONNECT_EXTRACTORS,
  parseGcpResourcePath,
} from "../../../../policypack/src/facts/gcp/interconnect";
import { COMPUTED } from "../../../support/facts/accounts";
import type { KindCase } from "../../../support/facts/interconnect";
import { describeKindCases, factsOf, peer, regionPeer } from "../../../support/facts/interconnect";

const T = GCP_INTERCONNECT_EXTRACTORS;
const SA = "projects/sino-partner-prod/regions/asia-east2/serviceAttachments/llm-api";

const CASES: readonly KindCase[] = [
  {
    token: "gcp:compute/routerPeer:RouterPeer",
    found: {
      props: {
        router: "cr-1",
        region: "asia-east2",
        interface: "if-1",
        peerAsn: 45102,
        peerIpAddress: "169.254.1.2",
      },
      peers: [peer("asn", "45102", "peerAsn"), peer("ip", "169.254.1.2", "peerIpAddress")],
    },
    plain: {
      props: { router: "cr-1", interface: "if-1", peerAsn: 65010, peerIpAddress: "169.254.1.2" },
      peers: [peer("asn", "65010", "peerAsn"), peer("ip", "169.254.1.2", "peerIpAddress")],
    },
  },
  {
    token: "gcp:compute/externalVpnGateway:ExternalVpnGateway",
    found: {
      props: {
        redundancyType: "TWO_IPS_REDUNDANCY",
        interfaces: [
          { id: 0, ipAddress: "47.74.0.10" },
          { id: 1, ipAddress: "47.74.0.11" },
        ],
      },
      peers: [
        peer("ip", "47.74.0.10", "interfaces[0].ipAddress"),
        peer("ip", "47.74.0.11", "interfaces[1].ipAddress"),
      ],
    },
    plain: {
      props: { redundancyType: "SINGLE_IP_INTERNALLY_REDUNDANT", interfaces: [] },
      peers: [],
    },
  },
  {
    token: "gcp:compute/vPNTunnel:VPNTunnel",
    found: {
      props: {
        region: "us-central1",
        sharedSecret: "s",
        vpnGateway: "ha-gw",
        peerGcpGateway:
          "https://www.googleapis.com/compute/v1/projects/sino-partner-prod/regions/asia-east2/vpnGateways/gw",
        peerIp: "203.0.113.9",
      },
      peers: [
        peer("gcp-project", "sino-partner-prod", "peerGcpGateway"),
        regionPeer("asia-east2", "peerGcpGateway", "HK"),
        peer("ip", "203.0.113.9", "peerIp"),
      ],
    },
    plain: {
      props: {
        region: "us-central1",
        sharedSecret: "s",
        vpnGateway: "ha-gw",
        peerExternalGateway: "on-prem",
      },
      peers: [],
    },
  },
  {
    token: "gcp:compute/interconnectAttachment:InterconnectAttachment",
    found: {
      props: {
        router: "cr-1",
        type: "DEDICATED",
        interconnect: "projects/sino-partner-prod/global/interconnects/ic-hkg",
        candidateCustomerRouterIpAddress: "169.254.0.2/29",
      },
      peers: [
        peer("gcp-project", "sino-partner-prod", "interconnect"),
        peer("ip", "169.254.0.2/29", "candidateCustomerRouterIpAddress"),
      ],
    },
    plain: {
      // A Partner Interconnect attachment names no partner in its inputs.
      props: { router: "cr-1", type: "PARTNER", edgeAvailabilityDomain: "AVAILABILITY_DOMAIN_1" },
      peers: [],
    },
  },
  {
    token: "gcp:compute/networkPeering:NetworkPeering",
    found: {
      props: {
        network: "projects/acme-net/global/networks/main",
        peerNetwork:
          "https://www.googleapis.com/compute/v1/projects/sino-partner-prod/global/networks/shared",
      },
      peers: [peer("gcp-project", "sino-partner-prod", "peerNetwork")],
    },
    plain: { props: { network: "main", peerNetwork: "other" }, peers: [] },
  },
  {
    token: "gcp:servicenetworking/connection:Connection",
    found: {
      props: { network: "main", service: "llm.sino-partner.example", reservedPeeringRanges: ["r"] },
      peers: [peer("service-name", "llm.sino-partner.example", "service")],
    },
    plain: {
      props: {
        network: "main",
        service: "servicenetworking.googleapis.com",
        reservedPeeringRanges: ["r"],
      },
      peers: [peer("service-name", "servicenetworking.googleapis.com", "service")],
    },
  },
  {
    token: "gcp:compute/forwardingRule:ForwardingRule",
    found: {
      props: { region: "asia-east2", network: "main", loadBalancingScheme: "", target: SA },
      peers: [
        peer("service-name", SA, "target"),
        peer("gcp-project", "sino-partner-prod", "target"),
        regionPeer("asia-east2", "target", "HK"),
      ],
    },
    plain: {
      props: {
        region: "us-central1",
        network: "main",
        loadBalancingScheme: "",
        target: "all-apis",
      },
      peers: [],
    },
  },
];

describe("GCP_INTERCONNECT_EXTRACTORS", () => describeKindCases(T, CASES));

describe("GCP interconnect: resource paths", () => {
  it.each([
    ["projects/p-123456/global/networks/n", { project: "p-123456" }],
    [
      "https://compute.googleapis.com/compute/v1/projects/Acme-Net/regions/asia-east2/vpnGateways/g",
      { project: "acme-net", location: "asia-east2" },
    ],
    [
      "//compute.googleapis.com/projects/p-123456/zones/asia-east2-a/instances/i",
      { project: "p-123456", location: "asia-east2-a" },
    ],
  ])("reads %s", (value, parsed) => {
    expect(parseGcpResourcePath(value)).toEqual(parsed);
  });

  it("reads nothing from a bare name (the resource's own project)", () => {
    expect(parseGcpResourcePath("main")).toBeUndefined();
  });
});

describe("GCP interconnect: forwarding rules", () => {
  const RULE = "gcp:compute/forwardingRule:ForwardingRule";

  it("does not read a load balancer's forwarding rule as an interconnect", () => {
    const extract = T.get(RULE);
    expect(
      extract?.({ target: "projects/acme/regions/us-central1/targetHttpProxies/p" }),
    ).toBeUndefined();
    expect(
      extract?.({ target: COMPUTED, loadBalancingScheme: "EXTERNAL_MANAGED" }),
    ).toBeUndefined();
    expect(extract?.({ backendService: "bs", loadBalancingScheme: "INTERNAL" })).toBeUndefined();
  });

  it("reads a computed target of a Private Service Connect endpoint as computed", () => {
    expect(factsOf(T, RULE, { target: COMPUTED, loadBalancingScheme: "" })).toEqual({
      kind: "Private Service Connect endpoint",
      peers: [],
      computed: ["target"],
    });
  });

  it("reports no far side for Google APIs (all-apis, vpc-sc)", () => {
    expect(factsOf(T, RULE, { target: "vpc-sc", loadBalancingScheme: "" }).peers).toEqual([]);
  });
});

describe("GCP interconnect: computed values", () => {
  it("reports a computed peer network", () => {
    expect(
      factsOf(T, "gcp:compute/networkPeering:NetworkPeering", {
        network: "n",
        peerNetwork: COMPUTED,
      }).computed,
    ).toEqual(["peerNetwork"]);
  });
});
