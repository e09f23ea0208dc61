// The fast path of readJsonDocument (json-fast.ts) against the tokenizer path: the same router
// calls (paths, values, lines) for well-formed documents however they are chunked and formatted,
// and, for every kind of bad input, the tokenizer path's error - with the router calls the fast
// path already made not made again.
import * as fs from "fs";
import fc from "fast-check";
import { gzipSync } from "zlib";
import { prng } from "../../../bench/workload";
import { ScanInputError } from "../../../cli/scan/errors";
import { Anomaly, FastJsonReader } from "../../../cli/scan/json-fast";
import { readJsonDocument, tokenizerReads } from "../../../cli/scan/json-stream";
import type { PathPart, Router, Step } from "../../../cli/scan/json-stream";
import { InputSource } from "../../../cli/scan/source";
import { tmpFile } from "./tmp-files";

/** A value as text that tells -0 from 0, own `__proto__` keys and prototypes apart. */
function canon(v: unknown): string {
  if (typeof v === "number") return Object.is(v, -0) ? "-0" : String(v);
  if (typeof v === "string") return JSON.stringify(v);
  if (v === null || typeof v !== "object") return String(v);
  if (Array.isArray(v)) return `[${v.map(canon).join(",")}]`;
  const proto = Object.getPrototypeOf(v) === Object.prototype ? "" : "!proto";
  const o = v as Record<string, unknown>;
  return `{${proto}${Object.keys(o)
    .map((k) => `${JSON.stringify(k)}:${canon(o[k])}`)
    .join(",")}}`;
}

type Route = (path: readonly PathPart[]) => Step;

/** A router that logs every call; `route` picks the steps. */
function recorder(route: Route): { router: Router; calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    router: {
      enter(path, kind, line) {
        calls.push(`enter ${JSON.stringify(path)} ${kind} ${line}`);
        return route(path);
      },
      value(path, value, line) {
        calls.push(`value ${JSON.stringify(path)} ${canon(value)} ${line}`);
      },
      exit(path, kind) {
        calls.push(`exit ${JSON.stringify(path)} ${kind}`);
      },
    },
  };
}

/** Steps picked by a hash of the path: the same document is routed the same way by both paths. */
function hashRoute(seed: number): Route {
  return (path) => {
    if (path.length === 0) return "descend";
    let h = seed | 0;
    for (const ch of JSON.stringify(path)) h = (Math.imul(h, 31) + ch.charCodeAt(0)) | 0;
    return (["descend", "collect", "skip"] as const)[(h >>> 0) % 3] ?? "skip";
  };
}

const noDrain = async () => undefined;
let files = 0;
const newFile = (text: string) => tmpFile(`fast-${files++}.json`, text);

async function slowCalls(file: string, route: Route): Promise<string[]> {
  const { router, calls } = recorder(route);
  await readJsonDocument(file, router, noDrain, "a JSON document", { fast: false });
  return calls;
}

/**
 * The fast path's calls, reading the file in `chunkSize` chunks as readJsonDocument does; throws
 * Anomaly where readJsonDocument would fall back to the tokenizer path. readJsonDocument itself
 * must make the same calls.
 */
async function fastCalls(file: string, route: Route, chunkSize = 256 * 1024): Promise<string[]> {
  const { router, calls } = recorder(route);
  const reader = new FastJsonReader(router);
  for await (const chunk of InputSource.open(file, chunkSize).chunks()) reader.push(chunk);
  reader.push("", true);
  const whole = recorder(route);
  const before = tokenizerReads.count;
  await readJsonDocument(InputSource.open(file, chunkSize), whole.router, noDrain);
  expect(tokenizerReads.count).toBe(before);
  expect(whole.calls).toEqual(calls);
  return calls;
}

// ── generated documents ─────────────────────────────────────────────────────────────────────────

interface Style {
  indent: string;
  newline: string;
  /** Per character: write it as \uXXXX. */
  escapeRate: number;
  rng: () => number;
}

function writeString(s: string, style: Style): string {
  let out = '"';
  for (const ch of s) {
    const hex = [...Array(ch.length).keys()]
      .map((k) => `\\u${ch.charCodeAt(k).toString(16).padStart(4, "0")}`)
      .join("");
    if (ch === '"') out += '\\"';
    else if (ch === "\\") out += "\\\\";
    else if (ch === "/" && style.rng() < 0.5) out += "\\/";
    else if (ch.charCodeAt(0) < 0x20) out += ch === "\n" ? "\\n" : ch === "\t" ? "\\t" : hex;
    else if (style.rng() < style.escapeRate) out += hex;
    else out += ch;
  }
  return out + '"';
}

