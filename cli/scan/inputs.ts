// The three inputs `scan` reads, recognised from their content (never from the file name):
//
//   - `pulumi stack export`: `{"version": 3, "deployment": {"manifest", "resources": [ResourceV3…]}}`
//     (apitype.UntypedDeployment / DeploymentV3), or a checkpoint file
//     `{"version": 3, "checkpoint": {"stack", "latest": {"resources": […]}}}`;
//   - `pulumi preview --json`: a PreviewDigest `{"config": {…}, "steps": [{"op", "urn", "provider",
//     "oldState", "newState": ResourceV3, …}], "diagnostics", "changeSummary", …}`;
//   - an engine event log (`--event-log FILE`, or the streaming JSON of `pulumi preview|up --json`
//     with PULUMI_ENABLE_STREAMING_JSON_PREVIEW): one apitype.EngineEvent per line
//     (`{"sequence", "timestamp", "preludeEvent"|"resourcePreEvent"|"policyEvent"|…: {…}}`).
//
// JSON documents are streamed by path (json-stream.ts); event logs are read line by line. Readers
// hand resources to a sink in input order and await `sink.drain()` after every chunk, which is
// where the sink applies backpressure.
import type { EngineResource } from "../runner/types";
import { UNKNOWN } from "../runner/marshal";
import { lineSplitter } from "../runner/util";
import type { ConfigLayer } from "./config";
import { layerFromInputConfig } from "./config";
import { excerpt, jsonPointer, ScanInputError, shortPointer } from "./errors";
import { inspectJson } from "./json-position";
import type { PathPart, Step } from "./json-stream";
import { duplicateKeyProblem, readJsonDocument, tooDeepProblem } from "./json-stream";
import { InputSource } from "./source";
import { describe, toEngineResource } from "./resources";
import type { RecordContext } from "./resources";
import type { ValueOptions } from "./values";
import { FORMAT_LABELS } from "./types";
import type { InputFormat, RecordedPolicyEvent } from "./types";

/** What the scan accepts, for "expected …" in error messages. */
export const EXPECTED_INPUTS =
  "a `pulumi stack export` file (top-level `version` and `deployment`), `pulumi preview --json` output (top-level `config` and `steps`), or an engine event log (`--event-log`: one JSON engine event per line)";

export interface InputSink {
  /** The input's format, as soon as it is known. */
  format(format: InputFormat): void;
  /** Stack config the input carries (it comes before the resources in every format). */
  config(layer: ConfigLayer, position: { line: number; pointer: string }): void;
  /** The stack name when the input names it outside URNs (checkpoint files). */
  stackName?(stack: string): void;
  /** One resource, in input order (synchronous: the sink queues it). */
  resource(resource: EngineResource, ctx: RecordContext): void;
  policyEvent(event: RecordedPolicyEvent): void;
  /** Policy packs and versions from the event log's summary. */
  policyPacks?(packs: Record<string, string>): void;
  /** Awaited after every chunk read: the sink processes what it queued, bounded. */
  drain(): Promise<void>;
}

/** Step operations whose new state the engine sends to analyzers (step_generator.go). */
const ANALYZED_OPS = new Set(["same", "create", "update", "replace", "create-replacement"]);

// ── duplicate URNs ───────────────────────────────────────────────────────────────────────────────
//
// A URN names one resource; two different records under one URN would let the scan check one and
// the deployment use the other, so a real duplicate is an input error. What legitimately repeats:
//
//   - stack export: records pending deletion (`delete: true`, left by an interrupted
//     create-before-delete replacement) share the URN of the live record; they are not analysed
//     (toEngineResource skips them). Any other repeated URN is a duplicate.
//   - preview steps and event-log `resourcePreEvent`s: a replacement shows its URN in up to three
//     steps - `create-replacement` and `replace`, both carrying the one new state the engine
//     analysed, and `delete-replaced` (no new state, not analysed). Steps that are not analysed
//     (delete, read, refresh, discard, …) are not counted. So per URN: one `same`, `create` or
//     `update` step, or at most one `replace` plus one `create-replacement` with identical new
//     states; anything else is a duplicate.
//   - event logs also carry several other events per URN (`resOutputsEvent`, `policyEvent`,
//     `diagnosticEvent`); only `resourcePreEvent`s are resource records. A log of `pulumi up` may
//     hold the preview's steps (`planning: true`) and then the update's: each phase is checked on
//     its own as above, and a URN seen in both must agree on its type and on every input known in
//     both (a preview shows computed inputs as unknown). The first phase's state is analysed.

