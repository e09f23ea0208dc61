// `npx jurisdiction-guard` runs the compiled CLI (dist/) with production dependencies only: a
// preload fails the process if the CLI's own code requires a development dependency, or if
// anything loads ts-node or the TypeScript compiler.
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { fixture } from "./scan/helpers";
import { REPO_ROOT } from "../support/paths";

const BIN = path.join(REPO_ROOT, "bin", "jurisdiction-guard.js");
const GUARD = path.join(__dirname, "production-only.js");

function run(args: string[], preload = true) {
  const env = { ...process.env };
  delete env["NODE_OPTIONS"];
  const r = spawnSync(process.execPath, [...(preload ? ["-r", GUARD] : []), BIN, ...args], {
    cwd: REPO_ROOT,
    env,
    encoding: "utf8",
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("the compiled CLI", () => {
  test("--version prints the package version from compiled JavaScript", () => {
    const { version } = JSON.parse(
      fs.readFileSync(path.join(REPO_ROOT, "package.json"), "utf8"),
    ) as { version: string };
    const r = run(["--version"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(version);
    expect(fs.existsSync(path.join(REPO_ROOT, "dist", "commands", "main.js"))).toBe(true);
  });

  test("a scan that finds a mandatory violation needs no development dependency", () => {
    const r = run(["scan", "--no-build", fixture("stack-export-aws-china.json")]);
    expect(r.stderr).not.toContain("production-only:");
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("Result: FAIL");
  });

  test("the guard itself catches a development dependency (so the tests above can fail)", () => {
    const probe = path.join(REPO_ROOT, "dist", "probe-dev-dependency.js");
    fs.writeFileSync(probe, 'require("ts-node");\n');
    try {
      const env = { ...process.env };
      delete env["NODE_OPTIONS"];
      const r = spawnSync(process.execPath, ["-r", GUARD, probe], { env, encoding: "utf8" });
      expect(r.status).toBe(99);
      expect(r.stderr).toContain("requires ts-node, which is not a production dependency");
    } finally {
      fs.rmSync(probe, { force: true });
    }
  });
});
