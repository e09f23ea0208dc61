// ai-service-in-restricted-jurisdiction: a managed AI service (SageMaker, Bedrock, Azure OpenAI,
// Vertex AI, PAI, ModelArts …) placed in a restricted jurisdiction.
import { COVERAGE } from "../facts";
import { notApplicableBecause, policyTexts } from "../report";
import { policyUrl } from "./docs-url";
import { placementRule } from "./placement-rule";
import { definePolicy } from "./rule";
import { aiServiceSubject } from "./subjects";

const NAME = "ai-service-in-restricted-jurisdiction";
const TEXT = policyTexts(COVERAGE).aiServicePlacement;

const endpointInHongKong = {
  type: "aws:sagemaker/endpoint:Endpoint",
  name: "inference",
  props: { endpointConfigName: "cfg" },
  provider: { package: "aws", props: { region: "ap-east-1" } },
};

export const aiServiceInRestrictedJurisdiction = definePolicy({
  metadata: {
    name: NAME,
    displayName: "AI service in a restricted jurisdiction",
    description: TEXT.description,
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
    remediationSteps: TEXT.remediationSteps,
    url: policyUrl(NAME),
  },
  settings: ["restrictedJurisdictions", "allowedRegions", "restrictedRegions"],
  rule: placementRule({
    concerns: (facts) => facts.aiService !== undefined,
    select(facts) {
      const subject = aiServiceSubject(facts);
      return subject ? { kind: "subject", subject } : notApplicableBecause("not-ai-service");
    },
  }),
  examples: [
    {
      title: "A SageMaker endpoint in ap-east-1 (Hong Kong)",
      resource: endpointInHongKong,
      expect: "violation",
    },
    {
      title: "An Azure OpenAI account in chinaeast2",
      resource: {
        type: "azure-native:cognitiveservices:Account",
        name: "openai",
        props: { location: "chinaeast2", kind: "OpenAI", sku: { name: "S0" } },
        provider: { package: "azure-native" },
      },
      expect: "violation",
    },
    {
      title: "A SageMaker endpoint in ap-east-1 with the region allowed after a legal review",
      resource: endpointInHongKong,
      config: { allowedRegions: ["ap-east-1"] },
      expect: "pass",
    },
  ],
});
