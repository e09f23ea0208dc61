// Invalid config fails closed, through the real pack process (issue #16): a policy whose config is
// semantically invalid (valid against the JSON Schema, so the engine passes it, but wrong by the
// pack's own checks: an exemption past maxExemptionDays, a date that is not in the calendar, an
// unknown jurisdiction …) reports a finding at its own level on every resource it would decide,
// naming the field and the fix; it never answers "not applicable" because its config is invalid.
//
// Each policy's case is built from its definition (its first violation example, made invalid by
// the config every policy shares), and the check over all policies takes the policies from the
// registry (policies/index.ts), so a new policy is covered without editing this file.
import type { EngineResource, Finding, PolicyPackSession, Report } from "../../cli/runner";
import { azureParentLink } from "../../policypack/src/facts/azure";
import { POLICIES, POLICY_DEFINITIONS, policyDefinition } from "../../policypack/src/policies";
import type { PolicyDefinition } from "../../policypack/src/policies/rule";
import {
  AWS_INTERCONNECT_CASES,
  AZURE_INTERCONNECT_CASES,
  PEERING_POLICY_CONFIG,
} from "../fixtures/interconnect-kinds";
import {
  AWS_AI_KINDS,
  AWS_GPU_KINDS,
  AZURE_AI_KINDS,
  AZURE_GPU_KINDS,
} from "../fixtures/resource-kinds";
import { ResourceFactory } from "../support/engine";
import { usePack } from "./harness";

const f = new ResourceFactory();
const REGISTRY: readonly string[] = POLICIES.map((p) => p.name);