function writeNumber(n: number, style: Style): string {
  if (Object.is(n, -0)) return "-0";
  const s = JSON.stringify(n);
  if (Number.isInteger(n) && Math.abs(n) < 1e15 && style.rng() < 0.2) return `${s}.0E+0`;
  return s;
}

function write(v: unknown, style: Style, depth = 0): string {
  if (typeof v === "string") return writeString(v, style);
  if (typeof v === "number") return writeNumber(v, style);
  if (v === null || typeof v !== "object") return String(v);
  const pad = style.indent === "" ? "" : style.newline + style.indent.repeat(depth + 1);
  const end = style.indent === "" ? "" : style.newline + style.indent.repeat(depth);
  const colon = style.indent === "" ? ":" : ": ";
  const parts = Array.isArray(v)
    ? v.map((e) => write(e, style, depth + 1))
    : Object.keys(v).map(
        (k) =>
          writeString(k, style) +
          colon +
          write((v as Record<string, unknown>)[k], style, depth + 1),
      );
  const [open, close] = Array.isArray(v) ? ["[", "]"] : ["{", "}"];
  if (parts.length === 0) return open + close;
  return open + pad + parts.join("," + pad) + end + close;
}

/** Keys that matter: `__proto__`, numeric ones (which objects order first), escapes, non-ASCII. */
const key = fc.oneof(
  fc.constantFrom("__proto__", "constructor", "1", "01", "a", "urn", 'q"uote', "back\\slash"),
  fc.string({ maxLength: 6, unit: "grapheme" }),
);
const scalar = fc.oneof(
  fc.string({ maxLength: 12, unit: "grapheme" }),
  fc.string({ maxLength: 4, unit: "binary" }),
  fc.constantFrom("\u2028", "é", "中文", "😀", "\ud800", "a/b", ""),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(0, -0, 1e21, 1.5e-300),
  fc.boolean(),
  fc.constant(null),
);
const { tree } = fc.letrec((tie) => ({
  tree: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    scalar,
    tie("array"),
    tie("object"),
  ),
  array: fc.array(tie("tree"), { maxLength: 5 }),
  object: fc
    .uniqueArray(fc.tuple(key, tie("tree")), { maxLength: 5, selector: ([k]) => k })
    .map((entries) => {
      const o: Record<string, unknown> = {};
      for (const [k, v] of entries) Object.defineProperty(o, k, { value: v, enumerable: true });
      return o;
    }),
}));
/** A document: an object at the top, as the scan's inputs are, with a list of records. */
const documents = fc.record({
  head: fc.dictionary(key, tree, { maxKeys: 3 }),
  items: fc.array(tree, { maxLength: 6 }),
  tail: tree,
});
const styles = fc.record({
  indent: fc.constantFrom("", "  ", "\t"),
  newline: fc.constantFrom("\n", "\r\n"),
  escapeRate: fc.constantFrom(0, 0.1),
  seed: fc.integer(),
  bom: fc.boolean(),
});

function text(
  doc: { head: unknown; items: unknown; tail: unknown },
  s: { indent: string; newline: string; escapeRate: number; seed: number; bom: boolean },
) {
  const style: Style = { ...s, rng: prng(s.seed) };
  return (s.bom ? "\ufeff" : "") + write(doc, style) + s.newline;
}

const record = [
  "{",
  '  "version": 3,',
  '  "deployment": {',
  '    "resources": [',
  '      {"urn": "a\\"b\\\\c\\u00e9\\ud83d\\ude00", "outputs": {"x": [1, -0, 2.5e3, true, null]}},',
  '      {"urn": "é中文😀", "__proto__": {"polluted": true}, "n": {"__proto__": []}}',
  "    ]",
  "  }",
  "}",
];
const collectResources: Route = (path) =>
  path.length === 3 || path[0] === "version" ? "collect" : "descend";

