// Generates policypack/src/data/foreign-provider-ranges.ts: the address prefixes announced by (or
// registered to) each ASN of the listed foreign providers, from one dated public snapshot, the
// `@ip-location-db/asn` npm package (RouteViews announced prefixes, then the five RIRs' delegation
// data, then DB-IP; CC BY 4.0). Its CSV rows are inclusive start-end ranges; each becomes the fewest
// CIDR prefixes that cover it exactly.
//
//   npm run data:ranges                 fetch the pinned snapshot with `npm pack` and regenerate
//   npm run data:ranges -- --from DIR   use an unpacked copy (DIR holds asn-ipv4.csv, asn-ipv6.csv)
//   npm run data:ranges -- --check      exit 1 when the file differs from what would be generated
//
// The ASNs come from the built-in registry (data/foreign-providers.ts) plus CANDIDATE_ASNS, so that
// ASNs a reviewer is about to add already have their prefixes; only registry ASNs are matched.
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ipaddr from "ipaddr.js";
import { BUILTIN_FOREIGN_PROVIDERS } from "../policypack/src/data/foreign-providers";

/** The snapshot: package version (its last ten digits are the data's date and hour, UTC). */
const PACKAGE = "@ip-location-db/asn";
const VERSION = "2.3.2026061719";
/** YYYY-MM-DD of the data in VERSION. */
const SNAPSHOT_DATE = `${VERSION.slice(4, 8)}-${VERSION.slice(8, 10)}-${VERSION.slice(10, 12)}`;
/** When a person last compared the generated groups with the snapshot. */
const REVIEWED = "2026-12-07";
const SOURCE_KEY = "ip-location-db-asn";

/** ASNs named by public lists for listed providers but not (yet) in the registry. */
const CANDIDATE_ASNS: readonly number[] = [
  34947, 45103, 45104, 59028, 59051, 59052, 59053, 59054, 59055, 211914, 207207,
];

const OUT = path.join(__dirname, "..", "policypack", "src", "data", "foreign-provider-ranges.ts");

interface Group {
  asn: number;
  holder: string;
  ipv4: string[];
  ipv6: string[];
}

function bigOf(text: string): { family: "ipv4" | "ipv6"; value: bigint } {
  const addr = ipaddr.parse(text);
  const bytes = addr.toByteArray();
  const value = bytes.reduce((acc, b) => (acc << 8n) | BigInt(b), 0n);
  return { family: addr.kind(), value };
}

function textOf(value: bigint, family: "ipv4" | "ipv6"): string {
  const count = family === "ipv4" ? 4 : 16;
  const bytes: number[] = [];
  for (let i = count - 1; i >= 0; i--) bytes.push(Number((value >> BigInt(i * 8)) & 0xffn));
  const addr = ipaddr.fromByteArray(bytes);
  return "toRFC5952String" in addr ? addr.toRFC5952String() : addr.toString();
}

/** The fewest CIDR prefixes covering [start, end] exactly. */
export function rangeToCidrs(start: bigint, end: bigint, family: "ipv4" | "ipv6"): string[] {
  const bits = family === "ipv4" ? 32 : 128;
  const out: string[] = [];
  let at = start;
  while (at <= end) {
    let size = 0;
    // Grow the block while `at` stays aligned to it and it stays inside the range.
    while (size < bits) {
      const next = size + 1;
      const mask = (1n << BigInt(next)) - 1n;
      if ((at & mask) !== 0n || at + mask > end) break;
      size = next;
    }
    out.push(`${textOf(at, family)}/${bits - size}`);
    at += 1n << BigInt(size);
  }
  return out;
}

/** The fields of one CSV line: start, end, asn, organisation (which may be quoted, with commas). */
function fields(line: string): [string, string, string, string] | undefined {
  const first = line.indexOf(",");
  const second = line.indexOf(",", first + 1);
  const third = line.indexOf(",", second + 1);
  if (first < 0 || second < 0 || third < 0) return undefined;
  let org = line.slice(third + 1).trim();
  if (org.startsWith('"') && org.endsWith('"')) org = org.slice(1, -1).replace(/""/g, '"');
  return [line.slice(0, first), line.slice(first + 1, second), line.slice(second + 1, third), org];
}

