// Every input format through the real pack, in one run: the verdicts must be the ones the example
// programs get through `npm run demo` (examples/*/expected.json, i.e. what `pulumi preview
// --policy-pack` reports), and every report format must be valid and complete.
import * as fs from "fs";
import * as path from "path";
import { XMLParser } from "fast-xml-parser";
import { toScanJson } from "../../../cli/report/scan-json";
import { writeJunit } from "../../../cli/report/scan-junit";
import { toSarif } from "../../../cli/report/scan-sarif";
import { compareRecorded, formatScanText } from "../../../cli/report/scan-text";
import type { EnforcementLevel } from "../../../cli/runner/types";
import { runScan } from "../../../cli/scan/run";
import type { ScanRun } from "../../../cli/scan/types";
import type { FileScanResult } from "../../../cli/scan/types";
import { errorsOf, sarifValidator, scanJsonValidator } from "../../fixtures/scan/validators";
import { EXAMPLES_DIR } from "../harness";
import { fixture, HERMETIC_ENV, PACK_DIR, REPO_ROOT } from "./helpers";

const INPUTS = {
  awsChina: fixture("stack-export-aws-china.json"),
  compliant: fixture("stack-export-compliant.json"),
  aks: fixture("preview-aks-east-asia.json"),
  sagemaker: fixture("events-sagemaker-hong-kong.jsonl"),
  alicloud: fixture("stack-export-alicloud-advisory.json"),
  secrets: fixture("stack-export-show-secrets.json"),
};

let run: ScanRun;
let rendered: { sarif: string; junit: string; json: string; text: string };

beforeAll(async () => {
  const cwd = process.cwd();
  process.chdir(REPO_ROOT);
  try {
    run = await runScan(Object.values(INPUTS), {
      packDir: PACK_DIR,
      failOn: "mandatory",
      keepResources: true,
      env: HERMETIC_ENV,
    });
  } finally {
    process.chdir(cwd);
  }
  const junit: string[] = [];
  await writeJunit(run, (s) => junit.push(s));
  rendered = {
    sarif: JSON.stringify(toSarif(run, REPO_ROOT)),
    junit: junit.join(""),
    json: JSON.stringify(toScanJson(run)),
    text: formatScanText(run, REPO_ROOT).join("\n"),
  };
}, 120_000);

function result(file: string): FileScanResult {
  const r = run.files.find((f) => f.file === file);
  if (!r) throw new Error(`no result for ${file}`);
  return r;
}

type Verdict = "none" | Record<string, EnforcementLevel>;

/** Resource name -> "none" or policy -> level, as each example's expected.json records verdicts. */
function verdicts(r: FileScanResult): Record<string, Verdict> {
  const out: Record<string, Verdict> = {};
  for (const res of r.resources) out[res.name] = "none";
  for (const f of r.findings) {
    const current = out[f.resourceName];
    const v = current === undefined || current === "none" ? {} : current;
    v[f.policyName] = f.enforcementLevel;
    out[f.resourceName] = v;
  }
  return out;
}

function expected(example: string, without: string[] = []): Record<string, Verdict> {
  const file = path.join(EXAMPLES_DIR, example, "expected.json");
  const all = (JSON.parse(fs.readFileSync(file, "utf8")) as { verdicts: Record<string, Verdict> })
    .verdicts;
  return Object.fromEntries(Object.entries(all).filter(([name]) => !without.includes(name)));
}

describe("verdicts are the ones `pulumi preview --policy-pack` gives the same programs", () => {
  it.each([
    ["stack export", INPUTS.awsChina, "aws-china-gpu-training", []],
    ["stack export with explicit providers", INPUTS.compliant, "compliant-multi-region-gpu", []],
    // The CLI's preview JSON leaves out unchanged resources (the resource group, deployed before).
    [
      "preview JSON (AnalyzeStack finds the pool's location)",
      INPUTS.aks,
      "aks-gpu-east-asia",
      ["aks-rg"],
    ],
    ["event log", INPUTS.sagemaker, "sagemaker-hong-kong", []],
  ])("%s: %s", (_what, file, example, without) => {
    expect(verdicts(result(file))).toEqual(expected(example, without));
  });

  it("re-evaluates an event log to the same policy events the recorded run reported", () => {
    const r = result(INPUTS.sagemaker);
    expect(r.recordedPolicyEvents).toHaveLength(4);
    const c = compareRecorded(r.recordedPolicyEvents, r.findings, r.report.policyPack);
    expect(c).toEqual({ recorded: 4, onlyRecorded: [], onlyScanned: [], otherVersions: [] });
    expect(rendered.text).toContain(
      "Recorded in the event log: 4 policy events of jurisdiction-guard; this scan reports the same.",
    );
  });

  it("judges provider resources as the engine does (a listed foreign provider's package)", () => {
    const r = result(INPUTS.alicloud);
    expect(r.findings.map((f) => [f.resourceType, f.enforcementLevel])).toEqual([
      ["pulumi:providers:alicloud", "advisory"],
      ["alicloud:oss/bucket:Bucket", "advisory"],
    ]);
  });

  it("takes stack and project from URNs, and stack config from the input", () => {
    expect(result(INPUTS.aks)).toMatchObject({ stack: "dev", project: "aks-gpu-east-asia" });
    expect(result(INPUTS.alicloud)).toMatchObject({ stack: "ci", project: "storage-eu" });
    expect(run.exitCode).toBe(1);
  });
});

