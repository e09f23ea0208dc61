// Checks one JSON text (an event-log line) before `JSON.parse` reads it, for what `JSON.parse`
// hides or gets wrong: where the text stops being valid (the 0-based offset of the first character
// a JSON parser cannot accept; the text's length when it ends too early - `JSON.parse` does not say
// where on every Node version), duplicate object keys (`JSON.parse` silently keeps the last one),
// and nesting deeper than the scan accepts. Iterative, so no input can exhaust the call stack.
// Also the walk frames the two JSON readers of the scan share (json-stream.ts, json-fast.ts).

import type { PathPart } from "./json-stream";

/** How deep objects and arrays may nest in an input (the top-level value is depth 1). */
export const MAX_JSON_DEPTH = 256;

export interface JsonSyntaxPosition {
  offset: number;
  /** True when the text ended before the value was complete. */
  atEnd: boolean;
}

export type JsonProblem =
  | ({ kind: "syntax" } & JsonSyntaxPosition)
  | {
      kind: "duplicate-key";
      key: string;
      /** Offsets of the two occurrences of the key. */
      first: number;
      second: number;
      /** Path of the object holding the key. */
      path: (string | number)[];
    }
  | { kind: "too-deep"; offset: number; path: (string | number)[] };

class Failure {
  constructor(readonly offset: number) {}
}

interface Container {
  object: boolean;
  /** Keys seen so far and their offsets (objects only). */
  keys: Map<string, number> | undefined;
  /** The current key (objects) or index (arrays). */
  at: string | number;
}

const isWs = (c: number) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
const isDigit = (c: number) => c >= 0x30 && c <= 0x39;

/** The first problem in `text`, or undefined when it is one valid JSON value that is safe to read. */
export function inspectJson(
  text: string,
  {
    maxDepth = MAX_JSON_DEPTH,
    duplicateKeys = true,
  }: { maxDepth?: number; duplicateKeys?: boolean } = {},
): JsonProblem | undefined {
  const n = text.length;
  let i = 0;
  const stack: Container[] = [];
  const path = () => stack.map((c) => c.at);
  const fail = (at = i): never => {
    throw new Failure(at);
  };
  const ws = () => {
    while (i < n && isWs(text.charCodeAt(i))) i++;
  };
  const literal = (word: string) => {
    for (let k = 0; k < word.length; k++) {
      if (text.charCodeAt(i) !== word.charCodeAt(k)) fail();
      i++;
    }
  };
  /** Scans a string starting at its opening quote; returns whether it had escapes. */
  const string = (): boolean => {
    i++;
    let escaped = false;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        i++;
        return escaped;
      }
      if (c < 0x20) fail();
      if (c === 0x5c) {
        escaped = true;
        const e = text[i + 1];
        if (e === undefined) fail(i + 1);
        if (e === "u") {
          for (let k = i + 2; k < i + 6; k++) {
            const h = text.charCodeAt(k);
            if (!(isDigit(h) || (h >= 0x41 && h <= 0x46) || (h >= 0x61 && h <= 0x66))) fail(k);
          }
          i += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i += 2;
        else fail(i + 1);
        continue;
      }
      i++;
    }
    return fail();
  };
  const digits = () => {
    const s = i;
    while (i < n && isDigit(text.charCodeAt(i))) i++;
    if (i === s) fail();
  };
  const number = () => {
    if (text.charCodeAt(i) === 0x2d) i++;
    if (text.charCodeAt(i) === 0x30) i++;
    else digits();
    if (text.charCodeAt(i) === 0x2e) {
      i++;
      digits();
    }
    const e = text.charCodeAt(i);
    if (e === 0x65 || e === 0x45) {
      i++;
      const s = text.charCodeAt(i);
      if (s === 0x2b || s === 0x2d) i++;
      digits();
    }
  };
  /** An object key, then ':'; records it (duplicates are a problem). */
  const key = (top: Container): JsonProblem | undefined => {
    ws();
    if (text.charCodeAt(i) !== 0x22) fail();
    const start = i;
    const escaped = string();
    const k = escaped ? (JSON.parse(text.slice(start, i)) as string) : text.slice(start + 1, i - 1);
    top.at = k;
    if (duplicateKeys) {
      top.keys ??= new Map();
      const first = top.keys.get(k);
      if (first !== undefined) {
        return { kind: "duplicate-key", key: k, first, second: start, path: path().slice(0, -1) };
      }
      top.keys.set(k, start);
    }
    ws();
    if (text.charCodeAt(i) !== 0x3a) fail();
    i++;
    return undefined;
  };
  try {
    for (;;) {
      // A value.
      ws();
      const c = text.charCodeAt(i);
      if (c === 0x7b || c === 0x5b) {
        if (stack.length >= maxDepth) return { kind: "too-deep", offset: i, path: path() };
        const object = c === 0x7b;
        i++;
        ws();
        const close = object ? 0x7d : 0x5d;
        if (text.charCodeAt(i) === close) {
          i++;
        } else {
          const top: Container = { object, keys: undefined, at: 0 };
          stack.push(top);
          if (object) {
            const dup = key(top);
            if (dup) return dup;
          }
          continue;
        }
      } else if (c === 0x22) string();
      else if (c === 0x74) literal("true");
      else if (c === 0x66) literal("false");
      else if (c === 0x6e) literal("null");
      else if (c === 0x2d || isDigit(c)) number();
      else fail();
      // After a value: a separator or the end of containers.
      for (;;) {
        const top = stack[stack.length - 1];
        ws();
        if (!top) {
          if (i < n) fail();
          return undefined;
        }
        const s = text.charCodeAt(i);
        if (s === 0x2c) {
          i++;
          if (top.object) {
            const dup = key(top);
            if (dup) return dup;
          } else top.at = (top.at as number) + 1;
          break;
        }
        if (s === (top.object ? 0x7d : 0x5d)) {
          i++;
          stack.pop();
          continue;
        }
        fail();
      }
    }
  } catch (e) {
    if (!(e instanceof Failure)) throw e;
    return { kind: "syntax", offset: e.offset, atEnd: e.offset >= n };
  }
}

/** The first syntax error in `text`, or undefined when it is one valid JSON value. */
export function jsonSyntaxPosition(text: string): JsonSyntaxPosition | undefined {
  const p = inspectJson(text, { maxDepth: Number.POSITIVE_INFINITY, duplicateKeys: false });
  return p?.kind === "syntax" ? { offset: p.offset, atEnd: p.atEnd } : undefined;
}

/** A container a JSON reader walks into: where it is, and where in it the walk is. */
export interface WalkFrame {
  kind: "object" | "array";
  path: PathPart[];
  /** The next element's index (arrays). */
  index: number;
  /** The key of the value being read (objects). */
  key: string | undefined;
}

/** The path of the value that comes next in the innermost of `frames` (the top-level value's: []). */
export function nextValuePath(frames: readonly WalkFrame[]): PathPart[] {
  const top = frames[frames.length - 1];
  if (!top) return [];
  return [...top.path, top.kind === "array" ? top.index : (top.key ?? "")];
}

/** Moves the innermost of `frames` past a complete value; false when that was the top-level value. */
export function passValue(frames: readonly WalkFrame[]): boolean {
  const top = frames[frames.length - 1];
  if (!top) return false;
  if (top.kind === "array") top.index++;
  else top.key = undefined;
  return true;
}
