import { aiServiceInRestrictedJurisdictionSpec as spec } from "../../../policypack/src/policies/ai-service-in-restricted-jurisdiction";
import {
  evaluateResource,
  evaluateStack,
} from "../../../policypack/src/policies/jurisdiction-rule";
import { wordFinding } from "../../../policypack/src/report";
import { awsProvider, azureProvider, fakeContext, resource, sagemakerEndpoint } from "./fixtures";

const ctx = fakeContext();

describe("ai-service-in-restricted-jurisdiction", () => {
  it("passes a SageMaker endpoint in a US region", () => {
    expect(evaluateResource(spec, sagemakerEndpoint(), ctx, {}).kind).toBe("pass");
  });

  it("denies a SageMaker endpoint in Hong Kong and names the service", () => {
    const view = sagemakerEndpoint({ provider: awsProvider({ region: "ap-east-1" }) });
    const outcome = evaluateResource(spec, view, ctx, {});
    expect(outcome.kind).toBe("violation");
    if (outcome.kind !== "violation") return;
    const text = wordFinding(view, outcome.finding);
    expect(text).toMatch(/SageMaker/);
    expect(text).toContain("ap-east-1");
    expect(text).toContain("(HK)");
  });

  it("is not applicable to a GPU instance (the GPU policy covers it)", () => {
    const view = resource(
      "aws:ec2/instance:Instance",
      "vm",
      { instanceType: "p5.48xlarge" },
      awsProvider(),
    );
    expect(evaluateResource(spec, view, ctx, {}).kind).toBe("not-applicable");
  });

  it("denies an Azure OpenAI account in Azure China", () => {
    const view = resource(
      "azure-native:cognitiveservices:Account",
      "openai",
      { kind: "OpenAI", location: "chinaeast2", sku: { name: "S0" } },
      azureProvider(),
    );
    expect(evaluateResource(spec, view, ctx, {}).kind).toBe("violation");
  });

  it("defers a model deployment to the stack phase, then denies it through its account in Azure China", () => {
    const account = resource(
      "azure-native:cognitiveservices:Account",
      "openai",
      {
        kind: "OpenAI",
        location: "chinaeast2",
        accountName: "openai-acct",
        resourceGroupName: "rg",
      },
      azureProvider(),
    );
    const deployment = {
      ...resource(
        "azure-native:cognitiveservices:Deployment",
        "gpt",
        {
          accountName: "openai-acct",
          resourceGroupName: "rg",
          properties: { model: { name: "gpt-4o" } },
        },
        azureProvider(),
      ),
      propertyDependencies: { accountName: [account.urn] },
    };
    expect(evaluateResource(spec, deployment, ctx, {}).kind).toBe("deferred");
    const results = evaluateStack(spec, [account, deployment], ctx, {});
    expect(results).toHaveLength(1);
    expect(results[0]?.view.name).toBe("gpt");
    expect(results[0]?.outcome.kind).toBe("violation");
  });

  it("passes a model deployment whose account is in West Europe at the stack phase", () => {
    const account = resource(
      "azure-native:cognitiveservices:Account",
      "openai",
      {
        kind: "OpenAI",
        location: "westeurope",
        accountName: "openai-acct",
        resourceGroupName: "rg",
      },
      azureProvider(),
    );
    const deployment = {
      ...resource(
        "azure-native:cognitiveservices:Deployment",
        "gpt",
        { accountName: "openai-acct", resourceGroupName: "rg" },
        azureProvider(),
      ),
      propertyDependencies: { accountName: [account.urn] },
    };
    const results = evaluateStack(spec, [account, deployment], ctx, {});
    expect(results.map((r) => r.outcome.kind)).toEqual(["pass"]);
  });
});
