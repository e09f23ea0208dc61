// How `pulumi preview` would run a Node.js program, worked out the way its Node.js language host
// does (@pulumi/pulumi cmd/run/run.ts and the language host's runtime options):
//
//   - the working directory is the program directory: Pulumi.yaml's `main` when it is a folder,
//     else the project folder; the entry point is `main` when it is a file, else that folder
//     (package.json `exports`/`main` may name another file);
//   - `runtime.options.nodeargs` are arguments to `node` itself (e.g. `--import tsx/esm`);
//   - TypeScript through ts-node unless `runtime.options.typescript: false`, with the program's
//     tsconfig.json (or `runtime.options.tsconfig`) when there is one, no project file otherwise;
//   - an ES module package (`"type": "module"` in the nearest package.json) is loaded with
//     `import()`, and TypeScript in one goes through ts-node's ESM hooks (the SDK's
//     `cmd/run/hooks.js`) unless nodeargs bring a loader of their own; those hooks use the
//     tsconfig.json ts-node finds from the working directory, as under `pulumi`.
//
// Deliberate differences: type checking is off (ts-node transpile-only, TS_NODE_TRANSPILE_ONLY for
// ts-node's ESM loaders; `tsc` is the place for it), and the `exports`/`main` of a package.json above the project folder (a monorepo's root)
// are not taken as the program's entry point.
import * as fs from "fs";
import * as path from "path";
import type { ProjectFile } from "./stack-config";

/** How the process that runs a program is set up; programs with equal setups can share one. */
export interface ProcessSetup {
  /** The `@pulumi/pulumi` the program resolves (its folder). */
  sdkDir: string;
  /** `runtime.options.nodeargs`, split as the language host splits them. */
  nodeArgs: string[];
  /** Working directory at start (matters only when nodeargs name loaders by package). */
  cwd: string;
  typescript?: TypeScriptSetup;
}

export interface TypeScriptSetup {
  /** `ts-node` (its package folder) and the TypeScript compiler (its main file). */
  tsNode: string;
  compiler: string;
  compilerVersion: string;
  /** tsconfig.json to use, absolute; absent when the program has none (ts-node skips projects). */
  project?: string;
  /** Through ts-node's ESM hooks (registered with module.register), not its require hook. */
  esmHooks: boolean;
}

export interface ProgramShape {
  /** The Pulumi project folder (Pulumi.yaml). */
  projectDir: string;
  /** The working directory the program runs in. */
  cwd: string;
  /** What to load: a file, or a folder (its index or package main). */
  entry: string;
  /** Loaded with `import()` (ES module package), else `require()`. */
  esm: boolean;
  setup: ProcessSetup;
}

/** A program that cannot be run as `pulumi` would run it (no SDK, no TypeScript loader …). */
export class ProgramShapeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ProgramShapeError";
  }
}

function tryResolve(request: string, from: readonly string[]): string | undefined {
  for (const dir of from) {
    try {
      return require.resolve(request, { paths: [dir] });
    } catch {
      // Not there; try the next place.
    }
  }
  return undefined;
}

