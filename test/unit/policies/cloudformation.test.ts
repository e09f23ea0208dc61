// CloudFormation stacks and StackSets under the GPU and AI-service placement policies: what the
// template declares is judged as if declared directly, where the stack (or each StackSet
// instance) is placed; the messages name the template's logical IDs.
import { aiServiceInRestrictedJurisdiction } from "../../../policypack/src/policies/ai-service-in-restricted-jurisdiction";
import { gpuInRestrictedJurisdiction as rule } from "../../../policypack/src/policies/gpu-in-restricted-jurisdiction";
import type { Outcome } from "../../../policypack/src/findings";
import type { ResourceView } from "../../../policypack/src/facts/types";
import { wordFinding } from "../../../policypack/src/report";
import {
  COMPUTED,
  awsProvider,
  evaluate,
  evaluateStackPhase,
  resource,
} from "../../support/policies";
import { resourceView } from "../../support/views";

const GPU_YAML = `
Parameters:
  Size:
    Type: String
    Default: p4d.24xlarge
Resources:
  Trainer:
    Type: AWS::EC2::Instance
    Properties:
      InstanceType: !Ref Size
`;

const CPU_YAML = GPU_YAML.replace("p4d.24xlarge", "m5.large");
const NO_DEFAULT = `
Parameters:
  Size: { Type: String }
Resources:
  Trainer:
    Type: AWS::EC2::Instance
    Properties:
      InstanceType: !Ref Size
`;

const beijing = awsProvider({ region: "cn-north-1" });
const virginia = awsProvider({ region: "us-east-1" });

function stack(props: Record<string, unknown>, provider = beijing): ResourceView {
  return resource("aws:cloudformation/stack:Stack", "gpu-stack", props, provider);
}

function message(view: ResourceView, outcome: Outcome): string {
  if (outcome.kind !== "violation" && outcome.kind !== "advisory") {
    throw new Error(`expected a finding, got ${outcome.kind}`);
  }
  return wordFinding({ type: view.type, name: view.name }, outcome.finding);
}

describe("CloudFormation stacks", () => {
  it("denies a GPU instance declared in a template in Beijing, naming the logical ID", () => {
    const view = stack({ templateBody: GPU_YAML });
    const outcome = evaluate(rule, view);
    expect(outcome.kind).toBe("violation");
    const text = message(view, outcome);
    expect(text).toContain(
      'p4d.24xlarge [NVIDIA A100 (40/80 GB), export-controlled, ECCN 3A090] at `Properties.InstanceType` of AWS::EC2::Instance "Trainer" in `templateBody`',
    );
    expect(text).toContain("cn-north-1");
  });

  it("passes the same template in us-east-1, and a CPU-only template in Beijing", () => {
    expect(evaluate(rule, stack({ templateBody: GPU_YAML }, virginia)).kind).toBe("pass");
    expect(evaluate(rule, stack({ templateBody: CPU_YAML })).kind).toBe("pass");
    expect(
      evaluate(rule, stack({ templateBody: GPU_YAML, parameters: { Size: "m5.large" } })).kind,
    ).toBe("pass");
  });

  it("an instance type that cannot be resolved fails closed in Beijing, said why", () => {
    const view = stack({ templateBody: NO_DEFAULT });
    const outcome = evaluate(rule, view);
    expect(outcome.kind).toBe("violation");
    expect(message(view, outcome)).toContain(
      '`Properties.InstanceType` of AWS::EC2::Instance "Trainer" in `templateBody` cannot be resolved (template parameter `Size` has no value in `parameters` and no `Default`)',
    );
    expect(evaluate(rule, stack({ templateBody: NO_DEFAULT }, virginia)).kind).toBe("pass");
  });

  it("a template URL is unresolved (violation in Beijing); a malformed body names problem and position", () => {
    const url = stack({ templateUrl: "https://bucket.s3.amazonaws.com/gpu.yaml" });
    const urlOutcome = evaluate(rule, url);
    expect(urlOutcome.kind).toBe("violation");
    expect(message(url, urlOutcome)).toContain(
      "the template is at https://bucket.s3.amazonaws.com/gpu.yaml, which jurisdiction-guard does not fetch",
    );
    const bad = stack({ templateBody: "Resources:\n  A: {Type: [\n" });
    const badOutcome = evaluate(rule, bad);
    expect(badOutcome.kind).toBe("violation");
    expect(message(bad, badOutcome)).toMatch(
      /the template cannot be read: YAML: .+ at line \d+, column \d+/,
    );
  });

  it("a parameter computed during preview is an advisory note", () => {
    const view = stack({ templateBody: NO_DEFAULT, parameters: { Size: COMPUTED } });
    const outcome = evaluate(rule, view);
    expect(outcome.kind).toBe("advisory");
    expect(message(view, outcome)).toContain("`parameters.Size` is computed");
  });

  it("an AI service declared in a template is judged by the AI-service policy", () => {
    const view = resource(
      "aws-native:cloudformation:Stack",
      "agents",
      {
        templateBody:
          '{"Resources": {"Helper": {"Type": "AWS::Bedrock::Agent", "Properties": {}}}}',
      },
      { ...awsProvider({ region: "cn-north-1" }), type: "pulumi:providers:aws-native" },
    );
    const outcome = evaluate(aiServiceInRestrictedJurisdiction, view);
    expect(outcome.kind).toBe("violation");
    expect(message(view, outcome)).toContain(
      'Amazon Bedrock agent of AWS::Bedrock::Agent "Helper" in `templateBody`',
    );
  });
});

