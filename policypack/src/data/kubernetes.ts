// Kubernetes: the node labels through which node pools (Karpenter, EKS Auto Mode, AKS node
// auto-provisioning, GKE) and workloads select accelerator hardware, the extended resources
// through which containers request accelerators, and the API-server host names and kubeconfig
// names that tell where a managed cluster runs. Rows only; catalogue/node-labels.ts reads them.
import type { AcceleratorKind, Cloud, Sourced } from "./types";

/**
 * What a node label says about a node. The values of the instance-type, family, GPU-name and
 * accelerator labels are classified against the cloud's accelerator tables
 * (catalogue/accelerators.ts, other-accelerators.ts); count and memory labels only say that an
 * accelerator is there.
 */
export type NodeLabelMeaning =
  /** A cloud instance type, VM size or machine type: "p4d.24xlarge", "Standard_NC24ads_A100_v4". */
  | "instance-type"
  /** An EC2 instance family ("p5", "g6e"). */
  | "aws-instance-family"
  /** An EC2 instance category: the family's leading letters ("p", "g", "inf", "trn"). */
  | "aws-instance-category"
  /** An accelerator name as EC2 spells it, lower case ("a100", "h100", "inferentia2"). */
  | "aws-accelerator-name"
  /** An accelerator manufacturer as EC2 spells it ("nvidia", "amd", "aws"). */
  | "aws-accelerator-manufacturer"
  /** An Azure VM size ("Standard_ND96asr_v4"). */
  | "azure-vm-size"
  /** An Azure VM family letter ("N" for the GPU families; "D", "E", "F" for CPU ones). */
  | "azure-vm-family"
  /** A GPU name as AKS node auto-provisioning labels it ("A100", "H100", "T4"). */
  | "azure-gpu-name"
  /** A GPU manufacturer as AKS labels it ("nvidia", "amd"). */
  | "azure-gpu-manufacturer"
  /** A Google Cloud accelerator type ("nvidia-h100-80gb", "nvidia-l4"). */
  | "gcp-accelerator-type"
  /** A GKE TPU type ("tpu-v5p-slice", "tpu-v6e-slice"). */
  | "gcp-tpu-type"
  /** A Compute Engine machine family ("a3", "g2", "n2"). */
  | "gcp-machine-family"
  /** How many accelerators a node has (present only on accelerator nodes, or "0"). */
  | "accelerator-count"
  /** Accelerator memory of a node (present only on accelerator nodes). */
  | "accelerator-memory";

export interface NodeLabel extends Sourced {
  readonly label: string;
  readonly meaning: NodeLabelMeaning;
  /** Who sets it, for messages and docs: "Karpenter (AWS)", "EKS Auto Mode". */
  readonly setBy: string;
}

function labels(
  setBy: string,
  source: string,
  reviewed: string,
  rows: readonly (readonly [string, NodeLabelMeaning])[],
): NodeLabel[] {
  return rows.map(([label, meaning]) => ({
    label,
    meaning,
    setBy,
    source,
    reviewed,
    confidence: "verified",
  }));
}