interface SeenRecord {
  line: number | undefined;
  pointer: string;
  ops: string[];
  /** The new state as JSON, for the two analysed steps of a replacement. */
  state?: string;
  /** Event logs: the phase, and the type and inputs to compare the other phase against. */
  phase?: boolean;
  type?: unknown;
  inputs?: unknown;
}

const REPLACEMENT_OPS = new Set(["replace", "create-replacement"]);

function isUnknown(v: unknown): boolean {
  return v === UNKNOWN;
}

/** Whether two input values agree wherever both are known (an unknown matches anything). */
function agree(a: unknown, b: unknown): boolean {
  if (isUnknown(a) || isUnknown(b)) return true;
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((x, i) => agree(x, b[i]));
  if (isRecord(a) && isRecord(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].every((k) => agree(a[k], b[k]));
  }
  return a === b;
}

class UrnRegistry {
  private readonly seen = new Map<string, SeenRecord[]>();
  constructor(
    private readonly file: string,
    private readonly what: string,
  ) {}

  private fail(urn: string, first: SeenRecord, at: SeenRecord, why: string): never {
    const where = `${first.line !== undefined ? `line ${first.line}, ` : ""}${shortPointer(first.pointer)}`;
    throw new ScanInputError(
      this.file,
      `duplicate URN ${excerpt(urn)}: this ${this.what} has the URN of the one at ${where}${why}; ` +
        "a stack has one resource per URN, so the scan cannot know which of them the deployment " +
        "uses: remove the duplicate, or export the stack again",
      { ...(at.line !== undefined ? { line: at.line } : {}), pointer: at.pointer },
    );
  }

  /**
   * Records an analysed record; true when it is to be analysed (the first for its URN), false for
   * the second step of a replacement; throws for a duplicate (see above).
   */
  admit(
    urn: string,
    raw: unknown,
    at: { line: number | undefined; pointer: string; op?: string; phase?: boolean },
  ): boolean {
    const rec: SeenRecord = {
      line: at.line,
      pointer: at.pointer,
      ops: at.op !== undefined ? [at.op] : [],
      ...(at.phase !== undefined ? { phase: at.phase } : {}),
    };
    const stateOf = () => JSON.stringify(raw);
    if (at.op !== undefined && REPLACEMENT_OPS.has(at.op)) rec.state = stateOf();
    const records = this.seen.get(urn);
    if (records === undefined) {
      if (at.phase !== undefined && isRecord(raw)) {
        rec.type = raw["type"];
        rec.inputs = raw["inputs"];
      }
      this.seen.set(urn, [rec]);
      return true;
    }
    const first = records[0] as SeenRecord;
    const same = records.find((r) => r.phase === at.phase);
    if (same === undefined) {
      // The other phase of an event log (preview, then update).
      if (!isRecord(raw) || raw["type"] !== first.type || !agree(raw["inputs"], first.inputs)) {
        this.fail(
          urn,
          first,
          rec,
          " with a different type or inputs (the preview and the update of one resource must agree)",
        );
      }
      records.push(rec);
      return false;
    }
    const op = at.op;
    if (op === undefined || !REPLACEMENT_OPS.has(op))
      this.fail(
        urn,
        same,
        rec,
        op === undefined
          ? ""
          : ` (op ${JSON.stringify(op)} after ${same.ops.map((o) => JSON.stringify(o)).join(", ")})`,
      );
    if (!same.ops.every((o) => REPLACEMENT_OPS.has(o)) || same.ops.includes(op)) {
      this.fail(
        urn,
        same,
        rec,
        ` (op ${JSON.stringify(op)} after ${same.ops.map((o) => JSON.stringify(o)).join(", ")})`,
      );
    }
    if (same.state !== rec.state) {
      this.fail(urn, same, rec, ": the two steps of one replacement carry different new states");
    }
    same.ops.push(op);
    return false;
  }
}

