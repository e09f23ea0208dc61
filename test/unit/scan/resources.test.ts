// Resource records -> EngineResource, and providers resolved as the engine resolves them.
import { ScanInputError } from "../../../cli/scan/errors";
import {
  defaultProviderVersion,
  isDefaultProviderUrn,
  parseProviderReference,
  ProviderIndex,
  stackAndProject,
  toEngineResource,
} from "../../../cli/scan/resources";
import type { RecordContext, ScanStackConfig } from "../../../cli/scan/resources";
import { SECRET_SIG, SIG_KEY, UNKNOWN } from "../../../cli/runner/marshal";
import type { EngineResource } from "../../../cli/runner/types";
import { UNKNOWN_STRING } from "../../../policypack/src/values";

const ctx: RecordContext = {
  file: "stack.json",
  path: ["deployment", "resources", 4],
  line: 120,
  values: { blindedStrings: false },
};
const URN = "urn:pulumi:prod::fleet::aws:ec2/instance:Instance::trainer";
const PROVIDER = "urn:pulumi:prod::fleet::pulumi:providers:aws::default_7_48_0";

function problem(fn: () => unknown): ScanInputError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ScanInputError) return e;
    throw e;
  }
  throw new Error("expected a ScanInputError");
}

describe("URNs and provider references", () => {
  it("takes stack and project from a URN", () => {
    expect(stackAndProject(URN)).toEqual({ stack: "prod", project: "fleet" });
    expect(stackAndProject("urn:pulumi:dev::p::pulumi:pulumi:Stack::p-dev")).toEqual({
      stack: "dev",
      project: "p",
    });
    expect(stackAndProject("arn:aws:iam::123:role/x")).toBeUndefined();
  });

  it("splits a provider reference at its last '::' (URNs contain '::')", () => {
    expect(parseProviderReference(`${PROVIDER}::${UNKNOWN_STRING}`)).toEqual({
      urn: PROVIDER,
      id: UNKNOWN,
    });
  });

  it("knows default providers and their versions", () => {
    expect(isDefaultProviderUrn(PROVIDER)).toBe(true);
    expect(isDefaultProviderUrn("urn:pulumi:prod::fleet::pulumi:providers:aws::default")).toBe(
      true,
    );
    expect(isDefaultProviderUrn("urn:pulumi:prod::fleet::pulumi:providers:aws::eu")).toBe(false);
    expect(defaultProviderVersion("default_7_48_0")).toBe("7.48.0");
    expect(defaultProviderVersion("default_3_0_0_alpha_1")).toBe("3.0.0");
    expect(defaultProviderVersion("default")).toBeUndefined();
  });
});

