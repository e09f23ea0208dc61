// One fixture factory: test/support/ (with the data in test/fixtures/). Every relative import of a
// file under test/ is read with the TypeScript compiler's pre-processor, and
//   1. no file imports a test file (`*.test.ts`): what two tests share lives in test/support/;
//   2. a suite (test/unit, test/integration, test/engine) imports from test/ only its own folder,
//      test/support/ and test/fixtures/; test/support/ and test/fixtures/ import no suite.
// SHARED lists the one helper a suite may take from another, with why; an entry nobody imports
// any more fails the test, so the list can only shrink.
import * as fs from "fs";
import * as path from "path";
import ts from "typescript";

const REPO = path.resolve(__dirname, "..", "..", "..");
const TEST = path.join(REPO, "test");

const SHARED: Readonly<Record<string, string>> = {
  "test/integration/harness.ts":
    "the engine suite compares the real CLI with the runner, so it starts the runner as the integration tests do (HERMETIC_ENV, packOptions, EXAMPLES_DIR)",
};

const SUITES = new Set(["unit", "integration", "engine"]);

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === "node_modules" ? [] : walk(p);
    return /\.(ts|js)$/.test(e.name) ? [p] : [];
  });
}

function resolve(from: string, spec: string): string | undefined {
  const base = path.resolve(path.dirname(from), spec);
  for (const c of [base, `${base}.ts`, `${base}.js`, path.join(base, "index.ts")]) {
    if (fs.existsSync(c) && fs.statSync(c).isFile()) return c;
  }
  return undefined;
}

interface Edge {
  from: string;
  to: string;
}

/** Relative imports from files under `root` that land under test/ (repository-relative paths). */
function testEdges(root: string): Edge[] {
  return walk(root).flatMap((file) => {
    const info = ts.preProcessFile(fs.readFileSync(file, "utf8"), true, true);
    return info.importedFiles
      .map((i) => i.fileName)
      .filter((s) => s.startsWith("."))
      .flatMap((s) => {
        const to = resolve(file, s);
        return to !== undefined && to.startsWith(`${TEST}${path.sep}`)
          ? [{ from: rel(file), to: rel(to) }]
          : [];
      });
  });
}

const rel = (p: string): string => path.relative(REPO, p).split(path.sep).join("/");
const suiteOf = (file: string): string => file.split("/")[1] ?? "";

/** The rule an edge breaks, or undefined. */
export function breach(e: Edge): string | undefined {
  if (e.to.endsWith(".test.ts")) return "imports a test file; move what both use to test/support/";
  const from = suiteOf(e.from);
  const to = suiteOf(e.to);
  if ((from === "support" || from === "fixtures") && SUITES.has(to)) {
    return `test/${from}/ imports the ${to} suite`;
  }
  if (from === to || to === "support" || to === "fixtures") return undefined;
  if (SHARED[e.to] !== undefined) return undefined;
  return `the ${from} suite imports the ${to} suite's ${e.to}; put it in test/support/ (or list it in SHARED with why)`;
}

describe("test imports: test/support/ is the one fixture factory", () => {
  const edges = testEdges(TEST);

  it("reads a real graph", () => {
    expect(edges.length).toBeGreaterThan(100);
    expect(edges.some((e) => e.to.startsWith("test/support/"))).toBe(true);
  });

  it("no file imports a test file, and no suite reaches into another", () => {
    const broken = edges.flatMap((e) => {
      const why = breach(e);
      return why === undefined ? [] : [`${e.from} -> ${e.to}: ${why}`];
    });
    expect(broken).toEqual([]);
  });

  it("every SHARED entry is still imported across suites", () => {
    const used = new Set(edges.filter((e) => suiteOf(e.from) !== suiteOf(e.to)).map((e) => e.to));
    expect(Object.keys(SHARED).filter((f) => !used.has(f))).toEqual([]);
  });

  it("catches what it is meant to catch", () => {
    expect(breach({ from: "test/unit/a.test.ts", to: "test/unit/b.test.ts" })).toMatch(/test file/);
    expect(breach({ from: "test/unit/a.test.ts", to: "test/integration/helpers.ts" })).toMatch(
      /unit suite imports the integration suite/,
    );
    expect(breach({ from: "test/support/x.ts", to: "test/unit/y.ts" })).toMatch(
      /support\/ imports the unit suite/,
    );
    expect(breach({ from: "test/unit/a.test.ts", to: "test/support/views.ts" })).toBeUndefined();
    expect(breach({ from: "test/unit/scan/a.test.ts", to: "test/unit/scan/h.ts" })).toBeUndefined();
  });
});
