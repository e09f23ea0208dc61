// The streaming JSON walker: routing by path, start lines, and exact positions for bad JSON.
import { ScanInputError } from "../../../cli/scan/errors";
import { readJsonDocument } from "../../../cli/scan/json-stream";
import type { PathPart, Router, Step } from "../../../cli/scan/json-stream";
import { tmpFile } from "./tmp-files";

interface Seen {
  path: PathPart[];
  value: unknown;
  line: number;
}

function recorder(route: (path: readonly PathPart[]) => Step): {
  router: Router;
  seen: Seen[];
  exits: string[];
} {
  const seen: Seen[] = [];
  const exits: string[] = [];
  return {
    seen,
    exits,
    router: {
      enter: (path) => route(path),
      value: (path, value, line) => seen.push({ path: [...path], value, line }),
      exit: (path) => exits.push(path.join("/")),
    },
  };
}

const noDrain = async () => undefined;

async function failure(text: string): Promise<ScanInputError> {
  const file = tmpFile(`bad-${Math.random().toString(36).slice(2)}.json`, text);
  const { router } = recorder(() => "descend");
  try {
    await readJsonDocument(file, router, noDrain);
  } catch (e) {
    if (e instanceof ScanInputError) return e;
    throw e;
  }
  throw new Error("expected a ScanInputError");
}

describe("readJsonDocument routing", () => {
  const doc = [
    "{",
    '  "version": 3,',
    '  "skipped": {"big": [1, 2, 3]},',
    '  "items": [',
    '    {"a": 1, "nested": {"b": [true, null]}},',
    '    {"a": 2}',
    "  ]",
    "}",
  ].join("\n");

  it("assembles collected values whole, with the line each starts on", async () => {
    const file = tmpFile("route.json", doc);
    const { router, seen, exits } = recorder((path) =>
      path.length === 0 || (path.length === 1 && path[0] === "items")
        ? "descend"
        : path[0] === "skipped"
          ? "skip"
          : "collect",
    );
    await readJsonDocument(file, router, noDrain);
    expect(seen).toEqual([
      { path: ["version"], value: 3, line: 2 },
      { path: ["items", 0], value: { a: 1, nested: { b: [true, null] } }, line: 5 },
      { path: ["items", 1], value: { a: 2 }, line: 6 },
    ]);
    expect(exits).toEqual(["items", ""]);
  });

  it("never builds skipped values", async () => {
    const file = tmpFile("skip.json", doc);
    const { router, seen } = recorder((path) => (path.length === 0 ? "descend" : "skip"));
    await readJsonDocument(file, router, noDrain);
    expect(seen).toEqual([]);
  });

  it("keeps a __proto__ key as data, without touching prototypes", async () => {
    const file = tmpFile("proto.json", '{"x": {"__proto__": {"polluted": true}}}');
    const { router, seen } = recorder((path) => (path.length === 0 ? "descend" : "collect"));
    await readJsonDocument(file, router, noDrain);
    const x = seen[0]?.value as Record<string, unknown>;
    expect(Object.keys(x)).toEqual(["__proto__"]);
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
  });

  it("accepts a byte-order mark and CRLF line ends", async () => {
    const file = tmpFile("bom.json", '\ufeff{\r\n  "a": [1,\r\n  2]\r\n}\r\n');
    const { router, seen } = recorder((path) => (path.length === 0 ? "descend" : "collect"));
    await readJsonDocument(file, router, noDrain);
    expect(seen).toEqual([{ path: ["a"], value: [1, 2], line: 2 }]);
  });

  it("awaits the drain callback after every chunk it reads", async () => {
    const file = tmpFile("drain.json", `[${Array.from({ length: 50000 }, (_, i) => i).join(",")}]`);
    let drains = 0;
    const { router } = recorder(() => "descend");
    await readJsonDocument(file, router, async () => {
      drains++;
    });
    expect(drains).toBeGreaterThan(1);
  });
});

describe("readJsonDocument errors name the file, the position and what was expected", () => {
  it("locates a truncated document at its end, with the open container's pointer", async () => {
    const e = await failure('{\n  "deployment": {\n    "resources": [\n      {"urn": "x"},\n');
    expect(e.problem).toMatch(/^unexpected end of input: .* is incomplete \(truncated file\?\)/);
    expect(e.position.line).toBe(5);
    expect(e.position.pointer).toBe("/deployment/resources/1");
    expect(e.message).toContain(e.file);
  });

  it("locates a syntax error by line and column", async () => {
    const e = await failure('{\n  "a": [1,\n  2,\n  }\n');
    expect(e.problem).toMatch(/^not valid JSON: /);
    expect(e.position).toMatchObject({ line: 4, column: 3, pointer: "/a/2" });
    expect(e.message).toMatch(/:4:3 \(at \/a\/2\): not valid JSON/);
  });

  it("rejects a second top-level value", async () => {
    const e = await failure('{"a": 1}\n{"b": 2}\n');
    expect(e.problem).toMatch(/^not valid JSON/);
    expect(e.position.line).toBe(2);
  });

  it("rejects an empty file", async () => {
    const e = await failure("  \n");
    expect(e.problem).toMatch(/^the file is empty; expected/);
  });
});
