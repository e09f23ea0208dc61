// Accelerators chosen without an instance type: GPU resource requirements in ECS and Batch JSON
// strings, Kubernetes GPU limits of Batch-on-EKS jobs, accelerated EKS AMI types, CodeBuild GPU
// environments.
import type { Props } from "../../../../policypack/src/values";
import { COMPUTED, CPU_TYPE, GPU_TYPE, extract, uses, withField } from "../../../support/facts/aws";

const ECS = "aws:ecs/taskDefinition:TaskDefinition";
const BATCH = "aws:batch/jobDefinition:JobDefinition";
const EKS = "aws:eks/nodeGroup:NodeGroup";

describe("ECS task definition containerDefinitions (JSON string)", () => {
  const task = (containers: unknown[]): Props => ({
    family: "svc",
    containerDefinitions: JSON.stringify(containers),
  });

  it("reports nothing for containers without resource requirements", () => {
    expect(extract(ECS, task([{ name: "a", image: "nginx" }]))).toEqual({
      accelerators: [],
      computed: [],
    });
  });

  it("reports a GPU requirement whatever the case of its type", () => {
    const facts = extract(
      ECS,
      task([{ name: "a", resourceRequirements: [{ type: "gpu", value: "1" }] }]),
    );
    expect(uses(facts)).toEqual([
      { path: "containerDefinitions[0].resourceRequirements[0]", value: "gpu 1" },
    ]);
  });

  it("ignores an InferenceAccelerator requirement (Elastic Inference, retired)", () => {
    const facts = extract(
      ECS,
      task([
        { name: "a", resourceRequirements: [{ type: "InferenceAccelerator", value: "dev1" }] },
      ]),
    );
    expect(facts.accelerators).toEqual([]);
  });

  it("accepts containerDefinitions already decoded into a list", () => {
    const facts = extract(ECS, {
      containerDefinitions: [{ name: "a", resourceRequirements: [{ type: "GPU", value: 4 }] }],
    });
    expect(uses(facts)).toEqual([
      { path: "containerDefinitions[0].resourceRequirements[0]", value: "GPU 4" },
    ]);
  });

  it("reports a computed containerDefinitions string as computed", () => {
    expect(extract(ECS, { family: "svc", containerDefinitions: COMPUTED })).toEqual({
      accelerators: [],
      computed: ["containerDefinitions"],
    });
  });

  it("reads a malformed JSON string as no containers rather than throwing", () => {
    expect(extract(ECS, { containerDefinitions: "[{not json" }).accelerators).toEqual([]);
  });
});

describe("Batch job definition", () => {
  it("reports GPUs of ECS-properties task containers at their exact path", () => {
    const props = {
      type: "container",
      ecsProperties: JSON.stringify({
        taskProperties: [
          {
            containers: [
              { name: "a", image: "x" },
              { name: "b", image: "y", resourceRequirements: [{ type: "GPU", value: "8" }] },
            ],
          },
        ],
      }),
    };
    expect(uses(extract(BATCH, props))).toEqual([
      {
        path: "ecsProperties.taskProperties[0].containers[1].resourceRequirements[0]",
        value: "GPU 8",
      },
    ]);
  });

  it("reports GPUs of a multi-node range's container", () => {
    const props = {
      type: "multinode",
      nodeProperties: JSON.stringify({
        nodeRangeProperties: [
          { targetNodes: "0", container: { image: "x" } },
          { targetNodes: "1:", container: { resourceRequirements: [{ type: "GPU", value: "1" }] } },
        ],
      }),
    };
    expect(uses(extract(BATCH, props))).toEqual([
      {
        path: "nodeProperties.nodeRangeProperties[1].container.resourceRequirements[0]",
        value: "GPU 1",
      },
    ]);
  });

  it("reports instance types of a multi-node range", () => {
    const props = {
      nodeProperties: JSON.stringify({
        nodeRangeProperties: [{ instanceTypes: [CPU_TYPE, GPU_TYPE] }],
      }),
    };
    expect(uses(extract(BATCH, props))).toEqual([
      { path: "nodeProperties.nodeRangeProperties[0].instanceTypes[1]", value: GPU_TYPE },
    ]);
  });

  describe("on EKS", () => {
    const pod = (resources: unknown): Props => ({
      type: "container",
      eksProperties: { podProperties: { containers: [{ image: "x", resources }] } },
    });

    it("reports an nvidia.com/gpu limit", () => {
      expect(uses(extract(BATCH, pod({ limits: { cpu: "1", "nvidia.com/gpu": "1" } })))).toEqual([
        {
          path: 'eksProperties.podProperties.containers[0].resources.limits["nvidia.com/gpu"]',
          value: "nvidia.com/gpu: 1",
        },
      ]);
    });

    it("reports an nvidia.com/gpu request", () => {
      const facts = extract(BATCH, pod({ requests: { "nvidia.com/gpu": "2" } }));
      expect(facts.accelerators.map((u) => u.path)).toEqual([
        'eksProperties.podProperties.containers[0].resources.requests["nvidia.com/gpu"]',
      ]);
    });

    it("reports nothing for CPU and memory only", () => {
      expect(extract(BATCH, pod({ limits: { cpu: "1", memory: "1024Mi" } }))).toEqual({
        accelerators: [],
        computed: [],
      });
    });

    it("reports a zero GPU limit as no accelerator", () => {
      expect(extract(BATCH, pod({ limits: { "nvidia.com/gpu": "0" } })).accelerators).toEqual([]);
    });

    it("reports a computed GPU count as computed", () => {
      expect(extract(BATCH, pod({ limits: { "nvidia.com/gpu": COMPUTED } })).computed).toEqual([
        'eksProperties.podProperties.containers[0].resources.limits["nvidia.com/gpu"]',
      ]);
    });
  });
});

