// Kubernetes through the real pack process: node pools and workloads that ask for accelerators are
// judged by gpu-in-restricted-jurisdiction on the cluster they run on. The cluster's region comes
// from the kubernetes provider's kubeconfig at Analyze, or at AnalyzeStack from the EKS cluster
// the provider's (computed) kubeconfig comes from. The SDKs are not installed: resources are built
// from their type tokens and inputs, as the engine sends them (a `yaml/v2:ConfigFile`'s children
// each with its own token).
import { UNKNOWN } from "../../cli/runner";
import type { EngineResource, PropertyMap } from "../../cli/runner";
import { verdictsByName } from "../../cli/program/evaluate";
import { ResourceFactory } from "../support/engine";
import { GPU_POLICY, usePack } from "./harness";

const pack = usePack();
const f = new ResourceFactory();

function eksKubeconfig(region: string): string {
  const suffix = region.startsWith("cn-") ? "amazonaws.com.cn" : "amazonaws.com";
  return JSON.stringify({
    apiVersion: "v1",
    clusters: [{ name: "c", cluster: { server: `https://ABC.gr7.${region}.eks.${suffix}` } }],
    contexts: [{ name: "c", context: { cluster: "c", user: "u" } }],
    "current-context": "c",
    users: [{ name: "u", user: {} }],
  });
}

function k8sProvider(name: string, inputs: PropertyMap, dependsOn: EngineResource[] = []) {
  return f.resource("pulumi:providers:kubernetes", name, {
    inputs,
    dependsOn,
    propertyDependencies: dependsOn.length > 0 ? { kubeconfig: dependsOn } : {},
  });
}

const GPU_POOL: PropertyMap = {
  apiVersion: "karpenter.sh/v1",
  kind: "NodePool",
  spec: {
    template: {
      spec: {
        nodeClassRef: { group: "karpenter.k8s.aws", kind: "EC2NodeClass", name: "default" },
        requirements: [
          { key: "karpenter.k8s.aws/instance-family", operator: "In", values: ["p5", "g6e"] },
        ],
      },
    },
  },
};

const CPU_POOL: PropertyMap = {
  ...GPU_POOL,
  spec: {
    template: {
      spec: {
        requirements: [
          { key: "karpenter.k8s.aws/instance-category", operator: "In", values: ["c", "m", "r"] },
        ],
      },
    },
  },
};

function deployment(limits: PropertyMap): PropertyMap {
  return {
    apiVersion: "apps/v1",
    kind: "Deployment",
    spec: {
      template: {
        spec: { containers: [{ name: "train", image: "trainer", resources: { limits } }] },
      },
    },
  };
}

/** A NodePool and a Deployment (children of a yaml/v2 ConfigFile) and a Helm release on `provider`. */
function workloads(provider: EngineResource, suffix: string, gpu = true): EngineResource[] {
  const file = f.resource("kubernetes:yaml/v2:ConfigFile", `manifests-${suffix}`, {
    custom: false,
    provider,
  });
  return [
    file,
    f.resource("kubernetes:karpenter.sh/v1:NodePool", `pool-${suffix}`, {
      provider,
      parent: file,
      inputs: gpu ? GPU_POOL : CPU_POOL,
    }),
    f.resource("kubernetes:apps/v1:Deployment", `train-${suffix}`, {
      provider,
      parent: file,
      inputs: deployment(gpu ? { "nvidia.com/gpu": 1 } : { cpu: "2" }),
    }),
    f.resource("kubernetes:helm.sh/v3:Release", `serve-${suffix}`, {
      provider,
      inputs: {
        chart: "inference",
        values: { server: { resources: { limits: gpu ? { "nvidia.com/gpu": 1 } : { cpu: "1" } } } },
      },
    }),
  ];
}

