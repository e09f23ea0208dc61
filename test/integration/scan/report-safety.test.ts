// What an input cannot do to the reports of `jurisdiction-guard scan`: names, URNs and messages
// are data; they never steer the terminal, break the XML, or leak a secret.
import { spawnSync } from "child_process";
import * as fs from "fs";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import * as path from "path";
import { errorsOf, sarifValidator, scanJsonValidator } from "../../fixtures/scan/validators";
import { BIN, fixture, HERMETIC_ENV, REPO_ROOT, runCli, tmpDir, tmpFile } from "./helpers";

interface Deployment {
  deployment: {
    resources: {
      urn: string;
      type: string;
      inputs?: Record<string, unknown>;
      outputs?: Record<string, unknown>;
    }[];
  };
}

/** The `--show-secrets` stack export (a GPU instance through a China provider), changed by `edit`. */
function stackExport(name: string, edit: (d: Deployment) => void): string {
  const d = JSON.parse(
    fs.readFileSync(fixture("stack-export-show-secrets.json"), "utf8"),
  ) as Deployment;
  edit(d);
  return tmpFile(name, JSON.stringify(d, null, 2));
}

function renameTrainer(d: Deployment, name: string): void {
  for (const r of d.deployment.resources) r.urn = r.urn.replace(/::trainer$/, `::${name}`);
}

// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

describe("text output escapes control and bidi characters from the input", () => {
  // Erase the line, return to column 0, a new line, then a green "Result: PASS"; a BEL, an RTL
  // override and an OSC-8 link after it.
  const SPOOF =
    "trainer\u001b[2K\r\n\u001b[32mResult: PASS (mandatory violations fail)\u001b[0m" +
    "\u0007\u202e\u2066\u001b]8;;https://evil.example\u0007x\u001b]8;;\u0007\u0085\u007f";

  it("a resource name that erases its violation line and prints PASS", async () => {
    const file = stackExport("spoof.json", (d) => renameTrainer(d, SPOOF));
    const r = await runCli(["scan", "--no-build", file]);
    expect(r.code).toBe(1);
    expect(r.stdout).not.toMatch(CONTROLS);
    const lines = r.stdout.split("\n");
    // The only verdict line is ours, and the name stays on its finding's line, escaped visibly.
    expect(lines.filter((l) => l.includes("Result:"))).toEqual([
      expect.stringContaining("\\u001b[32mResult: PASS"),
      expect.stringContaining("\\u001b[32mResult: PASS"),
      "Result: FAIL, 2 failing violations (mandatory violations fail)",
    ]);
    const finding = lines.find((l) => l.startsWith("        - [mandatory] aws:ec2/instance"));
    expect(finding).toContain(
      '"trainer\\u001b[2K\\u000d\\u000a\\u001b[32mResult: PASS (mandatory violations fail)\\u001b[0m' +
        '\\u0007\\u202e\\u2066\\u001b]8;;https://evil.example\\u0007x\\u001b]8;;\\u0007\\u0085\\u007f" selects',
    );
  });

  it("a file name with control characters, in the report and in an error", async () => {
    const file = stackExport("name\u001b[2Kwith\u0007controls.json", () => undefined);
    const r = await runCli(["scan", "--no-build", file]);
    expect(r.code).toBe(1);
    expect(r.stdout).not.toMatch(CONTROLS);
    expect(r.stdout).toContain("name\\u001b[2Kwith\\u0007controls.json");
    const missing = await runCli(["scan", "--no-build", `${file}\u001b[2K.missing`]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).not.toMatch(CONTROLS);
    expect(missing.stderr).toContain("\\u001b[2K.missing");
  });
});

/** Characters XML 1.0 does not allow (the Char production), as UTF-16 code units. */
const NOT_XML =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** `xmllint --noout` when it is installed (libxml2-utils); the other checks stand without it. */
function xmllint(file: string): { status: number | null; stderr: string } | undefined {
  const r = spawnSync("xmllint", ["--noout", file], { encoding: "utf8" });
  return r.error ? undefined : { status: r.status, stderr: r.stderr };
}

