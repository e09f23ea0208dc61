// What every guardrail target (AWS SCP, Azure Policy, GCP organization policy) is: a compiler from
// the pack's guardrail model (jurisdiction-guard/guardrails) to files a security team applies.
import type { GuardrailCloud, GuardrailModel } from "jurisdiction-guard/guardrails";

/** One generated file. */
export interface GuardrailFile {
  /** Relative POSIX path under the output folder: "aws/scp-gpu-1.json". */
  readonly path: string;
  readonly content: string;
}

export interface GuardrailOutput {
  /**
   * The files, in the order they are listed. Every target writes a COVERAGE.md that says what its
   * guardrails cover, what they cannot express and where they are weaker than the pack.
   */
  readonly files: readonly GuardrailFile[];
  /** Lines for the terminal: what was generated, with sizes against the target's limits. */
  readonly summary: readonly string[];
  /** What this config asks that the target cannot carry (also written in COVERAGE.md). */
  readonly warnings: readonly string[];
}

export interface TargetOptions {
  /** AWS: the most characters one SCP may have (5,120 by default, AWS's documented quota). */
  readonly scpMaxChars: number;
}

export interface GuardrailTarget {
  readonly name: string;
  readonly cloud: GuardrailCloud;
  /** One line for --help. */
  readonly description: string;
  compile(model: GuardrailModel, options: TargetOptions): GuardrailOutput;
}
