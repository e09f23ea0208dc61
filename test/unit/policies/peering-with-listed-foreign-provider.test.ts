import { peeringWithListedForeignProvider as rule } from "../../../policypack/src/policies/peering-with-listed-foreign-provider";
import type { Outcome } from "../../../policypack/src/findings";
import { wordFinding } from "../../../policypack/src/report";
import type { ResourceView } from "../../../policypack/src/facts/types";
import { COMPUTED, awsProvider, azureProvider, evaluate, resource } from "../../support/policies";

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

  it("reports a computed peer ASN as an advisory note", () => {
    expect(evaluate(rule, customerGateway({ bgpAsn: COMPUTED })).kind).toBe("advisory");
  });

  it("is not applicable to resources that connect to nothing", () => {
    expect(evaluate(rule, resource("aws:s3/bucket:Bucket", "b", {}, awsProvider())).kind).toBe(
      "not-applicable",
    );
  });
});
