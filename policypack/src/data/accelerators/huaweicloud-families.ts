// Huawei Cloud: the ECS flavor families that carry accelerators, each with the chip key it carries
// (data/accelerators/chips.ts). How the cloud spells regions and instance types is described in
// data/regions/huaweicloud.ts.
import { familyRows } from "../table-rows";
import type { AcceleratorFamilyEntry } from "../types";

const fam = familyRows("huaweicloud-gpu-flavors", "uncertain");

export const HUAWEICLOUD_ACCELERATOR_FAMILIES: readonly AcceleratorFamilyEntry[] = [
  fam("p1", "p100", "2026-11-22"),
  fam("p2", "v100", "2026-11-22"),
  fam("p2s", "v100", "2026-11-22", "third-party"),
  fam("p2v", "v100", "2026-11-22", "third-party"),
  fam("p2vs", "v100", "2026-11-22"),
  fam("p3", "a100", "2026-11-22"),
  fam("pi1", "p4", "2026-11-22"),
  fam("pi2", "t4", "2026-11-22", "third-party"),
  fam("g1", "m60", "2026-11-22"),
  fam("g3", "m60", "2026-11-22"),
  fam("g5", "v100", "2026-11-22"),
  fam("g6", "t4", "2026-11-22"),
  fam("g6v", "t4", "2026-11-22"),
  fam("kat1", "ascend-910", "2026-11-22"),
  fam("kai1", "ascend-310", "2026-11-22"),
  fam("ai1", "ascend-310", "2026-11-22"),
  fam("ai1s", "ascend-310", "2026-11-22"),
];

/** Accelerator-looking family names the table does not list ("p4", "pi3", "g7", "kat2"). */
export const HUAWEICLOUD_ACCELERATOR_PATTERN = /^(?:p|pi|g|kat|kai|ai)\d+[a-z]*$/;
