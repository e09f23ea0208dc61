// The fast path of readJsonDocument (json-stream.ts), for well-formed documents read from a file.
//
// Why it exists: the tokenizer path hands every byte to stream-json's tokenizer (a worker thread)
// and assembles collected values token by token on this thread: ~1.0 CPU-s for a 20k-resource
// `pulumi stack export` (22 MB), on a 2-core machine where the pack workers need every CPU-second.
// Here a plain loop only delimits each collected or skipped value in the text (strings, escapes,
// nesting, newlines) and native `JSON.parse` parses its slice: ~0.25 s for the same file.
//
// It is a delimiter, not a JSON parser: JSON.parse judges each value's syntax, and a small strict
// scanner reads the levels that are walked (keys, separators, scalars). It stops (throws Anomaly)
// at anything it is not sure about - any syntax error, an incomplete document, a duplicate key, a
// value nested too deep - and readJsonDocument then reads the input again with the tokenizer path,
// which reports the error exactly as it always has. So this path never reports an input error
// itself, and accepts nothing the tokenizer path rejects:
//   - a slice JSON.parse accepts is exactly one JSON value (it starts at its opening bracket and
//     ends at the matching closing one), and JSON.parse accepts nothing stream-json rejects;
//   - duplicate keys, which JSON.parse silently merges: the delimiter counts the colons outside
//     strings (one per key in valid JSON) and compares them with the keys JSON.parse produced;
//   - nesting deeper than MAX_JSON_DEPTH, counted while delimiting, as the tokenizer path counts it.
// Router calls are made in the tokenizer path's order, with the same paths, values and lines (the
// line a value starts on): a value is delivered when it is complete, a number or literal when the
// character after it is read (as stream-json does: at the end of the input it completes only a
// top-level scalar).
import { MAX_JSON_DEPTH, nextValuePath, passValue } from "./json-position";
import type { WalkFrame } from "./json-position";
import type { PathPart, Router, Step, ValueKind } from "./json-stream";

/** The fast path stops here: the tokenizer path takes over (see readJsonDocument). */
export class Anomaly extends Error {
  constructor() {
    super("the fast JSON path stopped; the tokenizer path reads the input");
  }
}

// What the walked level expects next.
const VALUE = 0;
/** After `[`: a value or `]`. */
const FIRST_VALUE = 1;
/** After `{`: a key or `}`. */
const FIRST_KEY = 2;
const KEY = 3;
const COLON = 4;
/** After a value: `,` or the end of the container. */
const AFTER = 5;
/** The top-level value is complete: only whitespace may follow. */
const DONE = 6;

// Characters outside strings, while delimiting a value (ASCII only; anything else is invalid there,
// which also stops a value whose quotes do not pair up early, instead of at the end of the file).
const INVALID = 0;
const PLAIN = 1;
const QUOTE = 2;
const OPEN = 3;
const CLOSE = 4;
const COLON_CHAR = 5;
const NEWLINE = 6;
const CLASS = new Uint8Array(128);
for (const c of " \t\r,0123456789-+.eEtrufalsn") CLASS[c.charCodeAt(0)] = PLAIN;
CLASS[0x22] = QUOTE;
CLASS[0x7b] = CLASS[0x5b] = OPEN;
CLASS[0x7d] = CLASS[0x5d] = CLOSE;
CLASS[0x3a] = COLON_CHAR;
CLASS[0x0a] = NEWLINE;

const isNumberChar = (c: number) =>
  (c >= 0x30 && c <= 0x39) || c === 0x2d || c === 0x2b || c === 0x2e || c === 0x65 || c === 0x45;

interface Frame extends WalkFrame {
  keys: Set<string> | undefined;
}

/** A collected or skipped container being delimited, possibly over several chunks. */
interface Pending {
  step: Step;
  path: PathPart[];
  line: number;
  depth: number;
  colons: number;
  inString: boolean;
  /** Backslashes at the end of the parts, inside a string (see stringEnd). */
  backslashes: number;
}

