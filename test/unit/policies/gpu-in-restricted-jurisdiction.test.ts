import { gpuInRestrictedJurisdictionSpec as spec } from "../../../policypack/src/policies/gpu-in-restricted-jurisdiction";
import { placementRule } from "../../../policypack/src/policies/placement-rule";
import type { Outcome } from "../../../policypack/src/policies/rule";
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
} from "./fixtures";

const ctx = fakeContext();
const rule = placementRule(spec);

function run(view: ResourceView, config: Record<string, unknown> = {}, c = ctx): Outcome {
  return evaluate(rule, view, config, c);
}

function message(view: ResourceView, outcome: Outcome): string {
  if (outcome.kind !== "violation" && outcome.kind !== "advisory") {
    throw new Error(`expected a finding, got ${outcome.kind}`);
  }
  return wordFinding({ type: view.type, name: view.name }, outcome.finding);
}

describe("gpu-in-restricted-jurisdiction", () => {
  it("passes a GPU instance in a US region", () => {
    expect(run(gpuInstance()).kind).toBe("pass");
  });

  it("denies a GPU instance whose provider places it in AWS China, naming type, region, country, rule and fix", () => {
    const view = gpuInstance({ provider: awsProvider({ region: "cn-north-1" }) });
    const outcome = run(view);
    expect(outcome.kind).toBe("violation");
    const text = message(view, outcome);
    expect(text).toContain('aws:ec2/instance:Instance "trainer"');
    expect(text).toContain("p4d.24xlarge");
    expect(text).toContain("`instanceType`");
    expect(text).toContain("cn-north-1");
    expect(text).toContain("(CN)");
    expect(text).toMatch(/restrictedJurisdictions/);
    expect(text).toMatch(/^Fix: /m);
  });

  it("denies a GPU instance whose own region input is Hong Kong even when the provider is in the US", () => {
    const view = gpuInstance({ props: { region: "ap-east-1" } });
    const outcome = run(view);
    expect(outcome.kind).toBe("violation");
    expect(message(view, outcome)).toContain("(HK)");
  });

  it("passes a CPU instance in AWS China", () => {
    const view = gpuInstance({
      props: { instanceType: "m5.large" },
      provider: awsProvider({ region: "cn-north-1" }),
    });
    expect(run(view).kind).toBe("pass");
  });

  it("does not treat Graviton t4g as an NVIDIA T4", () => {
    const view = gpuInstance({
      props: { instanceType: "t4g.micro" },
      provider: awsProvider({ region: "cn-north-1" }),
    });
    expect(run(view).kind).toBe("pass");
  });

  it("is not applicable to resource kinds that pick no instance type", () => {
    const view = resource(
      "aws:s3/bucket:Bucket",
      "data",
      {},
      awsProvider({ region: "cn-north-1" }),
    );
    expect(run(view).kind).toBe("not-applicable");
  });

  it("lets allowedRegions override the jurisdiction mapping", () => {
    const view = gpuInstance({ provider: awsProvider({ region: "ap-east-1" }) });
    expect(run(view, { allowedRegions: ["ap-east-1"] }).kind).toBe("pass");
  });

  it("denies a region listed in restrictedRegions although its country is not restricted", () => {
    const view = gpuInstance({ provider: awsProvider({ region: "us-west-2" }) });
    const outcome = run(view, { restrictedRegions: ["us-west-2"] });
    expect(outcome.kind).toBe("violation");
    expect(message(view, outcome)).toContain("restrictedRegions");
  });

  it("follows a custom restrictedJurisdictions list instead of the default", () => {
    const view = gpuInstance({ provider: awsProvider({ region: "cn-north-1" }) });
    expect(run(view, { restrictedJurisdictions: ["RU"] }).kind).toBe("pass");
    expect(run(view, { restrictedJurisdictions: ["cn"] }).kind).toBe("violation");
  });

  it("lets an export-controlled scope pass a T4 (g4dn) but still deny an A100 (p4d)", () => {
    const provider = awsProvider({ region: "cn-northwest-1" });
    const t4 = gpuInstance({ props: { instanceType: "g4dn.xlarge" }, provider });
    const a100 = gpuInstance({ provider });
    expect(run(t4, { acceleratorScope: "export-controlled" }).kind).toBe("pass");
    expect(run(t4).kind).toBe("violation");
    expect(run(a100, { acceleratorScope: "export-controlled" }).kind).toBe("violation");
  });

  it("reports a computed region as an advisory note, never a silent pass", () => {
    const view = gpuInstance({ provider: awsProvider({ region: COMPUTED }) });
    const outcome = run(view);
    expect(outcome.kind).toBe("advisory");
    expect(message(view, outcome)).toMatch(/checked again at `pulumi up`/);
  });

  it("reports an unknown AWS_REGION as an advisory note, not as a region named by the sentinel", () => {
    const view = gpuInstance({ provider: awsProvider({}) });
    const outcome = run(view, {}, fakeContext({}, { AWS_REGION: COMPUTED }));
    expect(outcome.kind).toBe("advisory");
    const text = message(view, outcome);
    expect(text).toContain("Where: not known during preview: environment variable AWS_REGION");
    expect(text).not.toContain(COMPUTED);
  });

  it("reports a computed instance type in a restricted region as advisory", () => {
    const view = gpuInstance({
      props: { instanceType: COMPUTED },
      provider: awsProvider({ region: "cn-north-1" }),
    });
    expect(run(view).kind).toBe("advisory");
  });

  it("passes a computed instance type in an allowed region", () => {
    expect(run(gpuInstance({ props: { instanceType: COMPUTED } })).kind).toBe("pass");
  });

  it("denies a GPU instance whose region cannot be resolved and says how to make it explicit", () => {
    const view = gpuInstance({ provider: awsProvider({}) });
    const outcome = run(view);
    expect(outcome.kind).toBe("violation");
    expect(message(view, outcome)).toMatch(/make the placement explicit/);
  });

  it("uses the stack config region when the provider has none", () => {
    const view = gpuInstance({ provider: awsProvider({}) });
    expect(run(view, {}, fakeContext({ "aws:region": "cn-north-1" })).kind).toBe("violation");
    expect(run(view, {}, fakeContext({ "aws:region": "eu-west-1" })).kind).toBe("pass");
  });

  it("denies a GPU in a region it cannot place in a country", () => {
    const view = gpuInstance({ provider: awsProvider({ region: "ap-nowhere-9" }) });
    const outcome = run(view);
    expect(outcome.kind).toBe("violation");
    expect(message(view, outcome)).toMatch(/cannot tell which country/);
  });

  it("denies an Azure GPU VM given a display-name location in Azure China", () => {
    const view = resource(
      "azure-native:compute:VirtualMachine",
      "vm",
      { location: "China East 2", hardwareProfile: { vmSize: "Standard_ND96asr_v4" } },
      azureProvider(),
    );
    const outcome = run(view);
    expect(outcome.kind).toBe("violation");
    expect(message(view, outcome)).toContain("chinaeast2");
  });

  it("reports an invalid config on a GPU resource as a violation naming the field", () => {
    const outcome = run(gpuInstance(), { restrictedJurisdictions: ["XX"] });
    expect(outcome.kind).toBe("violation");
    expect(message(gpuInstance(), outcome)).toContain("restrictedJurisdictions[0]");
  });

  it("does not flag resources outside its concern when the config is invalid", () => {
    const view = resource("aws:s3/bucket:Bucket", "data", {}, awsProvider());
    expect(run(view, { restrictedJurisdictions: ["XX"] }).kind).toBe("not-applicable");
  });
});
