// AWS settings that mean "accelerator hardware" without naming an instance type: accelerated EKS
// AMI types, CodeBuild GPU environments, GPU resource requirements of ECS/Batch containers.
// Instance types themselves are classified by the catalogue in data/accelerators.ts.
//
// Each entry names where it was checked. The patterns catch future variants of the same naming
// scheme (e.g. a new `*_NVIDIA` AMI type) and mark the match as not catalogued.

export interface AcceleratedSetting {
  /** The value as AWS spells it (compared case-insensitively). */
  readonly value: string;
  /** What it selects, for the `family` of an unspecified accelerator. */
  readonly description: string;
  readonly vendor: string;
  readonly source: string;
  /** YYYY-MM-DD: when a person last checked the entry against its source. */
  readonly reviewed: string;
}

export interface AcceleratedPattern {
  readonly pattern: RegExp;
  readonly vendor: string;
  readonly description: string;
}

const CDK_AMI_DOC =
  "https://docs.aws.amazon.com/cdk/api/v2/python/aws_cdk.aws_eks/NodegroupAmiType.html";

/** EKS managed node group `amiType` values that carry GPU or Neuron drivers. */
export const ACCELERATED_EKS_AMI_TYPES: readonly AcceleratedSetting[] = [
  {
    value: "AL2_x86_64_GPU",
    description: "EKS accelerated AMI AL2_x86_64_GPU (NVIDIA GPU instance types)",
    vendor: "NVIDIA",
    source: CDK_AMI_DOC,
    reviewed: "2026-11-22",
  },
  {
    value: "AL2023_x86_64_NVIDIA",
    description: "EKS accelerated AMI AL2023_x86_64_NVIDIA (NVIDIA GPU instance types)",
    vendor: "NVIDIA",
    source: CDK_AMI_DOC,
    reviewed: "2026-11-22",
  },
  {
    value: "AL2023_ARM_64_NVIDIA",
    description: "EKS accelerated AMI AL2023_ARM_64_NVIDIA (NVIDIA GPU instance types)",
    vendor: "NVIDIA",
    source: CDK_AMI_DOC,
    reviewed: "2026-11-22",
  },
  {
    value: "AL2023_x86_64_NEURON",
    description: "EKS accelerated AMI AL2023_x86_64_NEURON (Inferentia/Trainium instance types)",
    vendor: "AWS",
    source: CDK_AMI_DOC,
    reviewed: "2026-11-22",
  },
  {
    value: "BOTTLEROCKET_x86_64_NVIDIA",
    description: "EKS accelerated AMI BOTTLEROCKET_x86_64_NVIDIA (NVIDIA GPU instance types)",
    vendor: "NVIDIA",
    source: CDK_AMI_DOC,
    reviewed: "2026-11-22",
  },
  {
    value: "BOTTLEROCKET_ARM_64_NVIDIA",
    description: "EKS accelerated AMI BOTTLEROCKET_ARM_64_NVIDIA (NVIDIA GPU instance types)",
    vendor: "NVIDIA",
    source: CDK_AMI_DOC,
    reviewed: "2026-11-22",
  },
];

/** Future accelerated AMI types follow the same naming (`…_GPU`, `…_NVIDIA`, `…_NEURON`). */
export const ACCELERATED_EKS_AMI_PATTERNS: readonly AcceleratedPattern[] = [
  { pattern: /_(GPU|NVIDIA)(_|$)/i, vendor: "NVIDIA", description: "EKS accelerated AMI (GPU)" },
  { pattern: /_NEURON(_|$)/i, vendor: "AWS", description: "EKS accelerated AMI (Neuron)" },
];

const CODEBUILD_DOC =
  "https://docs.aws.amazon.com/codebuild/latest/userguide/build-env-ref-compute-types.html";

/** CodeBuild environment types that run builds on GPU hosts. */
export const GPU_CODEBUILD_ENVIRONMENT_TYPES: readonly AcceleratedSetting[] = [
  {
    value: "LINUX_GPU_CONTAINER",
    description: "CodeBuild LINUX_GPU_CONTAINER environment (NVIDIA GPU host)",
    vendor: "NVIDIA",
    source: CODEBUILD_DOC,
    reviewed: "2026-11-22",
  },
];

export const GPU_CODEBUILD_ENVIRONMENT_PATTERNS: readonly AcceleratedPattern[] = [
  { pattern: /GPU/i, vendor: "unknown", description: "CodeBuild GPU environment" },
];

/** ECS and Batch container `resourceRequirements[].type` that reserves GPUs. */
export const GPU_RESOURCE_REQUIREMENT_TYPE: AcceleratedSetting = {
  value: "GPU",
  description: "container GPU resource requirement (NVIDIA GPU instance types)",
  vendor: "NVIDIA",
  source: "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs-gpu.html",
  reviewed: "2026-11-22",
};

/** Kubernetes extended resources that Batch on EKS schedules onto accelerators. */
export const GPU_KUBERNETES_RESOURCES: readonly AcceleratedSetting[] = [
  {
    value: "nvidia.com/gpu",
    description: "Kubernetes resource nvidia.com/gpu (NVIDIA GPU instance types)",
    vendor: "NVIDIA",
    source:
      "https://docs.aws.amazon.com/batch/latest/APIReference/API_EksContainerResourceRequirements.html",
    reviewed: "2026-11-22",
  },
];

export const EC2_CAPACITY_BLOCK: AcceleratedSetting = {
  value: "capacityBlockOfferingId",
  description:
    "EC2 Capacity Block for ML (GPU/Trainium capacity; the instance type sits in the offering)",
  vendor: "unknown",
  source: "https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CapacityBlock.html",
  reviewed: "2026-11-22",
};

/** The matching entry, or a pattern match (`catalogued: false`), or undefined. */
export function matchSetting(
  value: string,
  table: readonly AcceleratedSetting[],
  patterns: readonly AcceleratedPattern[] = [],
): { description: string; vendor: string; catalogued: boolean } | undefined {
  const v = value.trim().toLowerCase();
  const hit = table.find((e) => e.value.toLowerCase() === v);
  if (hit) return { description: hit.description, vendor: hit.vendor, catalogued: true };
  const p = patterns.find((e) => e.pattern.test(value.trim()));
  if (p)
    return {
      description: `${p.description}: ${value.trim()}`,
      vendor: p.vendor,
      catalogued: false,
    };
  return undefined;
}
