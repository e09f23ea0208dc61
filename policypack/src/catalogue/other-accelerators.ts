// Accelerator classifiers for the clouds beyond AWS and Azure: Google Cloud machine types,
// accelerator types and TPU types; Alibaba Cloud ECS instance types; Tencent Cloud CVM instance
// types; Huawei Cloud ECS flavors. Each reads a value as the provider spells it, resolves its
// family against the tables of data/accelerators/ (<cloud>-families.ts) and the chip catalogue
// (chips.ts). A family that looks like an accelerator
// family but is not listed gives `catalogued: false` with a generic chip of exportControl
// "uncertain"; anything else (CPU families) gives undefined.
import {
  ALICLOUD_ACCELERATOR_FAMILIES,
  ALICLOUD_ACCELERATOR_PATTERN,
} from "../data/accelerators/alicloud-families";
import {
  GCP_ACCELERATOR_TYPES,
  GCP_MACHINE_FAMILIES,
  GCP_TPU_TYPES,
} from "../data/accelerators/gcp-families";
import {
  HUAWEICLOUD_ACCELERATOR_FAMILIES,
  HUAWEICLOUD_ACCELERATOR_PATTERN,
} from "../data/accelerators/huaweicloud-families";
import {
  TENCENTCLOUD_ACCELERATOR_FAMILIES,
  TENCENTCLOUD_ACCELERATOR_PATTERN,
} from "../data/accelerators/tencentcloud-families";
import {
  YANDEX_GPU_PLATFORM_PATTERN,
  YANDEX_GPU_PLATFORMS,
} from "../data/accelerators/yandex-families";
import type {
  AcceleratorFamilyEntry,
  AcceleratorInfo,
  AcceleratorKind,
  ChipEntry,
} from "../data/types";
import { chipEntry } from "./chips";

/** The review date of the generic chip given to an uncatalogued family (not a data row). */
const UNCATALOGUED_REVIEWED = "2026-11-22";

// Every chip a table names must be catalogued: fail at load, not at first use.
for (const entry of [
  ...GCP_MACHINE_FAMILIES,
  ...GCP_ACCELERATOR_TYPES,
  ...GCP_TPU_TYPES,
  ...ALICLOUD_ACCELERATOR_FAMILIES,
  ...TENCENTCLOUD_ACCELERATOR_FAMILIES,
  ...HUAWEICLOUD_ACCELERATOR_FAMILIES,
  ...YANDEX_GPU_PLATFORMS,
]) {
  chipEntry(entry.chip);
}

function uncatalogued(
  name: string,
  vendor: string,
  kind: AcceleratorKind,
  what: string,
): ChipEntry {
  return {
    name,
    vendor,
    kind,
    exportControl: "uncertain",
    basis: `${what} not yet catalogued; its accelerator is not classified.`,
    source: "project-domain-notes",
    reviewed: UNCATALOGUED_REVIEWED,
    confidence: "uncertain",
  };
}

function index(
  entries: readonly AcceleratorFamilyEntry[],
): ReadonlyMap<string, AcceleratorFamilyEntry> {
  return new Map(entries.map((e) => [e.family, e]));
}

function info(label: string, entry: AcceleratorFamilyEntry): AcceleratorInfo {
  return { family: `${entry.family} (${label})`, chip: chipEntry(entry.chip), catalogued: true };
}

/** The longest table family that is the whole value or a `-`-separated prefix of it. */
function byPrefix(
  value: string,
  entries: readonly AcceleratorFamilyEntry[],
): AcceleratorFamilyEntry | undefined {
  let best: AcceleratorFamilyEntry | undefined;
  for (const e of entries) {
    if (
      (value === e.family || value.startsWith(`${e.family}-`)) &&
      e.family.length > (best?.family.length ?? 0)
    ) {
      best = e;
    }
  }
  return best;
}

/** The last path segment of a self link ("zones/us-central1-a/machineTypes/a2-highgpu-1g"). */
function lastSegment(value: string): string {
  const parts = value.trim().split("/");
  return (parts[parts.length - 1] ?? "").trim().toLowerCase();
}

