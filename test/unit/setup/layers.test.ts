// The house's layers (../shared/DESIGN.md, "The house" and "Target layout"): every relative import
// of the pack (policypack/) and of the CLI (cli/) is read with the TypeScript compiler's own
// pre-processor, and none may run from a lower room to a higher one, nor sideways between two
// rooms of the same rank. Known violations that are being removed are listed in ALLOWED with a
// reason; an entry that no longer exists fails the test, so the list can only shrink.
import * as fs from "fs";
import * as path from "path";
import ts from "typescript";

const REPO = path.resolve(__dirname, "..", "..", "..");

interface Room {
  readonly name: string;
  readonly rank: number;
  /** Whether a repository-relative file (forward slashes) is in the room. */
  readonly holds: (file: string) => boolean;
}

const folder = (dir: string) => (file: string) => file.startsWith(`${dir}/`);
const files =
  (...names: string[]) =>
  (file: string) =>
    names.includes(file);

/**
 * The pack, bottom to top. Data flows facts -> policies -> report, but in imports report is below
 * policies: a policy's findings are worded by report.ts (the SDK adapter, policies/rule.ts, calls
 * it), and report.ts needs only the vocabulary (findings.ts), never a policy. Config is "declared
 * once, validated before anything is decided": it reads the catalogue (region and jurisdiction
 * names) and is read by findings (config errors, exemptions), report and policies; facts never
 * read it, nor it them, so the two are siblings. context.ts reads the pack's surroundings into the
 * facts' EvalContext (with the AWS profile reader of facts/), so it lives with the facts.
 */
const PACK_ROOMS: readonly Room[] = [
  {
    name: "utilities",
    rank: 0,
    holds: files(
      "policypack/src/values.ts",
      // The vocabulary of configuration problems (codes and facts, no words): the catalogue names them.
      "policypack/src/problems.ts",
      "policypack/src/pattern-index.ts",
      "policypack/src/suggest.ts",
    ),
  },
  { name: "data", rank: 1, holds: folder("policypack/src/data") },
  { name: "catalogue", rank: 2, holds: folder("policypack/src/catalogue") },
  {
    name: "facts",
    rank: 3,
    holds: (f) => folder("policypack/src/facts")(f) || f === "policypack/src/context.ts",
  },
  {
    name: "config",
    rank: 3,
    // levels.ts: the enforcement levels, apart so the CLI imports them without the pack's weight;
    // config-validators.ts: the settings validators, generated from config.ts's schemas.
    holds: files(
      "policypack/src/config.ts",
      "policypack/src/levels.ts",
      "policypack/src/config-validators.ts",
    ),
  },
  {
    name: "findings",
    rank: 4,
    holds: (f) => f === "policypack/src/findings.ts" || folder("policypack/src/findings")(f),
  },
  { name: "report", rank: 5, holds: files("policypack/src/report.ts") },
  { name: "policies", rank: 6, holds: folder("policypack/src/policies") },
  // What the cloud guardrails compile from (the CLI's `guardrails` words it): the policies'
  // settings and placement verdict over every catalogued region. Nothing in the pack imports it.
  { name: "guardrails", rank: 7, holds: folder("policypack/src/guardrails") },
  {
    name: "entry",
    rank: 7,
    holds: files("policypack/lib.ts", "policypack/index.ts", "policypack/sdk-startup.ts"),
  },
];

/**
 * The CLI, bottom to top: the library surface (index.ts, which also exports the scan command) and
 * the commands on top, then the report (wording of a scan's results), the scan's engine, program
 * capture, and the parts that know nothing of each other: the engine-faithful runner, input
 * files, the real Pulumi CLI.
 * Root files other than index.ts are shared utilities (where the repository is, the pack build).
 */
const CLI_ROOMS: readonly Room[] = [
  { name: "utilities", rank: 0, holds: files("cli/paths.ts", "cli/build.ts", "cli/own-pack.ts") },
  { name: "runner", rank: 1, holds: folder("cli/runner") },
  { name: "inputs", rank: 1, holds: folder("cli/inputs") },
  { name: "engine", rank: 1, holds: folder("cli/engine") },
  { name: "program", rank: 2, holds: folder("cli/program") },
  { name: "scan", rank: 3, holds: folder("cli/scan") },
  { name: "report", rank: 4, holds: folder("cli/report") },
  // The guardrail targets: each words the pack's guardrail model as one cloud's policy documents.
  { name: "guardrails", rank: 4, holds: folder("cli/guardrails") },
  { name: "commands", rank: 5, holds: folder("cli/commands") },
  { name: "library", rank: 6, holds: files("cli/index.ts") },
];

/**
 * Narrow doors: report/ reads the scan's results only through its types and the pure rule over
 * them (which policies a config weakens), never the scan's machinery.
 */
const DOORS: readonly { from: string; to: string; through: readonly string[] }[] = [
  { from: "cli/report", to: "cli/scan", through: ["cli/scan/types.ts", "cli/scan/weakened.ts"] },
];

