// The peering policy's stack phase: a far side computed from (or written as the ID of) another
// resource of the same stack is judged where that resource is, through the engine's
// propertyDependencies, before falling back to the "computed" note.
import { peeringWithListedForeignProvider as rule } from "../../../policypack/src/policies/peering-with-listed-foreign-provider";
import type { Outcome } from "../../../policypack/src/findings";
import type { ResourceView } from "../../../policypack/src/facts/types";
import { wordFinding } from "../../../policypack/src/report";
import { COMPUTED, evaluate, evaluateStackPhase } from "../../support/policies";
import { providerView, resourceView } from "../../support/views";

const awsUs = providerView("aws", "us", { region: "us-east-1" });
const awsCn = providerView("aws", "cn", { region: "cn-north-1" });
const azureEu = providerView("azure-native", "eu", { location: "westeurope" });
const gcpUs = providerView("gcp", "us", { region: "us-central1" });
const gcpHk = providerView("gcp", "hk", { region: "asia-east2" });

function stackOutcome(stack: ResourceView[], of: ResourceView): Outcome | undefined {
  return evaluateStackPhase(rule, stack).find((r) => r.view.urn === of.urn)?.outcome;
}

function text(view: ResourceView, outcome: Outcome | undefined): string {
  if (outcome?.kind !== "violation" && outcome?.kind !== "advisory") {
    throw new Error(`expected a finding, got ${outcome?.kind ?? "none"}`);
  }
  return wordFinding({ type: view.type, name: view.name }, outcome.finding);
}

const vpc = (name: string, provider = awsUs): ResourceView =>
  resourceView("aws:ec2/vpc:Vpc", { cidrBlock: "10.0.0.0/16" }, { name, provider });

function vpcPeering(to: ResourceView, peerVpcId: unknown = COMPUTED): ResourceView {
  return resourceView(
    "aws:ec2/vpcPeeringConnection:VpcPeeringConnection",
    { vpcId: COMPUTED, peerVpcId },
    {
      name: `to-${to.name}`,
      provider: awsUs,
      dependencies: [to.urn],
      propertyDependencies: { peerVpcId: [to.urn], vpcId: [] },
    },
  );
}

describe("VPC peering to a VPC of the same stack (aws)", () => {
  it("waits for the stack at Analyze, then denies peering from us-east-1 to a VPC in cn-north-1", () => {
    const cn = vpc("cn-vpc", awsCn);
    const peering = vpcPeering(cn);
    expect(evaluate(rule, peering).kind).toBe("deferred");
    const outcome = stackOutcome([cn, peering], peering);
    expect(outcome?.kind).toBe("violation");
    const message = text(peering, outcome);
    expect(message).toContain('region cn-north-1 of Vpc "cn-vpc"');
    expect(message).toContain("`peerVpcId`");
    expect(message).toContain("(CN)");
  });

  it("passes peering to a VPC of the same stack in the same region", () => {
    const near = vpc("near-vpc");
    const peering = vpcPeering(near);
    expect(stackOutcome([near, peering], peering)).toEqual({ kind: "pass" });
  });

  it("denies the same peering at `pulumi up`, when the VPC ID is written", () => {
    const cn = vpc("cn-vpc", awsCn);
    const peering = vpcPeering(cn, "vpc-0123456789abcdef0");
    expect(evaluate(rule, peering).kind).toBe("pass");
    expect(stackOutcome([cn, peering], peering)?.kind).toBe("violation");
  });

  it("passes peering between two VPCs of the stack in mainland China", () => {
    const cnPeering = resourceView(
      "aws:ec2/vpcPeeringConnection:VpcPeeringConnection",
      { vpcId: COMPUTED, peerVpcId: COMPUTED },
      {
        name: "cn-cn",
        provider: providerView("aws", "cnw", { region: "cn-northwest-1" }),
        propertyDependencies: { peerVpcId: [vpc("cn-vpc", awsCn).urn] },
      },
    );
    expect(stackOutcome([vpc("cn-vpc", awsCn), cnPeering], cnPeering)).toEqual({ kind: "pass" });
  });

  it("keeps the advisory note when the far side is not in the stack", () => {
    const peering = resourceView(
      "aws:ec2/vpcPeeringConnection:VpcPeeringConnection",
      { vpcId: "vpc-1", peerVpcId: COMPUTED },
      { name: "elsewhere", provider: awsUs, propertyDependencies: {} },
    );
    const outcome = stackOutcome([peering], peering);
    expect(outcome?.kind).toBe("advisory");
    expect(text(peering, outcome)).toContain("`peerVpcId` are computed during preview");
  });

  it("keeps the note when the value comes from a resource of a package the pack does not read", () => {
    const random = resourceView(
      "random:index/randomString:RandomString",
      { length: 8 },
      {
        name: "suffix",
      },
    );
    const peering = resourceView(
      "aws:ec2/vpcPeeringConnection:VpcPeeringConnection",
      { vpcId: "vpc-1", peerVpcId: COMPUTED },
      { name: "odd", provider: awsUs, propertyDependencies: { peerVpcId: [random.urn] } },
    );
    expect(stackOutcome([random, peering], peering)?.kind).toBe("advisory");
  });
});

