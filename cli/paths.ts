// Where the CLI lives: the same answer whether it runs compiled (dist/) or from its TypeScript
// sources (tests, ts-node). The repository root is the nearest folder above this file that holds
// a package.json; dist/ has none of its own.
import * as fs from "fs";
import * as path from "path";

function findRoot(from: string): string {
  for (let dir = from; ;) {
    if (fs.existsSync(path.join(dir, "package.json"))) return dir;
    const up = path.dirname(dir);
    if (up === dir) throw new Error(`no package.json above ${from}`);
    dir = up;
  }
}

/** The repository (or installed package) root: package.json, policypack/, examples/. */
export const ROOT = findRoot(__dirname);

/** A sibling module of `fromFile` with the same extension (`.ts` from sources, `.js` compiled). */
export function sibling(fromFile: string, name: string): string {
  return path.join(path.dirname(fromFile), name + path.extname(fromFile));
}
