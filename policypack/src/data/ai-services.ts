// Pulumi resource type tokens that are AI services.
import type { AiServiceEntry } from "./types";

export function lookupAiService(_token: string): AiServiceEntry | undefined {
  return undefined;
}
