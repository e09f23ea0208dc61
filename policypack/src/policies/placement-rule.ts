// Rules of the form "this kind of thing must not be placed in a restricted jurisdiction": the
// GPU and AI-service policies. A policy supplies what its subject is; placement, verdict and
// outcome are decided here, the same way for both.
import type { ResolvedSettings } from "../config";
import {
  awaitsStack,
  describe,
  indexStack,
  resolveComputeLinks,
  resolveInheritedPlacement,
} from "../facts";
import type { ResourceFacts, ResourceView } from "../facts/types";
import type { Outcome, PlacementVerdict, Subject } from "../findings";
import { notApplicableBecause } from "../report";
import { judgePlacements } from "./placement-verdict";
import type { Rule, RuleEnv } from "./rule";
import { isDefinite } from "./subjects";

/** What a policy makes of a resource's facts. */
export type Selection =
  | { readonly kind: "not-applicable"; readonly reason: string }
  /** The policy applies and the resource is clear of it (a CPU-only instance type). */
  | { readonly kind: "clear" }
  | { readonly kind: "subject"; readonly subject: Subject };

export interface PlacementRuleSpec {
  /** Whether the facts concern this policy at all, before settings. */
  concerns(facts: ResourceFacts): boolean;
  select(facts: ResourceFacts, settings: ResolvedSettings): Selection;
}

/** Maps a placement verdict to an outcome for this subject. */
export function decidePlacement(subject: Subject, verdict: PlacementVerdict): Outcome {
  switch (verdict.kind) {
    case "allowed":
      return { kind: "pass" };
    case "inherited":
      return { kind: "deferred" };
    case "computed":
      return { kind: "advisory", finding: { kind: "computed", subject, verdict } };
    case "restricted":
    case "unknown-region":
    case "unresolved":
      return isDefinite(subject)
        ? { kind: "violation", finding: { kind: "placement", subject, verdict } }
        : { kind: "advisory", finding: { kind: "computed", subject, verdict } };
  }
}

export function placementRule(p: PlacementRuleSpec): Rule {
  const rule: Rule = {
    concerns(view, env) {
      const facts = describe(view, env.ctx);
      return facts !== undefined && p.concerns(facts);
    },
    evaluate(view: ResourceView, env: RuleEnv, settings: ResolvedSettings): Outcome {
      const facts = describe(view, env.ctx);
      if (!facts) {
        return notApplicableBecause("neither-compute-nor-ai");
      }
      const sel = p.select(facts, settings);
      if (sel.kind === "not-applicable") return sel;
      if (sel.kind === "clear") return { kind: "pass" };
      const verdict = judgePlacements([facts.placement, ...facts.additionalPlacements], settings);
      // Decided at AnalyzeStack: a placement computed from another resource of the stack, or
      // hardware that a linked resource (an instance template) selects.
      if (verdict.kind === "computed" && awaitsStack(verdict.placement))
        return { kind: "deferred" };
      const linked = (facts.compute?.links?.length ?? 0) > 0 && !isDefinite(sel.subject);
      if (linked && verdict.kind !== "allowed") return { kind: "deferred" };
      return decidePlacement(sel.subject, verdict);
    },
    evaluateStack(views, env, settings) {
      const out: { view: ResourceView; outcome: Outcome }[] = [];
      let index: ReturnType<typeof indexStack> | undefined;
      for (const view of views) {
        const own = describe(view, env.ctx);
        if (!own || rule.evaluate(view, env, settings).kind !== "deferred") continue;
        index ??= indexStack(views, env.ctx);
        const facts = resolveComputeLinks(view, own, index, env.ctx);
        const sel = p.select(facts, settings);
        if (sel.kind !== "subject") continue;
        const placement = resolveInheritedPlacement(view, facts, index, env.ctx);
        // A parent that itself inherits cannot be followed further: unresolved, said so.
        const verdict: PlacementVerdict =
          placement.status === "inherited"
            ? {
                kind: "unresolved",
                placement: {
                  status: "unresolved",
                  cloud: facts.cloud,
                  tried: [`the parent resource named by \`${placement.via}\``],
                },
              }
            : judgePlacements([placement, ...facts.additionalPlacements], settings);
        out.push({ view, outcome: decidePlacement(sel.subject, verdict) });
      }
      return out;
    },
  };
  return rule;
}
