// Resource records of the three input formats -> the runner's EngineResource.
//
//   - `pulumi stack export` / `pulumi preview --json` newState: apitype.ResourceV3
//     (urn, custom, delete, id, type, inputs, outputs, parent, protect, dependencies, provider,
//     propertyDependencies, additionalSecretOutputs, aliases, customTimeouts, ignoreChanges …);
//   - event logs: apitype.StepEventStateMetadata (type, urn, custom, delete, id, parent, protect,
//     inputs, outputs, provider) - no dependencies, so AnalyzeStack sees none for event logs.
//
// Default providers (`pulumi:providers:<pkg>::default[_x_y_z]`) are in a stack export, but never in
// preview JSON or event logs (the engine does not report their steps). They are rebuilt the way
// the engine builds them (deploy/default_providers.go): inputs = the package's stack config plus
// `version`; `packageConfigInputs` is the one the program capture uses.
import { packageConfigInputs } from "../program/engine-resources";
import { secret, UNKNOWN } from "../runner/marshal";
import type { EngineResource, PropertyMap, ResourceOptions } from "../runner/types";
import { jsonPointer, ScanInputError } from "./errors";
import type { InputPosition } from "./errors";
import { toWireMap } from "./values";
import type { ValueOptions } from "./values";

export const PROVIDER_PREFIX = "pulumi:providers:";
export const ROOT_STACK_TYPE = "pulumi:pulumi:Stack";

export function isProviderType(type: string): boolean {
  return type.startsWith(PROVIDER_PREFIX);
}

/** `urn:pulumi:<stack>::<project>::<type>::<name>` -> stack and project, if it is a URN. */
export function stackAndProject(urn: string): { stack: string; project: string } | undefined {
  const parts = urn.split("::");
  const head = parts[0] ?? "";
  const project = parts[1];
  if (parts.length < 4 || !head.startsWith("urn:pulumi:") || project === undefined)
    return undefined;
  const stack = head.slice("urn:pulumi:".length);
  if (stack === "" || project === "") return undefined;
  return { stack, project };
}

/** `<provider URN>::<provider ID>` -> its parts (the URN itself contains "::"). */
export function parseProviderReference(ref: string): { urn: string; id: string } {
  const sep = ref.lastIndexOf("::");
  if (sep <= 0) return { urn: ref, id: "" };
  return { urn: ref.slice(0, sep), id: ref.slice(sep + 2) };
}

/** The URN's name part. */
export function urnNameOf(urn: string): string {
  return urn.split("::").slice(3).join("::");
}

export interface RecordContext {
  file: string;
  /** JSON pointer parts of the record, for error messages. */
  path: readonly (string | number)[];
  line?: number;
  values: ValueOptions;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}

function fail(ctx: RecordContext, field: string | undefined, problem: string): never {
  const path = field === undefined ? ctx.path : [...ctx.path, field];
  const position: InputPosition = { pointer: jsonPointer(path) };
  if (ctx.line !== undefined) position.line = ctx.line;
  throw new ScanInputError(ctx.file, problem, position);
}

function optString(ctx: RecordContext, r: Record<string, unknown>, k: string): string | undefined {
  const v = r[k];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== "string") fail(ctx, k, `expected a string, got ${describe(v)}`);
  return v;
}

function optBool(ctx: RecordContext, r: Record<string, unknown>, k: string): boolean | undefined {
  const v = r[k];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== "boolean") fail(ctx, k, `expected true or false, got ${describe(v)}`);
  return v;
}

function optStrings(
  ctx: RecordContext,
  r: Record<string, unknown>,
  k: string,
): string[] | undefined {
  const v = r[k];
  if (v === undefined || v === null) return undefined;
  if (!Array.isArray(v) || v.some((e) => typeof e !== "string")) {
    fail(ctx, k, `expected an array of strings, got ${describe(v)}`);
  }
  return v as string[];
}

