// What the Azure Policy guardrail (`jurisdiction-guard guardrails --target azure-policy`) needs
// beyond the pack's own tables: the policy aliases that expose a VM size, and the Resource Manager
// namespaces of the Pulumi modules the pack counts as AI services. Rows only; the compiler lives
// in cli/guardrails/azure-policy.ts.
import type { Confidence } from "./types";

/** An Azure Policy alias that carries a VM size chosen when the resource is created. */
export interface AzurePolicySizeAlias {
  /** The resource type the rule matches (`field: "type"`). */
  readonly resourceType: string;
  /** The alias; a `[*]` alias names one size per array member. */
  readonly alias: string;
  /** What the resource is, for messages and COVERAGE.md. */
  readonly kind: string;
  /**
   * Whether the type has a location of its own. A child type without one (an AKS agent pool) is
   * evaluated in policy mode "All" and can be judged only where no location is allowed at all.
   */
  readonly located: boolean;
  readonly source: string;
  readonly reviewed: string;
  readonly confidence: Confidence;
  readonly note?: string;
}

export const AZURE_POLICY_SIZE_ALIASES: readonly AzurePolicySizeAlias[] = [
  {
    resourceType: "Microsoft.Compute/virtualMachines",
    alias: "Microsoft.Compute/virtualMachines/sku.name",
    kind: "virtual machine",
    located: true,
    source: "azure-policy-builtins",
    reviewed: "2026-12-07",
    confidence: "verified",
    note: "Built-in 'Allowed virtual machine size SKUs' (cccc23c7-8427-4f53-ad12-b6a63eb452b3); the alias reads properties.hardwareProfile.vmSize (azure-policy-alias-dump).",
  },
  {
    resourceType: "Microsoft.Compute/virtualMachineScaleSets",
    alias: "Microsoft.Compute/VirtualMachineScaleSets/sku.name",
    kind: "virtual machine scale set",
    located: true,
    source: "azure-policy-builtins",
    reviewed: "2026-12-07",
    confidence: "verified",
    note: "Built-in a7032590-9c5d-4450-bee6-c5a7f0100542 spells the alias with a capital V; aliases compare case-insensitively.",
  },
  {
    resourceType: "Microsoft.ContainerService/managedClusters",
    alias: "Microsoft.ContainerService/managedClusters/agentPoolProfiles[*].vmSize",
    kind: "AKS cluster (node pools given with the cluster)",
    located: true,
    source: "azure-policy-samples",
    reviewed: "2026-12-07",
    confidence: "third-party",
    note: "An alias changelog listing it as new, and a public policy sample that denies on it; not read in Microsoft's alias list.",
  },
  {
    resourceType: "Microsoft.ContainerService/managedClusters/agentPools",
    alias: "Microsoft.ContainerService/managedClusters/agentPools/vmSize",
    kind: "AKS agent pool (node pool added on its own)",
    located: false,
    source: "azure-policy-alias-dump",
    reviewed: "2026-12-07",
    confidence: "third-party",
    note: "Also in several public GPU-deny samples. The type has no location (ARM template reference).",
  },
  {
    resourceType: "Microsoft.MachineLearningServices/workspaces/computes",
    alias: "Microsoft.MachineLearningServices/workspaces/computes/vmSize",
    kind: "Azure Machine Learning compute",
    located: true,
    source: "azure-policy-samples",
    reviewed: "2026-12-07",
    confidence: "third-party",
    note: "Several public deny and audit samples, one saying the alias was checked; the alias rendering in azure-policy-alias-dump is older and lacks it.",
  },
];

/** The alias of an ML compute's underlying location, which the pack reads before `location`. */
export const AZURE_ML_COMPUTE_LOCATION_ALIAS = {
  alias: "Microsoft.MachineLearningServices/workspaces/computes/computeLocation",
  source: "azure-policy-alias-dump",
  reviewed: "2026-12-07",
  confidence: "third-party" as Confidence,
};

/** The Resource Manager namespace of one Pulumi module the pack counts as an AI service. */
export interface AzureAiNamespace {
  /** A module of AI_SERVICE_MODULES or OTHER_PACKAGE_AI_SERVICE_MODULES: "azure-native:cognitiveservices". */
  readonly module: string;
  /** The namespace every resource type of the module lives in: "Microsoft.CognitiveServices". */
  readonly namespace: string;
  /**
   * Child types of the namespace that have no location of their own (judged with the parent's
   * location by the pack; evaluated in policy mode "All").
   */
  readonly unlocatedTypes: readonly string[];
  readonly source: string;
  readonly reviewed: string;
  readonly confidence: Confidence;
  readonly note?: string;
}

export const AZURE_AI_NAMESPACES: readonly AzureAiNamespace[] = [
  {
    module: "azure-native:cognitiveservices",
    namespace: "Microsoft.CognitiveServices",
    unlocatedTypes: ["Microsoft.CognitiveServices/accounts/deployments"],
    source: "azure-resource-providers",
    reviewed: "2026-12-07",
    confidence: "verified",
    note: "Accounts (Azure OpenAI and every other kind), commitment plans; deployments have no location (ARM template reference).",
  },
  {
    module: "azure:cognitive",
    namespace: "Microsoft.CognitiveServices",
    unlocatedTypes: ["Microsoft.CognitiveServices/accounts/deployments"],
    source: "azure-resource-providers",
    reviewed: "2026-12-07",
    confidence: "verified",
  },
  {
    module: "azure-native:machinelearningservices",
    namespace: "Microsoft.MachineLearningServices",
    unlocatedTypes: [],
    source: "azure-resource-providers",
    reviewed: "2026-12-07",
    confidence: "verified",
    note: "Workspaces and their computes, endpoints and deployments, registries.",
  },
  {
    module: "azure:machinelearning",
    namespace: "Microsoft.MachineLearningServices",
    unlocatedTypes: [],
    source: "azure-resource-providers",
    reviewed: "2026-12-07",
    confidence: "verified",
  },
  {
    module: "azure-native:machinelearning",
    namespace: "Microsoft.MachineLearning",
    unlocatedTypes: [],
    source: "azure-resource-providers",
    reviewed: "2026-12-07",
    confidence: "uncertain",
    note: "Machine Learning Studio (classic): the namespace was not in the stored provider list read; the service is retired.",
  },
  {
    module: "azure-native:videoindexer",
    namespace: "Microsoft.VideoIndexer",
    unlocatedTypes: [],
    source: "azure-templates-reference",
    reviewed: "2026-12-07",
    confidence: "verified",
    note: "Microsoft.VideoIndexer/accounts.",
  },
];
