// The SDK adapter shared by every policy: engine arguments in, explicit outcomes out
// (violation, advisory note, not applicable, pass), worded by report.ts. Nothing is let through
// silently when evaluation fails: an exception becomes a violation that says so.
import * as policySdk from "@pulumi/policy";
import type {
  ReportViolation,
  ResourceValidation,
  ResourceValidationArgs,
  ResourceValidationPolicy,
  StackValidation,
  StackValidationArgs,
} from "@pulumi/policy";
import type { Exemptions, ParsedSettings, ResolvedSettings, SettingName } from "../config";
import { COMMON_SETTINGS, configSchemaFor, isoDay, parseSettings } from "../config";
import { currentContext } from "../context";
import type { ReportingLevel } from "../levels";
import { stackViewsOf, viewOf } from "../facts";
import type { EvalContext, ResourceView } from "../facts/types";
import type { Finding, Outcome, ResourceRef } from "../findings";
import { notApplicableBecause, wordFinding } from "../report";
import { UNKNOWN_STRING } from "../values";

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
> & { enforcementLevel: ReportingLevel };

/** What a rule sees besides the resource. */
export interface RuleEnv {
  readonly ctx: EvalContext;
  readonly stackTags: ReadonlyMap<string, string>;
}

/** A policy's decision: pure, over a resource's facts, the stack and the policy's settings. */
export interface Rule {
  /** Whether the resource concerns this policy at all (decides if a bad config is reported on it). */
  concerns(view: ResourceView, env: RuleEnv): boolean;
  evaluate(view: ResourceView, env: RuleEnv, settings: ResolvedSettings): Outcome;
  /** Stack phase: decisions that need the whole stack. */
  evaluateStack?(
    views: readonly ResourceView[],
    env: RuleEnv,
    settings: ResolvedSettings,
  ): { view: ResourceView; outcome: Outcome }[];
}

/**
 * A resource the docs evaluate a policy on, as data (test/support builds the resource view): its
 * type, name and inputs, and its provider's package and inputs (absent: the package's default
 * provider with its defaults).
 */
export interface PolicyExample {
  readonly title: string;
  readonly resource: {
    readonly type: string;
    readonly name: string;
    readonly props: Readonly<Record<string, unknown>>;
    readonly provider?: {
      readonly package: string;
      /** Absent: the default provider's usual inputs (test/support). */
      readonly props?: Readonly<Record<string, unknown>>;
    };
  };
  /** The policy's config entry (settings), as in the pack config file. */
  readonly config?: Readonly<Record<string, unknown>>;
  readonly stackTags?: Readonly<Record<string, string>>;
  /** The outcome the example is meant to show: generating the docs fails if the rule decides otherwise. */
  readonly expect: Outcome["kind"];
}

/**
 * One policy, declared once: its metadata (what the engine shows; texts worded by report.ts), the
 * settings it declares (its part of the config schema), its rule and the examples its docs show.
 * policies/index.ts lists every definition; the pack, lib, docs and config checker derive from it.
 */
export interface PolicyDefinition<N extends string = string> {
  readonly metadata: PolicyMetadata & { readonly name: N };
  readonly settings: readonly SettingName[];
  readonly rule: Rule;
  readonly examples: readonly PolicyExample[];
  /** What the rule counts and does not count, beyond its description (docs/policies.md only). */
  readonly notes?: readonly string[];
}

/** Declares a policy, keeping its name's literal type (PolicyName derives from the registry). */
export function definePolicy<const N extends string>(
  definition: PolicyDefinition<N>,
): PolicyDefinition<N> {
  return definition;
}

/** What the SDK adapter needs of a policy. */
export type RuleSpec = Pick<PolicyDefinition, "metadata" | "settings" | "rule">;

/** Every setting a policy declares: its own and the common ones (exemptions). */
export function settingsOf(spec: RuleSpec): readonly SettingName[] {
  let names = declaredSettings.get(spec);
  if (!names) {
    names = [...spec.settings, ...COMMON_SETTINGS.filter((c) => !spec.settings.includes(c))];
    declaredSettings.set(spec, names);
  }
  return names;
}
/** Computed once per rule: settingsOf is on the per-resource path. */
const declaredSettings = new WeakMap<RuleSpec, readonly SettingName[]>();

const MS_PER_DAY = 86_400_000;
let lastDay = { number: Number.NaN, text: "" };

/** Today (UTC) as "YYYY-MM-DD", formatted once per day rather than per resource. */
function today(env: RuleEnv): string {
  const ms = env.ctx.now?.().getTime() ?? Date.now();
  const number = Math.floor(ms / MS_PER_DAY);
  if (number !== lastDay.number) lastDay = { number, text: isoDay(new Date(ms)) };
  return lastDay.text;
}

function parse(
  spec: RuleSpec,
  env: RuleEnv,
  raw: Readonly<Record<string, unknown>>,
  day: string = today(env),
): ParsedSettings {
  return parseSettings(settingsOf(spec), raw, day);
}