function optMap(
  ctx: RecordContext,
  r: Record<string, unknown>,
  k: string,
): PropertyMap | undefined {
  const v = r[k];
  if (v === undefined || v === null) return undefined;
  if (!isRecord(v)) fail(ctx, k, `expected an object of properties, got ${describe(v)}`);
  return toWireMap(v, ctx.values);
}

export function describe(v: unknown): string {
  if (v === undefined) return "nothing";
  if (v === null) return "null";
  if (Array.isArray(v)) return "an array";
  if (typeof v === "object") return "an object";
  if (typeof v === "string")
    return `the string ${JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v)}`;
  return `${typeof v} ${String(v)}`;
}

/** A resource's URN and type, checked. */
function identity(ctx: RecordContext, r: Record<string, unknown>): { urn: string; type: string } {
  const urn = r["urn"];
  if (typeof urn !== "string" || !urn.startsWith("urn:pulumi:")) {
    fail(
      ctx,
      "urn",
      `expected a resource URN ("urn:pulumi:<stack>::<project>::<type>::<name>"), got ${describe(urn)}`,
    );
  }
  const type = r["type"];
  if (typeof type !== "string" || type === "") {
    fail(ctx, "type", `expected a resource type token, got ${describe(type)}`);
  }
  return { urn, type };
}

function optionsOf(ctx: RecordContext, r: Record<string, unknown>): ResourceOptions {
  const o: ResourceOptions = {};
  const protect = optBool(ctx, r, "protect");
  if (protect !== undefined) o.protect = protect;
  const ignoreChanges = optStrings(ctx, r, "ignoreChanges");
  if (ignoreChanges && ignoreChanges.length > 0) o.ignoreChanges = ignoreChanges;
  const aso = optStrings(ctx, r, "additionalSecretOutputs");
  if (aso && aso.length > 0) o.additionalSecretOutputs = aso;
  const aliases = r["aliases"];
  if (Array.isArray(aliases)) {
    // ResourceV3 aliases are URNs; newer states may hold alias objects, which the engine does
    // not send to analyzers as URNs either.
    const urns = aliases.filter((a): a is string => typeof a === "string");
    if (urns.length > 0) o.aliases = urns;
  }
  const ct = r["customTimeouts"];
  if (isRecord(ct)) {
    const n = (k: string) => (typeof ct[k] === "number" ? (ct[k] as number) : 0);
    if (n("create") !== 0 || n("update") !== 0 || n("delete") !== 0) {
      o.customTimeouts = { create: n("create"), update: n("update"), delete: n("delete") };
    }
  }
  return o;
}

/**
 * An apitype.ResourceV3 (stack export, preview newState) or StepEventStateMetadata (event log) as an
 * EngineResource; `undefined` for a resource pending deletion (`delete: true`), which neither the
 * engine nor `pulumi policy analyze` analyzes.
 */
export function toEngineResource(raw: unknown, ctx: RecordContext): EngineResource | undefined {
  if (!isRecord(raw)) fail(ctx, undefined, `expected a resource object, got ${describe(raw)}`);
  const { urn, type } = identity(ctx, raw);
  if (optBool(ctx, raw, "delete") === true) return undefined;
  const custom = optBool(ctx, raw, "custom") ?? false;
  const inputs = optMap(ctx, raw, "inputs") ?? {};
  const outputs = optMap(ctx, raw, "outputs");
  const res: EngineResource = { urn, type, custom, inputs, options: optionsOf(ctx, raw) };
  if (outputs !== undefined) res.outputs = outputs;
  const parent = optString(ctx, raw, "parent");
  if (parent !== undefined && parent !== "") res.parent = parent;
  const provider = optString(ctx, raw, "provider");
  if (provider !== undefined && provider !== "") res.provider = provider;
  const deps = optStrings(ctx, raw, "dependencies");
  if (deps) res.dependencies = deps;
  const pd = raw["propertyDependencies"];
  if (pd !== undefined && pd !== null) {
    if (!isRecord(pd)) fail(ctx, "propertyDependencies", `expected an object, got ${describe(pd)}`);
    const out: Record<string, string[]> = {};
    for (const [k, v] of Object.entries(pd)) {
      if (!Array.isArray(v) || v.some((e) => typeof e !== "string")) {
        fail(
          ctx,
          "propertyDependencies",
          `expected "${k}" to be an array of URNs, got ${describe(v)}`,
        );
      }
      out[k] = v as string[];
    }
    res.propertyDependencies = out;
  }
  return res;
}

