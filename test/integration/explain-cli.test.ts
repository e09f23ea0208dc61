// `jurisdiction-guard explain TERM` through the compiled CLI (dist/, production dependencies only):
// one answer per kind of term, several answers for a name several clouds use, the JSON schema of
// an answer, an unknown term (exit 2 with the closest name) and a custom policy config.
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { REPO_ROOT } from "../support/paths";

const BIN = path.join(REPO_ROOT, "bin", "jurisdiction-guard.js");
const GUARD = path.join(__dirname, "production-only.js");

/** `preload: false` for a config file: checking it whole loads the pack library, whose
 * @pulumi/pulumi loads the TypeScript compiler when it is installed (as `scan` does too). */
function run(args: string[], preload = true) {
  const env = { ...process.env };
  delete env["NODE_OPTIONS"];
  const r = spawnSync(
    process.execPath,
    [...(preload ? ["-r", GUARD] : []), BIN, "explain", ...args],
    {
      cwd: REPO_ROOT,
      env,
      encoding: "utf8",
    },
  );
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

interface Answer {
  kind: string;
  name: string;
  cloud?: string;
  country?: string;
  restricted: boolean;
  why: string;
  policy: string;
  source: string;
  reviewed: string;
  accelerators?: { family: string; chip: string; exportControl: string }[];
  providers?: { id: string; name: string; matched: string }[];
  members?: string[];
  groups?: string[];
}

function json(args: string[], preload = true): Answer[] {
  const r = run([...args, "--format", "json"], preload);
  expect(r.stderr).toBe("");
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as Answer[];
}

const KINDS = ["region", "instance-type", "asn", "ip", "country", "jurisdiction-group"];
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Every answer has the schema's required fields, with a known source and a review date. */
function expectSchema(answers: readonly Answer[]): void {
  expect(answers.length).toBeGreaterThan(0);
  for (const a of answers) {
    expect(KINDS).toContain(a.kind);
    expect(typeof a.name).toBe("string");
    expect(typeof a.restricted).toBe("boolean");
    expect(a.why.length).toBeGreaterThan(0);
    expect(a.policy).toMatch(/^[a-z-]+$/);
    expect(a.source).toMatch(/^[a-z0-9-]+$/);
    expect(a.reviewed).toMatch(ISO_DAY);
  }
}

describe("jurisdiction-guard explain (compiled)", () => {
  test("a region: the text form says restricted, why, the source and its review date", () => {
    const r = run(["cn-northwest-1"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("cn-northwest-1: region of AWS");
    expect(r.stdout).toContain("restricted: yes");
    expect(r.stdout).toMatch(/source: .*; reviewed \d{4}-\d{2}-\d{2}/);
  });

  test("a region name several clouds use gives one answer per cloud", () => {
    const answers = json(["ap-southeast-1"]);
    expectSchema(answers);
    const clouds = answers.map((a) => a.cloud);
    expect(clouds).toEqual(expect.arrayContaining(["aws", "alicloud", "huaweicloud"]));
    // Huawei Cloud's ap-southeast-1 is Hong Kong; AWS's is Singapore.
    expect(answers.find((a) => a.cloud === "aws")).toMatchObject({
      country: "SG",
      restricted: false,
    });
    expect(answers.find((a) => a.cloud === "huaweicloud")).toMatchObject({
      name: "huaweicloud:ap-southeast-1",
      country: "HK",
      restricted: true,
    });
  });

  test("an Azure location and a Google Cloud zone", () => {
    expect(json(["chinaeast2"])).toMatchObject([
      { kind: "region", cloud: "azure", country: "CN", restricted: true },
    ]);
    expect(json(["us-central1-a"])).toMatchObject([
      { kind: "region", cloud: "gcp", name: "us-central1", restricted: false },
    ]);
  });

  test("an instance type: its accelerator, chip and export-control status", () => {
    const [a, ...rest] = json(["p4d.24xlarge"]);
    expect(rest).toEqual([]);
    expectSchema([a as Answer]);
    expect(a).toMatchObject({
      kind: "instance-type",
      cloud: "aws",
      restricted: true,
      accelerators: [{ family: "p4d", exportControl: "controlled" }],
    });
    expect(a?.accelerators?.[0]?.chip).toContain("A100");
    expect(json(["Standard_ND96asr_v4"])).toMatchObject([
      { cloud: "azure", kind: "instance-type" },
    ]);
  });

  test("a CPU instance type is known but not restricted", () => {
    expect(json(["m5.large"])).toMatchObject([
      { kind: "instance-type", accelerators: [], restricted: false },
    ]);
  });

  test.each([["AS45102"], ["45102"]])("an ASN written %s names its provider", (term) => {
    const answers = json([term]);
    expectSchema(answers);
    expect(answers).toMatchObject([
      { kind: "asn", name: "AS45102", restricted: true, providers: [{ id: "alibaba-cloud" }] },
    ]);
  });

  test("a private ASN belongs to no provider and says that only the address can tell", () => {
    const [a] = json(["AS65010"]);
    expect(a).toMatchObject({ kind: "asn", restricted: false, providers: [] });
    expect(JSON.stringify(a)).toContain("private-use ASN");
  });

  test("an IP address in an announced prefix of a listed provider, and one in none", () => {
    const [hit] = json(["47.74.1.1"]);
    expectSchema([hit as Answer]);
    expect(hit).toMatchObject({ kind: "ip", restricted: true, source: "ip-location-db-asn" });
    expect(hit?.providers?.[0]).toMatchObject({
      id: "alibaba-cloud",
      matched: "47.74.0.0/15 of AS45102",
    });
    expect(json(["8.8.8.8"])).toMatchObject([{ kind: "ip", restricted: false, providers: [] }]);
  });

  test("a country code and a jurisdiction group", () => {
    const [cn] = json(["cn"]);
    expect(cn).toMatchObject({ kind: "country", name: "CN", restricted: true });
    expect(cn?.groups).toContain("ear-d5");
    const [fr] = json(["FR"]);
    expect(fr).toMatchObject({ kind: "country", restricted: false });
    const [group] = json(["ear-d5"]);
    expectSchema([group as Answer]);
    expect(group).toMatchObject({ kind: "jurisdiction-group", name: "ear-d5" });
    expect(group?.members).toEqual(expect.arrayContaining(["CN", "RU"]));
  });

  test("an unknown term exits 2 and names the closest known name", () => {
    const r = run(["eastuss"]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain("did you mean eastus?");
    const j = run(["eastuss", "--format", "json"]);
    expect(j.code).toBe(2);
    expect(JSON.parse(j.stdout)).toEqual([]);
  });

  test("a custom policy config changes the answer; a bad one exits 2", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "explain-"));
    const file = path.join(dir, "policy-config.json");
    fs.writeFileSync(
      file,
      JSON.stringify({ "gpu-in-restricted-jurisdiction": { allowedRegions: ["cn-northwest-1"] } }),
    );
    const [a] = json(["cn-northwest-1", "--policy-pack-config", file], false);
    expect(a).toMatchObject({ restricted: false });
    expect(a?.why).toContain("allowedRegions");
    const text = run(["cn-northwest-1", "--policy-pack-config", file], false);
    expect(text.stdout).toContain(`config: ${file}`);
    fs.writeFileSync(
      file,
      JSON.stringify({ "gpu-in-restricted-jurisdiction": { acceleratorScope: "some" } }),
    );
    const bad = run(["cn-northwest-1", "--policy-pack-config", file], false);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("acceleratorScope");
  });

  test("an unknown format is a usage error", () => {
    expect(run(["CN", "--format", "xml"]).code).toBe(2);
  });
});
