// `jurisdiction-guard guardrails --target aws-scp|azure-policy|gcp-org-policy`: compiles the pack's
// rules (the same data tables, the same policy pack config) into guardrails a cloud enforces where
// no Pulumi program runs: AWS Service Control Policies, Azure Policy definitions, Google Cloud
// organization-policy custom constraints. The decisions come from jurisdiction-guard/guardrails;
// each target (cli/guardrails/) only words them.
//
// Exit codes: 0 generated; 2 a bad option, an invalid config or an output folder it may not write.
import * as fs from "fs";
import * as path from "path";
import type { Command } from "commander";
import { InvalidArgumentError, Option } from "commander";
import type * as GuardrailsModule from "jurisdiction-guard/guardrails";
import { loadTarget, TARGET_NAMES } from "../guardrails";
import type { GuardrailFile, GuardrailOutput, TargetName } from "../guardrails";
import { escapeControls } from "../report/terminal";
import { UsageError } from "../scan/errors";
import { policyEntries } from "./explain";

export interface GuardrailsIO {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  cwd: string;
}

interface GuardrailsOptions {
  target: TargetName;
  policyPackConfig?: string;
  output?: string;
  scpMaxChars: number;
}

/** AWS's documented SCP size quota, in characters (whitespace included). */
export const SCP_MAX_CHARS = 5120;
/** The largest --scp-max-chars accepted, for an organization whose SCP size quota is higher (see Service Quotas). */
const SCP_MAX_CHARS_CEILING = 10240;

/** The file an output folder keeps to remember what a previous run wrote there. */
export const MANIFEST = ".jurisdiction-guard-guardrails.json";

interface Manifest {
  readonly tool: "jurisdiction-guard guardrails";
  readonly target: string;
  readonly files: readonly string[];
}

function readManifest(dir: string): Manifest | undefined {
  let text: string;
  try {
    text = fs.readFileSync(path.join(dir, MANIFEST), "utf8");
  } catch {
    return undefined;
  }
  try {
    const m = JSON.parse(text) as Partial<Manifest>;
    if (m.tool === "jurisdiction-guard guardrails" && Array.isArray(m.files)) return m as Manifest;
  } catch {
    // fall through
  }
  throw new UsageError(
    `${path.join(dir, MANIFEST)}: not a manifest this command wrote; remove it or choose another output folder`,
  );
}

/**
 * Writes the files under `dir`. A folder a previous run of this command wrote is refreshed: the
 * files it listed are removed first, so a guardrail that is no longer generated does not linger. A
 * folder with other content is refused rather than mixed with.
 */
export function writeGuardrailFiles(
  dir: string,
  target: string,
  files: readonly GuardrailFile[],
): void {
  let entries: string[] = [];
  try {
    entries = fs.readdirSync(dir);
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === "ENOTDIR")
      throw new UsageError(`-o ${dir}: not a folder; give a new or empty folder`);
    if (code !== "ENOENT") throw new UsageError(`-o ${dir}: cannot read the folder: ${String(e)}`);
  }
  const manifest = entries.length > 0 ? readManifest(dir) : undefined;
  if (entries.length > 0 && manifest === undefined) {
    throw new UsageError(
      `-o ${dir}: the folder is not empty and was not written by this command; give a new or empty folder`,
    );
  }
  if (manifest !== undefined && manifest.target !== target) {
    throw new UsageError(
      `-o ${dir}: the folder holds ${manifest.target} guardrails; give each target its own folder`,
    );
  }
  for (const old of manifest?.files ?? []) {
    const resolved = path.resolve(dir, old);
    if (!resolved.startsWith(path.resolve(dir) + path.sep)) continue;
    fs.rmSync(resolved, { force: true });
  }
  for (const f of files) {
    const file = path.join(dir, ...f.path.split("/"));
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, f.content);
  }
  const next: Manifest = {
    tool: "jurisdiction-guard guardrails",
    target,
    files: files.map((f) => f.path),
  };
  fs.writeFileSync(path.join(dir, MANIFEST), `${JSON.stringify(next, null, 2)}\n`);
}

