// Azure N-family VM series (NC, NCC, ND, NG, NP, NV) and the chip each carries. The size name
// grammar is [family][vCPUs][features]_[accelerator]_[version] (Microsoft Learn naming conventions).
import type { ChipEntry } from "../types";

export interface AzureAcceleratorSeries {
  /** Series as Microsoft names it ("NC A100 v4"). */
  readonly series: string;
  /** Family letters of the size ("nc", "nd", "nv", "ng", "np", "ncc"). */
  readonly family: string;
  /** Accelerator token in the size name ("a100" in NC24ads_A100_v4); "" when the size has none. */
  readonly accelerator: string;
  /** Version suffix ("v4"); "v1" when the size has none (NC6, ND6s, NP10s). */
  readonly version: string;
  /** CHIPS key. */
  readonly chip: string;
  /** Example size. */
  readonly example: string;
  readonly source: string;
  readonly reviewed: string;
  readonly confidence: ChipEntry["confidence"];
  readonly note?: string;
}

export const AZURE_ACCELERATOR_SERIES: readonly AzureAcceleratorSeries[] = [
  {
    series: "NC",
    family: "nc",
    accelerator: "",
    version: "v1",
    chip: "k80",
    example: "Standard_NC6",
    source: "agentbaker",
    reviewed: "2026-11-22",
    confidence: "verified",
  },
  {
    series: "NCv2",
    family: "nc",
    accelerator: "",
    version: "v2",
    chip: "p100",
    example: "Standard_NC6s_v2",
    source: "agentbaker",
    reviewed: "2026-11-22",
    confidence: "verified",
  },
  {
    series: "NCv3",
    family: "nc",
    accelerator: "",
    version: "v3",
    chip: "v100",
    example: "Standard_NC6s_v3",
    source: "agentbaker",
    reviewed: "2026-11-22",
    confidence: "verified",
  },
  {
    series: "NCasT4_v3",
    family: "nc",
    accelerator: "t4",
    version: "v3",
    chip: "t4",
    example: "Standard_NC4as_T4_v3",
    source: "agentbaker",
    reviewed: "2026-11-22",
    confidence: "verified",
  },
  {
    series: "NC A100 v4",
    family: "nc",
    accelerator: "a100",
    version: "v4",
    chip: "a100",
    example: "Standard_NC24ads_A100_v4",
    source: "agentbaker",
    reviewed: "2026-11-22",
    confidence: "verified",
  },
  {
    series: "NCads A10 v4",
    family: "nc",
    accelerator: "a10",
    version: "v4",
    chip: "a10",
    example: "Standard_NC8ads_A10_v4",
    source: "agentbaker",
    reviewed: "2026-11-22",
    confidence: "verified",
  },
  {
    series: "NC H100 v5",
    family: "nc",
    accelerator: "h100",
    version: "v5",
    chip: "h100",
    example: "Standard_NC40ads_H100_v5",
    source: "agentbaker",
    reviewed: "2026-11-22",
    confidence: "verified",
  },
  {
    series: "NC RTX PRO 6000 BSE v6",
    family: "nc",
    accelerator: "rtxpro6000bse",
    version: "v6",
    chip: "rtx-pro-6000-bse",
    example: "Standard_NC128ds_xl_RTXPRO6000BSE_v6",
    source: "agentbaker",
    reviewed: "2026-11-22",
    confidence: "verified",
  },
  {
    series: "NCCads H100 v5",
    family: "ncc",
    accelerator: "h100",
    version: "v5",
    chip: "h100",
    example: "Standard_NCC40ads_H100_v5",
    source: "azure-gpu-sizes",
    reviewed: "2026-11-22",
    confidence: "third-party",
    note: "Confidential-computing H100 series; chip per third-party material.",
  },
  {
    series: "ND",
    family: "nd",
    accelerator: "",
    version: "v1",
    chip: "p40",
    example: "Standard_ND6s",
    source: "agentbaker",
    reviewed: "2026-11-22",
    confidence: "verified",
  },
  {
    series: "NDv2",
    family: "nd",
    accelerator: "",
    version: "v2",
    chip: "v100",
    example: "Standard_ND40rs_v2",
    source: "agentbaker",
    reviewed: "2026-11-22",
    confidence: "verified",
  },
  {
    series: "NDv3",
    family: "nd",
    accelerator: "",
    version: "v3",
    chip: "v100",
    example: "Standard_ND40s_v3",
    source: "azure-gpu-sizes",
    reviewed: "2026-11-22",
    confidence: "uncertain",
    note: "Preview-era size; chip recalled.",
  },
  {
    series: "ND A100 v4",
    family: "nd",
    accelerator: "",
    version: "v4",
    chip: "a100",
    example: "Standard_ND96asr_v4",
    source: "agentbaker",
    reviewed: "2026-11-22",
    confidence: "verified",
  },
  {
    series: "ND A100 v4 / NDm A100 v4",
    family: "nd",
    accelerator: "a100",
    version: "v4",
    chip: "a100",
    example: "Standard_ND96amsr_A100_v4",
    source: "agentbaker",
    reviewed: "2026-11-22",
    confidence: "verified",
  },
  {
    series: "ND H100 v5",
    family: "nd",
    accelerator: "h100",
    version: "v5",
    chip: "h100",
    example: "Standard_ND96isr_H100_v5",
    source: "agentbaker",
    reviewed: "2026-11-22",
    confidence: "verified",
  },
  {
    series: "ND H200 v5",
    family: "nd",
    accelerator: "h200",
    version: "v5",
    chip: "h200",
    example: "Standard_ND96isr_H200_v5",
    source: "azure-gpu-sizes",
    reviewed: "2026-11-22",
    confidence: "third-party",
  },
  {
    series: "ND MI300X v5",
    family: "nd",
    accelerator: "mi300x",
    version: "v5",
    chip: "mi300x",
    example: "Standard_ND96isr_MI300X_v5",
    source: "azure-gpu-sizes",
    reviewed: "2026-11-22",
    confidence: "verified",
  },
  {
    series: "ND GB200 v6",
    family: "nd",
    accelerator: "gb200",
    version: "v6",
    chip: "gb200",
    example: "Standard_ND128isr_NDR_GB200_v6",
    source: "azure-gpu-sizes",
    reviewed: "2026-11-22",
    confidence: "third-party",
  },
  {
    series: "ND GB300 v6",
    family: "nd",
    accelerator: "gb300",
    version: "v6",
    chip: "gb300",
    example: "Standard_ND128isr_GB300_v6",
    source: "azure-gpu-sizes",
    reviewed: "2026-11-22",
    confidence: "third-party",
  },
  {
    series: "NV",
    family: "nv",
    accelerator: "",
    version: "v1",
    chip: "m60",
    example: "Standard_NV6",
    source: "agentbaker",
    reviewed: "2026-11-22",
    confidence: "verified",
  },
  {
    series: "NVv3",
    family: "nv",
    accelerator: "",
    version: "v3",
    chip: "m60",
    example: "Standard_NV12s_v3",
    source: "agentbaker",
    reviewed: "2026-11-22",
    confidence: "verified",
  },
  {
    series: "NVv4",
    family: "nv",
    accelerator: "",
    version: "v4",
    chip: "mi25",
    example: "Standard_NV4as_v4",
    source: "azure-gpu-sizes",
    reviewed: "2026-11-22",
    confidence: "uncertain",
    note: "AMD MI25 recalled.",
  },
  {
    series: "NVads A10 v5",
    family: "nv",
    accelerator: "a10",
    version: "v5",
    chip: "a10",
    example: "Standard_NV6ads_A10_v5",
    source: "agentbaker",
    reviewed: "2026-11-22",
    confidence: "verified",
  },
  {
    series: "NVads V710 v5",
    family: "nv",
    accelerator: "v710",
    version: "v5",
    chip: "radeon-pro-v710",
    example: "Standard_NV4ads_V710_v5",
    source: "azure-gpu-sizes",
    reviewed: "2026-11-22",
    confidence: "third-party",
  },
  {
    series: "NGads V620",
    family: "ng",
    accelerator: "v620",
    version: "v1",
    chip: "radeon-pro-v620",
    example: "Standard_NG8ads_V620_v1",
    source: "azure-gpu-sizes",
    reviewed: "2026-11-22",
    confidence: "third-party",
  },
  {
    series: "NP",
    family: "np",
    accelerator: "",
    version: "v1",
    chip: "u250",
    example: "Standard_NP10s",
    source: "azure-gpu-sizes",
    reviewed: "2026-11-22",
    confidence: "uncertain",
    note: "Xilinx U250 recalled.",
  },
];

