// The `jurisdiction-guard` command as CI runs it: a child process, its exit code and its output.
//   0: no failing violation; 1: a failing violation; 2: a usage or input error.
import * as fs from "fs";
import * as path from "path";
import { fixture, runCli, tmpDir, tmpFile } from "./helpers";

describe("jurisdiction-guard --help", () => {
  it("describes the scan command and exits 0", async () => {
    const top = await runCli(["--help"]);
    expect(top.code).toBe(0);
    expect(top.stdout).toContain("scan [options] [files...]");
    const scan = await runCli(["scan", "--help"]);
    expect(scan.code).toBe(0);
    for (const option of [
      "--format <format>",
      "--output <file>",
      "--policy-pack <dir>",
      "--policy-pack-config <file>",
      "--stack-tags <key=value>",
      "--stack-config <file>",
      "--config <key=value>",
      "--fail-on <level>",
      "--backend <url>",
      "--stacks <glob>",
      "--stack-config-dir <dir>",
    ]) {
      expect(scan.stdout).toContain(option);
    }
    // The real CLI's preview JSON leaves unchanged resources out (preview-aks-east-asia.json).
    expect(scan.stdout).toMatch(/only the\s+resources that change \(--show-sames lists all\)/);
    expect(scan.stdout).toContain("Exit codes: 0 no failing violation, 1 failing violation, 2");
  });
});

describe("findings in the text and JUnit reports", () => {
  const GPU_DESCRIPTION =
    "        gpu-in-restricted-jurisdiction: Denies GPU, AI-accelerator and FPGA capacity";

  it("text: each policy's description once, each finding led by what it found", async () => {
    const r = await runCli(["scan", "--no-build", fixture("stack-export-aws-china.json")]);
    expect(r.code).toBe(1);
    const lines = r.stdout.split("\n");
    expect(lines.filter((l) => l.startsWith(GPU_DESCRIPTION))).toHaveLength(1);
    const findings = lines.filter((l) => l.startsWith("        - ["));
    expect(findings).toHaveLength(6);
    expect(findings[0]).toMatch(
      /^ {8}- \[mandatory\] aws:ec2\/launchTemplate:LaunchTemplate "gpu-training-template" selects accelerator hardware p4d\.24xlarge /,
    );
    expect(lines[lines.indexOf(findings[0] ?? "") + 1]).toMatch(/^ {10}Where: cn-north-1 /);
    expect(
      lines.filter((l) => l.includes("Denies GPU, AI-accelerator and AI-service")),
    ).toHaveLength(1);
  });

  it("JUnit: a failure's message is the finding's first line", async () => {
    const r = await runCli([
      "scan",
      "--no-build",
      "--format",
      "junit",
      fixture("stack-export-aws-china.json"),
    ]);
    expect(r.code).toBe(1);
    const messages = [...r.stdout.matchAll(/<failure message="([^"]*)"/g)].map((m) => m[1]);
    expect(messages).toHaveLength(6);
    expect(messages[0]).toMatch(
      /^aws:ec2\/launchTemplate:LaunchTemplate &quot;gpu-training-template&quot; selects accelerator hardware p4d\.24xlarge .*\.$/,
    );
    expect(messages.every((m) => !m?.includes("…"))).toBe(true);
  });
});

