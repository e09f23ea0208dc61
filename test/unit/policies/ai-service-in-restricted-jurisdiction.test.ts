import { aiServiceInRestrictedJurisdiction as definition } from "../../../policypack/src/policies/ai-service-in-restricted-jurisdiction";
import { wordFinding } from "../../../policypack/src/report";
import {
  awsProvider,
  azureProvider,
  evaluate,
  evaluateStackPhase,
  resource,
  sagemakerEndpoint,
} from "../../support/policies";

const rule = definition;

describe("ai-service-in-restricted-jurisdiction", () => {
  it("passes a SageMaker endpoint in a US region", () => {
    expect(evaluate(rule, sagemakerEndpoint()).kind).toBe("pass");
  });

  it("denies a SageMaker endpoint in Hong Kong and names the service", () => {
    const view = sagemakerEndpoint({ provider: awsProvider({ region: "ap-east-1" }) });
    const outcome = evaluate(rule, view);
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
    expect(evaluate(rule, view).kind).toBe("not-applicable");
  });

  it("denies an Azure OpenAI account in Azure China", () => {
    const view = resource(
      "azure-native:cognitiveservices:Account",
      "openai",
      { kind: "OpenAI", location: "chinaeast2", sku: { name: "S0" } },
      azureProvider(),
    );
    expect(evaluate(rule, view).kind).toBe("violation");
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
    expect(evaluate(rule, deployment).kind).toBe("deferred");
    const results = evaluateStackPhase(rule, [account, deployment]);
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
    const results = evaluateStackPhase(rule, [account, deployment]);
    expect(results.map((r) => r.outcome.kind)).toEqual(["pass"]);
  });

  it("denies a multi-region AI account when one of its extra regions is restricted", () => {
    const view = resource(
      "azure-native:cognitiveservices:Account",
      "multi",
      {
        kind: "AIServices",
        location: "westeurope",
        properties: { locations: { regions: [{ name: "westeurope" }, { name: "chinanorth3" }] } },
      },
      azureProvider(),
    );
    const outcome = evaluate(rule, view);
    expect(outcome.kind).toBe("violation");
    if (outcome.kind === "violation")
      expect(wordFinding(view, outcome.finding)).toContain("chinanorth3");
  });
});
