// What the pack receives, proven with a probe pack (test/fixtures/scan/stack-pack): AnalyzeStack
// gets every resource with its parent, dependencies, property dependencies and provider; Remediate
// runs for a remediate-level policy and Analyze sees the remediated properties; stack tags, stack
// config and policy config reach the pack.
import * as path from "path";
import { runScan } from "../../../cli/scan/run";
import type { EngineMode } from "../../../cli/scan/scan";
import type { FileScanResult } from "../../../cli/scan/types";
import { FIXTURES, HERMETIC_ENV, PACK_DIR, tmpFile } from "./helpers";

const PROBE = path.join(FIXTURES, "stack-pack");
const ROOT = "urn:pulumi:dev::rel::pulumi:pulumi:Stack::rel-dev";
const PROVIDER = "urn:pulumi:dev::rel::pulumi:providers:aws::default_7_48_0";
const VPC = "urn:pulumi:dev::rel::aws:ec2/vpc:Vpc::vpc";
const WEB = "urn:pulumi:dev::rel::aws:ec2/instance:Instance::web";
const DB = "urn:pulumi:dev::rel::aws:rds/instance:Instance::db";

const exportFile = () =>
  tmpFile(
    "relations.json",
    JSON.stringify(
      {
        version: 3,
        deployment: {
          resources: [
            { urn: ROOT, custom: false, type: "pulumi:pulumi:Stack" },
            {
              urn: PROVIDER,
              custom: true,
              id: "p1",
              type: "pulumi:providers:aws",
              inputs: { region: "eu-west-1", version: "7.48.0" },
            },
            {
              urn: VPC,
              custom: true,
              id: "vpc-1",
              type: "aws:ec2/vpc:Vpc",
              inputs: { cidrBlock: "10.0.0.0/16" },
              outputs: { cidrBlock: "10.0.0.0/16", id: "vpc-1" },
              parent: ROOT,
              provider: `${PROVIDER}::p1`,
            },
            {
              urn: WEB,
              custom: true,
              id: "i-1",
              type: "aws:ec2/instance:Instance",
              inputs: { instanceType: "t3.micro", subnetId: "vpc-1" },
              outputs: { instanceType: "t3.micro", id: "i-1" },
              parent: ROOT,
              dependencies: [VPC],
              propertyDependencies: { subnetId: [VPC], instanceType: [] },
              provider: `${PROVIDER}::p1`,
              protect: true,
              ignoreChanges: ["tags"],
              additionalSecretOutputs: ["privateIp"],
              aliases: ["urn:pulumi:dev::rel::aws:ec2/instance:Instance::web-old"],
              customTimeouts: { create: 60, delete: 5 },
            },
            {
              urn: DB,
              custom: true,
              id: "db-1",
              type: "aws:rds/instance:Instance",
              inputs: { engine: "postgres" },
              outputs: { engine: "postgres", tags: { a: "1" }, ports: [5432] },
              parent: ROOT,
              provider: `${PROVIDER}::p1`,
              ignoreChanges: ["engine"],
            },
          ],
        },
      },
      null,
      2,
    ),
  );

function messages(r: FileScanResult, policy: string): Record<string, string> {
  return Object.fromEntries(
    r.findings
      .filter((f) => f.policyName === policy)
      .map((f) => [f.urn, f.message.split("\n").slice(1).join("\n")]),
  );
}

describe("what AnalyzeStack and Remediate receive", () => {
  let result: FileScanResult;
  let protocol: FileScanResult;

  beforeAll(async () => {
    const scan = async (engine: EngineMode) => {
      const run = await runScan([exportFile()], {
        packDir: PROBE,
        engine,
        failOn: "mandatory",
        env: HERMETIC_ENV,
      });
      const first = run.files[0];
      if (!first) throw new Error("no result");
      return first;
    };
    result = await scan("in-process");
    protocol = await scan("protocol");
  }, 120_000);

  it("sends parents, dependencies, property dependencies and providers to AnalyzeStack", () => {
    expect(messages(result, "stack-relations")).toEqual({
      [VPC]: JSON.stringify({
        parent: ROOT,
        dependencies: [],
        propertyDependencies: [],
        provider: PROVIDER,
      }),
      [WEB]: JSON.stringify({
        parent: ROOT,
        dependencies: [VPC],
        // The engine leaves out properties without dependencies.
        propertyDependencies: [`subnetId<-${VPC}`],
        provider: PROVIDER,
      }),
      [DB]: JSON.stringify({
        parent: ROOT,
        dependencies: [],
        propertyDependencies: [],
        provider: PROVIDER,
      }),
    });
  });

  it("sends resource options and properties to AnalyzeStack, as the engine does", () => {
    const none = { protect: false, ignoreChanges: [], aliases: [] };
    const noTimeouts = { createSeconds: 0, updateSeconds: 0, deleteSeconds: 0 };
    const expected = {
      [WEB]: JSON.stringify({
        opts: {
          protect: true,
          ignoreChanges: ["tags"],
          aliases: ["urn:pulumi:dev::rel::aws:ec2/instance:Instance::web-old"],
          customTimeouts: { createSeconds: 60, updateSeconds: 0, deleteSeconds: 5 },
          additionalSecretOutputs: ["privateIp"],
          parent: ROOT,
        },
        props: { id: "i-1", instanceType: "t3.micro" },
      }),
      [DB]: JSON.stringify({
        opts: {
          ...none,
          ignoreChanges: ["engine"],
          customTimeouts: noTimeouts,
          additionalSecretOutputs: [],
          parent: ROOT,
        },
        props: { engine: "postgres", ports: [5432], tags: { a: "1" } },
      }),
    };
    expect(messages(result, "stack-options")).toEqual(expected);
    expect(messages(protocol, "stack-options")).toEqual(expected);
    expect(messages(result, "stack-relations")).toEqual(messages(protocol, "stack-relations"));
  });

  it("runs Remediate for a remediate-level policy and analyzes the remediated properties", () => {
    expect(messages(result, "owner-seen")).toEqual({ [WEB]: "owner=platform" });
    expect(result.report.remediations.map((r) => [r.urn, r.policyName, r.after])).toEqual([
      [
        WEB,
        "tag-owner",
        { instanceType: "t3.micro", subnetId: "vpc-1", tags: { owner: "platform" } },
      ],
    ]);
  });
});