/** YYYY-MM-DD, `days` from today (UTC): the pack judges expiry against its own clock. */
function day(days: number): string {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

const beijing = f.awsProvider("cn-north-1");
const usEast1 = f.awsProvider("us-east-1");
const azure = f.defaultProvider("azure-native", {});

/** A listed provider's default provider, as the engine registers it (the SDK is not installed). */
function packageProvider(pkg: string, version: string, inputs: EngineResource["inputs"]) {
  const name = `default_${version.replace(/\./g, "_")}`;
  return {
    urn: f.urn(`pulumi:providers:${pkg}`, name),
    type: `pulumi:providers:${pkg}`,
    name,
    custom: true,
    inputs: { ...inputs, version },
  } satisfies EngineResource;
}

const alicloud = packageProvider("alicloud", "3.108.0", { region: "cn-hangzhou" });

// ── One case per policy, from its definition ─────────────────────────────────────────────────

/** The invalid config every policy shares (exemptions are common settings): an exemption past maxExemptionDays. */
const MAX_EXEMPTION_DAYS = 30;
const PAST_MAX_EXEMPTION = {
  maxExemptionDays: MAX_EXEMPTION_DAYS,
  exemptions: [
    {
      resource: "urn:pulumi:test::factory::*::never-*",
      reason: "Inference pilot",
      expires: day(2 * MAX_EXEMPTION_DAYS),
    },
  ],
};

interface InvalidConfigCase {
  readonly policy: string;
  /** The definition's first violation example, as the engine sends it. */
  readonly example: string;
  readonly resource: EngineResource;
  readonly provider: EngineResource;
  /** The example's config (a finding with it) and the invalid config (a config-error finding). */
  readonly valid: Record<string, unknown>;
  readonly invalid: Record<string, unknown>;
  /** The level the invalid config sets: the other one than the policy's default. */
  readonly enforcementLevel: string;
}

/**
 * A policy's case, built from its definition: its first violation example (a resource it decides
 * with its example's config, which needs no stack tags) and that config made invalid.
 */
function caseOf(definition: PolicyDefinition): InvalidConfigCase {
  const policy = definition.metadata.name;
  const example = definition.examples.find((e) => e.expect === "violation");
  if (!example) throw new Error(`policy ${policy} has no violation example in its definition`);
  if (example.stackTags) {
    throw new Error(
      `policy ${policy}: the first violation example needs stack tags (${example.title})`,
    );
  }
  const { resource, provider } = f.example(example.resource);
  const valid = { ...(example.config ?? {}) };
  const enforcementLevel =
    definition.metadata.enforcementLevel === "mandatory" ? "advisory" : "mandatory";
  return {
    policy,
    example: example.title,
    resource,
    provider,
    valid,
    invalid: { ...valid, ...PAST_MAX_EXEMPTION, enforcementLevel },
    enforcementLevel,
  };
}

const CASES: readonly InvalidConfigCase[] = POLICY_DEFINITIONS.map((d) => caseOf(d));

const valid = usePack({ policyConfig: Object.fromEntries(CASES.map((c) => [c.policy, c.valid])) });
const invalid = usePack({
  policyConfig: Object.fromEntries(CASES.map((c) => [c.policy, c.invalid])),
});

async function analyze(session: PolicyPackSession, c: InvalidConfigCase) {
  const result = await session.analyze(c.resource, { provider: c.provider });
  return {
    findings: result.findings.filter((x) => x.policyName === c.policy),
    notApplicable: result.notApplicable.filter((x) => x.policyName === c.policy),
  };
}

describe("each policy with a semantically invalid config", () => {
  test("every policy of the registry has a case here", () => {
    expect(CASES.map((c) => c.policy)).toEqual(REGISTRY);
  });

  describe.each(CASES.map((c) => [c.policy, c] as const))("%s", (_policy, c) => {
    test(`decides its first violation example with a valid config (${c.example})`, async () => {
      const { findings, notApplicable } = await analyze(valid.get(), c);
      expect(notApplicable).toEqual([]);
      expect(findings).toHaveLength(1);
      expect(findings[0]?.message).not.toContain("is invalid");
    });

    test(`reports an exemption past maxExemptionDays on it at the configured level ${c.enforcementLevel}, naming the field and the fix`, async () => {
      const { findings, notApplicable } = await analyze(invalid.get(), c);
      expect(notApplicable).toEqual([]);
      expect(findings.map((x) => x.enforcementLevel)).toEqual([c.enforcementLevel]);
      const message = findings[0]?.message ?? "";
      expect(message).toContain(`The configuration of policy ${c.policy} is invalid`);
      expect(message).toContain("exemptions[0].expires:");
      expect(message).toContain(`more than maxExemptionDays (${MAX_EXEMPTION_DAYS})`);
      expect(message).toContain("choose an earlier expiry");
    });
  });
});

function policyLevel(session: PolicyPackSession, policy: string): string {
  const info = session.info.policies.find((p) => p.name === policy);
  if (!info) throw new Error(`policy ${policy} is not in the pack`);
  return info.enforcementLevel;
}

// ── Every policy of the registry, over a corpus of resources ────────────────────────────────

/**
 * Resources the policies decide: every GPU and AI kind in a restricted region, every interconnect
 * kind reaching a listed peer, and resources of listed providers' own packages. Each must be
 * decided the same way (a finding) whether or not the config is valid.
 */
function corpus(): EngineResource[] {
  const out: EngineResource[] = [f.rootStack(), beijing, usEast1, azure, alicloud];
  let n = 0;
  const name = () => `r${n++}`;
  for (const k of [...AWS_GPU_KINDS, ...AWS_AI_KINDS]) {
    out.push(f.resource(k.type, name(), { provider: beijing, inputs: k.props("cn-north-1") }));
  }
  for (const k of [...AZURE_GPU_KINDS, ...AZURE_AI_KINDS]) {
    if (k.ownLocation) {
      const inputs = { ...k.props, location: "chinaeast2" };
      out.push(f.resource(k.type, name(), { provider: azure, inputs }));
    }
    if (k.parent) {
      const parent = f.resource(k.parent.type, name(), {
        provider: azure,
        inputs: { ...k.parent.props, location: "eastasia" },
      });
      const link = azureParentLink(k.type);
      out.push(
        parent,
        f.resource(k.type, name(), {
          provider: azure,
          inputs: k.props,
          dependsOn: [parent],
          propertyDependencies: link ? { [link.via]: [parent] } : {},
        }),
      );
    }
  }
  for (const c of AWS_INTERCONNECT_CASES) {
    for (const d of c.denied)
      out.push(f.resource(c.type, name(), { provider: usEast1, inputs: d.props }));
  }
  for (const c of AZURE_INTERCONNECT_CASES) {
    for (const d of c.denied)
      out.push(f.resource(c.type, name(), { provider: azure, inputs: d.props }));
  }
  out.push(
    f.resource("alicloud:ecs/instance:Instance", name(), {
      provider: alicloud,
      inputs: { instanceType: "ecs.g7.large", imageId: "aliyun_3_x64_20G_alibase_20240819.vhd" },
    }),
  );
  return out;
}

/** An invalid setting every policy declares (exemptions are common to all): a date not in the calendar. */
const BAD_EXEMPTION = {
  exemptions: [
    {
      resource: "urn:pulumi:test::factory::*::never-*",
      reason: "Typo'd date",
      expires: "2026-02-30",
    },
  ],
};

const withOrgConfig = usePack({ policyConfig: PEERING_POLICY_CONFIG });
const withBadExemptions = usePack({
  policyConfig: Object.fromEntries(
    REGISTRY.map((name) => [
      name,
      { ...(PEERING_POLICY_CONFIG as Record<string, object>)[name], ...BAD_EXEMPTION },
    ]),
  ),
});

const key = (urn: string, policy: string) => `${policy} ${urn}`;

describe("no policy of the registry answers not-applicable because its config is invalid", () => {
  const resources = corpus();
  let good: Report;
  let bad: Report;
  beforeAll(async () => {
    good = await withOrgConfig.get().evaluate(resources);
    bad = await withBadExemptions.get().evaluate(resources);
  });

  test("the corpus gives every policy of the registry something to decide", () => {
    const decided = new Set(good.findings.map((x) => x.policyName));
    expect(REGISTRY.filter((name) => !decided.has(name))).toEqual([]);
  });

  test("every resource a policy flags with a valid config gets the invalid-config finding at the policy's level", () => {
    const badFindings = new Map<string, Finding[]>();
    for (const x of bad.findings) {
      const k = key(x.urn, x.policyName);
      badFindings.set(k, [...(badFindings.get(k) ?? []), x]);
    }
    const missed: string[] = [];
    for (const x of good.findings) {
      const found = badFindings.get(key(x.urn, x.policyName)) ?? [];
      const level = policyLevel(withBadExemptions.get(), x.policyName);
      const ok = found.some(
        (y) =>
          y.enforcementLevel === level &&
          y.message.includes("exemptions[0].expires") &&
          y.message.includes("is not a calendar date"),
      );
      if (!ok) missed.push(`${key(x.urn, x.policyName)} (${x.resourceType})`);
    }
    expect(missed).toEqual([]);
  });

  test("no resource a policy flags with a valid config is not-applicable with an invalid one", () => {
    const flagged = new Set(good.findings.map((x) => key(x.urn, x.policyName)));
    const failOpen = bad.notApplicable
      .filter((x) => flagged.has(key(x.urn, x.policyName)))
      .map((x) => `${key(x.urn, x.policyName)}: ${x.reason}`);
    expect(failOpen).toEqual([]);
  });
});

// ── A malformed PULUMI_CONFIG ───────────────────────────────────────────────────────────────

describe("a malformed PULUMI_CONFIG (the stack config the engine passes)", () => {
  const SECRET = "s3cr3t-db-password";
  const notJson = usePack({
    stackConfig: undefined,
    env: { PULUMI_CONFIG: `{"aws:region": "cn-north-1", "app:dbPassword": "${SECRET}"` },
  });
  const notObject = usePack({ stackConfig: undefined, env: { PULUMI_CONFIG: `["${SECRET}"]` } });
  const c = caseOf(policyDefinition("gpu-in-restricted-jurisdiction"));

  test("is reported on a resource a policy decides, at the policy's level, without its values", async () => {
    const { findings } = await notJson.get().analyze(c.resource, { provider: c.provider });
    const gpu = findings.filter((x) => x.policyName === "gpu-in-restricted-jurisdiction");
    expect(gpu.map((x) => x.enforcementLevel)).toEqual(["mandatory"]);
    const message = gpu[0]?.message ?? "";
    expect(message).toContain("could not read the stack config");
    expect(message).toContain("PULUMI_CONFIG is not valid JSON");
    expect(message).toContain("Fix:");
    for (const x of findings) expect(x.message).not.toContain(SECRET);
  });

  test("says so when it is JSON but not an object", async () => {
    const { findings } = await notObject.get().analyze(c.resource, { provider: c.provider });
    const gpu = findings.filter((x) => x.policyName === "gpu-in-restricted-jurisdiction");
    expect(gpu.map((x) => x.enforcementLevel)).toEqual(["mandatory"]);
    expect(gpu[0]?.message).toContain("PULUMI_CONFIG is not a JSON object");
    expect(gpu[0]?.message).not.toContain(SECRET);
  });

  test("leaves a resource no policy decides alone", async () => {
    const bucket = f.resource("aws:s3/bucket:Bucket", "logs", { provider: usEast1 });
    const { findings } = await notJson.get().analyze(bucket, { provider: usEast1 });
    expect(findings).toEqual([]);
  });
});
