// `jurisdiction-guard explain TERM`: what the pack knows of a region, instance type, ASN, IP
// address, country code or jurisdiction group, and whether the default config (or the one given
// with --policy-pack-config) restricts it. Every fact comes from the pack's catalogue
// (jurisdiction-guard/explain); this command only reads the config and prints.
//
// Exit codes: 0 answered; 2 an unknown term (with the closest known name), a bad option or config.
import * as path from "path";
import type { Command } from "commander";
import { Option } from "commander";
import type * as ExplainModule from "jurisdiction-guard/explain";
import type { PolicyEntry } from "jurisdiction-guard/explain";
import { ownPolicies, OWN_PACK } from "../own-pack";
import { formatExplainText } from "../report/explain-text";
import { checkPolicyPackConfigFile } from "../runner/policy-config";
import { UsageError } from "../scan/errors";

export const EXPLAIN_FORMATS = ["text", "json"] as const;

export interface ExplainIO {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  cwd: string;
}

interface ExplainOptions {
  format: (typeof EXPLAIN_FORMATS)[number];
  policyPackConfig?: string;
}

/**
 * Each policy's enforcement level and settings in a policy pack config file (checked whole, as the
 * pack checks it), or the defaults when there is no file.
 */
export function policyEntries(file: string | undefined, cwd: string): PolicyEntry {
  if (file === undefined) return () => ({});
  const config = checkPolicyPackConfigFile(path.resolve(cwd, file), ownPolicies(OWN_PACK));
  const all = config["all"]?.enforcementLevel;
  return (policy) => {
    const own = config[policy];
    const level = own?.enforcementLevel ?? all;
    return {
      ...(level !== undefined ? { enforcementLevel: level } : {}),
      ...(own?.properties ? { properties: own.properties } : {}),
    };
  };
}

function explainAction(term: string, opts: ExplainOptions, io: ExplainIO): number {
  if (term.trim() === "") throw new UsageError("explain: TERM is empty");
  const entry = policyEntries(opts.policyPackConfig, io.cwd);
  // Loaded here, not at start-up: `scan` never pays for the catalogue's tables.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { explain } = require("jurisdiction-guard/explain") as typeof ExplainModule;
  const result = explain(term, entry);
  if (opts.format === "json") {
    io.stdout.write(`${JSON.stringify(result.answers, null, 2)}\n`);
  } else if (result.answers.length > 0) {
    io.stdout.write(`${formatExplainText(result, opts.policyPackConfig).join("\n")}\n`);
  }
  if (result.answers.length === 0) {
    const hint = result.suggestion !== undefined ? `; did you mean ${result.suggestion}?` : "";
    io.stderr.write(
      `error: ${JSON.stringify(term)} is not a region, instance type, ASN, IP address, country code or jurisdiction group the pack knows${hint}\n`,
    );
    return 2;
  }
  return 0;
}

export function addExplainCommand(program: Command, io: ExplainIO, result: { code: number }): void {
  program
    .command("explain")
    .description(
      "What the pack knows of a region (any cloud), instance type / VM size / machine type, ASN, IP " +
        "address, country code or jurisdiction group, and whether the config restricts it, with sources.",
    )
    .argument("<term>", "e.g. cn-north-1, chinaeast2, p4d.24xlarge, AS45102, 47.74.1.1, CN, ear-d5")
    .addOption(
      new Option("--format <format>", "output format").choices(EXPLAIN_FORMATS).default("text"),
    )
    .option(
      "--policy-pack-config <file>",
      "answer under this policy config file (same shape as `pulumi preview --policy-pack-config`)",
    )
    .addHelpText(
      "after",
      `
JSON (--format json) is an array of answers, one per meaning of the term (a region name may
exist in several clouds): kind, name, cloud, country, accelerators, providers, members,
restricted, why, policy, source, reviewed.

Exit codes: 0 answered, 2 unknown term (with a suggestion), bad option or config.

Examples:
  jurisdiction-guard explain cn-north-1
  jurisdiction-guard explain Standard_ND96asr_v4 --format json
  jurisdiction-guard explain 47.74.1.1 --policy-pack-config policy-config.json`,
    )
    .action((term: string, opts: ExplainOptions) => {
      result.code = explainAction(term, opts, io);
    });
}
