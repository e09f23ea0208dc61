// Shared by the scan integration tests: the real CLI as a child process, fixtures, temp files.
import { spawn } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { HERMETIC_ENV, PACK_DIR, REPO_ROOT } from "../harness";

export { HERMETIC_ENV, PACK_DIR, REPO_ROOT };

export const BIN = path.join(REPO_ROOT, "bin", "jurisdiction-guard.js");
export const FIXTURES = path.join(REPO_ROOT, "test", "fixtures", "scan");

/** A fixture's path relative to the repository root (as a CI job would name it). */
export function fixture(name: string): string {
  return path.relative(REPO_ROOT, path.join(FIXTURES, name));
}

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Run `node bin/jurisdiction-guard.js …` in the repository root, hermetic environment (plus
 * `extraEnv`); `stdin`, when given, is piped to the command (and closed), as
 * `cat file | jurisdiction-guard scan -` does.
 */
export function runCli(
  args: readonly string[],
  cwd = REPO_ROOT,
  stdin?: string,
  extraEnv: Record<string, string | undefined> = {},
): Promise<CliResult> {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const [k, v] of Object.entries({ ...HERMETIC_ENV, ...extraEnv })) {
    if (v === undefined) delete env[k];
    else env[k] = v;
  }
  // Jest's flags are for Jest's own processes.
  delete env["NODE_OPTIONS"];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, env });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (c: string) => (stdout += c));
    child.stderr.setEncoding("utf8").on("data", (c: string) => (stderr += c));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
    if (stdin !== undefined) {
      // The command may stop reading early (an input error): a closed pipe is not a test failure.
      child.stdin.on("error", () => undefined);
      child.stdin.end(stdin);
    }
  });
}

let dir: string | undefined;

export function tmpDir(): string {
  dir ??= fs.mkdtempSync(path.join(os.tmpdir(), "jg-scan-it-"));
  return dir;
}

export function tmpFile(name: string, text: string): string {
  const file = path.join(tmpDir(), name);
  fs.writeFileSync(file, text);
  return file;
}

afterAll(() => {
  if (dir !== undefined) fs.rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});
