// A whole `scan` invocation: every input file in turn (each its own stack, so its own pack process,
// as each `pulumi preview` is), and the verdict that becomes the exit code.
import * as fs from "fs";
import * as path from "path";
import { ROOT } from "../paths";
import { weakenedPolicies } from "./weakened";
import { checkReadable, scanFile } from "./scan";
import type { ScanOptions } from "./scan";
import type { FileScanResult } from "./types";
import { exitCodeOf } from "./types";
import type { FailOn, ScanRun } from "./types";

/** The CLI's name and version (the repository's package.json). */
export function toolInfo(): { name: string; version: string } {
  try {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as {
      version?: unknown;
    };
    return {
      name: "jurisdiction-guard",
      version: typeof pkg.version === "string" ? pkg.version : "0.0.0",
    };
  } catch {
    return { name: "jurisdiction-guard", version: "0.0.0" };
  }
}

/** Scan every file (all are checked for readability first, so a typo fails at once). */
export async function runScan(
  files: readonly string[],
  opts: ScanOptions & { failOn: FailOn; requirePolicies?: boolean },
): Promise<ScanRun> {
  const started = Date.now();
  for (const f of files) checkReadable(f);
  const results: FileScanResult[] = [];
  for (const f of files) results.push(await scanFile(f, opts));
  const requirePolicies = opts.requirePolicies ?? false;
  return {
    tool: toolInfo(),
    files: results,
    failOn: opts.failOn,
    requirePolicies,
    exitCode:
      requirePolicies && results.some((r) => weakenedPolicies(r).length > 0)
        ? 1
        : exitCodeOf(results, opts.failOn),
    durationMs: Date.now() - started,
  };
}
