// Errors of `jurisdiction-guard scan` that end in exit code 2: unusable input (naming the file, the
// position and what was expected) and unusable command lines.

/** Where in an input file a problem is: 1-based line and column, and/or a JSON pointer. */
export interface InputPosition {
  line?: number;
  column?: number;
  /** RFC 6901 JSON pointer of the value concerned, e.g. "/deployment/resources/3/urn". */
  pointer?: string;
}

/** An input file that cannot be scanned: missing, unreadable, malformed or of an unknown shape. */
export class ScanInputError extends Error {
  readonly file: string;
  readonly position: InputPosition;
  readonly problem: string;
  constructor(file: string, problem: string, position: InputPosition = {}) {
    super(`${file}${formatPosition(position)}: ${problem}`);
    this.name = "ScanInputError";
    this.file = file;
    this.problem = problem;
    this.position = position;
  }
}

/** A command line that cannot be run (bad option value, conflicting options). */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

/** ":12:5 (at /deployment/resources/3)", or "" when nothing is known. */
export function formatPosition(p: InputPosition): string {
  let out = "";
  if (p.line !== undefined) {
    out += `:${p.line}`;
    if (p.column !== undefined) out += `:${p.column}`;
  }
  if (p.pointer !== undefined)
    out += ` (at ${p.pointer === "" ? "the top level" : shortPointer(p.pointer)})`;
  return out;
}

/** Error lines quote at most this much of any one piece of input (a key, a pointer). */
export const MAX_EXCERPT = 120;

/** A piece of input for an error line: JSON-quoted, and shortened in the middle when long. */
export function excerpt(s: string, max = MAX_EXCERPT): string {
  if (s.length <= max) return JSON.stringify(s);
  const half = Math.floor((max - 1) / 2);
  return `${JSON.stringify(s.slice(0, half)).slice(0, -1)}…${JSON.stringify(s.slice(-half)).slice(1)} (${s.length} characters)`;
}

/** A JSON pointer for an error line: a deep or long one keeps its start and its end. */
export function shortPointer(pointer: string, max = 2 * MAX_EXCERPT): string {
  if (pointer.length <= max) return pointer;
  const half = Math.floor((max - 1) / 2);
  const depth = pointer.split("/").length - 1;
  return `${pointer.slice(0, half)}…${pointer.slice(-half)} (${depth} levels deep)`;
}

/** RFC 6901: "/a/b~1c/0" for ["a", "b/c", 0]. */
export function jsonPointer(path: readonly (string | number)[]): string {
  return path.map((p) => `/${String(p).replace(/~/g, "~0").replace(/\//g, "~1")}`).join("");
}

/** A read failure, naming the file. */
export function readError(file: string, e: unknown): ScanInputError {
  const code = (e as { code?: string }).code;
  const reason =
    code === "ENOENT"
      ? "no such file"
      : code === "EISDIR"
        ? "is a directory, expected a file"
        : code === "EACCES"
          ? "permission denied"
          : e instanceof Error
            ? e.message
            : String(e);
  return new ScanInputError(file, `cannot read the file: ${reason}`);
}
