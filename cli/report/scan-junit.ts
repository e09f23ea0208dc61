// `scan --format junit`: JUnit XML, as GitLab (`artifacts:reports:junit`), Jenkins and Azure
// Pipelines read it. One <testsuite> per input file (`scan --backend`: per stack, named
// `organization/<project>/<stack>`); one <testcase> per resource and resource
// policy (classname = policy, name = resource URN): a <failure> for a failing finding (mandatory,
// or advisory with --fail-on advisory), <skipped> when the pack said the policy does not apply,
// passed otherwise (an advisory finding that does not fail is kept in <system-out>). Stack
// policies get a test case per resource they report, or one passing case for the stack. The root
// stack and provider resources appear only when a policy reports them.
//
// Written with xmlbuilder2's streaming builder (createCB): the totals the root needs are counted
// in a first pass over the same generator, so a 100k-resource report is never held as a DOM.
//
// Only legal XML 1.0 characters are written (tab, newline, CR, U+0020-U+D7FF, U+E000-U+FFFD and
// paired surrogates): names and messages from the input can hold anything, and xmlbuilder2's
// streaming builder passes them through. Every other character, and DEL and the C1 controls
// (legal but discouraged, and invisible in CI viewers), is written visibly as `\uXXXX`, as the
// text report writes controls (terminal.ts). `xmlText` is applied to every attribute and text.
import type * as XmlBuilder from "xmlbuilder2";
import type { Finding, PolicyInfo } from "../runner/types";
import type { FileScanResult } from "../scan/types";
import { FORMAT_LABELS, qualifiedStack } from "../scan/types";
import type { FailOn, ScanRun } from "../scan/types";
import { isFailing } from "../scan/types";
import { findingHeadline, specificMessage } from "./text";
import { weakenedPolicies } from "../scan/weakened";

interface TestCase {
  classname: string;
  name: string;
  line?: number;
  outcome: "passed" | "failed" | "skipped";
  failureType?: string;
  message?: string;
  body?: string;
  systemOut?: string;
}

const key = (urn: string, policy: string) => `${urn}\u0000${policy}`;

const NOT_XML =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** `text` with only legal XML 1.0 characters; the others written as `\uXXXX`. */
export function xmlText(text: string): string {
  return text.replace(NOT_XML, (c) => `\\u${(c.charCodeAt(0) || 0).toString(16).padStart(4, "0")}`);
}

function xmlAttrs(attrs: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(attrs)) out[k] = xmlText(v);
  return out;
}

/** The policy's description once, then each finding's own message with its level. */
function render(findings: readonly Finding[]): string {
  const description = findings[0]?.description ?? "";
  const own = findings.map((f) => `[${f.enforcementLevel}] ${specificMessage(f)}`);
  return (description !== "" ? [description, ...own] : own).join("\n\n");
}

function caseFor(
  classname: string,
  name: string,
  findings: readonly Finding[],
  failOn: FailOn,
  notApplicable: string | undefined,
  line: number | undefined,
): TestCase {
  const base: TestCase = { classname, name, outcome: "passed" };
  if (line !== undefined) base.line = line;
  const failing = findings.filter((f) => isFailing(f, failOn));
  if (failing.length > 0) {
    const worst = failing.some((f) => f.enforcementLevel === "mandatory")
      ? "mandatory"
      : "advisory";
    const first = failing[0];
    return {
      ...base,
      outcome: "failed",
      failureType: worst,
      // The finding's own first line (what, on which resource); the level is in `type`.
      message: first ? findingHeadline(first) : "",
      body: render(failing),
    };
  }
  if (findings.length > 0) return { ...base, systemOut: render(findings) };
  if (notApplicable !== undefined) {
    return { ...base, outcome: "skipped", message: `not applicable: ${notApplicable}` };
  }
  return base;
}

function levelOf(file: FileScanResult, p: PolicyInfo): string {
  return file.policyConfig[p.name]?.enforcementLevel ?? p.enforcementLevel;
}

