// Every row that a data/ file exports carries its own source (a key of SOURCES) and its own
// review date; no data/ file sets a review date for a whole file; chip keys are unique.
import * as fs from "node:fs";
import * as path from "node:path";
import { CHIP_ROWS } from "../../../policypack/src/data/accelerators/chips";
import { SOURCES } from "../../../policypack/src/data/sources";

const DATA_DIR = path.resolve(__dirname, "../../../policypack/src/data");

function dataFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return dataFiles(full);
    return e.name.endsWith(".ts") ? [full] : [];
  });
}

/** What is wrong with one row's citation; empty when it is fine. */
export function rowProblems(row: unknown, today: Date): string[] {
  if (typeof row !== "object" || row === null) return ["not an object"];
  const { source, reviewed } = row as { source?: unknown; reviewed?: unknown };
  const problems: string[] = [];
  if (typeof source !== "string") problems.push("no source");
  else if (!Object.prototype.hasOwnProperty.call(SOURCES, source))
    problems.push(`source '${source}' is not a key of SOURCES (data/sources.ts)`);
  if (typeof reviewed !== "string") return [...problems, "no reviewed date"];
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(reviewed);
  if (match === null) return [...problems, `reviewed '${reviewed}' is not YYYY-MM-DD`];
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day)
    problems.push(`reviewed '${reviewed}' is not a calendar date`);
  else if (date.getTime() > today.getTime())
    problems.push(`reviewed '${reviewed}' is in the future`);
  return problems;
}

/** The rows of one export: the elements of an array or the values of a map; a cited object. */
function rowsOf(value: unknown): unknown[] | undefined {
  if (Array.isArray(value))
    return value.filter((v) => typeof v === "object" && !(v instanceof RegExp));
  if (value instanceof Map) return [...value.values()];
  if (typeof value === "object" && value !== null && !(value instanceof RegExp)) {
    return "source" in value || "reviewed" in value ? [value] : undefined;
  }
  return undefined;
}

const today = new Date();
const exported: [string, unknown[]][] = dataFiles(DATA_DIR)
  .filter((file) => !file.endsWith("sources.ts"))
  .flatMap((file) => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = require(file) as Record<string, unknown>;
    return Object.entries(mod).flatMap(([name, value]): [string, unknown[]][] => {
      const rows = rowsOf(value);
      return rows !== undefined && rows.length > 0
        ? [[`${path.relative(DATA_DIR, file)} ${name}`, rows]]
        : [];
    });
  });

describe("rows exported by data/", () => {
  it("finds the tables", () => {
    const names = exported.map(([name]) => name);
    for (const table of ["CHIP_ROWS", "AWS_REGIONS", "BASE_GROUPS", "AI_SERVICE_MODULES"]) {
      expect(names.some((n) => n.endsWith(` ${table}`))).toBe(true);
    }
  });

  it.each(exported)("%s: every row has a known source and a past review date", (_name, rows) => {
    const bad = rows
      .map((row, index) => ({ index, problems: rowProblems(row, today) }))
      .filter((r) => r.problems.length > 0);
    expect(bad).toEqual([]);
  });

  it.each(dataFiles(DATA_DIR).map((f) => [path.relative(DATA_DIR, f), f]))(
    "%s sets no review date for the whole file",
    (_name, file) => {
      expect(fs.readFileSync(file, "utf8")).not.toMatch(/const \w*REVIEWED\w* =/);
    },
  );

  it("gives every chip its own key", () => {
    const seen = new Set<string>();
    const duplicates = CHIP_ROWS.map((c) => c.key).filter((k) => seen.size === seen.add(k).size);
    expect(duplicates).toEqual([]);
  });
});

describe("the row check itself", () => {
  const good = { source: "botocore-partitions", reviewed: "2026-01-31" };
  const reference = new Date(Date.UTC(2026, 10, 22));

  it.each<[string, object, string]>([
    ["a missing source", { reviewed: good.reviewed }, "no source"],
    ["an unknown source", { ...good, source: "no-such-source" }, "is not a key of SOURCES"],
    ["a missing date", { source: good.source }, "no reviewed date"],
    ["an impossible date", { ...good, reviewed: "2026-02-30" }, "is not a calendar date"],
    ["a date in another format", { ...good, reviewed: "22/11/2026" }, "is not YYYY-MM-DD"],
    ["a future date", { ...good, reviewed: "2026-11-23" }, "is in the future"],
  ])("rejects %s", (_what, row, message) => {
    expect(rowProblems(row, reference).join("; ")).toContain(message);
  });

  it("accepts a sound row", () => {
    expect(rowProblems(good, reference)).toEqual([]);
  });
});
