// What the pack process (`pulumi preview --policy-pack`, run-policy-pack) need not load at start-up.
// @pulumi/policy loads @pulumi/pulumi whole, and with it the closure code paths module
// (runtime/closure/codePaths.js: computeCodePaths, for serialising functions into archives), which
// loads npm's Arborist and normalize-package-data: ~0.25 s of CPU no policy of this pack uses.
// The pack's entry point imports this module before anything else (importing it defers): the code
// paths module then loads at the first call of one of its functions, if any. The CLI's in-process workers do the same for any pack
// (cli/runner/pack-worker.js).
import * as fs from "fs";
import Module from "module";
import * as path from "path";

interface CjsModule {
  filename: string;
  loaded: boolean;
  paths: string[];
  exports: unknown;
}

type ModuleClass = typeof Module & {
  new (id: string, parent?: unknown): CjsModule;
  _nodeModulePaths(dir: string): string[];
};

/**
 * The names a TypeScript-compiled module exports, when it exports only top-level functions
 * (`exports.f = f;` for a `function f`): undefined when its source reads any other way.
 */
export function exportedFunctions(source: string): string[] | undefined {
  if (!source.includes('Object.defineProperty(exports, "__esModule", { value: true });')) {
    return undefined;
  }
  if (/\bmodule\.exports\b/.test(source)) return undefined;
  const names: string[] = [];
  for (const m of source.matchAll(/\bexports\b(.{0,80})/g)) {
    const rest = m[1] ?? "";
    if (rest.startsWith(', "__esModule"')) continue;
    const name = /^\.([A-Za-z_$][\w$]*) = \1;/.exec(rest)?.[1];
    if (name === undefined) return undefined;
    const declared = new RegExp(`^(?:async )?function\\*? ?${name.replace(/\$/g, "\\$")}\\(`, "m");
    if (!declared.test(source)) return undefined;
    names.push(name);
  }
  return names.length > 0 ? names : undefined;
}

/**
 * Let `require(file)` answer a stand-in whose functions load the module at their first call, for a
 * module `exportedFunctions` reads. False, deferring nothing, for another module or one already
 * loaded (or deferred).
 */
export function deferFunctions(file: string): boolean {
  const cache = require.cache as Record<string, unknown>;
  if (cache[file] !== undefined) return false;
  let source: string;
  try {
    source = fs.readFileSync(file, "utf8");
  } catch {
    return false;
  }
  const names = exportedFunctions(source);
  if (names === undefined) return false;
  const ModuleCtor = Module as ModuleClass;
  const stand = new ModuleCtor(file, module);
  stand.filename = file;
  stand.loaded = true;
  stand.paths = ModuleCtor._nodeModulePaths(path.dirname(file));
  let real: Record<string, (...args: unknown[]) => unknown> | undefined;
  const load = () => {
    if (real === undefined) {
      if (cache[file] === stand) delete cache[file];
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      real = require(file) as Record<string, (...args: unknown[]) => unknown>;
    }
    return real;
  };
  const exports: Record<string, unknown> = {};
  Object.defineProperty(exports, "__esModule", { value: true });
  for (const name of names) {
    const f = function (this: unknown, ...args: unknown[]) {
      return load()[name]?.apply(this, args);
    };
    Object.defineProperty(f, "name", { value: name });
    exports[name] = f;
  }
  stand.exports = exports;
  cache[file] = stand;
  return true;
}

/** Defer the closure code paths of the @pulumi/pulumi that this pack's @pulumi/policy loads. */
export function deferSdkModules(): void {
  let file: string;
  try {
    const policy = path.dirname(require.resolve("@pulumi/policy/package.json"));
    const pulumi = path.dirname(
      require.resolve("@pulumi/pulumi/package.json", { paths: [policy] }),
    );
    file = require.resolve("./runtime/closure/codePaths", { paths: [pulumi] });
  } catch {
    return;
  }
  deferFunctions(file);
}

deferSdkModules();