describe("the fast JSON path routes like the tokenizer path", () => {
  it("makes the same calls for generated documents, any chunk size", async () => {
    await fc.assert(
      fc.asyncProperty(
        documents,
        styles,
        fc.integer(),
        fc.constantFrom(1, 3, 17, 4096),
        async (doc, style, routeSeed, chunkSize) => {
          const file = newFile(text(doc, style));
          const route = hashRoute(routeSeed);
          expect(await fastCalls(file, route, chunkSize)).toEqual(await slowCalls(file, route));
        },
      ),
      { numRuns: 60 },
    );
  });

  it("makes the same calls whatever the chunks (split anywhere, even inside a surrogate pair)", async () => {
    await fc.assert(
      fc.asyncProperty(documents, styles, fc.integer(), fc.integer(), async (doc, style, r, s) => {
        // As a file holds it (a lone surrogate is written as U+FFFD).
        const t = Buffer.from(text(doc, style)).toString();
        const file = newFile(t);
        const route = hashRoute(r);
        const { router, calls } = recorder(route);
        const reader = new FastJsonReader(router);
        const rng = prng(s);
        for (let i = 0; i < t.length;) {
          const n = 1 + Math.floor(rng() * 40);
          reader.push(t.slice(i, i + n));
          i += n;
        }
        reader.push("", true);
        expect(calls).toEqual(await slowCalls(file, route));
      }),
      { numRuns: 60 },
    );
  });

  it("reads values across chunk boundaries, multi-byte UTF-8 and escapes included", async () => {
    const file = newFile(record.join("\n"));
    const slow = await slowCalls(file, collectResources);
    for (const size of [1, 2, 3, 5, 64]) {
      expect(await fastCalls(file, collectResources, size)).toEqual(slow);
    }
    expect(slow).toContain(
      `value ["deployment","resources",0] {"urn":${JSON.stringify('a"b\\cé😀')},"outputs":{"x":[1,-0,2500,true,null]}} 5`,
    );
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
  });

  it("reads runs of backslashes and escaped quotes split over chunks, walked or collected", async () => {
    // Keys and values ending in backslashes, and escaped quotes after runs of them.
    const bs = (n: number) => "\\".repeat(n);
    const t = JSON.stringify({
      [`k${bs(3)}"`]: `a${bs(5)}"b${bs(2)}`,
      [`x${bs(1)}`]: [{ s: `${bs(7)}"${bs(4)}`, [bs(2)]: `"${bs(1)}` }],
    });
    const file = newFile(t);
    for (const route of [hashRoute(0), hashRoute(1), hashRoute(2), (() => "descend") as Route]) {
      const slow = await slowCalls(file, route);
      for (const size of [1, 2, 3, 4]) expect(await fastCalls(file, route, size)).toEqual(slow);
    }
  });

  it("counts lines the same with CRLF, a byte-order mark, and on one line", async () => {
    for (const t of [
      "\ufeff" + record.join("\r\n") + "\r\n",
      record.join("\n"),
      record.map((l) => l.trim()).join(""),
      record.join("\n\n"),
    ]) {
      const file = newFile(t);
      const slow = await slowCalls(file, collectResources);
      expect(await fastCalls(file, collectResources, 7)).toEqual(slow);
      expect(await fastCalls(file, collectResources)).toEqual(slow);
    }
  });

  it("reads a top-level scalar, and values exactly MAX_JSON_DEPTH deep", async () => {
    const deep = "[".repeat(256) + "]".repeat(256);
    for (const t of ["3", "3\n", '"x"', "true", "null", deep, `{"a": ${deep.slice(1, -1)}}`]) {
      const file = newFile(t);
      for (const route of [hashRoute(1), hashRoute(2), (() => "collect") as Route]) {
        expect(await fastCalls(file, route, 5)).toEqual(await slowCalls(file, route));
      }
    }
  });

  it("awaits the drain callback between chunks, not reading ahead more than a chunk", async () => {
    const items = Array.from({ length: 200 }, (_, i) => `{"i": ${i}}`);
    const file = newFile(`{"items": [\n${items.join(",\n")}\n]}\n`);
    let values = 0;
    const seen: number[] = [];
    await readJsonDocument(
      InputSource.open(file, 64),
      {
        enter: (path) => (path.length === 2 ? "collect" : "descend"),
        value: () => {
          values++;
        },
      },
      async () => {
        seen.push(values);
      },
    );
    expect(values).toBe(200);
    expect(seen.length).toBeGreaterThan(20);
    expect(Math.max(...seen.map((v, i) => v - (seen[i - 1] ?? 0)))).toBeLessThanOrEqual(8);
  });
});