describe("CloudFormation StackSets (stack phase)", () => {
  const STACK_SET = "aws:cloudformation/stackSet:StackSet";
  const INSTANCE = "aws:cloudformation/stackSetInstance:StackSetInstance";
  const stackSet = (body = GPU_YAML) =>
    resourceView(
      STACK_SET,
      { name: "gpus", templateBody: body },
      { name: "gpus", provider: virginia },
    );
  const instance = (name: string, props: Record<string, unknown>) =>
    resourceView(INSTANCE, { stackSetName: "gpus", ...props }, { name, provider: virginia });

  const decide = (views: ResourceView[]) => {
    const out = evaluateStackPhase(rule, views);
    return out.map((o) => ({ name: o.view.name, kind: o.outcome.kind, outcome: o.outcome }));
  };

  it("defers at the resource phase", () => {
    expect(evaluate(rule, stackSet()).kind).toBe("deferred");
  });

  it("denies a GPU StackSet with an instance in Beijing, passes one whose instances are in the US", () => {
    const set = stackSet();
    const china = decide([
      set,
      instance("us", { stackSetInstanceRegion: "us-west-2" }),
      instance("cn", { stackSetInstanceRegion: "cn-north-1" }),
    ]);
    expect(china.map((c) => c.kind)).toEqual(["violation"]);
    expect(message(set, china[0]?.outcome as Outcome)).toContain(
      'resource input `stackSetInstanceRegion` of aws:cloudformation/stackSetInstance:StackSetInstance "cn"',
    );
    expect(
      decide([set, instance("us", { stackSetInstanceRegion: "us-west-2" })]).map((c) => c.kind),
    ).toEqual(["pass"]);
  });

  it("reads StackInstances regions and an instance's parameter overrides", () => {
    const set = stackSet();
    const many = resourceView(
      "aws:cloudformation/stackInstances:StackInstances",
      { stackSetName: "gpus", regions: ["eu-west-1", "cn-northwest-1"] },
      { name: "many", provider: virginia },
    );
    expect(decide([set, many]).map((c) => c.kind)).toEqual(["violation"]);
    const cpu = instance("cn", {
      stackSetInstanceRegion: "cn-north-1",
      parameterOverrides: { Size: "m5.large" },
    });
    expect(decide([set, cpu]).map((c) => c.kind)).toEqual(["pass"]);
  });

  it("an instance's parameter overrides can make a CPU template GPU capacity in its region", () => {
    const set = stackSet(CPU_YAML);
    // Clear with its defaults at the resource phase; the stack phase reads each instance's overrides.
    expect(evaluate(rule, set).kind).toBe("pass");
    const gpu = instance("cn", {
      stackSetInstanceRegion: "cn-north-1",
      parameterOverrides: { Size: "p5.48xlarge" },
    });
    expect(decide([set, gpu]).map((c) => c.kind)).toEqual(["violation"]);
    const usGpu = instance("us", {
      stackSetInstanceRegion: "us-east-2",
      parameterOverrides: { Size: "p5.48xlarge" },
    });
    expect(decide([set, usGpu]).map((c) => c.kind)).toEqual(["pass"]);
  });

  it("a GPU StackSet with no instance in the stack is unresolved (fails closed); a CPU one passes", () => {
    const none = decide([stackSet()]);
    expect(none.map((c) => c.kind)).toEqual(["violation"]);
    expect(message(stackSet(), none[0]?.outcome as Outcome)).toContain(
      "a StackSetInstance or StackInstances resource of StackSet `gpus` in the stack (none found)",
    );
    expect(decide([stackSet(CPU_YAML)]).map((c) => c.kind)).toEqual(["pass"]);
  });

  it("aws-native StackSet: deployment regions from stackInstancesGroup", () => {
    const set = resourceView(
      "aws-native:cloudformation:StackSet",
      {
        stackSetName: "gpus",
        templateBody: GPU_YAML,
        stackInstancesGroup: [
          {
            deploymentTargets: { accounts: ["111111111111"] },
            regions: ["us-east-1", "cn-north-1"],
          },
        ],
      },
      { name: "native" },
    );
    expect(decide([set]).map((c) => c.kind)).toEqual(["violation"]);
    const usOnly = {
      ...set,
      props: { ...set.props, stackInstancesGroup: [{ regions: ["us-east-1"] }] },
    };
    expect(decide([usOnly]).map((c) => c.kind)).toEqual(["pass"]);
    // Its parameters are a list of { parameterKey, parameterValue }; a group's overrides win.
    const cpu = {
      ...set,
      props: { ...set.props, parameters: [{ parameterKey: "Size", parameterValue: "m5.large" }] },
    };
    expect(decide([cpu]).map((c) => c.kind)).toEqual(["pass"]);
    const overridden = {
      ...cpu,
      props: {
        ...cpu.props,
        stackInstancesGroup: [
          {
            regions: ["cn-north-1"],
            parameterOverrides: [{ parameterKey: "Size", parameterValue: "p5.48xlarge" }],
          },
        ],
      },
    };
    expect(decide([overridden]).map((c) => c.kind)).toEqual(["violation"]);
  });
});
