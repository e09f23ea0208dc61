// Pulumi AWSx ECS components on EC2, judged from their own inputs: a container that reserves
// GPUs makes the task definition (or service) accelerator capacity where it runs.
import { gpuInRestrictedJurisdiction as gpu } from "../../../../policypack/src/policies/gpu-in-restricted-jurisdiction";
import { evaluate } from "../../../support/policies";
import { UNKNOWN, context, factsOf, pathsOf, resource } from "../../../support/facts/packages";

const TASK = "awsx:ecs:EC2TaskDefinition";
const SERVICE = "awsx:ecs:EC2Service";
const china = context({ "aws:region": "cn-north-1" });
const gpuContainer = {
  image: "trainer",
  resourceRequirements: [{ type: "GPU", value: "1" }],
};

describe("AWSx ECS components on EC2", () => {
  it("reads a GPU requirement of `container` and of each entry of `containers`", () => {
    expect(pathsOf(resource(TASK, { container: gpuContainer }), china)).toEqual([
      "container.resourceRequirements[0]",
    ]);
    expect(
      pathsOf(
        resource(TASK, { containers: { web: { image: "w" }, trainer: gpuContainer } }),
        china,
      ),
    ).toEqual(["containers.trainer.resourceRequirements[0]"]);
    expect(
      pathsOf(resource(SERVICE, { taskDefinitionArgs: { container: gpuContainer } }), china),
    ).toEqual(["taskDefinitionArgs.container.resourceRequirements[0]"]);
  });

  it("ignores a zero GPU count and notes a computed container map", () => {
    const zero = { image: "x", resourceRequirements: [{ type: "GPU", value: "0" }] };
    expect(pathsOf(resource(TASK, { container: zero }), china)).toEqual([]);
    expect(factsOf(resource(TASK, { containers: UNKNOWN }), china).compute?.computed).toEqual([
      "containers",
    ]);
  });

  it("denies a GPU task definition in cn-north-1 and passes it in us-east-1", () => {
    const task = resource(TASK, { container: gpuContainer }, { provider: null });
    expect(evaluate(gpu, task, {}, china).kind).toBe("violation");
    expect(evaluate(gpu, task, {}, context({ "aws:region": "us-east-1" })).kind).toBe("pass");
  });
});
