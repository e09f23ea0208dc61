// Every AWS resource kind that selects instance types: a compliant (CPU) starting point, the same
// resource with one hardware field set to an accelerator, and with that field computed.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { AWS_COMPUTE_EXTRACTORS } from "../../../../policypack/src/facts/aws";
import type { KindCase } from "../../../support/facts/aws";
import {
  COMPUTED,
  CPU_TYPE,
  GPU_TYPE,
  KIND_CASES,
  extract,
  uses,
  variant,
  withField,
} from "../../../support/facts/aws";

const caseName = (k: KindCase): string => `${k.token} ${k.path}`;

describe.each(KIND_CASES.map((k) => [caseName(k), k] as const))("%s", (_name, k) => {
  it("reports no accelerator for the compliant resource", () => {
    const facts = extract(k.token, k.compliant);
    expect(facts.accelerators).toEqual([]);
    expect(facts.computed).toEqual([]);
  });

  it("reports the accelerator at its exact path when the field selects one", () => {
    const facts = extract(k.token, variant(k, k.gpu));
    expect(uses(facts)).toEqual([{ path: k.path, value: k.value ?? k.gpu }]);
    expect(facts.accelerators[0]?.info.chip).toBeDefined();
  });

  it("reports the field as computed, not as clear, when it is unknown at preview", () => {
    const facts = extract(k.token, variant(k, COMPUTED));
    expect(facts.accelerators).toEqual([]);
    expect(facts.computed).toContain(k.computedPath ?? k.path);
  });
});

describe("AWS compute extractor table", () => {
  const A1_TOKENS = [
    "aws:ec2/instance:Instance",
    "aws:ec2/launchTemplate:LaunchTemplate",
    "aws:ec2/launchConfiguration:LaunchConfiguration",
    "aws:ec2/spotInstanceRequest:SpotInstanceRequest",
    "aws:ec2/spotFleetRequest:SpotFleetRequest",
    "aws:ec2/fleet:Fleet",
    "aws:autoscaling/group:Group",
    "aws:ec2/capacityReservation:CapacityReservation",
    "aws:ec2/capacityBlockReservation:CapacityBlockReservation",
    "aws:ec2/dedicatedHost:DedicatedHost",
    "aws:eks/nodeGroup:NodeGroup",
    "aws:batch/computeEnvironment:ComputeEnvironment",
    "aws:batch/jobDefinition:JobDefinition",
    "aws:ecs/capacityProvider:CapacityProvider",
    "aws:ecs/taskDefinition:TaskDefinition",
    "aws:emr/cluster:Cluster",
    "aws:emr/instanceGroup:InstanceGroup",
    "aws:emr/instanceFleet:InstanceFleet",
    "aws:sagemaker/notebookInstance:NotebookInstance",
    "aws:sagemaker/endpointConfiguration:EndpointConfiguration",
    "aws:sagemaker/domain:Domain",
    "aws:sagemaker/userProfile:UserProfile",
    "aws:sagemaker/space:Space",
    "aws:sagemaker/app:App",
    "aws:sagemaker/trainingJob:TrainingJob",
    "aws:sagemaker/hyperParameterTuningJob:HyperParameterTuningJob",
    "aws:sagemaker/dataQualityJobDefinition:DataQualityJobDefinition",
    "aws:sagemaker/monitoringSchedule:MonitoringSchedule",
    "aws:sagemaker/algorithm:Algorithm",
    "aws:gamelift/fleet:Fleet",
    "aws:gamelift/gameServerGroup:GameServerGroup",
    "aws:appstream/fleet:Fleet",
    "aws:appstream/imageBuilder:ImageBuilder",
    "aws:cloud9/environmentEC2:EnvironmentEC2",
    "aws:imagebuilder/infrastructureConfiguration:InfrastructureConfiguration",
    "aws:codebuild/project:Project",
    "aws:codebuild/fleet:Fleet",
    "aws:opensearch/domain:Domain",
  ];

  it("covers every resource kind of the domain notes that can select accelerators", () => {
    const missing = A1_TOKENS.filter((t) => !AWS_COMPUTE_EXTRACTORS.has(t));
    expect(missing).toEqual([]);
  });

  it("uses only type tokens that exist in @pulumi/aws", () => {
    const root = join(__dirname, "../../../../node_modules/@pulumi/aws");
    const unknown = [...AWS_COMPUTE_EXTRACTORS.keys()].filter((token) => {
      const m = /^aws:([a-z0-9]+)\/([A-Za-z0-9]+):([A-Za-z0-9]+)$/.exec(token);
      if (!m) return true;
      const file = join(root, m[1] as string, `${m[2] === "index" ? "index_" : m[2]}.js`);
      try {
        return !readFileSync(file, "utf8").includes(`__pulumiType = '${token}'`);
      } catch {
        return true;
      }
    });
    expect(unknown).toEqual([]);
  });

  it("has GPU, CPU and computed cases for every kind except capacity blocks (always accelerated)", () => {
    const tested = new Set(KIND_CASES.map((k) => k.token));
    const untested = [...AWS_COMPUTE_EXTRACTORS.keys()].filter((t) => !tested.has(t));
    expect(untested).toEqual(["aws:ec2/capacityBlockReservation:CapacityBlockReservation"]);
  });
});

