// Accelerator catalogue: chips, AWS instance families, Azure N-series sizes, and their US export-control status.
import type { AcceleratorInfo, ChipEntry } from "./types";

export const CHIPS: ReadonlyMap<string, ChipEntry> = new Map();

export function classifyAwsInstanceType(_value: string): AcceleratorInfo | undefined {
  return undefined;
}

export function classifyAwsAcceleratorAttributes(_attrs: {
  names: readonly string[];
  manufacturers: readonly string[];
  types: readonly string[];
}): AcceleratorInfo | undefined {
  return undefined;
}

export function unspecifiedAccelerator(description: string, vendor?: string): AcceleratorInfo {
  return {
    family: description,
    catalogued: false,
    chip: {
      name: "unspecified GPU",
      vendor: vendor ?? "unknown",
      kind: "gpu",
      exportControl: "uncertain",
      basis: "model not visible in the inputs",
      source: "domain-notes",
      reviewed: "2026-11-22",
      confidence: "uncertain",
    },
  };
}

export function classifyAzureVmSize(_value: string): AcceleratorInfo | undefined {
  return undefined;
}

export function classifyAzureContainerGpuSku(_sku: string): AcceleratorInfo | undefined {
  return undefined;
}
