// AWS settings that mean "accelerator hardware" without naming an instance type: accelerated EKS
// AMI types, CodeBuild GPU environments, GPU resource requirements of ECS/Batch containers,
// Kubernetes GPU resources of Batch-on-EKS pods, EC2 Capacity Blocks for ML, and WorkSpaces
// graphics compute types. Instance types
// themselves are classified by the catalogue (accelerators.ts).
//
// Each entry cites a key of SOURCES (sources.ts). The patterns catch future values of the same
// naming scheme (e.g. a new `*_NVIDIA` AMI type); a pattern match is reported as not catalogued.
// facts/aws/platforms.ts holds the matcher.
import type { Sourced } from "../types";

export interface AcceleratedSetting extends Sourced {
  /** The value as AWS spells it (compared case-insensitively). */
  readonly value: string;
  /** What it selects, for the `family` of an unspecified accelerator. */
  readonly description: string;
  readonly vendor: string;
}

export interface AcceleratedPattern extends Sourced {
  readonly pattern: RegExp;
  readonly vendor: string;
  readonly description: string;
}

const AMI_SOURCE = "aws-eks-nodegroup-ami-types";

function acceleratedAmi(
  value: string,
  vendor: string,
  what: string,
  reviewed: string,
): AcceleratedSetting {
  return {
    reviewed,
    value,
    description: `EKS accelerated AMI ${value} (${what} instance types)`,
    vendor,
    source: AMI_SOURCE,
    confidence: "verified",
  };
}

/** EKS managed node group `amiType` values that carry GPU or Neuron drivers. */
export const ACCELERATED_EKS_AMI_TYPES: readonly AcceleratedSetting[] = [
  acceleratedAmi("AL2_x86_64_GPU", "NVIDIA", "NVIDIA GPU", "2026-11-22"),
  acceleratedAmi("AL2023_x86_64_NVIDIA", "NVIDIA", "NVIDIA GPU", "2026-11-22"),
  acceleratedAmi("AL2023_ARM_64_NVIDIA", "NVIDIA", "NVIDIA GPU", "2026-11-22"),
  acceleratedAmi("AL2023_x86_64_NEURON", "AWS", "Inferentia/Trainium", "2026-11-22"),
  acceleratedAmi("BOTTLEROCKET_x86_64_NVIDIA", "NVIDIA", "NVIDIA GPU", "2026-11-22"),
  acceleratedAmi("BOTTLEROCKET_ARM_64_NVIDIA", "NVIDIA", "NVIDIA GPU", "2026-11-22"),
];

/** Future accelerated AMI types follow the same naming (`…_GPU`, `…_NVIDIA`, `…_NEURON`). */
export const ACCELERATED_EKS_AMI_PATTERNS: readonly AcceleratedPattern[] = [
  {
    pattern: /_(GPU|NVIDIA)(_|$)/i,
    vendor: "NVIDIA",
    description: "EKS accelerated AMI (GPU)",
    source: AMI_SOURCE,
    reviewed: "2026-11-22",
    confidence: "uncertain",
    note: "The naming scheme of the listed values, extended to future ones (e.g. *_NVIDIA_FIPS).",
  },
  {
    pattern: /_NEURON(_|$)/i,
    vendor: "AWS",
    description: "EKS accelerated AMI (Neuron)",
    source: AMI_SOURCE,
    reviewed: "2026-11-22",
    confidence: "uncertain",
    note: "The naming scheme of the listed values, extended to future ones.",
  },
];

/** CodeBuild environment types that run builds on GPU hosts. */
export const GPU_CODEBUILD_ENVIRONMENT_TYPES: readonly AcceleratedSetting[] = [
  {
    value: "LINUX_GPU_CONTAINER",
    description: "CodeBuild LINUX_GPU_CONTAINER environment (NVIDIA GPU host)",
    vendor: "NVIDIA",
    source: "aws-codebuild-environment-types",
    reviewed: "2026-11-22",
    confidence: "verified",
    note: "GPU environment per CodeBuild; the NVIDIA vendor is the project's reading, not stated.",
  },
];

export const GPU_CODEBUILD_ENVIRONMENT_PATTERNS: readonly AcceleratedPattern[] = [
  {
    pattern: /GPU/i,
    vendor: "unknown",
    description: "CodeBuild GPU environment",
    source: "aws-codebuild-environment-types",
    reviewed: "2026-11-22",
    confidence: "uncertain",
    note: "Any future environment type naming a GPU.",
  },
];

/** ECS and Batch container `resourceRequirements[].type` that reserves GPUs. */
export const GPU_RESOURCE_REQUIREMENT_TYPE: AcceleratedSetting = {
  value: "GPU",
  description: "container GPU resource requirement (NVIDIA GPU instance types)",
  vendor: "NVIDIA",
  source: "aws-ecs-resource-requirement",
  reviewed: "2026-11-22",
  confidence: "verified",
};