describe("EC2 instance", () => {
  const token = "aws:ec2/instance:Instance";

  it("is not an accelerator by itself when it names only a launch template", () => {
    const facts = extract(token, { launchTemplate: { id: "lt-123", version: "$Latest" } });
    expect(facts).toEqual({ accelerators: [], computed: [] });
  });

  it("does not mistake t4g (Graviton burstable CPU) for an NVIDIA T4", () => {
    expect(extract(token, { instanceType: "t4g.large" }).accelerators).toEqual([]);
  });

  it("reads the instance type through the policy SDK's proxy wrapper", () => {
    const target = { instanceType: GPU_TYPE };
    const proxied = new Proxy(target, {
      get: (t, key) => (key === "__getSpecialProxyTarget" ? t : Reflect.get(t, key)),
    });
    expect(uses(extract(token, proxied))).toEqual([{ path: "instanceType", value: GPU_TYPE }]);
  });
});

describe("EC2 capacity block reservation", () => {
  const token = "aws:ec2/capacityBlockReservation:CapacityBlockReservation";

  it("is accelerated capacity whatever the offering, because Capacity Blocks are GPU/Trainium only", () => {
    const facts = extract(token, {
      capacityBlockOfferingId: "cb-0123",
      instancePlatform: "Linux/UNIX",
    });
    expect(uses(facts)).toEqual([{ path: "capacityBlockOfferingId", value: "cb-0123" }]);
    expect(facts.accelerators[0]?.info.catalogued).toBe(false);
  });

  it("is still accelerated capacity when the offering id is computed", () => {
    const facts = extract(token, { capacityBlockOfferingId: COMPUTED });
    expect(facts.accelerators.map((u) => u.path)).toEqual(["capacityBlockOfferingId"]);
  });
});

