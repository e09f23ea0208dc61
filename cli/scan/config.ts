// Stack config for a scan. `pulumi preview --json` (its `config`) and event logs (the prelude's
// `config`) carry it; a stack export does not, so `--stack-config Pulumi.<stack>.yaml` and
// `--config key=value` supply it. Later layers win: input, then --stack-config, then --config.
//
// Secret values are never readable here: `secure:` ciphertexts in a stack file and "[secret]" in
// preview/event-log config are kept as *unknown* secrets - left out of PULUMI_CONFIG (so the pack
// sees them as unset) and given to default providers as secret unknowns.
import * as fs from "fs";
import * as yaml from "js-yaml";
import { stackFileProblem } from "../inputs/stack-file";
import { configValueString, namespacedKey } from "../program/stack-config";
import { jsonPointer, ScanInputError, UsageError } from "./errors";
import type { ScanStackConfig } from "./resources";
import { BLINDED_SECRET } from "./values";

/** One source of config; keys may still lack a namespace (`<project>:` is added later). */
export interface ConfigLayer {
  values: Record<string, string>;
  secretKeys: string[];
  unknownSecretKeys: string[];
}

export function emptyLayer(): ConfigLayer {
  return { values: {}, secretKeys: [], unknownSecretKeys: [] };
}

function hasSecure(v: unknown): boolean {
  if (v === null || typeof v !== "object") return false;
  if (!Array.isArray(v) && "secure" in v) return true;
  return Object.values(v as Record<string, unknown>).some(hasSecure);
}

/** A `Pulumi.<stack>.yaml` file's `config:` block. */
export function readStackConfigFile(file: string): ConfigLayer {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (e) {
    const code = (e as { code?: string }).code;
    throw new ScanInputError(
      file,
      `cannot read the stack config file${code === "ENOENT" ? ": no such file" : `: ${String(e)}`}`,
    );
  }
  let doc: unknown;
  try {
    doc = yaml.load(text);
  } catch (e) {
    const mark = (e as { mark?: { line?: number; column?: number } }).mark;
    const reason = (e as { reason?: string }).reason ?? String(e);
    const position: { line?: number; column?: number } = {};
    if (typeof mark?.line === "number") position.line = mark.line + 1;
    if (typeof mark?.column === "number") position.column = mark.column + 1;
    throw new ScanInputError(
      file,
      `not valid YAML: ${reason}; expected a Pulumi.<stack>.yaml file`,
      position,
    );
  }
  const layer = emptyLayer();
  if (doc === null || doc === undefined) return layer;
  if (typeof doc !== "object" || Array.isArray(doc)) {
    throw new ScanInputError(
      file,
      "expected a YAML mapping with a `config:` block (Pulumi.<stack>.yaml)",
      {
        pointer: "",
      },
    );
  }
  const misplaced = stackFileProblem(doc as Record<string, unknown>);
  if (misplaced) {
    throw new ScanInputError(file, misplaced.problem, { pointer: jsonPointer([misplaced.key]) });
  }
  const config = (doc as Record<string, unknown>)["config"];
  if (config === undefined || config === null) return layer;
  if (typeof config !== "object" || Array.isArray(config)) {
    throw new ScanInputError(file, "expected `config:` to be a mapping of keys to values", {
      pointer: "/config",
    });
  }
  for (const [key, value] of Object.entries(config as Record<string, unknown>)) {
    if (hasSecure(value)) {
      layer.unknownSecretKeys.push(key);
      continue;
    }
    try {
      layer.values[key] = configValueString(value, `config ${key}`);
    } catch (e) {
      throw new ScanInputError(file, e instanceof Error ? e.message : String(e), {
        pointer: jsonPointer(["config", key]),
      });
    }
  }
  return layer;
}

/** The `config` map of a preview digest or a prelude event; "[secret]" values are unknown secrets. */
export function layerFromInputConfig(
  raw: unknown,
  file: string,
  path: readonly (string | number)[],
  line?: number,
): ConfigLayer {
  const layer = emptyLayer();
  if (raw === null || raw === undefined) return layer;
  if (typeof raw !== "object" || Array.isArray(raw)) {
    throw new ScanInputError(file, "expected `config` to be an object of config keys to strings", {
      pointer: jsonPointer(path),
      ...(line !== undefined ? { line } : {}),
    });
  }
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    if (value === BLINDED_SECRET) layer.unknownSecretKeys.push(key);
    else if (typeof value === "string") layer.values[key] = value;
    else if (value !== null && value !== undefined) layer.values[key] = JSON.stringify(value);
  }
  return layer;
}

/** `key=value` pairs of a repeatable option. */
export function parseKeyValues(items: readonly string[], option: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const item of items) {
    const eq = item.indexOf("=");
    if (eq <= 0) {
      throw new UsageError(`${option} expects key=value, got ${JSON.stringify(item)}`);
    }
    out[item.slice(0, eq)] = item.slice(eq + 1);
  }
  return out;
}

/** Merge layers (later wins) and namespace keys with the project, as the Pulumi CLI does. */
export function mergeConfig(project: string, layers: readonly ConfigLayer[]): ScanStackConfig {
  const config: Record<string, string> = {};
  const secret = new Set<string>();
  const unknown = new Set<string>();
  for (const layer of layers) {
    for (const [k, v] of Object.entries(layer.values)) {
      const key = namespacedKey(k, project);
      config[key] = v;
      unknown.delete(key);
      secret.delete(key);
    }
    for (const k of layer.secretKeys) secret.add(namespacedKey(k, project));
    for (const k of layer.unknownSecretKeys) {
      const key = namespacedKey(k, project);
      delete config[key];
      secret.delete(key);
      unknown.add(key);
    }
  }
  return {
    config,
    secretKeys: [...secret].filter((k) => k in config).sort(),
    unknownSecretKeys: [...unknown].sort(),
  };
}
