// Pulumi EKS components judged from their own inputs: a GPU node group declared through
// @pulumi/eks is caught whether or not the engine shows the component's children, and is placed
// by the AWS chain or, failing that, by where its children land (AnalyzeStack).
import { gpuInRestrictedJurisdiction as gpu } from "../../../../policypack/src/policies/gpu-in-restricted-jurisdiction";
import type { ResourceView } from "../../../../policypack/src/facts/types";
import { evaluate, evaluateStackPhase } from "../../../support/policies";
import { providerView } from "../../../support/views";
import {
  UNKNOWN,
  chipsOf,
  context,
  factsOf,
  pathsOf,
  placementOf,
  resource,
  where,
} from "../../../support/facts/packages";

const CLUSTER = "eks:index:Cluster";
const MANAGED = "eks:index:ManagedNodeGroup";
const NODE_GROUP = "eks:index:NodeGroup";
const NODE_GROUP_V2 = "eks:index:NodeGroupV2";

const china = context({ "aws:region": "cn-north-1" });
const us = context({ "aws:region": "us-east-1" });

describe("EKS components select hardware through their inputs", () => {
  it.each([
    [MANAGED, { instanceTypes: ["p4d.24xlarge"] }, "instanceTypes[0]"],
    [CLUSTER, { instanceType: "p4d.24xlarge" }, "instanceType"],
    [
      CLUSTER,
      { nodeGroupOptions: { instanceType: "p4d.24xlarge" } },
      "nodeGroupOptions.instanceType",
    ],
    [NODE_GROUP, { instanceType: "p4d.24xlarge" }, "instanceType"],
    [NODE_GROUP_V2, { instanceType: "p4d.24xlarge" }, "instanceType"],
  ])("%s reads %j at %s", (token, props, path) => {
    const r = resource(token, props);
    expect(chipsOf(r, china)).toEqual(["NVIDIA A100 (40/80 GB)"]);
    expect(pathsOf(r, china)).toEqual([path]);
  });

  it("reads an accelerated AMI type or `gpu: true` when no instance type is given", () => {
    expect(pathsOf(resource(MANAGED, { amiType: "AL2023_x86_64_NVIDIA" }), china)).toEqual([
      "amiType",
    ]);
    expect(pathsOf(resource(CLUSTER, { gpu: true }), china)).toEqual(["gpu"]);
    expect(pathsOf(resource(NODE_GROUP_V2, { amiType: "AL2023_x86_64_NEURON" }), china)).toEqual([
      "amiType",
    ]);
  });

  it("lets the instance types decide over a GPU AMI, and skips an unused default node group", () => {
    expect(pathsOf(resource(MANAGED, { instanceTypes: ["m5.large"], gpu: true }), china)).toEqual(
      [],
    );
    const skipped = resource(CLUSTER, { skipDefaultNodeGroup: true, instanceType: "p4d.24xlarge" });
    expect(pathsOf(skipped, china)).toEqual([]);
  });

  it("notes a computed instance type list", () => {
    expect(factsOf(resource(MANAGED, { instanceTypes: UNKNOWN }), china).compute?.computed).toEqual(
      ["instanceTypes"],
    );
  });
});

describe("gpu-in-restricted-jurisdiction on EKS components", () => {
  const eksProvider = providerView("eks", "default_3_0_0", {});
  const group = (props: Record<string, unknown>, name = "gpus"): ResourceView =>
    resource(MANAGED, props, { name, provider: eksProvider });

  it("denies a p4d node group in cn-north-1 (stack config aws:region)", () => {
    expect(where(placementOf(group({ instanceTypes: ["p4d.24xlarge"] }), china))).toBe(
      "cn-north-1 CN",
    );
    expect(evaluate(gpu, group({ instanceTypes: ["p4d.24xlarge"] }), {}, china).kind).toBe(
      "violation",
    );
  });

  it("passes the same node group in us-east-1, and a CPU node group in China", () => {
    expect(evaluate(gpu, group({ instanceTypes: ["p4d.24xlarge"] }), {}, us).kind).toBe("pass");
    expect(evaluate(gpu, group({ instanceTypes: ["m5.large"] }), {}, china).kind).toBe("pass");
  });

  it("with no region named, is placed at AnalyzeStack where its children land", () => {
    const parent = group({ instanceTypes: ["p4d.24xlarge"] });
    const cn = providerView("aws", "cn", { region: "cn-northwest-1" });
    const child = resource(
      "aws:eks/nodeGroup:NodeGroup",
      { instanceTypes: ["p4d.24xlarge"] },
      { name: "child", parent: parent.urn, provider: cn },
    );
    const none = context();
    expect(evaluate(gpu, parent, {}, none).kind).toBe("deferred");
    const outcome = evaluateStackPhase(gpu, [parent, child], {}, none).find(
      (r) => r.view.name === "gpus",
    )?.outcome;
    expect(outcome?.kind).toBe("violation");
  });

  it("with no region named and no children placed, fails closed as unresolved", () => {
    const parent = group({ instanceTypes: ["p4d.24xlarge"] });
    const outcome = evaluateStackPhase(gpu, [parent], {}, context()).find(
      (r) => r.view.name === "gpus",
    )?.outcome;
    expect(outcome?.kind).toBe("violation");
    expect(JSON.stringify(outcome)).toContain("its child resources");
  });
});