// ── format detection ─────────────────────────────────────────────────────────────────────────────

function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}

function isEngineEvent(v: unknown): boolean {
  if (!isRecord(v)) return false;
  return (
    ("sequence" in v && "timestamp" in v) ||
    Object.keys(v).some((k) => /^[a-z][A-Za-z]*Event$/.test(k))
  );
}

/** Looks at the start of the file: an event log (JSON lines) or a JSON document. */
export async function detectFormat(input: string | InputSource): Promise<"event-log" | "json"> {
  const source = typeof input === "string" ? InputSource.open(input) : input;
  const file = source.file;
  let head: string;
  try {
    head = await source.head();
  } finally {
    if (typeof input === "string") source.close();
  }
  if (head.charCodeAt(0) === 0xfeff) head = head.slice(1);
  const start = head.search(/\S/);
  if (start < 0) {
    throw new ScanInputError(file, `the file is empty; expected ${EXPECTED_INPUTS}`, {
      line: 1,
      column: 1,
    });
  }
  const before = head.slice(0, start);
  const line = before.split("\n").length;
  const column = start - before.lastIndexOf("\n");
  const first = head[start];
  if (first !== "{") {
    const what =
      first === "[" ? "a JSON array" : `${JSON.stringify(head.slice(start, start + 12))}`;
    throw new ScanInputError(
      file,
      `unknown input format: the file starts with ${what}; expected ${EXPECTED_INPUTS}`,
      { line, column },
    );
  }
  const nl = head.indexOf("\n", start);
  if (nl >= 0 || head.length < 1024 * 1024) {
    const firstLine = head.slice(start, nl >= 0 ? nl : undefined).trim();
    try {
      if (isEngineEvent(JSON.parse(firstLine))) return "event-log";
    } catch {
      // Not one JSON value on the first line: a (pretty-printed) document.
    }
  }
  return "json";
}

// ── JSON documents: stack export and preview ─────────────────────────────────────────────────────

const STACK_EXPORT_KEYS = new Set(["version", "deployment", "checkpoint"]);
const PREVIEW_KEYS = new Set([
  "config",
  "steps",
  "diagnostics",
  "duration",
  "changeSummary",
  "maybeCorrupt",
]);
const SUPPORTED_VERSIONS = new Set([3, 4]);

function isResourcesPath(path: readonly PathPart[]): boolean {
  return (
    (path.length === 2 && path[0] === "deployment" && path[1] === "resources") ||
    (path.length === 3 &&
      path[0] === "checkpoint" &&
      path[1] === "latest" &&
      path[2] === "resources")
  );
}

interface PendingStep {
  line: number;
  op?: unknown;
  newState?: unknown;
}