/**
 * The index after the closing quote of the string whose body starts at `from`, or -1. `carry`:
 * backslashes that precede `text` (the end of the same string in the previous chunk).
 */
function stringEnd(text: string, from: number, carry = 0): number {
  let i = from;
  for (;;) {
    const q = text.indexOf('"', i);
    if (q < 0) return -1;
    // Escaped when preceded by an odd number of backslashes.
    let k = q - 1;
    while (k >= 0 && text.charCodeAt(k) === 0x5c) k--;
    const run = q - 1 - k + (k < 0 ? carry : 0);
    if ((run & 1) === 0) return q + 1;
    i = q + 1;
  }
}

/** The backslashes at the end of `text` inside a string (see stringEnd). */
function trailingBackslashes(text: string, carry: number): number {
  let k = text.length - 1;
  while (k >= 0 && text.charCodeAt(k) === 0x5c) k--;
  return text.length - 1 - k + (k < 0 ? carry : 0);
}

/** The value of the string `text.slice(start, end)` (quotes included). */
function stringValue(text: string, start: number, end: number): string {
  for (let i = start + 1; i < end - 1; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 || c === 0x5c) return parse(text.slice(start, end)) as string;
  }
  return text.slice(start + 1, end - 1);
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new Anomaly();
  }
}

/** How many keys the objects in `v` have, all levels. */
function countKeys(v: unknown): number {
  if (typeof v !== "object" || v === null) return 0;
  let n = 0;
  if (Array.isArray(v)) {
    for (const e of v) n += countKeys(e);
    return n;
  }
  const o = v as Record<string, unknown>;
  for (const k in o) n += 1 + countKeys(o[k]);
  return n;
}

/**
 * Reads one JSON document given in chunks, routing it as JsonWalker does, or throws Anomaly.
 * Errors the router throws propagate unchanged.
 */
export class FastJsonReader {
  private readonly frames: Frame[] = [];
  private state = VALUE;
  private line = 1;
  /** The unread text: the start of an incomplete token or value, then the latest chunk. */
  private text = "";
  private at = 0;
  /** Where the incomplete token or value starts in `text` (-1: none). */
  private mark = -1;
  private pending: Pending | undefined;
  /**
   * A value or string that continues over chunks is kept in parts (joined once complete), so that
   * a value of any size is scanned once, not once per chunk.
   */
  private parts: string[] = [];
  /** A string at the walked level continues in the next chunk. */
  private inString = false;
  /** Backslashes at the end of the parts, inside a string (see stringEnd). */
  private backslashes = 0;
  private first = true;

  constructor(private readonly router: Router) {}

  /** Read the next chunk (`eof`: there is none; the document must be complete). */
  push(chunk: string, eof = false): void {
    if (this.first && chunk.length > 0) {
      this.first = false;
      if (chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1);
    }
    if (this.mark >= 0 && (this.pending || this.inString)) {
      this.parts.push(this.text.slice(this.mark));
      this.text = chunk;
      this.at = 0;
      this.mark = 0;
    } else if (this.mark >= 0) {
      // A number or literal (short): read again from its start.
      this.text = this.text.slice(this.mark) + chunk;
      this.at -= this.mark;
      this.mark = 0;
    } else {
      this.text = chunk;
      this.at = 0;
    }
    this.run(eof);
  }

  private currentPath(): PathPart[] {
    return nextValuePath(this.frames);
  }

  private valueDone(): void {
    this.state = passValue(this.frames) ? AFTER : DONE;
  }

  private close(): void {
    const frame = this.frames.pop();
    if (frame) this.router.exit?.(frame.path, frame.kind);
    this.valueDone();
  }

  /** Wait for more text from `start` (the start of the incomplete token); at the end, stop. */
  private incomplete(start: number, eof: boolean): void {
    if (eof) throw new Anomaly();
    this.mark = start;
    this.at = start;
  }

