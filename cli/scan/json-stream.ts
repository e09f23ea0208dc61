// Streaming JSON for inputs too big to load whole (a 100k-resource `pulumi stack export`).
//
// A file is read by the fast path first (json-fast.ts: each value's slice delimited in the text and
// parsed by JSON.parse, ~4x less CPU); the tokenizer path below reads what it stops at (every input
// error), and what cannot be read twice (stdin). See readJsonDocument.
//
// The tokenizer path: a worker thread (tokenizer-worker.js) receives the file in chunks and
// tokenizes it with stream-json's tokenizer; this thread walks the tokens by path. A router decides
// per path whether a value is assembled (`collect`), walked into (`descend`) or skipped without
// being built (`skip`), so only what the scan needs is ever held in memory. The worker reads its next chunk only when this side
// asks for it, after `drain` (the consumer's backpressure) has returned.
//
// The file is tokenized one line at a time (long lines in pieces), which gives every value the line
// it starts on (for SARIF regions) at no extra cost. Syntax errors are located exactly by
// stream-json's verifier, which reports line and column.
//
// Why a worker: stream-json 3 is ESM-only. Node's own `require` loads ES modules (since Node
// 20.19 / 22.12), but not inside Jest's module registry, which the unit tests run in; a worker
// thread has a plain Node module system everywhere - and tokenizing overlaps with the RPCs.
import * as path from "path";
import { Worker } from "worker_threads";
import { excerpt, jsonPointer, readError, ScanInputError } from "./errors";
import { InputSource } from "./source";

export { readError };
import { MAX_JSON_DEPTH, nextValuePath, passValue } from "./json-position";
import type { WalkFrame } from "./json-position";
import { defineKey } from "./values";
import { Anomaly, FastJsonReader } from "./json-fast";

export type PathPart = string | number;
export type ValueKind = "object" | "array" | "string" | "number" | "boolean" | "null";
export type Step = "collect" | "descend" | "skip";

export interface Router {
  /** A value starts at `path`: assemble it, walk into it, or skip it. */
  enter(path: readonly PathPart[], kind: ValueKind, line: number): Step;
  /** A collected value is complete (a scalar under "descend" is delivered here too). */
  value(path: readonly PathPart[], value: unknown, line: number): void;
  /** A container that was walked into has ended. */
  exit?(path: readonly PathPart[], kind: "object" | "array"): void;
}

/** Token codes posted by tokenizer-worker.js (handed to it in workerData). */
const TOKEN = {
  startObject: 1,
  endObject: 2,
  startArray: 3,
  endArray: 4,
  keyValue: 5,
  stringValue: 6,
  numberValue: 7,
  nullValue: 8,
  trueValue: 9,
  falseValue: 10,
} as const;

/** A batch of tokens: codes, their lines, and the values of key/string/number tokens in order. */
export interface TokenBatch {
  codes: Uint8Array;
  lines: Int32Array;
  values: string[];
}

/** Builds one JavaScript value from tokens. */
class Assembler {
  private readonly stack: {
    container: Record<string, unknown> | unknown[];
    key?: string;
    /** Where this object's keys start in `keyLines`. */
    keys: number;
  }[] = [];
  /**
   * The keys of the open objects and the lines they are on, `[key, line, key, line, ...]`, each
   * object's after its parent's (one array for the whole value, not one map per object). A key is
   * a duplicate when the object already has it (each value is in place before the next key).
   */
  private readonly keyLines: (string | number)[] = [];
  result: unknown = undefined;

  /** Where inside the value the assembler is (for error pointers). */
  innerPath(): PathPart[] {
    const out: PathPart[] = [];
    for (const { container, key } of this.stack) {
      if (Array.isArray(container)) out.push(container.length);
      else if (key !== undefined) out.push(key);
    }
    return out;
  }

  private add(v: unknown): void {
    const top = this.stack[this.stack.length - 1];
    if (!top) {
      this.result = v;
      return;
    }
    if (Array.isArray(top.container)) top.container.push(v);
    else defineKey(top.container, top.key ?? "", v);
  }

  /** The line of `key`'s first appearance in the object whose keys start at `start`. */
  private firstLine(start: number, key: string): number {
    for (let i = start; i < this.keyLines.length; i += 2) {
      if (this.keyLines[i] === key) return this.keyLines[i + 1] as number;
    }
    return 0;
  }

  /** Nesting depth of the value being assembled. */
  get depth(): number {
    return this.stack.length;
  }

