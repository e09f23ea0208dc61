// Policy pack configuration as the engine handles it (pulumi/pulumi pkg/resource/analyzer/config.go):
//   1. parse the user file (`pulumi preview --policy-pack-config`): `{"all": level, "<policy>":
//      level | {"enforcementLevel": level, ...properties}}`;
//   2. reconcile: schema defaults and code levels, then the pack's initial config, then the file,
//      where "all" sets the level of every policy;
//   3. validate each policy's properties against its config schema (JSON Schema; ajv here,
//      gojsonschema in the engine) and refuse to run when anything is invalid.
import * as fs from "fs";
import type Ajv from "ajv";
import type { ErrorObject } from "ajv";
import type * as PackLibrary from "jurisdiction-guard";
import type { DeclaredPolicy, PackConfigProblem } from "jurisdiction-guard";
import { ENFORCEMENT_LEVELS, isEnforcementLevel } from "jurisdiction-guard/levels";
import type { PolicyConfigEntry, PolicyInfo, PolicyPackConfig } from "./types";

export { ENFORCEMENT_LEVELS, isEnforcementLevel };

/** One problem with the policy configuration, naming where it is. */
export interface PolicyConfigProblem {
  /** The config file, when the problem comes from one. */
  file?: string;
  /** The policy name (or "all"). */
  policy?: string;
  /** The offending field as a dotted path, e.g. "restrictedRegions[0]". */
  field?: string;
  message: string;
}

/** Invalid policy configuration. `message` is meant for users as is (no stack trace needed). */
export class PolicyConfigError extends Error {
  readonly problems: PolicyConfigProblem[];
  constructor(problems: PolicyConfigProblem[], header = "invalid policy pack configuration") {
    super(`${header}:\n${problems.map((p) => `  - ${formatProblem(p)}`).join("\n")}`);
    this.name = "PolicyConfigError";
    this.problems = problems;
  }
}

export function formatProblem(p: PolicyConfigProblem): string {
  const where = [
    p.file !== undefined ? `file ${p.file}` : undefined,
    p.policy !== undefined ? `policy "${p.policy}"` : undefined,
    p.field !== undefined ? `field "${p.field}"` : undefined,
  ].filter((s) => s !== undefined);
  return where.length > 0 ? `${where.join(", ")}: ${p.message}` : p.message;
}

/** The user-facing shape of a config file / object (same as `--policy-pack-config`). */
export type PolicyPackConfigInput = Record<string, unknown>;

/** Parse a config object the way the engine parses `--policy-pack-config` files. */
export function parsePolicyPackConfig(raw: unknown, file?: string): PolicyPackConfig {
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) {
    throw new PolicyConfigError([{ file, message: "the config must be a JSON object" }]);
  }
  const problems: PolicyConfigProblem[] = [];
  const result: PolicyPackConfig = {};
  for (const [policy, value] of Object.entries(raw as Record<string, unknown>)) {
    if (typeof value === "string") {
      if (!isEnforcementLevel(value)) {
        problems.push({
          file,
          policy,
          message: `"${value}" is not a valid enforcement level (expected one of ${ENFORCEMENT_LEVELS.join(", ")})`,
        });
        continue;
      }
      result[policy] = { enforcementLevel: value };
    } else if (value !== null && typeof value === "object" && !Array.isArray(value)) {
      const { enforcementLevel, ...properties } = value as Record<string, unknown>;
      const entry: PolicyConfigEntry = {};
      if (enforcementLevel !== undefined) {
        if (!isEnforcementLevel(enforcementLevel)) {
          problems.push({
            file,
            policy,
            field: "enforcementLevel",
            message: `${JSON.stringify(enforcementLevel)} is not a valid enforcement level (expected one of ${ENFORCEMENT_LEVELS.join(", ")})`,
          });
          continue;
        }
        entry.enforcementLevel = enforcementLevel;
      }
      if (Object.keys(properties).length > 0) entry.properties = properties;
      // The engine drops empty entries.
      if (entry.enforcementLevel !== undefined || entry.properties !== undefined) {
        result[policy] = entry;
      }
    } else {
      problems.push({
        file,
        policy,
        message: `${JSON.stringify(value)} is not a valid value; must be an enforcement level or an object`,
      });
    }
  }
  if (problems.length > 0) throw new PolicyConfigError(problems);
  return result;
}

/** Read and parse a config file; every failure names the file. */
export function loadPolicyPackConfigFile(file: string): PolicyPackConfig {
  return parsePolicyPackConfig(readConfigJson(file) ?? {}, file);
}

