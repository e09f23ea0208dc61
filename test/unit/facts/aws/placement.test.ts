// Where an AWS resource lands: each step of the provider's region resolution, in order.
import { awsPlacement } from "../../../../policypack/src/facts/aws";
import type { Placement, ResourceView } from "../../../../policypack/src/facts/types";
import { COMPUTED, defaultProvider, explicitProvider, fakeContext, resource } from "./fixtures";
import type { FakeContextOptions } from "./fixtures";

const INSTANCE = "aws:ec2/instance:Instance";

/** Every step set, each to a different region, so each test can remove the steps above it. */
const ALL_STEPS: FakeContextOptions = {
  stackConfig: { "aws:region": "eu-west-1" },
  env: { AWS_REGION: "ap-northeast-1", AWS_DEFAULT_REGION: "ap-southeast-2" },
  profiles: { default: "sa-east-1" },
};

function place(r: ResourceView, opts: FakeContextOptions = ALL_STEPS): Placement {
  return awsPlacement(r, fakeContext(opts));
}

function resolvedAs(p: Placement): { region: string; kind: string; detail: string } | undefined {
  return p.status === "resolved"
    ? { region: p.region, kind: p.origin.kind, detail: p.origin.detail }
    : undefined;
}

describe("AWS region resolution order", () => {
  it("1. takes the resource's own region input first", () => {
    const r = resource(
      INSTANCE,
      { region: "cn-north-1" },
      { provider: explicitProvider("aws-us", { region: "us-east-1" }) },
    );
    expect(resolvedAs(place(r))).toEqual({
      region: "cn-north-1",
      kind: "resource",
      detail: "resource input `region`",
    });
  });

  it("2. then the explicit provider's region, naming the provider", () => {
    const r = resource(
      INSTANCE,
      {},
      { provider: explicitProvider("aws-cn", { region: "cn-northwest-1" }) },
    );
    expect(resolvedAs(place(r))).toEqual({
      region: "cn-northwest-1",
      kind: "provider",
      detail: "provider `aws-cn` input `region`",
    });
  });

  it("2. takes the provider name from its URN when the name is missing", () => {
    const p = { ...explicitProvider("aws-hk", { region: "ap-east-1" }), name: "" };
    const placement = place(resource(INSTANCE, {}, { provider: p }));
    expect(placement.status === "resolved" && placement.origin.detail).toBe(
      "provider `aws-hk` input `region`",
    );
  });

  it("2. says the default provider's region comes from stack config", () => {
    const r = resource(INSTANCE, {}, { provider: defaultProvider({ region: "cn-north-1" }) });
    expect(resolvedAs(place(r))).toEqual({
      region: "cn-north-1",
      kind: "provider",
      detail: "default provider `default_7_48_0` input `region` (stack config `aws:region`)",
    });
  });

  it("3. then stack config aws:region, for the default provider", () => {
    const r = resource(INSTANCE, {}, { provider: defaultProvider() });
    expect(resolvedAs(place(r))).toEqual({
      region: "eu-west-1",
      kind: "stack-config",
      detail: "stack config `aws:region`",
    });
  });

  it("3. uses stack config when the engine sent no provider at all", () => {
    expect(resolvedAs(place(resource(INSTANCE, {})))?.kind).toBe("stack-config");
  });

  it("3. skips stack config for an explicit provider, which never reads it", () => {
    const r = resource(INSTANCE, {}, { provider: explicitProvider("aws-explicit") });
    expect(resolvedAs(place(r))).toEqual({
      region: "ap-northeast-1",
      kind: "env",
      detail: "environment variable AWS_REGION",
    });
  });

  it("4. then AWS_REGION", () => {
    const r = resource(INSTANCE, {}, { provider: defaultProvider() });
    expect(resolvedAs(place(r, { ...ALL_STEPS, stackConfig: {} }))?.detail).toBe(
      "environment variable AWS_REGION",
    );
  });

  it("4. then AWS_DEFAULT_REGION when AWS_REGION is unset or empty", () => {
    const r = resource(INSTANCE, {});
    const p = place(r, {
      ...ALL_STEPS,
      stackConfig: {},
      env: { AWS_REGION: "", AWS_DEFAULT_REGION: "cn-north-1" },
    });
    expect(resolvedAs(p)).toEqual({
      region: "cn-north-1",
      kind: "env",
      detail: "environment variable AWS_DEFAULT_REGION",
    });
  });

  it("5. then the default profile's region in the shared config file", () => {
    const p = place(resource(INSTANCE, {}), { profiles: { default: "cn-north-1" } });
    expect(resolvedAs(p)).toEqual({
      region: "cn-north-1",
      kind: "profile",
      detail: "profile `default` in /home/dev/.aws/config",
    });
  });

  it("5. uses the provider's profile input before stack config and AWS_PROFILE", () => {
    const ctx = fakeContext({
      stackConfig: { "aws:profile": "from-config" },
      env: { AWS_PROFILE: "from-env" },
      profiles: { cn: "cn-north-1", "from-config": "us-east-1", "from-env": "us-west-2" },
    });
    const r = resource(INSTANCE, {}, { provider: defaultProvider({ profile: "cn" }) });
    const p = awsPlacement(r, ctx);
    expect(resolvedAs(p)?.detail).toBe("profile `cn` in /home/dev/.aws/config");
    expect(ctx.profileLookups).toEqual(["cn"]);
  });

  it("5. uses stack config aws:profile for the default provider before AWS_PROFILE", () => {
    const ctx = fakeContext({
      stackConfig: { "aws:profile": "from-config" },
      env: { AWS_PROFILE: "from-env" },
      profiles: { "from-config": "cn-north-1", "from-env": "us-west-2" },
    });
    const p = awsPlacement(resource(INSTANCE, {}, { provider: defaultProvider() }), ctx);
    expect(resolvedAs(p)?.region).toBe("cn-north-1");
  });

  it("5. uses AWS_PROFILE for an explicit provider, ignoring stack config aws:profile", () => {
    const ctx = fakeContext({
      stackConfig: { "aws:profile": "from-config" },
      env: { AWS_PROFILE: "from-env" },
      profiles: { "from-config": "us-east-1", "from-env": "cn-north-1" },
    });
    const p = awsPlacement(resource(INSTANCE, {}, { provider: explicitProvider("aws-x") }), ctx);
    expect(resolvedAs(p)?.detail).toBe("profile `from-env` in /home/dev/.aws/config");
  });

  it("is unresolved when nothing names a region, listing what was tried", () => {
    const p = place(resource(INSTANCE, {}, { provider: explicitProvider("aws-x") }), {});
    expect(p).toEqual({
      status: "unresolved",
      cloud: "aws",
      tried: [
        "resource input `region`",
        "provider `aws-x` input `region`",
        "environment variables AWS_REGION and AWS_DEFAULT_REGION",
        "region of profile `default` in the shared AWS config file",
      ],
    });
  });

  it("lists stack config among the steps tried for the default provider", () => {
    const p = place(resource(INSTANCE, {}, { provider: defaultProvider() }), {});
    expect(p.status === "unresolved" && p.tried).toEqual([
      "resource input `region`",
      "provider `default_7_48_0` input `region`",
      "stack config `aws:region`",
      "environment variables AWS_REGION and AWS_DEFAULT_REGION",
      "region of profile `default` in the shared AWS config file",
    ]);
  });
});