function readJson(file: string): Record<string, unknown> {
  try {
    const v = JSON.parse(fs.readFileSync(file, "utf8")) as unknown;
    return v !== null && typeof v === "object" ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** The folder of the nearest package.json at or above `dir`, if any. */
export function packageRoot(dir: string): string | undefined {
  for (let d = dir; ; d = path.dirname(d)) {
    if (fs.existsSync(path.join(d, "package.json"))) return d;
    if (path.dirname(d) === d) return undefined;
  }
}

/** `nodeargs` as the language host takes them: one string split on spaces. */
export function splitNodeArgs(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String).filter((s) => s !== "");
  if (typeof value !== "string") return [];
  return value.split(/\s+/).filter((s) => s !== "");
}

function entryFromPackage(root: string, pkg: Record<string, unknown>): string | undefined {
  const exists = (rel: unknown) =>
    typeof rel === "string" && fs.existsSync(path.join(root, rel))
      ? path.join(root, rel)
      : undefined;
  const exp = pkg["exports"];
  if (typeof exp === "string") return exists(exp);
  if (exp !== null && typeof exp === "object") {
    const main = (exp as Record<string, unknown>)["."];
    if (typeof main === "string") return exists(main);
    if (main !== null && typeof main === "object") {
      const m = main as Record<string, unknown>;
      return exists(m["default"] ?? m["require"] ?? m["import"]);
    }
    return undefined;
  }
  return exists(pkg["main"]);
}

function compilerVersion(compiler: string): string {
  const pkg = packageRoot(path.dirname(compiler));
  const v = pkg !== undefined ? readJson(path.join(pkg, "package.json"))["version"] : undefined;
  return typeof v === "string" ? v : "0.0.0";
}

function atLeast(version: string, major: number, minor: number): boolean {
  const [a = 0, b = 0] = version.split(".").map((n) => Number.parseInt(n, 10));
  return a > major || (a === major && b >= minor);
}

/** Loaders given to node itself, which the SDK leaves alone (no automatic ESM mode then). */
function hasLoaders(nodeArgs: readonly string[]): boolean {
  return nodeArgs.some((a) => /^--(loader|experimental-loader|import|require)(=|$)|^-r$/.test(a));
}

export function programShape(projectDir: string, project: ProjectFile): ProgramShape {
  const options = project.runtimeOptions;
  let cwd = projectDir;
  let entry = projectDir;
  let explicitEntry = false;
  if (project.main !== undefined) {
    const main = path.resolve(projectDir, project.main);
    if (!fs.existsSync(main)) {
      throw new ProgramShapeError(`main "${project.main}" in Pulumi.yaml does not exist`);
    }
    if (fs.statSync(main).isDirectory()) {
      cwd = main;
      entry = main;
    } else {
      entry = main;
      explicitEntry = true;
    }
  }

  const root = packageRoot(fs.statSync(entry).isDirectory() ? entry : path.dirname(entry));
  const pkg = root !== undefined ? readJson(path.join(root, "package.json")) : {};
  const rel = root !== undefined ? path.relative(projectDir, root) : "..";
  if (!explicitEntry && root !== undefined && !rel.startsWith("..") && !path.isAbsolute(rel)) {
    entry = entryFromPackage(root, pkg) ?? entry;
  }
  const esm = pkg["type"] === "module";

  const sdkPackage = tryResolve("@pulumi/pulumi/package.json", [cwd]);
  if (sdkPackage === undefined) {
    throw new ProgramShapeError(
      `cannot find @pulumi/pulumi from ${cwd}; run npm install in the program's folder`,
    );
  }
  const sdkDir = path.dirname(sdkPackage);
  const nodeArgs = splitNodeArgs(options["nodeargs"]);
  const setup: ProcessSetup = { sdkDir, nodeArgs, cwd };

  if (options["typescript"] !== false) {
    // The program's own ts-node and TypeScript first (as the SDK resolves them from its own
    // folder, which is the program's node_modules), then ours, then the SDK's vendored ones.
    const from = [cwd, sdkDir, __dirname];
    const tsNodePackage = tryResolve("ts-node/package.json", from);
    const tsNode =
      tsNodePackage !== undefined
        ? path.dirname(tsNodePackage)
        : path.join(sdkDir, "vendor", "ts-node@7.0.1");
    const compiler =
      tryResolve("typescript", from) ??
      path.join(sdkDir, "vendor", "typescript@3.8.3", "typescript.js");
    const version = compilerVersion(compiler);
    const tsconfigOption = options["tsconfig"];
    const tsconfig = path.resolve(
      cwd,
      typeof tsconfigOption === "string" ? tsconfigOption : "tsconfig.json",
    );
    if (typeof tsconfigOption === "string" && !fs.existsSync(tsconfig)) {
      throw new ProgramShapeError(
        `tsconfig path was set to ${tsconfigOption} but the file was not found`,
      );
    }
    // The SDK's automatic ESM mode: its hooks require ts-node from the SDK's folder.
    const esmHooks =
      esm &&
      atLeast(version, 4, 7) &&
      !hasLoaders(nodeArgs) &&
      tryResolve("ts-node/esm", [sdkDir]) !== undefined &&
      fs.existsSync(path.join(sdkDir, "cmd", "run", "hooks.js"));
    setup.typescript = {
      tsNode,
      compiler,
      compilerVersion: version,
      ...(fs.existsSync(tsconfig) ? { project: tsconfig } : {}),
      esmHooks,
    };
  }
  return { projectDir, cwd, entry, esm, setup };
}

/**
 * Programs with the same key can run one after another in one process. Loaders given as node
 * arguments resolve from the working directory, and ts-node's ESM hooks find their tsconfig.json
 * from it (the SDK's hooks register ts-node before they receive their options), so those
 * programs share only with their own folder.
 */
export function setupKey(setup: ProcessSetup): string {
  const byFolder = setup.nodeArgs.length > 0 || setup.typescript?.esmHooks === true;
  return JSON.stringify({ ...setup, cwd: byFolder ? setup.cwd : "" });
}
