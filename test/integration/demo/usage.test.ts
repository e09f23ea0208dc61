// Command-line mistakes are usage errors: exit 2, the error and one line of usage (not the whole
// help), and no example is evaluated.
import { spawnSync } from "child_process";
import * as path from "path";
import { REPO_ROOT } from "../harness";
import { demo } from "./helpers";

test("an unknown flag exits 2 with the error and one line of usage (npm run demo's process)", () => {
  const r = spawnSync(process.execPath, [path.join(REPO_ROOT, "bin", "demo.js"), "--onyl", "x"], {
    cwd: REPO_ROOT,
    encoding: "utf8",
    env: { ...process.env, NODE_OPTIONS: "" },
  });
  expect(r.status).toBe(2);
  const lines = r.stderr.trimEnd().split("\n");
  expect(lines).toHaveLength(2);
  expect(lines[0]).toMatch(/^error: unknown option '--onyl'/);
  expect(lines[1]).toMatch(/^usage: npm run demo -- \[--only <names\.\.\.>\]/);
  expect(r.stdout).toBe("");
});

test("a missing option argument is a usage error too", async () => {
  const r = await demo(["--pack"]);
  expect(r.code).toBe(2);
  expect(r.stderr.trimEnd().split("\n")).toHaveLength(2);
  expect(r.stderr).toContain("error: option '--pack <dir>' argument missing");
});

test("--only with an example that does not exist exits 2 and names the ones there are", async () => {
  const r = await demo(["--only", "nosuch", "--no-build"]);
  expect(r.code).toBe(2);
  expect(r.stderr).toMatch(/^error: no such example: nosuch \(have: aks-gpu-east-asia, /);
  expect(r.stdout).toBe("");
});

test("--help prints the options and exits 0", async () => {
  const r = await demo(["--help"]);
  expect(r.code).toBe(0);
  expect(r.stdout).toContain("--only <names...>");
});

test("--concurrency must be a whole number of at least 1", async () => {
  const r = await demo(["--concurrency", "0", "--no-build"]);
  expect(r.code).toBe(2);
  expect(r.stderr).toBe("error: --concurrency must be a whole number of at least 1, not 0\n");
});
