// Config that turns a control off: a policy disabled (`"disabled"`, or `"all": "disabled"`), or a
// restricting list left empty so that the policy can deny nothing. A scan under such config passes
// without having checked, so every report says so, and `--require-policies` makes it fail.
import type { ScanRun } from "./types";
import type { FileScanResult } from "./types";

export interface WeakenedPolicy {
  /** The input file, as given on the command line. */
  file: string;
  policy: string;
  /** "disabled": the enforcement level is disabled; "empty-list": a restricting list is empty. */
  reason: "disabled" | "empty-list";
  /** The setting that is empty (empty-list only). */
  setting?: string;
  /** One line for people. */
  message: string;
}

/** Settings whose empty list means the policy restricts nothing. */
const RESTRICTING_LISTS = ["restrictedJurisdictions"] as const;

function isEmptyList(v: unknown): boolean {
  return Array.isArray(v) && v.length === 0;
}

/** The policies of one scanned file that the effective config (as sent in Configure) weakens. */
export function weakenedPolicies(
  file: Pick<FileScanResult, "file" | "info" | "policyConfig">,
): WeakenedPolicy[] {
  const out: WeakenedPolicy[] = [];
  for (const p of file.info.policies) {
    const entry = file.policyConfig[p.name];
    const level = entry?.enforcementLevel ?? p.enforcementLevel;
    if (level === "disabled") {
      out.push({
        file: file.file,
        policy: p.name,
        reason: "disabled",
        message: `${p.name} is disabled by the policy config: not checked`,
      });
      continue;
    }
    const props = entry?.properties ?? {};
    for (const setting of RESTRICTING_LISTS) {
      if (isEmptyList(props[setting])) {
        out.push({
          file: file.file,
          policy: p.name,
          reason: "empty-list",
          setting,
          message: `${p.name} has ${setting}: [] in the policy config: it denies nothing`,
        });
      }
    }
  }
  return out;
}

/** Every input file's weakened policies, in file order. */
export function weakenedInRun(run: Pick<ScanRun, "files">): WeakenedPolicy[] {
  return run.files.flatMap((f) => weakenedPolicies(f));
}