/** Known violations (`from -> to`, repository-relative), each being removed by issue #16. */
const ALLOWED: ReadonlyMap<string, string> = new Map<string, string>([]);

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(path.join(REPO, dir), { withFileTypes: true })) {
    const rel = `${dir}/${e.name}`;
    if (e.isDirectory()) {
      if (!["node_modules", "bin"].includes(e.name)) out.push(...sourceFiles(rel));
    } else if (/\.(ts|js)$/.test(e.name) && !e.name.endsWith(".d.ts")) {
      out.push(rel);
    }
  }
  return out;
}

/** The repository-relative file a relative specifier names, or undefined if none exists. */
function resolve(from: string, specifier: string): string | undefined {
  const base = path.posix.join(path.posix.dirname(from), specifier);
  for (const candidate of [
    base,
    `${base}.ts`,
    `${base}.js`,
    `${base}/index.ts`,
    `${base}/index.js`,
  ]) {
    const full = path.join(REPO, candidate);
    if (fs.existsSync(full) && fs.statSync(full).isFile()) return candidate;
  }
  return undefined;
}

interface Edge {
  readonly from: string;
  readonly to: string;
}

/** Every relative import, export-from, require() and import() of the files under `dirs`. */
function importGraph(files: readonly string[]): { edges: Edge[]; unresolved: string[] } {
  const edges: Edge[] = [];
  const unresolved: string[] = [];
  for (const from of files) {
    const text = fs.readFileSync(path.join(REPO, from), "utf8");
    const { importedFiles } = ts.preProcessFile(text, true, true);
    for (const { fileName } of importedFiles) {
      if (!fileName.startsWith(".")) continue;
      const to = resolve(from, fileName);
      if (to === undefined) unresolved.push(`${from}: ${fileName}`);
      else edges.push({ from, to });
    }
  }
  return { edges, unresolved };
}

function roomOf(rooms: readonly Room[], file: string): Room | undefined {
  return rooms.find((r) => r.holds(file));
}

const PACK_FILES = [...sourceFiles("policypack/src"), "policypack/lib.ts", "policypack/index.ts"];
const CLI_FILES = sourceFiles("cli");
const PACK = importGraph(PACK_FILES);
const CLI = importGraph(CLI_FILES);
const EDGES = [...PACK.edges, ...CLI.edges];

/** Imports that run down-to-up or sideways between rooms, as `from -> to (rooms)`. */
function violations(rooms: readonly Room[], edges: readonly Edge[]): string[] {
  const out: string[] = [];
  for (const { from, to } of edges) {
    const a = roomOf(rooms, from);
    const b = roomOf(rooms, to);
    if (!a || !b || a === b) continue;
    if (a.rank <= b.rank) out.push(`${from} -> ${to} (${a.name} imports ${b.name})`);
  }
  return out;
}

const arrow = (s: string) => s.replace(/ \(.*\)$/, "");

describe("layers: no import runs from a lower room to a higher one", () => {
  test("the graphs are read (every relative import resolves to a file)", () => {
    expect(PACK.edges.length).toBeGreaterThan(100);
    expect(CLI.edges.length).toBeGreaterThan(100);
    expect([...PACK.unresolved, ...CLI.unresolved]).toEqual([]);
  });

  test.each([
    ["policypack", PACK_ROOMS, PACK_FILES],
    ["cli", CLI_ROOMS, CLI_FILES],
  ] as const)("every file of %s is in a room", (_name, rooms, all) => {
    expect(all.filter((f) => roomOf(rooms, f) === undefined)).toEqual([]);
  });

  test.each([
    ["policypack", PACK_ROOMS, PACK.edges],
    ["cli", CLI_ROOMS, CLI.edges],
  ] as const)(
    "%s: imports run only downwards, outside the known violations",
    (_n, rooms, edges) => {
      expect(violations(rooms, edges).filter((v) => !ALLOWED.has(arrow(v)))).toEqual([]);
    },
  );

  test("each known violation still exists (the list only shrinks)", () => {
    const present = new Set(EDGES.map((e) => `${e.from} -> ${e.to}`));
    expect([...ALLOWED.keys()].filter((k) => !present.has(k))).toEqual([]);
  });

  test.each(DOORS)("$from reads $to only through its doors", ({ from, to, through }) => {
    const wrong = CLI.edges
      .filter((e) => e.from.startsWith(`${from}/`) && e.to.startsWith(`${to}/`))
      .filter((e) => !through.includes(e.to))
      .map((e) => `${e.from} -> ${e.to}`);
    expect(wrong).toEqual([]);
  });

  // The check itself: a made-up upward import is caught, so the tests above can fail.
  test("an import from a lower room to a higher one is reported", () => {
    const upward = { from: "cli/runner/pack.ts", to: "cli/commands/scan.ts" };
    const sideways = { from: "cli/runner/pack.ts", to: "cli/inputs/stack-file.ts" };
    const downward = { from: "cli/commands/scan.ts", to: "cli/runner/pack.ts" };
    expect(violations(CLI_ROOMS, [upward, sideways, downward]).map(arrow)).toEqual([
      "cli/runner/pack.ts -> cli/commands/scan.ts",
      "cli/runner/pack.ts -> cli/inputs/stack-file.ts",
    ]);
  });
});
