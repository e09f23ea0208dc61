// The report formats over a hand-built scan run: SARIF (validated against the OASIS 2.1.0
// schema), JUnit XML (parsed back), the JSON report (validated against its schema) and text.
import { XMLParser } from "fast-xml-parser";
import { toScanJson } from "../../../cli/report/scan-json";
import { testCases, writeJunit } from "../../../cli/report/scan-junit";
import { artifactUri, FINGERPRINT_KEY, toSarif } from "../../../cli/report/scan-sarif";
import { compareRecorded, formatScanText } from "../../../cli/report/scan-text";
import type { AnalyzerInfo, Finding, PolicyInfo, Report } from "../../../cli/runner/types";
import type { ScanFinding } from "../../../cli/scan/types";
import type { FailOn, ScanRun } from "../../../cli/scan/types";
import { exitCodeOf } from "../../../cli/scan/types";
import type { FileScanResult } from "../../../cli/scan/types";
import { errorsOf, sarifValidator, scanJsonValidator } from "../../fixtures/scan/validators";

const URN = (type: string, name: string) => `urn:pulumi:prod::fleet::${type}::${name}`;
const ROOT = URN("pulumi:pulumi:Stack", "fleet-prod");
const PROVIDER = URN("pulumi:providers:aws", "default_7_48_0");
const GPU = URN("aws:ec2/instance:Instance", "trainer");
const BUCKET = URN("alicloud:oss/bucket:Bucket", "logs");
const VPC = URN("aws:ec2/vpc:Vpc", "main");

function policy(name: string, over: Partial<PolicyInfo> = {}): PolicyInfo {
  return {
    name,
    displayName: `Display ${name}`,
    description: `Checks ${name}.`,
    enforcementLevel: "mandatory",
    type: "resource",
    severity: "critical",
    tags: ["accelerator"],
    remediationSteps: "1. Move it. 2. Or approve it.",
    url: `https://example.com/policies#${name}`,
    framework: {
      name: "jurisdiction-guard",
      version: "1",
      reference: "EAR",
      specification: "spec",
    },
    ...over,
  };
}

const POLICIES = [
  policy("gpu-in-restricted-jurisdiction"),
  policy("listed-foreign-provider-resource", {
    enforcementLevel: "advisory",
    severity: "medium",
    framework: undefined,
  } as Partial<PolicyInfo>),
  policy("disabled-one", { enforcementLevel: "disabled" }),
];

function finding(
  urn: string,
  policyName: string,
  level: "mandatory" | "advisory",
  line?: number,
): ScanFinding {
  const f: ScanFinding = {
    policyName,
    policyPackName: "jurisdiction-guard",
    policyPackVersion: "0.1.0",
    enforcementLevel: level,
    severity: level === "mandatory" ? "critical" : "medium",
    message: `Checks ${policyName}.\n${urn.split("::").pop()} is bad <here> & "there".`,
    description: `Checks ${policyName}.`,
    urn,
    resourceType: urn.split("::")[2] ?? "",
    resourceName: urn.split("::").pop() ?? "",
    phase: "analyze",
  };
  if (line !== undefined) f.line = line;
  return f;
}

