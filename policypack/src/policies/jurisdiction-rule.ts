// The machinery shared by the jurisdiction policies: from engine arguments to facts, settings,
// a verdict and a worded finding, with explicit outcomes (violation, advisory note, not
// applicable, pass) and nothing let through silently when evaluation fails.
import * as policySdk from "@pulumi/policy";
import type {
  PolicyResource,
  ReportViolation,
  ResourceValidation,
  ResourceValidationArgs,
  ResourceValidationPolicy,
  StackValidation,
  StackValidationArgs,
} from "@pulumi/policy";
import type { ParsedSettings, ResolvedSettings, SettingName } from "../config";
import { configSchemaFor, parseSettings } from "../config";
import { currentContext } from "../context";
import { describe, viewOf } from "../facts";
import { indexStack, resolveInherited } from "../facts/azure";
import type { EvalContext, ResourceFacts, ResourceView } from "../facts/types";
import type { Finding, ResourceRef, Subject } from "../report";
import { wordFinding } from "../report";
import { UNKNOWN_SENTINELS } from "../values";
import type { PlacementVerdict } from "./placement-verdict";
import { judgePlacement } from "./placement-verdict";

/** What a policy makes of a resource's facts. */
export type Selection =
  | { readonly kind: "not-applicable"; readonly reason: string }
  /** The policy applies and the resource is clear of it (a CPU-only instance type). */
  | { readonly kind: "clear" }
  | { readonly kind: "subject"; readonly subject: Subject };

export type PolicyMetadata = Pick<
  ResourceValidationPolicy,
  | "name"
  | "description"
  | "displayName"
  | "severity"
  | "remediationSteps"
  | "url"
  | "tags"
  | "framework"
> & { enforcementLevel: "mandatory" | "advisory" };

export interface JurisdictionRuleSpec {
  readonly metadata: PolicyMetadata;
  readonly settings: readonly SettingName[];
  /** Whether the facts concern this policy at all, before settings (used when config is bad). */
  concerns(facts: ResourceFacts): boolean;
  select(facts: ResourceFacts, settings: ResolvedSettings): Selection;
}

/** One resource's outcome for one policy. */
export type Outcome =
  | { readonly kind: "not-applicable"; readonly reason: string }
  | { readonly kind: "pass" }
  | { readonly kind: "deferred" }
  | { readonly kind: "violation"; readonly finding: Finding }
  | { readonly kind: "advisory"; readonly finding: Finding };

function definite(subject: Subject): boolean {
  return subject.kind === "ai-service" || subject.uses.length > 0;
}

/** Maps a placement verdict to an outcome for this subject. */
function decide(subject: Subject, verdict: PlacementVerdict): Outcome {
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
      return definite(subject)
        ? { kind: "violation", finding: { kind: "placement", subject, verdict } }
        : { kind: "advisory", finding: { kind: "computed", subject, verdict } };
  }
}

function settingsOrOutcome(
  spec: JurisdictionRuleSpec,
  facts: ResourceFacts,
  raw: Readonly<Record<string, unknown>>,
): { settings: ResolvedSettings } | { outcome: Outcome } {
  const parsed: ParsedSettings = parseSettings(spec.settings, raw);
  if (parsed.ok) return { settings: parsed.settings };
  if (!spec.concerns(facts))
    return { outcome: { kind: "not-applicable", reason: "not concerned" } };
  return {
    outcome: {
      kind: "violation",
      finding: { kind: "invalid-config", policy: spec.metadata.name, errors: parsed.errors },
    },
  };
}

/** The resource-phase decision, as a pure function (unit tests call it directly). */
export function evaluateResource(
  spec: JurisdictionRuleSpec,
  view: ResourceView,
  ctx: EvalContext,
  rawConfig: Readonly<Record<string, unknown>>,
): Outcome {
  const facts = describe(view, ctx);
  if (!facts) {
    return {
      kind: "not-applicable",
      reason: "neither accelerator-capable compute nor an AI service",
    };
  }
  const s = settingsOrOutcome(spec, facts, rawConfig);
  if ("outcome" in s) return s.outcome;
  const sel = spec.select(facts, s.settings);
  if (sel.kind === "not-applicable") return sel;
  if (sel.kind === "clear") return { kind: "pass" };
  return decide(sel.subject, judgePlacement(facts.placement, s.settings));
}

