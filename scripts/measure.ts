// Files and lines per folder of policypack/src and test/, and the N largest functions (TypeScript compiler API).
import * as fs from "fs";
import * as path from "path";
import * as ts from "typescript";

const root = process.argv[2] ?? ".";
function walk(dir: string, out: string[]): void {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    if (e.name === "node_modules" || e.name === "bin") continue;
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p, out);
    else if (/\.(ts|js)$/.test(e.name) && !e.name.endsWith(".d.ts")) out.push(p);
  }
}
const files: string[] = [];
for (const top of ["policypack/src", "policypack/lib.ts", "test", "scripts"]) {
  const p = path.join(root, top);
  if (!fs.existsSync(p)) continue;
  if (fs.statSync(p).isDirectory()) walk(p, files);
  else files.push(p);
}
const perFolder = new Map<string, { files: number; lines: number }>();
const fns: { name: string; lines: number }[] = [];
for (const f of files) {
  const text = fs.readFileSync(f, "utf8");
  const rel = path.relative(root, f);
  const folder = path.dirname(rel);
  const row = perFolder.get(folder) ?? { files: 0, lines: 0 };
  row.files++;
  row.lines += text.split("\n").length - (text.endsWith("\n") ? 1 : 0);
  perFolder.set(folder, row);
  if (!rel.startsWith("policypack/") && !rel.startsWith("scripts/")) continue;
  const sf = ts.createSourceFile(f, text, ts.ScriptTarget.Latest, true);
  const visit = (n: ts.Node): void => {
    if (ts.isFunctionLike(n) && (n as ts.FunctionLikeDeclaration).body) {
      const s = sf.getLineAndCharacterOfPosition(n.getStart()).line;
      const e = sf.getLineAndCharacterOfPosition(n.getEnd()).line;
      let name = (n as ts.FunctionLikeDeclaration).name?.getText() ?? "";
      if (!name && ts.isVariableDeclaration(n.parent)) name = n.parent.name.getText();
      if (!name && ts.isPropertyAssignment(n.parent)) name = n.parent.name.getText();
      fns.push({ name: `${rel}:${s + 1} ${name || "(anonymous)"}`, lines: e - s + 1 });
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
}
const rows = [...perFolder.entries()].sort(([a], [b]) => a.localeCompare(b));
let tf = 0,
  tl = 0;
console.log("folder\tfiles\tlines");
for (const [k, v] of rows) {
  console.log(`${k}\t${v.files}\t${v.lines}`);
  tf += v.files;
  tl += v.lines;
}
console.log(`TOTAL\t${tf}\t${tl}`);
console.log("\nlargest functions (policypack/, scripts/):");
for (const f of fns.sort((a, b) => b.lines - a.lines).slice(0, 10))
  console.log(`${f.lines}\t${f.name}`);
