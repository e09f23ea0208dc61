// Accelerator classifiers: read an AWS instance type, EC2 attribute-based selection, an Azure VM
// size or an ACI GPU SKU and say which accelerator it carries, resolved against the tables of
// data/accelerators/ (chips.ts, aws-families.ts, azure-families.ts). Tables are indexed once at
// module load.
import {
  AWS_ACCELERATOR_ATTRIBUTE_VALUES,
  AWS_ACCELERATOR_FAMILIES,
  type AwsAcceleratorFamily,
} from "../data/accelerators/aws-families";
import {
  AZURE_ACCELERATOR_SERIES,
  AZURE_CONTAINER_APPS_GPU_PROFILES,
  AZURE_CONTAINER_GPU_SKU_ROWS,
  AZURE_DEDICATED_HOST_SERIES,
  type AzureAcceleratorSeries,
  type AzureDedicatedHostSeries,
  type AzureWorkloadProfileGpu,
} from "../data/accelerators/azure-families";
import type { AcceleratorInfo, AcceleratorKind, ChipEntry, ExportControl } from "../data/types";
import { CHIPS, chipEntry } from "./chips";
import { memoised } from "./memo";

export {
  AWS_ACCELERATOR_FAMILIES,
  AZURE_ACCELERATOR_SERIES,
  AZURE_CONTAINER_APPS_GPU_PROFILES,
  AZURE_DEDICATED_HOST_SERIES,
  CHIPS,
};
export type {
  AwsAcceleratorFamily,
  AzureAcceleratorSeries,
  AzureDedicatedHostSeries,
  AzureWorkloadProfileGpu,
};

/** The review date of the generic chips this file makes for unclassified inputs (not data rows). */
const GENERIC_CHIP_REVIEWED = "2026-11-22";

// Every chip a family or series names must be catalogued: fail at load, not at first use.
for (const key of [
  ...AWS_ACCELERATOR_FAMILIES.map((f) => f.chip),
  ...AZURE_ACCELERATOR_SERIES.map((s) => s.chip),
  ...AZURE_CONTAINER_APPS_GPU_PROFILES.map((p) => p.chip),
]) {
  chipEntry(key);
}

const CONTROL_RANK: Readonly<Record<ExportControl, number>> = {
  "not-controlled": 0,
  uncertain: 1,
  controlled: 2,
};

/**
 * True for "controlled" and "uncertain": the policies' export-controlled scope counts a chip whose
 * status is not settled as controlled, so nothing slips through on a missing classification.
 */
export function countsAsExportControlled(exportControl: ExportControl): boolean {
  return exportControl !== "not-controlled";
}

/** A chip of unknown model: always "uncertain". */
function genericChip(
  name: string,
  vendor: string,
  kind: AcceleratorKind,
  basis: string,
): ChipEntry {
  return {
    name,
    vendor,
    kind,
    exportControl: "uncertain",
    basis,
    source: "project-domain-notes",
    reviewed: GENERIC_CHIP_REVIEWED,
    confidence: "uncertain",
  };
}

/**
 * A "GPU of unspecified model": for GPU AMIs, GPU counts in task definitions and similar inputs
 * that say a GPU is used without saying which. Always exportControl "uncertain".
 */
export function unspecifiedAccelerator(description: string, vendor?: string): AcceleratorInfo {
  return {
    family: description,
    catalogued: false,
    chip: genericChip(
      vendor !== undefined ? `${vendor} GPU of unspecified model` : "GPU of unspecified model",
      vendor ?? "unknown",
      "gpu",
      "The model is not visible in the inputs, so its export-control status cannot be settled.",
    ),
  };
}

// ── AWS instance families ───────────────────────────────────────────────────────────────────

/** A family-name pattern for accelerator series, to recognise families not yet catalogued. */
interface AwsSeriesRule {
  /** Leading letters of the family ("p", "gr", "trn"). */
  readonly series: string;
  /** The whole family must match, e.g. p7, p7e, p7-b400. */
  readonly pattern: RegExp;
  readonly chip: ChipEntry;
}

