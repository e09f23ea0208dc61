// Rules of the form "this kind of thing must not be placed in a restricted jurisdiction": the
// GPU and AI-service policies. A policy supplies what its subject is; placement, verdict and
// outcome are decided here, the same way for both.
import type { ResolvedSettings } from "../config";
import {
  awaitsStack,
  describe,
  describeLazily,
  indexStack,
  resolveComputeLinks,
  resolveInheritedFacts,
} from "../facts";
import type { KindFacts, ResourceView } from "../facts/types";
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
  concerns(facts: KindFacts): boolean;
  /** What the resource is decides the subject; where it runs is judged after, if there is one. */
  select(facts: KindFacts, settings: ResolvedSettings): Selection;
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
    case "unresolved":
      // A workload on a cluster whose placement is unknown: its nodes are judged where declared.
      if (subject.kind === "accelerator" && subject.workload === true && isDefinite(subject))
        return { kind: "advisory", finding: { kind: "placement", subject, verdict } };
      return isDefinite(subject)
        ? { kind: "violation", finding: { kind: "placement", subject, verdict } }
        : { kind: "advisory", finding: { kind: "computed", subject, verdict } };
    case "restricted":
    case "unknown-region":
      return isDefinite(subject)
        ? { kind: "violation", finding: { kind: "placement", subject, verdict } }
        : { kind: "advisory", finding: { kind: "computed", subject, verdict } };
  }
}

const GRAVITY: Readonly<Record<Outcome["kind"], number>> = {
  violation: 4,
  advisory: 3,
  deferred: 2,
  pass: 1,
  "not-applicable": 0,
};

/** The gravest of several outcomes (the first of equals); a pass when there are none. */
export function gravest(outcomes: readonly Outcome[]): Outcome {
  let worst: Outcome = { kind: "pass" };
  for (const o of outcomes) if (GRAVITY[o.kind] > GRAVITY[worst.kind]) worst = o;
  return worst;
}

export function placementRule(p: PlacementRuleSpec): Rule {
  const rule: Rule = {
    concerns(view, env) {
      const described = describeLazily(view, env.ctx);
      return described !== undefined && p.concerns(described.kind);
    },
    evaluate(view: ResourceView, env: RuleEnv, settings: ResolvedSettings): Outcome {
      const described = describeLazily(view, env.ctx);
      if (!described) {
        return notApplicableBecause("neither-compute-nor-ai");
      }
      const sel = p.select(described.kind, settings);
      if (sel.kind === "not-applicable") return sel;
      if (sel.kind === "clear") return { kind: "pass" };
      const facts = described.facts();
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
        if (!own) continue;
        // A StackSet's template may be clear with its defaults and GPU capacity with an instance's
        // parameter overrides: every resource that waits for the stack is looked at again, not
        // only those deferred at Analyze.
        if (!awaitsStack(own.placement) && rule.evaluate(view, env, settings).kind !== "deferred") {
          continue;
        }
        index ??= indexStack(views, env.ctx);
        const facts = resolveComputeLinks(view, own, index, env.ctx);
        // One outcome per place the resource is deployed to (a StackSet's instance regions, its
        // template read in each); the resource's outcome is the gravest of them.
        const outcomes = resolveInheritedFacts(view, facts, index, env.ctx).map((resolved) => {
          const sel = p.select(resolved, settings);
          if (sel.kind !== "subject") return { kind: "pass" } as const;
          const placement = resolved.placement;
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
              : judgePlacements([placement, ...resolved.additionalPlacements], settings);
          return decidePlacement(sel.subject, verdict);
        });
        out.push({ view, outcome: gravest(outcomes) });
      }
      return out;
    },
  };
  return rule;
}
