// `jurisdiction-guard guardrails` through the compiled CLI (dist/): every target from the default
// config and from the example org configs, written to a folder and printed, deterministic across
// runs; bad options and configs exit 2 with a message that names the problem.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { runGuardrails } from "../support/guardrails-cli";

const TARGETS = ["aws-scp", "azure-policy", "gcp-org-policy"] as const;
const CONFIGS = [
  "strict.json",
  "export-controlled-only.json",
  "org-accounts-providers-exemptions.json",
];

const run = runGuardrails;

let tmp: string;
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "jg-guardrails-cli-"));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** Every file under `dir` (relative POSIX path → content), the manifest left out. */
function readTree(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const rel of fs.readdirSync(dir, { recursive: true, encoding: "utf8" }).sort()) {
    const file = path.join(dir, rel);
    if (fs.statSync(file).isFile() && rel !== ".jurisdiction-guard-guardrails.json") {
      out.set(rel.split(path.sep).join("/"), fs.readFileSync(file, "utf8"));
    }
  }
  return out;
}

describe.each(TARGETS)("guardrails --target %s", (target) => {
  it("writes the files and COVERAGE.md to -o, the same on a second run", () => {
    const dir = path.join(tmp, `${target}-default`);
    const first = run(["--target", target, "-o", dir]);
    expect(first.stderr.replace(/^warning: .*\n/gm, "")).toBe("");
    expect(first.code).toBe(0);
    expect(first.stdout).toContain(`${target} guardrails from the default policy config`);
    const tree = readTree(dir);
    expect(tree.get("COVERAGE.md")).toMatch(/\S/);
    expect(tree.size).toBeGreaterThan(1);
    const second = run(["--target", target, "-o", dir]);
    expect(second.code).toBe(0);
    expect(readTree(dir)).toEqual(tree);
  });

  it("prints every file under a header without -o", () => {
    const printed = run(["--target", target]);
    expect(printed.code).toBe(0);
    expect(printed.stdout).toMatch(/^==> COVERAGE\.md <==$/m);
    expect(printed.stderr).toContain(`${target} guardrails from the default policy config:`);
  });

  it.each(CONFIGS)("generates from examples/config/%s, unlike the default", (config) => {
    const dir = path.join(tmp, `${target}-${config}`);
    const r = run([
      "--target",
      target,
      "--policy-pack-config",
      path.join("examples", "config", config),
      "-o",
      dir,
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`from examples/config/${config}`);
    const custom = readTree(dir);
    const defaults = readTree(path.join(tmp, `${target}-default`));
    expect(custom).not.toEqual(defaults);
  });
});

describe("guardrails usage and config errors", () => {
  it("needs --target and knows only its targets", () => {
    expect(run([]).code).toBe(2);
    const unknown = run(["--target", "oci-policy"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("aws-scp");
  });

  it("rejects a misspelled setting, naming it, without a stack trace", () => {
    const file = path.join(tmp, "bad.json");
    fs.writeFileSync(
      file,
      JSON.stringify({ "gpu-in-restricted-jurisdiction": { allowedRegion: ["me-central-1"] } }),
    );
    const r = run(["--target", "aws-scp", "--policy-pack-config", file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("allowedRegion");
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.stdout).toBe("");
  });

  it("rejects an SCP size outside AWS's quotas", () => {
    const r = run(["--target", "aws-scp", "--scp-max-chars", "100"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("from 1024 to 10240");
  });

  it("refuses an output folder with other content", () => {
    const dir = path.join(tmp, "occupied");
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, "keep.txt"), "x");
    const r = run(["--target", "gcp-org-policy", "-o", dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("not empty");
    expect(fs.readdirSync(dir)).toEqual(["keep.txt"]);
  });
});
