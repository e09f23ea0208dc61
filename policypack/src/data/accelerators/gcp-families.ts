// Google Cloud accelerators: accelerator-optimized machine families (the GPU or TPU is part of
// the machine type), attachable accelerator types (`guestAccelerators[].type` on N1 VMs and GKE
// nodes, `acceleratorType` in Vertex AI machine specs), and TPU types (`acceleratorType` "v5p-8"
// or `acceleratorConfig.type` "V5P"). Keys are matched lower case; Vertex AI enum spellings
// ("NVIDIA_TESLA_T4") are read with `_` as `-`.
import { familyRows } from "../table-rows";
import type { AcceleratorFamilyEntry } from "../types";

const fam = familyRows("gcp-gpu-machine-types", "third-party");

/**
 * Machine-type prefixes ("a2-ultragpu" of "a2-ultragpu-8g"), longest match first. The family
 * letters alone ("a3", "ct5p") are listed too, so a new shape of a known family still resolves.
 */
export const GCP_MACHINE_FAMILIES: readonly AcceleratorFamilyEntry[] = [
  fam("a2-highgpu", "a100", "2026-11-22", "third-party", "A100 40GB"),
  fam("a2-megagpu", "a100", "2026-11-22", "third-party", "A100 40GB, 16 per VM"),
  fam("a2-ultragpu", "a100", "2026-11-22", "third-party", "A100 80GB"),
  fam("a2", "a100", "2026-11-22"),
  fam("a3-highgpu", "h100", "2026-11-22"),
  fam("a3-megagpu", "h100", "2026-11-22"),
  fam("a3-edgegpu", "h100", "2026-11-22"),
  fam("a3-ultragpu", "h200", "2026-11-22"),
  fam(
    "a3",
    "h100",
    "2026-11-22",
    "uncertain",
    "A family not listed by shape: A3 Ultra carries H200.",
  ),
  fam("a4x-highgpu", "gb200", "2026-11-22"),
  fam("a4x-maxgpu", "gb300", "2026-11-22", "uncertain"),
  fam("a4x", "gb200", "2026-11-22", "uncertain"),
  fam("a4-highgpu", "b200", "2026-11-22"),
  fam("a4", "b200", "2026-11-22", "uncertain"),
  fam("g2", "l4", "2026-11-22"),
  fam("g4", "rtx-pro-6000-bse", "2026-11-22", "uncertain"),
  // TPU VM machine types used by GKE TPU node pools.
  fam("ct3", "tpu-v3", "2026-11-22", "uncertain", undefined, "gcp-tpu-versions"),
  fam("ct3p", "tpu-v3", "2026-11-22", "uncertain", undefined, "gcp-tpu-versions"),
  fam("ct4p", "tpu-v4", "2026-11-22", "uncertain", undefined, "gcp-tpu-versions"),
  fam("ct5l", "tpu-v5e", "2026-11-22", "uncertain", undefined, "gcp-tpu-versions"),
  fam("ct5lp", "tpu-v5e", "2026-11-22", "third-party", undefined, "gcp-tpu-versions"),
  fam("ct5p", "tpu-v5p", "2026-11-22", "third-party", undefined, "gcp-tpu-versions"),
  fam("ct6e", "tpu-v6e", "2026-11-22", "third-party", undefined, "gcp-tpu-versions"),
  fam("tpu7x", "tpu-v7", "2026-11-22", "uncertain", undefined, "gcp-tpu-versions"),
];

/** Accelerator types (`nvidia-tesla-t4`); a `-vws` (virtual workstation) suffix is the same GPU. */
export const GCP_ACCELERATOR_TYPES: readonly AcceleratorFamilyEntry[] = [
  fam("nvidia-tesla-k80", "k80", "2026-11-22"),
  fam("nvidia-tesla-p100", "p100", "2026-11-22"),
  fam("nvidia-tesla-p4", "p4", "2026-11-22"),
  fam("nvidia-tesla-v100", "v100", "2026-11-22"),
  fam("nvidia-tesla-t4", "t4", "2026-11-22"),
  fam("nvidia-tesla-a100", "a100", "2026-11-22"),
  fam("nvidia-a100-80gb", "a100", "2026-11-22"),
  fam("nvidia-l4", "l4", "2026-11-22"),
  fam("nvidia-h100-80gb", "h100", "2026-11-22"),
  fam("nvidia-h100-mega-80gb", "h100", "2026-11-22"),
  fam("nvidia-h200-141gb", "h200", "2026-11-22"),
  fam("nvidia-b200", "b200", "2026-11-22"),
  fam("nvidia-gb200", "gb200", "2026-11-22"),
  fam("nvidia-gb300", "gb300", "2026-11-22", "uncertain"),
  fam("nvidia-rtx-pro-6000", "rtx-pro-6000-bse", "2026-11-22", "uncertain"),
];

/**
 * TPU generations by the leading part of a TPU type ("v5p" of "v5p-8", "v5litepod" of
 * "v5litepod-16") or of `acceleratorConfig.type` / Vertex AI "TPU_V5_LITEPOD" (read as
 * "v5-litepod"), longest match first.
 */
export const GCP_TPU_TYPES: readonly AcceleratorFamilyEntry[] = [
  fam("v2", "tpu-v2", "2026-11-22", "third-party", undefined, "gcp-tpu-versions"),
  fam("v3", "tpu-v3", "2026-11-22", "third-party", undefined, "gcp-tpu-versions"),
  fam("v4", "tpu-v4", "2026-11-22", "third-party", undefined, "gcp-tpu-versions"),
  fam("v5litepod", "tpu-v5e", "2026-11-22", "third-party", undefined, "gcp-tpu-versions"),
  fam("v5lite", "tpu-v5e", "2026-11-22", "third-party", undefined, "gcp-tpu-versions"),
  fam("v5-litepod", "tpu-v5e", "2026-11-22", "third-party", undefined, "gcp-tpu-versions"),
  fam("v5e", "tpu-v5e", "2026-11-22", "third-party", undefined, "gcp-tpu-versions"),
  fam("v5p", "tpu-v5p", "2026-11-22", "third-party", undefined, "gcp-tpu-versions"),
  fam("v6e", "tpu-v6e", "2026-11-22", "third-party", undefined, "gcp-tpu-versions"),
  fam("tpu7x", "tpu-v7", "2026-11-22", "uncertain", undefined, "gcp-tpu-versions"),
  fam("v7", "tpu-v7", "2026-11-22", "uncertain", undefined, "gcp-tpu-versions"),
];