/** Read a stack export or a preview digest (decided by its top-level keys). */
export async function readJsonInput(
  input: string | InputSource,
  sink: InputSink,
  values: (format: InputFormat) => ValueOptions,
): Promise<InputFormat> {
  const source = typeof input === "string" ? InputSource.open(input) : input;
  const file = source.file;
  let format: InputFormat | undefined;
  let sawDeployment = false;
  let sawResources = false;
  /** The top-level key that decided the format, and its line. */
  let decidedBy: { key: string; line: number } | undefined;
  let sourceKey: string | undefined;
  let step: PendingStep | undefined;
  let urns: UrnRegistry | undefined;

  const expect = (
    ok: boolean,
    path: readonly PathPart[],
    line: number,
    what: string,
    got: string,
  ) => {
    if (!ok) {
      throw new ScanInputError(file, `expected ${what}, got ${got}`, {
        line,
        pointer: jsonPointer(path),
      });
    }
  };

  const emit = (raw: unknown, path: readonly PathPart[], line: number, op?: string) => {
    const fmt = format ?? "stack-export";
    const ctx: RecordContext = { file, path, line, values: values(fmt) };
    const r = toEngineResource(raw, ctx);
    if (!r) return;
    urns ??= new UrnRegistry(file, fmt === "stack-export" ? "resource" : "step");
    const at = { line, pointer: jsonPointer(path), ...(op !== undefined ? { op } : {}) };
    if (!urns.admit(r.urn, raw, at)) return;
    if (fmt !== "stack-export" && r.outputs !== undefined && Object.keys(r.outputs).length === 0) {
      // Preview outputs are empty for resources yet to be created: AnalyzeStack gets the inputs,
      // as the runner (and the engine's preview) does.
      delete r.outputs;
    }
    sink.resource(r, ctx);
  };

  const enter = (path: readonly PathPart[], kind: string, line: number): Step => {
    if (path.length === 0) {
      expect(
        kind === "object",
        path,
        line,
        `a JSON object: ${EXPECTED_INPUTS}`,
        kind === "array" ? "an array" : `a ${kind}`,
      );
      return "descend";
    }
    const key = path[0];
    if (path.length === 1 && typeof key === "string") {
      // The whole top level counts, not only its first key: a document with keys of both formats
      // (or both `deployment` and `checkpoint`) is ambiguous, and rejected when the second shows.
      const fmt = STACK_EXPORT_KEYS.has(key)
        ? "stack-export"
        : PREVIEW_KEYS.has(key)
          ? "preview"
          : undefined;
      if (fmt !== undefined && format === undefined) {
        format = fmt;
        decidedBy = { key, line };
        sink.format(format);
      }
      const twoSources =
        (key === "deployment" || key === "checkpoint") &&
        sourceKey !== undefined &&
        sourceKey !== key;
      if (key === "deployment" || key === "checkpoint") sourceKey = key;
      if (decidedBy !== undefined && fmt !== undefined && (fmt !== format || twoSources)) {
        const both = twoSources
          ? "both `deployment` and `checkpoint`, two sources of resources"
          : `\`${decidedBy.key}\` (line ${decidedBy.line}) of ${FORMAT_LABELS[format ?? fmt]} and \`${key}\` of ${FORMAT_LABELS[fmt]}`;
        throw new ScanInputError(
          file,
          `ambiguous input: the top level has ${both}, so the scan cannot know which resources to check; give one document per file: ${EXPECTED_INPUTS}`,
          { line, pointer: jsonPointer(path) },
        );
      }
    }
    if (format === "stack-export") {
      if (path.length === 1) {
        if (key === "version") return "collect";
        if (key === "deployment" || key === "checkpoint") {
          sawDeployment = true;
          expect(
            kind === "object",
            path,
            line,
            "an object",
            kind === "array" ? "an array" : `a ${kind}`,
          );
          return "descend";
        }
        return "skip";
      }
      if (key === "checkpoint" && path.length === 2) {
        if (path[1] === "stack") return "collect";
        if (path[1] === "latest") {
          if (kind === "null") return "skip";
          expect(kind === "object", path, line, "an object", `a ${kind}`);
          return "descend";
        }
        return "skip";
      }
      if (isResourcesPath(path)) {
        sawResources = true;
        if (kind === "null") return "skip";
        expect(
          kind === "array",
          path,
          line,
          "an array of resources",
          kind === "object" ? "an object" : `a ${kind}`,
        );
        return "descend";
      }
      if (typeof path[path.length - 1] === "number" && isResourcesPath(path.slice(0, -1))) {
        return "collect";
      }
      return "skip";
    }
    if (format === "preview") {
      if (path.length === 1) {
        if (key === "config") return "collect";
        if (key === "steps") {
          if (kind === "null") return "skip";
          expect(
            kind === "array",
            path,
            line,
            "an array of steps",
            kind === "object" ? "an object" : `a ${kind}`,
          );
          return "descend";
        }
        return "skip";
      }
      if (key === "steps" && path.length === 2) {
        expect(
          kind === "object",
          path,
          line,
          "a step object",
          kind === "array" ? "an array" : `a ${kind}`,
        );
        step = { line };
        return "descend";
      }
      if (key === "steps" && path.length === 3) {
        return path[2] === "op" || path[2] === "newState" ? "collect" : "skip";
      }
      return "skip";
    }
    return "skip";
  };

  await readJsonDocument(
    source,
    {
      enter,
      value(path, value, line) {
        if (format === "stack-export") {
          if (path.length === 1 && path[0] === "version") {
            if (typeof value !== "number" || !SUPPORTED_VERSIONS.has(value)) {
              throw new ScanInputError(
                file,
                `unsupported deployment version ${describe(value)}; expected 3 (what \`pulumi stack export\` writes) or 4`,
                { line, pointer: "/version" },
              );
            }
            return;
          }
          if (path.length === 2 && path[0] === "checkpoint" && path[1] === "stack") {
            if (typeof value === "string" && value !== "")
              sink.stackName?.(value.split("/").pop() ?? value);
            return;
          }
          emit(value, path, line);
          return;
        }
        if (format === "preview") {
          if (path.length === 1 && path[0] === "config") {
            sink.config(layerFromInputConfig(value, file, path, line), {
              line,
              pointer: "/config",
            });
            return;
          }
          if (step && path.length === 3) {
            if (path[2] === "op") step.op = value;
            else if (path[2] === "newState") step.newState = value;
          }
        }
      },
      exit(path) {
        if (format === "preview" && path.length === 2 && path[0] === "steps" && step) {
          const s = step;
          step = undefined;
          if (typeof s.op !== "string") {
            throw new ScanInputError(
              file,
              `expected the step's "op" to be a string, got ${describe(s.op)}`,
              {
                line: s.line,
                pointer: jsonPointer([...path, "op"]),
              },
            );
          }
          if (ANALYZED_OPS.has(s.op) && s.newState !== undefined && s.newState !== null) {
            emit(s.newState, [...path, "newState"], s.line, s.op);
          }
        }
      },
    },
    () => sink.drain(),
    () => (format === undefined ? EXPECTED_INPUTS : `the \`${FORMAT_LABELS[format]}\` document`),
  );
  if (format === undefined) {
    throw new ScanInputError(
      file,
      `unknown input format: no top-level \`deployment\` or \`steps\`; expected ${EXPECTED_INPUTS}`,
      { pointer: "" },
    );
  }
  if (format === "stack-export" && !sawDeployment) {
    throw new ScanInputError(
      file,
      'no `deployment` object: expected the output of `pulumi stack export` (`{"version": 3, "deployment": {…}}`)',
      { pointer: "" },
    );
  }
  if (format === "stack-export" && !sawResources && sourceKey !== "checkpoint") {
    throw new ScanInputError(
      file,
      'the `deployment` object has no `resources`: nothing to check, and not what `pulumi stack export` writes for a stack with resources; export the stack again (an empty stack is `"resources": []`)',
      { pointer: "/deployment" },
    );
  }
  return format;
}