/** A config file's JSON; undefined for an empty file ("no config", as the engine reads it). */
function readConfigJson(file: string): unknown {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (e) {
    throw new PolicyConfigError([{ file, message: `cannot read the file (${errorText(e)})` }]);
  }
  // The engine accepts an empty file as "no config".
  if (text.trim() === "") return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw new PolicyConfigError([{ file, message: `not valid JSON (${errorText(e)})` }]);
  }
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

function defaultsFor(policies: readonly PolicyInfo[]): PolicyPackConfig {
  const result: PolicyPackConfig = {};
  for (const p of policies) {
    let properties: Record<string, unknown> | undefined;
    for (const [k, schema] of Object.entries(p.configSchema?.properties ?? {})) {
      if ("default" in schema) {
        properties ??= {};
        properties[k] = structuredClone(schema["default"]);
      }
    }
    const entry: PolicyConfigEntry = { enforcementLevel: p.enforcementLevel };
    if (properties) entry.properties = properties;
    result[p.name] = entry;
  }
  return result;
}

function applyConfig(result: PolicyPackConfig, toApply: PolicyPackConfig): PolicyPackConfig {
  const all = toApply["all"];
  if (all?.enforcementLevel !== undefined) {
    for (const [k, v] of Object.entries(result)) {
      result[k] = { ...v, enforcementLevel: all.enforcementLevel };
    }
  }
  // Like the engine, every key is applied, "all" and unknown policy names included.
  for (const [policy, given] of Object.entries(toApply)) {
    const current = result[policy] ?? {};
    const entry: PolicyConfigEntry = { ...current };
    if (given.enforcementLevel !== undefined) entry.enforcementLevel = given.enforcementLevel;
    if (given.properties && Object.keys(given.properties).length > 0) {
      entry.properties = { ...(current.properties ?? {}), ...structuredClone(given.properties) };
    }
    result[policy] = entry;
  }
  return result;
}

/** Dotted path from an ajv instance path: "/restrictedRegions/0" -> "restrictedRegions[0]". */
function fieldOf(err: ErrorObject): string {
  const parts = err.instancePath.split("/").slice(1);
  if (err.keyword === "required") {
    const missing = (err.params as { missingProperty?: string }).missingProperty;
    if (missing !== undefined) parts.push(missing);
  }
  let out = "";
  for (const raw of parts) {
    const part = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    out += /^\d+$/.test(part) ? `[${part}]` : out === "" ? part : `.${part}`;
  }
  return out === "" ? "(root)" : out;
}

function messageOf(err: ErrorObject): string {
  const params = err.params as Record<string, unknown>;
  if (err.keyword === "enum" && Array.isArray(params["allowedValues"])) {
    return `must be one of ${(params["allowedValues"] as unknown[]).map((v) => JSON.stringify(v)).join(", ")}`;
  }
  if (err.keyword === "required") return "is required";
  return err.message ?? err.keyword;
}

let ajvInstance: Ajv | undefined;
function ajv(): Ajv {
  if (ajvInstance === undefined) {
    // Loaded when first needed (about 60 modules): not before a scan has a pack to configure.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { default: AjvClass } = require("ajv") as { default: typeof Ajv };
    // Lenient like gojsonschema: unknown keywords and formats are ignored rather than fatal.
    ajvInstance = new AjvClass({ allErrors: true, strict: false, logger: false });
  }
  return ajvInstance;
}

/**
 * Load config validation now, while something else (a pack loading) is being waited for: ajv's
 * module, and its first compilation (about 20 ms of warming up its code generation, which every
 * later schema then does without), over a schema of the keywords pack settings use.
 */
export function preloadConfigValidation(): void {
  ajv().compile({
    type: "object",
    properties: {
      list: { type: "array", items: { type: "string", pattern: "^[a-z]", minLength: 1 } },
      choice: { type: "string", enum: ["a", "b"] },
      flag: { type: "boolean" },
      nested: { type: "object", additionalProperties: { type: "number", minimum: 0 } },
    },
    required: ["list"],
    additionalProperties: false,
  });
}

