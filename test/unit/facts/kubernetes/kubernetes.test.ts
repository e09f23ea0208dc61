// Kubernetes facts and the GPU policy on them: node pools (Karpenter NodePool / NodeClaim, EKS
// Auto Mode, AKS node auto-provisioning), GKE ComputeClass, EC2NodeClass and workloads, each from a
// GPU case in a restricted region changed one field at a time; the cluster's placement from the
// provider's kubeconfig, and at the stack phase from the cluster resource it comes from.
import { describe as factsOf } from "../../../../policypack/src/facts";
import {
  KUBERNETES_COMPUTE_EXTRACTORS,
  regionOfKubeconfig,
} from "../../../../policypack/src/facts/kubernetes";
import { ACCELERATOR_RESOURCES, NODE_LABELS } from "../../../../policypack/src/data/kubernetes";
import { SOURCES } from "../../../../policypack/src/data/sources";
import { gpuInRestrictedJurisdiction } from "../../../../policypack/src/policies/gpu-in-restricted-jurisdiction";
import type { ProviderView, ResourceView } from "../../../../policypack/src/facts/types";
import type { Outcome } from "../../../../policypack/src/findings";
import { wordFinding } from "../../../../policypack/src/report";
import { UNKNOWN_STRING } from "../../../../policypack/src/values";
import { evaluate, evaluateStackPhase } from "../../../support/policies";
import { fakeContext, providerView, resourceView } from "../../../support/views";

const POLICY = gpuInRestrictedJurisdiction;

function kubeconfig(server: string, opts: { name?: string; args?: string[] } = {}): string {
  const name = opts.name ?? "c";
  return JSON.stringify({
    apiVersion: "v1",
    kind: "Config",
    clusters: [{ name, cluster: { server } }],
    contexts: [{ name, context: { cluster: name, user: name } }],
    "current-context": name,
    users: [
      {
        name,
        user: opts.args ? { exec: { command: "aws", args: opts.args } } : {},
      },
    ],
  });
}

const BEIJING = kubeconfig("https://ABCDEF.gr7.cn-north-1.eks.amazonaws.com.cn");
const VIRGINIA = kubeconfig("https://ABCDEF.gr7.us-east-1.eks.amazonaws.com");

function k8sProvider(props: Record<string, unknown>, name = "k8s"): ProviderView {
  return providerView("kubernetes", name, props);
}

function view(
  type: string,
  props: Record<string, unknown>,
  provider: ProviderView | undefined = k8sProvider({ kubeconfig: BEIJING }),
  name = "r",
): ResourceView {
  return resourceView(type, props, { name, ...(provider ? { provider } : {}) });
}

function nodePool(
  requirements: unknown[],
  apiVersion = "karpenter.sh/v1",
): Record<string, unknown> {
  return {
    apiVersion,
    kind: "NodePool",
    spec: {
      template: {
        spec: {
          nodeClassRef: { group: "karpenter.k8s.aws", kind: "EC2NodeClass", name: "d" },
          requirements,
        },
      },
    },
  };
}

const req = (key: string, operator: string, values: string[] = []) => ({ key, operator, values });

function outcome(r: ResourceView, config: Record<string, unknown> = {}): Outcome {
  return evaluate(POLICY, r, config);
}

function message(r: ResourceView, o: Outcome): string {
  if (o.kind !== "violation" && o.kind !== "advisory") throw new Error(`no finding: ${o.kind}`);
  return wordFinding({ type: r.type, name: r.name }, o.finding);
}

// ── Node pools ──────────────────────────────────────────────────────────────────────────────