// ── engine event logs ────────────────────────────────────────────────────────────────────────────

/** The CLI's colour markup (`<{%reset%}>`) and ANSI escapes, removed from recorded messages. */
export function stripColors(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/<\{%[^%]*%\}>/g, "").replace(/\u001b\[[0-9;]*m/g, "");
}

/** Read an event log line by line. */
export async function readEventLog(
  input: string | InputSource,
  sink: InputSink,
  values: ValueOptions,
): Promise<void> {
  const source = typeof input === "string" ? InputSource.open(input) : input;
  const file = source.file;
  sink.format("event-log");
  let lineNo = 0;
  let events = 0;
  const urns = new UrnRegistry(file, "resourcePreEvent");
  let pending: { text: string; line: number } | undefined;

  const handle = (text: string, line: number, last: boolean) => {
    if (text.trim() === "") return;
    // Checked before JSON.parse, which keeps the last of duplicate keys and names no column.
    const problem = inspectJson(text);
    if (problem?.kind === "syntax") {
      const truncated = last && problem.atEnd;
      throw new ScanInputError(
        file,
        truncated
          ? "unexpected end of input: the last event is incomplete (truncated file?); expected one JSON engine event per line"
          : `not valid JSON (unexpected ${problem.atEnd ? "end of the line" : excerpt(text.slice(problem.offset, problem.offset + 12))}); expected one JSON engine event per line`,
        { line, column: problem.offset + 1 },
      );
    }
    if (problem?.kind === "duplicate-key") {
      throw new ScanInputError(
        file,
        `${duplicateKeyProblem(problem.key, line, line).replace(/ \(twice on line \d+\)/, ` (columns ${problem.first + 1} and ${problem.second + 1})`)}`,
        { line, column: problem.second + 1, pointer: jsonPointer([...problem.path, problem.key]) },
      );
    }
    if (problem?.kind === "too-deep") {
      throw new ScanInputError(file, tooDeepProblem(), {
        line,
        column: problem.offset + 1,
        pointer: jsonPointer(problem.path),
      });
    }
    const event: unknown = JSON.parse(text);
    if (!isRecord(event)) {
      throw new ScanInputError(file, `expected an engine event object, got ${describe(event)}`, {
        line,
        column: 1,
      });
    }
    events++;
    const prelude = event["preludeEvent"];
    if (isRecord(prelude)) {
      sink.config(layerFromInputConfig(prelude["config"], file, ["preludeEvent", "config"], line), {
        line,
        pointer: "/preludeEvent/config",
      });
      return;
    }
    const pre = event["resourcePreEvent"];
    if (pre !== undefined) {
      if (!isRecord(pre) || !isRecord(pre["metadata"])) {
        throw new ScanInputError(file, "expected `resourcePreEvent.metadata` to be an object", {
          line,
          pointer: "/resourcePreEvent/metadata",
        });
      }
      const md = pre["metadata"];
      const op = md["op"];
      if (typeof op !== "string") {
        throw new ScanInputError(
          file,
          `expected the step's "op" to be a string, got ${describe(op)}`,
          {
            line,
            pointer: "/resourcePreEvent/metadata/op",
          },
        );
      }
      const state = md["new"];
      if (!ANALYZED_OPS.has(op) || state === undefined || state === null) return;
      const ctx: RecordContext = {
        file,
        path: ["resourcePreEvent", "metadata", "new"],
        line,
        values,
      };
      const r = toEngineResource(state, ctx);
      if (!r) return;
      const at = {
        line,
        pointer: "/resourcePreEvent/metadata/new",
        op,
        phase: pre["planning"] === true,
      };
      if (!urns.admit(r.urn, state, at)) return;
      if (r.outputs !== undefined && Object.keys(r.outputs).length === 0) delete r.outputs;
      sink.resource(r, ctx);
      return;
    }
    const pol = event["policyEvent"];
    if (isRecord(pol)) {
      const str = (k: string) => (typeof pol[k] === "string" ? (pol[k] as string) : "");
      const recorded: RecordedPolicyEvent = {
        urn: str("resourceUrn"),
        policyName: str("policyName"),
        policyPackName: str("policyPackName"),
        policyPackVersion: str("policyPackVersion"),
        enforcementLevel: str("enforcementLevel"),
        message: stripColors(str("message")),
        line,
      };
      if (typeof pol["severity"] === "string" && pol["severity"] !== "")
        recorded.severity = pol["severity"];
      sink.policyEvent(recorded);
      return;
    }
    const summary = event["summaryEvent"];
    if (isRecord(summary) && isRecord(summary["PolicyPacks"])) {
      const packs: Record<string, string> = {};
      for (const [k, v] of Object.entries(summary["PolicyPacks"]))
        if (typeof v === "string") packs[policyPackNameForEvents(k)] = v;
      sink.policyPacks?.(packs);
    }
  };

  const splitter = lineSplitter((text) => {
    lineNo++;
    // Hold one line back, so that the last line is known to be the last (truncation message).
    if (pending) handle(pending.text, pending.line, false);
    pending = { text, line: lineNo };
  });
  for await (const chunk of source.chunks()) {
    splitter.push(chunk);
    await sink.drain();
  }
  splitter.flush();
  if (pending) handle(pending.text, pending.line, true);
  if (events === 0) {
    throw new ScanInputError(file, `no engine events found; expected ${EXPECTED_INPUTS}`, {
      line: 1,
    });
  }
  await sink.drain();
}

/**
 * The pack name in an event log summary's `PolicyPacks` key: a local pack (`--policy-pack DIR`)
 * is keyed `<name>|local|<path>` (pulumi pkg/engine/update.go LocalPolicyPack.NameForEvents), a
 * published one by its name.
 */
export function policyPackNameForEvents(key: string): string {
  const parts = key.split("|");
  return parts.length === 3 && parts[1] === "local" ? parts[0]! : key;
}
