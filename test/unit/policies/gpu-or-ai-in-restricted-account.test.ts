import { gpuOrAiInRestrictedAccount as rule } from "../../../policypack/src/policies/gpu-or-ai-in-restricted-account";
import type { Outcome } from "../../../policypack/src/findings";
import { wordFinding } from "../../../policypack/src/report";
import type { ResourceView } from "../../../policypack/src/facts/types";
import {
  COMPUTED,
  awsProvider,
  azureProvider,
  evaluate,
  fakeContext,
  gpuInstance,
  resource,
  sagemakerEndpoint,
} from "../../support/policies";

function text(view: ResourceView, outcome: Outcome): string {
  if (outcome.kind !== "violation" && outcome.kind !== "advisory") throw new Error(outcome.kind);
  return wordFinding(view, outcome.finding);
}

const JV_ACCOUNT = "111122223333";

describe("gpu-or-ai-in-restricted-account", () => {
  it("passes a GPU instance deployed through an unlisted account", () => {
    const view = gpuInstance({
      provider: awsProvider({ region: "us-east-1", allowedAccountIds: ["444455556666"] }),
    });
    expect(evaluate(rule, view).kind).toBe("pass");
  });

  it("denies a GPU instance whose provider assumes a role in the aws-cn partition", () => {
    const view = gpuInstance({
      provider: awsProvider({
        region: "us-east-1",
        assumeRoles: JSON.stringify([{ roleArn: "arn:aws-cn:iam::123456789012:role/deploy" }]),
      }),
    });
    const outcome = evaluate(rule, view);
    expect(outcome.kind).toBe("violation");
    expect(text(view, outcome)).toMatch(/AWS partition aws-cn/);
  });

  it("denies a GPU instance deployed through an account listed in restrictedAccounts, quoting its note", () => {
    const view = gpuInstance({
      provider: awsProvider({ region: "us-east-1", allowedAccountIds: [JV_ACCOUNT] }),
    });
    const outcome = evaluate(rule, view, {
      restrictedAccounts: [{ id: "1111-2222-3333", jurisdiction: "CN", note: "Shanghai JV" }],
    });
    expect(outcome.kind).toBe("violation");
    expect(text(view, outcome)).toContain("Shanghai JV");
  });

  it("denies an AI service in a stack tagged with a restricted jurisdiction", () => {
    const outcome = evaluate(rule, sagemakerEndpoint(), {}, fakeContext(), { jurisdiction: "RU" });
    expect(outcome.kind).toBe("violation");
  });

  it("honours a custom stack tag name", () => {
    const tags = { "data-residency": "CN" };
    expect(evaluate(rule, sagemakerEndpoint(), {}, fakeContext(), tags).kind).toBe("pass");
    expect(
      evaluate(
        rule,
        sagemakerEndpoint(),
        { jurisdictionStackTag: "data-residency" },
        fakeContext(),
        tags,
      ).kind,
    ).toBe("violation");
  });

  it("denies a GPU resource when the stack tag is not a jurisdiction it can read", () => {
    const outcome = evaluate(rule, gpuInstance(), {}, fakeContext(), { jurisdiction: "Mars" });
    expect(outcome.kind).toBe("violation");
    expect(text(gpuInstance(), outcome)).toContain('"Mars"');
  });

  it("denies an Azure GPU VM whose provider targets the Azure China cloud", () => {
    const view = resource(
      "azure-native:compute:VirtualMachine",
      "vm",
      { location: "westeurope", hardwareProfile: { vmSize: "Standard_NC24ads_A100_v4" } },
      azureProvider({ location: "westeurope", environment: "china" }),
    );
    expect(evaluate(rule, view).kind).toBe("violation");
  });

  it("reports a computed assumed role as an advisory note", () => {
    const view = gpuInstance({
      provider: awsProvider({ region: "us-east-1", assumeRoles: COMPUTED }),
    });
    expect(evaluate(rule, view).kind).toBe("advisory");
  });

  it("passes a CPU instance in a restricted account (not a GPU or AI resource)", () => {
    const view = gpuInstance({
      props: { instanceType: "m5.large" },
      provider: awsProvider({ region: "us-east-1", allowedAccountIds: [JV_ACCOUNT] }),
    });
    expect(evaluate(rule, view, { restrictedAccounts: [{ id: JV_ACCOUNT }] }).kind).toBe("pass");
  });

  it("accepts a Google Cloud project ID in restrictedAccounts", () => {
    const outcome = evaluate(rule, gpuInstance(), { restrictedAccounts: [{ id: "acme-sino-jv" }] });
    expect(outcome.kind).toBe("pass");
  });

  it("rejects a malformed restrictedAccounts id, naming the entry", () => {
    const outcome = evaluate(rule, gpuInstance(), { restrictedAccounts: [{ id: "12345" }] });
    expect(outcome.kind).toBe("violation");
    expect(text(gpuInstance(), outcome)).toContain("restrictedAccounts[0].id");
  });
});