describe("JUnit XML holds only legal XML 1.0 characters", () => {
  it("a resource name with BEL, ESC, U+FFFF and a lone surrogate: well-formed, escaped visibly", async () => {
    const name = "trainer\u0007\u001b[2K\uffff\ud800x\u0085";
    const file = stackExport("xml.json", (d) => renameTrainer(d, name));
    const out = `${file}.xml`;
    const r = await runCli(["scan", "--no-build", "--format", "junit", "-o", out, file]);
    expect(r.code).toBe(1);
    const xml = fs.readFileSync(out, "utf8");
    expect(XMLValidator.validate(xml)).toBe(true);
    // Node writes a lone surrogate as U+FFFD; read the bytes back as the XML parser would.
    expect(xml).not.toMatch(NOT_XML);
    expect(xml).not.toContain("\ufffd");
    const lint = xmllint(out);
    if (lint) expect(lint).toEqual({ status: 0, stderr: "" });
    const escaped = "trainer\\u0007\\u001b[2K\\uffff\\ud800x\\u0085";
    const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "" }).parse(
      xml,
    ) as {
      testsuites: { testsuite: { testcase: { name: string; failure?: { message: string } }[] } };
    };
    const cases = parsed.testsuites.testsuite.testcase.filter((c) => c.name.endsWith(escaped));
    expect(cases.length).toBeGreaterThan(0);
    // The pack's message names it too (its lone surrogate lost on the way through protobuf).
    expect(cases.some((c) => c.failure?.message.includes('"trainer\\u0007\\u001b[2K\\uffff'))).toBe(
      true,
    );
  });
});

describe("-o is atomic: a scan that fails leaves the previous report as it was", () => {
  const OLD = '<?xml version="1.0"?>\n<testsuites name="previous report"/>\n';

  function reportDir(): { dir: string; report: string } {
    const dir = fs.mkdtempSync(path.join(tmpDir(), "out-"));
    const report = path.join(dir, "junit.xml");
    fs.writeFileSync(report, OLD);
    return { dir, report };
  }

  /** The CLI as users call it, under `ulimit -f` (KiB): writes past the limit fail with EFBIG. */
  function runLimited(fileSizeKiB: number, args: readonly string[]) {
    const env: NodeJS.ProcessEnv = { ...process.env };
    for (const [k, v] of Object.entries(HERMETIC_ENV)) {
      if (v === undefined) delete env[k];
      else env[k] = v;
    }
    delete env["NODE_OPTIONS"];
    return spawnSync(
      "bash",
      ["-c", `ulimit -f ${fileSizeKiB} && exec "$0" "$@"`, process.execPath, BIN, ...args],
      { cwd: REPO_ROOT, env, encoding: "utf8" },
    );
  }

  it("an input error (exit 2): the old report intact, no temporary file", async () => {
    const { dir, report } = reportDir();
    const bad = tmpFile("truncated.json", '{"version": 3, "deployment": {"resources": [');
    const r = await runCli(["scan", "--no-build", "--format", "junit", "-o", report, bad]);
    expect(r.code).toBe(2);
    expect(fs.readFileSync(report, "utf8")).toBe(OLD);
    expect(fs.readdirSync(dir)).toEqual(["junit.xml"]);
  });

  it("the report cannot be written whole (file too large, exit 2): the old report intact, no temporary file", () => {
    const { dir, report } = reportDir();
    const input = fixture("stack-export-aws-china.json");
    const r = runLimited(4, ["scan", "--no-build", "--format", "junit", "-o", report, input]);
    expect(r.stderr).toMatch(/^error: cannot write --output .*junit\.xml: EFBIG/m);
    expect(r.status).toBe(2);
    expect(fs.readFileSync(report, "utf8")).toBe(OLD);
    expect(fs.readdirSync(dir)).toEqual(["junit.xml"]);
  });

  it("a scan that completes replaces the report whole, and leaves no temporary file", async () => {
    const { dir, report } = reportDir();
    const r = await runCli([
      "scan",
      "--no-build",
      "--format",
      "junit",
      "-o",
      report,
      fixture("stack-export-aws-china.json"),
    ]);
    expect(r.code).toBe(1);
    expect(XMLValidator.validate(fs.readFileSync(report, "utf8"))).toBe(true);
    expect(fs.readFileSync(report, "utf8")).toContain('<testsuites name="jurisdiction-guard"');
    expect(fs.readdirSync(dir)).toEqual(["junit.xml"]);
  });
});

