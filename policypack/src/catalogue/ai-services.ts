// The AI-service lookup: which AI service (data/ai-services.ts) a resource type token belongs to.
import { AI_SERVICE_MODULES, OTHER_PACKAGE_AI_SERVICE_MODULES } from "../data/ai-services";
import type { AiServiceModuleRule } from "../data/ai-services";
import type { AiServiceEntry } from "../data/types";
import { memoised } from "./memo";

export { AI_SERVICE_MODULES, OTHER_PACKAGE_AI_SERVICE_MODULES };
export type { AiServiceModuleRule };

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
export const lookupAiService: (token: string) => AiServiceEntry | undefined =
  memoised(lookupUncached);

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
    reviewed: found.reviewed,
    confidence: found.confidence,
    ...(found.note !== undefined ? { note: found.note } : {}),
  };
}
