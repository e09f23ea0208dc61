import { peeringWithListedForeignProvider as rule } from "../../../policypack/src/policies/peering-with-listed-foreign-provider";
import type { Outcome } from "../../../policypack/src/findings";
import { wordFinding } from "../../../policypack/src/report";
import type { ResourceView } from "../../../policypack/src/facts/types";
import {
  COMPUTED,
  awsProvider,
  azureProvider,
  evaluate,
  evaluateStackPhase,
  resource,
} from "../../support/policies";

function text(view: ResourceView, outcome: Outcome): string {
  if (outcome.kind !== "violation" && outcome.kind !== "advisory") throw new Error(outcome.kind);
  return wordFinding(view, outcome.finding);
}

const customerGateway = (props: Record<string, unknown>) =>
  resource(
    "aws:ec2/customerGateway:CustomerGateway",
    "cgw",
    { type: "ipsec.1", bgpAsn: "65000", ipAddress: "203.0.113.10", ...props },
    awsProvider(),
  );

describe("peering-with-listed-foreign-provider", () => {
  it("passes a customer gateway with a private ASN", () => {
    expect(evaluate(rule, customerGateway({})).kind).toBe("pass");
  });

  it("denies a customer gateway whose BGP ASN belongs to Alibaba Cloud", () => {
    const view = customerGateway({ bgpAsn: "45102" });
    const outcome = evaluate(rule, view);
    expect(outcome.kind).toBe("violation");
    expect(text(view, outcome)).toMatch(/AS45102.*Alibaba/);
  });

  it("denies an address inside a custom provider's CIDR range", () => {
    const view = customerGateway({ ipAddress: "198.51.100.7" });
    const config = { foreignProviders: [{ name: "Example Cloud", cidrs: ["198.51.100.0/24"] }] };
    expect(evaluate(rule, view, config).kind).toBe("violation");
  });

  it("lets builtinForeignProviders=false turn the built-in registry off", () => {
    const view = customerGateway({ bgpAsn: "AS45102" });
    expect(evaluate(rule, view, { builtinForeignProviders: false }).kind).toBe("pass");
  });

  it("denies VPC peering into a restricted region", () => {
    const view = resource(
      "aws:ec2/vpcPeeringConnection:VpcPeeringConnection",
      "peer",
      { vpcId: "vpc-1", peerVpcId: "vpc-2", peerRegion: "ap-east-1" },
      awsProvider(),
    );
    const outcome = evaluate(rule, view);
    expect(outcome.kind).toBe("violation");
    expect(text(view, outcome)).toContain("(HK)");
  });

  it("denies VPC peering with an account in restrictedAccounts", () => {
    const view = resource(
      "aws:ec2/vpcPeeringConnection:VpcPeeringConnection",
      "peer",
      { vpcId: "vpc-1", peerVpcId: "vpc-2", peerOwnerId: "999988887777" },
      awsProvider(),
    );
    expect(evaluate(rule, view).kind).toBe("pass");
    expect(evaluate(rule, view, { restrictedAccounts: [{ id: "999988887777" }] }).kind).toBe(
      "violation",
    );
  });

  it("denies an ExpressRoute circuit through a Chinese carrier", () => {
    const view = resource(
      "azure-native:network:ExpressRouteCircuit",
      "er",
      {
        location: "eastus",
        serviceProviderProperties: {
          serviceProviderName: "China Telecom Global",
          peeringLocation: "Hong Kong2",
          bandwidthInMbps: 1000,
        },
      },
      azureProvider(),
    );
    const outcome = evaluate(rule, view);
    expect(outcome.kind).toBe("violation");
    expect(text(view, outcome)).toMatch(/China Telecom/);
  });

  describe("endpoints to AWS's own services and links inside one jurisdiction", () => {
    const endpoint = (region: string, serviceName: string, extra: Record<string, unknown> = {}) =>
      resource(
        "aws:ec2/vpcEndpoint:VpcEndpoint",
        "endpoint",
        { vpcId: "vpc-1", serviceName, ...extra },
        awsProvider({ region }),
      );
    const peering = (region: string, peerRegion: string, extra: Record<string, unknown> = {}) =>
      resource(
        "aws:ec2/vpcPeeringConnection:VpcPeeringConnection",
        "peer",
        { vpcId: "vpc-1", peerVpcId: "vpc-2", peerRegion, ...extra },
        awsProvider({ region }),
      );
    const tgwPeering = (region: string, peerRegion: string) =>
      resource(
        "aws:ec2transitgateway/peeringAttachment:PeeringAttachment",
        "tgw-peer",
        {
          transitGatewayId: "tgw-1",
          peerTransitGatewayId: "tgw-2",
          peerAccountId: "111122223333",
          peerRegion,
        },
        awsProvider({ region }),
      );

    it.each([
      ["an S3 gateway endpoint in cn-north-1", "cn-north-1", "com.amazonaws.cn-north-1.s3"],
      [
        "an S3 gateway endpoint in cn-north-1 (cn. prefix)",
        "cn-north-1",
        "cn.com.amazonaws.cn-north-1.s3",
      ],
      ["an S3 gateway endpoint in ap-east-1", "ap-east-1", "com.amazonaws.ap-east-1.s3"],
      ["an ECR interface endpoint in ap-east-1", "ap-east-1", "com.amazonaws.ap-east-1.ecr.dkr"],
      [
        "an ECR interface endpoint in cn-northwest-1",
        "cn-northwest-1",
        "cn.com.amazonaws.cn-northwest-1.ecr.api",
      ],
    ])("passes %s", (_what, region, serviceName) => {
      expect(evaluate(rule, endpoint(region, serviceName)).kind).toBe("pass");
    });

    it("passes an AWS service endpoint even when the endpoint's own region is not known", () => {
      const view = resource(
        "aws:ec2/vpcEndpoint:VpcEndpoint",
        "endpoint",
        { vpcId: "vpc-1", serviceName: "cn.com.amazonaws.cn-north-1.s3" },
        awsProvider({}),
      );
      expect(evaluate(rule, view).kind).toBe("pass");
    });

    it("denies a cross-region endpoint whose serviceRegion is in another, restricted jurisdiction", () => {
      const view = endpoint("eu-west-1", "com.amazonaws.ap-east-1.s3", {
        serviceRegion: "ap-east-1",
      });
      const outcome = evaluate(rule, view);
      expect(outcome.kind).toBe("violation");
      expect(text(view, outcome)).toContain("ap-east-1");
    });

    it("still denies an AWS service name listed in foreignProviders", () => {
      const view = endpoint("cn-north-1", "cn.com.amazonaws.cn-north-1.s3");
      const config = {
        foreignProviders: [{ name: "Listed", serviceNames: ["cn.com.amazonaws.*.s3"] }],
      };
      expect(evaluate(rule, view, config).kind).toBe("violation");
    });

    it("denies an endpoint service in a restricted region reached from another country", () => {
      const view = endpoint("us-east-1", "com.amazonaws.vpce.ap-east-1.vpce-svc-0123456789abcdef0");
      expect(evaluate(rule, view).kind).toBe("violation");
    });

    it("passes an endpoint service in the endpoint's own restricted country", () => {
      const view = endpoint("ap-east-1", "com.amazonaws.vpce.ap-east-1.vpce-svc-0123456789abcdef0");
      expect(evaluate(rule, view).kind).toBe("pass");
    });

    it.each([
      ["two VPCs in mainland China", "cn-north-1", "cn-northwest-1"],
      ["two VPCs in Hong Kong", "ap-east-1", "ap-east-1"],
    ])("passes VPC peering between %s", (_what, region, peerRegion) => {
      expect(evaluate(rule, peering(region, peerRegion)).kind).toBe("pass");
    });

    it.each([
      ["us-east-1 into cn-north-1", "us-east-1", "cn-north-1", "(CN)"],
      ["mainland China into Hong Kong", "cn-north-1", "ap-east-1", "(HK)"],
      ["Hong Kong into mainland China", "ap-east-1", "cn-northwest-1", "(CN)"],
    ])("denies VPC peering from %s (a border is crossed)", (_what, region, peerRegion, shows) => {
      const view = peering(region, peerRegion);
      const outcome = evaluate(rule, view);
      expect(outcome.kind).toBe("violation");
      expect(text(view, outcome)).toContain(shows);
    });

    it("denies TGW peering from eu-west-1 to ap-east-1", () => {
      expect(evaluate(rule, tgwPeering("eu-west-1", "ap-east-1")).kind).toBe("violation");
    });

    it("passes TGW peering between two regions of mainland China", () => {
      expect(evaluate(rule, tgwPeering("cn-north-1", "cn-northwest-1")).kind).toBe("pass");
    });

    it("denies peering into a restricted region when the resource's own region is not known", () => {
      const view = resource(
        "aws:ec2/vpcPeeringConnection:VpcPeeringConnection",
        "peer",
        { vpcId: "vpc-1", peerVpcId: "vpc-2", peerRegion: "cn-north-1" },
        awsProvider({}),
      );
      expect(evaluate(rule, view).kind).toBe("violation");
    });

    it("denies same-jurisdiction peering with a listed account", () => {
      const view = peering("cn-north-1", "cn-northwest-1", { peerOwnerId: "999988887777" });
      expect(
        evaluate(rule, view, { restrictedAccounts: [{ id: "999988887777", jurisdiction: "CN" }] })
          .kind,
      ).toBe("violation");
    });
  });

  it("waits for the stack on a computed peer ASN, then notes it when the stack cannot tell", () => {
    const view = customerGateway({ bgpAsn: COMPUTED });
    expect(evaluate(rule, view).kind).toBe("deferred");
    const [result] = evaluateStackPhase(rule, [view]);
    expect(result?.outcome.kind).toBe("advisory");
    expect(text(view, result!.outcome)).toContain("`bgpAsn` are computed during preview");
  });

  it("still denies at Analyze what is written, without waiting for the stack", () => {
    const view = customerGateway({ bgpAsn: "45102", ipAddress: COMPUTED });
    expect(evaluate(rule, view).kind).toBe("violation");
    // Reported once: the stack phase leaves it alone.
    expect(evaluateStackPhase(rule, [view])).toEqual([]);
  });

  it("is not applicable to resources that connect to nothing", () => {
    expect(evaluate(rule, resource("aws:s3/bucket:Bucket", "b", {}, awsProvider())).kind).toBe(
      "not-applicable",
    );
  });
});