function fileResult(findings: ScanFinding[], file = "infra/stack.json"): FileScanResult {
  const info: AnalyzerInfo = {
    name: "jurisdiction-guard",
    displayName: "Jurisdiction guard",
    version: "0.1.0",
    description: "",
    supportsConfig: true,
    policies: POLICIES,
    initialConfig: {},
    tags: [],
    repository: "",
    provider: "",
    readme: "",
  };
  const counts = { mandatory: 0, advisory: 0 };
  for (const f of findings) {
    if (f.enforcementLevel === "mandatory" || f.enforcementLevel === "advisory") {
      counts[f.enforcementLevel]++;
    }
  }
  const report: Report = {
    policyPack: { name: "jurisdiction-guard", version: "0.1.0", path: "/repo/policypack" },
    resourcesAnalyzed: 5,
    findings: findings as Finding[],
    remediations: [],
    notApplicable: [
      { urn: VPC, policyName: "gpu-in-restricted-jurisdiction", reason: "no accelerator" },
      { urn: VPC, policyName: "listed-foreign-provider-resource", reason: "not listed" },
    ],
    counts,
    countsByPolicy: {
      "gpu-in-restricted-jurisdiction": { mandatory: counts.mandatory, advisory: 0 },
      "listed-foreign-provider-resource": { mandatory: 0, advisory: counts.advisory },
      "disabled-one": { mandatory: 0, advisory: 0 },
    },
    logs: [],
    timings: { startupMs: 1200, analyzeMs: 300, totalMs: 1500 },
  };
  return {
    file,
    format: "stack-export",
    stack: "prod",
    project: "fleet",
    report,
    findings,
    resources: [
      { urn: ROOT, type: "pulumi:pulumi:Stack", name: "fleet-prod", line: 5 },
      { urn: PROVIDER, type: "pulumi:providers:aws", name: "default_7_48_0", line: 12 },
      { urn: VPC, type: "aws:ec2/vpc:Vpc", name: "main", line: 20 },
      { urn: GPU, type: "aws:ec2/instance:Instance", name: "trainer", line: 40 },
      { urn: BUCKET, type: "alicloud:oss/bucket:Bucket", name: "logs", line: 60 },
    ],
    info,
    policyConfig: {
      "gpu-in-restricted-jurisdiction": { enforcementLevel: "mandatory" },
      "listed-foreign-provider-resource": { enforcementLevel: "advisory" },
      "disabled-one": { enforcementLevel: "disabled" },
    },
    recordedPolicyEvents: [],
    recordedPolicyPacks: {},
    durationMs: 1800,
  };
}

const FINDINGS = [
  finding(GPU, "gpu-in-restricted-jurisdiction", "mandatory", 40),
  finding(BUCKET, "listed-foreign-provider-resource", "advisory", 60),
  finding(PROVIDER, "listed-foreign-provider-resource", "advisory"),
];

function run(failOn: FailOn = "mandatory", files = [fileResult(FINDINGS)]): ScanRun {
  return {
    tool: { name: "jurisdiction-guard", version: "0.1.0" },
    files,
    failOn,
    exitCode: exitCodeOf(files, failOn),
    durationMs: 2000,
  };
}

describe("exit codes", () => {
  it("fail on mandatory by default, on advisory when asked, never with none", () => {
    expect(run("mandatory").exitCode).toBe(1);
    expect(run("mandatory", [fileResult([FINDINGS[1] as ScanFinding])]).exitCode).toBe(0);
    expect(run("advisory", [fileResult([FINDINGS[1] as ScanFinding])]).exitCode).toBe(1);
    expect(run("none").exitCode).toBe(0);
  });
});

