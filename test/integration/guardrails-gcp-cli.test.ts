// `jurisdiction-guard guardrails --target gcp-org-policy`: through compileGuardrails (the command's
// function, with a policy pack config file) and through the compiled CLI (dist/, production
// dependencies only), printing the files or writing them to a folder.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as yaml from "js-yaml";
import { compileGuardrails, MANIFEST } from "../../cli/commands/guardrails";
import { GCP_ORG_POLICY } from "../../cli/guardrails/gcp-org-policy";
import { guardrailModel } from "jurisdiction-guard/guardrails";
import { runGuardrails } from "../support/guardrails-cli";

const TODAY = "2026-12-07";

const CONFIG = {
  "gpu-in-restricted-jurisdiction": {
    acceleratorScope: "export-controlled",
    restrictedRegions: ["europe-west4"],
  },
  "ai-service-in-restricted-jurisdiction": { enforcementLevel: "advisory" },
  "gpu-or-ai-in-restricted-account": { restrictedAccounts: [{ id: "cn-jv-project" }] },
};

function tmp(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), "jg-gcp-guardrails-"));
}

function writeConfig(dir: string): string {
  const file = path.join(dir, "policy-config.json");
  fs.writeFileSync(file, JSON.stringify(CONFIG));
  return file;
}

const run = (args: string[], cwd: string) =>
  runGuardrails(["--target", "gcp-org-policy", ...args], cwd);

describe("guardrails --target gcp-org-policy", () => {
  test("compileGuardrails reads the config file as the pack does", () => {
    const dir = tmp();
    const file = writeConfig(dir);
    const out = compileGuardrails("gcp-org-policy", file, dir, 5120, TODAY);
    const paths = out.files.map((f) => f.path);
    // Under acceleratorScope export-controlled the VM condition is split in two (≤ 1,000 each).
    expect(paths).toContain("constraints/custom.jgGpuVm1.yaml");
    expect(paths).toContain("constraints/custom.jgGpuVm2.yaml");
    expect(paths).toContain("policies/projects/cn-jv-project/custom.jgAccountGpuVm.yaml");
    expect(paths).toContain("policies/projects/cn-jv-project/custom.jgAccountAiCustomJob.yaml");
    expect(paths[paths.length - 1]).toBe("COVERAGE.md");
    // The same files the target compiles from the model of that config.
    const model = guardrailModel((policy) => {
      const given = (CONFIG as Record<string, Record<string, unknown>>)[policy] ?? {};
      const { enforcementLevel, ...properties } = given;
      return {
        ...(typeof enforcementLevel === "string" ? { enforcementLevel } : {}),
        properties,
      };
    }, TODAY);
    expect(out).toEqual(GCP_ORG_POLICY.compile(model, { scpMaxChars: 5120 }));
    // The advisory AI-service policy is a dry run; the accelerator constraint names europe-west4
    // nowhere in its allow-list (restrictedRegions).
    const allow = yaml.load(
      out.files.find((f) => f.path.endsWith("gcp.resourceLocations.allow.yaml"))?.content ?? "",
    ) as { spec?: unknown; dryRunSpec?: unknown };
    expect(allow.spec).toBeUndefined();
    expect(allow.dryRunSpec).toBeDefined();
    const vm = yaml.load(
      out.files.find((f) => f.path === "constraints/custom.jgGpuVm1.yaml")?.content ?? "",
    ) as { condition: string; description: string };
    expect(vm.condition).toContain("europe-west(");
    expect(vm.condition).not.toMatch(/europe-west\([^)]*\b4\b/);
    expect(vm.description).toContain("restrictedRegions: europe-west4");
    expect(out.summary.join("\n")).toContain("1 restricted project(s)");
  });

  test("the compiled CLI prints every file under a header with the default config", () => {
    const dir = tmp();
    const r = run([], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("==> constraints/custom.jgGpuVm.yaml <==");
    expect(r.stdout).toContain("==> COVERAGE.md <==");
    expect(r.stderr).toContain("gcp-org-policy guardrails from the default policy config");
    expect(r.stderr).toMatch(/custom constraint\(s\) \(longest condition \d+\/1000 characters\)/);
  });

  test("the compiled CLI writes the files and a manifest to -o, the same files compileGuardrails gives", () => {
    const dir = tmp();
    const file = writeConfig(dir);
    const r = run(["--policy-pack-config", file, "-o", "out"], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("written to out");
    const expected = compileGuardrails("gcp-org-policy", file, dir, 5120);
    for (const f of expected.files) {
      expect(fs.readFileSync(path.join(dir, "out", ...f.path.split("/")), "utf8")).toBe(f.content);
    }
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, "out", MANIFEST), "utf8")) as {
      target: string;
      files: string[];
    };
    expect(manifest.target).toBe("gcp-org-policy");
    expect(manifest.files).toEqual(expected.files.map((f) => f.path));
  });
});