  consume(code: number, value: string | undefined, line: number): void {
    switch (code) {
      case TOKEN.startObject:
        this.stack.push({ container: {}, keys: this.keyLines.length });
        return;
      case TOKEN.startArray:
        this.stack.push({ container: [], keys: this.keyLines.length });
        return;
      case TOKEN.endObject:
      case TOKEN.endArray: {
        const top = this.stack.pop();
        if (top) {
          this.keyLines.length = top.keys;
          this.add(top.container);
        }
        return;
      }
      case TOKEN.keyValue: {
        const top = this.stack[this.stack.length - 1];
        if (!top) return;
        const key = value ?? "";
        if (Object.hasOwn(top.container, key)) {
          const pointer = this.innerPath().slice(0, -1);
          throw new DuplicateKey(key, this.firstLine(top.keys, key), line, pointer);
        }
        this.keyLines.push(key, line);
        top.key = key;
        return;
      }
      default:
        this.add(scalarOf(code, value));
    }
  }
}

/** A key that appears twice in one object: JSON readers disagree on which one counts. */
class DuplicateKey extends Error {
  constructor(
    readonly key: string,
    readonly firstLine: number,
    readonly line: number,
    /** The object's path (inside the collected value, when thrown by the assembler). */
    readonly objectPath: PathPart[],
  ) {
    super(`duplicate key ${JSON.stringify(key)}`);
  }
}

/** A problem in a well-formed document, found while walking it; the reader adds the file. */
export class JsonShapeError extends Error {
  constructor(
    readonly problem: string,
    readonly line: number,
    readonly pointer: string,
  ) {
    super(problem);
  }
}

export function duplicateKeyProblem(key: string, firstLine: number, line: number): string {
  const lines = firstLine === line ? `twice on line ${line}` : `on lines ${firstLine} and ${line}`;
  return (
    `duplicate key ${excerpt(key)} in one object (${lines}): JSON readers disagree on which one ` +
    "counts, so the scan could check a value the deployment does not use; remove one of them " +
    "(Pulumi never writes duplicate keys, so the file was edited or generated by something else)"
  );
}

export function tooDeepProblem(): string {
  return (
    `objects and arrays nested more than ${MAX_JSON_DEPTH} levels deep; no Pulumi state nests ` +
    "this deep, and the scan does not read deeper: check how the file was produced"
  );
}

interface Frame extends WalkFrame {
  /** Keys seen in this object and the lines they are on. */
  keys?: Map<string, number>;
}

function scalarKind(code: number): ValueKind | undefined {
  switch (code) {
    case TOKEN.stringValue:
      return "string";
    case TOKEN.numberValue:
      return "number";
    case TOKEN.trueValue:
    case TOKEN.falseValue:
      return "boolean";
    case TOKEN.nullValue:
      return "null";
    default:
      return undefined;
  }
}

function scalarOf(code: number, value: string | undefined): unknown {
  switch (code) {
    case TOKEN.stringValue:
      return value ?? "";
    case TOKEN.numberValue:
      return Number(value);
    case TOKEN.trueValue:
      return true;
    case TOKEN.falseValue:
      return false;
    default:
      return null;
  }
}

const isStart = (code: number) => code === TOKEN.startObject || code === TOKEN.startArray;
const isEnd = (code: number) => code === TOKEN.endObject || code === TOKEN.endArray;
const hasValue = (code: number) =>
  code === TOKEN.keyValue || code === TOKEN.stringValue || code === TOKEN.numberValue;

/** Walks a token stream by path, routing each value. */
export class JsonWalker {
  private readonly frames: Frame[] = [];
  private mode: "walk" | "collect" | "skip" = "walk";
  private depth = 0;
  private assembler: Assembler | undefined;
  private collectPath: PathPart[] = [];
  private collectLine = 0;
  private rootDone = false;

  constructor(private readonly router: Router) {}

  /** The JSON pointer of where the walker is now (for error messages). */
  pointer(): string {
    if (this.mode === "collect" && this.assembler) {
      return jsonPointer([...this.collectPath, ...this.assembler.innerPath()]);
    }
    const top = this.frames[this.frames.length - 1];
    if (!top) return "";
    const path = [...top.path];
    if (top.kind === "array") path.push(top.index);
    else if (top.key !== undefined) path.push(top.key);
    return jsonPointer(path);
  }

  /** True once the top-level value is complete. */
  get complete(): boolean {
    return this.rootDone;
  }

  private currentPath(): PathPart[] {
    return nextValuePath(this.frames);
  }

