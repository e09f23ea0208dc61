// gpu-or-ai-in-restricted-account: a GPU or AI resource deployed through an account,
// subscription, tenant or partition tied to a restricted jurisdiction, or in a stack tagged
// with one.
import { expandJurisdictions } from "../catalogue/jurisdictions";
import { describe, describeAccounts } from "../facts";
import type { Subject, TieMatch } from "../report";
import { policyUrl } from "./docs-url";
import { tieReasons } from "./listing";
import type { Outcome, RuleSpec } from "./rule";
import { toPolicy } from "./rule";
import { acceleratorSubject, aiServiceSubject, isDefinite, mayBeGpuOrAi } from "./subjects";

const NAME = "gpu-or-ai-in-restricted-account";

export const gpuOrAiInRestrictedAccountRule: RuleSpec = {
  metadata: {
    name: NAME,
    displayName: "GPU or AI resource in an account tied to a restricted jurisdiction",
    description:
      "Denies GPU, AI-accelerator and AI-service resources deployed through an account, " +
      "subscription, tenant or partition tied to a restricted jurisdiction (AWS China " +
      "partition, Azure China cloud, listed accounts), or in a stack tagged with one.",
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
    remediationSteps:
      "1. Deploy through an account outside the restricted jurisdictions: change the provider's " +
      "allowedAccountIds / assumed role (AWS) or subscription / tenant / environment (Azure). " +
      "2. If the stack is tagged with a restricted jurisdiction, move the GPU or AI resource to " +
      "another stack. 3. If an account is listed by mistake, fix `restrictedAccounts` in the " +
      "central pack config.",
    url: policyUrl(NAME),
  },
  settings: [
    "restrictedJurisdictions",
    "acceleratorScope",
    "restrictedAccounts",
    "jurisdictionStackTag",
  ],
  concerns(view, env) {
    const facts = describe(view, env.ctx);
    return facts !== undefined && mayBeGpuOrAi(facts);
  },
  evaluate(view, env, settings): Outcome {
    const facts = describe(view, env.ctx);
    if (!facts)
      return {
        kind: "not-applicable",
        reason: "neither accelerator-capable compute nor an AI service",
      };
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
};

export const gpuOrAiInRestrictedAccount = toPolicy(gpuOrAiInRestrictedAccountRule);