function read(dir: string, wanted: ReadonlySet<number>): Map<number, Group> {
  const groups = new Map<number, Group>();
  for (const asn of [...wanted].sort((a, b) => a - b)) {
    groups.set(asn, { asn, holder: "", ipv4: [], ipv6: [] });
  }
  for (const file of ["asn-ipv4.csv", "asn-ipv6.csv"]) {
    const text = fs.readFileSync(path.join(dir, file), "utf8");
    for (const line of text.split("\n")) {
      const f = fields(line);
      if (!f) continue;
      const group = groups.get(Number(f[2]));
      if (!group) continue;
      const start = bigOf(f[0]);
      const end = bigOf(f[1]);
      if (start.family !== end.family || end.value < start.value) {
        throw new Error(`${file}: bad range ${f[0]}-${f[1]}`);
      }
      if (!group.holder && f[3]) group.holder = f[3];
      const list = start.family === "ipv4" ? group.ipv4 : group.ipv6;
      list.push(...rangeToCidrs(start.value, end.value, start.family));
    }
  }
  return groups;
}

function render(groups: Map<number, Group>): string {
  const count = [...groups.values()].reduce((n, g) => n + g.ipv4.length + g.ipv6.length, 0);
  const lines = [
    "// GENERATED by scripts/gen-provider-ranges.ts (npm run data:ranges): do not edit by hand.",
    `// Address prefixes of the ASNs of listed foreign providers (and of candidate ASNs), from the`,
    `// ${PACKAGE}@${VERSION} snapshot (data of ${SNAPSHOT_DATE}): RouteViews announced prefixes,`,
    "// then the RIRs' delegation data, then DB-IP. CC BY 4.0: RouteViews, NRO, DB-IP (db-ip.com).",
    `// ${count} prefixes. A prefix belongs to a provider only through an ASN its registry row lists.`,
    'import type { AsnPrefixes } from "./types";',
    "",
    `export const PROVIDER_PREFIX_SNAPSHOT = {`,
    `  package: "${PACKAGE}@${VERSION}",`,
    `  date: "${SNAPSHOT_DATE}",`,
    `} as const;`,
    "",
    "export const ASN_PREFIXES: readonly AsnPrefixes[] = [",
  ];
  for (const g of groups.values()) {
    lines.push("  {");
    lines.push(`    asn: ${g.asn},`);
    lines.push(`    holder: ${JSON.stringify(g.holder || "(no prefixes in the snapshot)")},`);
    lines.push(`    snapshot: "${SNAPSHOT_DATE}",`);
    lines.push(`    source: "${SOURCE_KEY}",`);
    lines.push(`    reviewed: "${REVIEWED}",`);
    lines.push(`    confidence: "third-party",`);
    lines.push(`    ipv4: ${JSON.stringify(g.ipv4.join(" "))},`);
    lines.push(`    ipv6: ${JSON.stringify(g.ipv6.join(" "))},`);
    lines.push("  },");
  }
  lines.push("];", "");
  return lines.join("\n");
}

/** The unpacked snapshot, and a temporary folder to remove afterwards (when it was fetched). */
function snapshotDir(args: readonly string[]): { dir: string; temp?: string } {
  const i = args.indexOf("--from");
  if (i >= 0) {
    const dir = args[i + 1];
    if (!dir) throw new Error("--from needs a directory");
    return { dir };
  }
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "provider-ranges-"));
  const tgz = execFileSync("npm", ["pack", `${PACKAGE}@${VERSION}`, "--silent"], {
    cwd: tmp,
    encoding: "utf8",
  }).trim();
  execFileSync("tar", ["xzf", tgz], { cwd: tmp });
  return { dir: path.join(tmp, "package"), temp: tmp };
}

function main(args: readonly string[]): number {
  const wanted = new Set<number>(CANDIDATE_ASNS);
  for (const p of BUILTIN_FOREIGN_PROVIDERS) for (const a of p.asns) wanted.add(a.asn);
  const snapshot = snapshotDir(args);
  let text: string;
  try {
    text = render(read(snapshot.dir, wanted));
  } finally {
    if (snapshot.temp) fs.rmSync(snapshot.temp, { recursive: true, force: true });
  }
  if (args.includes("--check")) {
    const current = fs.existsSync(OUT) ? fs.readFileSync(OUT, "utf8") : "";
    if (current !== text) {
      console.error(`${path.relative(process.cwd(), OUT)} is out of date: run npm run data:ranges`);
      return 1;
    }
    return 0;
  }
  fs.writeFileSync(OUT, text);
  console.log(`wrote ${path.relative(process.cwd(), OUT)}`);
  return 0;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
