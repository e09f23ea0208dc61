// The top level of a stack config file (`Pulumi.<stack>.yaml`), shared by the demo's program
// reader and the scan's `--stack-config`. The Pulumi CLI reads config only under `config:`; a
// config key written at the top level (`aws:region: cn-north-1`) would be silently dropped, and
// with it the region the pack decides on, so it is an error with the fix.
import type * as PackLibrary from "jurisdiction-guard";

/** The top-level keys of a stack config file (the Pulumi CLI's ProjectStack). */
export const STACK_FILE_KEYS: readonly string[] = [
  "config",
  "environment",
  "secretsprovider",
  "encryptedkey",
  "encryptionsalt",
];

export interface StackFileProblem {
  /** The offending top-level key. */
  key: string;
  problem: string;
}

/** What is wrong with a stack config file's top-level keys, or undefined. */
export function stackFileProblem(
  doc: Readonly<Record<string, unknown>>,
): StackFileProblem | undefined {
  const unknown = Object.keys(doc).filter((k) => !STACK_FILE_KEYS.includes(k));
  const first = unknown[0];
  if (first === undefined) return undefined;
  // The pack's wording and suggestion helpers, loaded only on this error path (the library
  // brings the pack).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { closest, problemAndFix } = require("jurisdiction-guard") as typeof PackLibrary;
  const configLike = unknown.filter((k) => k.includes(":"));
  if (configLike.length > 0) {
    return {
      key: configLike[0] ?? first,
      problem: problemAndFix({ code: "config-keys-at-top-level", keys: configLike }),
    };
  }
  const suggestion = closest(first, STACK_FILE_KEYS);
  return {
    key: first,
    problem: problemAndFix({
      code: "unknown-stack-file-key",
      key: first,
      known: STACK_FILE_KEYS,
      ...(suggestion !== undefined ? { suggestion } : {}),
    }),
  };
}
