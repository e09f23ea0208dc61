// The rooms below facts/: data/ files import only data/ (rows and their types, no packages);
// catalogue/ files import only data/, catalogue/, problems.ts (the config problems' vocabulary) and
// packages (never facts/, policies/, report, config or anything else of the pack).
import * as fs from "node:fs";
import * as path from "node:path";

const SRC = path.resolve(__dirname, "../../../policypack/src");

function tsFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return tsFiles(full);
    return e.name.endsWith(".ts") ? [full] : [];
  });
}

/** Every module specifier a source text imports, re-exports or requires. */
function specifiers(text: string): string[] {
  const found: string[] = [];
  const pattern = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+|\brequire\s*\(\s*)["']([^"']+)["']/g;
  for (const m of text.matchAll(pattern)) if (m[1] !== undefined) found.push(m[1]);
  return found;
}

/** The imports of one file that break its room's rule; empty when it keeps to it. */
function strayImports(file: string, text: string): string[] {
  const room = path.relative(SRC, file).split(path.sep)[0];
  // problems.ts: the vocabulary of config problems (codes and facts, no words) the catalogue reports.
  const allowed = room === "data" ? ["data"] : ["data", "catalogue", "problems"];
  return specifiers(text).filter((spec) => {
    if (!spec.startsWith(".")) return room === "data";
    const target = path.relative(SRC, path.resolve(path.dirname(file), spec));
    return !allowed.includes(target.split(path.sep)[0] ?? "");
  });
}

describe.each(["data", "catalogue"])("%s/ imports", (room) => {
  const files = tsFiles(path.join(SRC, room));

  it("has files", () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it.each(files.map((f) => [path.relative(SRC, f), f]))("%s stays in its room", (_name, file) => {
    expect(strayImports(file, fs.readFileSync(file, "utf8"))).toEqual([]);
  });
});

describe("the import check itself", () => {
  const dataFile = path.join(SRC, "data", "regions", "aws.ts");
  const catalogueFile = path.join(SRC, "catalogue", "regions.ts");

  it.each([
    [dataFile, 'import { lookupAwsRegion } from "../../catalogue/regions";'],
    [dataFile, 'import ipaddr from "ipaddr.js";'],
    [catalogueFile, 'import type { Finding } from "../report";'],
    [catalogueFile, 'export { awsFacts } from "../facts/aws";'],
    [catalogueFile, 'const p = require("../policies/index");'],
    [catalogueFile, 'import "../config";'],
  ])("flags %s importing: %s", (file, line) => {
    expect(strayImports(file, line)).toHaveLength(1);
  });

  it.each([
    [dataFile, 'import type { RegionEntry } from "../types";'],
    [catalogueFile, 'import { AWS_REGIONS } from "../data/regions/aws";'],
    [catalogueFile, 'import { levenshtein } from "./suggest";'],
    [catalogueFile, 'import ipaddr from "ipaddr.js";'],
  ])("accepts %s importing: %s", (file, line) => {
    expect(strayImports(file, line)).toEqual([]);
  });
});
