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

  /**
   * `prefixOf` gives the literal text every match of a pattern starts with, or undefined when the
   * pattern is literal and matches exactly its own text (see picomatchPrefix, minimatchPrefix).
   */
  constructor(private readonly prefixOf: (pattern: string) => string | undefined) {}

  get size(): number {
    return this.added;
  }

  /**
   * Adds a pattern. `test` is the compiled matcher; it is used only for patterns that are not
   * literal.
   */
  add(pattern: string, value: T, test: (text: string) => boolean): void {
    const prefix = this.prefixOf(pattern);
    const order = this.added++;
    if (prefix === undefined) {
      push(this.exact, pattern, { order, value });
      return;
    }
    if (!this.prefixLengths.includes(prefix.length)) {
      this.prefixLengths = [...this.prefixLengths, prefix.length].sort((a, b) => a - b);
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

/** Characters that start a glob in picomatch's bash mode (wildcards, classes, braces, extglobs, escapes). */
const PICOMATCH_SPECIAL = /[*?[\]{}()!+@|\\]/;

/**
 * The literal prefix of a picomatch pattern (bash mode), as PatternIndex wants it. picomatch drops a
 * leading "./", and "X/**" also matches "X" itself, so such patterns are indexed by less.
 */
export function picomatchPrefix(pattern: string): string | undefined {
  if (pattern.startsWith("./")) return "";
  const at = pattern.search(PICOMATCH_SPECIAL);
  if (at < 0) return pattern.endsWith("/") ? pattern.replace(/\/+$/, "") : undefined;
  return pattern.slice(0, at).replace(/\/+$/, "");
}

/** Characters that start a glob for minimatch without extglobs and braces. */
const MINIMATCH_SPECIAL = /[*?[\\]/;

/**
 * The literal prefix of a minimatch pattern (nobrace, noext), as PatternIndex wants it. minimatch
 * normalises paths ("a//b" is "a/b", "a/b/../c" is "a/c", "X/**" also matches "X"), so the prefix
 * stops before any "//" or "/." and drops trailing slashes; a pattern starting with "." gets none.
 */
export function minimatchPrefix(pattern: string): string | undefined {
  const at = pattern.search(MINIMATCH_SPECIAL);
  if (at < 0 && !pattern.includes("/")) return undefined;
  const literal = at < 0 ? pattern : pattern.slice(0, at);
  let end = literal.length;
  for (const marker of ["//", "/."]) {
    const i = literal.indexOf(marker);
    if (i >= 0 && i < end) end = i;
  }
  const prefix = literal.slice(0, end).replace(/\/+$/, "");
  return prefix.startsWith(".") ? "" : prefix;
}
