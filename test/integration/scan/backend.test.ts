// `jurisdiction-guard scan --backend file://DIR`, the org-wide audit, through the compiled CLI as
// users run it, over DIY state backends the real Pulumi CLI wrote (test/fixtures/scan/backend/,
// make-backend-fixtures.ts): every format names each finding's stack and gives per-stack totals,
// the exit code is 1 when any stack fails, --stacks chooses, gzipped and legacy-layout checkpoints
// are read, secrets stay unreadable, and a bad URL, folder or stack file is exit 2 naming it.
import * as fs from "fs";
import * as path from "path";
import * as zlib from "zlib";
import { XMLParser } from "fast-xml-parser";
import type * as Sarif from "sarif";
import type { ScanJsonReport } from "../../../cli/report/scan-json";
import { errorsOf, sarifValidator, scanJsonValidator } from "../../fixtures/scan/validators";
import { FIXTURES, runCli, tmpDir } from "./helpers";

const PROJECTS = path.join(FIXTURES, "backend", "projects");
const LEGACY = path.join(FIXTURES, "backend", "legacy");
const url = (dir: string) => `file://${path.relative(process.cwd(), dir) || "."}`;

const AKS = "organization/aks-gpu-east-asia/dev";
const CHINA = "organization/aws-china-gpu-training/dev";
const COMPLIANT = "organization/compliant-multi-region-gpu/dev";

/** A copy of the project-layout backend in a temporary folder, to change. */
function copyBackend(name: string): string {
  const dir = path.join(tmpDir(), name);
  fs.cpSync(PROJECTS, dir, { recursive: true });
  return dir;
}

describe("scan --backend over a project-layout backend the real CLI wrote", () => {
  let json: ScanJsonReport;
  let code: number | null;
  let stderr: string;

  beforeAll(async () => {
    const r = await runCli(["scan", "--backend", url(PROJECTS), "--format", "json"]);
    code = r.code;
    stderr = r.stderr;
    json = JSON.parse(r.stdout) as ScanJsonReport;
  }, 120_000);

  it("JSON: every stack (the gzipped one too), per-stack totals, each finding's stack; exit 1", () => {
    expect({ code, stderr }).toEqual({ code: 1, stderr: "" });
    expect(errorsOf(scanJsonValidator(), json)).toBe("");
    expect(json.backend).toEqual({ url: url(PROJECTS), stacks: 3, failingStacks: 2 });
    expect(
      json.inputs.map((i) => [i.qualifiedStack, path.basename(i.file), i.mandatory, i.failing]),
    ).toEqual([
      [AKS, "dev.json", 1, 1],
      [CHINA, "dev.json.gz", 6, 6],
      [COMPLIANT, "dev.json", 0, 0],
    ]);
    const byStack = new Map<string, number>();
    for (const f of json.findings) {
      byStack.set(f.qualifiedStack, (byStack.get(f.qualifiedStack) ?? 0) + 1);
      // The stack of the finding is the stack of its resource.
      const [, project] = /^urn:pulumi:[^:]+::([^:]+)::/.exec(f.urn) ?? [];
      expect(f.qualifiedStack).toBe(`organization/${project}/dev`);
    }
    expect(Object.fromEntries(byStack)).toEqual({ [AKS]: 1, [CHINA]: 6 });
    expect(json.summary).toMatchObject({ files: 3, mandatory: 7, failing: 7 });
  });

  it("the gzipped stack's secret stays a ciphertext: never printed, the pack told it is unreadable", () => {
    const text = zlib
      .gunzipSync(
        fs.readFileSync(path.join(PROJECTS, ".pulumi/stacks/aws-china-gpu-training/dev.json.gz")),
      )
      .toString("utf8");
    const ciphertext = /"ciphertext":\s*"([^"]+)"/.exec(text)?.[1];
    expect(ciphertext).toBeDefined();
    const out = JSON.stringify(json);
    expect(out).not.toContain(ciphertext);
    // The plaintext the program made secret (base64 of a user-data script) is not in the state.
    expect(out).not.toContain(Buffer.from("#!/bin/bash\necho training\n").toString("base64"));
  });

  it("text: a heading per stack, a per-stack table and the verdict", async () => {
    const r = await runCli(["scan", "--backend", url(PROJECTS)]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`Stack 1/3 ${AKS} (`);
    expect(r.stdout).toContain(`Stack 2/3 ${CHINA} (`);
    expect(r.stdout).toContain("3 stacks (2 failing), 32 resources analysed");
    const row = (name: string) => r.stdout.split("\n").find((l) => l.trim().startsWith(name));
    expect(row(AKS)?.trim().split(/\s+/)).toEqual([AKS, "5", "1", "0", "FAIL"]);
    expect(row(CHINA)?.trim().split(/\s+/)).toEqual([CHINA, "11", "6", "0", "FAIL"]);
    expect(row(COMPLIANT)?.trim().split(/\s+/)).toEqual([COMPLIANT, "16", "0", "0", "pass"]);
    expect(r.stdout).toMatch(/Result: FAIL, 7 failing violations/);
  }, 120_000);

  it("SARIF: valid 2.1.0, one run, each result's stack, per-stack totals in the run", async () => {
    const r = await runCli(["scan", "--backend", url(PROJECTS), "--format", "sarif"]);
    expect(r.code).toBe(1);
    const log = JSON.parse(r.stdout) as Sarif.Log;
    expect(errorsOf(sarifValidator(), log)).toBe("");
    expect(log.runs).toHaveLength(1);
    const run = log.runs[0] as Sarif.Run;
    const stacks = (run.results ?? []).map((x) => x.properties?.["qualifiedStack"] as string);
    expect(stacks.filter((s) => s === AKS)).toHaveLength(1);
    expect(stacks.filter((s) => s === CHINA)).toHaveLength(6);
    expect(run.properties?.["stacks"]).toEqual([
      expect.objectContaining({ qualifiedStack: AKS, mandatory: 1, failing: 1, resources: 5 }),
      expect.objectContaining({ qualifiedStack: CHINA, mandatory: 6, failing: 6, resources: 11 }),
      expect.objectContaining({ qualifiedStack: COMPLIANT, mandatory: 0, failing: 0 }),
    ]);
    // A line of a gzipped checkpoint is not a line of the file on disk: no region for it.
    for (const x of run.results ?? []) {
      const loc = x.locations?.[0]?.physicalLocation;
      expect(loc?.region !== undefined).toBe(!String(loc?.artifactLocation?.uri).endsWith(".gz"));
    }
  }, 120_000);

  it("JUnit: one testsuite per stack, named organization/<project>/<stack>", async () => {
    const r = await runCli(["scan", "--backend", url(PROJECTS), "--format", "junit"]);
    expect(r.code).toBe(1);
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "" }).parse(
      r.stdout,
    ) as { testsuites: { testsuite: { name: string; failures: string }[] } };
    expect(doc.testsuites.testsuite.map((s) => [s.name, s.failures])).toEqual([
      [AKS, "1"],
      [CHINA, "6"],
      [COMPLIANT, "0"],
    ]);
  }, 120_000);
});

