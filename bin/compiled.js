// Loads the compiled CLI (dist/, built by `npm run build`, which `npm ci` runs through `prepare`).
// In a checkout whose cli/ sources are newer than dist/, it recompiles first (TypeScript is a
// development dependency), so a developer never runs stale code; an installed copy without the
// sources or the compiler runs dist/ as it is.
"use strict";
const { spawnSync } = require("child_process");
const fs = require("fs");
const path = require("path");

const ROOT = path.resolve(__dirname, "..");
const SOURCES = path.join(ROOT, "cli");
const DIST = path.join(ROOT, "dist");

function newestSource(dir) {
  let newest = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) newest = Math.max(newest, newestSource(p));
    else if (/\.(ts|js|json)$/.test(e.name) && !e.name.endsWith(".d.ts"))
      newest = Math.max(newest, fs.statSync(p).mtimeMs);
  }
  return newest;
}

function staleReason(entry) {
  if (!fs.existsSync(entry)) return `${path.relative(ROOT, entry)} is missing`;
  if (!fs.existsSync(SOURCES)) return undefined;
  const built = fs.statSync(path.join(DIST, ".tsbuildinfo"), { throwIfNoEntry: false });
  if (built === undefined || newestSource(SOURCES) > built.mtimeMs) return "cli/ changed";
  return undefined;
}

function build(reason) {
  let tsc;
  try {
    tsc = require.resolve("typescript/bin/tsc", { paths: [ROOT] });
  } catch {
    return false;
  }
  if (process.stderr.isTTY) process.stderr.write(`compiling the CLI (${reason})…\n`);
  const run = spawnSync(process.execPath, [tsc, "-p", path.join(SOURCES, "tsconfig.json")], {
    stdio: ["ignore", "inherit", "inherit"],
  });
  if (run.status !== 0) return false;
  // Mark the build as current even when tsc had nothing to rewrite.
  const now = new Date();
  fs.utimesSync(path.join(DIST, ".tsbuildinfo"), now, now);
  return true;
}

/**
 * Compiles cli/ into dist/ when dist/<name>.js is missing or older than the sources. Returns why
 * it compiled (undefined when up to date); false when it had to but could not.
 */
function ensureBuilt(name = "commands/main") {
  const reason = staleReason(path.join(DIST, `${name}.js`));
  if (reason === undefined) return undefined;
  return build(reason) ? reason : false;
}
exports.ensureBuilt = ensureBuilt;

/**
 * Runs `main(process.argv)` of dist/<name>.js (compiling it first when it is missing or older
 * than cli/) and exits with the code it resolves to: 0 pass, 1 failing violation, 2 usage,
 * input or config error (also for anything it throws).
 */
exports.run = function run(name) {
  const entry = path.join(DIST, `${name}.js`);
  if (ensureBuilt(name) === false && !fs.existsSync(entry)) {
    process.stderr.write(
      `error: ${path.relative(ROOT, entry)} is missing and could not be built; run \`npm run build\` in ${ROOT}\n`,
    );
    process.exit(2);
  }
  require(entry)
    .main(process.argv)
    .then(
      // Let stdout drain (it is asynchronous when piped) before exiting.
      (code) => process.stdout.write("", () => process.exit(code)),
      (e) => {
        process.stderr.write(`error: ${e instanceof Error ? e.message : String(e)}\n`);
        process.exit(2);
      },
    );
};
