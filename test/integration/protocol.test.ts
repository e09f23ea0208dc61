// The Analyzer protocol as the engine drives it, against the real pack process: metadata,
// configuration, per-resource analysis (known, secret and unknown values), remediation and
// stack analysis.
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { verdictsByName } from "../../cli/program/evaluate";
import { PolicyConfigError, secret, startPack, UNKNOWN } from "../../cli/runner";
import type { EngineResource, PolicyInfo } from "../../cli/runner";
import { ResourceFactory } from "../support/engine";
import { AI_POLICY, GPU_POLICY, packOptions, REPO_ROOT, usePack } from "./harness";

const pack = usePack();
const f = new ResourceFactory();

function policy(name: string): PolicyInfo {
  const p = pack.get().info.policies.find((x) => x.name === name);
  if (!p) throw new Error(`the pack has no policy ${name}`);
  return p;
}

async function levels(resource: EngineResource, provider?: EngineResource): Promise<string[]> {
  const { findings } = await pack.get().analyze(resource, provider ? { provider } : undefined);
  return findings.filter((x) => x.policyName === GPU_POLICY).map((x) => x.enforcementLevel);
}

/** A property of the policy's config schema and a value of the wrong type for it. */
function wrongValueFor(p: PolicyInfo): { field: string; value: unknown } {
  for (const [field, schema] of Object.entries(p.configSchema?.properties ?? {})) {
    if (field === "enforcementLevel") continue;
    switch (schema["type"]) {
      case "array":
      case "string":
      case "object":
        return { field, value: 42 };
      case "number":
      case "integer":
      case "boolean":
        return { field, value: "not-a-valid-value" };
    }
  }
  throw new Error(`${p.name} declares no typed config property`);
}

describe("GetAnalyzerInfo", () => {
  test("lists the two jurisdiction policies", () => {
    const names = pack.get().info.policies.map((p) => p.name);
    expect(names).toEqual(expect.arrayContaining([GPU_POLICY, AI_POLICY]));
  });

  test("every policy has a description, a severity, remediation steps and a config schema", () => {
    const info = pack.get().info;
    expect(info.supportsConfig).toBe(true);
    for (const p of info.policies) {
      expect(p.description).not.toBe("");
      expect(["low", "medium", "high", "critical"]).toContain(p.severity);
      expect(p.remediationSteps.trim()).not.toBe("");
      // The engine injects enforcementLevel into every schema of a pack that supports config.
      expect(p.configSchema?.properties["enforcementLevel"]).toMatchObject({ type: "string" });
    }
  });

  test("both policies are mandatory by default and Configure carries the schema defaults", () => {
    const { config } = pack.get();
    for (const name of [GPU_POLICY, AI_POLICY]) {
      expect(policy(name).enforcementLevel).toBe("mandatory");
      expect(config[name]?.enforcementLevel).toBe("mandatory");
      for (const [k, schema] of Object.entries(policy(name).configSchema?.properties ?? {})) {
        if ("default" in schema) expect(config[name]?.properties?.[k]).toEqual(schema["default"]);
      }
    }
  });
});

describe("Analyze", () => {
  const usEast = f.awsProvider("us-east-1");
  const compliant = f.awsLaunchTemplate("gpu-template", usEast);

  test("a GPU launch template in us-east-1 is allowed", async () => {
    expect(await levels(compliant, usEast)).toEqual([]);
  });

  test("the same template through a cn-north-1 provider is denied (mandatory)", async () => {
    const beijing = f.awsProvider("cn-north-1");
    const denied = { ...compliant, provider: f.ref(beijing) };
    const { findings } = await pack.get().analyze(denied, { provider: beijing });
    const gpu = findings.filter((x) => x.policyName === GPU_POLICY);
    expect(gpu.map((x) => x.enforcementLevel)).toEqual(["mandatory"]);
    expect(gpu[0]?.urn).toBe(denied.urn);
    expect(gpu[0]?.severity).toBe(policy(GPU_POLICY).severity);
    expect(gpu[0]?.message.trim()).not.toBe("");
  });

  test("the resource's own region wins over the provider's", async () => {
    const denied = f.with(compliant, { region: "cn-north-1" });
    expect(await levels(denied, usEast)).toEqual(["mandatory"]);
  });

  test("a secret region reaches the pack unwrapped", async () => {
    const ningxia = f.explicitProvider("aws", "ningxia", { region: secret("cn-northwest-1") });
    const denied = { ...compliant, provider: f.ref(ningxia) };
    expect(await levels(denied, ningxia)).toEqual(["mandatory"]);
  });

  test("a CPU instance type in China is not a GPU finding", async () => {
    const beijing = f.awsProvider("cn-north-1");
    const cpu = { ...f.with(compliant, { instanceType: "m5.large" }), provider: f.ref(beijing) };
    expect(await levels(cpu, beijing)).toEqual([]);
  });

  test("an unknown (computed) region waits for the stack phase, then gives an advisory note, not a verdict", async () => {
    const unknownProvider = f.awsProvider(UNKNOWN);
    const computed = {
      ...f.with(compliant, { region: UNKNOWN }),
      provider: f.ref(unknownProvider),
    };
    // Analyze defers: the stack may show the resource the region came from.
    expect(await levels(computed, unknownProvider)).toEqual([]);
    const resources = [f.rootStack(), unknownProvider, computed];
    const report = await pack.get().evaluate(resources);
    const gpu = report.findings.filter((x) => x.policyName === GPU_POLICY);
    expect(gpu.map((x) => [x.urn, x.enforcementLevel])).toEqual([[computed.urn, "advisory"]]);
  });
});