describe("choosing stacks and layouts", () => {
  it("--stacks chooses by <project>/<stack>: the compliant stack alone passes (exit 0)", async () => {
    const r = await runCli([
      "scan",
      "--backend",
      url(PROJECTS),
      "--stacks",
      "compliant-*/dev",
      "--format",
      "json",
    ]);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as ScanJsonReport;
    expect(json.inputs.map((i) => i.qualifiedStack)).toEqual([COMPLIANT]);
  }, 120_000);

  it("--stacks by organization/<project>/<stack>, repeatable; a pattern matching nothing is exit 2 listing the stacks", async () => {
    const r = await runCli([
      "scan",
      "--backend",
      url(PROJECTS),
      "--stacks",
      "organization/aks-*/*",
      "--stacks",
      "organization/compliant-*/*",
      "--format",
      "json",
    ]);
    expect(r.code).toBe(1);
    expect((JSON.parse(r.stdout) as ScanJsonReport).inputs.map((i) => i.qualifiedStack)).toEqual([
      AKS,
      COMPLIANT,
    ]);
    const none = await runCli(["scan", "--backend", url(PROJECTS), "--stacks", "prod"]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain("--stacks prod: no stack of the backend matches");
    expect(none.stderr).toContain(COMPLIANT);
  }, 120_000);

  it("the legacy layout (.pulumi/stacks/<stack>.json): the project from the checkpoint's URNs", async () => {
    const r = await runCli(["scan", "--backend", url(LEGACY), "--format", "json"]);
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout) as ScanJsonReport;
    expect(json.inputs.map((i) => [i.qualifiedStack, i.mandatory])).toEqual([
      ["organization/sagemaker-hong-kong/dev", 4],
    ]);
    expect(
      (await runCli(["scan", "--backend", url(LEGACY), "--stacks", "sagemaker-hong-kong/*"])).code,
    ).toBe(1);
  }, 120_000);

  it("of two variants of one stack the most recently modified is read, as Pulumi reads it", async () => {
    const dir = copyBackend("variants");
    const stacks = path.join(dir, ".pulumi", "stacks");
    // An older plain copy of the compliant stack beside a newer gzipped copy of the China stack.
    const plain = path.join(stacks, "compliant-multi-region-gpu", "dev.json");
    const gz = `${plain}.gz`;
    fs.writeFileSync(
      gz,
      zlib.gzipSync(
        zlib
          .gunzipSync(fs.readFileSync(path.join(stacks, "aws-china-gpu-training", "dev.json.gz")))
          .toString("utf8")
          .split("aws-china-gpu-training")
          .join("compliant-multi-region-gpu"),
      ),
    );
    fs.utimesSync(plain, new Date(2026, 0, 1), new Date(2026, 0, 1));
    fs.utimesSync(gz, new Date(2026, 0, 2), new Date(2026, 0, 2));
    const r = await runCli([
      "scan",
      "--backend",
      `file://${dir}`,
      "--stacks",
      "compliant-*/*",
      "--format",
      "json",
    ]);
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout) as ScanJsonReport;
    expect(json.inputs.map((i) => [path.basename(i.file), i.mandatory])).toEqual([
      ["dev.json.gz", 6],
    ]);
  }, 120_000);

  it("--stack-config-dir: each stack's Pulumi.<stack>.yaml, the project's folder first", async () => {
    const dir = path.join(tmpDir(), "stack-config");
    fs.mkdirSync(path.join(dir, "compliant-multi-region-gpu"), { recursive: true });
    fs.writeFileSync(path.join(dir, "Pulumi.dev.yaml"), "config:\n  aws:region: us-east-1\n");
    const args = ["scan", "--backend", url(PROJECTS), "--stacks", "compliant-*/*"];
    const shared = await runCli([...args, "--stack-config-dir", dir]);
    expect({ code: shared.code, stderr: shared.stderr }).toEqual({ code: 0, stderr: "" });
    // The project's own file wins over the shared one: here a broken one, which is exit 2 naming it.
    const own = path.join(dir, "compliant-multi-region-gpu", "Pulumi.dev.yaml");
    fs.writeFileSync(own, "aws:region: cn-north-1\n");
    const r = await runCli([...args, "--stack-config-dir", dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(own);
    expect(r.stderr).toContain("indent it under a top-level `config:` key");
    const missing = await runCli([...args, "--stack-config-dir", path.join(dir, "nope")]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("--stack-config-dir");
  }, 120_000);
});

describe("errors (exit 2, naming the problem)", () => {
  it.each([
    [["--backend", "s3://my-state-bucket"], "aws s3 sync"],
    [["--backend", "gs://my-state"], "gcloud storage rsync"],
    [["--backend", "/var/pulumi"], "expected a backend URL, file://DIR"],
    [["--backend", "file:///no/such/folder"], "no such folder /no/such/folder"],
    [["--backend", "file://test/fixtures/scan"], "not a Pulumi DIY backend (no .pulumi folder)"],
    [["--backend", "file://test/fixtures/scan/backend/projects", "x.json"], "cannot be given"],
    [["--stacks", "dev", "x.json"], "--stacks only goes with --backend"],
    [[], "no input"],
  ])("scan %j", async (args, message) => {
    const r = await runCli(["scan", ...args]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
  });

  it("an unreadable (corrupt) stack file, named", async () => {
    const dir = copyBackend("corrupt");
    const file = path.join(dir, ".pulumi", "stacks", "aks-gpu-east-asia", "dev.json");
    fs.writeFileSync(file, '{"version": 3, "checkpoint": {"stack": "organization/aks');
    const r = await runCli(["scan", "--backend", `file://${dir}`]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`error: ${file}`);
    expect(r.stdout).toBe("");
  }, 120_000);

  it("a truncated gzipped stack file, named", async () => {
    const dir = copyBackend("truncated-gz");
    const file = path.join(dir, ".pulumi", "stacks", "aws-china-gpu-training", "dev.json.gz");
    fs.writeFileSync(file, fs.readFileSync(file).subarray(0, 600));
    const r = await runCli(["scan", "--backend", `file://${dir}`]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`error: ${file}`);
  }, 120_000);

  it("a meta.yaml of an unknown layout version", async () => {
    const dir = copyBackend("meta-v2");
    fs.writeFileSync(path.join(dir, ".pulumi", "meta.yaml"), "version: 2\n");
    const r = await runCli(["scan", "--backend", `file://${dir}`]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("meta.yaml: version 2 is not a DIY backend layout");
  });

  it("a backend without stacks", async () => {
    const dir = path.join(tmpDir(), "empty-backend");
    fs.mkdirSync(path.join(dir, ".pulumi", "stacks"), { recursive: true });
    const r = await runCli(["scan", "--backend", `file://${dir}`]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("no stacks in");
  });
});
