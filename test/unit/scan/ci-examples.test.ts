// The CI examples stay wired to the scan: the report file each job writes is the one it uploads,
// and the options it uses exist.
import * as fs from "fs";
import * as path from "path";
import * as yaml from "js-yaml";

const CI = path.resolve(__dirname, "..", "..", "..", "examples", "ci");

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
}

function load(file: string): Record<string, unknown> {
  return yaml.load(fs.readFileSync(path.join(CI, file), "utf8")) as Record<string, unknown>;
}

/** The value of `--output` in a scan command line. */
function outputOf(command: string): string | undefined {
  return /--output\s+(\S+)/.exec(command)?.[1];
}

describe("examples/ci/github-actions.yml", () => {
  const wf = load("github-actions.yml") as {
    jobs: Record<string, { steps: Step[]; permissions?: Record<string, string> }>;
  };

  it("gates with pulumi preview --policy-pack through pulumi/actions", () => {
    const preview = wf.jobs["preview"]?.steps.find((s) => s.uses?.startsWith("pulumi/actions@"));
    expect(preview?.with).toMatchObject({ command: "preview", policyPacks: "../policypack" });
  });

  it("exports the stack, scans it to SARIF and uploads that file, with no cloud credentials", () => {
    const scan = wf.jobs["scan"];
    const steps = scan?.steps ?? [];
    expect(steps.some((s) => s.run?.includes("pulumi stack export") === true)).toBe(true);
    const command =
      steps.find((s) => s.run?.includes("npx jurisdiction-guard scan") === true)?.run ?? "";
    expect(command).toContain("--format sarif");
    const upload = steps.find((s) => s.uses?.startsWith("github/codeql-action/upload-sarif@"));
    expect(upload?.with?.["sarif_file"]).toBe(outputOf(command));
    expect(scan?.permissions).toEqual({ contents: "read", "security-events": "write" });
    expect(steps.some((s) => s.uses?.startsWith("aws-actions/") === true)).toBe(false);
  });
});

describe("examples/ci/gitlab-ci.yml", () => {
  const job = load("gitlab-ci.yml")["jurisdiction-guard"] as {
    script: string[];
    artifacts: { when: string; reports: { junit: string } };
  };

  it("publishes the JUnit report the scan writes, also when the scan fails", () => {
    const command = job.script.find((l) => l.includes("npx jurisdiction-guard scan")) ?? "";
    expect(command).toContain("--format junit");
    expect(job.artifacts.reports.junit).toBe(outputOf(command));
    expect(job.artifacts.when).toBe("always");
  });
});

describe("examples/ci/nightly-audit.yml", () => {
  const wf = load("nightly-audit.yml") as {
    on: Record<string, unknown>;
    jobs: Record<string, { steps: Step[] }>;
  };
  const steps = wf.jobs["audit"]?.steps ?? [];
  const command = steps.find((s) => s.run?.includes("npx jurisdiction-guard scan") === true)?.run;

  it("runs nightly, audits the folder the sync writes, and uploads the SARIF it writes", () => {
    expect(wf.on["schedule"]).toBeDefined();
    const folder = /--backend file:\/\/(\S+)/.exec(command ?? "")?.[1];
    expect(folder).toBe("state");
    const sync = steps.find((s) => s.run?.startsWith("aws s3 sync") === true)?.run ?? "";
    expect(sync.split(/\s+/)[4]).toBe(`${folder}/.pulumi/stacks`);
    expect(command).toContain("--format sarif");
    const upload = steps.find((s) => s.uses?.startsWith("github/codeql-action/upload-sarif@"));
    expect(upload?.with?.["sarif_file"]).toBe(outputOf(command ?? ""));
  });
});
