// Property values as files hold them -> the wire form the runner sends to the pack.
//
// `pulumi stack export` keeps secrets as envelopes `{<sig>: <secret sig>, ciphertext: "…"}` (or
// `plaintext: "<JSON text>"` with `--show-secrets`); `pulumi preview --json` and engine event logs
// blind them (`ciphertext: "[secret]"`, or the bare string "[secret]"). A ciphertext cannot be read
// here, so it becomes a secret whose value is unknown: the pack sees the engine's unknown sentinel,
// exactly as for a computed value during preview, and nothing of the ciphertext is ever printed.
// Plaintext secrets are decoded and remembered, so that reports can redact them.
import { secret, SECRET_SIG, SIG_KEY, UNKNOWN } from "../runner/marshal";
import type { PropertyMap, PropertyValue } from "../runner/types";

/** How `pulumi preview --json` and event logs print a secret when secrets are not shown. */
export const BLINDED_SECRET = "[secret]";

export interface ValueOptions {
  /** Treat the bare string "[secret]" as a blinded secret (preview JSON, event logs). */
  blindedStrings: boolean;
  /** Receives every decoded plaintext secret string, for redaction. */
  onPlaintextSecret?: (value: string) => void;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}

function collectStrings(v: PropertyValue, out: (s: string) => void): void {
  if (typeof v === "string") out(v);
  else if (Array.isArray(v)) for (const e of v) collectStrings(e, out);
  else if (v !== null && typeof v === "object")
    for (const e of Object.values(v)) collectStrings(e, out);
}

/** One value in wire form. Anything that is not JSON-shaped becomes null. */
export function toWireValue(v: unknown, opts: ValueOptions): PropertyValue {
  if (v === null || typeof v === "boolean" || typeof v === "number") return v;
  if (typeof v === "string") {
    return opts.blindedStrings && v === BLINDED_SECRET ? secret(UNKNOWN) : v;
  }
  if (Array.isArray(v)) return v.map((e) => toWireValue(e, opts));
  if (!isRecord(v)) return null;
  if (v[SIG_KEY] === SECRET_SIG) {
    const plaintext = v["plaintext"];
    if (typeof plaintext === "string") {
      let decoded: unknown;
      try {
        decoded = JSON.parse(plaintext);
      } catch {
        return secret(UNKNOWN);
      }
      const inner = toWireValue(decoded, opts);
      if (opts.onPlaintextSecret) collectStrings(inner, opts.onPlaintextSecret);
      return secret(inner);
    }
    // A ciphertext (or a blinded "[secret]"), or an already-decoded `value` from another tool.
    if ("value" in v && !("ciphertext" in v)) {
      const inner = toWireValue(v["value"], opts);
      if (opts.onPlaintextSecret) collectStrings(inner, opts.onPlaintextSecret);
      return secret(inner);
    }
    return secret(UNKNOWN);
  }
  return wireEntries(v, opts);
}

/** A property map in wire form; a missing map is empty. */
export function toWireMap(v: unknown, opts: ValueOptions): PropertyMap {
  if (!isRecord(v)) return {};
  return wireEntries(v, opts);
}

/** Each own key of `v` with its value in wire form (keys, not entries: no pair array per key). */
function wireEntries(v: Record<string, unknown>, opts: ValueOptions): PropertyMap {
  const out: PropertyMap = {};
  for (const k of Object.keys(v)) defineKey(out, k, toWireValue(v[k], opts));
  return out;
}

/** Set a key even when it is "__proto__" (no prototype change). */
export function defineKey(obj: Record<string, unknown>, key: string, value: unknown): void {
  if (key === "__proto__") {
    Object.defineProperty(obj, key, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  } else {
    obj[key] = value;
  }
}

/**
 * Replaces known secret plaintexts in report text, however the pack transformed them: the pack
 * normalises what it reads (a region "CN-NORTHWEST-1" is reported as "cn-northwest-1", an Azure
 * location "China East 2" as "chinaeast2"), so a secret is matched by its normalised form:
 * case-folded, trimmed, and with each run of whitespace matching any whitespace or none. Short
 * strings (under 4 characters, once trimmed) are left alone: they would redact ordinary words and
 * hide nothing worth hiding.
 */
export class Redactor {
  private readonly secrets = new Set<string>();
  private pattern: RegExp | undefined;

  add(value: string): void {
    const trimmed = value.trim();
    if (trimmed.length >= 4 && !this.secrets.has(trimmed)) {
      this.secrets.add(trimmed);
      this.pattern = undefined;
    }
  }

  get size(): number {
    return this.secrets.size;
  }

  redact(text: string): string {
    if (this.secrets.size === 0) return text;
    // Longest first, so that a secret containing another is replaced whole.
    this.pattern ??= new RegExp(
      [...this.secrets]
        .sort((a, b) => b.length - a.length)
        .map((s) =>
          s
            .split(/\s+/u)
            .map((w) => w.replace(/[.*+?^${}()|[\]\\]/gu, "\\$&"))
            .join("\\s*"),
        )
        .join("|"),
      "giu",
    );
    return text.replace(this.pattern, BLINDED_SECRET);
  }
}
