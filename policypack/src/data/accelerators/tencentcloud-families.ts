// Tencent Cloud: the CVM instance families that carry accelerators, each with the chip key it carries
// (data/accelerators/chips.ts). How the cloud spells regions and instance types is described in
// data/regions/tencentcloud.ts.
import { familyRows } from "../table-rows";
import type { AcceleratorFamilyEntry } from "../types";

const fam = familyRows("tencentcloud-gpu-instances", "uncertain");

export const TENCENTCLOUD_ACCELERATOR_FAMILIES: readonly AcceleratorFamilyEntry[] = [
  fam("gn6", "p4", "2026-11-22"),
  fam("gn6s", "p4", "2026-11-22"),
  fam("gn7", "t4", "2026-11-22", "third-party"),
  fam("gn7vw", "t4", "2026-11-22"),
  fam("gn7vi", "t4", "2026-11-22"),
  fam("gn8", "p40", "2026-11-22"),
  fam("gn10x", "v100", "2026-11-22", "third-party"),
  fam("gn10xp", "v100", "2026-11-22", "third-party"),
  fam("gi1", "p4", "2026-11-22"),
  fam("gi3x", "t4", "2026-11-22"),
  fam("gnv4", "a10", "2026-11-22"),
  fam("gnv4v", "a10", "2026-11-22"),
  fam("pnv4", "a10", "2026-11-22"),
  fam("gt4", "a100", "2026-11-22", "third-party"),
  fam("hccpnv4h", "a100", "2026-11-22"),
  fam("hccpnv5", "h800", "2026-11-22"),
];

/** GPU-looking family names the table does not list ("GN11", "PNV6", "HCCPNV6"). */
export const TENCENTCLOUD_ACCELERATOR_PATTERN = /^(?:gn|gt|gi|gnv|pnv|hccpnv|hccg)\d+[a-z]*$/;
