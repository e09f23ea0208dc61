// Pulumi project and stack files: `Pulumi.yaml` and `Pulumi.<stack>.yaml`, read the way the CLI
// reads them for a program's config (keys without a namespace get the project name; values reach
// the program as strings, objects as JSON text).
import * as fs from "fs";
import * as path from "path";
import * as yaml from "js-yaml";
import { stackFileProblem } from "../inputs/stack-file";
import { errorMessage } from "../runner/util";

export interface ProjectFile {
  name: string;
  runtime: string;
  /** `runtime.options` (typescript, nodeargs, tsconfig …), as written. */
  runtimeOptions: Record<string, unknown>;
  main?: string;
  description?: string;
  /** Project-level config defaults (`config:` in Pulumi.yaml), already namespaced and stringified. */
  config: Record<string, string>;
}

export interface StackConfig {
  /** `{"aws:region": "cn-north-1", "<project>:key": "value"}`, as PULUMI_CONFIG carries it. */
  config: Record<string, string>;
  /** Keys whose values are secret. */
  secretKeys: string[];
}

export class ProgramConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ProgramConfigError";
  }
}

function loadYaml(file: string): Record<string, unknown> {
  let doc: unknown;
  try {
    doc = yaml.load(fs.readFileSync(file, "utf8"));
  } catch (e) {
    throw new ProgramConfigError(`cannot read ${file}: ${errorMessage(e)}`);
  }
  if (doc === null || doc === undefined) return {};
  if (typeof doc !== "object" || Array.isArray(doc)) {
    throw new ProgramConfigError(`${file}: expected a YAML mapping`);
  }
  return doc as Record<string, unknown>;
}

/** `key` -> `namespace:key`; keys that already have a namespace stay as they are. */
export function namespacedKey(key: string, project: string): string {
  return key.includes(":") ? key : `${project}:${key}`;
}

/** A config value as the program sees it in PULUMI_CONFIG. */
export function configValueString(value: unknown, where: string): string {
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (value === null || value === undefined) return "";
  if (typeof value === "object" && !Array.isArray(value) && "secure" in value) {
    throw new ProgramConfigError(
      `${where}: encrypted ("secure") values need the Pulumi CLI to decrypt; use a plain value here`,
    );
  }
  return JSON.stringify(value);
}

export function readProject(dir: string): ProjectFile {
  const file = path.join(dir, "Pulumi.yaml");
  if (!fs.existsSync(file)) throw new ProgramConfigError(`${dir}: no Pulumi.yaml`);
  const doc = loadYaml(file);
  const name = doc["name"];
  if (typeof name !== "string" || name === "") {
    throw new ProgramConfigError(`${file}: missing project name`);
  }
  const runtimeRaw = doc["runtime"];
  const runtime =
    typeof runtimeRaw === "string"
      ? runtimeRaw
      : typeof (runtimeRaw as { name?: unknown } | undefined)?.name === "string"
        ? (runtimeRaw as { name: string }).name
        : "";
  const rawOptions = (runtimeRaw as { options?: unknown } | undefined)?.options;
  const runtimeOptions =
    rawOptions !== null && typeof rawOptions === "object" && !Array.isArray(rawOptions)
      ? (rawOptions as Record<string, unknown>)
      : {};
  const config: Record<string, string> = {};
  const rawConfig = doc["config"];
  if (rawConfig !== null && typeof rawConfig === "object" && !Array.isArray(rawConfig)) {
    for (const [k, v] of Object.entries(rawConfig as Record<string, unknown>)) {
      const key = namespacedKey(k, name);
      if (v !== null && typeof v === "object" && !Array.isArray(v)) {
        const o = v as Record<string, unknown>;
        if ("value" in o) config[key] = configValueString(o["value"], `${file} config ${k}`);
        else if ("default" in o)
          config[key] = configValueString(o["default"], `${file} config ${k}`);
        continue;
      }
      config[key] = configValueString(v, `${file} config ${k}`);
    }
  }
  const out: ProjectFile = { name, runtime, runtimeOptions, config };
  if (typeof doc["main"] === "string") out.main = doc["main"];
  if (typeof doc["description"] === "string") out.description = doc["description"];
  return out;
}

/** Stack names that have a `Pulumi.<stack>.yaml` in `dir`, sorted. */
export function listStacks(dir: string): string[] {
  return fs
    .readdirSync(dir)
    .map((f) => /^Pulumi\.(.+)\.ya?ml$/.exec(f)?.[1])
    .filter((s): s is string => s !== undefined)
    .sort();
}

/** Pick the stack: the one asked for, else the only stack file. */
export function selectStack(dir: string, stack: string | undefined): string {
  if (stack !== undefined) return stack;
  const stacks = listStacks(dir);
  if (stacks.length === 1 && stacks[0] !== undefined) return stacks[0];
  if (stacks.length === 0)
    throw new ProgramConfigError(`${dir}: no Pulumi.<stack>.yaml; name a stack`);
  throw new ProgramConfigError(`${dir}: several stacks (${stacks.join(", ")}); name one`);
}

export function readStackConfig(dir: string, project: ProjectFile, stack: string): StackConfig {
  const config: Record<string, string> = { ...project.config };
  const secretKeys: string[] = [];
  const candidates = [`Pulumi.${stack}.yaml`, `Pulumi.${stack}.yml`].map((f) => path.join(dir, f));
  const file = candidates.find((f) => fs.existsSync(f));
  if (file === undefined) return { config, secretKeys };
  const doc = loadYaml(file);
  const misplaced = stackFileProblem(doc);
  if (misplaced) throw new ProgramConfigError(`${file}: ${misplaced.problem}`);
  const raw = doc["config"];
  if (raw !== null && typeof raw === "object" && !Array.isArray(raw)) {
    for (const [k, v] of Object.entries(raw as Record<string, unknown>)) {
      config[namespacedKey(k, project.name)] = configValueString(v, `${file} config ${k}`);
    }
  }
  return { config, secretKeys };
}
