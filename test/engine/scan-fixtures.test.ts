// The scan's fixtures come from the real CLI: make-scan-fixtures.ts (`npm run fixtures:engine`)
// is run here as users run it, into a temporary folder, and
//   - what it writes equals the committed test/fixtures/scan/ files (after its normalisations);
//   - `jurisdiction-guard scan` (the compiled CLI, `node bin/jurisdiction-guard.js scan`) on each
//     file reports the same findings (policy, level, URN, message) as the real
//     `pulumi preview --policy-pack` of the same program on the same stack.
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { PolicyEvent } from "@pulumi/pulumi/automation";
import type { ScanJsonReport } from "../../cli/report/scan-json";
import { HERMETIC_ENV } from "../integration/harness";
import { engineRows } from "./examples";
import { REPO_ROOT } from "./harness";
import type { PreviewEvents } from "./make-scan-fixtures";
import { FIXTURES_DIR, GENERATED } from "./make-scan-fixtures";

const FILES = Object.keys(GENERATED);
let out = "";
let events: PreviewEvents = {};

function hermeticEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const [k, v] of Object.entries(HERMETIC_ENV)) {
    if (v === undefined) delete env[k];
    else env[k] = v;
  }
  return env;
}

beforeAll(() => {
  out = fs.mkdtempSync(path.join(os.tmpdir(), "jg-scan-fixtures-"));
  const eventsFile = path.join(out, "preview-events.json");
  const r = spawnSync(
    process.execPath,
    [
      "-r",
      "ts-node/register/transpile-only",
      "test/engine/make-scan-fixtures.ts",
      "--out",
      out,
      "--events",
      eventsFile,
    ],
    { cwd: REPO_ROOT, encoding: "utf8", env: hermeticEnv() },
  );
  if (r.status !== 0) {
    throw new Error(`make-scan-fixtures.ts exited ${r.status}:\n${r.stderr}\n${r.stdout}`);
  }
  events = JSON.parse(fs.readFileSync(eventsFile, "utf8")) as PreviewEvents;
});

afterAll(() => fs.rmSync(out, { recursive: true, force: true }));

test.each(FILES)("the committed %s is what the real CLI writes now", (file) => {
  const committed = fs.readFileSync(path.join(FIXTURES_DIR, file), "utf8");
  const fresh = fs.readFileSync(path.join(out, file), "utf8");
  if (committed !== fresh) {
    // The whole file in the diff below; the hint first.
    expect(`test/fixtures/scan/${file} is stale: run \`npm run fixtures:engine\``).toBe(
      "up to date",
    );
  }
  expect(committed).toBe(fresh);
});

interface Finding {
  policyName: string;
  enforcementLevel: string;
  urn: string;
  message: string;
}

function sorted(rows: Finding[]): Finding[] {
  const key = (r: Finding): string => [r.urn, r.policyName, r.enforcementLevel].join("\0");
  return [...rows].sort((a, b) => key(a).localeCompare(key(b)));
}

function scan(file: string): { status: number | null; report: ScanJsonReport } {
  const r = spawnSync(
    process.execPath,
    [path.join(REPO_ROOT, "bin", "jurisdiction-guard.js"), "scan", "--format", "json", file],
    { cwd: REPO_ROOT, encoding: "utf8", env: hermeticEnv() },
  );
  if (r.status !== 0 && r.status !== 1) throw new Error(`scan exited ${r.status}:\n${r.stderr}`);
  return { status: r.status, report: JSON.parse(r.stdout) as ScanJsonReport };
}

test.each(FILES)("jurisdiction-guard scan %s reports the real preview's policy events", (file) => {
  expect(events[file]).toBeDefined();
  const real: PolicyEvent[] = events[file] ?? [];
  const { status, report } = scan(path.join(out, file));
  const scanned = sorted(
    report.findings.map((f) => ({
      policyName: f.policyName,
      enforcementLevel: f.enforcementLevel,
      urn: f.urn,
      message: f.message,
    })),
  );
  const engine = sorted(
    engineRows(real).map((r) => ({
      policyName: r.policyName,
      enforcementLevel: r.enforcementLevel,
      urn: r.urn,
      message: r.message,
    })),
  );
  expect(scanned).toEqual(engine);
  expect(status).toBe(engine.some((r) => r.enforcementLevel === "mandatory") ? 1 : 0);
});
