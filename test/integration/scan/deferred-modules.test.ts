// The in-process workers load some @pulumi/pulumi modules only when a policy first uses them
// (cli/runner/pack-worker.js): a policy that does use them must get what the pack process gives it.
import * as fs from "fs";
import * as path from "path";
import { FIXTURES, REPO_ROOT, runCli, tmpDir } from "./helpers";

/**
 * The code-paths probe pack, copied outside the repository (whose package.json declares npm
 * workspaces) with the SDK linked in; the scan runs in the pack's folder, as `pulumi preview` runs
 * a pack, since code paths read relative paths from the process's working directory.
 */
function codePathsPack(): string {
  const dir = path.join(tmpDir(), "code-paths-pack");
  fs.cpSync(path.join(FIXTURES, "code-paths-pack"), dir, { recursive: true });
  fs.mkdirSync(path.join(dir, "node_modules", "@pulumi"), { recursive: true });
  for (const pkg of ["policy", "pulumi"]) {
    fs.symlinkSync(
      path.join(REPO_ROOT, "node_modules", "@pulumi", pkg),
      path.join(dir, "node_modules", "@pulumi", pkg),
    );
  }
  return dir;
}

function messages(stdout: string): unknown[] {
  const report = JSON.parse(stdout) as { findings: { policyName: string; message: string }[] };
  return report.findings
    .filter((f) => f.policyName === "code-paths")
    .map((f) => JSON.parse(f.message.slice(f.message.indexOf("\n") + 1)) as unknown);
}

describe("a policy that uses a module the in-process workers defer", () => {
  it("computes the same code paths in-process as in the pack process", async () => {
    const dir = codePathsPack();
    const scan = (engine: string) =>
      runCli(
        [
          "scan",
          path.join(FIXTURES, "stack-export-compliant.json"),
          "--policy-pack",
          dir,
          "--engine",
          engine,
          "--format",
          "json",
        ],
        dir,
      );
    const inProcess = await scan("in-process");
    const protocol = await scan("protocol");
    expect(inProcess.stderr).toBe("");
    expect(protocol.stderr).toBe("");
    const expected = { codePaths: [["index.js", "FileAsset"]], arboristAfter: true };
    // The pack process loads npm's Arborist at start-up; a worker at the policy's first call.
    expect(messages(protocol.stdout)).toEqual([{ arboristBefore: true, ...expected }]);
    expect(messages(inProcess.stdout)).toEqual([{ arboristBefore: false, ...expected }]);
  }, 120_000);
});
