// The packages beyond @pulumi/aws and @pulumi/azure-native, through the real pack process (one
// start): for each package and resource family, a GPU or AI resource in a restricted jurisdiction
// is denied and the same resource outside it is allowed. The SDKs are not installed: resources
// are built from their type tokens and inputs, as the engine would send them.
import { UNKNOWN } from "../../cli/runner";
import type { EngineResource, PropertyMap } from "../../cli/runner";
import { verdictsByName } from "../../cli/program/evaluate";
import { ResourceFactory } from "../support/engine";
import { AI_POLICY, GPU_POLICY, usePack } from "./harness";

const pack = usePack();
const f = new ResourceFactory();

/** The engine's default provider of a package not installed here (its inputs from stack config). */
function defaultProvider(pkg: string, inputs: PropertyMap): EngineResource {
  return {
    urn: f.urn(`pulumi:providers:${pkg}`, "default_1_0_0", null),
    type: `pulumi:providers:${pkg}`,
    name: "default_1_0_0",
    custom: true,
    inputs,
  };
}

/** The level of each finding of `policy` for `resource` analysed with `provider`. */
async function levels(
  policy: string,
  token: string,
  inputs: PropertyMap,
  provider: EngineResource,
): Promise<string[]> {
  const r = f.resource(token, "r", { provider, inputs });
  const { findings } = await pack.get().analyze(r, { provider });
  return findings.filter((x) => x.policyName === policy).map((x) => x.enforcementLevel);
}

interface Case {
  readonly family: string;
  readonly policy: string;
  readonly token: string;
  readonly inputs: PropertyMap;
  readonly pkg: string;
  /** Provider inputs (or resource inputs merged into `inputs`) that place it in / out of a restricted jurisdiction. */
  readonly denied: { readonly provider?: PropertyMap; readonly inputs?: PropertyMap };
  readonly allowed: { readonly provider?: PropertyMap; readonly inputs?: PropertyMap };
}

