// A stand-in for data/accelerators in the extraction tests. The extractors' job is to find every
// place a size or GPU is chosen and hand the value to the catalogue; these tests prove that, so
// they use a small catalogue of their own and record every value the extractor asked about.
import type * as Accelerators from "../../../../policypack/src/catalogue/accelerators";
import type { AcceleratorInfo } from "../../../../policypack/src/data/types";

const actual: typeof Accelerators = jest.requireActual(
  "../../../../policypack/src/catalogue/accelerators",
);

/** Sizes the fake catalogue knows as accelerators (case-insensitive, `Standard_` optional). */
export const FAKE_GPU_SIZES: ReadonlyMap<string, string> = new Map([
  ["nd96asr_v4", "A100"],
  ["nc24ads_a100_v4", "A100"],
  ["nc6s_v3", "V100"],
]);

/** Dedicated-host SKUs the fake catalogue knows (case-insensitive). */
export const FAKE_HOST_SKUS: ReadonlyMap<string, string> = new Map([
  ["ncsv3-type1", "V100"],
  ["nvasv4-type1", "MI25"],
]);

/** Container Apps workload profile types the fake catalogue knows (case-insensitive). */
export const FAKE_WORKLOAD_PROFILES: ReadonlyMap<string, string> = new Map([
  ["nc24-a100", "A100"],
  ["consumption-gpu-nc8as-t4", "T4"],
]);

export const FAKE_CONTAINER_SKUS: ReadonlyMap<string, string> = new Map([
  ["v100", "V100"],
  ["k80", "K80"],
]);

/** Every value classifyAzureVmSize was asked about since the last reset. */
export const asked: string[] = [];
/** Every value classifyAzureDedicatedHostSku was asked about since the last reset. */
export const askedHosts: string[] = [];
/** Every value classifyAzureWorkloadProfile was asked about since the last reset. */
export const askedProfiles: string[] = [];

export function resetAsked(): void {
  for (const list of [asked, askedHosts, askedProfiles]) list.length = 0;
}

function info(family: string, chip: string): AcceleratorInfo {
  const base = actual.unspecifiedAccelerator(family, "NVIDIA");
  return { family, catalogued: true, chip: { ...base.chip, name: chip } };
}

export function classifyAzureVmSize(value: string): AcceleratorInfo | undefined {
  asked.push(value);
  const key = value.toLowerCase().replace(/^standard_/, "");
  const chip = FAKE_GPU_SIZES.get(key);
  return chip ? info(key, chip) : undefined;
}

export function classifyAzureDedicatedHostSku(sku: string): AcceleratorInfo | undefined {
  askedHosts.push(sku);
  const chip = FAKE_HOST_SKUS.get(sku.toLowerCase());
  return chip ? info(`host ${sku}`, chip) : undefined;
}

export function classifyAzureWorkloadProfile(value: string): AcceleratorInfo | undefined {
  askedProfiles.push(value);
  const chip = FAKE_WORKLOAD_PROFILES.get(value.toLowerCase());
  return chip ? info(`profile ${value}`, chip) : undefined;
}

export function classifyAzureContainerGpuSku(sku: string): AcceleratorInfo | undefined {
  const chip = FAKE_CONTAINER_SKUS.get(sku.toLowerCase());
  return chip ? info(`container ${sku}`, chip) : undefined;
}

export const unspecifiedAccelerator = actual.unspecifiedAccelerator;
export const classifyAwsInstanceType = actual.classifyAwsInstanceType;
export const classifyAwsAcceleratorAttributes = actual.classifyAwsAcceleratorAttributes;
export const CHIPS = actual.CHIPS;