describe("private endpoints to a resource of the same stack (azure-native)", () => {
  const app = (name: string, location: string): ResourceView =>
    resourceView(
      "azure-native:web:WebApp",
      { resourceGroupName: "rg", location },
      { name, provider: azureEu },
    );
  const endpoint = (to: ResourceView): ResourceView =>
    resourceView(
      "azure-native:network:PrivateEndpoint",
      {
        resourceGroupName: "rg",
        location: "westeurope",
        subnet: { id: COMPUTED },
        privateLinkServiceConnections: [
          { name: "app", privateLinkServiceId: COMPUTED, groupIds: ["sites"] },
        ],
      },
      {
        name: `pe-${to.name}`,
        provider: azureEu,
        propertyDependencies: { privateLinkServiceConnections: [to.urn], subnet: [] },
      },
    );

  it("gives no note for an endpoint to a web app of the stack in the same subscription", () => {
    const web = app("web", "westeurope");
    const pe = endpoint(web);
    expect(evaluate(rule, pe).kind).toBe("deferred");
    expect(stackOutcome([web, pe], pe)).toEqual({ kind: "pass" });
  });

  it("denies an endpoint in West Europe to a web app of the stack in China", () => {
    const web = app("web-cn", "chinanorth3");
    const pe = endpoint(web);
    const outcome = stackOutcome([web, pe], pe);
    expect(outcome?.kind).toBe("violation");
    expect(text(pe, outcome)).toContain('of WebApp "web-cn"');
  });

  it("denies a web app of the stack deployed through a subscription in restrictedAccounts", () => {
    const jv = "11111111-2222-3333-4444-555555555555";
    const web = resourceView(
      "azure-native:web:WebApp",
      { resourceGroupName: "rg", location: "westeurope" },
      {
        name: "jv-web",
        provider: providerView("azure-native", "jv", {
          location: "westeurope",
          subscriptionId: jv,
        }),
      },
    );
    const pe = endpoint(web);
    const config = { restrictedAccounts: [{ id: jv, jurisdiction: "CN" }] };
    const outcome = evaluateStackPhase(rule, [web, pe], config).find((r) => r.view === pe)?.outcome;
    expect(outcome?.kind).toBe("violation");
    expect(text(pe, outcome)).toContain(jv);
  });
});