describe("a plaintext secret is masked however the pack transformed it, in every format", () => {
  // `pulumi stack export --show-secrets`: the provider's region is a secret, written upper-case
  // with spaces around it; the pack reports the region normalised ("cn-northwest-1").
  const file = () =>
    stackExport("secret-region.json", (d) => {
      for (const r of d.deployment.resources) {
        for (const props of [r.inputs, r.outputs]) {
          if (props?.["region"] !== undefined) {
            props["region"] = {
              "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270",
              plaintext: JSON.stringify("  CN-NORTHWEST-1 "),
            };
          }
        }
      }
    });

  it.each(["text", "json", "sarif", "junit"])("%s", async (format) => {
    const r = await runCli(["scan", "--no-build", "--format", format, file()]);
    expect(r.code).toBe(1);
    expect(r.stdout).not.toMatch(/cn-?northwest-?1/i);
    expect(r.stderr).not.toMatch(/cn-?northwest-?1/i);
    // Still a finding: where it lands is the secret, masked.
    expect(r.stdout).toContain("[secret]");
    expect(r.stdout).toMatch(/accelerator hardware p4d\.24xlarge/);
  });
});

describe("config that turns a control off is reported, and fails with --require-policies", () => {
  const config = () =>
    tmpFile(
      "weakening-config.json",
      JSON.stringify({
        "gpu-in-restricted-jurisdiction": { restrictedJurisdictions: [] },
        "ai-service-in-restricted-jurisdiction": "disabled",
      }),
    );
  const allDisabled = () => tmpFile("all-disabled.json", JSON.stringify({ all: "disabled" }));
  const input = fixture("stack-export-compliant.json");
  const scan = (...args: string[]) => runCli(["scan", "--no-build", ...args]);

  it("text: a line per policy turned off; PASS without the flag, FAIL (exit 1) with it", async () => {
    const r = await scan("--policy-pack-config", config(), input);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      "    ⚠️  checks off: ai-service-in-restricted-jurisdiction is disabled by the policy config: not checked",
    );
    expect(r.stdout).toContain(
      "    ⚠️  checks off: gpu-in-restricted-jurisdiction has restrictedJurisdictions: [] in the policy config: it denies nothing",
    );
    const strict = await scan("--require-policies", "--policy-pack-config", config(), input);
    expect(strict.code).toBe(1);
    expect(strict.stdout).toContain(
      "Result: FAIL, 2 checks off (--require-policies) (mandatory violations fail)",
    );
    const help = await runCli(["scan", "--help"]);
    expect(help.stdout).toContain("--require-policies");
  });

  it('"all": "disabled": JSON names every policy (schema-valid); JUnit skips, or fails with the flag', async () => {
    const json = await scan("--format", "json", "--policy-pack-config", allDisabled(), input);
    expect(json.code).toBe(0);
    const report = JSON.parse(json.stdout) as {
      weakenedPolicies: { policy: string; reason: string }[];
    };
    expect(errorsOf(scanJsonValidator(), report)).toBe("");
    expect(report.weakenedPolicies).toHaveLength(5);
    expect(report.weakenedPolicies.every((w) => w.reason === "disabled")).toBe(true);

    const junit = await scan("--format", "junit", "--policy-pack-config", allDisabled(), input);
    expect(junit.code).toBe(0);
    expect(junit.stdout).toMatch(/<testsuites [^>]*tests="5" failures="0" errors="0" skipped="5"/);
    const strict = await scan(
      "--format",
      "junit",
      "--require-policies",
      "--policy-pack-config",
      allDisabled(),
      input,
    );
    expect(strict.code).toBe(1);
    expect(strict.stdout).toMatch(/<testsuites [^>]*tests="5" failures="5"/);
  });

  it("SARIF: the run's properties list the policies turned off", async () => {
    const r = await scan("--format", "sarif", "--policy-pack-config", config(), input);
    expect(r.code).toBe(0);
    const log = JSON.parse(r.stdout) as {
      runs: {
        properties: { weakenedPolicies: { policy: string; reason: string; setting?: string }[] };
      }[];
    };
    expect(errorsOf(sarifValidator(), log)).toBe("");
    expect(log.runs[0]?.properties.weakenedPolicies).toEqual([
      expect.objectContaining({
        policy: "ai-service-in-restricted-jurisdiction",
        reason: "disabled",
      }),
      expect.objectContaining({
        policy: "gpu-in-restricted-jurisdiction",
        reason: "empty-list",
        setting: "restrictedJurisdictions",
      }),
    ]);
  });
});
