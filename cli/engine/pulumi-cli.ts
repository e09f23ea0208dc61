// Which Pulumi CLI the engine suite runs, and the pinned build of it from Go modules.
//
// Order: `PULUMI_CLI` when set (used as it is); else a `pulumi` on PATH whose `pulumi version` is
// MIN_PATH_VERSION or later; else the build of engine/cli/ (a Go module pinning
// github.com/pulumi/pulumi/pkg/v3 and sdk/v3) cached outside git, built when missing or stale
// (stale: engine/cli/go.mod or go.sum changed since the build, recorded in a stamp file).
// The build downloads nothing but Go modules (through GOPROXY) and never edits go.mod/go.sum.
import { spawn, spawnSync } from "child_process";
import { createHash } from "crypto";
import * as fs from "fs";
import * as path from "path";
import { ROOT } from "../paths";

/** The oldest CLI found on PATH that the engine suite accepts. */
export const MIN_PATH_VERSION = "3.270.0";

/** The Go module that pins the CLI's version (go.mod, go.sum, the `tool` directive). */
export const MODULE_DIR = path.join(ROOT, "engine", "cli");

/** The CLI's main package inside the pinned module. */
export const MAIN_PACKAGE = "github.com/pulumi/pulumi/pkg/v3/cmd/pulumi";

/** Build tags used by upstream's release builds. */
export const BUILD_TAGS = "osusergo,grpcnotrace";

const VERSION_SYMBOL = "github.com/pulumi/pulumi/sdk/v3/go/common/version.Version";

/** Lines of a failed command's output quoted in the error. */
const TAIL_LINES = 25;

export type CliSource = "PULUMI_CLI" | "PATH" | "cache";

export interface ResolvedCli {
  /** Absolute path of the `pulumi` executable. */
  path: string;
  source: CliSource;
  /**
   * A folder with the CLI at `bin/pulumi`, what the Automation API's `PulumiCommand.get({ root })`
   * takes; undefined when the executable is not in a folder named bin.
   */
  root?: string;
  /** Whether this call built it (cache only). */
  built: boolean;
}

export interface ResolveOptions {
  env?: NodeJS.ProcessEnv;
  /** Progress lines (building, still building, built); nothing when undefined. */
  progress?: (line: string) => void;
  /** The folder that holds the cached builds, one subfolder per version. */
  cacheDir?: string;
  /** Seconds between "still building" lines. */
  heartbeatSeconds?: number;
}

/** Could not provide a CLI: the message names what failed (a command and its output's tail). */
export class EngineCliError extends Error {
  override name = "EngineCliError";
}

/** Where cached builds live: outside git (node_modules is ignored), one folder per version. */
export function defaultCacheDir(): string {
  return path.join(ROOT, "node_modules", ".cache", "jurisdiction-guard");
}

/** The pkg/v3 version engine/cli/go.mod requires, with its leading v ("v3.276.0"). */
export function pinnedVersion(moduleDir = MODULE_DIR): string {
  const goMod = readModuleFile(moduleDir, "go.mod");
  const m = /^\s*github\.com\/pulumi\/pulumi\/pkg\/v3\s+(v\d+\.\d+\.\d+\S*)/m.exec(goMod);
  if (m?.[1] === undefined) {
    throw new EngineCliError(
      `${path.join(moduleDir, "go.mod")} does not require github.com/pulumi/pulumi/pkg/v3`,
    );
  }
  return m[1];
}

/** Hash of what the cached build depends on: go.mod, go.sum and the build flags. */
export function moduleHash(moduleDir = MODULE_DIR): string {
  const h = createHash("sha256");
  for (const name of ["go.mod", "go.sum"])
    h.update(`${name}\0${readModuleFile(moduleDir, name)}\0`);
  h.update(buildArgs("OUT", pinnedVersion(moduleDir)).join("\0"));
  return h.digest("hex");
}

function readModuleFile(moduleDir: string, name: string): string {
  try {
    return fs.readFileSync(path.join(moduleDir, name), "utf8");
  } catch (e) {
    throw new EngineCliError(`cannot read ${path.join(moduleDir, name)}: ${String(e)}`);
  }
}