  private valueDone(): void {
    if (!passValue(this.frames)) this.rootDone = true;
  }

  /** Walk a batch of tokens. */
  push(batch: TokenBatch): void {
    let v = 0;
    const { codes, lines, values } = batch;
    for (let i = 0; i < codes.length; i++) {
      const code = codes[i] ?? 0;
      const value = hasValue(code) ? values[v++] : undefined;
      this.token(code, value, lines[i] ?? 0);
    }
  }

  private token(code: number, value: string | undefined, line: number): void {
    // Nesting is bounded everywhere (walked, collected or skipped), so that no input can exhaust
    // the stack of whatever reads a value later, and error pointers stay short.
    if (
      isStart(code) &&
      this.frames.length + (this.mode === "walk" ? 0 : this.depth) >= MAX_JSON_DEPTH
    ) {
      throw new JsonShapeError(tooDeepProblem(), line, this.pointer());
    }
    if (this.mode === "collect") {
      try {
        this.assembler?.consume(code, value, line);
      } catch (e) {
        if (!(e instanceof DuplicateKey)) throw e;
        throw new JsonShapeError(
          duplicateKeyProblem(e.key, e.firstLine, e.line),
          e.line,
          jsonPointer([...this.collectPath, ...e.objectPath, e.key]),
        );
      }
      if (isStart(code)) this.depth++;
      else if (isEnd(code)) this.depth--;
      if (this.depth === 0) {
        const result = this.assembler?.result;
        this.mode = "walk";
        this.assembler = undefined;
        this.router.value(this.collectPath, result, this.collectLine);
        this.valueDone();
      }
      return;
    }
    if (this.mode === "skip") {
      if (isStart(code)) this.depth++;
      else if (isEnd(code)) this.depth--;
      if (this.depth === 0) {
        this.mode = "walk";
        this.valueDone();
      }
      return;
    }
    if (code === TOKEN.keyValue) {
      const top = this.frames[this.frames.length - 1];
      if (!top) return;
      const key = value ?? "";
      top.keys ??= new Map();
      const first = top.keys.get(key);
      if (first !== undefined) {
        throw new JsonShapeError(
          duplicateKeyProblem(key, first, line),
          line,
          jsonPointer([...top.path, key]),
        );
      }
      top.keys.set(key, line);
      top.key = key;
      return;
    }
    if (isEnd(code)) {
      const frame = this.frames.pop();
      if (frame) this.router.exit?.(frame.path, frame.kind);
      this.valueDone();
      return;
    }
    if (isStart(code)) {
      const kind = code === TOKEN.startObject ? "object" : "array";
      const path = this.currentPath();
      const step = this.router.enter(path, kind, line);
      if (step === "descend") {
        this.frames.push({ kind, path, index: 0, key: undefined });
      } else if (step === "collect") {
        this.mode = "collect";
        this.depth = 1;
        this.assembler = new Assembler();
        this.assembler.consume(code, value, line);
        this.collectPath = path;
        this.collectLine = line;
      } else {
        this.mode = "skip";
        this.depth = 1;
      }
      return;
    }
    const kind = scalarKind(code);
    if (kind === undefined) return;
    const path = this.currentPath();
    const step = this.router.enter(path, kind, line);
    if (step !== "skip") this.router.value(path, scalarOf(code, value), line);
    this.valueDone();
  }
}

const READ_CHUNK = 256 * 1024;
/** A line longer than this goes to the tokenizer in pieces. */
const MAX_PIECE = 64 * 1024;
const WORKER = path.join(__dirname, "tokenizer-worker.js");

function tidyParserMessage(message: string): string {
  return message
    .replace(/^Parser cannot parse input:\s*/, "")
    .replace(/^Parser has expected\s*/, "expected ")
    .trim();
}

type WorkerMessage =
  | ({ kind: "batch"; last: boolean } & TokenBatch)
  | ({
      kind: "syntax";
      message: string;
      atEnd: boolean;
      line: number;
      column?: number;
    } & TokenBatch)
  | { kind: "read"; code?: string; message: string }
  | { kind: "empty" }
  | { kind: "end"; line: number }
  | { kind: "crash"; message: string };