describe("Karpenter NodePool", () => {
  const token = "kubernetes:karpenter.sh/v1:NodePool";

  test.each([
    ["instance family p5", req("karpenter.k8s.aws/instance-family", "In", ["p5"]), "H100"],
    [
      "instance type p4d.24xlarge",
      req("node.kubernetes.io/instance-type", "In", ["m5.large", "p4d.24xlarge"]),
      "A100",
    ],
    ["instance category g", req("karpenter.k8s.aws/instance-category", "In", ["g"]), "g-category"],
    ["GPU name h100", req("karpenter.k8s.aws/instance-gpu-name", "In", ["h100"]), "H100"],
    [
      "GPU manufacturer nvidia",
      req("karpenter.k8s.aws/instance-gpu-manufacturer", "In", ["nvidia"]),
      "accelerator",
    ],
    ["GPU count Exists", req("karpenter.k8s.aws/instance-gpu-count", "Exists"), "unspecified"],
    ["GPU count Gt 0", req("karpenter.k8s.aws/instance-gpu-count", "Gt", ["0"]), "unspecified"],
    [
      "accelerator name trainium2",
      req("karpenter.k8s.aws/instance-accelerator-name", "In", ["trainium2"]),
      "Trainium2",
    ],
    ["EKS Auto Mode family g6e", req("eks.amazonaws.com/instance-family", "In", ["g6e"]), "L40S"],
    [
      "EKS Auto Mode GPU name a100",
      req("eks.amazonaws.com/instance-gpu-name", "In", ["a100"]),
      "A100",
    ],
    ["AKS sku-family N", req("karpenter.azure.com/sku-family", "In", ["N"]), "unspecified"],
    ["AKS sku-gpu-name A100", req("karpenter.azure.com/sku-gpu-name", "In", ["A100"]), "A100"],
    [
      "AKS sku-name",
      req("karpenter.azure.com/sku-name", "In", ["Standard_ND96isr_H100_v5"]),
      "H100",
    ],
    [
      "GKE accelerator",
      req("cloud.google.com/gke-accelerator", "In", ["nvidia-h100-80gb"]),
      "H100",
    ],
  ])("selecting %s in cn-north-1 is denied", (_what, requirement, chip) => {
    const r = view(token, nodePool([req("kubernetes.io/arch", "In", ["amd64"]), requirement]));
    const o = outcome(r);
    expect(o.kind).toBe("violation");
    const text = message(r, o);
    expect(text).toContain("cn-north-1");
    expect(text).toContain(chip);
    expect(text).toContain("EKS API server");
  });

  test("the same GPU pool on a cluster in us-east-1 passes", () => {
    const r = view(
      token,
      nodePool([req("karpenter.k8s.aws/instance-family", "In", ["p5"])]),
      k8sProvider({ kubeconfig: VIRGINIA }),
    );
    expect(outcome(r).kind).toBe("pass");
  });

  test.each([
    [
      "instance-category In [c, m, r]",
      [req("karpenter.k8s.aws/instance-category", "In", ["c", "m", "r"])],
    ],
    [
      "instance-gpu-count DoesNotExist",
      [req("karpenter.k8s.aws/instance-gpu-count", "DoesNotExist")],
    ],
    ["instance-gpu-count Lt 1", [req("karpenter.k8s.aws/instance-gpu-count", "Lt", ["1"])]],
    [
      "only CPU instance types",
      [req("node.kubernetes.io/instance-type", "In", ["m5.large", "c6i.xlarge"])],
    ],
    ["no instance constraint at all", [req("karpenter.sh/capacity-type", "In", ["spot"])]],
    ["NotIn the GPU categories", [req("karpenter.k8s.aws/instance-category", "NotIn", ["p", "g"])]],
    [
      "a GPU family, but also gpu-count DoesNotExist (no node can be both)",
      [
        req("karpenter.k8s.aws/instance-family", "In", ["p5"]),
        req("karpenter.k8s.aws/instance-gpu-count", "DoesNotExist"),
      ],
    ],
  ])("a CPU-only pool (%s) in cn-north-1 passes", (_what, requirements) => {
    const r = view(token, nodePool(requirements));
    const o = outcome(r);
    expect(["pass", "not-applicable"]).toContain(o.kind);
    expect(factsOf(r, fakeContext())?.compute?.accelerators).toEqual([]);
  });

  test("karpenter.sh/v1beta1 NodePools are read the same way", () => {
    const r = view(
      "kubernetes:karpenter.sh/v1beta1:NodePool",
      nodePool([req("karpenter.k8s.aws/instance-family", "In", ["g5"])], "karpenter.sh/v1beta1"),
    );
    expect(outcome(r).kind).toBe("violation");
  });

  test("a requirement whose values are computed during preview is an advisory note", () => {
    const r = view(
      token,
      nodePool([
        { key: "karpenter.k8s.aws/instance-family", operator: "In", values: UNKNOWN_STRING },
      ]),
    );
    const o = outcome(r);
    expect(o.kind).toBe("advisory");
  });

  test("the generic CustomResource is read as the kind its apiVersion and kind name", () => {
    const props = nodePool([req("karpenter.k8s.aws/instance-family", "In", ["p5"])]);
    const r = view("kubernetes:apiextensions.k8s.io:CustomResource", props);
    expect(outcome(r).kind).toBe("violation");
    const other = view("kubernetes:apiextensions.k8s.io:CustomResource", {
      ...props,
      kind: "Widget",
    });
    expect(outcome(other).kind).not.toBe("violation");
  });
});

