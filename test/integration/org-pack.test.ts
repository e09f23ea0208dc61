// The library API end to end (issue #4): examples/org-pack is an organisation's own pack, a
// TypeScript program that imports `jurisdiction-guard` (the workspace package, compiled
// policypack/bin/lib.js) and constructs `new JurisdictionGuard("acme-jurisdiction-guard", {...})`.
// The runner starts it as `pulumi preview --policy-pack examples/org-pack` would (run-policy-pack
// registers ts-node for the .ts entry point) next to the stock pack, and the same resources get
// different verdicts from the settings baked into the org pack. Importing the library alone
// starts nothing.
import { spawn } from "child_process";
import * as path from "path";
import type { EngineResource, Finding, PolicyPackSession } from "../../cli/runner";
import { resolveRunPolicyPack } from "../../cli/runner";
import { ResourceFactory } from "../support/engine";
import { EXAMPLES_DIR, GPU_POLICY, PACK_DIR, REPO_ROOT, usePack } from "./harness";

const ORG_PACK_DIR = path.join(EXAMPLES_DIR, "org-pack");
const ACCOUNT_POLICY = "gpu-or-ai-in-restricted-account";
const PACKAGE_POLICY = "listed-foreign-provider-resource";

const stock = usePack();
const org = usePack({ packDir: ORG_PACK_DIR });
const f = new ResourceFactory();

async function findingsOf(
  session: PolicyPackSession,
  policy: string,
  resource: EngineResource,
  provider: EngineResource,
): Promise<Finding[]> {
  const { findings } = await session.analyze(resource, { provider });
  return findings.filter((x) => x.policyName === policy);
}

const levels = (found: Finding[]) => found.map((x) => x.enforcementLevel);

function gpuInstance(provider: EngineResource, instanceType = "p5.48xlarge"): EngineResource {
  return f.resource("aws:ec2/instance:Instance", "gpu-node", {
    provider,
    inputs: { ami: "ami-0a1b2c3d4e5f60718", instanceType },
  });
}

describe("starting the org pack", () => {
  test("the runner resolves run-policy-pack for the org pack from the workspace", () => {
    expect(resolveRunPolicyPack(ORG_PACK_DIR)).toBe(resolveRunPolicyPack(PACK_DIR));
  });

  test("it is served under its own name and version, with the stock pack's policies", () => {
    const { info } = org.get();
    expect(info.name).toBe("acme-jurisdiction-guard");
    expect(info.version).toBe("1.0.0");
    expect(info.policies.map((p) => p.name)).toEqual(stock.get().info.policies.map((p) => p.name));
  });
});

describe("settings baked into the org pack take effect", () => {
  test("listed-foreign-provider-resource is mandatory (advisory in the stock pack)", async () => {
    const provider: EngineResource = {
      urn: f.urn("pulumi:providers:alicloud", "default_3_108_0"),
      type: "pulumi:providers:alicloud",
      name: "default_3_108_0",
      custom: true,
      inputs: { region: "cn-hangzhou", version: "3.108.0" },
    };
    const vm = f.resource("alicloud:ecs/instance:Instance", "vm", {
      provider,
      inputs: { instanceType: "ecs.g7.large", imageId: "aliyun_3_x64_20G_alibase_20240819.vhd" },
    });
    expect(levels(await findingsOf(stock.get(), PACKAGE_POLICY, vm, provider))).toEqual([
      "advisory",
    ]);
    expect(levels(await findingsOf(org.get(), PACKAGE_POLICY, vm, provider))).toEqual([
      "mandatory",
    ]);
  });

  test("restrictedJurisdictions adds Singapore: a GPU in ap-southeast-1, allowed by the stock pack, is reported", async () => {
    const singapore = f.awsProvider("ap-southeast-1");
    const r = gpuInstance(singapore);
    expect(await findingsOf(stock.get(), GPU_POLICY, r, singapore)).toEqual([]);
    const found = await findingsOf(org.get(), GPU_POLICY, r, singapore);
    expect(found).toHaveLength(1);
    expect(found[0]?.message).toContain("Singapore");
  });

  test("acceleratorScope export-controlled: a T4 (g4dn) in Hong Kong, denied by the stock pack, is allowed", async () => {
    const hongKong = f.awsProvider("ap-east-1");
    const r = gpuInstance(hongKong, "g4dn.xlarge");
    expect(levels(await findingsOf(stock.get(), GPU_POLICY, r, hongKong))).toEqual(["mandatory"]);
    expect(await findingsOf(org.get(), GPU_POLICY, r, hongKong)).toEqual([]);
  });

  test("restrictedAccounts: a GPU through a provider limited to the JV account is reported", async () => {
    const jv = f.explicitProvider("aws", "jv", {
      region: "us-east-1",
      allowedAccountIds: JSON.stringify(["210987654321"]),
    });
    const r = gpuInstance(jv);
    expect(await findingsOf(stock.get(), ACCOUNT_POLICY, r, jv)).toEqual([]);
    const found = await findingsOf(org.get(), ACCOUNT_POLICY, r, jv);
    expect(found).toHaveLength(1);
    expect(found[0]?.message).toContain("ACME-Sino JV account");
  });

  // Regression: an initial-config entry without a level reaches the engine as ADVISORY (the
  // proto default), so initialConfigOf gives every entry a level.
  test("all: mandatory makes every policy mandatory in the config sent to the pack", () => {
    const { config, info } = org.get();
    const levelsByPolicy = Object.fromEntries(
      info.policies.map((p) => [p.name, config[p.name]?.enforcementLevel]),
    );
    expect(levelsByPolicy).toEqual(
      Object.fromEntries(info.policies.map((p) => [p.name, "mandatory"])),
    );
  });

  test("so the GPU in Singapore is denied (mandatory)", async () => {
    const singapore = f.awsProvider("ap-southeast-1");
    const found = await findingsOf(org.get(), GPU_POLICY, gpuInstance(singapore), singapore);
    expect(levels(found)).toEqual(["mandatory"]);
  });
});