describe("toEngineResource", () => {
  const state = {
    urn: URN,
    custom: true,
    id: "i-0abc",
    type: "aws:ec2/instance:Instance",
    inputs: { instanceType: "p4d.24xlarge", __defaults: [] },
    outputs: { instanceType: "p4d.24xlarge", id: "i-0abc" },
    parent: "urn:pulumi:prod::fleet::pulumi:pulumi:Stack::fleet-prod",
    dependencies: ["urn:pulumi:prod::fleet::aws:ec2/subnet:Subnet::a"],
    propertyDependencies: { subnetId: ["urn:pulumi:prod::fleet::aws:ec2/subnet:Subnet::a"] },
    provider: `${PROVIDER}::3f0e`,
    protect: true,
    ignoreChanges: ["tags"],
    additionalSecretOutputs: ["password"],
    aliases: ["urn:pulumi:prod::fleet::aws:ec2/instance:Instance::old"],
    customTimeouts: { create: 600, update: 0, delete: 0 },
  };

  it("keeps everything Analyze and AnalyzeStack use", () => {
    expect(toEngineResource(state, ctx)).toEqual({
      urn: URN,
      type: "aws:ec2/instance:Instance",
      custom: true,
      inputs: { instanceType: "p4d.24xlarge", __defaults: [] },
      outputs: { instanceType: "p4d.24xlarge", id: "i-0abc" },
      parent: state.parent,
      dependencies: state.dependencies,
      propertyDependencies: state.propertyDependencies,
      provider: state.provider,
      options: {
        protect: true,
        ignoreChanges: ["tags"],
        additionalSecretOutputs: ["password"],
        aliases: state.aliases,
        customTimeouts: { create: 600, update: 0, delete: 0 },
      },
    });
  });

  it("skips a resource pending deletion", () => {
    expect(toEngineResource({ ...state, delete: true }, ctx)).toBeUndefined();
  });

  it("treats empty parent and provider (event-log metadata) as absent", () => {
    const r = toEngineResource({ urn: URN, type: state.type, parent: "", provider: "" }, ctx);
    expect(r?.parent).toBeUndefined();
    expect(r?.provider).toBeUndefined();
    expect(r?.custom).toBe(false);
  });

  it("names the field and position of a malformed record", () => {
    const e = problem(() => toEngineResource({ ...state, dependencies: "x" }, ctx));
    expect(e.problem).toBe('expected an array of strings, got the string "x"');
    expect(e.position).toEqual({ line: 120, pointer: "/deployment/resources/4/dependencies" });
    const notObject = problem(() => toEngineResource([state], ctx));
    expect(notObject.problem).toBe("expected a resource object, got an array");
    const inputs = problem(() => toEngineResource({ ...state, inputs: "s" }, ctx));
    expect(inputs.position.pointer).toBe("/deployment/resources/4/inputs");
  });
});

describe("ProviderIndex", () => {
  const config: ScanStackConfig = {
    config: { "aws:region": "cn-north-1", "aws:profile": "ops", "azure-native:location": "x" },
    secretKeys: ["aws:profile"],
    unknownSecretKeys: ["aws:accessKey"],
  };
  const resource = (provider?: string): EngineResource => ({
    urn: URN,
    type: "aws:ec2/instance:Instance",
    custom: true,
    inputs: {},
    ...(provider !== undefined ? { provider } : {}),
  });

  it("rebuilds a default provider from the package's stack config, as the engine does", () => {
    const index = new ProviderIndex(() => config);
    const { provider, synthesized } = index.resolve(resource(`${PROVIDER}::${UNKNOWN}`), ctx);
    expect(synthesized).toBe(provider);
    expect(provider).toEqual({
      urn: PROVIDER,
      type: "pulumi:providers:aws",
      name: "default_7_48_0",
      custom: true,
      inputs: {
        region: "cn-north-1",
        profile: { [SIG_KEY]: SECRET_SIG, value: "ops" },
        accessKey: { [SIG_KEY]: SECRET_SIG, value: UNKNOWN },
        version: "7.48.0",
      },
    });
    // Once: the next resource finds it.
    expect(index.resolve(resource(`${PROVIDER}::${UNKNOWN}`), ctx).synthesized).toBeUndefined();
  });

  it("uses a provider the input defines", () => {
    const index = new ProviderIndex(() => config);
    const explicit: EngineResource = {
      urn: "urn:pulumi:prod::fleet::pulumi:providers:aws::eu",
      type: "pulumi:providers:aws",
      custom: true,
      inputs: { region: "eu-west-1" },
    };
    index.add(explicit);
    expect(index.resolve(resource(`${explicit.urn}::id-1`), ctx)).toEqual({ provider: explicit });
    expect(index.resolve(resource(), ctx)).toEqual({});
  });

  it("rejects a reference to an explicit provider the input does not define first", () => {
    const index = new ProviderIndex(() => config);
    const e = problem(() =>
      index.resolve(resource("urn:pulumi:prod::fleet::pulumi:providers:aws::eu::id-1"), ctx),
    );
    expect(e.problem).toMatch(/is not defined earlier in the file/);
    expect(e.position.pointer).toBe("/deployment/resources/4/provider");
  });
});