/** The stack-phase decision for resources whose placement comes from a parent resource. */
export function evaluateStack(
  spec: JurisdictionRuleSpec,
  views: readonly ResourceView[],
  ctx: EvalContext,
  rawConfig: Readonly<Record<string, unknown>>,
): { view: ResourceView; outcome: Outcome }[] {
  const out: { view: ResourceView; outcome: Outcome }[] = [];
  let index: ReturnType<typeof indexStack> | undefined;
  for (const view of views) {
    const facts = describe(view, ctx);
    if (!facts || facts.placement.status !== "inherited") continue;
    const s = settingsOrOutcome(spec, facts, rawConfig);
    if ("outcome" in s) {
      // Invalid config is already reported per resource; don't repeat it here.
      continue;
    }
    const sel = spec.select(facts, s.settings);
    if (sel.kind !== "subject") continue;
    index ??= indexStack(views);
    const placement = resolveInherited(view, facts.token, index, ctx);
    const outcome = decide(sel.subject, judgePlacement(placement, s.settings));
    // A parent that is itself inherited cannot be followed further: say so.
    out.push({
      view,
      outcome:
        outcome.kind === "deferred"
          ? decide(sel.subject, {
              kind: "unresolved",
              placement: {
                status: "unresolved",
                cloud: facts.cloud,
                tried: ["the parent resource"],
              },
            })
          : outcome,
    });
  }
  return out;
}

const UNKNOWN_STRING = [...UNKNOWN_SENTINELS][2] as string;
type UnknownValueErrorCtor = new (sentinel: string, props: string[]) => Error;

/**
 * An advisory note, raised the way the policy SDK raises notes for values unknown during preview:
 * the SDK reports it at advisory level, whatever the policy's level.
 */
function advisoryNote(message: string): Error {
  const Ctor = (policySdk as unknown as { UnknownValueError: UnknownValueErrorCtor })
    .UnknownValueError;
  const e = new Ctor(UNKNOWN_STRING, []);
  e.message = message;
  return e;
}

function refOf(view: ResourceView): ResourceRef {
  return { type: view.type, name: view.name };
}

function internalError(spec: JurisdictionRuleSpec, e: unknown): Finding {
  const detail = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  return { kind: "internal-error", policy: spec.metadata.name, detail };
}

function stackViews(resources: readonly PolicyResource[]): ResourceView[] {
  return resources.map((r) => ({
    ...viewOf(r),
    parent: r.parent?.urn,
    dependencies: r.dependencies.map((d) => d.urn),
    propertyDependencies: Object.fromEntries(
      Object.entries(r.propertyDependencies).map(([k, deps]) => [k, deps.map((d) => d.urn)]),
    ),
  }));
}

export type JurisdictionPolicy = Omit<ResourceValidationPolicy, "validateResource"> & {
  validateResource: ResourceValidation;
  validateStack: StackValidation;
};

/**
 * Builds the SDK policy object. It validates each resource, and at the end of the run decides the
 * resources whose placement only the stack shows (an AKS agent pool takes its cluster's location).
 */
export function jurisdictionPolicy(
  spec: JurisdictionRuleSpec,
  ctx: () => EvalContext = currentContext,
): JurisdictionPolicy {
  return {
    ...spec.metadata,
    configSchema: configSchemaFor(spec.settings),
    validateResource: (args: ResourceValidationArgs, report: ReportViolation) => {
      const view = viewOf(args);
      let outcome: Outcome;
      try {
        outcome = evaluateResource(spec, view, ctx(), args.getConfig());
      } catch (e) {
        outcome = { kind: "violation", finding: internalError(spec, e) };
      }
      switch (outcome.kind) {
        case "not-applicable":
          args.notApplicable(outcome.reason);
          return;
        case "violation":
          report(wordFinding(refOf(view), outcome.finding));
          return;
        case "advisory":
          throw advisoryNote(wordFinding(refOf(view), outcome.finding));
        default:
          return;
      }
    },
    validateStack: (args: StackValidationArgs, report: ReportViolation) => {
      const notes: string[] = [];
      let views: ResourceView[] = [];
      try {
        views = stackViews(args.resources);
        for (const { view, outcome } of evaluateStack(spec, views, ctx(), args.getConfig())) {
          if (outcome.kind === "violation")
            report(wordFinding(refOf(view), outcome.finding), view.urn);
          if (outcome.kind === "advisory")
            notes.push(`${view.urn}: ${wordFinding(refOf(view), outcome.finding)}`);
        }
      } catch (e) {
        report(wordFinding({ type: "stack", name: "(all resources)" }, internalError(spec, e)));
      }
      if (notes.length > 0) throw advisoryNote(notes.join("\n\n"));
    },
  };
}
