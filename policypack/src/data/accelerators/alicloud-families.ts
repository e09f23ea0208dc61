// Alibaba Cloud: the ECS instance families that carry accelerators, each with the chip key it carries
// (data/accelerators/chips.ts). How the cloud spells regions and instance types is described in
// data/regions/alicloud.ts.
import { familyRows } from "../table-rows";
import type { AcceleratorFamilyEntry } from "../types";

const fam = familyRows("alicloud-gpu-families", "third-party");

export const ALICLOUD_ACCELERATOR_FAMILIES: readonly AcceleratorFamilyEntry[] = [
  fam("gn4", "m40", "2026-11-22", "uncertain"),
  fam("gn5", "p100", "2026-11-22"),
  fam("gn5i", "p4", "2026-11-22"),
  fam("gn6v", "v100", "2026-11-22"),
  fam("gn6e", "v100", "2026-11-22"),
  fam("gn6i", "t4", "2026-11-22"),
  fam("gn7", "a100", "2026-11-22"),
  fam("gn7e", "a100", "2026-11-22", "uncertain", "A100 80GB as rendered by third parties."),
  fam("gn7i", "a10", "2026-11-22"),
  fam("gn7s", "a30", "2026-11-22", "uncertain"),
  fam("gn8is", "l20", "2026-11-22", "uncertain"),
  fam(
    "gn8v",
    "h20",
    "2026-11-22",
    "uncertain",
    "China-market data-centre GPU; model not confirmed.",
  ),
  fam("vgn5i", "p4", "2026-11-22", "uncertain", "vGPU slices of the P4."),
  fam("vgn6i", "t4", "2026-11-22", "uncertain", "vGPU slices of the T4."),
  fam("vgn7i", "a10", "2026-11-22", "uncertain", "vGPU slices of the A10."),
  fam("sgn7i", "a10", "2026-11-22", "uncertain", "Shared vGPU slices of the A10."),
  fam("ga1", "firepro-s7150x2", "2026-11-22", "uncertain"),
  fam("f1", "arria-10", "2026-11-22", "uncertain"),
  fam("f3", "vu9p", "2026-11-22", "uncertain"),
];

/** GPU-looking family names the table does not list ("gn9", "ebmgn8x", "vgn8i"). */
export const ALICLOUD_ACCELERATOR_PATTERN = /^(?:[vs]?gn|ga)\d+[a-z]*$/;
