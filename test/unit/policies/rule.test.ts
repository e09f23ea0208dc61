// The SDK adapter: outcomes become violations, advisory notes (the SDK's unknown-value path),
// not-applicable answers, and internal errors never let a resource through silently.
import { UnknownValueError } from "@pulumi/policy";
import type { ResourceValidationArgs, StackValidationArgs } from "@pulumi/policy";
import { toPolicy } from "../../../policypack/src/policies/rule";
import { gpuInRestrictedJurisdiction as definition } from "../../../policypack/src/policies/gpu-in-restricted-jurisdiction";
import type { ResourceView } from "../../../policypack/src/facts/types";
import { COMPUTED, awsProvider, fakeContext, gpuInstance } from "../../support/policies";

class NotApplicable extends Error {}

function args(view: ResourceView, config: Record<string, unknown> = {}): ResourceValidationArgs {
  return {
    type: view.type,
    urn: view.urn,
    name: view.name,
    props: view.props as Record<string, unknown>,
    provider: view.provider
      ? { ...view.provider, props: view.provider.props as Record<string, unknown> }
      : undefined,
    opts: {
      protect: false,
      ignoreChanges: [],
      aliases: [],
      additionalSecretOutputs: [],
      customTimeouts: {},
    },
    stackTags: new Map(),
    getConfig: <T>() => config as T,
    notApplicable: (reason?: string) => {
      throw new NotApplicable(reason);
    },
    isType: () => false,
    asType: () => undefined,
  } as unknown as ResourceValidationArgs;
}