// ── Dedicated hosts ──────────────────────────────────────────────────────────────────────────

/**
 * A GPU dedicated-host series. Host SKUs are "<host series>-Type<n>" ("NVASv4-Type1"); a host runs
 * VMs of one VM series only, so it carries that series' accelerator.
 */
export interface AzureDedicatedHostSeries {
  /** Host series as the SKU spells it before "-Type<n>" ("NVASv4"); matched case-insensitively. */
  readonly hostSeries: string;
  /** The VM series the host runs: a `series` of AZURE_ACCELERATOR_SERIES ("NVv4"). */
  readonly vmSeries: string;
  /** Example host SKU. */
  readonly example: string;
  readonly source: string;
  readonly reviewed: string;
  readonly confidence: ChipEntry["confidence"];
  readonly note?: string;
}

/**
 * The GPU host SKUs Microsoft Learn lists ("GPU optimized Azure Dedicated Host SKUs"). Other GPU
 * host names ("NCsv3-Type1", "NDAMSv4_A100-Type1") are not documented there; the classifier still
 * recognises them by the naming grammar, as not catalogued.
 */
export const AZURE_DEDICATED_HOST_SERIES: readonly AzureDedicatedHostSeries[] = [
  {
    hostSeries: "NVASv4",
    vmSeries: "NVv4",
    example: "NVASv4-Type1",
    source: "azure-dedicated-host-gpu-skus",
    reviewed: "2026-11-22",
    confidence: "verified",
    note: "Learn: NVasv4-Type1 runs NVsv4-series VMs with AMD Radeon Instinct MI25 GPUs.",
  },
  {
    hostSeries: "NVSv3",
    vmSeries: "NVv3",
    example: "NVSv3-Type1",
    source: "azure-dedicated-host-gpu-skus",
    reviewed: "2026-11-22",
    confidence: "verified",
    note: "Learn: NVsv3-Type1 runs NVv3-series VMs with NVIDIA Tesla M60 GPUs.",
  },
];