function awsSeries(
  series: string,
  vendor: string,
  kind: AcceleratorKind,
  what: string,
): AwsSeriesRule {
  return {
    series,
    pattern: new RegExp(`^${series}\\d+[a-z]*(?:-[a-z0-9]+)*$`),
    chip: genericChip(
      `uncatalogued ${what} (AWS ${series} series)`,
      vendor,
      kind,
      `A new family of the AWS ${series} series; its accelerator is not yet classified.`,
    ),
  };
}

/** Accelerator series by leading letters. No EC2 CPU family starts with these letters followed by a digit. */
const AWS_SERIES: ReadonlyMap<string, AwsSeriesRule> = new Map(
  [
    awsSeries("p", "NVIDIA", "gpu", "GPU"),
    awsSeries("g", "NVIDIA", "gpu", "GPU"),
    awsSeries("gr", "NVIDIA", "gpu", "GPU"),
    awsSeries("cg", "NVIDIA", "gpu", "GPU"),
    awsSeries("inf", "Amazon Web Services", "ai-asic", "AI accelerator"),
    awsSeries("trn", "Amazon Web Services", "ai-asic", "AI accelerator"),
    awsSeries("dl", "unknown", "ai-asic", "AI accelerator"),
    awsSeries("f", "Xilinx (AMD)", "fpga", "FPGA"),
    awsSeries("vt", "Xilinx (AMD)", "media", "media accelerator"),
  ].map((rule) => [rule.series, rule]),
);

/**
 * The leading letters of every AWS accelerator series ("p", "g", "trn", …): a family is an
 * accelerator family when it is these letters, a digit, then anything (see AWS_SERIES).
 */
export const AWS_ACCELERATOR_SERIES_LETTERS: readonly string[] = [...AWS_SERIES.keys()];

const AWS_FAMILY_INDEX: ReadonlyMap<string, AwsAcceleratorFamily> = new Map(
  AWS_ACCELERATOR_FAMILIES.map((f) => [`${f.prefix ?? ""}${f.family}`, f]),
);

/** Service prefixes in front of an EC2 family, by first dot-separated segment. */
const AWS_SERVICE_PREFIXES: ReadonlyMap<
  string,
  { readonly strip: (parts: string[]) => string[]; readonly familyPrefix: string }
> = new Map([
  // SageMaker: ml.p4d.24xlarge, ml.eia2.medium
  ["ml", { strip: (parts: string[]) => parts.slice(1), familyPrefix: "" }],
  // AppStream 2.0: stream.graphics.g4dn.xlarge → g4dn; stream.graphics-pro.4xlarge → graphics-pro
  [
    "stream",
    {
      strip: (parts: string[]) => (parts[1] === "graphics" ? parts.slice(2) : parts.slice(1)),
      familyPrefix: "stream.",
    },
  ],
]);

function awsInfo(family: AwsAcceleratorFamily): AcceleratorInfo {
  return {
    family: `${family.prefix ?? ""}${family.family}`,
    chip: chipEntry(family.chip),
    catalogued: true,
  };
}

/**
 * What an AWS instance type carries: `p4d.24xlarge`, `ml.p4d.24xlarge` (SageMaker), `ml.eia2.medium`
 * (Elastic Inference), `stream.graphics.g4dn.xlarge` (AppStream), or a bare family (`p3`, `g5g`,
 * `p6-b200`, as AWS Batch takes them). A future family of a known series (`p7.48xlarge`) gives
 * `catalogued: false` with a generic chip of exportControl "uncertain". CPU families give undefined.
 */
export const classifyAwsInstanceType: (value: string) => AcceleratorInfo | undefined = memoised(
  classifyAwsInstanceTypeUncached,
);

