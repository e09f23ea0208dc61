// Chips met only through the clouds beyond AWS and Azure (Google Cloud TPUs and GPU models that
// Alibaba Cloud, Tencent Cloud and Huawei Cloud offer), in the same shape and with the same rules
// as chips.ts. `chipEntry` looks a key up in both tables, so the classifiers of the other clouds
// see one catalogue.
//
// Figures are recalled from vendor datasheets and announcements, not re-read, so every entry that
// is not far from a threshold is "uncertain"; the policies count "uncertain" as controlled.
import { CHIPS } from "./chips";
import type { ChipEntry } from "./types";

const REVIEWED = "2026-11-22";

type ChipRow = ChipEntry & { readonly key: string };

function row(entry: Omit<ChipRow, "reviewed">): ChipRow {
  return { ...entry, reviewed: REVIEWED };
}

const TPU_NOTE =
  "Google TPUs are not sold as parts; the class follows the chip's parameters and decides only the export-controlled scope.";

const EXTRA_CHIP_ROWS: readonly ChipRow[] = [
  // Google Cloud TPUs
  row({
    key: "tpu-v2",
    name: "Google Cloud TPU v2",
    vendor: "Google",
    kind: "ai-asic",
    exportControl: "not-controlled",
    basis: "≈ 45 TFLOPS bf16 per chip × 16 ≈ 720 TPP, far below 1,600",
    source: "gcp-tpu-versions",
    confidence: "uncertain",
    note: TPU_NOTE,
  }),
  row({
    key: "tpu-v3",
    name: "Google Cloud TPU v3",
    vendor: "Google",
    kind: "ai-asic",
    exportControl: "uncertain",
    basis: "≈ 123 TFLOPS bf16 per chip × 16 ≈ 1,970 TPP; PD depends on a die area not published",
    source: "gcp-tpu-versions",
    confidence: "uncertain",
    note: TPU_NOTE,
  }),
  row({
    key: "tpu-v4",
    name: "Google Cloud TPU v4",
    vendor: "Google",
    kind: "ai-asic",
    exportControl: "uncertain",
    basis: "≈ 275 TFLOPS bf16 × 16 ≈ 4,400 TPP; .a.2 if PD ≥ 5.92 (die area not published)",
    source: "gcp-tpu-versions",
    confidence: "uncertain",
    note: TPU_NOTE,
  }),
  row({
    key: "tpu-v5e",
    name: "Google Cloud TPU v5e",
    vendor: "Google",
    kind: "ai-asic",
    exportControl: "uncertain",
    basis: "≈ 197 TFLOPS bf16 / 394 TOPS int8 ≈ 3,150 TPP; PD unknown",
    source: "gcp-tpu-versions",
    confidence: "uncertain",
    note: TPU_NOTE,
  }),
  row({
    key: "tpu-v5p",
    name: "Google Cloud TPU v5p",
    vendor: "Google",
    kind: "ai-asic",
    exportControl: "controlled",
    basis: "≈ 459 TFLOPS bf16 × 16 ≈ 7,340 TPP ≥ 4,800 (3A090.a by parameters)",
    source: "gcp-tpu-versions",
    confidence: "uncertain",
    note: TPU_NOTE,
  }),
  row({
    key: "tpu-v6e",
    name: "Google Cloud TPU v6e (Trillium)",
    vendor: "Google",
    kind: "ai-asic",
    exportControl: "controlled",
    basis: "≈ 918 TFLOPS bf16 × 16 ≈ 14,700 TPP ≥ 4,800 (3A090.a by parameters)",
    source: "gcp-tpu-versions",
    confidence: "uncertain",
    note: TPU_NOTE,
  }),
  row({
    key: "tpu-v7",
    name: "Google Cloud TPU7x (Ironwood)",
    vendor: "Google",
    kind: "ai-asic",
    exportControl: "controlled",
    basis: "≈ 4,600 TFLOPS FP8 × 8 ≫ 4,800 TPP (3A090.a by parameters)",
    source: "gcp-tpu-versions",
    confidence: "uncertain",
    note: TPU_NOTE,
  }),
  // NVIDIA models offered by the listed providers (and GCP's P4)
  row({
    key: "p4",
    name: "NVIDIA Tesla P4",
    vendor: "NVIDIA",
    kind: "gpu",
    exportControl: "not-controlled",
    basis: "≈ 22 TOPS int8 × 8 ≈ 176 TPP, far below 1,600",
    source: "nvidia-datasheets",
    confidence: "uncertain",
  }),
  row({
    key: "m40",
    name: "NVIDIA Tesla M40",
    vendor: "NVIDIA",
    kind: "gpu",
    exportControl: "not-controlled",
    basis: "≈ 7 TFLOPS FP32 × 32 ≈ 220 TPP, far below 1,600",
    source: "nvidia-datasheets",
    confidence: "uncertain",
  }),
  row({
    key: "a30",
    name: "NVIDIA A30",
    vendor: "NVIDIA",
    kind: "gpu",
    exportControl: "uncertain",
    basis: "≈ 165 TFLOPS FP16 dense × 16 ≈ 2,640 TPP with PD ≈ 3.2: at the 3A090.b boundary",
    source: "nvidia-datasheets",
    confidence: "uncertain",
  }),
  row({
    key: "l20",
    name: "NVIDIA L20",
    vendor: "NVIDIA",
    kind: "gpu",
    exportControl: "uncertain",
    basis:
      "A China-market part designed below the Oct 2023 thresholds; no authoritative figures read",
    source: "nvidia-datasheets",
    confidence: "uncertain",
  }),
  // Huawei Ascend
  row({
    key: "ascend-910",
    name: "Huawei Ascend 910",
    vendor: "Huawei",
    kind: "ai-asic",
    exportControl: "uncertain",
    basis:
      "≈ 256 TFLOPS FP16 × 16 ≈ 4,100 TPP with PD ≈ 9 would meet 3A090.a.2 by parameters; not a US-origin item",
    source: "huaweicloud-gpu-flavors",
    confidence: "uncertain",
  }),
  row({
    key: "ascend-310",
    name: "Huawei Ascend 310",
    vendor: "Huawei",
    kind: "ai-asic",
    exportControl: "not-controlled",
    basis: "≈ 22 TOPS int8 × 8 ≈ 176 TPP, far below 1,600",
    source: "huaweicloud-gpu-flavors",
    confidence: "uncertain",
  }),
  // FPGAs offered by Alibaba Cloud
  row({
    key: "arria-10",
    name: "Intel Arria 10 FPGA",
    vendor: "Intel",
    kind: "fpga",
    exportControl: "not-controlled",
    basis: "An FPGA; not a 3A090 IC (other ECCNs may apply)",
    source: "alicloud-gpu-families",
    confidence: "uncertain",
  }),
];

/** Chips beyond chips.ts, keyed like CHIPS ("tpu-v5p", "ascend-910"). */
export const EXTRA_CHIPS: ReadonlyMap<string, ChipEntry> = new Map(
  EXTRA_CHIP_ROWS.map(({ key, ...entry }) => [key, entry]),
);

for (const key of EXTRA_CHIPS.keys()) {
  if (CHIPS.has(key)) throw new Error(`chips-extra: '${key}' is already in chips.ts`);
}

/** A chip of either catalogue; throws for an unknown key (tables are checked at load). */
export function chipEntry(key: string): ChipEntry {
  const found = CHIPS.get(key) ?? EXTRA_CHIPS.get(key);
  if (found === undefined) throw new Error(`chips: unknown chip '${key}'`);
  return found;
}