// ── Google Cloud ────────────────────────────────────────────────────────────────────────────

const GCP = "Google Cloud";

/**
 * Accelerator-optimized machine series by leading letters, so a next generation ("a5-…",
 * "g6-…", "ct7p-…", "tpu8x-…") is caught before it is catalogued. Google Cloud's CPU families
 * (e2, n1–n4, c2–c4, m1–m4, h3, t2a/t2d, x4, z3) never start with these letters and a digit; the
 * shared-core g1-small (and f1-micro) is the one CPU type of the G letters, so G starts at g2.
 */
export const GCP_MACHINE_SERIES: readonly {
  readonly series: string;
  readonly pattern: RegExp;
  readonly vendor: string;
  readonly kind: AcceleratorKind;
  readonly what: string;
}[] = [
  { series: "A", pattern: /^a\d+[a-z]*$/, vendor: "NVIDIA", kind: "gpu", what: "GPU" },
  { series: "G", pattern: /^g(?:[2-9]|\d{2,})[a-z]*$/, vendor: "NVIDIA", kind: "gpu", what: "GPU" },
  { series: "CT", pattern: /^ct\d+[a-z]*$/, vendor: "Google", kind: "ai-asic", what: "TPU" },
  { series: "TPU", pattern: /^tpu\d+[a-z]*$/, vendor: "Google", kind: "ai-asic", what: "TPU" },
];

/** An accelerator-optimized machine type ("a3-highgpu-8g", "g2-standard-4", "ct5lp-hightpu-4t"). */
export function classifyGcpMachineType(value: string): AcceleratorInfo | undefined {
  const name = lastSegment(value);
  if (name === "") return undefined;
  const entry = byPrefix(name, GCP_MACHINE_FAMILIES);
  if (entry) return info(GCP, entry);
  const family = name.split("-")[0] ?? "";
  const series = GCP_MACHINE_SERIES.find((s) => s.pattern.test(family));
  if (!series) return undefined;
  return {
    family: `${family} (${GCP}, uncatalogued)`,
    catalogued: false,
    chip: uncatalogued(
      `uncatalogued ${series.what} (${GCP} ${series.series} series)`,
      series.vendor,
      series.kind,
      `A new machine family of the ${GCP} ${series.series} series`,
    ),
  };
}

/** "NVIDIA_TESLA_T4" → "nvidia-tesla-t4"; self links to their last segment; "-vws" dropped. */
function gcpAcceleratorName(value: string): string {
  return lastSegment(value).replace(/_/g, "-").replace(/-vws$/, "");
}

const GCP_ACCELERATOR_INDEX = index(GCP_ACCELERATOR_TYPES);

/**
 * An accelerator type as `guestAccelerators[].type`, a Vertex AI `acceleratorType` or a GKE
 * autoscaling resource limit names it: "nvidia-tesla-t4", "NVIDIA_H100_80GB", a self link, or a
 * TPU ("TPU_V5_LITEPOD"). Unknown NVIDIA or TPU names give a generic "uncertain" chip;
 * "ACCELERATOR_TYPE_UNSPECIFIED" and other names give undefined.
 */
export function classifyGcpAcceleratorType(value: string): AcceleratorInfo | undefined {
  const name = gcpAcceleratorName(value);
  const listed = GCP_ACCELERATOR_INDEX.get(name);
  if (listed) return info(GCP, listed);
  if (name.startsWith("tpu-")) return classifyGcpTpuType(name);
  if (name.startsWith("nvidia-")) {
    return {
      family: `${name} (${GCP}, uncatalogued)`,
      catalogued: false,
      chip: uncatalogued(
        `uncatalogued NVIDIA GPU '${name}'`,
        "NVIDIA",
        "gpu",
        "A Google Cloud accelerator type",
      ),
    };
  }
  return undefined;
}