  /** The incomplete value's text, from its parts and `text` up to `end`. */
  private joined(end: number): string {
    const last = this.text.slice(this.mark, end);
    this.mark = -1;
    if (this.parts.length === 0) return last;
    const whole = this.parts.join("") + last;
    this.parts = [];
    return whole;
  }

  /**
   * The string token (quotes included) starting at `i`, or continued from the last chunk (then
   * `i` is 0), and the index after it; undefined when it continues in the next chunk.
   */
  private stringToken(i: number, eof: boolean): [string, number] | undefined {
    const text = this.text;
    const resumed = this.inString;
    const end = stringEnd(text, resumed ? i : i + 1, resumed ? this.backslashes : 0);
    if (end < 0) {
      if (eof) throw new Anomaly();
      this.backslashes = trailingBackslashes(text, resumed ? this.backslashes : 0);
      if (!resumed) this.mark = i;
      this.inString = true;
      this.at = text.length;
      return undefined;
    }
    this.inString = false;
    if (!resumed) this.mark = i;
    return [this.joined(end), end];
  }

  private run(eof: boolean): void {
    const text = this.text;
    const n = text.length;
    let i = this.at;
    if (this.pending) {
      const end = this.delimit(i, eof);
      if (end < 0) return;
      i = end;
    } else if (this.inString) {
      const token = this.stringToken(i, eof);
      if (!token) return;
      if (this.state === KEY || this.state === FIRST_KEY) this.key(token[0]);
      else this.route("string", stringValue(token[0], 0, token[0].length));
      i = token[1];
    }
    for (;;) {
      let c = 0;
      for (; i < n; i++) {
        c = text.charCodeAt(i);
        if (c === 0x0a) this.line++;
        else if (c !== 0x20 && c !== 0x0d && c !== 0x09) break;
      }
      if (i >= n) {
        this.mark = -1;
        this.at = n;
        if (eof && this.state !== DONE) throw new Anomaly();
        return;
      }
      switch (this.state) {
        case COLON:
          if (c !== 0x3a) throw new Anomaly();
          i++;
          this.state = VALUE;
          continue;
        case AFTER: {
          const top = this.frames[this.frames.length - 1];
          if (!top) throw new Anomaly();
          if (c === 0x2c) {
            i++;
            this.state = top.kind === "object" ? KEY : VALUE;
          } else if (c === (top.kind === "object" ? 0x7d : 0x5d)) {
            i++;
            this.close();
          } else throw new Anomaly();
          continue;
        }
        case FIRST_KEY:
        case KEY: {
          if (c === 0x7d && this.state === FIRST_KEY) {
            i++;
            this.close();
            continue;
          }
          if (c !== 0x22) throw new Anomaly();
          const token = this.stringToken(i, eof);
          if (!token) return;
          this.key(token[0]);
          i = token[1];
          continue;
        }
        case FIRST_VALUE:
        case VALUE: {
          if (c === 0x5d && this.state === FIRST_VALUE) {
            i++;
            this.close();
            continue;
          }
          if (c === 0x7b || c === 0x5b) {
            if (this.frames.length >= MAX_JSON_DEPTH) throw new Anomaly();
            const kind = c === 0x7b ? "object" : "array";
            const path = this.currentPath();
            const step = this.router.enter(path, kind, this.line);
            if (step === "descend") {
              this.frames.push({ kind, path, index: 0, key: undefined, keys: undefined });
              this.state = kind === "object" ? FIRST_KEY : FIRST_VALUE;
              i++;
              continue;
            }
            this.pending = {
              step,
              path,
              line: this.line,
              depth: 0,
              colons: 0,
              inString: false,
              backslashes: 0,
            };
            this.mark = i;
            const end = this.delimit(i, eof);
            if (end < 0) return;
            i = end;
            continue;
          }
          i = this.scalar(c, i, eof);
          if (i < 0) return;
          continue;
        }
        default:
          throw new Anomaly();
      }
    }
  }