/**
 * Stream one JSON document from `file` through `router`. After every chunk, `drain` is awaited,
 * which lets the consumer apply backpressure (the next chunk is read only when it returns).
 *
 * A file (compressed or not) is read by the fast path (json-fast.ts) first; when that stops at
 * anything it does not handle (every input error among them), the file is read again from its
 * start by the tokenizer path, which reports the error. The router calls the fast path already
 * made are not made again: the tokenizer path's first calls are answered from a log of them (they
 * are the same calls), and an error the router threw there is thrown again at the same call. The
 * tokenizer path alone reads what cannot be read twice (stdin, a pipe), and `{ fast: false }`.
 *
 * One difference remains, in files with a syntax error: the tokenizer path routes nothing from the
 * line (or 64 KiB piece of a line) where it finds the error, while the fast path has routed the
 * values complete before it. The error reported is the same.
 */
export async function readJsonDocument(
  input: string | InputSource,
  router: Router,
  drain: () => Promise<void>,
  describe: string | (() => string) = "a JSON document",
  { fast = true }: { fast?: boolean } = {},
): Promise<void> {
  const source = typeof input === "string" ? InputSource.open(input, READ_CHUNK) : input;
  if (!fast || !source.reopenable) {
    await readWithTokens(source, router, drain, describe);
    return;
  }
  const log = new CallLog(router);
  if (await readFast(source, log, drain)) return;
  const replay = new Replay(log, router);
  await readWithTokens(source.reopen(), replay, drain, describe);
  replay.finished();
}

/** Step codes in the call log. */
const STEPS: readonly Step[] = ["descend", "collect", "skip"];
const ENTER = 0;
const VALUE = 1;
const EXIT = 2;

/** The router failed in the fast path: its error is thrown again when the tokenizer path gets there. */
class RouterFailed extends Error {
  constructor() {
    super("the router failed");
  }
}

/** Passes calls to the router and logs them (kind and step, a byte each) for a replay. */
class CallLog implements Router {
  codes = new Uint8Array(4096);
  count = 0;
  failure: { error: unknown } | undefined;

  constructor(private readonly router: Router) {}

  private log(code: number): void {
    if (this.count === this.codes.length) {
      const grown = new Uint8Array(this.codes.length * 2);
      grown.set(this.codes);
      this.codes = grown;
    }
    this.codes[this.count++] = code;
  }

  private fail(error: unknown): never {
    this.failure = { error };
    throw new RouterFailed();
  }

  enter(path: readonly PathPart[], kind: ValueKind, line: number): Step {
    let step: Step;
    try {
      step = this.router.enter(path, kind, line);
    } catch (e) {
      return this.fail(e);
    }
    this.log(ENTER * 4 + STEPS.indexOf(step));
    return step;
  }

  value(path: readonly PathPart[], value: unknown, line: number): void {
    try {
      this.router.value(path, value, line);
    } catch (e) {
      this.fail(e);
    }
    this.log(VALUE * 4);
  }

  exit(path: readonly PathPart[], kind: "object" | "array"): void {
    try {
      this.router.exit?.(path, kind);
    } catch (e) {
      this.fail(e);
    }
    this.log(EXIT * 4);
  }
}

/**
 * The router for the tokenizer path after the fast path stopped: the calls the fast path made are
 * answered from its log, the rest go to the router. Where the router threw, its error is thrown.
 */
class Replay implements Router {
  private next = 0;

  constructor(
    private readonly log: CallLog,
    private readonly router: Router,
  ) {}

  /** The logged step of the next call, or undefined once past the log. */
  private replayed(kind: number): number | undefined {
    if (this.next >= this.log.count) {
      if (this.log.failure) throw this.log.failure.error;
      return undefined;
    }
    const code = this.log.codes[this.next++] ?? 0;
    if (code >> 2 !== kind) throw new Error("internal error: the two JSON paths disagree");
    return code & 3;
  }

  enter(path: readonly PathPart[], kind: ValueKind, line: number): Step {
    const step = this.replayed(ENTER);
    return step === undefined ? this.router.enter(path, kind, line) : (STEPS[step] ?? "skip");
  }

  value(path: readonly PathPart[], value: unknown, line: number): void {
    if (this.replayed(VALUE) === undefined) this.router.value(path, value, line);
  }

  exit(path: readonly PathPart[], kind: "object" | "array"): void {
    if (this.replayed(EXIT) === undefined) this.router.exit?.(path, kind);
  }

  /** The tokenizer path read the whole document: it must have made every logged call. */
  finished(): void {
    if (this.next < this.log.count || this.log.failure) {
      throw new Error("internal error: the two JSON paths disagree");
    }
  }
}

/**
 * The fast path: true when it read the whole document, false when it stopped at something it does
 * not handle (then the router calls it made are in `log`). Errors of `drain` propagate.
 */