/** Runs `script` in a plain node process from the org pack folder; its stdout, exit code and stderr. */
async function runNode(
  script: string,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ["-e", script], {
    cwd: ORG_PACK_DIR,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.setEncoding("utf8").on("data", (c: string) => (stdout += c));
  child.stderr.setEncoding("utf8").on("data", (c: string) => (stderr += c));
  const timer = setTimeout(() => child.kill("SIGKILL"), 20_000);
  const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
  clearTimeout(timer);
  return { code, stdout, stderr };
}

describe("importing the library", () => {
  test("and building the stock pack's initial config loads no schema validator and no cloud SDK", async () => {
    const script = [
      'const jg = require("jurisdiction-guard");',
      "const config = jg.initialConfigOf({});",
      "const loaded = Object.keys(require.cache).filter((f) =>",
      "  /node_modules[\\\\/](ajv|@sinclair[\\\\/]typebox|@pulumi[\\\\/](aws|azure-native))[\\\\/]/.test(f));",
      "console.log(JSON.stringify({ config, loaded }));",
    ].join("\n");
    const { code, stdout, stderr } = await runNode(script);
    expect({ code, stderr }).toEqual({ code: 0, stderr: "" });
    expect(JSON.parse(stdout.trim().split("\n").pop() ?? "{}")).toEqual({ config: {}, loaded: [] });
  });

  test("validates baked-in settings when there are some, naming the field", async () => {
    const script = [
      'const jg = require("jurisdiction-guard");',
      'try { jg.initialConfigOf({ restrictedJurisdictions: ["XX"] }); console.log("accepted"); }',
      "catch (e) { console.log(e.name + ': ' + e.message); }",
    ].join("\n");
    const { code, stdout } = await runNode(script);
    expect(code).toBe(0);
    expect(stdout).toContain("JurisdictionGuardConfigError: ");
    expect(stdout).toContain("restrictedJurisdictions[0]");
  });

  test("in a plain node process starts no server: no port is printed and the process exits by itself", async () => {
    const script = [
      'const lib = require.resolve("jurisdiction-guard");',
      'const jg = require("jurisdiction-guard");',
      "console.log(JSON.stringify({ lib, guard: typeof jg.JurisdictionGuard, policies: jg.POLICIES.length }));",
    ].join("\n");
    const { code, stdout, stderr } = await runNode(script);
    expect({ code, stderr }).toEqual({ code: 0, stderr: "" });
    const lines = stdout.trim().split("\n");
    expect(lines.filter((l) => /^\d+$/.test(l.trim()))).toEqual([]);
    expect(JSON.parse(lines[lines.length - 1] ?? "{}")).toEqual({
      lib: path.join(REPO_ROOT, "policypack", "bin", "lib.js"),
      guard: "function",
      policies: stock.get().info.policies.length,
    });
  });
});
