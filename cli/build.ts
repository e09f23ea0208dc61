// Build the policy pack (`tsc -p <pack>/tsconfig.json`) when its compiled entry point is missing
// or older than its sources, so `npm run demo` and the tests always run the current pack.
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";

export interface PackBuildResult {
  built: boolean;
  /** Why a build ran (or "up to date"). */
  reason: string;
  ms: number;
  /** Compiler output when tsc reported errors (the JavaScript is still emitted). */
  diagnostics?: string;
}

function packMain(packDir: string): string {
  const pkg = JSON.parse(fs.readFileSync(path.join(packDir, "package.json"), "utf8")) as {
    main?: unknown;
  };
  return path.join(packDir, typeof pkg.main === "string" ? pkg.main : "index.js");
}

function newestSource(packDir: string): { file: string; mtime: number } | undefined {
  let newest: { file: string; mtime: number } | undefined;
  const consider = (file: string) => {
    const m = fs.statSync(file).mtimeMs;
    if (!newest || m > newest.mtime) newest = { file, mtime: m };
  };
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) {
        if (e.name !== "node_modules" && e.name !== "bin") walk(p);
      } else if (e.name.endsWith(".ts") && !e.name.endsWith(".d.ts")) consider(p);
    }
  };
  for (const f of ["tsconfig.json", "package.json", "index.ts"]) {
    const p = path.join(packDir, f);
    if (fs.existsSync(p)) consider(p);
  }
  const src = path.join(packDir, "src");
  if (fs.existsSync(src)) walk(src);
  return newest;
}

/** Compile the pack if needed (`force` always compiles). Throws when there is nothing to run. */
export function ensurePackBuilt(packDir: string, opts: { force?: boolean } = {}): PackBuildResult {
  const started = Date.now();
  const tsconfig = path.join(packDir, "tsconfig.json");
  const main = packMain(packDir);
  if (!fs.existsSync(tsconfig)) {
    if (!fs.existsSync(main))
      throw new Error(`${main} does not exist and ${packDir} has no tsconfig.json`);
    return { built: false, reason: "no tsconfig.json (plain JavaScript pack)", ms: 0 };
  }
  let reason: string | undefined = opts.force ? "forced" : undefined;
  if (reason === undefined) {
    if (!fs.existsSync(main)) reason = `${path.relative(packDir, main)} is missing`;
    else {
      const newest = newestSource(packDir);
      if (newest && newest.mtime > fs.statSync(main).mtimeMs) {
        reason = `${path.relative(packDir, newest.file)} changed`;
      }
    }
  }
  if (reason === undefined) return { built: false, reason: "up to date", ms: Date.now() - started };
  const tsc = require.resolve("typescript/bin/tsc", { paths: [packDir, __dirname] });
  const run = spawnSync(process.execPath, [tsc, "-p", tsconfig], { encoding: "utf8" });
  const out = `${run.stdout ?? ""}${run.stderr ?? ""}`.trim();
  if (!fs.existsSync(main)) {
    throw new Error(`building the policy pack produced no ${main}:\n${out}`);
  }
  const result: PackBuildResult = { built: true, reason, ms: Date.now() - started };
  if (run.status !== 0 && out !== "") result.diagnostics = out;
  return result;
}