  /** An object's key (its string token), in the object on top. */
  private key(token: string): void {
    const key = stringValue(token, 0, token.length);
    const top = this.frames[this.frames.length - 1];
    if (!top) throw new Anomaly();
    top.keys ??= new Set();
    if (top.keys.has(key)) throw new Anomaly();
    top.keys.add(key);
    top.key = key;
    this.state = COLON;
  }

  /** A scalar at the walked level. */
  private route(kind: ValueKind, value: unknown): void {
    const path = this.currentPath();
    const step = this.router.enter(path, kind, this.line);
    if (step !== "skip") this.router.value(path, value, this.line);
    this.valueDone();
  }

  /** Reads the scalar starting at `i` and routes it; returns the index after it, or -1 (waits). */
  private scalar(c: number, i: number, eof: boolean): number {
    const text = this.text;
    const n = text.length;
    let end: number;
    let value: unknown;
    let kind: ValueKind;
    if (c === 0x22) {
      const token = this.stringToken(i, eof);
      if (!token) return -1;
      [, end] = token;
      value = stringValue(token[0], 0, token[0].length);
      kind = "string";
    } else {
      if (c === 0x2d || (c >= 0x30 && c <= 0x39)) {
        end = i + 1;
        while (end < n && isNumberChar(text.charCodeAt(end))) end++;
        kind = "number";
      } else {
        const word = c === 0x74 ? "true" : c === 0x66 ? "false" : c === 0x6e ? "null" : undefined;
        if (word === undefined) throw new Anomaly();
        end = i + word.length;
        if (end <= n && text.slice(i, end) !== word) throw new Anomaly();
        kind = word === "null" ? "null" : "boolean";
      }
      // Complete when the next character is read; at the end of the input only at the top level.
      if (end > n || (end === n && (!eof || this.frames.length > 0))) {
        this.incomplete(i, eof);
        return -1;
      }
      value = parse(text.slice(i, end));
    }
    this.route(kind, value);
    return end;
  }

  /**
   * Delimits the pending container from `from` (its start, or where the last chunk ended), then
   * parses and routes it. Returns the index after it, or -1 when it continues in the next chunk.
   */
  private delimit(from: number, eof: boolean): number {
    const p = this.pending;
    if (!p) throw new Anomaly();
    const text = this.text;
    const n = text.length;
    const base = this.frames.length;
    let { depth, colons, inString } = p;
    let line = this.line;
    let i = from;
    let end = -1;
    scan: for (;;) {
      if (inString) {
        const q = stringEnd(text, i, p.backslashes);
        if (q < 0) {
          i = n;
          break;
        }
        i = q;
        inString = false;
      }
      while (i < n) {
        const c = text.charCodeAt(i++);
        switch (c < 0x80 ? CLASS[c] : INVALID) {
          case PLAIN:
            continue;
          case QUOTE:
            inString = true;
            continue scan;
          case OPEN:
            if (base + ++depth > MAX_JSON_DEPTH) throw new Anomaly();
            continue;
          case CLOSE:
            if (--depth === 0) {
              end = i;
              break scan;
            }
            continue;
          case COLON_CHAR:
            colons++;
            continue;
          case NEWLINE:
            line++;
            continue;
          default:
            throw new Anomaly();
        }
      }
      break;
    }
    this.line = line;
    if (end < 0) {
      const backslashes = inString ? trailingBackslashes(text, p.backslashes) : 0;
      Object.assign(p, { depth, colons, inString, backslashes });
      if (eof) throw new Anomaly();
      this.at = n;
      return -1;
    }
    this.pending = undefined;
    const value = parse(this.joined(end));
    if (p.step === "collect") {
      // JSON.parse keeps the last of duplicate keys: one key fewer than colons.
      if (countKeys(value) !== colons) throw new Anomaly();
      this.router.value(p.path, value, p.line);
    }
    this.valueDone();
    return end;
  }
}