describe("SARIF", () => {
  const log = toSarif(run(), "/repo");

  it("is valid SARIF 2.1.0", () => {
    expect(errorsOf(sarifValidator(), log)).toBe("");
  });

  it("is checked by a schema that does reject invalid SARIF", () => {
    expect(errorsOf(sarifValidator(), { ...log, version: "2.0.0" })).toMatch(/\/version/);
    const bad = JSON.parse(JSON.stringify(log)) as { runs: { results: { level: string }[] }[] };
    const first = bad.runs[0]?.results[0];
    if (first) first.level = "fatal";
    expect(errorsOf(sarifValidator(), bad)).toMatch(/\/runs\/0\/results\/0\/level/);
  });

  it("has one rule per policy, from the pack's metadata", () => {
    const rules = log.runs[0]?.tool.driver.rules ?? [];
    expect(rules.map((r) => r.id)).toEqual(POLICIES.map((p) => p.name));
    expect(rules[0]).toMatchObject({
      name: "GpuInRestrictedJurisdiction",
      shortDescription: { text: "Display gpu-in-restricted-jurisdiction" },
      fullDescription: { text: "Checks gpu-in-restricted-jurisdiction." },
      helpUri: "https://example.com/policies#gpu-in-restricted-jurisdiction",
      defaultConfiguration: { level: "error", enabled: true },
      properties: {
        severity: "critical",
        "security-severity": "9.5",
        tags: ["jurisdiction", "accelerator"],
        framework: {
          name: "jurisdiction-guard",
          version: "1",
          reference: "EAR",
          specification: "spec",
        },
      },
    });
    expect(rules[0]?.help?.text).toContain("Remediation: 1. Move it. 2. Or approve it.");
    expect(rules[0]?.help?.markdown).toContain("**Remediation**");
    expect(rules[1]?.defaultConfiguration).toEqual({ level: "warning", enabled: true });
    expect(rules[2]?.defaultConfiguration).toEqual({ level: "none", enabled: false });
  });

  it("has one result per violation: error for mandatory, warning for advisory", () => {
    const results = log.runs[0]?.results ?? [];
    expect(results.map((r) => [r.ruleId, r.level, r.ruleIndex])).toEqual([
      ["gpu-in-restricted-jurisdiction", "error", 0],
      ["listed-foreign-provider-resource", "warning", 1],
      ["listed-foreign-provider-resource", "warning", 1],
    ]);
  });

  it("locates each result by URN and by input file and line", () => {
    const [gpu, , provider] = log.runs[0]?.results ?? [];
    expect(gpu?.locations?.[0]).toEqual({
      physicalLocation: {
        artifactLocation: { uri: "infra/stack.json", index: 0 },
        region: { startLine: 40 },
      },
      logicalLocations: [{ fullyQualifiedName: GPU, name: "trainer", kind: "resource" }],
    });
    expect(provider?.locations?.[0]?.physicalLocation?.region).toBeUndefined();
    expect(gpu?.partialFingerprints?.[FINGERPRINT_KEY]).toMatch(/^[0-9a-f]{64}$/);
    expect(log.runs[0]?.artifacts?.[0]?.location?.uri).toBe("infra/stack.json");
  });

  it("uses repository-relative URIs, and file URIs outside the working directory", () => {
    expect(artifactUri("a dir/stack.json", "/repo")).toBe("a%20dir/stack.json");
    expect(artifactUri("/elsewhere/x.json", "/repo")).toBe("file:///elsewhere/x.json");
  });
});

describe("JUnit XML", () => {
  async function xml(failOn: FailOn): Promise<string> {
    const chunks: string[] = [];
    await writeJunit(run(failOn), (s) => chunks.push(s));
    return chunks.join("");
  }
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "" });
  type Case = {
    classname: string;
    name: string;
    failure?: { message: string; type: string; "#text": string };
    skipped?: { message: string };
    "system-out"?: string;
  };
  const casesOf = (doc: string): Case[] => {
    const parsed = parser.parse(doc) as {
      testsuites: { testsuite: { testcase: Case | Case[] } };
    };
    const c = parsed.testsuites.testsuite.testcase;
    return Array.isArray(c) ? c : [c];
  };

  it("has a test case per resource and resource policy, the stack and providers only when reported", async () => {
    const doc = await xml("mandatory");
    const parsed = parser.parse(doc) as { testsuites: Record<string, string> };
    // The disabled policy is a skipped case of its own ("policy config"), first.
    expect(parsed.testsuites).toMatchObject({
      tests: "8",
      failures: "1",
      skipped: "3",
      errors: "0",
    });
    expect(casesOf(doc).map((c) => `${c.classname} ${c.name.split("::").pop()}`)).toEqual([
      "disabled-one policy config",
      "listed-foreign-provider-resource default_7_48_0",
      "gpu-in-restricted-jurisdiction main",
      "listed-foreign-provider-resource main",
      "gpu-in-restricted-jurisdiction trainer",
      "listed-foreign-provider-resource trainer",
      "gpu-in-restricted-jurisdiction logs",
      "listed-foreign-provider-resource logs",
    ]);
  });

  it("fails mandatory violations, skips not-applicable, keeps advisory ones as output", async () => {
    const cases = casesOf(await xml("mandatory"));
    const gpu = cases.find(
      (c) => c.classname === "gpu-in-restricted-jurisdiction" && c.name === GPU,
    );
    // The failure's message is the finding's own first line, not the policy's description.
    expect(gpu?.failure).toMatchObject({
      type: "mandatory",
      message: 'trainer is bad <here> & "there".',
    });
    expect(gpu?.failure?.["#text"].split("\n")).toEqual([
      "Checks gpu-in-restricted-jurisdiction.",
      "",
      '[mandatory] trainer is bad <here> & "there".',
    ]);
    const vpc = cases.find(
      (c) => c.name === VPC && c.classname === "gpu-in-restricted-jurisdiction",
    );
    expect(vpc?.skipped).toEqual({ message: "not applicable: no accelerator" });
    const bucket = cases.find(
      (c) => c.name === BUCKET && c.classname === "listed-foreign-provider-resource",
    );
    expect(bucket?.failure).toBeUndefined();
    expect(bucket?.["system-out"]).toContain("[advisory]");
  });

  it("fails advisory violations too with --fail-on advisory", async () => {
    const cases = casesOf(await xml("advisory"));
    expect(cases.filter((c) => c.failure).map((c) => c.failure?.type)).toEqual([
      "advisory",
      "mandatory",
      "advisory",
    ]);
  });

  it("gives a stack policy one passing case when it reports nothing", () => {
    const f = fileResult([]);
    f.info.policies = [...POLICIES, policy("stack-wide", { type: "stack" })];
    const cases = [...testCases(f, "mandatory")];
    expect(cases.find((c) => c.classname === "stack-wide")).toEqual({
      classname: "stack-wide",
      name: ROOT,
      outcome: "passed",
    });
  });
});