const CASES: readonly Case[] = [
  // aws-native
  {
    family: "aws-native EC2 instance",
    policy: GPU_POLICY,
    pkg: "aws-native",
    token: "aws-native:ec2:Instance",
    inputs: { instanceType: "p5.48xlarge", imageId: "ami-0123456789abcdef0" },
    denied: { provider: { region: "cn-north-1" } },
    allowed: { provider: { region: "us-east-1" } },
  },
  {
    family: "aws-native launch template",
    policy: GPU_POLICY,
    pkg: "aws-native",
    token: "aws-native:ec2:LaunchTemplate",
    inputs: { launchTemplateData: { instanceType: "g6e.xlarge" } },
    denied: { provider: { region: "ap-east-1" } },
    allowed: { provider: { region: "eu-west-1" } },
  },
  {
    family: "aws-native EKS node group",
    policy: GPU_POLICY,
    pkg: "aws-native",
    token: "aws-native:eks:Nodegroup",
    inputs: {
      clusterName: "c",
      nodeRole: "arn:aws:iam::123456789012:role/n",
      subnets: ["s"],
      instanceTypes: ["g5.xlarge"],
    },
    denied: { provider: { region: "cn-northwest-1" } },
    allowed: { provider: { region: "us-west-2" } },
  },
  {
    family: "aws-native SageMaker (AI service)",
    policy: AI_POLICY,
    pkg: "aws-native",
    token: "aws-native:sagemaker:Domain",
    inputs: { domainName: "d", authMode: "IAM" },
    denied: { provider: { region: "cn-north-1" } },
    allowed: { provider: { region: "us-east-1" } },
  },
  {
    family: "aws-native Bedrock (AI service)",
    policy: AI_POLICY,
    pkg: "aws-native",
    token: "aws-native:bedrock:Agent",
    inputs: { agentName: "a" },
    denied: { provider: { region: "ap-east-1" } },
    allowed: { provider: { region: "us-east-1" } },
  },
  // classic azure
  {
    family: "azure Linux VM",
    policy: GPU_POLICY,
    pkg: "azure",
    token: "azure:compute/linuxVirtualMachine:LinuxVirtualMachine",
    inputs: { size: "Standard_ND96isr_H100_v5", resourceGroupName: "rg" },
    denied: { inputs: { location: "China North 3" } },
    allowed: { inputs: { location: "westeurope" } },
  },
  {
    family: "azure scale set (environment china)",
    policy: GPU_POLICY,
    pkg: "azure",
    token: "azure:compute/linuxVirtualMachineScaleSet:LinuxVirtualMachineScaleSet",
    inputs: { sku: "Standard_NC24ads_A100_v4", location: "eastus", resourceGroupName: "rg" },
    denied: { provider: { environment: "china" } },
    allowed: { provider: { environment: "public" } },
  },
  {
    family: "azure AKS cluster default node pool",
    policy: GPU_POLICY,
    pkg: "azure",
    token: "azure:containerservice/kubernetesCluster:KubernetesCluster",
    inputs: {
      resourceGroupName: "rg",
      defaultNodePool: { name: "gpu", vmSize: "Standard_NC6s_v3" },
    },
    denied: { inputs: { location: "eastasia" } },
    allowed: { inputs: { location: "eastus" } },
  },
  {
    family: "azure Cognitive account (AI service)",
    policy: AI_POLICY,
    pkg: "azure",
    token: "azure:cognitive/account:Account",
    inputs: { kind: "OpenAI", skuName: "S0", resourceGroupName: "rg" },
    denied: { inputs: { location: "chinaeast2" } },
    allowed: { inputs: { location: "swedencentral" } },
  },
  // gcp
  {
    family: "gcp compute instance (a2)",
    policy: GPU_POLICY,
    pkg: "gcp",
    token: "gcp:compute/instance:Instance",
    inputs: { machineType: "a2-highgpu-1g" },
    denied: { inputs: { zone: "asia-east2-a" } },
    allowed: { inputs: { zone: "us-central1-a" } },
  },
  {
    family: "gcp GKE node pool (guest accelerators)",
    policy: GPU_POLICY,
    pkg: "gcp",
    token: "gcp:container/nodePool:NodePool",
    inputs: {
      cluster: "c",
      nodeConfig: {
        machineType: "n1-standard-4",
        guestAccelerators: [{ type: "nvidia-tesla-t4", count: 1 }],
      },
    },
    denied: { provider: { region: "asia-east2" } },
    allowed: { provider: { region: "europe-west4" } },
  },
  {
    family: "gcp TPU VM",
    policy: GPU_POLICY,
    pkg: "gcp",
    token: "gcp:tpu/v2Vm:V2Vm",
    inputs: { acceleratorType: "v5p-8", runtimeVersion: "tpu-ubuntu2204-base" },
    denied: { provider: { zone: "asia-east2-b" } },
    allowed: { provider: { zone: "us-east5-a" } },
  },
  {
    family: "gcp Vertex AI endpoint (AI service)",
    policy: AI_POLICY,
    pkg: "gcp",
    token: "gcp:vertex/aiEndpoint:AiEndpoint",
    inputs: { displayName: "e", location: "" },
    denied: { inputs: { region: "asia-east2" } },
    allowed: { inputs: { region: "us-central1" } },
  },
  // listed providers' clouds
  {
    family: "alicloud ECS instance",
    policy: GPU_POLICY,
    pkg: "alicloud",
    token: "alicloud:ecs/instance:Instance",
    inputs: { instanceType: "ecs.gn7i-c8g1.2xlarge" },
    denied: { provider: { region: "cn-hangzhou" } },
    allowed: { provider: { region: "eu-central-1" } },
  },
  {
    family: "alicloud ACK node pool",
    policy: GPU_POLICY,
    pkg: "alicloud",
    token: "alicloud:cs/nodePool:NodePool",
    inputs: { instanceTypes: ["ecs.ebmgn7e.32xlarge"] },
    denied: { provider: { region: "cn-hongkong" } },
    allowed: { provider: { region: "us-east-1" } },
  },
  {
    family: "alicloud PAI (AI service)",
    policy: AI_POLICY,
    pkg: "alicloud",
    token: "alicloud:pai/service:Service",
    inputs: {},
    denied: { provider: { region: "cn-shanghai" } },
    allowed: { provider: { region: "ap-southeast-1" } },
  },
  {
    family: "tencentcloud CVM instance",
    policy: GPU_POLICY,
    pkg: "tencentcloud",
    token: "tencentcloud:Instance/instance:Instance",
    inputs: { instanceType: "GN7.2XLARGE32" },
    denied: { inputs: { availabilityZone: "ap-guangzhou-3" } },
    allowed: { inputs: { availabilityZone: "eu-frankfurt-1" } },
  },
  {
    family: "tencentcloud TKE node pool",
    policy: GPU_POLICY,
    pkg: "tencentcloud",
    token: "tencentcloud:Kubernetes/nodePool:NodePool",
    inputs: { autoScalingConfig: { instanceType: "GT4.41XLARGE948" } },
    denied: { provider: { region: "ap-hongkong" } },
    allowed: { provider: { region: "na-siliconvalley" } },
  },
  {
    family: "huaweicloud ECS instance",
    policy: GPU_POLICY,
    pkg: "huaweicloud",
    token: "huaweicloud:Ecs/instance:Instance",
    inputs: { flavorId: "p2s.2xlarge.8" },
    denied: { provider: { region: "ap-southeast-1" } },
    allowed: { provider: { region: "ap-southeast-3" } },
  },
  {
    family: "huaweicloud CCE node pool",
    policy: GPU_POLICY,
    pkg: "huaweicloud",
    token: "huaweicloud:Cce/nodePool:NodePool",
    inputs: { flavorId: "pi2.2xlarge.4" },
    denied: { inputs: { region: "cn-north-4" } },
    allowed: { inputs: { region: "eu-west-101" } },
  },
  // gcp: GKE node pools located by their cluster's ID
  {
    family: "gcp GKE node pool located by its cluster ID",
    policy: GPU_POLICY,
    pkg: "gcp",
    token: "gcp:container/nodePool:NodePool",
    inputs: { nodeConfig: { machineType: "a3-highgpu-8g" } },
    denied: {
      inputs: { cluster: "projects/p/locations/asia-east2/clusters/c" },
      provider: { region: "us-central1" },
    },
    allowed: {
      inputs: { cluster: "projects/p/locations/us-central1/clusters/c" },
      provider: { region: "asia-east2" },
    },
  },
  // yandex
  {
    family: "yandex compute instance on an A100 platform",
    policy: GPU_POLICY,
    pkg: "yandex",
    token: "yandex:index/computeInstance:ComputeInstance",
    inputs: {
      platformId: "gpu-standard-v3",
      resources: { cores: 28, memory: 119, gpus: 1 },
      bootDisk: { initializeParams: { imageId: "fd8" } },
      networkInterfaces: [{ subnetId: "s" }],
    },
    denied: { inputs: { zone: "ru-central1-a" } },
    allowed: { inputs: { zone: "kz1-a" } },
  },
  {
    family: "yandex Managed Kubernetes node group with GPUs",
    policy: GPU_POLICY,
    pkg: "yandex",
    token: "yandex:index/kubernetesNodeGroup:KubernetesNodeGroup",
    inputs: { clusterId: "c", instanceTemplate: { resources: { cores: 8, memory: 48, gpus: 1 } } },
    denied: { provider: { zone: "ru-central1-b" } },
    allowed: { provider: { zone: "kz1-a" } },
  },
];

