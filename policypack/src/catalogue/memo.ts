// Lookups over the data tables, remembered per key: every policy asks about every resource, and a
// stack has few distinct keys (instance types, type tokens). Only for lookups whose answer depends
// on the key alone (the tables do not change) and is never modified by its callers.

/** `lookup`, remembered for up to `max` distinct keys (then forgotten all at once). */
export function memoised<T>(lookup: (key: string) => T, max = 10_000): (key: string) => T {
  const known = new Map<string, T>();
  return (key) => {
    if (known.has(key)) return known.get(key) as T;
    if (known.size >= max) known.clear();
    const value = lookup(key);
    known.set(key, value);
    return value;
  };
}
