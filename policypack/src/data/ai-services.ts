// Pulumi resource type tokens that are AI services, held as module rules: every resource of an AI
// service's module (`aws:sagemaker/*`, `azure-native:cognitiveservices:*`) is that service.
//
// No resource kind inside these modules is excluded, not even configuration-only ones (lifecycle
// configurations, resource policies, logging settings): each is created in a region of the AI
// service and so shows the service being used there. A policy that wants to treat them differently
// can key off `kind`.
import type { AiServiceEntry } from "./types";

export interface AiServiceModuleRule {
  /** `provider:module` as in the type token: "aws:sagemaker", "azure-native:cognitiveservices". */
  readonly module: string;
  readonly service: string;
  readonly source: string;
  /** YYYY-MM-DD: when a person last checked this rule against its source. */
  readonly reviewed: string;
  readonly confidence: AiServiceEntry["confidence"];
  readonly note?: string;
}

/** The source that names each package's modules (the SDK the token was checked in). */
const PACKAGE_SOURCES: Readonly<Record<string, string>> = {
  aws: "pulumi-aws-sdk",
  "azure-native": "pulumi-azure-native-sdk",
  "aws-native": "pulumi-aws-native-sdk",
  azure: "pulumi-azure-sdk",
  gcp: "pulumi-gcp-sdk",
  alicloud: "pulumi-alicloud",
  huaweicloud: "pulumi-huaweicloud-repo",
};

function rule(
  module: string,
  service: string,
  reviewed: string,
  note?: string,
  confidence: AiServiceEntry["confidence"] = "verified",
): AiServiceModuleRule {
  const pkg = module.split(":")[0] ?? "";
  const source = PACKAGE_SOURCES[pkg];
  if (source === undefined) throw new Error(`ai-services: no source for package '${pkg}'`);
  return { module, service, source, reviewed, confidence, ...(note !== undefined ? { note } : {}) };
}

/** A module named after its CloudFormation namespace, not checked in the SDK. */
const CFN_NAMED =
  "Module named after the CloudFormation namespace (AWS::<Service>::*); not checked in the aws-native SDK.";
/** A module whose files were not listed in the SDK. */
const NOT_LISTED = "Module name as in the provider's documentation; its SDK files were not listed.";

export const AI_SERVICE_MODULES: readonly AiServiceModuleRule[] = [
  // AWS (@pulumi/aws 7.48.0)
  rule("aws:sagemaker", "Amazon SageMaker AI", "2026-11-22"),
  rule(
    "aws:bedrock",
    "Amazon Bedrock",
    "2026-11-22",
    "Models, guardrails, agents and the AgentCore (agentcore*) resources.",
  ),
  rule(
    "aws:bedrockmodel",
    "Amazon Bedrock",
    "2026-11-22",
    "Model invocation jobs and invocation logging.",
  ),
  rule("aws:bedrockfoundation", "Amazon Bedrock", "2026-11-22", "Foundation-model agreements."),
  rule("aws:comprehend", "Amazon Comprehend", "2026-11-22"),
  rule("aws:rekognition", "Amazon Rekognition", "2026-11-22"),
  rule("aws:lex", "Amazon Lex", "2026-11-22"),
  rule("aws:kendra", "Amazon Kendra", "2026-11-22"),
  rule("aws:transcribe", "Amazon Transcribe", "2026-11-22"),
  rule("aws:qbusiness", "Amazon Q Business", "2026-11-22"),
  rule(
    "aws:agentregistry",
    "AWS Agent Registry",
    "2026-11-22",
    "Registry of agentic components (tools, prompts, guardrails).",
  ),
  // Azure (@pulumi/azure-native 3.28.0)
  rule(
    "azure-native:cognitiveservices",
    "Azure AI services (Azure OpenAI / Cognitive Services)",
    "2026-11-22",
    "Accounts of every kind, deployments, projects, RAI policies, commitment plans.",
  ),
  rule(
    "azure-native:machinelearningservices",
    "Azure Machine Learning",
    "2026-11-22",
    "Workspaces, computes, endpoints, deployments, registries, jobs.",
  ),
  rule("azure-native:machinelearning", "Azure Machine Learning Studio (classic)", "2026-11-22"),
  rule("azure-native:videoindexer", "Azure AI Video Indexer", "2026-11-22"),
];