/**
 * A TPU type or generation: "v5p-8", "v2-32", "v5litepod-16", `acceleratorConfig.type` "V5P" or
 * "V5LITE_POD", Vertex AI "TPU_V4_POD". A later generation ("v8-…") gives a generic chip.
 */
export function classifyGcpTpuType(value: string): AcceleratorInfo | undefined {
  const name = gcpAcceleratorName(value).replace(/^tpu-/, "");
  if (name === "") return undefined;
  const entry = byPrefix(name, GCP_TPU_TYPES);
  if (entry) return info(`${GCP} TPU`, entry);
  if (/^v\d+/.test(name)) {
    return {
      family: `TPU ${name} (${GCP}, uncatalogued)`,
      catalogued: false,
      chip: uncatalogued(
        `uncatalogued Google TPU '${name}'`,
        "Google",
        "ai-asic",
        "A TPU generation",
      ),
    };
  }
  return undefined;
}

// ── Listed providers' clouds ────────────────────────────────────────────────────────────────

interface FamilyClassifier {
  readonly label: string;
  readonly entries: readonly AcceleratorFamilyEntry[];
  readonly pattern: RegExp;
  /** The family part of a value, lower case. */
  family(value: string): string;
}

function familyClassifier(spec: FamilyClassifier): (value: string) => AcceleratorInfo | undefined {
  const byFamily = index(spec.entries);
  return (value) => {
    const family = spec.family(value.trim().toLowerCase());
    if (family === "") return undefined;
    const listed = byFamily.get(family);
    if (listed) return info(spec.label, listed);
    if (!spec.pattern.test(family)) return undefined;
    return {
      family: `${family} (${spec.label}, uncatalogued)`,
      catalogued: false,
      chip: uncatalogued(
        `uncatalogued accelerator (${spec.label} ${family})`,
        "unknown",
        "gpu",
        `A ${spec.label} family`,
      ),
    };
  };
}

/**
 * An Alibaba Cloud ECS instance type: "ecs.gn7i-c8g1.2xlarge" → gn7i, "ecs.ebmgn7e.32xlarge" →
 * gn7e (bare metal), "ecs.sccgn7ex.32xlarge" → gn7ex (super computing cluster), "ecs.vgn6i-m4-vws.xlarge" → vgn6i.
 */
export const classifyAlicloudInstanceType = familyClassifier({
  label: "Alibaba Cloud",
  entries: ALICLOUD_ACCELERATOR_FAMILIES,
  pattern: ALICLOUD_ACCELERATOR_PATTERN,
  family: (v) => {
    const body = v.replace(/^ecs\./, "").split(".")[0] ?? "";
    return (body.split("-")[0] ?? "").replace(/^(?:ebm|scc)(?=[a-z]*\d)/, "");
  },
});

/** A Tencent Cloud CVM instance type: "GN7.2XLARGE32" → gn7, "GN10Xp.2XLARGE40" → gn10xp. */
export const classifyTencentcloudInstanceType = familyClassifier({
  label: "Tencent Cloud",
  entries: TENCENTCLOUD_ACCELERATOR_FAMILIES,
  pattern: TENCENTCLOUD_ACCELERATOR_PATTERN,
  family: (v) => v.split(".")[0] ?? "",
});

/** A Huawei Cloud flavor: "p2s.2xlarge.8" → p2s, "physical.pi2.2xlarge" → pi2. */
export const classifyHuaweicloudFlavor = familyClassifier({
  label: "Huawei Cloud",
  entries: HUAWEICLOUD_ACCELERATOR_FAMILIES,
  pattern: HUAWEICLOUD_ACCELERATOR_PATTERN,
  family: (v) => v.replace(/^physical\./, "").split(".")[0] ?? "",
});

/** A Yandex Cloud Compute platform: "gpu-standard-v3" → A100, "standard-v3-t4" → T4. */
export const classifyYandexPlatform = familyClassifier({
  label: "Yandex Cloud",
  entries: YANDEX_GPU_PLATFORMS,
  pattern: YANDEX_GPU_PLATFORM_PATTERN,
  family: (v) => v,
});