/** Validate the reconciled config against each policy's schema, as `validatePolicyPackConfig`. */
export function validatePolicyPackConfig(
  policies: readonly PolicyInfo[],
  config: PolicyPackConfig,
  file?: string,
): PolicyConfigProblem[] {
  const problems: PolicyConfigProblem[] = [];
  for (const p of policies) {
    if (!p.configSchema) continue;
    const schema: Record<string, unknown> = { type: "object" };
    if (Object.keys(p.configSchema.properties).length > 0) {
      schema["properties"] = p.configSchema.properties;
    }
    if (p.configSchema.required.length > 0) schema["required"] = p.configSchema.required;
    let validate;
    try {
      validate = ajv().compile(schema);
    } catch (e) {
      problems.push({
        policy: p.name,
        message: `the pack's config schema is invalid: ${errorText(e)}`,
      });
      continue;
    }
    const props = config[p.name]?.properties ?? {};
    if (!validate(props)) {
      for (const err of validate.errors ?? []) {
        problems.push({ file, policy: p.name, field: fieldOf(err), message: messageOf(err) });
      }
    }
  }
  return problems;
}

/**
 * The pack's config checker, loaded when a config is there to check: it brings the pack's tables,
 * which a run without config does not need at start-up.
 */
function packConfig(): typeof PackLibrary {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require("jurisdiction-guard") as typeof PackLibrary;
}

function configErrorOf(problems: readonly PackConfigProblem[], file?: string): PolicyConfigError {
  return new PolicyConfigError(
    problems.map((p) => ({
      ...(file !== undefined ? { file } : {}),
      ...(p.policy !== "(file)" ? { policy: p.policy } : {}),
      ...(p.field !== undefined ? { field: p.field } : {}),
      message: packConfig().problemAndFix(p.cause),
    })),
    "validating policy config",
  );
}

/**
 * Read a `--policy-pack-config` file and check it whole, before any pack starts: with
 * `policies` (the pack's own declarations, when its code is at hand) every check the pack makes
 * (region names, jurisdictions, exemptions), else only what the file itself must be (JSON, levels).
 * Throws `PolicyConfigError` naming the file, policy, field and fix.
 */
export function checkPolicyPackConfigFile(
  file: string,
  policies?: readonly DeclaredPolicy[],
): PolicyPackConfig {
  const raw = readConfigJson(file) ?? {};
  if (policies) {
    const problems = packConfig().checkPackConfig(raw, policies);
    if (problems.length > 0) throw configErrorOf(problems, file);
  }
  return parsePolicyPackConfig(raw, file);
}

/** A parsed config in the shape of the file again: `{"<policy>": {"enforcementLevel", ...}}`. */
function rawConfigOf(config: PolicyPackConfig): Record<string, unknown> {
  const raw: Record<string, unknown> = {};
  for (const [policy, entry] of Object.entries(config)) {
    raw[policy] =
      policy === "all" && entry.properties === undefined
        ? entry.enforcementLevel
        : {
            ...(entry.enforcementLevel !== undefined
              ? { enforcementLevel: entry.enforcementLevel }
              : {}),
            ...(entry.properties ?? {}),
          };
  }
  return raw;
}

/**
 * Reconcile schema defaults, the pack's initial config and the user config, then validate, as
 * `ReconcilePolicyPackConfig` does. Throws `PolicyConfigError` listing every invalid field.
 */
export function reconcilePolicyPackConfig(
  policies: readonly PolicyInfo[],
  initialConfig: PolicyPackConfig | undefined,
  config: PolicyPackConfig | undefined,
  file?: string,
): PolicyPackConfig {
  // Stricter than the engine, on purpose: the engine checks each policy's properties against
  // `{type: "object", properties, required}` (all the protocol's PolicyConfigSchema carries), so it
  // lets a misspelled setting or policy name through, where the rule then never applies (the
  // jurisdiction-guard pack itself reports a misspelled setting on every resource it decides).
  // Here the user config goes through the pack config checker first, against the schemas the pack
  // reported (closed: an unknown key is an error), and is refused before anything is evaluated.
  // What only the pack can check (region names, globs, dates) the pack reports itself.
  if (config) {
    const strict = packConfig().checkPackConfig(rawConfigOf(config), policies, undefined, "schema");
    if (strict.length > 0) throw configErrorOf(strict, file);
  }
  let result = defaultsFor(policies);
  if (initialConfig) result = applyConfig(result, initialConfig);
  if (config) result = applyConfig(result, config);
  const problems = validatePolicyPackConfig(policies, result, file);
  // The engine's Configure refuses an entry without a valid level, which is what a config entry
  // for a policy the pack does not have (and that sets no level) becomes.
  for (const [name, entry] of Object.entries(result)) {
    if (entry.enforcementLevel === undefined) {
      problems.push({ file, policy: name, message: "the policy pack has no policy of this name" });
    }
  }
  if (problems.length > 0) {
    problems.sort((a, b) => formatProblem(a).localeCompare(formatProblem(b)));
    throw new PolicyConfigError(problems, "validating policy config");
  }
  return result;
}
