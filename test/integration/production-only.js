// Preloaded (`node -r`) into the compiled CLI by compiled-cli.test.ts: fails the process as soon as
// the CLI's own code (dist/, bin/) requires a package that is not one of the root package's
// production `dependencies`, or as soon as anything loads ts-node or the TypeScript compiler.
"use strict";
const Module = require("module");
const path = require("path");

const ROOT = path.resolve(__dirname, "..", "..");
const pkg = require(path.join(ROOT, "package.json"));
const allowed = new Set(Object.keys(pkg.dependencies || {}));
const own = [path.join(ROOT, "dist") + path.sep, path.join(ROOT, "bin") + path.sep];
const compilers = /[\\/]node_modules[\\/](ts-node|typescript)[\\/]/;

function fail(message) {
  process.stderr.write(`production-only: ${message}\n`);
  process.exit(99);
}

const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, parent, ...rest) {
  const resolved = resolve.call(this, request, parent, ...rest);
  const from = parent && parent.filename;
  const bare = !request.startsWith(".") && !path.isAbsolute(request) && !Module.isBuiltin(request);
  if (bare && from && own.some((dir) => from.startsWith(dir))) {
    const parts = request.split("/");
    const name = request.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0];
    if (!allowed.has(name))
      fail(`${path.relative(ROOT, from)} requires ${name}, which is not a production dependency`);
  }
  if (compilers.test(resolved)) fail(`${resolved} was loaded (from ${from})`);
  return resolved;
};