/** The test cases of one input file, in resource order. */
export function* testCases(
  file: FileScanResult,
  failOn: FailOn,
  requirePolicies = false,
): Generator<TestCase> {
  // A policy the config turns off is a test case of its own: skipped, or failed under
  // --require-policies, so that a pass never hides a check that did not run.
  for (const w of weakenedPolicies(file)) {
    const name = `policy config${w.setting !== undefined ? `: ${w.setting}` : ""}`;
    yield requirePolicies
      ? {
          classname: w.policy,
          name,
          outcome: "failed",
          failureType: "policy-config",
          message: w.message,
          body: w.message,
        }
      : { classname: w.policy, name, outcome: "skipped", message: w.message };
  }
  const policies = file.info.policies.filter((p) => levelOf(file, p) !== "disabled");
  const resourcePolicies = policies.filter((p) => p.type !== "stack");
  const stackPolicies = policies.filter((p) => p.type === "stack");
  const byKey = new Map<string, Finding[]>();
  for (const f of file.findings) {
    const k = key(f.urn, f.policyName);
    const list = byKey.get(k);
    if (list) list.push(f);
    else byKey.set(k, [f]);
  }
  const na = new Map<string, string>();
  for (const n of file.report.notApplicable) na.set(key(n.urn, n.policyName), n.reason);
  const lineOf = new Map<string, number>();
  for (const f of file.findings) if (f.line !== undefined) lineOf.set(f.urn, f.line);

  const used = new Set<string>();
  for (const r of file.resources) {
    // The root stack and provider resources go through Analyze as the engine sends them, but
    // they are not resources a user deploys: they get a test case only when a policy reports them.
    const infrastructure =
      r.type === "pulumi:pulumi:Stack" || r.type.startsWith("pulumi:providers:");
    for (const p of resourcePolicies) {
      const k = key(r.urn, p.name);
      if (infrastructure && !byKey.has(k)) continue;
      used.add(k);
      yield caseFor(p.name, r.urn, byKey.get(k) ?? [], failOn, na.get(k), r.line);
    }
  }
  // Findings not covered above: stack policies, and resources the list does not hold.
  const reported = new Set<string>();
  for (const [k, findings] of byKey) {
    if (used.has(k)) continue;
    const f = findings[0];
    if (!f) continue;
    reported.add(f.policyName);
    yield caseFor(f.policyName, f.urn, findings, failOn, undefined, lineOf.get(f.urn));
  }
  const root = file.resources.find((r) => r.type === "pulumi:pulumi:Stack")?.urn;
  for (const p of stackPolicies) {
    if (reported.has(p.name)) continue;
    const name =
      root ??
      `urn:pulumi:${file.stack}::${file.project}::pulumi:pulumi:Stack::${file.project}-${file.stack}`;
    yield caseFor(p.name, name, [], failOn, na.get(key("", p.name)), undefined);
  }
}

interface Totals {
  tests: number;
  failures: number;
  skipped: number;
}

function count(file: FileScanResult, failOn: FailOn, requirePolicies: boolean): Totals {
  const t: Totals = { tests: 0, failures: 0, skipped: 0 };
  for (const c of testCases(file, failOn, requirePolicies)) {
    t.tests++;
    if (c.outcome === "failed") t.failures++;
    else if (c.outcome === "skipped") t.skipped++;
  }
  return t;
}

const seconds = (ms: number) => (ms / 1000).toFixed(3);

/** Write the JUnit XML of a run, chunk by chunk, to `write`. */
export function writeJunit(run: ScanRun, write: (chunk: string) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    // Loaded for JUnit only: about 60 ms of module loading every other format does without.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { createCB } = require("xmlbuilder2") as typeof XmlBuilder;
    const cb = createCB({ prettyPrint: true, indent: "  " });
    // Every element's attributes and every text node go through xmlText (see the top).
    const xml = {
      on: cb.on.bind(cb),
      dec: cb.dec.bind(cb),
      end: cb.end.bind(cb),
      ele(name: string, attrs: Record<string, string> = {}) {
        cb.ele(name, xmlAttrs(attrs));
        return xml;
      },
      txt(text: string) {
        cb.txt(xmlText(text));
        return xml;
      },
      up() {
        cb.up();
        return xml;
      },
    };
    xml.on("data", (chunk: string) => write(chunk));
    xml.on("error", reject);
    xml.on("end", () => {
      write("\n");
      resolve();
    });
    const requirePolicies = run.requirePolicies === true;
    const totals = run.files.map((f) => count(f, run.failOn, requirePolicies));
    const sum = (k: keyof Totals) => totals.reduce((a, t) => a + t[k], 0);
    xml.dec({ version: "1.0", encoding: "UTF-8" });
    xml.ele("testsuites", {
      name: run.tool.name,
      tests: String(sum("tests")),
      failures: String(sum("failures")),
      errors: "0",
      skipped: String(sum("skipped")),
      time: seconds(run.durationMs),
    });
    run.files.forEach((file, i) => {
      const t = totals[i] ?? { tests: 0, failures: 0, skipped: 0 };
      const pack = file.report.policyPack;
      xml.ele("testsuite", {
        name: run.backend !== undefined ? qualifiedStack(file) : file.file,
        tests: String(t.tests),
        failures: String(t.failures),
        errors: "0",
        skipped: String(t.skipped),
        time: seconds(file.durationMs),
      });
      xml.ele("properties");
      const prop = (name: string, value: string) => xml.ele("property", { name, value }).up();
      prop("format", FORMAT_LABELS[file.format]);
      prop("stack", file.stack);
      prop("project", file.project);
      prop("qualifiedStack", qualifiedStack(file));
      if (run.backend !== undefined) {
        prop("backend", run.backend.url);
        prop("file", file.file);
      }
      prop("policyPack", `${pack.name}@${pack.version}`);
      prop("failOn", run.failOn);
      prop("requirePolicies", String(requirePolicies));
      xml.up();
      for (const c of testCases(file, run.failOn, requirePolicies)) {
        const attrs: Record<string, string> = {
          classname: c.classname,
          name: c.name,
          file: file.file,
        };
        if (c.line !== undefined) attrs["line"] = String(c.line);
        xml.ele("testcase", attrs);
        if (c.outcome === "failed") {
          xml
            .ele("failure", { message: c.message ?? "", type: c.failureType ?? "mandatory" })
            .txt(c.body ?? "")
            .up();
        } else if (c.outcome === "skipped") {
          xml.ele("skipped", { message: c.message ?? "" }).up();
        }
        if (c.systemOut !== undefined) xml.ele("system-out").txt(c.systemOut).up();
        xml.up();
      }
      xml.up();
    });
    xml.up();
    xml.end();
  });
}
