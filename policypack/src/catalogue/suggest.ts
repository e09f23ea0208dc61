// "Did you mean …?" for configuration: the closest known name to a misspelled one, by edit
// distance. The one place that measures how close two names are (settings, policies, regions,
// jurisdiction groups).

/** Levenshtein edit distance: insertions, deletions and substitutions, one each. */
export function levenshtein(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0] ?? 0;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j] ?? 0;
      const left = row[j - 1] ?? 0;
      row[j] = Math.min(above + 1, left + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length] ?? 0;
}

/**
 * The candidate closest to `value` (compared without case), or undefined when none is close
 * enough to be a likely misspelling: at most a third of the longer name's characters differ
 * (and at least one may). Ties go to the earlier candidate.
 */
export function closest(value: string, candidates: Iterable<string>): string | undefined {
  const key = value.trim().toLowerCase();
  let best: { name: string; distance: number } | undefined;
  for (const name of candidates) {
    const distance = levenshtein(key, name.toLowerCase());
    if (best === undefined || distance < best.distance) best = { name, distance };
  }
  if (best === undefined) return undefined;
  const limit = Math.max(1, Math.floor(Math.max(key.length, best.name.length) / 3));
  return best.distance <= limit ? best.name : undefined;
}