describe("secrets are never printed", () => {
  it("redacts plaintext secrets the pack echoes, in every format", () => {
    const r = result(INPUTS.secrets);
    expect(r.findings.map((f) => f.policyName)).toEqual([
      "gpu-in-restricted-jurisdiction",
      "gpu-or-ai-in-restricted-account",
    ]);
    for (const out of Object.values(rendered)) {
      expect(out).not.toContain("cn-northwest-1");
      expect(out).not.toContain("hf_0123456789abcdefTOKEN");
      expect(out).not.toContain("v1:normalised0:");
      expect(out).not.toContain("1yO7c0tq7wHq8bJc4vN3kq5oTn1T0p8x0w");
    }
    expect(r.findings[0]?.message).toContain("Where: [secret] (China (Ningxia)");
  });
});

describe("SARIF", () => {
  it("validates against the SARIF 2.1.0 schema", () => {
    expect(errorsOf(sarifValidator(), JSON.parse(rendered.sarif))).toBe("");
  });

  it("carries the pack's policy metadata as rules and one result per violation", () => {
    const log = toSarif(run, REPO_ROOT);
    const rules = log.runs[0]?.tool.driver.rules ?? [];
    expect(rules.map((r) => r.id)).toEqual([
      "ai-service-in-restricted-jurisdiction",
      "gpu-in-restricted-jurisdiction",
      "gpu-or-ai-in-restricted-account",
      "listed-foreign-provider-resource",
      "peering-with-listed-foreign-provider",
    ]);
    for (const rule of rules) {
      expect(rule.helpUri).toMatch(/^https:\/\//);
      expect(rule.help?.text).toMatch(/^Remediation: /);
      expect(rule.properties?.["severity"]).toMatch(/^(low|medium|high|critical)$/);
      expect(rule.properties?.["framework"]).toBeDefined();
    }
    const results = log.runs[0]?.results ?? [];
    const total = run.files.reduce((n, f) => n + f.findings.length, 0);
    expect(results).toHaveLength(total);
    expect(new Set(results.map((r) => r.level))).toEqual(new Set(["error", "warning"]));
  });

  it("points each result at the resource's URN and at its line in the input file", () => {
    const log = toSarif(run, REPO_ROOT);
    const result0 = (log.runs[0]?.results ?? []).find((r) =>
      r.locations?.[0]?.logicalLocations?.[0]?.fullyQualifiedName?.endsWith("::gpu-nodes"),
    );
    const loc = result0?.locations?.[0];
    expect(loc?.physicalLocation?.artifactLocation?.uri).toBe(
      "test/fixtures/scan/stack-export-aws-china.json",
    );
    const line = loc?.physicalLocation?.region?.startLine ?? 0;
    const text = fs.readFileSync(path.join(REPO_ROOT, INPUTS.awsChina), "utf8").split("\n");
    expect(text[line - 1]?.trim()).toBe("{");
    expect(text[line]).toContain("aws:eks/nodeGroup:NodeGroup::gpu-nodes");
  });
});

describe("JUnit XML", () => {
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "" });
  interface Suite {
    name: string;
    tests: string;
    failures: string;
    skipped: string;
    testcase: { classname: string; name: string; failure?: unknown; skipped?: unknown }[];
  }
  const suites = (): Suite[] => {
    const doc = parser.parse(rendered.junit) as { testsuites: { testsuite: Suite[] } };
    return doc.testsuites.testsuite;
  };

  it("parses back into one suite per input file with consistent totals", () => {
    const all = suites();
    expect(all.map((s) => s.name)).toEqual(Object.values(INPUTS));
    for (const s of all) {
      expect(Number(s.tests)).toBe(s.testcase.length);
      expect(Number(s.failures)).toBe(s.testcase.filter((c) => c.failure !== undefined).length);
      expect(Number(s.skipped)).toBe(s.testcase.filter((c) => c.skipped !== undefined).length);
    }
  });

  it("fails exactly the resource and policy pairs with mandatory violations", () => {
    const china = suites().find((s) => s.name === INPUTS.awsChina);
    const failed = china?.testcase
      .filter((c) => c.failure !== undefined)
      .map((c) => `${c.classname} ${c.name.split("::").pop()}`)
      .sort();
    expect(failed).toEqual([
      "gpu-in-restricted-jurisdiction gpu-nodes",
      "gpu-in-restricted-jurisdiction gpu-training-asg",
      "gpu-in-restricted-jurisdiction gpu-training-template",
      "gpu-or-ai-in-restricted-account gpu-nodes",
      "gpu-or-ai-in-restricted-account gpu-training-asg",
      "gpu-or-ai-in-restricted-account gpu-training-template",
    ]);
    // 9 user resources x 5 policies; the root stack and the provider have no findings.
    expect(china?.testcase).toHaveLength(45);
  });
});

describe("JSON report", () => {
  it("validates against its schema and sums every input", () => {
    const json = JSON.parse(rendered.json) as ReturnType<typeof toScanJson>;
    expect(errorsOf(scanJsonValidator(), json)).toBe("");
    expect(json.inputs.map((i) => [i.format, i.resources, i.mandatory, i.advisory])).toEqual([
      ["stack-export", 11, 6, 0],
      ["stack-export", 16, 0, 0],
      ["preview", 4, 1, 0],
      ["event-log", 6, 4, 0],
      ["stack-export", 3, 0, 2],
      ["stack-export", 3, 2, 0],
    ]);
    expect(json.summary).toMatchObject({ files: 6, mandatory: 13, advisory: 2, failing: 13 });
    expect(json.inputs[3]?.recordedPolicyEvents).toHaveLength(4);
  });
});
