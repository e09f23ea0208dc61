// Row builders shared by the region and accelerator-family tables of the clouds beyond AWS and
// Azure, so each table reads as data: one call per region or family.
import type { AcceleratorFamilyEntry, Cloud, CountryCode, RegionEntry, Sourced } from "./types";

export const OTHER_CLOUDS_REVIEWED = "2026-11-22";

type Confidence = Sourced["confidence"];

/** `(name, country, place, confidence?, note?) => RegionEntry` for one cloud and source. */
export function regionRows(
  cloud: Cloud,
  partition: string,
  source: string,
  defaultConfidence: Confidence,
): (
  name: string,
  country: CountryCode,
  place: string,
  confidence?: Confidence,
  note?: string,
) => RegionEntry {
  return (name, country, place, confidence = defaultConfidence, note) => ({
    cloud,
    name,
    country,
    place,
    partition,
    source,
    reviewed: OTHER_CLOUDS_REVIEWED,
    confidence,
    ...(note !== undefined ? { note } : {}),
  });
}

/** `(family, chip, confidence?, note?, source?) => AcceleratorFamilyEntry` with defaults. */
export function familyRows(
  defaultSource: string,
  defaultConfidence: Confidence,
): (
  family: string,
  chip: string,
  confidence?: Confidence,
  note?: string,
  source?: string,
) => AcceleratorFamilyEntry {
  return (family, chip, confidence = defaultConfidence, note, source = defaultSource) => ({
    family,
    chip,
    source,
    reviewed: OTHER_CLOUDS_REVIEWED,
    confidence,
    ...(note !== undefined ? { note } : {}),
  });
}