describe("virtual network peering and VPC network peering within the stack", () => {
  it("denies an azure-native peering whose remote network of the stack is in China", () => {
    const remote = resourceView(
      "azure-native:network:VirtualNetwork",
      { resourceGroupName: "rg", location: "chinaeast2" },
      { name: "remote", provider: azureEu },
    );
    const peering = resourceView(
      "azure-native:network:VirtualNetworkPeering",
      {
        resourceGroupName: "rg",
        virtualNetworkName: "hub",
        remoteVirtualNetwork: { id: COMPUTED },
      },
      {
        name: "hub-to-remote",
        provider: azureEu,
        propertyDependencies: { remoteVirtualNetwork: [remote.urn] },
      },
    );
    expect(evaluate(rule, peering).kind).toBe("deferred");
    expect(stackOutcome([remote, peering], peering)?.kind).toBe("violation");
  });

  it("judges a gcp network peering by the peer network's project, not its provider's default region (networks are global)", () => {
    const network = (name: string, provider = gcpUs): ResourceView =>
      resourceView(
        "gcp:compute/network:Network",
        { autoCreateSubnetworks: false, project: `proj-${name}` },
        { name, provider },
      );
    const peering = (to: ResourceView): ResourceView =>
      resourceView(
        "gcp:compute/networkPeering:NetworkPeering",
        { network: COMPUTED, peerNetwork: COMPUTED },
        { name: `to-${to.name}`, provider: gcpUs, propertyDependencies: { peerNetwork: [to.urn] } },
      );
    const hk = network("hk-net", gcpHk);
    const us = network("us-net");
    const toHk = peering(hk);
    const toUs = peering(us);
    const stack = [hk, us, toHk, toUs];
    // A written self link of either network names no region either: both are judged alike.
    expect(stackOutcome(stack, toHk)).toEqual({ kind: "pass" });
    expect(stackOutcome(stack, toUs)).toEqual({ kind: "pass" });
  });
});

describe("a gateway address from another resource of the stack", () => {
  it("denies a customer gateway whose address is an Alibaba Cloud VPN gateway's in China", () => {
    const gateway = resourceView(
      "alicloud:vpn/gateway:Gateway",
      { bandwidth: 10, vpcId: "vpc-1" },
      { name: "ali-vpn", provider: providerView("alicloud", "hz", { region: "cn-hangzhou" }) },
    );
    const cgw = resourceView(
      "aws:ec2/customerGateway:CustomerGateway",
      { type: "ipsec.1", bgpAsn: "65000", ipAddress: COMPUTED },
      { name: "to-ali", provider: awsUs, propertyDependencies: { ipAddress: [gateway.urn] } },
    );
    expect(evaluate(rule, cgw).kind).toBe("deferred");
    const outcome = stackOutcome([gateway, cgw], cgw);
    expect(outcome?.kind).toBe("violation");
    expect(text(cgw, outcome)).toContain("cn-hangzhou");
  });
});