describe("Kubernetes on a cluster whose kubeconfig names the region", () => {
  test("a GPU NodePool and a GPU Deployment are denied in cn-north-1 and allowed in us-east-1", async () => {
    const beijing = k8sProvider("bj", { kubeconfig: eksKubeconfig("cn-north-1") });
    const virginia = k8sProvider("va", { kubeconfig: eksKubeconfig("us-east-1") });
    const resources = [
      f.rootStack(),
      beijing,
      virginia,
      ...workloads(beijing, "bj"),
      ...workloads(virginia, "va"),
    ];
    const report = await pack.get().evaluate(resources);
    const verdicts = verdictsByName(resources, report);
    expect(verdicts["pool-bj"]).toEqual({ [GPU_POLICY]: "mandatory" });
    expect(verdicts["train-bj"]).toEqual({ [GPU_POLICY]: "mandatory" });
    expect(verdicts["serve-bj"]).toEqual({ [GPU_POLICY]: "mandatory" });
    expect(verdicts["pool-va"]).toBe("none");
    expect(verdicts["train-va"]).toBe("none");
    expect(verdicts["serve-va"]).toBe("none");
  });

  test("a CPU-only NodePool and a Deployment without GPUs pass in cn-north-1", async () => {
    const beijing = k8sProvider("bj", { kubeconfig: eksKubeconfig("cn-north-1") });
    const resources = [f.rootStack(), beijing, ...workloads(beijing, "cpu", false)];
    const verdicts = verdictsByName(resources, await pack.get().evaluate(resources));
    expect(verdicts["pool-cpu"]).toBe("none");
    expect(verdicts["train-cpu"]).toBe("none");
    expect(verdicts["serve-cpu"]).toBe("none");
  });
});

describe("Kubernetes on an EKS cluster of the same stack (AnalyzeStack)", () => {
  function clusterStack(region: string, suffix: string): EngineResource[] {
    const aws = f.explicitProvider("aws", `aws-${suffix}`, { region });
    const cluster = f.resource("aws:eks/cluster:Cluster", `eks-${suffix}`, {
      provider: aws,
      inputs: { roleArn: "arn:aws:iam::123456789012:role/eks", vpcConfig: { subnetIds: ["s"] } },
    });
    const k8s = k8sProvider(`k8s-${suffix}`, { kubeconfig: UNKNOWN }, [cluster]);
    return [aws, cluster, k8s, ...workloads(k8s, suffix)];
  }

  test("the pool and the workload are denied through a cluster in cn-north-1, allowed through one in us-east-1", async () => {
    const resources = [
      f.rootStack(),
      ...clusterStack("cn-north-1", "cn"),
      ...clusterStack("us-east-1", "us"),
    ];
    const report = await pack.get().evaluate(resources);
    const verdicts = verdictsByName(resources, report);
    expect(verdicts["pool-cn"]).toEqual({ [GPU_POLICY]: "mandatory" });
    expect(verdicts["train-cn"]).toEqual({ [GPU_POLICY]: "mandatory" });
    expect(verdicts["pool-us"]).toBe("none");
    expect(verdicts["train-us"]).toBe("none");
    const finding = report.findings.find((x) => x.urn.endsWith("::pool-cn"));
    expect(finding?.phase).toBe("analyzeStack");
    expect(finding?.message).toContain("cluster Cluster `eks-cn`");
    expect(finding?.message).toContain("cn-north-1");
  });
});

describe("Kubernetes on a cluster of unknown placement", () => {
  test("the GPU pool fails closed; the GPU workload gets an advisory note naming the fix", async () => {
    const k8s = k8sProvider("somewhere", {});
    const resources = [f.rootStack(), k8s, ...workloads(k8s, "x")];
    const report = await pack.get().evaluate(resources);
    const verdicts = verdictsByName(resources, report);
    expect(verdicts["pool-x"]).toEqual({ [GPU_POLICY]: "mandatory" });
    expect(verdicts["train-x"]).toEqual({ [GPU_POLICY]: "advisory" });
    const note = report.findings.find((x) => x.urn.endsWith("::train-x"));
    expect(note?.message).toContain("kubernetes:kubeconfig");
  });
});
