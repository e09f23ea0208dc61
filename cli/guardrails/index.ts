// The guardrail targets, one registry: `jurisdiction-guard guardrails --target NAME` and the docs
// derive their lists from it. Each target is loaded only when asked for.
import type { GuardrailTarget } from "./types";

export const TARGET_NAMES = ["aws-scp", "azure-policy", "gcp-org-policy"] as const;
export type TargetName = (typeof TARGET_NAMES)[number];

export function loadTarget(name: TargetName): GuardrailTarget {
  /* eslint-disable @typescript-eslint/no-require-imports */
  switch (name) {
    case "aws-scp":
      return (require("./aws-scp") as { AWS_SCP: GuardrailTarget }).AWS_SCP;
    case "azure-policy":
      return (require("./azure-policy") as { AZURE_POLICY: GuardrailTarget }).AZURE_POLICY;
    case "gcp-org-policy":
      return (require("./gcp-org-policy") as { GCP_ORG_POLICY: GuardrailTarget }).GCP_ORG_POLICY;
  }
  /* eslint-enable @typescript-eslint/no-require-imports */
}

export type { GuardrailFile, GuardrailOutput, GuardrailTarget, TargetOptions } from "./types";
