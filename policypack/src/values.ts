// Reading resource properties as the engine sends them, without ever failing open.
//
// Props arrive either wrapped in the policy SDK's unknown-checking proxy (inside the pack) or as
// plain objects (unit tests, offline scans). Computed values arrive as sentinel strings. This module
// unwraps the proxy once and gives every reader a three-way answer: a value, `undefined` (absent),
// or a `Computed` marker naming the property path that is only known at `pulumi up`.

/**
 * The engine's unknown value (`plugin.UnknownStringValue`): every value computed during preview
 * reaches an analyzer as this string. The one definition, for the pack and the CLI's runner
 * (`jurisdiction-guard/values`).
 */
export const UNKNOWN_STRING = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

/** The sentinels the engine and the policy SDK use for values that are unknown during preview. */
export const UNKNOWN_SENTINELS: ReadonlySet<string> = new Set([
  "1c4a061d-8072-4f0a-a4cb-0ff528b18fe7", // boolean
  "3eeb2bf0-c639-47a8-9e75-3b44932eb421", // number
  UNKNOWN_STRING, // string (the engine sends every unknown as this one)
  "6a19a0b0-7e62-4c92-b797-7f8e31da9cc2", // array
  "030794c1-ac77-496b-92df-f27374a8bd58", // asset
  "e48ece36-62e2-4504-bad9-02848725956a", // archive
  "dd056dcd-154b-4c76-9bd3-c8f88648b5ff", // object
]);

/** The property a value came from, when that value is only computed at `pulumi up`. */
export class Computed {
  constructor(readonly path: string) {}
  toString(): string {
    return `<computed ${this.path}>`;
  }
}

export type Props = Readonly<Record<string, unknown>>;
export type Read<T> = T | Computed | undefined;

const PROXY_TARGET = "__getSpecialProxyTarget";

/** Returns the plain object behind the policy SDK's unknown-checking proxy (or the value itself). */
export function unwrap<T>(value: T): T {
  if (value !== null && typeof value === "object") {
    const target = (value as Record<string, unknown>)[PROXY_TARGET];
    if (target !== undefined && target !== null && typeof target === "object") return target as T;
  }
  return value;
}

export function isUnknown(value: unknown): boolean {
  return typeof value === "string" && UNKNOWN_SENTINELS.has(value);
}

export function isComputed(value: unknown): value is Computed {
  return value instanceof Computed;
}

/** Splits "a.b[0].c" into ["a", "b", 0, "c"]; paths are literals of the extractors, so memoised. */
function splitPath(path: string): readonly (string | number)[] {
  let parts = splitPaths.get(path);
  if (!parts) {
    parts = splitUncached(path);
    if (splitPaths.size >= MAX_MEMOISED_PATHS) splitPaths.clear();
    splitPaths.set(path, parts);
  }
  return parts;
}
const MAX_MEMOISED_PATHS = 10_000;
const splitPaths = new Map<string, readonly (string | number)[]>();

function splitUncached(path: string): (string | number)[] {
  const out: (string | number)[] = [];
  for (const part of path.split(".")) {
    const m = /^([^[\]]*)((?:\[\d+\])*)$/.exec(part);
    if (!m) {
      out.push(part);
      continue;
    }
    if (m[1]) out.push(m[1]);
    for (const idx of (m[2] ?? "").matchAll(/\[(\d+)\]/g)) out.push(Number(idx[1]));
  }
  return out;
}

function joinPath(base: string, key: string | number): string {
  if (typeof key === "number") return `${base}[${key}]`;
  return base ? `${base}.${key}` : key;
}

/**
 * Reads `path` below `root`. A JSON-encoded object or array met on the way (explicit providers
 * serialise list inputs as JSON strings) is decoded. `basePath` prefixes the path in `Computed`.
 */
export function read(root: unknown, path: string, basePath = ""): Read<unknown> {
  let cur: unknown = unwrap(root);
  let at = basePath;
  for (const key of path === "" ? [] : splitPath(path)) {
    if (isUnknown(cur)) return new Computed(at || path);
    cur = decodeJsonContainer(cur);
    if (cur === null || cur === undefined || typeof cur !== "object") return undefined;
    cur = (cur as Record<string | number, unknown>)[key];
    at = joinPath(at, key);
  }
  if (isUnknown(cur)) return new Computed(at || path);
  return cur === null ? undefined : cur;
}

/** A JSON string that holds an array or object is decoded; anything else is returned as is. */
export function decodeJsonContainer(value: unknown): unknown {
  if (typeof value !== "string") return value;
  const t = value.trim();
  if (!(t.startsWith("[") || t.startsWith("{"))) return value;
  try {
    return JSON.parse(t) as unknown;
  } catch {
    return value;
  }
}

/** A string at `path` (numbers are stringified); other shapes read as absent. */
export function readString(root: unknown, path: string, basePath = ""): Read<string> {
  const v = read(root, path, basePath);
  if (v instanceof Computed) return v;
  if (typeof v === "string") return v === "" ? undefined : v;
  if (typeof v === "number" || typeof v === "bigint") return String(v);
  return undefined;
}

/**
 * The items of the list at `path` with their own paths. A list given as a JSON string is decoded;
 * a single non-list value is read as a one-item list; a computed list yields one `Computed`.
 */
export function readList(
  root: unknown,
  path: string,
  basePath = "",
): { items: { value: unknown; path: string }[]; computed?: Computed } {
  const full = basePath ? (path ? `${basePath}.${path}` : basePath) : path;
  const v = read(root, path, basePath);
  if (v instanceof Computed) return { items: [], computed: v };
  if (v === undefined) return { items: [] };
  const decoded = decodeJsonContainer(v);
  if (Array.isArray(decoded)) {
    const items: { value: unknown; path: string }[] = [];
    let computed: Computed | undefined;
    decoded.forEach((item, i) => {
      const p = `${full}[${i}]`;
      if (isUnknown(item)) computed ??= new Computed(p);
      else if (item !== null && item !== undefined) items.push({ value: item, path: p });
    });
    return { items, computed };
  }
  return { items: [{ value: decoded, path: full }] };
}

/** Strings of the list at `path`, each with its path; computed items are reported. */
export function readStrings(
  root: unknown,
  path: string,
  basePath = "",
): { values: { value: string; path: string }[]; computed?: Computed } {
  const { items, computed } = readList(root, path, basePath);
  const values: { value: string; path: string }[] = [];
  for (const it of items) {
    if (typeof it.value === "string" && it.value !== "")
      values.push({ value: it.value, path: it.path });
    else if (typeof it.value === "number") values.push({ value: String(it.value), path: it.path });
  }
  return { values, computed };
}

/** Plain-object check that also sees through the SDK proxy. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  const v = unwrap(value);
  return v !== null && typeof v === "object" && !Array.isArray(v);
}