/**
 * `args.notApplicable` throws an Error that the SDK catches straight away, recognises by its class
 * and reads the reason of; its stack trace is never read, and capturing one is most of the call's
 * cost. Most resources are not applicable to most policies, so the error thrown for a reason is
 * kept and thrown again for the next resource: building it and unwinding through the SDK's
 * function cost more than the policy's decision. Kept per `notApplicable` function (the SDK's is
 * one for the process); one that returns instead of throwing is called every time.
 */
function notApplicable(args: ResourceValidationArgs, reason: string): void {
  const signal = args.notApplicable;
  const known = notApplicableErrors.get(signal)?.get(reason);
  if (known !== undefined) throw known.error;
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    signal.call(args, reason);
  } catch (error) {
    let byReason = notApplicableErrors.get(signal);
    if (!byReason) notApplicableErrors.set(signal, (byReason = new Map()));
    if (byReason.size < MAX_KEPT_REASONS) byReason.set(reason, { error });
    throw error;
  } finally {
    Error.stackTraceLimit = limit;
  }
}
/** The error each `notApplicable` function threw for each reason (reasons are report.ts texts). */
const MAX_KEPT_REASONS = 64;
const notApplicableErrors = new WeakMap<
  ResourceValidationArgs["notApplicable"],
  Map<string, { readonly error: unknown }>
>();

/**
 * Applies the policy's exemptions to a violation: a matching, unexpired exemption turns it into
 * an advisory note naming the exemption; an expired one leaves it a violation that says so.
 * Configuration errors and evaluation failures are never exempted.
 */
export function applyExemptions(
  outcome: Outcome,
  urn: string,
  exemptions: Exemptions,
  day: string,
): Outcome {
  if (outcome.kind !== "violation" || exemptions.size === 0) return outcome;
  const { finding } = outcome;
  if (
    finding.kind === "invalid-config" ||
    finding.kind === "unreadable-stack-config" ||
    finding.kind === "internal-error"
  )
    return outcome;
  const matching = exemptions.matching(urn);
  const current = matching.find((e) => e.expires >= day);
  if (current)
    return { kind: "advisory", finding: { kind: "exempted", exemption: current, finding } };
  const expired = matching[0];
  if (expired)
    return {
      kind: "violation",
      finding: { kind: "exemption-expired", exemption: expired, finding },
    };
  return outcome;
}

/** Settings validation and exemptions wrapped around a rule's evaluation. */
export function evaluateWithConfig(
  spec: RuleSpec,
  view: ResourceView,
  env: RuleEnv,
  rawConfig: Readonly<Record<string, unknown>>,
): Outcome {
  const day = today(env);
  const parsed = parse(spec, env, rawConfig, day);
  const usable = usableSettings(spec, parsed, env);
  if (!usable.ok) {
    return decides(spec, view, env, parsed, day)
      ? { kind: "violation", finding: usable.finding }
      : notApplicableBecause("outside-concern");
  }
  const outcome = failClosedOnUnreadable(spec.rule.evaluate(view, env, usable.settings), env);
  return applyExemptions(outcome, view.urn, usable.settings.exemptions, day);
}

/**
 * The settings to decide with, or why the policy cannot decide with the configuration it was given:
 * its own settings are invalid, or the stack config (PULUMI_CONFIG, where `aws:region` and the
 * like come from) could not be read.
 */
function usableSettings(
  spec: RuleSpec,
  parsed: ParsedSettings,
  env: RuleEnv,
): { ok: true; settings: ResolvedSettings } | { ok: false; finding: Finding } {
  const policy = spec.metadata.name;
  if (!parsed.ok)
    return { ok: false, finding: { kind: "invalid-config", policy, errors: parsed.errors } };
  const problem = env.ctx.stackConfigProblem;
  if (problem !== undefined) {
    return { ok: false, finding: { kind: "unreadable-stack-config", policy, problem } };
  }
  return parsed;
}

/**
 * Whether the policy would decide this resource, asked when its configuration is unusable: then the
 * resource gets a finding instead of a decision, never "not applicable" (which would let it
 * through). The rule's declared concern, and as a safety net for a concern declared too narrowly,
 * whether the rule flags or defers the resource under the settings it has, or, when those are
 * invalid, under the defaults. A rule that throws here concerns the resource (fails closed).
 */
function decides(
  spec: RuleSpec,
  view: ResourceView,
  env: RuleEnv,
  parsed: ParsedSettings,
  day: string,
): boolean {
  try {
    if (spec.rule.concerns(view, env)) return true;
    const usable = parsed.ok ? parsed : parse(spec, env, {}, day);
    if (!usable.ok) return true;
    const outcome = spec.rule.evaluate(view, env, usable.settings);
    return outcome.kind !== "not-applicable" && outcome.kind !== "pass";
  } catch {
    return true;
  }
}

/**
 * When unknown values are unreadable secrets with no `pulumi up` after them (an offline scan of a
 * stack export, EvalContext.unknowns), a decision that waits for them fails closed: the advisory
 * note becomes a violation that says the value is encrypted. Exemption and placement notes are decided already.
 */