/** `default_7_48_0` -> "7.48.0"; other default names have no version. */
export function defaultProviderVersion(name: string): string | undefined {
  const m = /^default_(\d+)_(\d+)_(\d+)(?:_([0-9A-Za-z_.-]+))?$/.exec(name);
  if (!m) return undefined;
  return `${m[1]}.${m[2]}.${m[3]}`;
}

export function isDefaultProviderUrn(urn: string): boolean {
  return urn.includes(`::${PROVIDER_PREFIX}`) && /^default(_|$)/.test(urnNameOf(urn));
}

/** Stack config as the scan knows it: known values, and secret keys whose value is unknown. */
export interface ScanStackConfig {
  /** Namespaced keys -> values, as PULUMI_CONFIG carries them. */
  config: Record<string, string>;
  /** Keys (of `config`) that are secret. */
  secretKeys: string[];
  /** Secret keys whose value could not be read (ciphertext, blinded). */
  unknownSecretKeys: string[];
}

/** The inputs the engine gives a default provider of `pkg`: the package's config plus `version`. */
export function defaultProviderInputs(
  pkg: string,
  name: string,
  cfg: ScanStackConfig,
): PropertyMap {
  const inputs = packageConfigInputs(pkg, cfg.config, cfg.secretKeys);
  for (const key of cfg.unknownSecretKeys) {
    const sep = key.indexOf(":");
    if (sep > 0 && key.slice(0, sep) === pkg) inputs[key.slice(sep + 1)] = secret(UNKNOWN);
  }
  const version = defaultProviderVersion(name);
  if (version !== undefined) inputs["version"] = version;
  return inputs;
}

/**
 * Resolves each resource's provider while resources stream in: providers seen so far by URN
 * (kept whole: their inputs are what every Analyze request carries), and default providers
 * rebuilt from config when the input does not hold them.
 */
export class ProviderIndex {
  private readonly providers = new Map<string, EngineResource>();

  constructor(private readonly config: () => ScanStackConfig) {}

  get size(): number {
    return this.providers.size;
  }

  add(r: EngineResource): void {
    this.providers.set(r.urn, r);
  }

  get(urn: string): EngineResource | undefined {
    return this.providers.get(urn);
  }

  /**
   * The provider of `r`, or a default provider to register first (`synthesized`), or an error when
   * the reference points at a provider the input does not define before the resource.
   */
  resolve(
    r: EngineResource,
    ctx: RecordContext,
  ): { provider?: EngineResource; synthesized?: EngineResource } {
    if (r.provider === undefined) return {};
    const { urn } = parseProviderReference(r.provider);
    const known = this.providers.get(urn);
    if (known) return { provider: known };
    if (isDefaultProviderUrn(urn)) {
      const name = urnNameOf(urn);
      const type = urn.split("::")[2] ?? "";
      const pkg = type.slice(PROVIDER_PREFIX.length);
      const synthesized: EngineResource = {
        urn,
        type,
        name,
        custom: true,
        inputs: defaultProviderInputs(pkg, name, this.config()),
      };
      this.providers.set(urn, synthesized);
      return { provider: synthesized, synthesized };
    }
    fail(
      ctx,
      "provider",
      `the provider ${JSON.stringify(r.provider)} is not defined earlier in the file (a provider resource must come before the resources it manages)`,
    );
  }
}
