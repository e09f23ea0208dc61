// Property marshalling as the engine does it for analyzers (`plugin.MarshalProperties` with
// KeepUnknowns, KeepSecrets, and SkipInternalKeys for Analyze/AnalyzeStack but not Remediate):
//   - unknowns stay the sentinel string UNKNOWN;
//   - secrets stay wrapped in the secret envelope (the pack's server unwraps them for Analyze);
//   - resource references become their ID (custom resources) or URN (components), as the engine
//     does without KeepResources; an unknown ID becomes UNKNOWN;
//   - output values become their value (secret-wrapped if secret) or UNKNOWN;
//   - keys starting with "__" (e.g. `__defaults`) are dropped when skipping internal keys.
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import { UNKNOWN_STRING } from "jurisdiction-guard/values";
import type { PropertyMap, PropertyValue } from "./types";

/** The engine's unknown sentinel (`plugin.UnknownStringValue`), as the pack defines it. */
export const UNKNOWN = UNKNOWN_STRING;
/** Key that marks special values in the wire form. */
export const SIG_KEY = "4dabf18193072939515e22adb298388d";
export const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";
export const RESOURCE_SIG = "5cf8f73096256a8f31e491e813e4eb8e";
export const OUTPUT_SIG = "d0e6a833031e9bbcd3f4e8bde6ca49a4";
export const ASSET_SIG = "c44067f5952c0a294b673a41bacd8c17";
export const ARCHIVE_SIG = "0def7320c3a5731c473e5ecbe6d01bc7";

export interface MarshalOptions {
  /** Drop `__`-prefixed keys (true for Analyze, AnalyzeStack and provider properties). */
  skipInternalKeys: boolean;
}

/** A secret in wire form. */
export function secret(value: PropertyValue): PropertyValue {
  return { [SIG_KEY]: SECRET_SIG, value };
}

/** A resource reference in wire form (what the SDK sends when a resource is passed as an input). */
export function resourceReference(urn: string, id?: string): PropertyValue {
  const ref: { [key: string]: PropertyValue } = { [SIG_KEY]: RESOURCE_SIG, urn };
  if (id !== undefined) ref["id"] = id;
  return ref;
}

function isObject(v: PropertyValue): v is { [key: string]: PropertyValue } {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}

/** Marshal one value the engine's way; `undefined` means "omit". */
export function marshalValue(
  v: PropertyValue | undefined,
  opts: MarshalOptions,
): PropertyValue | undefined {
  if (v === undefined) return undefined;
  if (v === null || typeof v === "boolean" || typeof v === "number" || typeof v === "string") {
    return v;
  }
  if (Array.isArray(v)) {
    // The engine keeps array positions; a missing element becomes null.
    return v.map((e) => marshalValue(e, opts) ?? null);
  }
  const sig = v[SIG_KEY];
  if (typeof sig === "string") {
    switch (sig) {
      case SECRET_SIG: {
        const inner = marshalValue(v["value"], opts);
        return secret(inner ?? null);
      }
      case RESOURCE_SIG: {
        const id = v["id"];
        if (id !== undefined && id !== null) {
          if (id === UNKNOWN || id === "") return UNKNOWN;
          return typeof id === "string" ? id : String(id);
        }
        const urn = v["urn"];
        return typeof urn === "string" ? urn : UNKNOWN;
      }
      case OUTPUT_SIG: {
        if (!("value" in v)) return UNKNOWN;
        const inner = marshalValue(v["value"], opts) ?? null;
        return v["secret"] === true ? secret(inner) : inner;
      }
      default:
        // Assets, archives and anything newer pass through untouched.
        return v;
    }
  }
  return marshalMap(v, opts);
}

export function marshalMap(props: PropertyMap, opts: MarshalOptions): PropertyMap {
  const out: PropertyMap = {};
  for (const key of Object.keys(props)) {
    if (opts.skipInternalKeys && key.startsWith("__")) continue;
    const m = marshalValue(props[key], opts);
    if (m !== undefined) out[key] = m;
  }
  return out;
}

/** Marshal a property map into the protobuf `Struct` the Analyzer RPCs carry. */
export function toStruct(props: PropertyMap, opts: MarshalOptions): Struct {
  return Struct.fromJavaScript(marshalMap(props, opts));
}