describe.each(CASES)("$family", (c) => {
  const run = (side: Case["denied"]): Promise<string[]> =>
    levels(
      c.policy,
      c.token,
      { ...c.inputs, ...(side.inputs ?? {}) },
      defaultProvider(c.pkg, side.provider ?? {}),
    );

  test("is denied in a restricted jurisdiction", async () => {
    expect(await run(c.denied)).toEqual(["mandatory"]);
  });

  test("is allowed outside restricted jurisdictions", async () => {
    expect(await run(c.allowed)).toEqual([]);
  });
});

describe("CPU-only resources of the other packages", () => {
  test.each([
    [
      "gcp",
      "gcp:compute/instance:Instance",
      { machineType: "e2-standard-4", zone: "asia-east2-a" },
    ],
    ["alicloud", "alicloud:ecs/instance:Instance", { instanceType: "ecs.g7.large" }],
    [
      "huaweicloud",
      "huaweicloud:Ecs/instance:Instance",
      { flavorId: "s6.large.2", region: "cn-north-4" },
    ],
  ] as const)("%s %s in a restricted region is no GPU finding", async (pkg, token, inputs) => {
    const provider = defaultProvider(pkg, { region: "cn-hangzhou" });
    expect(await levels(GPU_POLICY, token, { ...inputs }, provider)).toEqual([]);
  });
});