describe("exit codes of a scan", () => {
  it("exits 0 when nothing fails: a compliant stack, and advisory findings only", async () => {
    const r = await runCli([
      "scan",
      "--no-build",
      fixture("stack-export-compliant.json"),
      fixture("stack-export-alicloud-advisory.json"),
    ]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("violations: 0 mandatory, 2 advisory");
    expect(r.stdout).toContain("Result: PASS (mandatory violations fail)");
  });

  it("exits 1 for a mandatory violation", async () => {
    const r = await runCli(["scan", "--no-build", fixture("stack-export-aws-china.json")]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("Result: FAIL, 6 failing violations");
  });

  it("exits 1 for an advisory violation with --fail-on advisory, writing the report to a file", async () => {
    const out = path.join(tmpDir(), "reports", "advisory.xml");
    const r = await runCli([
      "scan",
      "--no-build",
      "--fail-on",
      "advisory",
      "--format",
      "junit",
      "--output",
      out,
      fixture("stack-export-alicloud-advisory.json"),
    ]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(
      /^jurisdiction-guard: 1 file, 3 resources, 0 mandatory, 2 advisory: FAIL \(--fail-on advisory\); wrote .*advisory\.xml\n$/,
    );
    expect(fs.readFileSync(out, "utf8")).toContain('failures="2"');
  });
});

describe("exit code 2: usage and input errors name the file, the position and what was expected", () => {
  async function expectError(args: string[], pattern: RegExp): Promise<string> {
    const r = await runCli(["scan", "--no-build", ...args]);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(pattern);
    expect(r.code).toBe(2);
    return r.stderr;
  }

  it("a missing file", async () => {
    await expectError(
      [fixture("stack-export-compliant.json"), "no/such/stack.json"],
      /^error: no\/such\/stack\.json: cannot read the file: no such file\n$/,
    );
  });

  it("truncated JSON", async () => {
    const text = fs.readFileSync(
      path.join(__dirname, "..", "..", "fixtures", "scan", "stack-export-compliant.json"),
      "utf8",
    );
    const cut = tmpFile("truncated.json", text.slice(0, Math.floor(text.length / 2)));
    const lines = text.slice(0, Math.floor(text.length / 2)).split("\n").length;
    await expectError(
      [cut],
      new RegExp(
        `^error: .*truncated\\.json:${lines}:\\d+ \\(at /deployment/resources/\\d+/\\S+\\): unexpected end of input: the \`pulumi stack export\` document is incomplete \\(truncated file\\?\\); expected `,
      ),
    );
  });

  it("JSON of the wrong shape", async () => {
    const file = tmpFile(
      "shape.json",
      '{\n  "version": 3,\n  "deployment": {\n    "resources": [\n      {"urn": "urn:pulumi:a::b::c:d:E::n", "type": 42}\n    ]\n  }\n}\n',
    );
    await expectError(
      [file],
      /^error: .*shape\.json:5 \(at \/deployment\/resources\/0\/type\): expected a resource type token, got number 42\n$/,
    );
  });

  it("an unknown format", async () => {
    const file = tmpFile("Pulumi.dev.yaml", "config:\n  aws:region: us-east-1\n");
    await expectError(
      [file],
      /^error: .*Pulumi\.dev\.yaml:1:1: unknown input format: the file starts with "config:\\n {2}aw"; expected a `pulumi stack export` file/,
    );
  });

  it("a stack config file with config keys at the top level instead of under `config:`", async () => {
    const file = tmpFile(
      "Pulumi.prod.yaml",
      "secretsprovider: passphrase\naws:region: cn-north-1\n",
    );
    await expectError(
      ["--stack-config", file, fixture("stack-export-compliant.json")],
      /^error: .*Pulumi\.prod\.yaml \(at \/aws:region\): "aws:region" is a config key at the top level, where Pulumi does not read config; indent it under a top-level `config:` key\n$/,
    );
  });

  it("stack config after the resources of a preview", async () => {
    const file = tmpFile(
      "late-config.json",
      JSON.stringify({
        steps: [
          {
            op: "create",
            urn: "urn:pulumi:dev::p::pulumi:pulumi:Stack::p-dev",
            newState: {
              urn: "urn:pulumi:dev::p::pulumi:pulumi:Stack::p-dev",
              type: "pulumi:pulumi:Stack",
            },
          },
        ],
        config: { "aws:region": "us-east-1" },
      }),
    );
    await expectError([file], /: the stack config comes after resources; expected it before them/);
  });

  it("an invalid option value or policy config", async () => {
    await expectError(
      ["--format", "xml", fixture("stack-export-compliant.json")],
      /argument 'xml' is invalid. Allowed choices are text, json, sarif, junit/,
    );
    await expectError(
      ["--stack-tags", "team", fixture("stack-export-compliant.json")],
      /^error: --stack-tags expects key=value, got "team"\n$/,
    );
    const config = tmpFile(
      "policy-config.json",
      JSON.stringify({ "gpu-in-restricted-jurisdiction": { enforcementLevel: "sometimes" } }),
    );
    await expectError(
      ["--policy-pack-config", config, fixture("stack-export-compliant.json")],
      /^error: validating policy config:\n {2}- file .*policy-config\.json, policy "gpu-in-restricted-jurisdiction", field "enforcementLevel": "sometimes" is not an enforcement level; use one of advisory, mandatory, remediate, disabled\n$/,
    );
  });

  it("a misspelled setting, policy or region in the policy config, each with the closest known name, before any input is read", async () => {
    const config = tmpFile(
      "typos.json",
      JSON.stringify({
        al: "advisory",
        "gpu-in-restricted-jurisdiction": { restrictedJurisdiction: ["RU"] },
        "ai-service-in-restricted-jurisdictions": "mandatory",
        "gpu-or-ai-in-restricted-account": { enforcementLevel: "advisory", restrictedAccount: [] },
        "ai-service-in-restricted-jurisdiction": { restrictedRegions: ["cn-nrth-1"] },
      }),
    );
    const r = await runCli([
      "scan",
      "--no-build",
      "--policy-pack-config",
      config,
      fixture("stack-export-aws-china.json"),
    ]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    const lines = r.stderr.split("\n");
    expect(lines[0]).toBe("error: validating policy config:");
    const at = (policy: string, field?: string) =>
      `  - file ${config}, policy "${policy}"${field !== undefined ? `, field "${field}"` : ""}: `;
    expect(lines).toContain(
      `${at("gpu-in-restricted-jurisdiction", "restrictedJurisdiction")}is not a setting of this policy; did you mean "restrictedJurisdictions"? (its settings: restrictedJurisdictions, allowedRegions, restrictedRegions, acceleratorScope, exemptions, maxExemptionDays)`,
    );
    expect(lines.find((l) => l.startsWith(at("al")))).toContain('did you mean "all"?');
    expect(lines.find((l) => l.startsWith(at("ai-service-in-restricted-jurisdictions")))).toContain(
      'did you mean "ai-service-in-restricted-jurisdiction"?',
    );
    expect(
      lines.find((l) => l.startsWith(at("gpu-or-ai-in-restricted-account", "restrictedAccount"))),
    ).toContain('did you mean "restrictedAccounts"?');
    expect(lines).toContain(
      `${at("ai-service-in-restricted-jurisdiction", "restrictedRegions[0]")}"cn-nrth-1" is not a known region name; did you mean "cn-north-1"?`,
    );
    expect(r.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
  });
});