describe("list inputs", () => {
  const fleet = "aws:ec2/spotFleetRequest:SpotFleetRequest";

  it("reports every accelerator of a list with its own index", () => {
    const facts = extract(fleet, {
      launchTemplateConfigs: [
        { overrides: [{ instanceType: CPU_TYPE }, { instanceType: GPU_TYPE }] },
        { overrides: [{ instanceType: "g5.xlarge" }] },
      ],
    });
    expect(facts.accelerators.map((u) => u.path)).toEqual([
      "launchTemplateConfigs[0].overrides[1].instanceType",
      "launchTemplateConfigs[1].overrides[0].instanceType",
    ]);
  });

  it("decodes a list that arrives as a JSON string", () => {
    const facts = extract(fleet, {
      launchTemplateConfigs: JSON.stringify([{ overrides: [{ instanceType: GPU_TYPE }] }]),
    });
    expect(facts.accelerators.map((u) => u.path)).toEqual([
      "launchTemplateConfigs[0].overrides[0].instanceType",
    ]);
  });

  it("reports a whole computed list as computed", () => {
    const facts = extract(fleet, { launchTemplateConfigs: COMPUTED });
    expect(facts.computed).toEqual(["launchTemplateConfigs"]);
  });

  it("reports a computed item of a string list with the item's index", () => {
    const facts = extract("aws:eks/nodeGroup:NodeGroup", { instanceTypes: [CPU_TYPE, COMPUTED] });
    expect(facts.computed).toEqual(["instanceTypes[1]"]);
  });

  it("reads a JSON-string list of instance types", () => {
    const facts = extract(
      "aws:imagebuilder/infrastructureConfiguration:InfrastructureConfiguration",
      {
        instanceTypes: JSON.stringify([CPU_TYPE, GPU_TYPE]),
      },
    );
    expect(facts.accelerators.map((u) => u.path)).toEqual(["instanceTypes[1]"]);
  });

  it("reports a computed parent object under its own path", () => {
    const facts = extract("aws:sagemaker/trainingJob:TrainingJob", { resourceConfig: COMPUTED });
    expect(facts.computed).toEqual(["resourceConfig"]);
  });

  it("tolerates nulls and wrong shapes without reporting anything", () => {
    const facts = extract("aws:emr/cluster:Cluster", {
      masterInstanceGroup: null,
      coreInstanceFleet: { instanceTypeConfigs: [null, 42] },
    });
    expect(facts).toEqual({ accelerators: [], computed: [] });
  });

  it("keeps the first field's path when two fields of the same kind select accelerators", () => {
    const base = { instanceType: CPU_TYPE, instanceFamily: "m5" };
    const facts = extract(
      "aws:ec2/dedicatedHost:DedicatedHost",
      withField(withField(base, "instanceType", GPU_TYPE), "instanceFamily", "p4d"),
    );
    expect(facts.accelerators.map((u) => u.path)).toEqual(["instanceType", "instanceFamily"]);
  });
});

describe("SageMaker endpoint configuration", () => {
  const token = "aws:sagemaker/endpointConfiguration:EndpointConfiguration";

  it("classifies the Elastic Inference acceleratorType field as well as the instance type", () => {
    const facts = extract(token, {
      productionVariants: [{ instanceType: "ml.m5.large", acceleratorType: COMPUTED }],
    });
    expect(facts.computed).toEqual(["productionVariants[0].acceleratorType"]);
  });
});

describe("WorkSpaces", () => {
  const token = "aws:workspaces/workspace:Workspace";
  const ws = (computeTypeName: string) =>
    extract(token, { bundleId: "wsb-1", workspaceProperties: { computeTypeName } });

  it.each([
    ["GRAPHICS_G4DN", "NVIDIA T4"],
    ["GRAPHICSPRO_G4DN", "NVIDIA T4"],
    ["GRAPHICS_G6_XLARGE", "NVIDIA L4"],
    ["graphics_gr6f_4xlarge", "NVIDIA L4"],
  ])("reads %s as the GPU of its instance family (%s)", (value, chip) => {
    const facts = ws(value);
    expect(facts.accelerators.map((u) => u.info.chip.name)).toEqual([
      expect.stringContaining(chip),
    ]);
    expect(facts.accelerators[0]?.info.family).toContain("WorkSpaces");
  });

  it("catches a future graphics compute type by its name", () => {
    const facts = ws("GRAPHICS_G7_XLARGE");
    expect(facts.accelerators[0]?.info.catalogued).toBe(false);
  });

  it.each([["VALUE"], ["POWERPRO"], ["GENERALPURPOSE_8XLARGE"]])("%s carries none", (value) => {
    expect(ws(value)).toEqual({ accelerators: [], computed: [] });
  });

  it("does not read a bundle named only by its ID", () => {
    expect(extract(token, { bundleId: "wsb-1" })).toEqual({ accelerators: [], computed: [] });
  });
});
