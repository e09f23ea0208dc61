// Globs looked up by the text they must match, without testing every glob per lookup (exemption
// URN globs, endpoint service-name globs). A glob can only match text that starts with its literal
// prefix (the characters before its first special character), so globs are bucketed by that prefix
// and a lookup probes one bucket per distinct prefix length; literal patterns are one Map hit. The
// cost of a lookup follows the number of distinct prefix lengths and the globs that share the
// text's prefix, not the size of the table.

interface Entry<T> {
  readonly order: number;
  readonly value: T;
  readonly test?: (text: string) => boolean;
}

export class PatternIndex<T> {
  private readonly exact = new Map<string, Entry<T>[]>();
  private readonly byPrefix = new Map<string, Entry<T>[]>();
  /** Distinct literal-prefix lengths of the globs, ascending. */
  private prefixLengths: number[] = [];
  private added = 0;

  /** `special` finds the first character that makes a pattern a glob in the matcher's syntax. */
  constructor(private readonly special: RegExp) {}

  get size(): number {
    return this.added;
  }

  /**
   * Adds a pattern. `test` is the compiled matcher; it is used only when the pattern has a special
   * character, a literal pattern matching exactly its own text.
   */
  add(pattern: string, value: T, test: (text: string) => boolean): void {
    const at = pattern.search(this.special);
    const order = this.added++;
    if (at < 0) {
      push(this.exact, pattern, { order, value });
      return;
    }
    const prefix = pattern.slice(0, at);
    if (!this.byPrefix.has(prefix) && !this.prefixLengths.includes(at)) {
      this.prefixLengths = [...this.prefixLengths, at].sort((a, b) => a - b);
    }
    push(this.byPrefix, prefix, { order, value, test });
  }

  /** The values of every pattern that matches `text`, in the order they were added. */
  lookup(text: string): T[] {
    if (this.added === 0) return [];
    const hits: Entry<T>[] = [...(this.exact.get(text) ?? [])];
    for (const length of this.prefixLengths) {
      if (length > text.length) break;
      for (const e of this.byPrefix.get(text.slice(0, length)) ?? []) {
        if (e.test?.(text)) hits.push(e);
      }
    }
    if (hits.length > 1) hits.sort((a, b) => a.order - b.order);
    return hits.map((e) => e.value);
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