describe("a computed GCP zone", () => {
  test("waits for the stack during Analyze, then gives an advisory note, not a verdict", async () => {
    expect(
      await levels(
        GPU_POLICY,
        "gcp:compute/instance:Instance",
        { machineType: "a3-highgpu-8g", zone: UNKNOWN },
        defaultProvider("gcp", {}),
      ),
    ).toEqual([]);
    const provider = defaultProvider("gcp", {});
    const vm = f.resource("gcp:compute/instance:Instance", "vm", {
      provider,
      inputs: { machineType: "a3-highgpu-8g", zone: UNKNOWN },
    });
    const resources = [f.rootStack(), provider, vm];
    const verdicts = verdictsByName(resources, await pack.get().evaluate(resources));
    expect(verdicts["vm"]).toEqual({ [GPU_POLICY]: "advisory" });
  });
});

describe("GCP resources the stack decides, at AnalyzeStack", () => {
  const provider = defaultProvider("gcp", { region: "us-central1" });
  const template = f.resource("gcp:compute/instanceTemplate:InstanceTemplate", "a100-tmpl", {
    provider,
    inputs: { machineType: "a2-highgpu-1g", disks: [{ sourceImage: "debian-12" }] },
  });
  const group = (name: string, region: string): EngineResource =>
    f.resource("gcp:compute/regionInstanceGroupManager:RegionInstanceGroupManager", name, {
      provider,
      inputs: { region, baseInstanceName: "w", versions: [{ instanceTemplate: UNKNOWN }] },
      dependsOn: [template],
      propertyDependencies: { versions: [template] },
    });
  const cluster = (name: string, location: string): EngineResource =>
    f.resource("gcp:container/cluster:Cluster", name, {
      provider,
      inputs: { location, initialNodeCount: 1 },
    });
  const hk = cluster("gke-hk", "asia-east2");
  const eu = cluster("gke-eu", "europe-west4");
  const pool = (name: string, of: EngineResource): EngineResource =>
    f.resource("gcp:container/nodePool:NodePool", name, {
      provider,
      inputs: { cluster: UNKNOWN, location: UNKNOWN, nodeConfig: { machineType: "g2-standard-8" } },
      dependsOn: [of],
      propertyDependencies: { cluster: [of], location: [of] },
    });
  const resources = [
    f.rootStack(),
    provider,
    template,
    group("mig-hk", "asia-east2"),
    group("mig-us", "us-east1"),
    hk,
    eu,
    pool("pool-hk", hk),
    pool("pool-eu", eu),
  ];

  test("denies the managed instance group running the A100 template in Hong Kong, not the one in the US", async () => {
    const verdicts = verdictsByName(resources, await pack.get().evaluate(resources));
    expect(verdicts["mig-hk"]).toEqual({ [GPU_POLICY]: "mandatory" });
    expect(verdicts["mig-us"]).toBe("none");
  });

  test("places node pools where their cluster of the same stack is", async () => {
    const verdicts = verdictsByName(resources, await pack.get().evaluate(resources));
    expect(verdicts["pool-hk"]).toEqual({ [GPU_POLICY]: "mandatory" });
    expect(verdicts["pool-eu"]).toBe("none");
  });
});

