// Exemptions, held in each policy's config: valid ones turn a violation into a named advisory
// note, expired ones stop applying and say so, malformed ones are rejected naming the entry.
import type { ResourceValidationArgs } from "@pulumi/policy";
import { gpuInRestrictedJurisdiction as definition } from "../../../policypack/src/policies/gpu-in-restricted-jurisdiction";
import type { Outcome } from "../../../policypack/src/findings";
import { toPolicy } from "../../../policypack/src/policies/rule";
import { wordFinding } from "../../../policypack/src/report";
import { awsProvider, evaluate, fakeContext, gpuInstance } from "../../support/policies";

const rule = definition;
const TODAY = new Date("2026-11-22T12:00:00Z");
const ctx = { ...fakeContext(), now: () => TODAY };
const denied = gpuInstance({ provider: awsProvider({ region: "cn-north-1" }) });

function exemption(over: Record<string, unknown> = {}) {
  return {
    resource: "urn:pulumi:dev::proj::aws:ec2/instance:Instance::trainer",
    reason: "Approved by legal for the Beijing research lab",
    expires: "2027-01-31",
    approvedBy: "security@example.com",
    ...over,
  };
}

function text(outcome: Outcome): string {
  if (outcome.kind !== "violation" && outcome.kind !== "advisory") throw new Error(outcome.kind);
  return wordFinding(denied, outcome.finding);
}

describe("exemptions", () => {
  it("turn a matching violation into an advisory note naming the exemption, reason, approver and expiry", () => {
    const outcome = evaluate(rule, denied, { exemptions: [exemption()] }, ctx);
    expect(outcome.kind).toBe("advisory");
    const t = text(outcome);
    expect(t).toContain("exemptions[0]");
    expect(t).toContain("Beijing research lab");
    expect(t).toContain("security@example.com");
    expect(t).toContain("2027-01-31");
    expect(t).toContain("cn-north-1");
  });

  it("match URN globs where * crosses the slashes of type tokens", () => {
    const ex = exemption({ resource: "urn:pulumi:dev::*::aws:ec2/*::train*" });
    expect(evaluate(rule, denied, { exemptions: [ex] }, ctx).kind).toBe("advisory");
  });

  it("still apply on their expiry day", () => {
    const ex = exemption({ expires: "2026-11-22" });
    expect(evaluate(rule, denied, { exemptions: [ex] }, ctx).kind).toBe("advisory");
  });

  it("no longer apply once expired, and the violation says when they expired", () => {
    const outcome = evaluate(
      rule,
      denied,
      { exemptions: [exemption({ expires: "2026-11-21" })] },
      ctx,
    );
    expect(outcome.kind).toBe("violation");
    expect(text(outcome)).toMatch(/expired on 2026-11-21/);
  });

  it("leave a violation of another resource alone", () => {
    const ex = exemption({ resource: "urn:pulumi:prod::*" });
    expect(evaluate(rule, denied, { exemptions: [ex] }, ctx).kind).toBe("violation");
  });

  it("are rejected without a reason, naming the entry", () => {
    const { reason: _r, ...noReason } = exemption();
    const outcome = evaluate(rule, denied, { exemptions: [noReason] }, ctx);
    expect(outcome.kind).toBe("violation");
    expect(text(outcome)).toMatch(/exemptions\[0\].*reason/s);
  });

  it("are rejected with a date that is not a calendar date", () => {
    const outcome = evaluate(
      rule,
      denied,
      { exemptions: [exemption({ expires: "2027-02-30" })] },
      ctx,
    );
    expect(text(outcome)).toContain("exemptions[0].expires");
  });

  it("are rejected when they expire further out than maxExemptionDays", () => {
    const far = { exemptions: [exemption({ expires: "2028-01-01" })] };
    expect(text(evaluate(rule, denied, far, ctx))).toMatch(/more than maxExemptionDays \(365\)/);
    expect(evaluate(rule, denied, { ...far, maxExemptionDays: 730 }, ctx).kind).toBe("advisory");
  });

  it("cannot be made permanent: maxExemptionDays is at most 730", () => {
    const forever = { exemptions: [exemption({ expires: "9999-12-31" })], maxExemptionDays: 9999 };
    const outcome = evaluate(rule, denied, forever, ctx);
    expect(outcome.kind).toBe("violation");
    expect(text(outcome)).toMatch(/maxExemptionDays.*730/);
  });

  it.each([
    "*",
    "**",
    "urn:*",
    "*::trainer",
    "urn:pulumi:*::*::*::*",
    "urn:pulumi:*::proj::*::trainer",
    "urn:pulumi:*::proj::*",
  ])("are rejected when the glob %s pins neither the stack nor the type", (resource) => {
    const outcome = evaluate(rule, denied, { exemptions: [exemption({ resource })] }, ctx);
    expect(outcome.kind).toBe("violation");
    const t = text(outcome);
    expect(t).toContain(
      `exemptions[0].resource: "${resource}" pins neither the stack nor the resource type`,
    );
    expect(t).toContain("urn:pulumi:<stack>::<project>::<type>::<name>");
  });

  it.each([
    "urn:pulumi:dev::*",
    "urn:pulumi:dev::*::*::*",
    "urn:pulumi:*::*::aws:ec2/instance:Instance::*",
    "urn:pulumi:*::proj::aws:ec2/*::train*",
  ])("accept a glob that pins the stack or the type: %s", (resource) => {
    const outcome = evaluate(rule, denied, { exemptions: [exemption({ resource })] }, ctx);
    expect(outcome.kind).toBe("advisory");
  });

  it("are rejected with a malformed glob", () => {
    const outcome = evaluate(
      rule,
      denied,
      { exemptions: [exemption({ resource: "urn:pulumi:[dev::*" })] },
      ctx,
    );
    expect(text(outcome)).toContain("exemptions[0].resource");
  });

  it("are reported at advisory level through the SDK, not as a preview note", () => {
    const policy = toPolicy(rule, () => ctx);
    const report = jest.fn();
    const args = {
      type: denied.type,
      urn: denied.urn,
      name: denied.name,
      props: denied.props,
      provider: denied.provider,
      stackTags: new Map(),
      getConfig: () => ({ exemptions: [exemption()] }),
      notApplicable: () => undefined,
    } as unknown as ResourceValidationArgs;
    policy.validateResource(args, report);
    expect(report).toHaveBeenCalledWith(expect.objectContaining({ enforcementLevel: "advisory" }));
  });
});
