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
  note?: string,
  confidence: AiServiceEntry["confidence"] = "verified",
): AiServiceModuleRule {
  const pkg = module.split(":")[0] ?? "";
  const source = PACKAGE_SOURCES[pkg];
  if (source === undefined) throw new Error(`ai-services: no source for package '${pkg}'`);
  return { module, service, source, confidence, ...(note !== undefined ? { note } : {}) };
}

/** A module named after its CloudFormation namespace, not checked in the SDK. */
const CFN_NAMED =
  "Module named after the CloudFormation namespace (AWS::<Service>::*); not checked in the aws-native SDK.";
/** A module whose files were not listed in the SDK. */
const NOT_LISTED = "Module name as in the provider's documentation; its SDK files were not listed.";

export const AI_SERVICE_MODULES: readonly AiServiceModuleRule[] = [
  // AWS (@pulumi/aws 7.48.0)
  rule("aws:sagemaker", "Amazon SageMaker AI"),
  rule(
    "aws:bedrock",
    "Amazon Bedrock",
    "Models, guardrails, agents and the AgentCore (agentcore*) resources.",
  ),
  rule("aws:bedrockmodel", "Amazon Bedrock", "Model invocation jobs and invocation logging."),
  rule("aws:bedrockfoundation", "Amazon Bedrock", "Foundation-model agreements."),
  rule("aws:comprehend", "Amazon Comprehend"),
  rule("aws:rekognition", "Amazon Rekognition"),
  rule("aws:lex", "Amazon Lex"),
  rule("aws:kendra", "Amazon Kendra"),
  rule("aws:transcribe", "Amazon Transcribe"),
  rule("aws:qbusiness", "Amazon Q Business"),
  rule(
    "aws:agentregistry",
    "AWS Agent Registry",
    "Registry of agentic components (tools, prompts, guardrails).",
  ),
  // Azure (@pulumi/azure-native 3.28.0)
  rule(
    "azure-native:cognitiveservices",
    "Azure AI services (Azure OpenAI / Cognitive Services)",
    "Accounts of every kind, deployments, projects, RAI policies, commitment plans.",
  ),
  rule(
    "azure-native:machinelearningservices",
    "Azure Machine Learning",
    "Workspaces, computes, endpoints, deployments, registries, jobs.",
  ),
  rule("azure-native:machinelearning", "Azure Machine Learning Studio (classic)"),
  rule("azure-native:videoindexer", "Azure AI Video Indexer"),
];

/**
 * AI-service modules of the Pulumi packages that are not installed here (aws-native, classic
 * azure, gcp, alicloud, huaweicloud): module names checked in the stored SDK sources where the
 * confidence says "verified", otherwise as the note says.
 */
export const OTHER_PACKAGE_AI_SERVICE_MODULES: readonly AiServiceModuleRule[] = [
  // AWS Cloud Control (@pulumi/aws-native): same services as the aws: modules above.
  rule("aws-native:sagemaker", "Amazon SageMaker AI", "Including HyperPod clusters."),
  rule("aws-native:bedrock", "Amazon Bedrock", CFN_NAMED, "third-party"),
  rule("aws-native:bedrockagentcore", "Amazon Bedrock", `AgentCore. ${CFN_NAMED}`, "uncertain"),
  rule("aws-native:comprehend", "Amazon Comprehend", CFN_NAMED, "third-party"),
  rule("aws-native:rekognition", "Amazon Rekognition", CFN_NAMED, "third-party"),
  rule("aws-native:lex", "Amazon Lex", CFN_NAMED, "third-party"),
  rule("aws-native:kendra", "Amazon Kendra", CFN_NAMED, "third-party"),
  rule(
    "aws-native:kendraranking",
    "Amazon Kendra",
    `Intelligent Ranking. ${CFN_NAMED}`,
    "uncertain",
  ),
  rule("aws-native:qbusiness", "Amazon Q Business", CFN_NAMED, "third-party"),
  // Classic Azure (@pulumi/azure, the azurerm bridge).
  rule(
    "azure:cognitive",
    "Azure AI services (Azure OpenAI / Cognitive Services)",
    "Accounts of every kind (kind OpenAI, CognitiveServices, …), deployments, AI Services.",
  ),
  rule(
    "azure:machinelearning",
    "Azure Machine Learning",
    "Workspaces, compute clusters and instances, inference clusters.",
  ),
  // Google Cloud (@pulumi/gcp). The Vertex AI module is `vertex` (gcp:vertex/aiEndpoint:AiEndpoint).
  rule(
    "gcp:vertex",
    "Google Cloud Vertex AI",
    "Endpoints, model deployments, indexes, feature stores, reasoning engines.",
  ),
  rule("gcp:notebooks", "Vertex AI Workbench (user-managed notebooks)", NOT_LISTED, "third-party"),
  rule("gcp:workbench", "Vertex AI Workbench", NOT_LISTED, "third-party"),
  rule("gcp:colab", "Colab Enterprise (Vertex AI)", NOT_LISTED, "third-party"),
  rule("gcp:ml", "AI Platform (legacy Cloud ML Engine)", NOT_LISTED, "third-party"),
  rule("gcp:dialogflow", "Dialogflow", NOT_LISTED, "third-party"),
  rule("gcp:dialogflowcx", "Dialogflow CX", NOT_LISTED, "third-party"),
  rule("gcp:discoveryengine", "Vertex AI Search (Discovery Engine)", NOT_LISTED, "third-party"),
  // Listed providers' clouds.
  rule(
    "alicloud:pai",
    "Alibaba Cloud Platform for AI (PAI)",
    "EAS services, workspaces, datasets, models.",
  ),
  rule("huaweicloud:ModelArts", "Huawei Cloud ModelArts", NOT_LISTED, "third-party"),
];