describe("EKS components judged from their inputs", () => {
  const eks = defaultProvider("eks", {});
  const cnAws = f.explicitProvider("aws", "cn", { region: "cn-north-1" });
  const usAws = f.explicitProvider("aws", "us", { region: "us-east-1" });
  const component = (name: string, instanceType: string): EngineResource =>
    f.resource("eks:index:ManagedNodeGroup", name, {
      provider: eks,
      custom: false,
      inputs: { cluster: "c", instanceTypes: [instanceType] },
    });
  const child = (name: string, parent: EngineResource, provider: EngineResource): EngineResource =>
    f.resource("aws:eks/nodeGroup:NodeGroup", name, {
      provider,
      parent,
      inputs: { clusterName: "c", instanceTypes: ["m5.large"], nodeRoleArn: "r", subnetIds: ["s"] },
    });
  const gpuCn = component("p4d-cn", "p4d.24xlarge");
  const gpuUs = component("p4d-us", "p4d.24xlarge");
  const resources = [
    f.rootStack(),
    eks,
    cnAws,
    usAws,
    gpuCn,
    child("p4d-cn-ng", gpuCn, cnAws),
    gpuUs,
    child("p4d-us-ng", gpuUs, usAws),
  ];

  test("denies a p4d managed node group whose children land in cn-north-1, allows the one in us-east-1", async () => {
    const verdicts = verdictsByName(resources, await pack.get().evaluate(resources));
    expect(verdicts["p4d-cn"]).toEqual({ [GPU_POLICY]: "mandatory" });
    expect(verdicts["p4d-us"]).toBe("none");
  });
  test("denies an AWSx EC2 task definition reserving a GPU whose child lands in cn-north-1", async () => {
    const awsx = defaultProvider("awsx", {});
    const task = (name: string, provider: EngineResource): EngineResource[] => {
      const parent = f.resource("awsx:ecs:EC2TaskDefinition", name, {
        provider: awsx,
        custom: false,
        inputs: {
          container: { image: "trainer", resourceRequirements: [{ type: "GPU", value: "1" }] },
        },
      });
      const child = f.resource("aws:ecs/taskDefinition:TaskDefinition", `${name}-td`, {
        provider,
        parent,
        inputs: { family: name, containerDefinitions: "[]" },
      });
      return [parent, child];
    };
    const stack = [
      f.rootStack(),
      awsx,
      cnAws,
      usAws,
      ...task("gpu-task-cn", cnAws),
      ...task("gpu-task-us", usAws),
    ];
    const verdicts = verdictsByName(stack, await pack.get().evaluate(stack));
    expect(verdicts["gpu-task-cn"]).toEqual({ [GPU_POLICY]: "mandatory" });
    expect(verdicts["gpu-task-us"]).toBe("none");
  });
});

describe("classic AKS node pool at stack level", () => {
  const provider = defaultProvider("azure", {});
  const cluster = f.resource("azure:containerservice/kubernetesCluster:KubernetesCluster", "aks", {
    provider,
    inputs: {
      location: "China East 2",
      resourceGroupName: "rg",
      defaultNodePool: { name: "sys", vmSize: "Standard_D4s_v5" },
    },
  });
  const pool = f.resource(
    "azure:containerservice/kubernetesClusterNodePool:KubernetesClusterNodePool",
    "a100",
    {
      provider,
      inputs: { kubernetesClusterId: UNKNOWN, vmSize: "Standard_NC24ads_A100_v4" },
      dependsOn: [cluster],
      propertyDependencies: { kubernetesClusterId: [cluster] },
    },
  );
  const elsewhere = f.resource(
    "azure:containerservice/kubernetesCluster:KubernetesCluster",
    "aks-eu",
    {
      provider,
      inputs: {
        location: "westeurope",
        resourceGroupName: "rg",
        defaultNodePool: { name: "sys", vmSize: "Standard_D4s_v5" },
      },
    },
  );
  const allowedPool = f.resource(
    "azure:containerservice/kubernetesClusterNodePool:KubernetesClusterNodePool",
    "a100-eu",
    {
      provider,
      inputs: { kubernetesClusterId: UNKNOWN, vmSize: "Standard_NC24ads_A100_v4" },
      dependsOn: [elsewhere],
      propertyDependencies: { kubernetesClusterId: [elsewhere] },
    },
  );
  const resources = [f.rootStack(), provider, cluster, pool, elsewhere, allowedPool];

  test("denies the GPU pool of a cluster in China and allows the one in Europe", async () => {
    const report = await pack.get().evaluate(resources);
    const verdicts = verdictsByName(resources, report);
    expect(verdicts["a100"]).toEqual({ [GPU_POLICY]: "mandatory" });
    expect(verdicts["a100-eu"]).toBe("none");
    expect(verdicts["aks"]).toBe("none");
  });
});