export function failClosedOnUnreadable(outcome: Outcome, env: RuleEnv): Outcome {
  if (env.ctx.unknowns !== "unreadable" || outcome.kind !== "advisory") return outcome;
  const { finding } = outcome;
  if (isDecidedNote(finding)) return outcome;
  return { kind: "violation", finding: { kind: "unreadable", finding } };
}

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

/**
 * Reports at advisory level whatever the policy's level: the SDK's reportViolation also takes a
 * violation object with its own enforcementLevel (server.js makeReportViolationFun, >= 1.18),
 * though its type declares only the string form. Used for exemptions, which are decided, not
 * unknown, so the "can't run during preview" note of advisoryNote would mislead.
 */
function reportAdvisory(report: ReportViolation, message: string, urn?: string): void {
  const withLevel = report as unknown as (v: {
    message: string;
    urn?: string;
    enforcementLevel: "advisory";
  }) => void;
  withLevel({ message, urn, enforcementLevel: "advisory" });
}

/**
 * Advisory findings that wait for no value, reported against the resource at advisory level: an
 * exemption, or a placement note (a workload on a cluster of unknown placement). Every other
 * advisory finding waits for a value computed during preview.
 */
function isDecidedNote(finding: Finding): boolean {
  return finding.kind === "exempted" || finding.kind === "placement";
}

function refOf(view: ResourceView): ResourceRef {
  return { type: view.type, name: view.name };
}

function internalError(spec: RuleSpec, e: unknown): Finding {
  const detail = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  return { kind: "internal-error", policy: spec.metadata.name, detail };
}

/**
 * Lets go of the SDK's copy of the stack once this policy is done with it. The SDK builds every
 * resource afresh for each stack policy (its props copied, a proxy, closures, the provider read
 * again) and keeps the previous policy's copies reachable from its loop until the next policy's
 * are built: two copies of the whole stack at once (about 160 MiB each at 100k resources). Nothing
 * reads them after validateStack returns, so their fields are cleared and only empty objects stay.
 */
function releaseStack(args: StackValidationArgs): void {
  for (const resource of args.resources) {
    const fields = resource as unknown as Record<string, unknown>;
    for (const key of Object.keys(fields)) fields[key] = undefined;
  }
  (args as { resources: StackValidationArgs["resources"] }).resources = [];
}

export type GuardPolicy = Omit<ResourceValidationPolicy, "validateResource"> & {
  validateResource: ResourceValidation;
  validateStack?: StackValidation;
};

/**
 * Builds the SDK policy object. When the rule has a stack phase, the same policy (one name, one
 * config) also validates the stack at the end of the run: the SDK dispatches on the functions a
 * policy has.
 */
export function toPolicy(spec: RuleSpec, ctx: () => EvalContext = currentContext): GuardPolicy {
  const policy: GuardPolicy = {
    ...spec.metadata,
    configSchema: configSchemaFor(settingsOf(spec)),
    validateResource: (args: ResourceValidationArgs, report: ReportViolation) => {
      const view = viewOf(args);
      let outcome: Outcome;
      try {
        const env = { ctx: ctx(), stackTags: args.stackTags ?? new Map<string, string>() };
        outcome = evaluateWithConfig(spec, view, env, args.getConfig());
      } catch (e) {
        outcome = { kind: "violation", finding: internalError(spec, e) };
      }
      switch (outcome.kind) {
        case "not-applicable":
          notApplicable(args, outcome.reason);
          return;
        case "violation":
          report(wordFinding(refOf(view), outcome.finding));
          return;
        case "advisory":
          if (isDecidedNote(outcome.finding)) {
            reportAdvisory(report, wordFinding(refOf(view), outcome.finding));
            return;
          }
          throw advisoryNote(wordFinding(refOf(view), outcome.finding));
        default:
          return;
      }
    },
  };
  const evaluateStack = spec.rule.evaluateStack?.bind(spec.rule);
  if (evaluateStack) {
    policy.validateStack = (args: StackValidationArgs, report: ReportViolation) => {
      try {
        const env = { ctx: ctx(), stackTags: args.stackTags ?? new Map<string, string>() };
        const day = today(env);
        const parsed = parse(spec, env, args.getConfig(), day);
        // An unusable config is reported on each resource the policy decides already.
        if (!parsed.ok || env.ctx.stackConfigProblem !== undefined) return;
        const { exemptions } = parsed.settings;
        for (const result of evaluateStack(stackViewsOf(args.resources), env, parsed.settings)) {
          const { view } = result;
          const outcome = applyExemptions(
            failClosedOnUnreadable(result.outcome, env),
            view.urn,
            exemptions,
            day,
          );
          const text = (f: Finding) => wordFinding(refOf(view), f);
          if (outcome.kind === "violation") report(text(outcome.finding), view.urn);
          // Advisory notes name their resource, as at Analyze (exemptions and computed values).
          if (outcome.kind === "advisory") reportAdvisory(report, text(outcome.finding), view.urn);
        }
      } catch (e) {
        report(wordFinding({ type: "stack", name: "(all resources)" }, internalError(spec, e)));
      } finally {
        releaseStack(args);
      }
    };
  }
  return policy;
}
