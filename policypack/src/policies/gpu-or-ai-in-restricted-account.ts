// gpu-or-ai-in-restricted-account: a GPU or AI resource deployed through an account,
// subscription, tenant or partition tied to a restricted jurisdiction, or in a stack tagged
// with one.
import { expandJurisdictions } from "../catalogue/jurisdictions";
import { describeAccounts, describeNature } from "../facts";
import type { Outcome, Subject, TieMatch } from "../findings";
import { COVERAGE } from "../facts";
import { notApplicableBecause, policyTexts } from "../report";
import { UNKNOWN_STRING } from "../values";
import { policyUrl } from "./docs-url";
import { tieReasons } from "./listing";
import { definePolicy } from "./rule";
import { acceleratorSubject, aiServiceSubject, isDefinite, mayBeGpuOrAi } from "./subjects";

const NAME = "gpu-or-ai-in-restricted-account";
const TEXT = policyTexts(COVERAGE).account;

const AWS_CN_ROLE = JSON.stringify([{ roleArn: "arn:aws-cn:iam::123456789012:role/deploy" }]);
const gpuInstance = (provider: Record<string, unknown>) => ({
  type: "aws:ec2/instance:Instance",
  name: "trainer",
  props: { ami: "ami-123", instanceType: "p4d.24xlarge" },
  provider: { package: "aws", props: provider },
});

export const gpuOrAiInRestrictedAccount = definePolicy({
  metadata: {
    name: NAME,
    displayName: "GPU or AI resource in an account tied to a restricted jurisdiction",
    description: TEXT.description,
    enforcementLevel: "mandatory",
    severity: "critical",
    tags: ["jurisdiction", "account", "accelerator", "ai-service"],
    framework: {
      name: "jurisdiction-guard",
      version: "1",
      reference:
        "EAR 15 CFR 744.23 headquarters test; EO 13984 (corporate control, not legal advice)",
      specification:
        "GPU and AI resources must not be operated through accounts tied to restricted jurisdictions.",
    },
    remediationSteps: TEXT.remediationSteps,
    url: policyUrl(NAME),
  },
  settings: [
    "restrictedJurisdictions",
    "acceleratorScope",
    "restrictedAccounts",
    "jurisdictionStackTag",
  ],
  rule: {
    concerns(view, env) {
      const facts = describeNature(view, env.ctx);
      return facts !== undefined && mayBeGpuOrAi(facts);
    },
    evaluate(view, env, settings): Outcome {
      const facts = describeNature(view, env.ctx);
      if (!facts) return notApplicableBecause("neither-compute-nor-ai");
      const subject: Subject | undefined =
        acceleratorSubject(facts, settings) ?? aiServiceSubject(facts);
      if (!subject) return { kind: "pass" };

      const matches: TieMatch[] = [];
      const accounts = describeAccounts(view, env.ctx);
      for (const tie of accounts?.ties ?? []) {
        for (const reason of tieReasons(tie, settings)) matches.push({ tie, reason });
      }

      const tag = settings.jurisdictionStackTag;
      const tagValue = env.stackTags.get(tag);
      if (tagValue !== undefined && tagValue.trim() !== "") {
        const expanded = expandJurisdictions([tagValue.trim()]);
        if (expanded.invalid.length > 0) {
          return {
            kind: "violation",
            finding: { kind: "invalid-stack-tag", subject, tag, value: tagValue },
          };
        }
        for (const country of expanded.countries) {
          const via = settings.restricted.get(country);
          if (via) {
            matches.push({
              tie: { kind: "stack-tag", value: tagValue, path: `stack tag ${tag}` },
              reason: { by: "jurisdiction", country, via },
            });
          }
        }
      }

      if (matches.length > 0) {
        const finding = { kind: "restricted-account" as const, subject, ties: matches };
        return isDefinite(subject) ? { kind: "violation", finding } : { kind: "advisory", finding };
      }
      if (accounts && accounts.computed.length > 0) {
        return {
          kind: "advisory",
          finding: {
            kind: "computed-identifiers",
            about: { kind: "account", subject },
            paths: accounts.computed,
          },
        };
      }
      return { kind: "pass" };
    },
  },
  examples: [
    {
      title: "A GPU instance deployed through a role in the aws-cn partition",
      resource: gpuInstance({ region: "us-east-1", assumeRoles: AWS_CN_ROLE }),
      expect: "violation",
    },
    {
      title: "A GPU instance deployed through an account listed in restrictedAccounts",
      resource: gpuInstance({ region: "us-east-1", allowedAccountIds: ["111122223333"] }),
      config: {
        restrictedAccounts: [{ id: "111122223333", jurisdiction: "CN", note: "Shanghai JV" }],
      },
      expect: "violation",
    },
    {
      title: "A SageMaker endpoint in a stack tagged jurisdiction=RU",
      resource: {
        type: "aws:sagemaker/endpoint:Endpoint",
        name: "inference",
        props: { endpointConfigName: "cfg" },
        provider: { package: "aws" },
      },
      stackTags: { jurisdiction: "RU" },
      expect: "violation",
    },
    {
      title: "A GPU instance whose provider's assumed roles are computed during preview",
      resource: gpuInstance({ region: "us-east-1", assumeRoles: UNKNOWN_STRING }),
      expect: "advisory",
    },
  ],
});