describe("Karpenter NodeClaim", () => {
  const token = "kubernetes:karpenter.sh/v1:NodeClaim";
  const claim = (requirements: unknown[]) => ({ spec: { requirements } });

  test("a NodeClaim for a p5 in cn-north-1 is denied, an m5 passes", () => {
    expect(
      outcome(view(token, claim([req("node.kubernetes.io/instance-type", "In", ["p5.48xlarge"])])))
        .kind,
    ).toBe("violation");
    expect(
      outcome(view(token, claim([req("node.kubernetes.io/instance-type", "In", ["m5.large"])])))
        .kind,
    ).not.toBe("violation");
  });
});

describe("EC2NodeClass", () => {
  const token = "kubernetes:karpenter.k8s.aws/v1:EC2NodeClass";

  test("an accelerated AMI in cn-north-1 is denied, the AL2023 alias passes", () => {
    const gpu = view(token, {
      spec: { amiSelectorTerms: [{ name: "amazon-eks-node-al2023-x86_64-nvidia-1.31-*" }] },
    });
    expect(outcome(gpu).kind).toBe("violation");
    const plain = view(token, { spec: { amiSelectorTerms: [{ alias: "al2023@latest" }] } });
    expect(outcome(plain).kind).not.toBe("violation");
  });
});

describe("GKE ComputeClass", () => {
  const token = "kubernetes:cloud.google.com/v1:ComputeClass";
  const hk = k8sProvider({
    kubeconfig: kubeconfig("https://34.1.2.3", { name: "gke_proj_asia-east2_c" }),
  });
  const iowa = k8sProvider({
    kubeconfig: kubeconfig("https://34.1.2.3", { name: "gke_proj_us-central1_c" }),
  });

  test.each([
    ["an H100 GPU", { gpu: { type: "nvidia-h100-80gb", count: 8 } }],
    ["the a3 machine family", { machineFamily: "a3" }],
    ["a TPU", { tpu: { type: "tpu-v5p-slice", count: 4, topology: "2x2x1" } }],
  ])("a priority with %s on a cluster in asia-east2 is denied", (_what, priority) => {
    const props = { spec: { priorities: [{ machineFamily: "n2" }, priority] } };
    const o = outcome(view(token, props, hk));
    expect(o.kind).toBe("violation");
    expect(outcome(view(token, props, iowa)).kind).toBe("pass");
  });

  test("a CPU-only ComputeClass passes", () => {
    expect(
      outcome(view(token, { spec: { priorities: [{ machineFamily: "n2", spot: true }] } }, hk))
        .kind,
    ).not.toBe("violation");
  });
});

// ── Workloads ───────────────────────────────────────────────────────────────────────────────