describe("Analyze reports not-applicable policies", () => {
  // Every policy answers "not applicable" explicitly (args.notApplicable), never a silent pass, also
  // when many resources are in flight at once.
  test("for each policy, with its reason, on every resource of a batch analysed 16 at a time", async () => {
    const usEast = f.awsProvider("us-east-1");
    const buckets = Array.from({ length: 40 }, (_, i) =>
      f.resource("aws:s3/bucket:Bucket", `logs-${i}`, {
        provider: usEast,
        inputs: { bucket: `logs-${i}` },
      }),
    );
    const report = await pack
      .get()
      .evaluate([usEast, ...buckets], { concurrency: 16, analyzeStack: false });
    const policies = pack
      .get()
      .info.policies.map((p) => p.name)
      .sort();
    for (const b of buckets) {
      const na = report.notApplicable.filter((n) => n.urn === b.urn);
      expect(na.map((n) => n.policyName).sort()).toEqual(policies);
      for (const n of na) expect(n.reason).toMatch(/\w+/);
    }
    expect(report.findings.filter((x) => buckets.some((b) => b.urn === x.urn))).toEqual([]);
  });

  test("and a GPU resource after many not-applicable answers is still decided (no answer leaks)", async () => {
    const beijing = f.awsProvider("cn-north-1");
    const denied = { ...compliant(), provider: f.ref(beijing) };
    const { findings, notApplicable } = await pack.get().analyze(denied, { provider: beijing });
    expect(
      findings.filter((x) => x.policyName === GPU_POLICY).map((x) => x.enforcementLevel),
    ).toEqual(["mandatory"]);
    expect(notApplicable.map((n) => n.policyName)).not.toContain(GPU_POLICY);
  });
});

function compliant(): EngineResource {
  return f.awsLaunchTemplate("gpu-template-late", f.awsProvider("us-east-1"));
}

describe("Remediate", () => {
  test("answers for every resource, as the engine calls it before Analyze", async () => {
    const provider = f.awsProvider("cn-north-1");
    const r = f.awsLaunchTemplate("remediate-me", provider);
    const result = await pack.get().remediate(r, { provider });
    expect(result.properties).toEqual(r.inputs);
    for (const rem of result.remediations) expect(rem.urn).toBe(r.urn);
  });
});

describe("AnalyzeStack", () => {
  // An AKS cluster in East Asia and a GPU pool that has no location of its own: the pool lives
  // in the cluster it names through `resourceName` (a property dependency on the cluster).
  const provider = f.defaultProvider("azure-native", {});
  const { group, cluster, pool } = f.aksGpuPoolInEastAsia(provider);
  const resources = [f.rootStack(), provider, group, cluster, pool];

  test("runs over the whole stack with parents, dependencies and providers", async () => {
    const result = await pack.get().analyzeStack(resources);
    for (const finding of result.findings) {
      expect(finding.phase).toBe("analyzeStack");
      expect(resources.map((r) => r.urn)).toContain(finding.urn);
    }
  });

  test("the engine sequence denies the GPU pool through its cluster's location", async () => {
    const report = await pack.get().evaluate(resources);
    const verdicts = verdictsByName(resources, report);
    expect(verdicts["a100"]).toEqual({ [GPU_POLICY]: "mandatory" });
    expect(verdicts["aks"]).toBe("none");
    expect(report.resourcesAnalyzed).toBe(resources.length);
  });
});

