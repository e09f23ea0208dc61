// What an input cannot do to the reports of `jurisdiction-guard scan`: names, URNs and messages
// are data; they never steer the terminal, break the XML, or leak a secret.
import * as fs from "fs";
import { fixture, runCli, tmpFile } from "./helpers";

interface Deployment {
  deployment: { resources: { urn: string; type: string; inputs?: Record<string, unknown> }[] };
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