describe("workloads", () => {
  const container = (resources: Record<string, unknown>) => ({ name: "c", image: "i", resources });
  const podSpec = (spec: Record<string, unknown>) => spec;
  const shapes: readonly (readonly [
    string,
    (spec: Record<string, unknown>) => Record<string, unknown>,
  ])[] = [
    ["kubernetes:core/v1:Pod", (s) => ({ spec: s })],
    ["kubernetes:apps/v1:Deployment", (s) => ({ spec: { template: { spec: s } } })],
    ["kubernetes:apps/v1:StatefulSet", (s) => ({ spec: { template: { spec: s } } })],
    ["kubernetes:apps/v1:DaemonSet", (s) => ({ spec: { template: { spec: s } } })],
    ["kubernetes:apps/v1:ReplicaSet", (s) => ({ spec: { template: { spec: s } } })],
    ["kubernetes:batch/v1:Job", (s) => ({ spec: { template: { spec: s } } })],
    [
      "kubernetes:batch/v1:CronJob",
      (s) => ({ spec: { jobTemplate: { spec: { template: { spec: s } } } } }),
    ],
  ];

  describe.each(shapes)("%s", (token, wrap) => {
    test.each([
      ["nvidia.com/gpu", { containers: [container({ limits: { "nvidia.com/gpu": 1 } })] }],
      ["amd.com/gpu", { containers: [container({ requests: { "amd.com/gpu": "2" } })] }],
      [
        "aws.amazon.com/neuroncore",
        {
          initContainers: [container({ limits: { "aws.amazon.com/neuroncore": 2 } })],
          containers: [],
        },
      ],
      ["google.com/tpu", { containers: [container({ limits: { "google.com/tpu": 4 } })] }],
      [
        "a GPU node selector",
        { nodeSelector: { "cloud.google.com/gke-accelerator": "nvidia-l4" }, containers: [] },
      ],
    ])("requesting %s on a cluster in cn-north-1 is denied", (_what, spec) => {
      const r = view(token, wrap(podSpec(spec)));
      expect(outcome(r).kind).toBe("violation");
    });

    test("the same request on a cluster in us-east-1 passes", () => {
      const r = view(
        token,
        wrap({ containers: [container({ limits: { "nvidia.com/gpu": 1 } })] }),
        k8sProvider({ kubeconfig: VIRGINIA }),
      );
      expect(outcome(r).kind).toBe("pass");
    });

    test("a workload without accelerator requests passes", () => {
      const r = view(
        token,
        wrap({
          containers: [container({ limits: { cpu: "2", memory: "4Gi", "nvidia.com/gpu": 0 } })],
        }),
      );
      expect(["pass", "not-applicable"]).toContain(outcome(r).kind);
    });
  });

  test("required node affinity on a GPU family selects accelerators; preferred does not", () => {
    const affinity = (kind: string) => ({
      affinity: {
        nodeAffinity:
          kind === "required"
            ? {
                requiredDuringSchedulingIgnoredDuringExecution: {
                  nodeSelectorTerms: [
                    { matchExpressions: [req("karpenter.k8s.aws/instance-family", "In", ["p4d"])] },
                  ],
                },
              }
            : {
                preferredDuringSchedulingIgnoredDuringExecution: [
                  {
                    weight: 1,
                    preference: {
                      matchExpressions: [req("karpenter.k8s.aws/instance-family", "In", ["p4d"])],
                    },
                  },
                ],
              },
      },
      containers: [],
    });
    expect(outcome(view("kubernetes:core/v1:Pod", { spec: affinity("required") })).kind).toBe(
      "violation",
    );
    expect(outcome(view("kubernetes:core/v1:Pod", { spec: affinity("preferred") })).kind).not.toBe(
      "violation",
    );
  });
});

describe("Helm release", () => {
  const token = "kubernetes:helm.sh/v3:Release";
  const release = (values: unknown) => ({
    chart: "vllm",
    repositoryOpts: { repo: "https://example.com" },
    values,
  });

  test.each([
    [
      "a GPU limit deep in the values",
      { server: { resources: { limits: { "nvidia.com/gpu": 2 } } } },
    ],
    ["a GPU node selector", { nodeSelector: { "karpenter.k8s.aws/instance-gpu-name": "h100" } }],
    [
      "a node pool's requirements",
      { nodepools: [{ requirements: [req("karpenter.k8s.aws/instance-category", "In", ["p"])] }] },
    ],
  ])("%s on a cluster in cn-north-1 is denied", (_what, values) => {
    expect(outcome(view(token, release(values))).kind).toBe("violation");
  });

  test("a release whose values ask for no accelerator passes, as does one with computed values", () => {
    expect(
      outcome(view(token, release({ resources: { limits: { cpu: "1", "nvidia.com/gpu": 0 } } })))
        .kind,
    ).not.toBe("violation");
    expect(outcome(view(token, release(UNKNOWN_STRING))).kind).not.toBe("violation");
  });
});