describe("stack config, stack tags and policy config reach the pack", () => {
  it("uses --stack-config for a stack export's default provider, and --policy-pack-config", async () => {
    const state = JSON.stringify({
      version: 3,
      deployment: {
        resources: [
          {
            urn: "urn:pulumi:prod::gpu::pulumi:pulumi:Stack::gpu-prod",
            type: "pulumi:pulumi:Stack",
          },
          {
            urn: "urn:pulumi:prod::gpu::aws:ec2/instance:Instance::trainer",
            custom: true,
            type: "aws:ec2/instance:Instance",
            inputs: { instanceType: "p5.48xlarge" },
            // A default provider missing from the export (e.g. a hand-trimmed file) is rebuilt
            // from stack config, as the engine builds it.
            provider: "urn:pulumi:prod::gpu::pulumi:providers:aws::default_7_48_0::x",
          },
        ],
      },
    });
    const stateFile = tmpFile("trimmed.json", state);
    const stackConfig = tmpFile(
      "Pulumi.prod.yaml",
      "config:\n  aws:region: ap-east-1\n  gpu:token:\n    secure: v1:abcdef\n",
    );
    const denied = await runScan([stateFile], {
      packDir: PACK_DIR,
      failOn: "mandatory",
      stackConfigFile: stackConfig,
      env: HERMETIC_ENV,
    });
    expect(denied.files[0]?.findings.map((f) => f.policyName)).toEqual([
      "gpu-in-restricted-jurisdiction",
    ]);
    expect(denied.exitCode).toBe(1);

    // --config wins over the file; the policy config file is applied as the engine applies it.
    const policyConfig = tmpFile(
      "pack-config.json",
      JSON.stringify({ "gpu-in-restricted-jurisdiction": "advisory" }),
    );
    const relaxed = await runScan([stateFile], {
      packDir: PACK_DIR,
      failOn: "mandatory",
      stackConfigFile: stackConfig,
      config: { "aws:region": "ap-east-1" },
      policyConfigFile: policyConfig,
      env: HERMETIC_ENV,
    });
    expect(relaxed.files[0]?.findings.map((f) => f.enforcementLevel)).toEqual(["advisory"]);
    expect(relaxed.exitCode).toBe(0);

    const allowed = await runScan([stateFile], {
      packDir: PACK_DIR,
      failOn: "mandatory",
      config: { "aws:region": "eu-west-1" },
      env: HERMETIC_ENV,
    });
    expect(allowed.files[0]?.findings).toEqual([]);
  }, 60_000);

  it("passes --stack-tags to the pack", async () => {
    const state = JSON.stringify({
      version: 3,
      deployment: {
        resources: [
          {
            urn: "urn:pulumi:prod::gpu::pulumi:providers:aws::default_7_48_0",
            custom: true,
            type: "pulumi:providers:aws",
            inputs: { region: "eu-west-1" },
          },
          {
            urn: "urn:pulumi:prod::gpu::aws:ec2/instance:Instance::trainer",
            custom: true,
            type: "aws:ec2/instance:Instance",
            inputs: { instanceType: "p5.48xlarge" },
            provider: "urn:pulumi:prod::gpu::pulumi:providers:aws::default_7_48_0::x",
          },
        ],
      },
    });
    const file = tmpFile("tagged.json", state);
    const untagged = await runScan([file], {
      packDir: PACK_DIR,
      failOn: "mandatory",
      env: HERMETIC_ENV,
    });
    expect(untagged.files[0]?.findings).toEqual([]);
    const tagged = await runScan([file], {
      packDir: PACK_DIR,
      failOn: "mandatory",
      stackTags: { jurisdiction: "CN" },
      env: HERMETIC_ENV,
    });
    expect(tagged.files[0]?.findings.map((f) => f.policyName)).toEqual([
      "gpu-or-ai-in-restricted-account",
    ]);
  }, 60_000);
});