function classifyAwsInstanceTypeUncached(value: string): AcceleratorInfo | undefined {
  const parts = value.trim().toLowerCase().split(".");
  const service = AWS_SERVICE_PREFIXES.get(parts[0] ?? "");
  const rest = service !== undefined ? service.strip(parts) : parts;
  const family = rest[0];
  if (family === undefined || family === "") return undefined;
  // AppStream's own families need the prefix; an EC2 family inside AppStream does not.
  const catalogued =
    (service !== undefined
      ? AWS_FAMILY_INDEX.get(`${service.familyPrefix}${family}`)
      : undefined) ?? AWS_FAMILY_INDEX.get(family);
  if (catalogued !== undefined) return awsInfo(catalogued);
  const letters = /^([a-z]+)\d/.exec(family)?.[1];
  const series = letters !== undefined ? AWS_SERIES.get(letters) : undefined;
  if (series !== undefined && series.pattern.test(family)) {
    return { family, chip: series.chip, catalogued: false };
  }
  return undefined;
}

// ── AWS attribute-based selection (instanceRequirements) ────────────────────────────────────

/** The values the EC2 API accepts (data/accelerators/aws-families.ts), as sets. */
export const AWS_ACCELERATOR_ATTRIBUTE_VOCABULARY = {
  names: new Set<string>(AWS_ACCELERATOR_ATTRIBUTE_VALUES.names),
  manufacturers: new Set<string>(AWS_ACCELERATOR_ATTRIBUTE_VALUES.manufacturers),
  types: new Set<string>(AWS_ACCELERATOR_ATTRIBUTE_VALUES.types),
} as const;

const ATTRIBUTE_SOURCE = AWS_ACCELERATOR_ATTRIBUTE_VALUES.source;

/** The families attribute-based selection can pick: EC2 instance families (no AppStream, no EI). */
const EC2_ACCELERATOR_FAMILIES: readonly AwsAcceleratorFamily[] = AWS_ACCELERATOR_FAMILIES.filter(
  (f) => f.prefix === undefined && !f.family.startsWith("eia"),
);

function attributeChip(
  name: string,
  vendor: string,
  kind: AcceleratorKind,
  exportControl: ExportControl,
  basis: string,
): ChipEntry {
  return {
    name,
    vendor,
    kind,
    exportControl,
    basis,
    source: ATTRIBUTE_SOURCE,
    reviewed: GENERIC_CHIP_REVIEWED,
    confidence: "uncertain",
  };
}

function lowerAll(values: readonly string[]): string[] {
  return values.map((v) => v.trim().toLowerCase()).filter((v) => v !== "");
}

/**
 * What EC2 attribute-based selection (`instanceRequirements`) may pick, given its accelerator
 * filters. The candidates are the catalogued families whose known attributes pass every non-empty
 * filter (an unknown attribute never excludes a family).
 *
 * - Names given: the most restrictive named chip among the candidates (a future name the
 *   vocabulary lacks counts as "uncertain"); one chip gives that chip, several give a combined chip.
 * - No names: a generic chip. Its exportControl is "not-controlled" only when every filter value is
 *   known and every candidate chip is not controlled (e.g. types ["media"] or ["fpga"]); otherwise
 *   "uncertain", because selection may pick any family of the allowed kinds, including new ones.
 * - Undefined only when the filters rule every accelerator out (no candidate and no unknown value,
 *   e.g. names ["a100"] with manufacturers ["amd"]). Whether `acceleratorCount.max` is 0 is for
 *   the caller to check before calling.
 */