/** The node labels read, by the provisioner that sets them. */
export const NODE_LABELS: readonly NodeLabel[] = [
  ...labels("Kubernetes", "k8s-well-known-labels", "2026-12-07", [
    ["node.kubernetes.io/instance-type", "instance-type"],
    ["beta.kubernetes.io/instance-type", "instance-type"],
  ]),
  ...labels("Karpenter (AWS)", "karpenter-aws-labels", "2026-12-07", [
    ["karpenter.k8s.aws/instance-family", "aws-instance-family"],
    ["karpenter.k8s.aws/instance-category", "aws-instance-category"],
    ["karpenter.k8s.aws/instance-gpu-name", "aws-accelerator-name"],
    ["karpenter.k8s.aws/instance-gpu-manufacturer", "aws-accelerator-manufacturer"],
    ["karpenter.k8s.aws/instance-gpu-count", "accelerator-count"],
    ["karpenter.k8s.aws/instance-gpu-memory", "accelerator-memory"],
    ["karpenter.k8s.aws/instance-accelerator-name", "aws-accelerator-name"],
    ["karpenter.k8s.aws/instance-accelerator-manufacturer", "aws-accelerator-manufacturer"],
    ["karpenter.k8s.aws/instance-accelerator-count", "accelerator-count"],
  ]),
  ...labels("EKS Auto Mode", "eks-auto-mode-labels", "2026-12-07", [
    ["eks.amazonaws.com/instance-family", "aws-instance-family"],
    ["eks.amazonaws.com/instance-category", "aws-instance-category"],
    ["eks.amazonaws.com/instance-gpu-name", "aws-accelerator-name"],
    ["eks.amazonaws.com/instance-gpu-manufacturer", "aws-accelerator-manufacturer"],
    ["eks.amazonaws.com/instance-gpu-count", "accelerator-count"],
    ["eks.amazonaws.com/instance-gpu-memory", "accelerator-memory"],
  ]),
  ...labels("AKS node auto-provisioning", "aks-nap-labels", "2026-12-07", [
    ["karpenter.azure.com/sku-name", "azure-vm-size"],
    ["karpenter.azure.com/sku-family", "azure-vm-family"],
    ["karpenter.azure.com/sku-gpu-name", "azure-gpu-name"],
    ["karpenter.azure.com/sku-gpu-manufacturer", "azure-gpu-manufacturer"],
    ["karpenter.azure.com/sku-gpu-count", "accelerator-count"],
  ]),
  ...labels("GKE", "gke-node-labels", "2026-12-07", [
    ["cloud.google.com/gke-accelerator", "gcp-accelerator-type"],
    ["cloud.google.com/gke-accelerator-count", "accelerator-count"],
    ["cloud.google.com/gke-tpu-accelerator", "gcp-tpu-type"],
    ["cloud.google.com/machine-family", "gcp-machine-family"],
  ]),
];

/** Azure VM family letters (the `sku-family` label) of the GPU and FPGA families. */
export const AZURE_ACCELERATED_VM_FAMILIES: Sourced & { readonly families: readonly string[] } = {
  families: ["N"],
  source: "aks-nap-labels",
  reviewed: "2026-12-07",
  confidence: "third-party",
  note: "karpenter-provider-azure labels Standard_NC24ads_A100_v4 with sku-family N; every GPU and FPGA size is of the N family.",
};

/** A Kubernetes extended resource through which a container requests accelerators. */
export interface AcceleratorResource extends Sourced {
  /** The resource name, or its prefix when `prefix` is set ("nvidia.com/mig-"). */
  readonly name: string;
  readonly prefix?: boolean;
  readonly vendor: string;
  readonly kind: AcceleratorKind;
  /** What it requests, for messages: "NVIDIA GPU", "AWS Neuron device". */
  readonly what: string;
}

/** Extended resources of the accelerator device plugins. */
export const ACCELERATOR_RESOURCES: readonly AcceleratorResource[] = [
  {
    name: "nvidia.com/gpu",
    vendor: "NVIDIA",
    kind: "gpu",
    what: "NVIDIA GPU",
    source: "nvidia-device-plugin",
    reviewed: "2026-12-07",
    confidence: "verified",
  },
  {
    name: "nvidia.com/mig-",
    prefix: true,
    vendor: "NVIDIA",
    kind: "gpu",
    what: "NVIDIA MIG GPU instance (a slice of an A100/H100-class GPU)",
    source: "nvidia-device-plugin",
    reviewed: "2026-12-07",
    confidence: "verified",
    note: "The device plugin's mixed MIG strategy names each profile: nvidia.com/mig-1g.5gb …",
  },
  {
    name: "amd.com/gpu",
    vendor: "AMD",
    kind: "gpu",
    what: "AMD GPU",
    source: "amd-device-plugin",
    reviewed: "2026-12-07",
    confidence: "verified",
  },
  ...["neuron", "neuroncore", "neurondevice"].map((n): AcceleratorResource => ({
    name: `aws.amazon.com/${n}`,
    vendor: "AWS",
    kind: "ai-asic",
    what: `AWS Neuron ${n === "neuron" ? "device" : n.replace("neuron", "")} (Inferentia/Trainium)`,
    source: "aws-neuron-device-plugin",
    reviewed: "2026-12-07",
    confidence: "verified",
  })),
  {
    name: "google.com/tpu",
    vendor: "Google",
    kind: "ai-asic",
    what: "Google Cloud TPU",
    source: "gke-tpu-resource",
    reviewed: "2026-12-07",
    confidence: "verified",
  },
  {
    name: "habana.ai/gaudi",
    vendor: "Intel (Habana)",
    kind: "ai-asic",
    what: "Intel Gaudi accelerator",
    source: "habana-device-plugin",
    reviewed: "2026-12-07",
    confidence: "third-party",
  },
];

