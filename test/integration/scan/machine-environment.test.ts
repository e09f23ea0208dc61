// A recorded deployment (stack export, event log) is decided without the scanning machine's cloud
// settings: the same file gives the same verdict on every machine, unless --use-environment.
import * as fs from "fs";
import * as path from "path";
import { REPO_ROOT, runCli, tmpDir, tmpFile } from "./helpers";

const urn = (type: string, name: string) => `urn:pulumi:prod::ml::${type}::${name}`;
const PROVIDER = urn("pulumi:providers:aws", "default_7_48_0");
const ID = "00000000-1111-4222-8333-444444444444";

/** A GPU instance whose default provider names no region (none in stack config either). */
const EXPORT = JSON.stringify({
  version: 3,
  deployment: {
    manifest: { time: "2026-05-12T10:00:00Z", magic: "x", version: "v3.190.0" },
    resources: [
      {
        urn: PROVIDER,
        custom: true,
        id: ID,
        type: "pulumi:providers:aws",
        inputs: { version: "7.48.0" },
      },
      {
        urn: urn("aws:ec2/instance:Instance", "trainer"),
        custom: true,
        id: "i-0123456789abcdef0",
        type: "aws:ec2/instance:Instance",
        inputs: { instanceType: "p4d.24xlarge" },
        provider: `${PROVIDER}::${ID}`,
      },
    ],
  },
});

/** The same resource as an event log of `pulumi preview --event-log`. */
const EVENT_LOG = [
  { sequence: 0, timestamp: 1, preludeEvent: { config: {} } },
  {
    sequence: 1,
    timestamp: 1,
    resourcePreEvent: {
      metadata: {
        op: "create",
        urn: urn("aws:ec2/instance:Instance", "trainer"),
        type: "aws:ec2/instance:Instance",
        provider: `${PROVIDER}::${ID}`,
        new: {
          urn: urn("aws:ec2/instance:Instance", "trainer"),
          type: "aws:ec2/instance:Instance",
          custom: true,
          inputs: { instanceType: "p4d.24xlarge" },
          provider: `${PROVIDER}::${ID}`,
        },
      },
      planning: true,
    },
  },
]
  .map((e) => JSON.stringify(e))
  .join("\n");

describe("stack exports and event logs do not depend on the scanning machine", () => {
  const file = () => tmpFile("no-region.json", EXPORT);

  it("without a region anywhere: unresolved, exit 1", async () => {
    const r = await runCli(["scan", "--no-build", file()]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("Where: unknown; looked at");
  });

  it("AWS_REGION, AWS_DEFAULT_REGION and AWS_PROFILE of the machine change nothing", async () => {
    const r = await runCli(["scan", "--no-build", file()], REPO_ROOT, undefined, {
      AWS_REGION: "us-east-1",
      AWS_DEFAULT_REGION: "us-east-1",
    });
    expect(r.code).toBe(1);
    expect(r.stdout).not.toContain("us-east-1");
  });

  it("~/.aws/config and AWS_CONFIG_FILE of the machine change nothing", async () => {
    const home = path.join(tmpDir(), "home");
    fs.mkdirSync(path.join(home, ".aws"), { recursive: true });
    const config = path.join(home, ".aws", "config");
    fs.writeFileSync(config, "[default]\nregion = us-east-1\n[profile ml]\nregion = us-east-1\n");
    for (const env of [
      { HOME: home, AWS_CONFIG_FILE: undefined },
      { AWS_CONFIG_FILE: config, AWS_PROFILE: "ml" },
    ]) {
      const r = await runCli(["scan", "--no-build", file()], REPO_ROOT, undefined, env);
      expect(r.code).toBe(1);
      expect(r.stdout).not.toContain("us-east-1");
    }
  });

  it("an event log is decided the same way", async () => {
    const log = tmpFile("no-region.jsonl", EVENT_LOG);
    const r = await runCli(["scan", "--no-build", log], REPO_ROOT, undefined, {
      AWS_REGION: "us-east-1",
    });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("Where: unknown; looked at");
  });

  it("--use-environment lets the machine's region decide", async () => {
    const r = await runCli(
      ["scan", "--no-build", "--use-environment", file()],
      REPO_ROOT,
      undefined,
      {
        AWS_REGION: "us-east-1",
      },
    );
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
  });

  it("--help documents --use-environment", async () => {
    const r = await runCli(["scan", "--help"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("--use-environment");
    expect(r.stdout).toContain("decided without this");
  });
});