/** Kubernetes extended resources that Batch on EKS schedules onto accelerators. */
export const GPU_KUBERNETES_RESOURCES: readonly AcceleratedSetting[] = [
  {
    value: "nvidia.com/gpu",
    description: "Kubernetes resource nvidia.com/gpu (NVIDIA GPU instance types)",
    vendor: "NVIDIA",
    source: "aws-batch-eks-resource-requirements",
    reviewed: "2026-11-22",
    confidence: "verified",
  },
];

/** The input of `aws:ec2/capacityBlockReservation:CapacityBlockReservation` that buys ML capacity. */
export const EC2_CAPACITY_BLOCK: AcceleratedSetting = {
  value: "capacityBlockOfferingId",
  description:
    "EC2 Capacity Block for ML (GPU/Trainium capacity; the instance type sits in the offering)",
  vendor: "unknown",
  source: "aws-ec2-capacity-blocks",
  reviewed: "2026-11-22",
  confidence: "verified",
  note: "PurchaseCapacityBlock: 'With Capacity Blocks you ensure GPU capacity is available for ML workloads'.",
};

/** A WorkSpaces compute type that runs on a GPU instance family (classified through the family). */
export interface WorkspacesGraphicsType extends Sourced {
  /** `workspaceProperties.computeTypeName` as AWS spells it (compared case-insensitively). */
  readonly value: string;
  /** The EC2 family the bundle runs on (a key of AWS_ACCELERATOR_FAMILIES). */
  readonly family: string;
}

const WORKSPACES_SOURCE = "aws-workspaces-compute-types";

function graphics(
  value: string,
  family: string,
  confidence: WorkspacesGraphicsType["confidence"] = "verified",
  note?: string,
): WorkspacesGraphicsType {
  return {
    value,
    family,
    source: WORKSPACES_SOURCE,
    reviewed: "2026-12-07",
    confidence,
    ...(note ? { note } : {}),
  };
}

const G6_FAMILY_NOTE =
  "The family is named in the compute type itself (G6, Gr6, G6f, Gr6f: NVIDIA L4).";

/** WorkSpaces graphics compute types (GPU bundles) and the instance family each runs on. */
export const WORKSPACES_GRAPHICS_TYPES: readonly WorkspacesGraphicsType[] = [
  graphics("GRAPHICS", "g2", "uncertain", "Legacy Graphics bundle; the G2 family is recalled."),
  graphics(
    "GRAPHICSPRO",
    "g3",
    "uncertain",
    "Legacy GraphicsPro bundle; the G3 family is recalled.",
  ),
  graphics("GRAPHICS_G4DN", "g4dn"),
  graphics("GRAPHICSPRO_G4DN", "g4dn"),
  ...["XLARGE", "2XLARGE", "4XLARGE", "8XLARGE", "16XLARGE"].map((size) =>
    graphics(`GRAPHICS_G6_${size}`, "g6", "verified", G6_FAMILY_NOTE),
  ),
  ...["4XLARGE", "8XLARGE"].map((size) =>
    graphics(`GRAPHICS_GR6_${size}`, "gr6", "verified", G6_FAMILY_NOTE),
  ),
  ...["LARGE", "XLARGE", "2XLARGE", "4XLARGE"].map((size) =>
    graphics(`GRAPHICS_G6F_${size}`, "g6f", "verified", G6_FAMILY_NOTE),
  ),
  graphics("GRAPHICS_GR6F_4XLARGE", "gr6f", "verified", G6_FAMILY_NOTE),
];

/** Future graphics compute types follow the same naming (`GRAPHICS…`). */
export const WORKSPACES_GRAPHICS_PATTERN: AcceleratedPattern = {
  pattern: /^GRAPHICS/i,
  vendor: "NVIDIA",
  description: "WorkSpaces graphics compute type (GPU bundle)",
  source: WORKSPACES_SOURCE,
  reviewed: "2026-12-07",
  confidence: "uncertain",
  note: "The naming scheme of the listed values, extended to future ones.",
};

/** Every setting and pattern above, for the citation tests. */
export const AWS_PLATFORM_HINTS: readonly (
  AcceleratedSetting | AcceleratedPattern | WorkspacesGraphicsType
)[] = [
  ...ACCELERATED_EKS_AMI_TYPES,
  ...ACCELERATED_EKS_AMI_PATTERNS,
  ...GPU_CODEBUILD_ENVIRONMENT_TYPES,
  ...GPU_CODEBUILD_ENVIRONMENT_PATTERNS,
  GPU_RESOURCE_REQUIREMENT_TYPE,
  ...GPU_KUBERNETES_RESOURCES,
  EC2_CAPACITY_BLOCK,
  ...WORKSPACES_GRAPHICS_TYPES,
  WORKSPACES_GRAPHICS_PATTERN,
];
