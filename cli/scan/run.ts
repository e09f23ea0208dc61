// A whole `scan` invocation: every input file in turn (each its own stack, so its own pack process,
// as each `pulumi preview` is), and the verdict that becomes the exit code.
import * as fs from "fs";
import * as path from "path";
import { ROOT } from "../paths";
import { weakenedPolicies } from "./weakened";
import type { Backend, BackendStack } from "./backend";
import { DIY_ORGANIZATION, stackConfigFile } from "./backend";
import { checkReadable, scanFile } from "./scan";
import type { ScanOptions } from "./scan";
import type { FileScanResult } from "./types";
import { exitCodeOf } from "./types";
import type { FailOn, ProgressStage, ScanRun } from "./types";

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
  return verdict(results, opts, started);
}

function verdict(
  results: FileScanResult[],
  opts: { failOn: FailOn; requirePolicies?: boolean },
  started: number,
): ScanRun {
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

/**
 * `scan --backend`: each chosen stack's latest deployment (its checkpoint file) through the scan
 * of one input, in turn, with its own stack config from `stackConfigDir` (Pulumi.<stack>.yaml).
 * Every result is named `organization/<project>/<stack>`: the project and stack from the
 * checkpoint's place in the backend (legacy layout: the project from its URNs).
 */
export async function runBackendScan(
  backend: Backend,
  stacks: readonly BackendStack[],
  opts: Omit<ScanOptions, "stackConfigFile" | "onProgress"> & {
    failOn: FailOn;
    requirePolicies?: boolean;
    /** `--stack-config-dir`. */
    stackConfigDir?: string;
    onProgress?: (
      index: number,
      stack: BackendStack,
      done: number,
      findings: number,
      stage: ProgressStage,
    ) => void;
  },
): Promise<ScanRun> {
  const started = Date.now();
  for (const s of stacks) checkReadable(s.file);
  const results: FileScanResult[] = [];
  for (const [i, s] of stacks.entries()) {
    const config =
      opts.stackConfigDir !== undefined ? stackConfigFile(opts.stackConfigDir, s) : undefined;
    const r = await scanFile(s.file, {
      ...opts,
      organization: DIY_ORGANIZATION,
      ...(config !== undefined ? { stackConfigFile: config } : {}),
      onProgress: (_file, done, n, stage) => opts.onProgress?.(i, s, done, n, stage),
    });
    r.organization = DIY_ORGANIZATION;
    r.stack = s.stack;
    if (s.project !== undefined) r.project = s.project;
    results.push(r);
  }
  return {
    ...verdict(results, opts, started),
    backend: { url: backend.url, stacks: stacks.length },
  };
}
