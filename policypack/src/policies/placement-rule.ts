// Rules of the form "this kind of thing must not be placed in a restricted jurisdiction": the
// GPU and AI-service policies. A policy supplies what its subject is; placement, verdict and
// outcome are decided here, the same way for both.
import type { ResolvedSettings } from "../config";
import {
  awaitsStack,
  describeNature,
  indexStack,
  natureAwaitsStack,
  resolveComputeLinks,
  resolveInheritedFacts,
} from "../facts";
import type { ResourceFacts, ResourceNature, ResourceView } from "../facts/types";
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

/** What a policy selects by: what the resource is, never where (that is judged here). */
export interface PlacementRuleSpec {
  /** Whether the resource concerns this policy at all, before settings. */
  concerns(nature: ResourceNature): boolean;
  select(nature: ResourceNature, settings: ResolvedSettings): Selection;
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

/** The outcome for a subject at Analyze, or deferred when the stack decides it. */
function decideAtAnalyze(
  facts: ResourceFacts,
  subject: Subject,
  settings: ResolvedSettings,
): Outcome {
  const verdict = judgePlacements([facts.placement, ...facts.additionalPlacements], settings);
  // Decided at AnalyzeStack: a placement computed from another resource of the stack, or
  // hardware that a linked resource (an instance template) selects.
  if (verdict.kind === "computed" && awaitsStack(verdict.placement)) return { kind: "deferred" };
  const linked = (facts.compute?.links?.length ?? 0) > 0 && !isDefinite(subject);
  if (linked && verdict.kind !== "allowed") return { kind: "deferred" };
  return decidePlacement(subject, verdict);
}

export function placementRule(p: PlacementRuleSpec): Rule {
  return {
    concerns(view, env) {
      const nature = describeNature(view, env.ctx);
      return nature !== undefined && p.concerns(nature);
    },
    evaluate(view: ResourceView, env: RuleEnv, settings: ResolvedSettings): Outcome {
      const nature = describeNature(view, env.ctx);
      if (!nature) {
        return notApplicableBecause("neither-compute-nor-ai");
      }
      const sel = p.select(nature, settings);
      if (sel.kind === "not-applicable") return sel;
      if (sel.kind === "clear") return { kind: "pass" };
      return decideAtAnalyze(nature.placed(), sel.subject, settings);
    },
    evaluateStack(views, env, settings) {
      const out: { view: ResourceView; outcome: Outcome }[] = [];
      let index: ReturnType<typeof indexStack> | undefined;
      for (const view of views) {
        const nature = describeNature(view, env.ctx);
        if (!nature) continue;
        // Only a subject can come to a finding, and the stack changes where a resource is, not
        // what it is, unless links lend it hardware or it is a StackSet read per instance: no
        // other resource is placed at all.
        const sel = p.select(nature, settings);
        if (sel.kind !== "subject" && !natureAwaitsStack(nature)) continue;
        const own = nature.placed();
        // A StackSet's template may be clear with its defaults and GPU capacity with an instance's
        // parameter overrides: every resource that waits for the stack is looked at again, not
        // only those deferred at Analyze.
        if (
          !awaitsStack(own.placement) &&
          (sel.kind !== "subject" ||
            decideAtAnalyze(own, sel.subject, settings).kind !== "deferred")
        ) {
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
}