/**
 * AI-service modules of the Pulumi packages that are not installed here (aws-native, classic
 * azure, gcp, alicloud, huaweicloud): module names checked in the stored SDK sources where the
 * confidence says "verified", otherwise as the note says.
 */
export const OTHER_PACKAGE_AI_SERVICE_MODULES: readonly AiServiceModuleRule[] = [
  // AWS Cloud Control (@pulumi/aws-native): same services as the aws: modules above.
  rule("aws-native:sagemaker", "Amazon SageMaker AI", "2026-11-22", "Including HyperPod clusters."),
  rule("aws-native:bedrock", "Amazon Bedrock", "2026-11-22", CFN_NAMED, "third-party"),
  rule(
    "aws-native:bedrockagentcore",
    "Amazon Bedrock",
    "2026-11-22",
    `AgentCore. ${CFN_NAMED}`,
    "uncertain",
  ),
  rule("aws-native:comprehend", "Amazon Comprehend", "2026-11-22", CFN_NAMED, "third-party"),
  rule("aws-native:rekognition", "Amazon Rekognition", "2026-11-22", CFN_NAMED, "third-party"),
  rule("aws-native:lex", "Amazon Lex", "2026-11-22", CFN_NAMED, "third-party"),
  rule("aws-native:kendra", "Amazon Kendra", "2026-11-22", CFN_NAMED, "third-party"),
  rule(
    "aws-native:kendraranking",
    "Amazon Kendra",
    "2026-11-22",
    `Intelligent Ranking. ${CFN_NAMED}`,
    "uncertain",
  ),
  rule("aws-native:qbusiness", "Amazon Q Business", "2026-11-22", CFN_NAMED, "third-party"),
  // Classic Azure (@pulumi/azure, the azurerm bridge).
  rule(
    "azure:cognitive",
    "Azure AI services (Azure OpenAI / Cognitive Services)",
    "2026-11-22",
    "Accounts of every kind (kind OpenAI, CognitiveServices, …), deployments, AI Services.",
  ),
  rule(
    "azure:machinelearning",
    "Azure Machine Learning",
    "2026-11-22",
    "Workspaces, compute clusters and instances, inference clusters.",
  ),
  // Google Cloud (@pulumi/gcp). The Vertex AI module is `vertex` (gcp:vertex/aiEndpoint:AiEndpoint).
  rule(
    "gcp:vertex",
    "Google Cloud Vertex AI",
    "2026-11-22",
    "Endpoints, model deployments, indexes, feature stores, reasoning engines.",
  ),
  rule(
    "gcp:notebooks",
    "Vertex AI Workbench (user-managed notebooks)",
    "2026-11-22",
    NOT_LISTED,
    "third-party",
  ),
  rule("gcp:workbench", "Vertex AI Workbench", "2026-11-22", NOT_LISTED, "third-party"),
  rule("gcp:colab", "Colab Enterprise (Vertex AI)", "2026-11-22", NOT_LISTED, "third-party"),
  rule("gcp:ml", "AI Platform (legacy Cloud ML Engine)", "2026-11-22", NOT_LISTED, "third-party"),
  rule("gcp:dialogflow", "Dialogflow", "2026-11-22", NOT_LISTED, "third-party"),
  rule("gcp:dialogflowcx", "Dialogflow CX", "2026-11-22", NOT_LISTED, "third-party"),
  rule(
    "gcp:discoveryengine",
    "Vertex AI Search (Discovery Engine)",
    "2026-11-22",
    NOT_LISTED,
    "third-party",
  ),
  // Listed providers' clouds.
  rule(
    "alicloud:pai",
    "Alibaba Cloud Platform for AI (PAI)",
    "2026-11-22",
    "EAS services, workspaces, datasets, models.",
  ),
  rule("huaweicloud:ModelArts", "Huawei Cloud ModelArts", "2026-11-22", NOT_LISTED, "third-party"),
];