// ── errors ──────────────────────────────────────────────────────────────────────────────────────

async function outcome(
  file: string | InputSource,
  route: Route,
  fast: boolean,
): Promise<{ error: string; calls: string[] }> {
  const { router, calls } = recorder(route);
  try {
    await readJsonDocument(file, router, noDrain, "the document", { fast });
    return { error: "", calls };
  } catch (e) {
    if (!(e instanceof ScanInputError)) throw e;
    return { error: `${e.problem} ${JSON.stringify(e.position)}`, calls };
  }
}

const nest = (n: number) => "[".repeat(n) + "]".repeat(n);
const BAD: [string, string][] = [
  ["duplicate key at a record's top level", '{"items": [{"a": 1}, {"a": 1, "b": 2, "a": 3}]}'],
  [
    "duplicate key nested in a record, on two lines",
    '{\n"items": [\n{"a": {"b": {"c": 1,\n"c": 2}}}\n]\n}',
  ],
  ["duplicate __proto__", '{"items": [{"__proto__": 1, "__proto__": 2}]}'],
  ["duplicate key written two ways", '{"items": [{"a": 1, "\\u0061": 2}]}'],
  ["duplicate key at a walked level", '{"items": [], "x": 1, "items": []}'],
  ["too deep in a record", `{"items": [${nest(256)}]}`],
  ["too deep at walked levels", nest(257)],
  ["too deep at the limit's edge", `{"items": [${nest(255)}]}`],
  ["a syntax error in a record", '{"items": [{"a": [1,}]}'],
  ["a trailing comma", '{"items": [1, 2,]}'],
  ["a trailing comma in an object", '{"items": {"a": 1,}}'],
  ["a bad literal", '{"items": [tru]}'],
  ["a literal run on", '{"items": [truex]}'],
  ["a leading zero", '{"items": [01]}'],
  ["a bare minus", '{"items": [-]}'],
  ["a bare fraction", '{"items": [1.]}'],
  ["a plus sign", '{"items": [+1]}'],
  ["an empty exponent", '{"items": [1e]}'],
  ["a raw control character in a string", '{"items": ["a\tb"]}'],
  ["a raw newline in a string", '{"items": ["a\nb"]}'],
  ["a bad escape", '{"items": ["a\\xb"]}'],
  ["a short \\u escape", '{"items": ["\\u12"]}'],
  ["an unterminated string", '{"items": ["abc]}\n'],
  ["mismatched brackets", '{"items": [{"a": [1}]]}'],
  ["a missing colon", '{"items" 1}'],
  ["a missing comma", '{"a": 1 "b": 2}'],
  ["a leading comma", "[,1]"],
  ["non-ASCII whitespace", '{"a":\u00a01}'],
  ["a byte-order mark inside", '{"a": \ufeff1}'],
  ["a second top-level value", '{"a": 1}\n{"b": 2}\n'],
  ["a second value on the same line", '{"a": 1} 2'],
  ["trailing garbage after a record", '{"items": [{"a": 1}, {"a": 2} x\n]}'],
  ["truncated in a record", '{\n"items": [\n{"a": 1},\n{"a": 2'],
  ["truncated after a number", '{"version": 3'],
  ["truncated after a literal", '{"steps": null'],
  ["truncated after a key", '{"a"'],
  ["truncated in a string", '{"a": "xyz'],
  ["truncated root array", "[1, 2"],
  ["a root number then garbage", "3 x"],
  ["an empty file", ""],
  ["only whitespace", "  \n\t\n"],
  ["only a byte-order mark", "\ufeff"],
  ["only non-ASCII whitespace", "\u00a0"],
];