function parseMaxChars(value: string): number {
  const n = Number(value);
  if (
    !/^\d+$/.test(value.trim()) ||
    !Number.isSafeInteger(n) ||
    n < 1024 ||
    n > SCP_MAX_CHARS_CEILING
  ) {
    throw new InvalidArgumentError(
      `expected a whole number of characters from 1024 to ${SCP_MAX_CHARS_CEILING} (AWS's documented quota is ${SCP_MAX_CHARS}; go above it only if Service Quotas shows your organization a higher one)`,
    );
  }
  return n;
}

export function compileGuardrails(
  target: TargetName,
  configFile: string | undefined,
  cwd: string,
  scpMaxChars: number = SCP_MAX_CHARS,
  today?: string,
): GuardrailOutput {
  const entry = policyEntries(configFile, cwd);
  // Loaded here: `scan` never pays for the catalogue's tables.
  const { guardrailModel, GuardrailConfigError } =
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    require("jurisdiction-guard/guardrails") as typeof GuardrailsModule;
  let model: ReturnType<typeof guardrailModel>;
  try {
    model = guardrailModel(entry, today);
  } catch (e) {
    if (e instanceof GuardrailConfigError) throw new UsageError(e.message);
    throw e;
  }
  return loadTarget(target).compile(model, { scpMaxChars });
}

function guardrailsAction(opts: GuardrailsOptions, io: GuardrailsIO): number {
  const output = compileGuardrails(opts.target, opts.policyPackConfig, io.cwd, opts.scpMaxChars);
  const from =
    opts.policyPackConfig !== undefined ? opts.policyPackConfig : "the default policy config";
  if (opts.output === undefined) {
    // Every file, each under a `==> path <==` header (as `head` prints several files).
    for (const f of output.files) io.stdout.write(`==> ${f.path} <==\n${f.content}\n`);
    io.stderr.write(`${opts.target} guardrails from ${escapeControls(from)}:\n`);
    for (const line of output.summary) io.stderr.write(`  ${line}\n`);
  } else {
    const dir = path.resolve(io.cwd, opts.output);
    writeGuardrailFiles(dir, opts.target, output.files);
    io.stdout.write(
      `${opts.target} guardrails from ${escapeControls(from)}, written to ${escapeControls(opts.output)}:\n`,
    );
    for (const line of output.summary) io.stdout.write(`  ${line}\n`);
  }
  for (const w of output.warnings) io.stderr.write(`warning: ${w}\n`);
  return 0;
}

export function addGuardrailsCommand(
  program: Command,
  io: GuardrailsIO,
  result: { code: number },
): void {
  program
    .command("guardrails")
    .description(
      "Compile the pack's rules (same data, same policy config) into cloud guardrails: AWS " +
        "Service Control Policies, Azure Policy definitions, Google Cloud organization-policy constraints.",
    )
    .addOption(
      new Option("--target <target>", "what to generate")
        .choices(TARGET_NAMES)
        .makeOptionMandatory(),
    )
    .option(
      "--policy-pack-config <file>",
      "compile under this policy config file (same shape as `pulumi preview --policy-pack-config`)",
    )
    .option(
      "-o, --output <dir>",
      "write the files to this folder (new, empty, or one this command wrote before); default: print them",
    )
    .addOption(
      new Option("--scp-max-chars <n>", "aws-scp: the most characters one SCP may have")
        .argParser(parseMaxChars)
        .default(SCP_MAX_CHARS),
    )
    .addHelpText(
      "after",
      `
Every target also writes COVERAGE.md: what its guardrails cover, what they cannot express, and
where they are weaker than the pack at \`pulumi preview\`.

Exit codes: 0 generated, 2 bad option, invalid config or unusable output folder.

Examples:
  jurisdiction-guard guardrails --target aws-scp -o guardrails/aws
  jurisdiction-guard guardrails --target azure-policy --policy-pack-config policy-config.json -o guardrails/azure
  jurisdiction-guard guardrails --target gcp-org-policy -o guardrails/gcp`,
    )
    .action((opts: GuardrailsOptions) => {
      result.code = guardrailsAction(opts, io);
    });
}
