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

function rule(module: string, service: string, note?: string): AiServiceModuleRule {
  return {
    module,
    service,
    source: module.startsWith("aws:") ? "pulumi-aws-sdk" : "pulumi-azure-native-sdk",
    confidence: "verified",
    ...(note !== undefined ? { note } : {}),
  };
}

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

const MODULE_INDEX: ReadonlyMap<string, AiServiceModuleRule> = new Map(
  AI_SERVICE_MODULES.map((r) => [r.module.toLowerCase(), r]),
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
 * The AI service a resource type token belongs to, or undefined. Accepts `aws:<module>/<file>:<Class>`
 * and `azure-native:<module>:<Class>` (an Azure API version, if still present, is ignored).
 */
export function lookupAiService(token: string): AiServiceEntry | undefined {
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