describe("computed values stop the search", () => {
  it("reports a computed resource region instead of falling back to the provider", () => {
    const r = resource(
      INSTANCE,
      { region: COMPUTED },
      { provider: explicitProvider("aws-us", { region: "us-east-1" }) },
    );
    expect(place(r)).toEqual({
      status: "computed",
      cloud: "aws",
      path: "region",
      origin: { kind: "resource", detail: "resource input `region`" },
    });
  });

  it("reports a computed provider region instead of falling back to stack config", () => {
    const r = resource(INSTANCE, {}, { provider: defaultProvider({ region: COMPUTED }) });
    const p = place(r);
    expect(p.status).toBe("computed");
    expect(p.status === "computed" && p.origin.detail).toBe(
      "default provider `default_7_48_0` input `region` (stack config `aws:region`)",
    );
  });

  it("reports a computed provider profile instead of reading the default profile", () => {
    const ctx = fakeContext({ profiles: { default: "us-east-1" } });
    const r = resource(
      INSTANCE,
      {},
      { provider: explicitProvider("aws-x", { profile: COMPUTED }) },
    );
    const p = awsPlacement(r, ctx);
    expect(p).toEqual({
      status: "computed",
      cloud: "aws",
      path: "profile",
      origin: { kind: "profile", detail: "provider `aws-x` input `profile`" },
    });
    expect(ctx.profileLookups).toEqual([]);
  });
});

