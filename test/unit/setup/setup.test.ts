// What a newcomer meets first: the README's set-up commands, an install that cannot drift (a
// complete lock that npm itself would not rewrite), CI doing what the README says, and no
// internal issue numbers in user-facing text.
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

const ROOT = path.resolve(__dirname, "..", "..", "..");
const read = (p: string) => fs.readFileSync(path.join(ROOT, p), "utf8");

describe("set-up", () => {
  test("the README's set-up block is exactly npm ci, npm run demo, npm test", () => {
    const block = /## Set up[^\n]*\n+```bash\n([\s\S]*?)```/.exec(read("README.md"))?.[1] ?? "";
    const commands = block
      .split("\n")
      .map((l) => l.replace(/#.*$/, "").trim())
      .filter((l) => l !== "");
    expect(commands).toEqual(["npm ci", "npm run demo", "npm test"]);
  });

  test("the README names the Node.js version @pulumi/pulumi declares", () => {
    const engines = (
      JSON.parse(read("node_modules/@pulumi/pulumi/package.json")) as {
        engines?: { node?: string };
      }
    ).engines?.node;
    const major = /(\d+)/.exec(engines ?? "")?.[1];
    expect(major).toBeDefined();
    expect(read("README.md")).toContain(`Node.js ${major} or later`);
  });

  test(".ci/run installs with npm ci, checks the lock, and runs the README's test command", () => {
    const lines = read(".ci/run")
      .split("\n")
      .filter((l) => !l.trim().startsWith("#"));
    const at = (re: RegExp) => lines.findIndex((l) => re.test(l));
    expect(at(/^npm ci\b/)).toBeGreaterThanOrEqual(0);
    expect(at(/^npm install\b/)).toBeGreaterThan(at(/^npm ci\b/));
    expect(at(/^git diff --exit-code .*package-lock\.json/)).toBeGreaterThan(at(/^npm install\b/));
    expect(at(/^npm test$/)).toBeGreaterThan(at(/^git diff --exit-code/));
  });

  test("the CI examples install with npm ci", () => {
    for (const file of ["examples/ci/github-actions.yml", "examples/ci/gitlab-ci.yml"]) {
      const text = read(file);
      expect(text).toMatch(/npm ci\b/);
      expect(text).not.toMatch(/npm install\b/);
    }
  });

  test("npm resolves the committed lock to itself: nothing missing for any platform", () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "jg-lock-"));
    try {
      for (const f of ["package.json", "package-lock.json", "policypack/package.json"]) {
        fs.mkdirSync(path.dirname(path.join(tmp, f)), { recursive: true });
        fs.copyFileSync(path.join(ROOT, f), path.join(tmp, f));
      }
      const env = { ...process.env };
      for (const k of Object.keys(env)) if (k.startsWith("npm_")) delete env[k];
      const r = spawnSync(
        "npm",
        ["install", "--package-lock-only", "--ignore-scripts", "--no-audit", "--no-fund"],
        { cwd: tmp, env, encoding: "utf8", timeout: 120_000 },
      );
      expect(r.status).toBe(0);
      expect(fs.readFileSync(path.join(tmp, "package-lock.json"), "utf8")).toBe(
        read("package-lock.json"),
      );
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });
});

describe("user-facing text", () => {
  const files = [
    "README.md",
    "CHANGELOG.md",
    "policypack/README.md",
    ...fs.readdirSync(path.join(ROOT, "docs")).map((f) => `docs/${f}`),
  ];
  test.each(files)("%s refers to no issue numbers", (file) => {
    expect(read(file)).not.toMatch(/\bissues?[- ]?#?\d+|\bissue-#/i);
  });
});