export function classifyAwsAcceleratorAttributes(attrs: {
  names: readonly string[];
  manufacturers: readonly string[];
  types: readonly string[];
}): AcceleratorInfo | undefined {
  const names = lowerAll(attrs.names);
  const manufacturers = lowerAll(attrs.manufacturers);
  const types = lowerAll(attrs.types);
  const vocab = AWS_ACCELERATOR_ATTRIBUTE_VOCABULARY;
  const unknownNames = names.filter((n) => !vocab.names.has(n));
  const unknownOther =
    manufacturers.some((m) => !vocab.manufacturers.has(m)) ||
    types.some((t) => !vocab.types.has(t));

  const candidates = EC2_ACCELERATOR_FAMILIES.filter((f) => {
    const a = f.attributes ?? {};
    if (names.length > 0 && (a.name === undefined || !names.includes(a.name))) return false;
    if (
      manufacturers.length > 0 &&
      a.manufacturer !== undefined &&
      !manufacturers.includes(a.manufacturer)
    )
      return false;
    if (types.length > 0 && a.type !== undefined && !types.includes(a.type)) return false;
    return true;
  });
  const family = "attribute-based selection";

  if (names.length > 0) {
    const chips = [...new Map(candidates.map((f) => [f.chip, chipEntry(f.chip)])).values()];
    if (unknownNames.length > 0) {
      chips.push(
        attributeChip(
          unknownNames.join(", "),
          "unknown",
          "gpu",
          "uncertain",
          "Accelerator name not in the catalogue; its export-control status is unknown.",
        ),
      );
    }
    if (chips.length === 0) return undefined;
    if (chips.length === 1 && chips[0] !== undefined)
      return { family, chip: chips[0], catalogued: unknownNames.length === 0 };
    const worst = chips.reduce((a, b) =>
      CONTROL_RANK[b.exportControl] > CONTROL_RANK[a.exportControl] ? b : a,
    );
    const kinds = new Set(chips.map((c) => c.kind));
    return {
      family,
      catalogued: unknownNames.length === 0,
      chip: attributeChip(
        chips.map((c) => c.name).join(" or "),
        [...new Set(chips.map((c) => c.vendor))].join(", "),
        kinds.size === 1 ? worst.kind : "gpu",
        worst.exportControl,
        `Selection may pick any of: ${chips.map((c) => `${c.name} (${c.exportControl})`).join("; ")}.`,
      ),
    };
  }

  if (candidates.length === 0 && !unknownOther) return undefined;
  const allKnownNotControlled =
    !unknownOther && candidates.every((f) => chipEntry(f.chip).exportControl === "not-controlled");
  const kinds = new Set(candidates.map((f) => chipEntry(f.chip).kind));
  const filters = [
    manufacturers.length > 0 ? `manufacturers ${manufacturers.join(", ")}` : "",
    types.length > 0 ? `types ${types.join(", ")}` : "",
  ].filter((s) => s !== "");
  return {
    family,
    catalogued: false,
    chip: attributeChip(
      `any accelerator${filters.length > 0 ? ` (${filters.join("; ")})` : ""}`,
      manufacturers.length > 0 ? manufacturers.join(", ") : "any",
      kinds.size === 1 ? ([...kinds][0] ?? "gpu") : "gpu",
      allKnownNotControlled ? "not-controlled" : "uncertain",
      `No accelerator names: selection may pick any matching family (catalogued: ${
        candidates.map((f) => f.family).join(", ") || "none"
      }).`,
    ),
  };
}

// ── Azure VM sizes ──────────────────────────────────────────────────────────────────────────

/** Accelerator tokens that name a chip even in a series not yet catalogued. */
export const AZURE_ACCELERATOR_TOKENS: ReadonlyMap<string, string> = new Map([
  ["t4", "t4"],
  ["a10", "a10"],
  ["a100", "a100"],
  ["h100", "h100"],
  ["h200", "h200"],
  ["b200", "b200"],
  ["b300", "b300"],
  ["gb200", "gb200"],
  ["gb300", "gb300"],
  ["l4", "l4"],
  ["l40s", "l40s"],
  ["mi300x", "mi300x"],
  ["v620", "radeon-pro-v620"],
  ["v710", "radeon-pro-v710"],
  ["rtxpro6000bse", "rtx-pro-6000-bse"],
  ["rtxpro4500bse", "rtx-pro-4500-bse"],
]);

/** Name parts that are neither an accelerator nor a version. */
const AZURE_IGNORED_PARTS: ReadonlySet<string> = new Set(["promo", "xl", "ndr"]);

