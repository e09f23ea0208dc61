// Pulumi resource type tokens that are AI services, held as module rules: every resource of an AI
// service's module (`aws:sagemaker/*`, `azure-native:cognitiveservices:*`) is that service.
//
// No resource kind inside these modules is excluded, not even configuration-only ones (lifecycle
// configurations, resource policies, logging settings): each is created in a region of the AI
// service and so shows the service being used there. A policy that wants to treat them differently
// can key off `kind`.
import type { AiServiceEntry } from "./types";

const REVIEWED = "2026-11-22";

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

const MODULE_INDEX: ReadonlyMap<string, AiServiceModuleRule> = new Map(
  [...AI_SERVICE_MODULES, ...OTHER_PACKAGE_AI_SERVICE_MODULES].map((r) => [
    r.module.toLowerCase(),
    r,
  ]),
);

/** "EndpointConfiguration" → "endpoint configuration"; "V2modelsBot" → "v2models bot". */
function kindOf(resourceClass: string): string {
  return resourceClass
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2")
    .toLowerCase();
}

/** "azure-native:cognitiveservices/v20240301:Account" → "azure-native:cognitiveservices:Account". */
function withoutApiVersion(token: string): string {
  return token.replace(/^(azure-native:[^:/]+)\/v\d{8}(?:preview)?:/i, "$1:");
}

/**
 * The AI service a resource type token belongs to, or undefined. Accepts `<package>:<module>/<file>:<Class>`
 * (aws, azure, gcp, alicloud, huaweicloud) and `<package>:<module>:<Class>` (azure-native,
 * aws-native); an Azure API version, if still present, is ignored.
 */
export function lookupAiService(token: string): AiServiceEntry | undefined {
  // Every policy asks about every resource: memoised per type token (a stack has few distinct ones).
  if (lookedUp.has(token)) return lookedUp.get(token);
  if (lookedUp.size >= MAX_MEMOISED_TOKENS) lookedUp.clear();
  const entry = lookupUncached(token);
  lookedUp.set(token, entry);
  return entry;
}

const MAX_MEMOISED_TOKENS = 10_000;
const lookedUp = new Map<string, AiServiceEntry | undefined>();

function lookupUncached(token: string): AiServiceEntry | undefined {
  const parts = withoutApiVersion(token.trim()).split(":");
  if (parts.length !== 3) return undefined;
  const [provider, middle, resourceClass] = parts as [string, string, string];
  const module = `${provider}:${middle.split("/")[0] ?? ""}`.toLowerCase();
  const found = MODULE_INDEX.get(module);
  if (found === undefined || resourceClass === "") return undefined;
  return {
    service: found.service,
    kind: kindOf(resourceClass),
    source: found.source,
    reviewed: REVIEWED,
    confidence: found.confidence,
    ...(found.note !== undefined ? { note: found.note } : {}),
  };
}
