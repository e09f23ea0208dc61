// Yandex Cloud: the Compute Cloud platforms (`platformId`) that carry GPUs, with the chip each
// carries (data/accelerators/chips.ts), from Yandex Cloud's "Platforms" page (GPU platforms:
// gpu-standard-v1/v2 Tesla V100, gpu-standard-v3 A100, standard-v3-t4 Tesla T4). The page names
// the accelerators of gpu-standard-v3i ("Gen2"), standard-v3-t4i ("T4i") and gpu-standard-v4
// ("GPU V4") only by code names, so they are GPU platforms of an unnamed chip.
import { familyRows } from "../table-rows";
import type { AcceleratorFamilyEntry } from "../types";

const fam = familyRows("yandex-compute-platforms", "verified");

export const YANDEX_GPU_PLATFORMS: readonly AcceleratorFamilyEntry[] = [
  fam("gpu-standard-v1", "v100", "2026-12-07"),
  fam("gpu-standard-v2", "v100", "2026-12-07"),
  fam("gpu-standard-v3", "a100", "2026-12-07"),
  fam("standard-v3-t4", "t4", "2026-12-07"),
];

/** GPU platforms by name: every `gpu-*` platform and the `-t4`-style variants ("standard-v3-t4i"). */
export const YANDEX_GPU_PLATFORM_PATTERN = /^gpu-|-t\d+[a-z]*$/;
