// `jurisdiction-guard guardrails --target aws-scp` through the compiled CLI (dist/, production
// dependencies only): printed and written output, sizes within --scp-max-chars, the manifest,
// and a policy config with a restricted account.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { runGuardrails } from "../support/guardrails-cli";
import { REPO_ROOT } from "../support/paths";

const run = (args: string[], cwd: string) => runGuardrails(["--target", "aws-scp", ...args], cwd);

describe("guardrails --target aws-scp (compiled CLI)", () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "jg-aws-cli-"));
  });
  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("prints every file under a header, the summary on stderr", () => {
    const r = run([], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("==> aws/scp-1.json <==\n");
    expect(r.stdout).toContain("==> aws-cn/scp-1.json <==\n");
    expect(r.stdout).toContain("==> COVERAGE.md <==\n");
    expect(r.stderr).toMatch(/aws\/scp-1\.json: [\d,]+ of 5,120 characters/);
  });

  it("writes minified documents within --scp-max-chars, a manifest, and an account bundle", () => {
    fs.writeFileSync(
      path.join(dir, "config.json"),
      JSON.stringify({
        "gpu-or-ai-in-restricted-account": {
          restrictedAccounts: [{ id: "1111-2222-3333", jurisdiction: "CN" }],
        },
      }),
    );
    const r = run(
      ["--policy-pack-config", "config.json", "-o", "out", "--scp-max-chars", "2048"],
      dir,
    );
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const out = path.join(dir, "out");
    const manifest = JSON.parse(
      fs.readFileSync(path.join(out, ".jurisdiction-guard-guardrails.json"), "utf8"),
    ) as { target: string; files: string[] };
    expect(manifest.target).toBe("aws-scp");
    const json = manifest.files.filter((f) => f.endsWith(".json"));
    expect(json.length).toBeGreaterThan(3);
    expect(json.some((f) => f.startsWith("restricted-accounts/"))).toBe(true);
    for (const f of json) {
      const text = fs.readFileSync(path.join(out, f), "utf8");
      expect(text.length).toBeLessThanOrEqual(2048);
      expect(text).toBe(JSON.stringify(JSON.parse(text)));
      expect(r.stdout).toContain(
        `${f}: ${text.length.toLocaleString("en-US")} of 2,048 characters`,
      );
    }
    expect(fs.readFileSync(path.join(out, "COVERAGE.md"), "utf8")).toContain("`111122223333`");
  });

  it("requires only the pack library at run time (iam-simulate is a test-only devDependency)", () => {
    const compiled = fs.readFileSync(
      path.join(REPO_ROOT, "dist", "guardrails", "aws-scp.js"),
      "utf8",
    );
    const required = [...compiled.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]);
    expect(required.sort()).toEqual(["jurisdiction-guard/guardrails"]);
  });

  it("refuses an --scp-max-chars outside AWS's quotas", () => {
    const r = run(["--scp-max-chars", "20000"], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--scp-max-chars/);
  });
});