// ── Container Apps workload profiles ─────────────────────────────────────────────────────────

/** A Container Apps GPU workload profile type, as `workloadProfiles[].workloadProfileType` names it. */
export interface AzureWorkloadProfileGpu {
  /** Profile type as Microsoft spells it ("NC24-A100", "Consumption-GPU-NC8as-T4"). */
  readonly profile: string;
  /** CHIPS key. */
  readonly chip: string;
  readonly kind: "dedicated" | "consumption";
  readonly source: string;
  readonly reviewed: string;
  readonly confidence: ChipEntry["confidence"];
  readonly note?: string;
}

const PROFILES_SOURCE = "azure-container-apps-workload-profiles";

export const AZURE_CONTAINER_APPS_GPU_PROFILES: readonly AzureWorkloadProfileGpu[] = [
  {
    profile: "NC24-A100",
    chip: "a100",
    kind: "dedicated",
    source: PROFILES_SOURCE,
    reviewed: "2026-11-22",
    confidence: "verified",
  },
  {
    profile: "NC48-A100",
    chip: "a100",
    kind: "dedicated",
    source: PROFILES_SOURCE,
    reviewed: "2026-11-22",
    confidence: "verified",
  },
  {
    profile: "NC96-A100",
    chip: "a100",
    kind: "dedicated",
    source: PROFILES_SOURCE,
    reviewed: "2026-11-22",
    confidence: "verified",
  },
  {
    profile: "Consumption-GPU-NC24-A100",
    chip: "a100",
    kind: "consumption",
    source: PROFILES_SOURCE,
    reviewed: "2026-11-22",
    confidence: "verified",
    note: "Learn lists the two serverless GPU profiles together with 'NVIDIA T4, A100'; the A100 goes with the profile that names it.",
  },
  {
    profile: "Consumption-GPU-NC8as-T4",
    chip: "t4",
    kind: "consumption",
    source: PROFILES_SOURCE,
    reviewed: "2026-11-22",
    confidence: "verified",
    note: "Learn lists the two serverless GPU profiles together with 'NVIDIA T4, A100'; the T4 goes with the profile that names it.",
  },
];

/** The GPU SKUs of Azure Container Instances (`gpu.sku`), lower case, and the chip each carries. */
export const AZURE_CONTAINER_GPU_SKU_ROWS: readonly {
  readonly sku: string;
  readonly chip: string;
  readonly source: string;
  readonly reviewed: string;
}[] = [
  { sku: "k80", chip: "k80", source: "azure-aci-gpu", reviewed: "2026-11-22" },
  { sku: "p100", chip: "p100", source: "azure-aci-gpu", reviewed: "2026-11-22" },
  { sku: "v100", chip: "v100", source: "azure-aci-gpu", reviewed: "2026-11-22" },
];
