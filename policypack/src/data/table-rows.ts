// Row builders shared by the region and accelerator-family tables of the clouds beyond AWS and
// Azure, so each table reads as data: one call per region or family. There is no default review
// date: every row states its own `reviewed`.
import type { AcceleratorFamilyEntry, Cloud, CountryCode, RegionEntry, Sourced } from "./types";

type Confidence = Sourced["confidence"];

/** `(name, country, place, reviewed, confidence?, note?) => RegionEntry` for one cloud and source. */
export function regionRows(
  cloud: Cloud,
  partition: string,
  source: string,
  defaultConfidence: Confidence,
): (
  name: string,
  country: CountryCode,
  place: string,
  reviewed: string,
  confidence?: Confidence,
  note?: string,
) => RegionEntry {
  return (name, country, place, reviewed, confidence = defaultConfidence, note) => ({
    cloud,
    name,
    country,
    place,
    partition,
    source,
    reviewed,
    confidence,
    ...(note !== undefined ? { note } : {}),
  });
}

/** `(family, chip, reviewed, confidence?, note?, source?) => AcceleratorFamilyEntry` with defaults. */
export function familyRows(
  defaultSource: string,
  defaultConfidence: Confidence,
): (
  family: string,
  chip: string,
  reviewed: string,
  confidence?: Confidence,
  note?: string,
  source?: string,
) => AcceleratorFamilyEntry {
  return (
    family,
    chip,
    reviewed,
    confidence = defaultConfidence,
    note,
    source = defaultSource,
  ) => ({
    family,
    chip,
    source,
    reviewed,
    confidence,
    ...(note !== undefined ? { note } : {}),
  });
}
