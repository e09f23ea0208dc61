// Exemptions (issue #4) through the real pack process: a matching, unexpired exemption turns a
// violation into an advisory finding that names it; an expired one leaves the violation
// mandatory and says it expired; one that does not match changes nothing; malformed ones are
// rejected by the runner's config validation (schema) or reported by the pack, naming the entry.
//
// The pack judges expiry against its own clock (today, UTC), so the dates here are relative to
// today.
import type { EngineResource, Finding } from "../../cli/runner";
import { PolicyConfigError, startPack } from "../../cli/runner";
import { ResourceFactory, TYPES } from "../support/engine";
import { GPU_POLICY, packOptions, usePack } from "./harness";

const ACCOUNT_POLICY = "gpu-or-ai-in-restricted-account";

/** YYYY-MM-DD, `days` from today (UTC). */
function day(days: number): string {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

const f = new ResourceFactory();
const INSTANCE = "aws:ec2/instance:Instance";
const urnOf = (name: string) => f.urn(INSTANCE, name);

const VALID = {
  resource: "urn:pulumi:test::factory::aws:ec2/instance:Instance::hk-pilot-*",
  reason: "Legal-approved inference pilot in Hong Kong (EXC-2041)",
  expires: day(30),
  approvedBy: "export-compliance@acme.example",
};
const EXPIRES_TODAY = {
  resource: urnOf("last-day-node"),
  reason: "Migration window closes today (EXC-2050)",
  expires: day(0),
};
const EXPIRED = {
  resource: urnOf("expired-node"),
  reason: "Benchmark run (EXC-1999)",
  expires: day(-1),
};
const OTHER_STACK = {
  resource: "urn:pulumi:prod::*::aws:ec2/instance:Instance::prod-*",
  reason: "Production exception, not this stack",
  expires: day(30),
};
const POOL = {
  resource: "urn:pulumi:test::factory::azure-native:containerservice:AgentPool::a100",
  reason: "Hong Kong AKS pilot (EXC-2077)",
  expires: day(30),
};

const pack = usePack({
  policyConfig: {
    [GPU_POLICY]: { exemptions: [VALID, EXPIRES_TODAY, EXPIRED, OTHER_STACK, POOL] },
  },
});

const hongKong = f.awsProvider("ap-east-1");

function gpuInstance(name: string, provider: EngineResource = hongKong): EngineResource {
  return f.resource(INSTANCE, name, {
    provider,
    inputs: { ami: "ami-0a1b2c3d4e5f60718", instanceType: "p5.48xlarge" },
  });
}

async function findings(
  r: EngineResource,
  provider: EngineResource,
  policy = GPU_POLICY,
): Promise<Finding[]> {
  const { findings: all } = await pack.get().analyze(r, { provider });
  return all.filter((x) => x.policyName === policy);
}

describe("a valid exemption", () => {
  test("turns the violation into an advisory finding naming the exemption", async () => {
    const found = await findings(gpuInstance("hk-pilot-1"), hongKong);
    expect(found.map((x) => x.enforcementLevel)).toEqual(["advisory"]);
    const message = found[0]?.message ?? "";
    expect(message).toContain("exemptions[0]");
    expect(message).toContain(VALID.reason);
    expect(message).toContain(VALID.approvedBy);
    expect(message).toContain(VALID.expires);
    // The violation it stands in for is still shown.
    expect(message).toContain("ap-east-1");
  });

  test("applies through its last day (expires today)", async () => {
    const found = await findings(gpuInstance("last-day-node"), hongKong);
    expect(found.map((x) => x.enforcementLevel)).toEqual(["advisory"]);
    expect(found[0]?.message).toContain("exemptions[1]");
  });

  test("applies only to its own policy: the account policy still denies", async () => {
    const beijing = f.awsProvider("cn-north-1");
    const r = gpuInstance("hk-pilot-2", beijing);
    expect((await findings(r, beijing)).map((x) => x.enforcementLevel)).toEqual(["advisory"]);
    const account = await findings(r, beijing, ACCOUNT_POLICY);
    expect(account.map((x) => x.enforcementLevel)).toEqual(["mandatory"]);
  });

  // Regression: the stack phase, which decides children whose location is their parent's,
  // applies exemptions like the resource phase.
  test("also covers a child decided at AnalyzeStack (an AKS pool in an East Asia cluster)", async () => {
    const azure = f.defaultProvider("azure-native", {});
    const cluster = f.resource(TYPES.azureManagedCluster, "aks", {
      provider: azure,
      inputs: {
        resourceGroupName: "rg-hk",
        resourceName: "aks-hk",
        location: "eastasia",
        dnsPrefix: "aks-hk",
        agentPoolProfiles: [
          { name: "system", mode: "System", vmSize: "Standard_D4s_v5", count: 1 },
        ],
      },
    });
    const pool = f.resource(TYPES.azureAgentPool, "a100", {
      provider: azure,
      inputs: {
        resourceGroupName: "rg-hk",
        resourceName: "aks-hk",
        vmSize: "Standard_NC24ads_A100_v4",
        count: 1,
        mode: "User",
      },
      dependsOn: [cluster],
      propertyDependencies: { resourceName: [cluster] },
    });
    expect(pool.urn).toBe(POOL.resource);
    const report = await pack.get().evaluate([f.rootStack(), azure, cluster, pool]);
    const found = report.findings.filter((x) => x.urn === pool.urn && x.policyName === GPU_POLICY);
    expect(found.map((x) => x.enforcementLevel)).toEqual(["advisory"]);
    expect(found[0]?.message).toContain("exemptions[4]");
  });
});

describe("an expired exemption", () => {
  test("leaves the violation mandatory and says it expired", async () => {
    const found = await findings(gpuInstance("expired-node"), hongKong);
    expect(found.map((x) => x.enforcementLevel)).toEqual(["mandatory"]);
    const message = found[0]?.message ?? "";
    expect(message).toContain("exemptions[2]");
    expect(message).toContain(`expired on ${EXPIRED.expires}`);
    expect(message).toContain("ap-east-1");
  });
});

describe("an exemption that does not match", () => {
  test("leaves another resource's violation mandatory, without mentioning exemptions", async () => {
    const found = await findings(gpuInstance("training-node"), hongKong);
    expect(found.map((x) => x.enforcementLevel)).toEqual(["mandatory"]);
    expect(found[0]?.message).not.toContain("exemptions[");
  });

  test("does not apply in another stack (the glob names stack prod)", async () => {
    const found = await findings(gpuInstance("prod-inference"), hongKong);
    expect(found.map((x) => x.enforcementLevel)).toEqual(["mandatory"]);
    expect(found[0]?.message).not.toContain("exemptions[3]");
  });

  test("does not report an allowed resource", async () => {
    const virginia = f.awsProvider("us-east-1");
    expect(await findings(gpuInstance("hk-pilot-3", virginia), virginia)).toEqual([]);
  });
});

describe("malformed exemptions the pack reports", () => {
  const BAD_GLOB = {
    resource: "urn:pulumi:test::factory::aws:ec2/instance:Instance::gpu-[",
    reason: "Typo in the pattern",
    expires: day(10),
  };
  const TOO_LONG = {
    resource: urnOf("long-lived"),
    reason: "Open-ended pilot",
    expires: day(400),
  };
  const malformed = usePack({
    policyConfig: { [GPU_POLICY]: { exemptions: [BAD_GLOB, TOO_LONG] } },
  });

  async function malformedFindings(r: EngineResource, provider: EngineResource) {
    const { findings: all } = await malformed.get().analyze(r, { provider });
    return all.filter((x) => x.policyName === GPU_POLICY);
  }

  test("a bad glob is named (exemptions[0].resource) on every concerned resource", async () => {
    const found = await malformedFindings(gpuInstance("any-node"), hongKong);
    expect(found.map((x) => x.enforcementLevel)).toEqual(["mandatory"]);
    expect(found[0]?.message).toContain("exemptions[0].resource");
    expect(found[0]?.message).toContain("not a valid URN glob");
  });

  test("an expiry beyond maxExemptionDays is named (exemptions[1].expires)", async () => {
    const found = await malformedFindings(gpuInstance("long-lived"), hongKong);
    expect(found.map((x) => x.enforcementLevel)).toEqual(["mandatory"]);
    expect(found[0]?.message).toContain("exemptions[1].expires");
    expect(found[0]?.message).toContain("maxExemptionDays (365)");
  });

  test("an invalid config is not exempted away, even in an allowed region", async () => {
    const virginia = f.awsProvider("us-east-1");
    const found = await malformedFindings(gpuInstance("long-lived", virginia), virginia);
    expect(found.map((x) => x.enforcementLevel)).toEqual(["mandatory"]);
  });

  test("a resource the policy does not concern gets no finding", async () => {
    const virginia = f.awsProvider("us-east-1");
    const cpu = f.resource(INSTANCE, "web", {
      provider: virginia,
      inputs: { ami: "ami-0a1b2c3d4e5f60718", instanceType: "m5.large" },
    });
    expect(await malformedFindings(cpu, virginia)).toEqual([]);
  });
});

describe("malformed exemptions the runner's config validation rejects", () => {
  test("a missing reason and a non-date expiry stop the run, naming each entry", async () => {
    const error = await startPack(
      packOptions({
        policyConfig: {
          [GPU_POLICY]: {
            exemptions: [
              { resource: urnOf("no-reason"), expires: day(10) },
              { resource: urnOf("bad-date"), reason: "Pilot", expires: "next Friday" },
            ],
          },
        },
      }),
    ).then(
      async (session) => {
        await session.close();
        return undefined;
      },
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(PolicyConfigError);
    const problems = (error as PolicyConfigError).problems;
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ policy: GPU_POLICY, field: "exemptions[0].reason" }),
        expect.objectContaining({ policy: GPU_POLICY, field: "exemptions[1].expires" }),
      ]),
    );
    expect((error as Error).message).toContain("exemptions[0].reason");
  });
});