const AZURE_FAMILY_KIND: ReadonlyMap<
  string,
  { readonly kind: AcceleratorKind; readonly what: string }
> = new Map([
  ["nc", { kind: "gpu", what: "GPU" }],
  ["ncc", { kind: "gpu", what: "GPU" }],
  ["nd", { kind: "gpu", what: "GPU" }],
  ["nv", { kind: "gpu", what: "GPU" }],
  ["ng", { kind: "gpu", what: "GPU" }],
  ["np", { kind: "fpga", what: "FPGA" }],
]);

const AZURE_SERIES_INDEX: ReadonlyMap<string, AzureAcceleratorSeries> = new Map(
  AZURE_ACCELERATOR_SERIES.map((s) => [`${s.family}|${s.accelerator}|${s.version}`, s]),
);

const AZURE_SIZE_HEAD = /^(ncc|nc|nd|ng|np|nv)(\d+)([a-z]*)$/;

/**
 * What an Azure VM size carries: any N-family size (NC, NCC, ND, NG, NP, NV), any case, with or
 * without the `Standard_` prefix (`Standard_ND96asr_v4`, `nc6s_v3`). A size of an unknown series
 * still gives an answer with `catalogued: false`: the chip its accelerator token names, or a
 * generic chip of exportControl "uncertain". Other sizes (D, E, B, M, L, …) give undefined.
 */
export function classifyAzureVmSize(value: string): AcceleratorInfo | undefined {
  const size = value
    .trim()
    .toLowerCase()
    .replace(/^standard_/, "");
  const parts = size.split("_");
  const head = AZURE_SIZE_HEAD.exec(parts[0] ?? "");
  if (head === null) return undefined;
  const familyLetters = head[1] ?? "";
  const rest = parts.slice(1).filter((p) => !AZURE_IGNORED_PARTS.has(p));
  // The version is the last part ("v5"); an accelerator token may itself look like one ("v710").
  const last = rest[rest.length - 1];
  const hasVersion = last !== undefined && /^v\d+$/.test(last);
  const version = hasVersion ? last : "v1";
  const accelerator = (hasVersion ? rest.slice(0, -1) : rest)[0] ?? "";

  const series = AZURE_SERIES_INDEX.get(`${familyLetters}|${accelerator}|${version}`);
  if (series !== undefined)
    return { family: series.series, chip: chipEntry(series.chip), catalogued: true };

  const familyName = `${familyLetters.toUpperCase()} series (uncatalogued size ${value.trim()})`;
  const tokenChip = AZURE_ACCELERATOR_TOKENS.get(accelerator);
  if (tokenChip !== undefined)
    return { family: familyName, chip: chipEntry(tokenChip), catalogued: false };
  const kind = AZURE_FAMILY_KIND.get(familyLetters) ?? { kind: "gpu" as const, what: "GPU" };
  return {
    family: familyName,
    catalogued: false,
    chip: genericChip(
      `uncatalogued ${kind.what} (Azure ${familyLetters.toUpperCase()} series)`,
      "unknown",
      kind.kind,
      "A size of an Azure N-family series not yet catalogued; its accelerator is not classified.",
    ),
  };
}

// ── Azure Container Instances ───────────────────────────────────────────────────────────────

/** The ACI GPU SKUs by lower-case name. */
export const AZURE_CONTAINER_GPU_SKUS: ReadonlyMap<
  string,
  (typeof AZURE_CONTAINER_GPU_SKU_ROWS)[number]
> = new Map(AZURE_CONTAINER_GPU_SKU_ROWS.map((row) => [row.sku, row]));