describe("EKS node group", () => {
  const compliant: Props = {
    clusterName: "c",
    amiType: "AL2023_x86_64_STANDARD",
    instanceTypes: [CPU_TYPE],
  };
  const noTypes = withField(compliant, "instanceTypes", undefined);

  it.each([
    "AL2_x86_64_GPU",
    "AL2023_x86_64_NVIDIA",
    "AL2023_ARM_64_NVIDIA",
    "AL2023_x86_64_NEURON",
    "BOTTLEROCKET_x86_64_NVIDIA",
    "BOTTLEROCKET_ARM_64_NVIDIA",
  ])("reports an unspecified accelerator for amiType %s when no instance type is given", (ami) => {
    const facts = extract(EKS, withField(noTypes, "amiType", ami));
    expect(uses(facts)).toEqual([{ path: "amiType", value: ami }]);
    expect(facts.accelerators[0]?.info.catalogued).toBe(false);
  });

  it("recognises a future accelerated AMI type by its naming scheme", () => {
    const facts = extract(EKS, withField(noTypes, "amiType", "BOTTLEROCKET_x86_64_NVIDIA_FIPS"));
    expect(facts.accelerators.map((u) => u.path)).toEqual(["amiType"]);
  });

  it.each(["AL2023_x86_64_STANDARD", "BOTTLEROCKET_x86_64", "CUSTOM", "WINDOWS_CORE_2022_x86_64"])(
    "reports nothing for the standard amiType %s",
    (ami) => {
      expect(extract(EKS, withField(noTypes, "amiType", ami)).accelerators).toEqual([]);
    },
  );

  it("lets the instance types decide when they are given, whatever the AMI type", () => {
    const facts = extract(EKS, withField(compliant, "amiType", "AL2023_x86_64_NVIDIA"));
    expect(facts.accelerators).toEqual([]);
  });

  it("reports a computed amiType as computed when no instance type is given", () => {
    expect(extract(EKS, withField(noTypes, "amiType", COMPUTED))).toEqual({
      accelerators: [],
      computed: ["amiType"],
    });
  });

  it("reads instanceTypes sent as a JSON string", () => {
    const facts = extract(EKS, withField(compliant, "instanceTypes", JSON.stringify([GPU_TYPE])));
    expect(uses(facts)).toEqual([{ path: "instanceTypes[0]", value: GPU_TYPE }]);
  });
});

describe("CodeBuild", () => {
  it("reports a GPU environment of a project as an unspecified NVIDIA accelerator", () => {
    const facts = extract("aws:codebuild/project:Project", {
      environment: { type: "LINUX_GPU_CONTAINER", computeType: "BUILD_GENERAL1_LARGE" },
    });
    expect(uses(facts)).toEqual([{ path: "environment.type", value: "LINUX_GPU_CONTAINER" }]);
    expect(facts.accelerators[0]?.info.chip.vendor).toBe("NVIDIA");
  });

  it("reports both the GPU environment and a GPU instance type of a fleet", () => {
    const facts = extract("aws:codebuild/fleet:Fleet", {
      environmentType: "LINUX_GPU_CONTAINER",
      computeType: "CUSTOM_INSTANCE_TYPE",
      computeConfiguration: { instanceType: "g5.xlarge" },
    });
    expect(facts.accelerators.map((u) => u.path)).toEqual([
      "environmentType",
      "computeConfiguration.instanceType",
    ]);
  });

  it.each(["LINUX_CONTAINER", "ARM_CONTAINER", "LINUX_EC2", "WINDOWS_SERVER_2022_CONTAINER"])(
    "reports nothing for environment type %s",
    (type) => {
      expect(
        extract("aws:codebuild/project:Project", { environment: { type } }).accelerators,
      ).toEqual([]);
    },
  );
});