describe("Configure", () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "jg-config-"));
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

  function writeConfig(name: string, content: unknown): string {
    const file = path.join(tmp, name);
    fs.writeFileSync(file, JSON.stringify(content));
    return file;
  }

  test("a value of the wrong type is rejected, naming the file, the policy and the field", async () => {
    const { field, value } = wrongValueFor(policy(GPU_POLICY));
    const file = writeConfig("wrong-type.json", { [GPU_POLICY]: { [field]: value } });
    const error = await startPack(packOptions({ policyConfigFile: file })).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(PolicyConfigError);
    const problems = (error as PolicyConfigError).problems;
    expect(problems).toContainEqual(expect.objectContaining({ file, policy: GPU_POLICY, field }));
    expect((error as Error).message).toContain(file);
    expect((error as Error).message).toContain(GPU_POLICY);
    expect((error as Error).message).toContain(field);
  });

  test("a misspelled setting is rejected against the schema the pack reports, with the closest setting", async () => {
    const file = writeConfig("typo.json", { [GPU_POLICY]: { restrictedJurisdiction: ["RU"] } });
    const error = await startPack(packOptions({ policyConfigFile: file })).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(PolicyConfigError);
    expect((error as PolicyConfigError).problems).toEqual([
      {
        file,
        policy: GPU_POLICY,
        field: "restrictedJurisdiction",
        message: expect.stringMatching(
          /^is not a setting of this policy; did you mean "restrictedJurisdictions"\? \(its settings: /,
        ) as unknown,
      },
    ]);
  });

  test("an unknown region is reported by the pack on every resource it decides, with the closest region", async () => {
    const session = await startPack(
      packOptions({ policyConfig: { [GPU_POLICY]: { restrictedRegions: ["cn-nrth-1"] } } }),
    );
    try {
      const virginia = f.awsProvider("us-east-1");
      const r = f.awsLaunchTemplate("gpu-template", virginia);
      const { findings } = await session.analyze(r, { provider: virginia });
      const gpu = findings.filter((x) => x.policyName === GPU_POLICY);
      expect(gpu.map((x) => x.enforcementLevel)).toEqual(["mandatory"]);
      expect(gpu[0]?.message.split("\n")).toContain(
        '- restrictedRegions[0]: "cn-nrth-1" is not a known region name. Fix: did you mean "cn-north-1"?',
      );
    } finally {
      await session.close();
    }
  });

  test("an invalid enforcement level is rejected before the pack starts", async () => {
    const file = writeConfig("bad-level.json", { [AI_POLICY]: "sometimes" });
    await expect(startPack(packOptions({ policyConfigFile: file }))).rejects.toMatchObject({
      problems: [expect.objectContaining({ file, policy: AI_POLICY })],
    });
  });

  test('"all": "advisory" turns the denial into an advisory finding', async () => {
    const session = await startPack(packOptions({ policyConfig: { all: "advisory" } }));
    try {
      const beijing = f.awsProvider("cn-north-1");
      const r = f.awsLaunchTemplate("gpu-template", beijing);
      const { findings } = await session.analyze(r, { provider: beijing });
      const gpu = findings.filter((x) => x.policyName === GPU_POLICY);
      expect(gpu.map((x) => x.enforcementLevel)).toEqual(["advisory"]);
    } finally {
      await session.close();
    }
  });

  test("the demo exits 2 on a bad config file, names file, policy and field, without a stack trace", () => {
    const { field, value } = wrongValueFor(policy(GPU_POLICY));
    const file = writeConfig("demo-bad.json", { [GPU_POLICY]: { [field]: value } });
    const run = spawnSync(
      process.execPath,
      [
        path.join(REPO_ROOT, "bin", "demo.js"),
        "--only",
        "sagemaker-hong-kong",
        "--no-build",
        "--pack",
        pack.get().packDir,
        "--policy-pack-config",
        file,
      ],
      { cwd: REPO_ROOT, encoding: "utf8", timeout: 90_000 },
    );
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(file);
    expect(run.stderr).toContain(GPU_POLICY);
    expect(run.stderr).toContain(field);
    expect(run.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
  });
});