/** The GPU an Azure Container Instances `gpu.sku` names (K80, P100, V100), any case. */
export function classifyAzureContainerGpuSku(sku: string): AcceleratorInfo | undefined {
  const key = sku.trim().toLowerCase();
  const entry = AZURE_CONTAINER_GPU_SKUS.get(key);
  if (entry !== undefined) {
    return {
      family: `ACI GPU ${key.toUpperCase()}`,
      chip: chipEntry(entry.chip),
      catalogued: true,
    };
  }
  if (key === "") return undefined;
  return {
    family: `ACI GPU ${sku.trim()}`,
    catalogued: false,
    chip: genericChip(
      `uncatalogued ACI GPU SKU '${sku.trim()}'`,
      "unknown",
      "gpu",
      "A GPU SKU the catalogue does not know; its export-control status is unknown.",
    ),
  };
}

// ── Azure dedicated hosts ───────────────────────────────────────────────────────────────────

const AZURE_SERIES_BY_NAME: ReadonlyMap<string, AzureAcceleratorSeries> = new Map(
  AZURE_ACCELERATOR_SERIES.map((s) => [s.series, s]),
);

function vmSeriesOf(name: string): AzureAcceleratorSeries {
  const found = AZURE_SERIES_BY_NAME.get(name);
  if (found === undefined) throw new Error(`accelerators: unknown Azure VM series '${name}'`);
  return found;
}

// Every VM series a host names must be catalogued: fail at load, not at first use.
const AZURE_HOST_INDEX: ReadonlyMap<
  string,
  { readonly host: AzureDedicatedHostSeries; readonly series: AzureAcceleratorSeries }
> = new Map(
  AZURE_DEDICATED_HOST_SERIES.map((h) => [
    h.hostSeries.toLowerCase(),
    { host: h, series: vmSeriesOf(h.vmSeries) },
  ]),
);

/** "<host series>-Type<n>": the host SKU shape (general purpose hosts too, "DSv3-Type1"). */
const AZURE_HOST_SKU = /^(.+)-type\d+$/i;

/** Host series of an N family: family letters, feature letters, optional version ("ndamsv4"). */
const AZURE_HOST_SERIES_HEAD = /^(ncc|nc|nd|ng|np|nv)([a-z]*?)(v\d+)?$/;

/**
 * Any name part that starts with N-family letters. No Azure CPU family starts with N, so a host or
 * profile of this shape that the grammar cannot read is still taken as an accelerator (fail closed).
 */
const AZURE_N_FAMILY_PART = /^(ncc|nc|nd|ng|np|nv)[a-z0-9]*$/;

/**
 * What an Azure dedicated-host SKU carries. Host SKUs name the VM series the host runs and a
 * hardware type: "NVASv4-Type1", "NVSv3-Type1" (any case). The hosts Microsoft Learn lists are
 * catalogued; any other host of an N-family series ("NCsv3-Type1", "NDv2-Type1",
 * "NDAMSv4_A100-Type1") is read by the VM-size grammar (family letters, feature letters, version,
 * accelerator after an underscore) and resolved to the catalogued VM series it names, with
 * `catalogued: false`. An N-family host with no matching series gets the chip its accelerator
 * token names, else a generic chip of exportControl "uncertain". Hosts of other families
 * ("DSv3-Type1", "MSv2-Type1") and values that are not host SKUs give undefined.
 */