/** Where a managed cluster's API server or kubeconfig names its region. */
export interface ClusterLocationRule extends Sourced {
  readonly cloud: Cloud;
  /** Which part of the kubeconfig: the server's host name, a cluster or context name, exec args. */
  readonly where: "server" | "name";
  /** The first capture group is the region, zone or location. */
  readonly pattern: RegExp;
  /** "EKS API server", "GKE context name", for messages. */
  readonly what: string;
}

export const CLUSTER_LOCATION_RULES: readonly ClusterLocationRule[] = [
  {
    cloud: "aws",
    where: "server",
    pattern: /\.([a-z]{2}(?:-[a-z]+)+-\d+)\.eks\.amazonaws\.com(?:\.cn)?$/,
    what: "EKS API server",
    source: "eks-api-endpoint",
    reviewed: "2026-12-07",
    confidence: "third-party",
    note: "Host names seen: <id>.gr7.<region>.eks.amazonaws.com, <id>.yl4.cn-north-1.eks.amazonaws.com.cn.",
  },
  {
    cloud: "aws",
    where: "name",
    pattern: /^arn:aws[a-z-]*:eks:([a-z]{2}(?:-[a-z]+)+-\d+):\d{12}:cluster\//,
    what: "EKS cluster ARN",
    source: "aws-eks-update-kubeconfig",
    reviewed: "2026-12-07",
    confidence: "verified",
  },
  {
    cloud: "azure",
    where: "server",
    pattern:
      /\.([a-z0-9]+)\.(?:azmk8s\.io|azmk8s\.us|cx\.prod\.service\.azk8s\.cn|cx\.aks\.containerservice\.azure\.us)$/,
    what: "AKS API server",
    source: "aks-api-fqdn",
    reviewed: "2026-12-07",
    confidence: "verified",
    note: "*.hcp.<location>.azmk8s.io (public), *.privatelink.<location>.azmk8s.io (private), *.hcp.<location>.cx.prod.service.azk8s.cn (Azure China).",
  },
  {
    cloud: "gcp",
    where: "server",
    pattern: /\.([a-z]+-[a-z]+\d+(?:-[a-z])?)\.gke\.goog$/,
    what: "GKE DNS endpoint",
    source: "gke-dns-endpoint",
    reviewed: "2026-12-07",
    confidence: "third-party",
    note: "Seen as gke-<id>.<location>.gke.goog.",
  },
  {
    cloud: "gcp",
    where: "name",
    pattern: /^(?:gke_)?[^_]+_([a-z]+-[a-z]+\d+(?:-[a-z])?)_[^_]+$/,
    what: "GKE cluster or context name",
    source: "gke-kubeconfig-context",
    reviewed: "2026-12-07",
    confidence: "verified",
    note: "gcloud container clusters get-credentials names the cluster and context gke_<project>_<location>_<cluster>; Pulumi's GKE examples write <project>_<zone>_<cluster> without the prefix.",
  },
];

/** Exec credential plugins whose `--region` argument (or AWS_REGION variable) names the cluster's region. */
export const REGION_EXEC_COMMANDS: Sourced & {
  readonly commands: readonly string[];
  readonly cloud: Cloud;
} = {
  commands: ["aws", "aws-iam-authenticator"],
  cloud: "aws",
  source: "aws-eks-update-kubeconfig",
  reviewed: "2026-12-07",
  confidence: "verified",
  note: "aws eks update-kubeconfig writes `aws --region <region> eks get-token --cluster-name <name>`.",
};

/** EC2NodeClass AMI names of the EKS-optimised accelerated AMIs (GPU, Neuron). */
export const ACCELERATED_AMI_NAME: Sourced & { readonly pattern: RegExp } = {
  pattern: /(?:^|[-_])(?:gpu|nvidia|neuron)(?:[-_]|$)/i,
  source: "eks-accelerated-ami-names",
  reviewed: "2026-12-07",
  confidence: "third-party",
  note: "amazon-eks-gpu-node-*, amazon-eks-node-al2023-x86_64-nvidia-*, …-neuron-*, bottlerocket-aws-k8s-*-nvidia-*.",
};