describe("JSON report", () => {
  it("matches its schema and counts what fails", () => {
    const json = toScanJson(run("advisory"));
    expect(errorsOf(scanJsonValidator(), json)).toBe("");
    expect(json.summary).toMatchObject({
      files: 1,
      resources: 5,
      findings: 3,
      mandatory: 1,
      advisory: 2,
      failing: 3,
    });
    expect(json.findings[0]).toMatchObject({ line: 40, failing: true, urn: GPU });
    expect(json.findings[2]).not.toHaveProperty("line");
    expect(json.exitCode).toBe(1);
  });
});

describe("text", () => {
  it("prints the Policies block, a summary and the verdict", () => {
    const text = formatScanText(run(), "/repo").join("\n");
    expect(text).toContain(
      "Scanning infra/stack.json (pulumi stack export; stack prod, project fleet)",
    );
    const lines = text.split("\n");
    // Each policy's description once, then its findings, each led by the finding itself.
    const policyBlock = lines.slice(
      lines.indexOf(
        "        gpu-in-restricted-jurisdiction: Checks gpu-in-restricted-jurisdiction.",
      ),
    );
    expect(policyBlock.slice(0, 3)).toEqual([
      "        gpu-in-restricted-jurisdiction: Checks gpu-in-restricted-jurisdiction.",
      '        - [mandatory] trainer is bad <here> & "there".',
      "        listed-foreign-provider-resource: Checks listed-foreign-provider-resource.",
    ]);
    expect(lines.filter((l) => l.includes("Checks gpu-in-restricted-jurisdiction."))).toHaveLength(
      1,
    );
    expect(text).toContain("violations: 1 mandatory, 2 advisory");
    expect(text).toContain("Result: FAIL, 1 failing violation (mandatory violations fail)");
  });

  it("compares recorded policy events with the scan's findings", () => {
    const recorded = [
      { ...FINDINGS[0], enforcementLevel: "mandatory", line: 7 },
      {
        urn: VPC,
        policyName: "gpu-in-restricted-jurisdiction",
        policyPackName: "jurisdiction-guard",
        policyPackVersion: "0.0.9",
        enforcementLevel: "warning",
        message: "x",
        line: 9,
      },
    ].map((e) => ({
      urn: e.urn ?? "",
      policyName: e.policyName ?? "",
      policyPackName: e.policyPackName ?? "",
      policyPackVersion: e.policyPackVersion ?? "",
      enforcementLevel: e.enforcementLevel,
      message: e.message ?? "",
      line: e.line,
    }));
    const c = compareRecorded(recorded, FINDINGS, { name: "jurisdiction-guard", version: "0.1.0" });
    expect(c.recorded).toBe(2);
    expect(c.onlyRecorded).toEqual([
      { urn: VPC, policyName: "gpu-in-restricted-jurisdiction", level: "advisory" },
    ]);
    expect(c.onlyScanned.map((d) => d.urn)).toEqual([BUCKET, PROVIDER]);
    expect(c.otherVersions).toEqual(["0.0.9"]);
  });
});