describe("the one unknown-value rule holds at every step", () => {
  it("4. stops at an unknown AWS_REGION instead of reading the sentinel as a region", () => {
    const r = resource(INSTANCE, {}, { provider: explicitProvider("aws-x") });
    const p = place(r, {
      ...ALL_STEPS,
      env: { AWS_REGION: COMPUTED, AWS_DEFAULT_REGION: "us-east-1" },
    });
    expect(p).toEqual({
      status: "computed",
      cloud: "aws",
      path: "AWS_REGION",
      origin: { kind: "env", detail: "environment variable AWS_REGION" },
    });
  });

  it("4. stops at an unknown AWS_DEFAULT_REGION instead of reading the profile", () => {
    const ctx = fakeContext({
      env: { AWS_DEFAULT_REGION: COMPUTED },
      profiles: { default: "us-east-1" },
    });
    const p = awsPlacement(resource(INSTANCE, {}), ctx);
    expect(p.status === "computed" && p.path).toBe("AWS_DEFAULT_REGION");
    expect(ctx.profileLookups).toEqual([]);
  });

  it("3. stops at an unknown stack config aws:region (a secret the scan could not read)", () => {
    const p = place(resource(INSTANCE, {}), {
      ...ALL_STEPS,
      stackConfig: { "aws:region": COMPUTED },
    });
    expect(p).toEqual({
      status: "computed",
      cloud: "aws",
      path: "aws:region",
      origin: { kind: "stack-config", detail: "stack config `aws:region`" },
    });
  });

  it("5. stops at an unknown stack config aws:profile instead of falling back to AWS_PROFILE", () => {
    const ctx = fakeContext({
      stackConfig: { "aws:profile": COMPUTED },
      env: { AWS_PROFILE: "from-env" },
      profiles: { "from-env": "us-west-2" },
    });
    const p = awsPlacement(resource(INSTANCE, {}, { provider: defaultProvider() }), ctx);
    expect(p).toEqual({
      status: "computed",
      cloud: "aws",
      path: "aws:profile",
      origin: { kind: "profile", detail: "stack config `aws:profile`" },
    });
    expect(ctx.profileLookups).toEqual([]);
  });

  it("5. stops at an unknown AWS_PROFILE instead of looking the sentinel up as a profile", () => {
    const ctx = fakeContext({ env: { AWS_PROFILE: COMPUTED }, profiles: { default: "us-east-1" } });
    const p = awsPlacement(resource(INSTANCE, {}, { provider: explicitProvider("aws-x") }), ctx);
    expect(p.status === "computed" && [p.path, p.origin.kind]).toEqual(["AWS_PROFILE", "profile"]);
    expect(ctx.profileLookups).toEqual([]);
  });
});

describe("provider handling", () => {
  it("ignores a provider that is not the AWS provider", () => {
    const other = {
      ...explicitProvider("k8s", { region: "cn-north-1" }),
      type: "pulumi:providers:kubernetes",
    };
    const p = place(resource(INSTANCE, {}, { provider: other }));
    expect(resolvedAs(p)?.kind).toBe("stack-config");
  });

  it("treats an empty region input as absent", () => {
    const p = place(
      resource(
        INSTANCE,
        { region: "" },
        { provider: explicitProvider("aws-cn", { region: "cn-north-1" }) },
      ),
    );
    expect(resolvedAs(p)?.kind).toBe("provider");
  });
});

describe("region to country", () => {
  it("carries the catalogue entry and its country for a known region", () => {
    const p = place(resource(INSTANCE, { region: "cn-north-1" }));
    expect(p.status === "resolved" && [p.entry?.name, p.entry?.partition, p.country]).toEqual([
      "cn-north-1",
      "aws-cn",
      "CN",
    ]);
  });

  it("normalises case and blanks of the region as written, keeping the written form", () => {
    const p = place(resource(INSTANCE, { region: " CN-North-1 " }));
    expect(p.status === "resolved" && [p.written, p.region, p.country]).toEqual([
      " CN-North-1 ",
      "cn-north-1",
      "CN",
    ]);
  });

  it("gives an uncatalogued region in the aws-cn partition the country CN", () => {
    const p = place(resource(INSTANCE, { region: "cn-south-9" }));
    expect(p.status === "resolved" && { entry: p.entry, country: p.country }).toEqual({
      entry: undefined,
      country: "CN",
    });
  });

  it("gives an uncatalogued commercial region no country (the partition spans many)", () => {
    const p = place(resource(INSTANCE, { region: "ap-nowhere-9" }));
    expect(p.status).toBe("resolved");
    expect(p.status === "resolved" && p.country).toBeUndefined();
  });

  it("gives a region in no partition no country", () => {
    const p = place(resource(INSTANCE, { region: "moon-base-1" }));
    expect(p.status === "resolved" && [p.region, p.country, p.entry]).toEqual([
      "moon-base-1",
      undefined,
      undefined,
    ]);
  });

  it("resolves Hong Kong to HK, not CN (the jurisdiction tables decide how HK is treated)", () => {
    const p = place(resource(INSTANCE, { region: "ap-east-1" }));
    expect(p.status === "resolved" && p.country).toBe("HK");
  });
});
