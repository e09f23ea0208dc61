// The chip catalogue as a lookup: every row of data/accelerators/chips.ts by its key.
import { CHIP_ROWS } from "../data/accelerators/chips";
import type { ChipEntry } from "../data/types";

/** Every catalogued chip, keyed by a lower-case id ("a100", "trainium2", "tpu-v5p"). */
export const CHIPS: ReadonlyMap<string, ChipEntry> = new Map(
  CHIP_ROWS.map(({ key, ...entry }) => [key, entry]),
);

/** The chip with this key; throws for an unknown key (the family tables are checked at load). */
export function chipEntry(key: string): ChipEntry {
  const found = CHIPS.get(key);
  if (found === undefined) throw new Error(`chips: unknown chip '${key}'`);
  return found;
}
