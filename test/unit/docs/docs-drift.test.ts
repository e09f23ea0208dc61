// docs/policies.md and docs/configuration.md are generated (scripts/gen-docs.ts): this fails
// `npm test` when they drift from the policies, settings, data or messages they are made from.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { POLICIES } from "../../../policypack/src/policies";
import { SETTINGS } from "../../../policypack/src/config";
import { DOCS_DATE, generateDocs, main, withReadmeSection } from "../../../scripts/gen-docs";

const ROOT = path.resolve(__dirname, "../../..");
const docs = generateDocs();

function contentOf(doc: string): string {
  const found = docs.find((d) => d.path === doc);
  if (!found) throw new Error(`${doc} is not generated`);
  return found.content;
}

/** "line 12: expected … / found …", to say where a stale file differs. */
function firstDifference(expected: string, actual: string): string {
  const want = expected.split("\n");
  const got = actual.split("\n");
  const i = want.findIndex((line, n) => line !== got[n]);
  const at = i === -1 ? want.length : i;
  return `line ${at + 1}: expected ${JSON.stringify(want[at] ?? "<end of file>")}, found ${JSON.stringify(got[at] ?? "<end of file>")}`;
}

describe("generated docs", () => {
  it.each(docs.map((d) => [d.path, d.content] as const))(
    "%s matches what scripts/gen-docs.ts generates",
    (doc, content) => {
      const file = path.join(ROOT, doc);
      const actual = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : undefined;
      const verdict =
        actual === content
          ? "up to date"
          : `${doc} is out of date: run npm run docs (${actual === undefined ? "missing" : firstDifference(content, actual)})`;
      expect(verdict).toBe("up to date");
    },
  );

  it("include README's table of supported packages (between its markers)", () => {
    const readme = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");
    const generated = withReadmeSection(readme);
    expect(generated).toBeDefined();
    expect(generated === readme ? "up to date" : "README.md is out of date: run npm run docs").toBe(
      "up to date",
    );
    expect(withReadmeSection("# A README without the markers\n")).toBeUndefined();
  });

  it("are the same on every run (the examples are evaluated on a fixed day)", () => {
    expect(generateDocs()).toEqual(docs);
  });

  it("give each policy, in POLICIES order, a heading its url metadata points at", () => {
    const policies = contentOf("docs/policies.md");
    const headings = [...policies.matchAll(/^## (\S+)$/gm)].map((m) => m[1]);
    const names = POLICIES.map((p) => p.name);
    expect(headings.filter((h) => names.includes(h ?? ""))).toEqual(names);
    for (const p of POLICIES) expect(p.url).toMatch(new RegExp(`docs/policies\\.md#${p.name}$`));
  });

  it("document every setting of config.ts", () => {
    const configuration = contentOf("docs/configuration.md");
    for (const name of Object.keys(SETTINGS)) expect(configuration).toContain(`### ${name}\n`);
  });

  it("evaluate exemptions on the injected day, so a lapsed exemption example fails generation", () => {
    expect(DOCS_DATE.toISOString().slice(0, 10)).toBe("2026-11-22");
    expect(() => generateDocs(new Date("2027-02-01T12:00:00Z"))).toThrow(
      /meant to show "advisory" but the rule decided "violation"/,
    );
  });
});

describe("gen-docs --check", () => {
  let dir: string;
  let errors: string[];
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "gen-docs-"));
    errors = [];
    jest.spyOn(console, "error").mockImplementation((m: string) => void errors.push(m));
    jest.spyOn(console, "log").mockImplementation(() => undefined);
  });
  afterEach(() => {
    jest.restoreAllMocks();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("exits 1 naming each stale file and the command that fixes it", () => {
    expect(main(["--check"], dir)).toBe(1);
    expect(errors).toEqual([
      "docs/policies.md is out of date: run npm run docs",
      "docs/configuration.md is out of date: run npm run docs",
      "docs/providers.md is out of date: run npm run docs",
    ]);
    expect(fs.existsSync(path.join(dir, "docs"))).toBe(false);
  });

  it("exits 0 once the docs are written, and writes nothing with --check", () => {
    expect(main([], dir)).toBe(0);
    expect(main(["--check"], dir)).toBe(0);
    fs.appendFileSync(path.join(dir, "docs/configuration.md"), "hand edit\n");
    expect(main(["--check"], dir)).toBe(1);
    expect(errors).toEqual(["docs/configuration.md is out of date: run npm run docs"]);
  });
});
