// The audit's state backends come from the real CLI: make-backend-fixtures.ts (part of
// `npm run fixtures:engine`) is run here as users run it, into a temporary folder, and
//   - every file it writes equals the committed test/fixtures/scan/backend/ file, byte for byte
//     (the gzipped checkpoint too);
//   - `jurisdiction-guard scan --backend file://…` (the compiled CLI) audits the fresh backend:
//     every stack the real CLI wrote, named organization/<project>/<stack>.
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { ScanJsonReport } from "../../cli/report/scan-json";
import { HERMETIC_ENV } from "../integration/harness";
import { REPO_ROOT } from "./harness";
import { BACKEND_FIXTURES_DIR, BACKENDS, backendFiles } from "./make-backend-fixtures";

let out = "";

function hermeticEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const [k, v] of Object.entries(HERMETIC_ENV)) {
    if (v === undefined) delete env[k];
    else env[k] = v;
  }
  return env;
}

beforeAll(() => {
  out = fs.mkdtempSync(path.join(os.tmpdir(), "jg-backend-fixtures-"));
  const r = spawnSync(
    process.execPath,
    ["-r", "ts-node/register/transpile-only", "test/engine/make-backend-fixtures.ts", "--out", out],
    { cwd: REPO_ROOT, encoding: "utf8", env: hermeticEnv() },
  );
  if (r.status !== 0) {
    throw new Error(`make-backend-fixtures.ts exited ${r.status}:\n${r.stderr}\n${r.stdout}`);
  }
});

afterAll(() => fs.rmSync(out, { recursive: true, force: true }));

const FILES = Object.keys(BACKENDS).flatMap((b) => backendFiles(b).map((f) => `${b}/${f}`));

test.each(FILES)("the committed backend/%s is what the real CLI writes now", (file) => {
  const committed = fs.readFileSync(path.join(BACKEND_FIXTURES_DIR, file));
  const fresh = fs.readFileSync(path.join(out, file));
  if (!committed.equals(fresh)) {
    expect(`test/fixtures/scan/backend/${file} is stale: run \`npm run fixtures:engine\``).toBe(
      "up to date",
    );
  }
  expect(committed.equals(fresh)).toBe(true);
});

test("scan --backend audits every stack of the backend the real CLI wrote", () => {
  const r = spawnSync(
    process.execPath,
    [
      path.join(REPO_ROOT, "bin", "jurisdiction-guard.js"),
      "scan",
      "--backend",
      `file://${path.join(out, "projects")}`,
      "--format",
      "json",
    ],
    { cwd: REPO_ROOT, encoding: "utf8", env: hermeticEnv() },
  );
  expect(r.status).toBe(1);
  const report = JSON.parse(r.stdout) as ScanJsonReport;
  expect(report.inputs.map((i) => i.qualifiedStack).sort()).toEqual([
    "organization/aks-gpu-east-asia/dev",
    "organization/aws-china-gpu-training/dev",
    "organization/compliant-multi-region-gpu/dev",
  ]);
});