async function readFast(
  source: InputSource,
  log: CallLog,
  drain: () => Promise<void>,
): Promise<boolean> {
  const reader = new FastJsonReader(log);
  const chunks = source.chunks();
  // Read errors too are left to the tokenizer path (which reads the next chunk before walking
  // the current one, as here), which reports them where it always has.
  const read = async (): Promise<string | undefined | Error> => {
    try {
      const c = await chunks.next();
      return c.done ? undefined : c.value;
    } catch (e) {
      return e instanceof Error ? e : new Error(String(e));
    }
  };
  const step = (chunk: string, eof: boolean): boolean => {
    try {
      reader.push(chunk, eof);
      return true;
    } catch (e) {
      if (e instanceof Anomaly || e instanceof RouterFailed) return false;
      throw e;
    }
  };
  try {
    let chunk = await read();
    for (;;) {
      if (chunk instanceof Error) return false;
      if (chunk === undefined) break;
      const next = await read();
      if (next instanceof Error) return false;
      if (!step(chunk, false)) return false;
      await drain();
      chunk = next;
    }
    if (!step("", true)) return false;
    await drain();
    return true;
  } finally {
    await chunks.return(undefined);
  }
}

/** How often the tokenizer path read an input (tests check that the fast path read good ones). */
export const tokenizerReads = { count: 0 };

/** The tokenizer path (see the top of this file). */
async function readWithTokens(
  source: InputSource,
  router: Router,
  drain: () => Promise<void>,
  describe: string | (() => string),
): Promise<void> {
  tokenizerReads.count++;
  const file = source.file;
  const what = () => (typeof describe === "string" ? describe : describe());
  const walker = new JsonWalker(router);
  const verifyPath = source.rereadable ? path.resolve(file) : undefined;
  const worker = new Worker(WORKER, {
    workerData: { verifyPath, maxPiece: MAX_PIECE, codes: TOKEN },
  });
  // The main thread reads the input (once) and keeps the worker one chunk ahead of the walk.
  const chunks = source.chunks();
  const sendNext = async () => {
    const c = await chunks.next();
    worker.postMessage(c.done ? { kind: "end" } : { kind: "chunk", text: c.value });
  };
  const queue: WorkerMessage[] = [];
  let wake: (() => void) | undefined;
  let failure: Error | undefined;
  let exited = false;
  worker.on("message", (m: WorkerMessage) => {
    queue.push(m);
    wake?.();
  });
  worker.on("error", (e) => {
    failure = e;
    wake?.();
  });
  worker.on("exit", () => {
    exited = true;
    wake?.();
  });
  const next = async (): Promise<WorkerMessage> => {
    for (;;) {
      const m = queue.shift();
      if (m) return m;
      if (failure) throw failure;
      if (exited) throw new Error("the tokenizer thread stopped unexpectedly");
      await new Promise<void>((resolve) => {
        wake = resolve;
      });
      wake = undefined;
    }
  };
  const walk = (batch: TokenBatch) => {
    try {
      walker.push(batch);
    } catch (e) {
      if (!(e instanceof JsonShapeError)) throw e;
      throw new ScanInputError(file, e.problem, { line: e.line, pointer: e.pointer });
    }
  };
  try {
    await sendNext();
    for (;;) {
      const m = await next();
      switch (m.kind) {
        case "batch":
          if (!m.last) await sendNext();
          walk(m);
          await drain();
          continue;
        case "syntax": {
          walk(m);
          const problem = m.atEnd
            ? `unexpected end of input: ${what()} is incomplete (truncated file?); ${tidyParserMessage(m.message)}`
            : `not valid JSON: ${tidyParserMessage(m.message)}`;
          throw new ScanInputError(file, problem, {
            line: m.line,
            ...(m.column !== undefined ? { column: m.column } : {}),
            pointer: walker.pointer(),
          });
        }
        case "read":
          throw readError(file, { code: m.code, message: m.message });
        case "empty":
          throw new ScanInputError(file, `the file is empty; expected ${what()}`, {
            line: 1,
            column: 1,
          });
        case "crash":
          throw new Error(`the tokenizer thread failed: ${m.message}`);
        case "end":
          if (!walker.complete) {
            throw new ScanInputError(
              file,
              `unexpected end of input: ${what()} is incomplete (truncated file?)`,
              { line: m.line, pointer: walker.pointer() },
            );
          }
          return;
      }
    }
  } finally {
    await chunks.return(undefined);
    await worker.terminate();
  }
}
