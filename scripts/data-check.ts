// `npm run data:check`: what the data tables would need to change to match the provider data the
// project can read offline, and which rows are due for review.
//
// Missing (exit 1): a region of the AWS SDK's partitions data (@aws-sdk/core), of @pulumi/aws's
// Region enum or of @pulumi/azure-native's AzureLocation enum that no table classifies; an EC2
// family of @pulumi/aws's InstanceType enum that is neither a catalogued accelerator family nor of a
// series known to carry none. Stale (printed, exit 0): rows whose review date is older than
// --max-age days (default 365). Exit 2 on a usage error. The unit tests in test/unit/data call the
// same functions, so CI fails on what this prints as missing.
import * as fs from "node:fs";
import * as path from "node:path";
import { Region } from "@pulumi/aws/types/enums";
import { InstanceType } from "@pulumi/aws/types/enums/ec2";
import { AzureLocation } from "@pulumi/azure-native/types/enums/migrate";
import { classifyAwsInstanceType } from "../policypack/src/catalogue/accelerators";
import { lookupAwsRegion, lookupAzureLocation } from "../policypack/src/catalogue/regions";
import { AWS_NON_ACCELERATOR_SERIES } from "../policypack/src/data/accelerators/aws-families";
import { BUILTIN_FOREIGN_PROVIDERS } from "../policypack/src/data/foreign-providers";

const DATA_DIR = path.resolve(__dirname, "../policypack/src/data");

/** One partition of the AWS SDK's partitions data (the botocore partitions.json format). */
export interface SdkPartition {
  readonly id: string;
  readonly regionRegex: string;
  readonly regions: Readonly<Record<string, { readonly description?: string }>>;
}

/** Something in package data that no table classifies. */
export interface Missing {
  /** "aws region", "azure location", "aws instance family". */
  readonly what: string;
  readonly name: string;
  /** Where it was found: "@aws-sdk/core partitions (aws)". */
  readonly from: string;
}

export interface StaleRow {
  readonly row: string;
  readonly source: string;
  readonly reviewed: string;
  readonly ageDays: number;
}

/** Where @aws-sdk/core keeps the partitions data, newest layout first. */
const PARTITIONS_FILES = [
  "dist-cjs/submodules/client/util-endpoints/lib/aws/partitions.json",
  "dist-es/submodules/client/util-endpoints/lib/aws/partitions.js",
];

/**
 * The partitions of @aws-sdk/core. The package keeps them as a JSON object literal inside an ES
 * module (`export const partitionsInfo = {…};`), so the object is cut out and parsed as JSON. A
 * layout this does not know throws, naming the paths tried, so the check cannot pass silently.
 */
export function readAwsSdkPartitions(
  coreDir: string = path.dirname(require.resolve("@aws-sdk/core/package.json")),
): SdkPartition[] {
  const tried: string[] = [];
  for (const rel of PARTITIONS_FILES) {
    const file = path.join(coreDir, rel);
    tried.push(file);
    if (!fs.existsSync(file)) continue;
    const text = fs.readFileSync(file, "utf8");
    const json = text.slice(text.indexOf("{"), text.lastIndexOf("}") + 1);
    const parsed = JSON.parse(json) as { partitions?: unknown };
    if (!Array.isArray(parsed.partitions)) {
      throw new Error(`${file}: no "partitions" array`);
    }
    return parsed.partitions as SdkPartition[];
  }
  throw new Error(`AWS SDK partitions data not found; tried: ${tried.join(", ")}`);
}

/**
 * Regions of the SDK partitions that the AWS table does not hold. Only names that match their
 * partition's regionRegex are regions: the pseudo-regions "aws-global", "aws-cn-global", … are not.
 */
export function unclassifiedAwsSdkRegions(partitions: readonly SdkPartition[]): Missing[] {
  return partitions.flatMap((p) => {
    const regex = new RegExp(p.regionRegex);
    return Object.keys(p.regions)
      .filter((name) => regex.test(name) && lookupAwsRegion(name) === undefined)
      .map((name) => ({ what: "aws region", name, from: `@aws-sdk/core partitions (${p.id})` }));
  });
}

/** Names a lookup does not classify. */
export function unclassifiedNames(
  names: Iterable<string>,
  lookup: (name: string) => unknown,
  what: string,
  from: string,
): Missing[] {
  return [...new Set(names)]
    .filter((n) => lookup(n) === undefined)
    .map((name) => ({ what, name, from }));
}

/** The Azure locations of @pulumi/azure-native's AzureLocation enum, as ARM names them. */
export function azureNativeLocations(): string[] {
  return Object.values(AzureLocation)
    .filter((v) => v !== "Unknown")
    .map((v) => v.toLowerCase());
}

/**
 * EC2 families of the given instance types that are neither classified as a catalogued accelerator
 * family nor of a series known to carry no accelerator.
 */
export function unclassifiedAwsFamilies(instanceTypes: Iterable<string>, from: string): Missing[] {
  const cpuSeries = new Set(AWS_NON_ACCELERATOR_SERIES.map((s) => s.series));
  const families = new Set([...instanceTypes].map((t) => t.split(".")[0] ?? ""));
  return [...families]
    .filter((family) => {
      const info = classifyAwsInstanceType(family);
      if (info !== undefined) return !info.catalogued;
      return !cpuSeries.has(/^[a-z]+/.exec(family)?.[0] ?? "");
    })
    .map((name) => ({ what: "aws instance family", name, from }));
}