describe("the fast JSON path leaves every input error to the tokenizer path", () => {
  const routes: [string, Route][] = [
    [
      "collected",
      (path) =>
        path.length === 0 || (path.length === 1 && path[0] === "items") ? "descend" : "collect",
    ],
    ["walked", () => "descend"],
    ["skipped", (path) => (path.length === 0 ? "descend" : "skip")],
  ];
  it.each(BAD)("%s: the same error", async (_, t) => {
    const file = newFile(t);
    const errors: string[] = [];
    for (const [, route] of routes) {
      const slow = await outcome(file, route, false);
      const fast = await outcome(file, route, true);
      expect(fast.error).toBe(slow.error);
      if (slow.error === "") expect(fast.calls).toEqual(slow.calls);
      else errors.push(slow.error);
      // Where the tokenizer path stops in a line depends on its chunks: compare the same chunks.
      const small = await outcome(InputSource.open(file, 3), route, true);
      const smallSlow = await outcome(InputSource.open(file, 3), route, false);
      expect(small.error).toBe(smallSlow.error);
    }
    // (A skipped value's keys are not checked.)
    expect(errors.length).toBeGreaterThan(0);
  });

  it("reports a duplicate key in a record with both lines and the key's pointer", async () => {
    const file = newFile(BAD[1]?.[1] ?? "");
    const { error } = await outcome(file, routes[0]?.[1] ?? (() => "descend"), true);
    expect(error).toMatch(/^duplicate key "c" in one object \(on lines 3 and 4\)/);
    expect(error).toContain('"line":4');
    expect(error).toContain('"pointer":"/items/0/a/b/c"');
  });

  it("makes no router call twice when it falls back", async () => {
    const items = Array.from({ length: 50 }, (_, i) => `{"i": ${i}}`);
    const t = `{"items": [\n${items.join(",\n")},\n{"i": 1, "i": 2}\n]}\n`;
    const file = newFile(t);
    const route: Route = (path) => (path.length === 2 ? "collect" : "descend");
    const slow = await outcome(file, route, false);
    const before = tokenizerReads.count;
    const fast = await outcome(InputSource.open(file, 64), route, true);
    expect(tokenizerReads.count).toBe(before + 1);
    expect(fast.error).toMatch(/^duplicate key "i"/);
    expect(fast).toEqual(slow);
  });

  it("rethrows the router's own error at the same call, once", async () => {
    const t = '{"items": [\n{"i": 0},\n{"i": 1},\n{"i": 2}\n]}\n';
    const file = newFile(t);
    const failure = new Error("the router refuses item 1");
    let calls = 0;
    const router: Router = {
      enter: (path) => (path.length === 2 ? "collect" : "descend"),
      value: (path) => {
        calls++;
        if (path[1] === 1) throw failure;
      },
    };
    await expect(readJsonDocument(file, router, noDrain)).rejects.toBe(failure);
    expect(calls).toBe(2);
  });

  it("reports a syntax error on the router's failing line first, as the tokenizer path does", async () => {
    const t = '{"items": [\n{"i": 0}, {"i": 1} x\n]}\n';
    const file = newFile(t);
    const router: Router = {
      enter: (path) => (path.length === 2 ? "collect" : "descend"),
      value: (path) => {
        if (path[1] === 1) throw new Error("not reached by the tokenizer path");
      },
    };
    const e = (await readJsonDocument(file, router, noDrain).catch((x: unknown) => x)) as Error;
    expect(e).toBeInstanceOf(ScanInputError);
    expect(e.message).toMatch(/:2:\d+ .*not valid JSON/);
  });

  it("reads a gzip-compressed file again to report its error, and reads a good one alike", async () => {
    const gz = (t: string) => {
      const file = tmpFile(`fast-${files++}.json.gz`, "");
      fs.writeFileSync(file, gzipSync(t));
      return file;
    };
    const route: Route = (path) => (path.length === 2 ? "collect" : "descend");
    const bad = gz('{"items": [\n{"i": 0},\n{"i": 1, "i": 2}\n]}\n');
    const slow = await outcome(bad, route, false);
    expect(slow.error).toMatch(/^duplicate key "i" in one object \(twice on line 3\)/);
    expect(await outcome(bad, route, true)).toEqual(slow);
    const good = gz(record.join("\n"));
    expect(await fastCalls(good, collectResources, 16)).toEqual(
      await slowCalls(good, collectResources),
    );
  });

  it("stops, without routing anything, at a value the tokenizer path rejects", () => {
    const { router, calls } = recorder(() => "collect");
    const reader = new FastJsonReader(router);
    expect(() => reader.push('{"a": 1, "a": 2}')).toThrow(Anomaly);
    expect(calls).toEqual(["enter [] object 1"]);
  });
});