/**
 * Set when a copy holds what JSON text cannot carry exactly: `undefined`, `-0`, `NaN`, infinities
 * (`structJson` then gives up, and the caller sends the object itself).
 */
let inexact = false;

function checkScalar(v: unknown): void {
  if (v === undefined) inexact = true;
  else if (typeof v === "number" && (!Number.isFinite(v) || Object.is(v, -0))) inexact = true;
}

/**
 * An object's own keys in sorted order (as a protobuf map orders them). Pulumi writes maps with
 * their keys sorted already: checking is one pass, where sorting allocates its work area.
 */
function sortedKeys(v: object): string[] {
  const keys = Object.keys(v);
  for (let i = 1; i < keys.length; i++) {
    if ((keys[i - 1] as string) > (keys[i] as string)) return keys.sort();
  }
  return keys;
}

/** A copy of a JSON value with every object's keys in sorted order (as a protobuf map orders them). */
function sortedCopy(v: PropertyValue): PropertyValue {
  if (v === null || typeof v !== "object") {
    checkScalar(v);
    return v;
  }
  if (Array.isArray(v)) return v.map(sortedCopy);
  const out: { [key: string]: PropertyValue } = {};
  for (const key of sortedKeys(v)) out[key] = sortedCopy(v[key] as PropertyValue);
  return out;
}

/** `sortedCopy(marshalValue(v, opts))` in one pass (one copy instead of two). */
function marshalSorted(
  v: PropertyValue | undefined,
  opts: MarshalOptions,
): PropertyValue | undefined {
  if (v === undefined) return undefined;
  if (v === null || typeof v !== "object") {
    if (typeof v === "number") checkScalar(v);
    return v;
  }
  if (Array.isArray(v)) return v.map((e) => marshalSorted(e, opts) ?? null);
  if (typeof v[SIG_KEY] === "string") {
    const m = marshalValue(v, opts);
    return m === undefined ? undefined : sortedCopy(m);
  }
  return marshalMapSorted(v, opts);
}

function marshalMapSorted(props: PropertyMap, opts: MarshalOptions): PropertyMap {
  const out: PropertyMap = {};
  for (const key of sortedKeys(props)) {
    if (opts.skipInternalKeys && key.startsWith("__")) continue;
    // Assigning `__proto__` would set the copy's prototype: the two-copy form lost the key too.
    if (key === "__proto__") continue;
    const m = marshalSorted(props[key], opts);
    if (m !== undefined) out[key] = m;
  }
  return out;
}

/**
 * What a pack reads from `toStruct(props, opts)`: the marshalled properties as
 * `Struct.toJavaScript()` gives them back, keys in the order of protobuf's sorted maps, without
 * building the `Struct` (the in-process evaluation hands the pack this object).
 */
export function structJavaScript(props: PropertyMap, opts: MarshalOptions): PropertyMap {
  return marshalMapSorted(props, opts);
}

/**
 * `structJavaScript` as JSON text, which `JSON.parse` reads back into an identical object (keys in
 * the same order); `undefined` when the properties hold a value JSON cannot carry exactly.
 */
export function structJson(props: PropertyMap, opts: MarshalOptions): string | undefined {
  inexact = false;
  const copy = marshalMapSorted(props, opts);
  if (inexact) return undefined;
  try {
    return JSON.stringify(copy);
  } catch {
    return undefined;
  }
}

/** Read a `Struct` back into wire-form JavaScript (for remediated properties). */
export function fromStruct(s: Struct | undefined): PropertyMap {
  if (!s) return {};
  return s.toJavaScript() as PropertyMap;
}

/** True when a value (or anything inside it) is unknown. */
export function containsUnknown(v: PropertyValue | undefined): boolean {
  if (v === UNKNOWN) return true;
  if (Array.isArray(v)) return v.some(containsUnknown);
  if (v !== null && v !== undefined && isObject(v)) {
    if (v[SIG_KEY] === OUTPUT_SIG && !("value" in v)) return true;
    return Object.values(v).some(containsUnknown);
  }
  return false;
}