/** Everything the offline package data names that no table classifies. */
export function missingClassifications(): Missing[] {
  return [
    ...unclassifiedAwsSdkRegions(readAwsSdkPartitions()),
    ...unclassifiedNames(
      Object.values(Region),
      lookupAwsRegion,
      "aws region",
      "@pulumi/aws Region enum",
    ),
    ...unclassifiedNames(
      azureNativeLocations(),
      lookupAzureLocation,
      "azure location",
      "@pulumi/azure-native AzureLocation enum (migrate)",
    ),
    ...unclassifiedAwsFamilies(Object.values(InstanceType), "@pulumi/aws InstanceType enum"),
  ];
}

interface Cited {
  readonly source: string;
  readonly reviewed: string;
}

const ID_FIELDS = ["name", "key", "family", "module", "sku", "profile", "series", "id", "value"];

function isCited(value: unknown): value is Cited & Record<string, unknown> {
  if (typeof value !== "object" || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.source === "string" && typeof v.reviewed === "string";
}

function rowId(table: string, row: Record<string, unknown>, index: number): string {
  const field = ID_FIELDS.find((f) => typeof row[f] === "string");
  return `${table} ${field !== undefined ? String(row[field]) : `#${index}`}`;
}

function dataFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return dataFiles(full);
    return e.name.endsWith(".ts") && e.name !== "sources.ts" ? [full] : [];
  });
}

/** Every cited row of data/: the rows of each export, and the ASNs and packages of providers. */
export function citedRows(): { readonly id: string; readonly row: Cited }[] {
  const rows: { id: string; row: Cited }[] = [];
  for (const file of dataFiles(DATA_DIR)) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = require(file) as Record<string, unknown>;
    for (const [name, value] of Object.entries(mod)) {
      const table = `${path.relative(DATA_DIR, file)} ${name}`;
      const values = Array.isArray(value)
        ? value
        : value instanceof Map
          ? [...value.values()]
          : [value];
      values.forEach((v, i) => {
        if (isCited(v)) rows.push({ id: rowId(table, v, i), row: v });
      });
    }
  }
  for (const p of BUILTIN_FOREIGN_PROVIDERS) {
    for (const a of p.asns) rows.push({ id: `provider ${p.id} AS${a.asn}`, row: a });
    for (const k of p.pulumiPackages) rows.push({ id: `provider ${p.id} ${k.prefix}`, row: k });
  }
  return rows;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Rows reviewed more than `maxAgeDays` days before `today`, oldest first. */
export function staleRows(
  rows: readonly { readonly id: string; readonly row: Cited }[],
  today: Date,
  maxAgeDays: number,
): StaleRow[] {
  return rows
    .map(({ id, row }) => ({
      row: id,
      source: row.source,
      reviewed: row.reviewed,
      ageDays: Math.floor((today.getTime() - Date.parse(`${row.reviewed}T00:00:00Z`)) / DAY_MS),
    }))
    .filter((r) => !(r.ageDays <= maxAgeDays))
    .sort((a, b) => b.ageDays - a.ageDays || a.row.localeCompare(b.row));
}

/** Counts of review dates, newest first: [["2026-12-07", 120], …]. */
export function reviewDates(rows: readonly { readonly row: Cited }[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const { row } of rows) counts.set(row.reviewed, (counts.get(row.reviewed) ?? 0) + 1);
  return [...counts].sort((a, b) => b[0].localeCompare(a[0]));
}

const USAGE = "usage: npm run data:check [-- --max-age DAYS]";

/** Parses the arguments; a string is a usage error. */
export function parseArgs(argv: readonly string[]): { maxAgeDays: number } | string {
  let maxAgeDays = 365;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--max-age") {
      const value = argv[++i];
      if (value === undefined || !/^\d+$/.test(value)) {
        return `--max-age needs a whole number of days, got ${value === undefined ? "nothing" : `'${value}'`}`;
      }
      maxAgeDays = Number(value);
    } else {
      return `unknown argument '${arg ?? ""}'`;
    }
  }
  return { maxAgeDays };
}

function main(): number {
  const args = parseArgs(process.argv.slice(2));
  if (typeof args === "string") {
    process.stderr.write(`data:check: ${args}\n${USAGE}\n`);
    return 2;
  }
  const missing = missingClassifications();
  const rows = citedRows();
  const stale = staleRows(rows, new Date(), args.maxAgeDays);
  const out: string[] = [];
  if (missing.length === 0) {
    out.push("Every region and instance family in the offline package data is classified.");
  } else {
    out.push(`Not classified (${missing.length}): add a row to policypack/src/data/ for each.`);
    for (const m of missing) out.push(`  ${m.what} ${m.name}  (from ${m.from})`);
  }
  out.push("");
  out.push(
    `Rows reviewed more than ${args.maxAgeDays} days ago: ${stale.length} of ${rows.length}.`,
  );
  for (const s of stale)
    out.push(`  ${s.row}  reviewed ${s.reviewed} (${s.ageDays} days), source ${s.source}`);
  out.push(
    `Review dates: ${reviewDates(rows)
      .map(([date, n]) => `${date} ×${n}`)
      .join(", ")}`,
  );
  process.stdout.write(`${out.join("\n")}\n`);
  return missing.length > 0 ? 1 : 0;
}

if (require.main === module) {
  process.exitCode = main();
}