describe("the far side's accounts and projects, and the other packages", () => {
  it("denies peering to a VPC of the stack deployed through an account in restrictedAccounts", () => {
    const jv = providerView("aws", "jv", {
      region: "us-east-1",
      allowedAccountIds: ["210987654321"],
    });
    const target = vpc("jv-vpc", jv);
    const peering = vpcPeering(target);
    const config = { restrictedAccounts: [{ id: "210987654321", jurisdiction: "CN" }] };
    const outcome = evaluateStackPhase(rule, [target, peering], config).find(
      (r) => r.view === peering,
    )?.outcome;
    expect(outcome?.kind).toBe("violation");
    expect(text(peering, outcome)).toContain('AWS account 210987654321 of Vpc "jv-vpc"');
    // Without the listing the same stack passes.
    expect(stackOutcome([target, peering], peering)).toEqual({ kind: "pass" });
  });

  it("denies gcp network peering to a network of the stack in a project in restrictedAccounts", () => {
    const net = resourceView(
      "gcp:compute/network:Network",
      { project: "acme-sino-jv", autoCreateSubnetworks: false },
      { name: "jv-net", provider: gcpUs },
    );
    const peering = resourceView(
      "gcp:compute/networkPeering:NetworkPeering",
      { network: COMPUTED, peerNetwork: COMPUTED },
      { name: "to-jv", provider: gcpUs, propertyDependencies: { peerNetwork: [net.urn] } },
    );
    const config = { restrictedAccounts: [{ id: "acme-sino-jv", jurisdiction: "CN" }] };
    const outcome = evaluateStackPhase(rule, [net, peering], config).find(
      (r) => r.view === peering,
    )?.outcome;
    expect(outcome?.kind).toBe("violation");
    expect(text(peering, outcome)).toContain("Google Cloud project acme-sino-jv");
    expect(stackOutcome([net, peering], peering)).toEqual({ kind: "pass" });
  });

  it("judges aws-native VPC peering by its peerVpcId", () => {
    const target = vpc("cn-vpc", awsCn);
    const peering = resourceView(
      "aws-native:ec2:VpcPeeringConnection",
      { vpcId: "vpc-1", peerVpcId: COMPUTED },
      {
        name: "native",
        provider: providerView("aws-native", "us", { region: "us-east-1" }),
        propertyDependencies: { peerVpcId: [target.urn] },
      },
    );
    expect(evaluate(rule, peering).kind).toBe("deferred");
    expect(stackOutcome([target, peering], peering)?.kind).toBe("violation");
  });

  it("judges classic azure virtual network peering by its remote network in the stack", () => {
    const classic = providerView("azure", "eu", { features: {}, subscriptionId: "s" });
    const remote = (name: string, location: string): ResourceView =>
      resourceView(
        "azure:network/virtualNetwork:VirtualNetwork",
        { resourceGroupName: "rg", location, addressSpaces: ["10.1.0.0/16"] },
        { name, provider: classic },
      );
    const peering = (to: ResourceView): ResourceView =>
      resourceView(
        "azure:network/virtualNetworkPeering:VirtualNetworkPeering",
        {
          resourceGroupName: "rg",
          virtualNetworkName: "hub",
          remoteVirtualNetworkId: COMPUTED,
        },
        {
          name: `to-${to.name}`,
          provider: classic,
          propertyDependencies: { remoteVirtualNetworkId: [to.urn] },
        },
      );
    const cn = remote("cn", "chinanorth3");
    const eu = remote("eu", "westeurope");
    // The peering itself has no location input: its own country is unknown.
    const toCn = peering(cn);
    const toEu = peering(eu);
    expect(stackOutcome([cn, eu, toCn, toEu], toCn)?.kind).toBe("violation");
    expect(stackOutcome([cn, eu, toCn, toEu], toEu)).toEqual({ kind: "pass" });
  });

  it("gives no note for a private endpoint to a storage account of the stack", () => {
    const storage = resourceView(
      "azure-native:storage:StorageAccount",
      {
        resourceGroupName: "rg",
        location: "westeurope",
        kind: "StorageV2",
        sku: { name: "Standard_LRS" },
      },
      { name: "data", provider: azureEu },
    );
    const pe = resourceView(
      "azure-native:network:PrivateEndpoint",
      {
        resourceGroupName: "rg",
        location: "westeurope",
        privateLinkServiceConnections: [
          { name: "blob", privateLinkServiceId: COMPUTED, groupIds: ["blob"] },
        ],
      },
      {
        name: "pe-data",
        provider: azureEu,
        propertyDependencies: { privateLinkServiceConnections: [storage.urn] },
      },
    );
    expect(stackOutcome([storage, pe], pe)).toEqual({ kind: "pass" });
  });
});

describe("far sides whose place nothing names, or whose place is computed", () => {
  const projectOnly = providerView("gcp", "p", { project: "acme-net-prod" });
  const peeringTo = (to: ResourceView): ResourceView =>
    resourceView(
      "gcp:compute/networkPeering:NetworkPeering",
      { network: COMPUTED, peerNetwork: COMPUTED },
      {
        name: `to-${to.name}`,
        provider: projectOnly,
        propertyDependencies: { peerNetwork: [to.urn] },
      },
    );

  it("judges a global network of the stack by its project when no region is named", () => {
    const net = resourceView(
      "gcp:compute/network:Network",
      { project: "acme-sino-jv" },
      { name: "global-net", provider: projectOnly },
    );
    const peering = peeringTo(net);
    expect(stackOutcome([net, peering], peering)).toEqual({ kind: "pass" });
    const config = { restrictedAccounts: [{ id: "acme-sino-jv", jurisdiction: "CN" }] };
    const outcome = evaluateStackPhase(rule, [net, peering], config).find(
      (r) => r.view === peering,
    )?.outcome;
    expect(outcome?.kind).toBe("violation");
  });

  it("keeps the note when the far side's own placement is computed", () => {
    const computedRegion = providerView("aws", "later", { region: COMPUTED });
    const target = vpc("later-vpc", computedRegion);
    const peering = vpcPeering(target);
    expect(stackOutcome([target, peering], peering)?.kind).toBe("advisory");
  });
});