describe("jurisdiction policy adapter", () => {
  const policy = toPolicy(definition, () => fakeContext());

  it("reports a violation through reportViolation", () => {
    const report = jest.fn();
    policy.validateResource(
      args(gpuInstance({ provider: awsProvider({ region: "cn-north-1" }) })),
      report,
    );
    expect(report).toHaveBeenCalledTimes(1);
    expect(report.mock.calls[0]?.[0]).toContain("cn-north-1");
  });

  it("raises an advisory note as the SDK's UnknownValueError for a computed region", () => {
    const report = jest.fn();
    const call = () =>
      policy.validateResource(
        args(gpuInstance({ provider: awsProvider({ region: COMPUTED }) })),
        report,
      );
    expect(call).toThrow(UnknownValueError);
    expect(report).not.toHaveBeenCalled();
  });

  it("answers not-applicable for unrelated resource kinds", () => {
    const view: ResourceView = { ...gpuInstance(), type: "aws:s3/bucket:Bucket" };
    expect(() => policy.validateResource(args(view), jest.fn())).toThrow(NotApplicable);
  });

  it("signals not-applicable with the reason of each resource through one notApplicable function", () => {
    // As in the SDK: one function for every resource and policy, recognised by the error's class.
    class SdkNotApplicable extends Error {
      constructor(readonly reason?: string) {
        super(reason);
      }
    }
    const signal = jest.fn((reason?: string): never => {
      throw new SdkNotApplicable(reason);
    });
    const reasonOf = (view: ResourceView): string | undefined => {
      try {
        policy.validateResource({ ...args(view), notApplicable: signal }, jest.fn());
      } catch (e) {
        if (e instanceof SdkNotApplicable) return e.reason;
        throw e;
      }
      return "(no signal)";
    };
    const bucket: ResourceView = { ...gpuInstance(), type: "aws:s3/bucket:Bucket" };
    const endpoint: ResourceView = { ...gpuInstance(), type: "aws:sagemaker/endpoint:Endpoint" };
    const cpu = gpuInstance({ props: { instanceType: "m5.large" } });
    const china = gpuInstance({ provider: awsProvider({ region: "cn-north-1" }) });
    const first = reasonOf(bucket);
    const second = reasonOf(endpoint);
    expect(first).toMatch(/\S/);
    expect(second).toMatch(/\S/);
    expect(second).not.toBe(first);
    expect(reasonOf({ ...bucket, name: "other" })).toBe(first);
    expect(reasonOf({ ...endpoint, name: "other" })).toBe(second);
    expect(reasonOf(cpu)).toBe("(no signal)"); // a pass is not a not-applicable answer
    expect(reasonOf(china)).toBe("(no signal)"); // a violation is reported, not signalled
    const report = jest.fn();
    policy.validateResource({ ...args(china), notApplicable: signal }, report);
    expect(report).toHaveBeenCalledTimes(1);
    expect(reasonOf(bucket)).toBe(first);
  });

  it("lets a notApplicable function that returns decide nothing else", () => {
    const bucket: ResourceView = { ...gpuInstance(), type: "aws:s3/bucket:Bucket" };
    const signal = jest.fn((): never => undefined as never);
    const report = jest.fn();
    for (let i = 0; i < 2; i++) {
      policy.validateResource({ ...args(bucket), notApplicable: signal }, report);
    }
    expect(signal).toHaveBeenCalledTimes(2);
    expect(report).not.toHaveBeenCalled();
  });

  it("turns an exception inside evaluation into a violation instead of a pass", () => {
    const throwing = toPolicy(
      {
        ...definition,
        rule: {
          ...definition.rule,
          evaluate: () => {
            throw new Error("boom");
          },
        },
      },
      () => fakeContext(),
    );
    const report = jest.fn();
    throwing.validateResource(args(gpuInstance()), report);
    expect(report).toHaveBeenCalledTimes(1);
    expect(report.mock.calls[0]?.[0]).toMatch(/could not evaluate .*boom/s);
  });

  it("declares its settings as the config schema with defaults", () => {
    const props = policy.configSchema?.properties ?? {};
    expect(Object.keys(props).sort()).toEqual(
      [
        "acceleratorScope",
        "allowedRegions",
        "exemptions",
        "maxExemptionDays",
        "restrictedJurisdictions",
        "restrictedRegions",
      ].sort(),
    );
    expect((props["acceleratorScope"] as { default?: unknown }).default).toBe("any");
  });

  it("declares a closed config schema, so a key it does not declare is an error", () => {
    expect(
      (policy.configSchema as { additionalProperties?: unknown } | undefined)?.additionalProperties,
    ).toBe(false);
  });

  // Under the real engine a misspelled setting reaches the pack (the protocol's schema carries
  // only properties and required); the policy must then deny rather than pass on its defaults.
  it("reports a misspelled setting on a resource it decides, with the closest setting", () => {
    const report = jest.fn();
    const resource = gpuInstance({ provider: awsProvider({ region: "ru-central-1" }) });
    policy.validateResource(args(resource, { restrictedJurisdiction: ["RU"] }), report);
    expect(report).toHaveBeenCalledTimes(1);
    const lines = String(report.mock.calls[0]?.[0]).split("\n");
    expect(lines[0]).toMatch(
      /^The configuration of policy gpu-in-restricted-jurisdiction is invalid/,
    );
    expect(lines[1]).toBe(
      '- restrictedJurisdiction: is not a setting of this policy. Fix: did you mean "restrictedJurisdictions"? (its settings: restrictedJurisdictions, allowedRegions, restrictedRegions, acceleratorScope, exemptions, maxExemptionDays).',
    );
  });

  // The fail-open of issue #16: a rule whose declared concern is too narrow (it once was `() =>
  // false`) must still report an invalid config on a resource it would flag, not skip it.
  it("reports an invalid config on a resource the rule flags even when its declared concern misses it", () => {
    const narrow = toPolicy(
      { ...definition, rule: { ...definition.rule, concerns: () => false } },
      () => fakeContext(),
    );
    const resource = gpuInstance({ provider: awsProvider({ region: "cn-north-1" }) });
    const report = jest.fn();
    narrow.validateResource(args(resource, { restrictedJurisdictions: ["Hongkong"] }), report);
    expect(report).toHaveBeenCalledTimes(1);
    expect(report.mock.calls[0]?.[0]).toContain("restrictedJurisdictions[0]");
  });

  it("answers not-applicable on a resource the rule neither concerns nor flags with its defaults", () => {
    const narrow = toPolicy(
      { ...definition, rule: { ...definition.rule, concerns: () => false } },
      () => fakeContext(),
    );
    const allowed = gpuInstance({ provider: awsProvider({ region: "us-east-1" }) });
    const call = () =>
      narrow.validateResource(args(allowed, { restrictedJurisdictions: ["Hongkong"] }), jest.fn());
    expect(call).toThrow(NotApplicable);
  });

  it("reports an unreadable stack config on a resource it decides, and nothing else", () => {
    const unreadable = toPolicy(definition, () => ({
      ...fakeContext(),
      stackConfigProblem: "PULUMI_CONFIG is not valid JSON",
    }));
    const report = jest.fn();
    unreadable.validateResource(args(gpuInstance()), report);
    expect(report).toHaveBeenCalledTimes(1);
    expect(report.mock.calls[0]?.[0]).toMatch(
      /could not read the stack config.*PULUMI_CONFIG is not valid JSON/s,
    );
    const bucket: ResourceView = { ...gpuInstance(), type: "aws:s3/bucket:Bucket" };
    expect(() => unreadable.validateResource(args(bucket), jest.fn())).toThrow(NotApplicable);
  });

  it("has nothing to decide at the stack phase when no resource inherits its placement", () => {
    const report = jest.fn();
    const stackArgs = {
      resources: [],
      getConfig: <T>() => ({}) as T,
      stackTags: new Map(),
      notApplicable: () => undefined,
    } as unknown as StackValidationArgs;
    policy.validateStack?.(stackArgs, report);
    expect(report).not.toHaveBeenCalled();
  });

  it("lets go of the SDK's copy of the stack once its stack validation is done", () => {
    const view = gpuInstance();
    const resource = {
      ...view,
      opts: {},
      dependencies: [],
      propertyDependencies: {},
      isType: () => false,
      asType: () => undefined,
    };
    const stackArgs = {
      resources: [resource],
      getConfig: <T>() => ({}) as T,
      stackTags: new Map(),
      notApplicable: () => undefined,
    } as unknown as StackValidationArgs;
    policy.validateStack?.(stackArgs, jest.fn());
    expect(stackArgs.resources).toEqual([]);
    expect(Object.values(resource).every((v) => v === undefined)).toBe(true);
    expect(Object.keys(resource)).toContain("props");
  });
});
