// `jurisdiction-guard guardrails …` through the compiled CLI (bin/), for the integration tests.
// Not preloaded with test/integration/production-only.js: the guardrail model loads the pack's
// policy definitions, whose @pulumi/pulumi loads the TypeScript compiler when it is installed (as
// `explain` does with a config file).
import { spawnSync } from "child_process";
import * as path from "path";
import { REPO_ROOT } from "./paths";

const BIN = path.join(REPO_ROOT, "bin", "jurisdiction-guard.js");

export function runGuardrails(
  args: readonly string[],
  cwd: string = REPO_ROOT,
): { code: number | null; stdout: string; stderr: string } {
  const env = { ...process.env };
  delete env["NODE_OPTIONS"];
  const r = spawnSync(process.execPath, [BIN, "guardrails", ...args], {
    cwd,
    env,
    encoding: "utf8",
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