/** `go build` arguments; -mod=readonly so a build never rewrites go.mod or go.sum. */
export function buildArgs(output: string, version: string): string[] {
  return [
    "build",
    "-mod=readonly",
    "-buildvcs=false",
    "-tags",
    BUILD_TAGS,
    "-ldflags",
    `-X ${VERSION_SYMBOL}=${version}`,
    "-o",
    output,
    MAIN_PACKAGE,
  ];
}

/** Paths of the cached build of `version`. */
export function cachePaths(version: string, cacheDir = defaultCacheDir()) {
  const root = path.join(cacheDir, `pulumi-${version}`);
  const exe = process.platform === "win32" ? "pulumi.exe" : "pulumi";
  return { root, bin: path.join(root, "bin", exe), stamp: path.join(root, "stamp.json") };
}

interface Stamp {
  version: string;
  moduleHash: string;
  builtAt: string;
  buildSeconds: number;
}

/** Why the cached build must be (re)built, or undefined when it is current. */
export function staleReason(version: string, hash: string, cacheDir?: string): string | undefined {
  const p = cachePaths(version, cacheDir);
  if (!fs.existsSync(p.bin)) return `no cached build at ${p.bin}`;
  let stamp: Partial<Stamp>;
  try {
    stamp = JSON.parse(fs.readFileSync(p.stamp, "utf8")) as Partial<Stamp>;
  } catch {
    return `no build stamp at ${p.stamp}`;
  }
  if (stamp.moduleHash !== hash) return "engine/cli/go.mod or go.sum changed since the last build";
  return undefined;
}

/** The version `<exe> version` prints ("v3.276.0"), or undefined when it cannot be run. */
export function cliVersion(exe: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const r = spawnSync(exe, ["version"], {
    encoding: "utf8",
    timeout: 30_000,
    env: { ...env, PULUMI_SKIP_UPDATE_CHECK: "true" },
  });
  if (r.status !== 0 || typeof r.stdout !== "string") return undefined;
  return r.stdout.trim();
}

