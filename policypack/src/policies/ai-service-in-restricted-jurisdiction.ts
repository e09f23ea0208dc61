// ai-service-in-restricted-jurisdiction: a managed AI service (SageMaker, Bedrock, Azure OpenAI,
// Azure Machine Learning, …) placed in a restricted jurisdiction.
import { policyUrl } from "./docs-url";
import type { PlacementRuleSpec } from "./placement-rule";
import { placementRule } from "./placement-rule";
import { toPolicy } from "./rule";
import { aiServiceSubject } from "./subjects";

export const aiServiceInRestrictedJurisdictionSpec: PlacementRuleSpec = {
  metadata: {
    name: "ai-service-in-restricted-jurisdiction",
    displayName: "AI service in a restricted jurisdiction",
    description:
      "Denies managed AI services (Amazon SageMaker, Bedrock, Comprehend, Rekognition, Lex, " +
      "Kendra, Transcribe, Q Business; Azure Cognitive Services / OpenAI, Azure Machine " +
      "Learning) placed in a region of a restricted jurisdiction.",
    enforcementLevel: "mandatory",
    severity: "high",
    tags: ["jurisdiction", "ai-service"],
    framework: {
      name: "jurisdiction-guard",
      version: "1",
      reference: "Corporate AI-service placement control (not legal advice)",
      specification:
        "Corporate control keeping managed AI services out of restricted jurisdictions (EO 13984 context, EAR country groups); not legal advice.",
    },
    remediationSteps:
      "1. Deploy the AI service in a region outside the restricted jurisdictions: set `region` " +
      "(AWS) or `location` (Azure) on the resource, its parent account, or its provider. " +
      "2. If legal has approved this placement, add the region to the policy's `allowedRegions` " +
      "in the central pack config.",
    url: policyUrl("ai-service-in-restricted-jurisdiction"),
  },
  settings: ["restrictedJurisdictions", "allowedRegions", "restrictedRegions"],
  concerns: (facts) => facts.aiService !== undefined,
  select(facts) {
    const subject = aiServiceSubject(facts);
    return subject
      ? { kind: "subject", subject }
      : { kind: "not-applicable", reason: "not an AI service" };
  },
};

export const aiServiceInRestrictedJurisdiction = toPolicy(
  placementRule(aiServiceInRestrictedJurisdictionSpec),
);