describe("every workload kind reads its pod spec where its API puts it", () => {
  const wrap = (token: string, spec: Record<string, unknown>): Record<string, unknown> => {
    const kind =
      token
        .split(":")
        .pop()
        ?.replace(/Patch$/, "") ?? "";
    if (kind === "Pod") return { spec };
    if (kind === "CronJob") return { spec: { jobTemplate: { spec: { template: { spec } } } } };
    return { spec: { template: { spec } } };
  };
  const tokens = [...KUBERNETES_COMPUTE_EXTRACTORS.keys()].filter((t) =>
    /:(core|apps|batch|extensions)\/v\w+:/.test(t),
  );

  test("the workload kinds are the ones documented", () => {
    expect(tokens.length).toBe(26);
  });

  test.each(tokens)("%s with a GPU limit in cn-north-1 is denied, without one it passes", (t) => {
    const gpu = { containers: [{ name: "c", resources: { limits: { "nvidia.com/gpu": 1 } } }] };
    expect(outcome(view(t, wrap(t, gpu))).kind).toBe("violation");
    const cpu = { containers: [{ name: "c", resources: { limits: { cpu: "1" } } }] };
    expect(["pass", "not-applicable"]).toContain(outcome(view(t, wrap(t, cpu))).kind);
  });
});

// ── Placement ───────────────────────────────────────────────────────────────────────────────

describe("the cluster's placement from the kubeconfig", () => {
  test.each([
    [
      "an EKS server in China",
      "https://X.yl4.cn-northwest-1.eks.amazonaws.com.cn",
      {},
      "aws",
      "cn-northwest-1",
    ],
    [
      "an AKS server",
      "https://gpu-abc.hcp.chinaeast2.cx.prod.service.azk8s.cn:443",
      {},
      "azure",
      "chinaeast2",
    ],
    ["an AKS public server", "https://gpu-abc.hcp.eastasia.azmk8s.io:443", {}, "azure", "eastasia"],
    ["a GKE DNS endpoint", "https://gke-abc.asia-east2.gke.goog", {}, "gcp", "asia-east2"],
    [
      "a GKE context name",
      "https://34.1.2.3",
      { name: "gke_p_asia-east2-a_c" },
      "gcp",
      "asia-east2-a",
    ],
    [
      "a Pulumi example's GKE context name (no gke_ prefix)",
      "https://34.1.2.3",
      { name: "my-project_asia-east2-a_gpu" },
      "gcp",
      "asia-east2-a",
    ],
    [
      "an EKS ARN",
      "https://10.0.0.1",
      { name: "arn:aws-cn:eks:cn-north-1:123456789012:cluster/c" },
      "aws",
      "cn-north-1",
    ],
    [
      "aws eks get-token --region",
      "https://10.0.0.1",
      { args: ["--region", "ap-east-1", "eks", "get-token", "--cluster-name", "c"] },
      "aws",
      "ap-east-1",
    ],
  ])("%s", (_what, server, opts, cloud, region) => {
    const doc: unknown = JSON.parse(kubeconfig(server, opts));
    expect(regionOfKubeconfig(doc)).toMatchObject({ cloud, region });
  });

  test.each([
    ["a self-managed cluster's server", "https://10.0.0.1:6443", {}],
    ["an AWS-style name that is not an ARN", "https://10.0.0.1", { name: "team_us-east-1_gpu" }],
  ])("%s names no region", (_what, server, opts) => {
    expect(regionOfKubeconfig(JSON.parse(kubeconfig(server, opts)))).toBeUndefined();
  });

  test("a YAML kubeconfig is read, and the provider's `context` picks among several", () => {
    const yaml = [
      "apiVersion: v1",
      "kind: Config",
      "current-context: us",
      "clusters:",
      "- name: us",
      "  cluster: {server: 'https://A.gr7.us-east-1.eks.amazonaws.com'}",
      "- name: hk",
      "  cluster: {server: 'https://B.gr7.ap-east-1.eks.amazonaws.com'}",
      "contexts:",
      "- name: us",
      "  context: {cluster: us, user: u}",
      "- name: hk",
      "  context: {cluster: hk, user: u}",
      "users:",
      "- name: u",
      "  user: {}",
    ].join("\n");
    const pool = nodePool([req("karpenter.k8s.aws/instance-family", "In", ["p5"])]);
    const t = "kubernetes:karpenter.sh/v1:NodePool";
    expect(outcome(view(t, pool, k8sProvider({ kubeconfig: yaml }))).kind).toBe("pass");
    expect(outcome(view(t, pool, k8sProvider({ kubeconfig: yaml, context: "hk" }))).kind).toBe(
      "violation",
    );
  });

  test("the default provider reads stack config kubernetes:kubeconfig", () => {
    const pool = view(
      "kubernetes:karpenter.sh/v1:NodePool",
      nodePool([req("karpenter.k8s.aws/instance-family", "In", ["p5"])]),
      providerView("kubernetes", "default_4_18_0", {}),
    );
    const ctx = fakeContext({ "kubernetes:kubeconfig": BEIJING });
    expect(evaluate(POLICY, pool, {}, ctx).kind).toBe("violation");
  });
});