/** Compares dotted versions ("v3.276.0", "3.270.0-alpha"): negative, 0 or positive. */
export function compareVersions(a: string, b: string): number {
  const parts = (v: string) =>
    v
      .replace(/^v/, "")
      .split(/[-+]/)[0]!
      .split(".")
      .map((n) => Number.parseInt(n, 10) || 0);
  const x = parts(a);
  const y = parts(b);
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** The first executable named `name` on PATH, or undefined. */
export function findOnPath(name: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const exts = process.platform === "win32" ? (env.PATHEXT ?? ".EXE").split(";") : [""];
  for (const dir of (env.PATH ?? "").split(path.delimiter)) {
    if (dir === "") continue;
    for (const ext of exts) {
      const candidate = path.resolve(dir, name + ext);
      try {
        fs.accessSync(candidate, fs.constants.X_OK);
        if (fs.statSync(candidate).isFile()) return candidate;
      } catch {
        // not here
      }
    }
  }
  return undefined;
}

function rootOf(exe: string): string | undefined {
  return path.basename(path.dirname(exe)) === "bin" ? path.dirname(path.dirname(exe)) : undefined;
}

/** Resolves the CLI the engine suite uses, building the pinned one when needed. */
export async function resolvePulumiCli(options: ResolveOptions = {}): Promise<ResolvedCli> {
  const env = options.env ?? process.env;
  const fromEnv = env.PULUMI_CLI;
  if (fromEnv !== undefined && fromEnv !== "") {
    const exe = path.resolve(fromEnv);
    if (!fs.existsSync(exe) || !fs.statSync(exe).isFile()) {
      throw new EngineCliError(`PULUMI_CLI is set to ${fromEnv}, which is not a file`);
    }
    return { path: exe, source: "PULUMI_CLI", root: rootOf(exe), built: false };
  }
  const onPath = findOnPath("pulumi", env);
  if (onPath !== undefined) {
    const version = cliVersion(onPath, env);
    if (version !== undefined && compareVersions(version, MIN_PATH_VERSION) >= 0) {
      return { path: onPath, source: "PATH", root: rootOf(onPath), built: false };
    }
    options.progress?.(
      `ignoring ${onPath}: its version (${version ?? "unknown"}) is older than v${MIN_PATH_VERSION}`,
    );
  }
  return ensureCachedBuild(options);
}

/** The cached build of engine/cli/, built when missing or stale. */
export async function ensureCachedBuild(options: ResolveOptions = {}): Promise<ResolvedCli> {
  const env = options.env ?? process.env;
  const version = pinnedVersion();
  const hash = moduleHash();
  const p = cachePaths(version, options.cacheDir);
  const reason = staleReason(version, hash, options.cacheDir);
  if (reason === undefined) return { path: p.bin, source: "cache", root: p.root, built: false };

  const go = findOnPath("go", env);
  if (go === undefined) {
    throw new EngineCliError(
      `cannot build the Pulumi CLI ${version} (${reason}): \`go\` is not on PATH. ` +
        `Install Go (the version engine/cli/go.mod names, or later), ` +
        `or set PULUMI_CLI to a Pulumi CLI v${MIN_PATH_VERSION} or later.`,
    );
  }
  fs.mkdirSync(path.dirname(p.bin), { recursive: true });
  // Build beside the target and rename, so a concurrent or interrupted build never leaves a
  // half-written executable where the stamp says a good one is.
  const tmp = `${p.bin}.${process.pid}.tmp`;
  const args = buildArgs(tmp, version);
  const command = `cd ${quote(MODULE_DIR)} && go ${args.map(quote).join(" ")}`;
  options.progress?.(
    `building the Pulumi CLI ${version} from Go modules (${reason}); ` +
      `a build without Go's caches downloads ~300 MB of modules and takes minutes`,
  );
  const started = Date.now();
  const result = await runNiced(go, args, MODULE_DIR, env, options);
  const seconds = (Date.now() - started) / 1000;
  if (result.error !== undefined || result.code !== 0) {
    fs.rmSync(tmp, { force: true });
    const why =
      result.error !== undefined ? `could not start: ${result.error}` : `exit code ${result.code}`;
    throw new EngineCliError(
      `building the Pulumi CLI failed (${why}):\n  ${command}\n${tail(result.output)}`,
    );
  }
  const printed = cliVersion(tmp, env);
  if (printed !== version) {
    fs.rmSync(tmp, { force: true });
    throw new EngineCliError(
      `the Pulumi CLI built by \`${command}\` reports version ${printed ?? "(none: it did not run)"}, not ${version}`,
    );
  }
  fs.renameSync(tmp, p.bin);
  const stamp: Stamp = {
    version,
    moduleHash: hash,
    builtAt: new Date().toISOString(),
    buildSeconds: seconds,
  };
  fs.writeFileSync(p.stamp, JSON.stringify(stamp, null, 2) + "\n");
  options.progress?.(`built ${p.bin} in ${seconds.toFixed(0)} s`);
  return { path: p.bin, source: "cache", root: p.root, built: true };
}

interface RunResult {
  code: number | null;
  error?: string;
  output: string;
}

/** Runs go at low priority (the build takes every core it can), collecting its output. */
function runNiced(
  go: string,
  args: string[],
  cwd: string,
  env: NodeJS.ProcessEnv,
  options: ResolveOptions,
): Promise<RunResult> {
  const nice = process.platform === "win32" ? undefined : findOnPath("nice", env);
  const [cmd, argv] = nice !== undefined ? [nice, ["-n", "10", go, ...args]] : [go, args];
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    const child = spawn(cmd, argv, { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    child.stdout.on("data", (c: Buffer) => chunks.push(c));
    child.stderr.on("data", (c: Buffer) => chunks.push(c));
    const started = Date.now();
    const every = (options.heartbeatSeconds ?? 30) * 1000;
    const timer =
      options.progress === undefined
        ? undefined
        : setInterval(() => {
            options.progress?.(`still building… ${Math.round((Date.now() - started) / 1000)} s`);
          }, every);
    const done = (r: RunResult) => {
      if (timer !== undefined) clearInterval(timer);
      resolve(r);
    };
    child.on("error", (e) => done({ code: null, error: e.message, output: "" }));
    child.on("close", (code) => done({ code, output: Buffer.concat(chunks).toString("utf8") }));
  });
}

/** Quotes an argument for a POSIX shell when it needs it, so the command can be pasted. */
function quote(arg: string): string {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}

function tail(output: string): string {
  const lines = output.trimEnd().split("\n");
  const shown = lines.slice(-TAIL_LINES).map((l) => `  | ${l}`);
  if (lines.length > TAIL_LINES) shown.unshift(`  | … (${lines.length - TAIL_LINES} lines before)`);
  return output.trim() === "" ? "  (no output)" : shown.join("\n");
}