export function classifyAzureDedicatedHostSku(sku: string): AcceleratorInfo | undefined {
  const name = sku.trim();
  const hostSeries = AZURE_HOST_SKU.exec(name)?.[1]?.toLowerCase();
  if (hostSeries === undefined) return undefined;

  const listed = AZURE_HOST_INDEX.get(hostSeries);
  if (listed !== undefined) {
    return {
      family: `${listed.host.hostSeries} dedicated host (${listed.series.series})`,
      chip: chipEntry(listed.series.chip),
      catalogued: true,
    };
  }

  const [head = "", ...rest] = hostSeries.split("_");
  const parsed = AZURE_HOST_SERIES_HEAD.exec(head);
  const familyLetters = parsed?.[1] ?? AZURE_N_FAMILY_PART.exec(head)?.[1];
  if (familyLetters === undefined) return undefined;
  const family = `${name} dedicated host (uncatalogued host series)`;

  if (parsed !== null) {
    const version = parsed[3] ?? "v1";
    const accelerator = rest.filter((p) => !AZURE_IGNORED_PARTS.has(p))[0] ?? "";
    const series = AZURE_SERIES_INDEX.get(`${familyLetters}|${accelerator}|${version}`);
    if (series !== undefined) {
      return {
        family: `${name} dedicated host (uncatalogued host series; VM series ${series.series})`,
        chip: chipEntry(series.chip),
        catalogued: false,
      };
    }
    const tokenChip = AZURE_ACCELERATOR_TOKENS.get(accelerator);
    if (tokenChip !== undefined) return { family, chip: chipEntry(tokenChip), catalogued: false };
  }
  const kind = AZURE_FAMILY_KIND.get(familyLetters) ?? { kind: "gpu" as const, what: "GPU" };
  return {
    family,
    catalogued: false,
    chip: genericChip(
      `uncatalogued ${kind.what} (Azure ${familyLetters.toUpperCase()} dedicated host)`,
      "unknown",
      kind.kind,
      "A dedicated host of an Azure N-family series not yet catalogued; its accelerator is not classified.",
    ),
  };
}

// ── Azure Container Apps workload profiles ──────────────────────────────────────────────────

const AZURE_WORKLOAD_PROFILE_INDEX: ReadonlyMap<string, AzureWorkloadProfileGpu> = new Map(
  AZURE_CONTAINER_APPS_GPU_PROFILES.map((p) => [p.profile.toLowerCase(), p]),
);

/** Name parts of serverless GPU profiles ("Consumption-GPU-…") that are not the size. */
const AZURE_PROFILE_LABELS: ReadonlySet<string> = new Set(["consumption", "gpu"]);

/**
 * What a Container Apps workload profile type carries, as `workloadProfileType` spells it (parts
 * joined by hyphens; underscores are read the same way), any case: the GPU profiles Microsoft Learn lists ("NC24-A100", "NC48-A100", "NC96-A100",
 * "Consumption-GPU-NC24-A100", "Consumption-GPU-NC8as-T4") are catalogued. Any other name whose
 * size part is an N-family size ("Consumption-GPU-NC40ads-H100", "NC8-L4") or that is labelled GPU
 * gives `catalogued: false`, with the chip its accelerator token names, or a generic chip of
 * exportControl "uncertain". Non-GPU profiles ("Consumption", "D4", "E16", "DC8", "Flexible") give
 * undefined.
 */
export function classifyAzureWorkloadProfile(value: string): AcceleratorInfo | undefined {
  const name = value.trim();
  const listed = AZURE_WORKLOAD_PROFILE_INDEX.get(name.toLowerCase());
  if (listed !== undefined) {
    return {
      family: `Container Apps workload profile ${listed.profile}`,
      chip: chipEntry(listed.chip),
      catalogued: true,
    };
  }

  const parts = name
    .toLowerCase()
    .split(/[-_]/)
    .filter((p) => p !== "");
  const gpuLabelled = parts.includes("gpu");
  const [head = "", ...rest] = parts.filter((p) => !AZURE_PROFILE_LABELS.has(p));
  const familyLetters = AZURE_N_FAMILY_PART.exec(head)?.[1];
  if (familyLetters === undefined && !gpuLabelled) return undefined;

  const family = `Container Apps workload profile ${name} (uncatalogued)`;
  const tokenChip = rest.map((p) => AZURE_ACCELERATOR_TOKENS.get(p)).find((c) => c !== undefined);
  if (tokenChip !== undefined) return { family, chip: chipEntry(tokenChip), catalogued: false };
  const kind = AZURE_FAMILY_KIND.get(familyLetters ?? "") ?? { kind: "gpu" as const, what: "GPU" };
  return {
    family,
    catalogued: false,
    chip: genericChip(
      `uncatalogued ${kind.what} (Container Apps workload profile '${name}')`,
      "unknown",
      kind.kind,
      "A Container Apps GPU workload profile not yet catalogued; its accelerator is not classified.",
    ),
  };
}