describe("the stack phase: the cluster the provider's kubeconfig comes from", () => {
  const awsProvider = (region: string) => providerView("aws", "default_7_48_0", { region });
  const gpuPool = nodePool([req("karpenter.k8s.aws/instance-family", "In", ["p5"])]);
  const gpuDeployment = {
    spec: {
      template: {
        spec: { containers: [{ name: "c", resources: { limits: { "nvidia.com/gpu": 1 } } }] },
      },
    },
  };

  /** The kubeconfig is computed during preview unless `kubeconfigProps` says otherwise. */
  function stack(
    region: string | undefined,
    kubeconfigProps: Record<string, unknown> = { kubeconfig: UNKNOWN_STRING },
  ) {
    const cluster = resourceView(
      "aws:eks/cluster:Cluster",
      { name: "gpu" },
      {
        name: "gpu",
        provider: awsProvider(region ?? ""),
      },
    );
    const providerResource = resourceView("pulumi:providers:kubernetes", kubeconfigProps, {
      name: "k8s",
      propertyDependencies: { kubeconfig: region ? [cluster.urn] : [] },
    });
    const provider = k8sProvider(kubeconfigProps);
    const pool = view("kubernetes:karpenter.sh/v1:NodePool", gpuPool, provider, "pool");
    const workload = view("kubernetes:apps/v1:Deployment", gpuDeployment, provider, "train");
    return { views: [cluster, providerResource, pool, workload], pool, workload };
  }

  test("Analyze defers, AnalyzeStack denies both through the EKS cluster in cn-north-1", () => {
    const s = stack("cn-north-1");
    expect(outcome(s.pool).kind).toBe("deferred");
    const results = evaluateStackPhase(POLICY, s.views);
    expect(results.map((r) => [r.view.name, r.outcome.kind])).toEqual([
      ["pool", "violation"],
      ["train", "violation"],
    ]);
    const first = results[0];
    if (!first) throw new Error("no result");
    expect(message(first.view, first.outcome)).toContain("cluster Cluster `gpu`");
  });

  test("a cluster in us-east-1 passes both", () => {
    const results = evaluateStackPhase(POLICY, stack("us-east-1").views);
    expect(results.map((r) => r.outcome.kind)).toEqual(["pass", "pass"]);
  });

  test("no cluster in the stack and a computed kubeconfig: advisory notes (checked again at up)", () => {
    const results = evaluateStackPhase(POLICY, stack(undefined).views);
    expect(results.map((r) => r.outcome.kind)).toEqual(["advisory", "advisory"]);
  });

  test("no kubeconfig at all: the node pool fails closed, the workload gets an advisory note saying how to fix it", () => {
    const results = evaluateStackPhase(POLICY, stack(undefined, {}).views);
    expect(results.map((r) => r.outcome.kind)).toEqual(["violation", "advisory"]);
    const note = results[1];
    if (!note) throw new Error("no result");
    const text = message(note.view, note.outcome);
    expect(text).toContain("Where: unknown");
    expect(text).toContain("stack config `kubernetes:kubeconfig`");
    expect(text).toContain("workload");
  });
});

// ── Tables ──────────────────────────────────────────────────────────────────────────────────

describe("the Kubernetes tables", () => {
  test("every label and resource row cites a known source and a review date", () => {
    for (const row of [...NODE_LABELS, ...ACCELERATOR_RESOURCES]) {
      expect(SOURCES[row.source]).toBeDefined();
      expect(row.reviewed).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });

  test("every kind has an extractor that reads an empty resource without throwing", () => {
    for (const [, extract] of KUBERNETES_COMPUTE_EXTRACTORS) {
      expect(extract({}).accelerators).toEqual([]);
    }
  });
});
