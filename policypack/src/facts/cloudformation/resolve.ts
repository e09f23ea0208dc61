// Evaluating a CloudFormation template's intrinsic functions as far as a preview can: parameters
// (the Pulumi resource's `parameters`, else the template's `Default`), `Mappings` through
// `Fn::FindInMap`, `Conditions`, the `AWS::Region` and `AWS::Partition` pseudo parameters (from
// where the stack is placed), `Fn::Sub`, `Fn::Join`, `Fn::Select`, `Fn::Split`, `Fn::If` … A value
// that only exists once deployed (`Fn::GetAtt`, `Fn::ImportValue`, an SSM parameter, the account
// ID) or that has no value at all is an `Unresolved` marker carrying why; a Pulumi value computed
// during preview is one too, marked `computed`. Work is bounded (MAX_STEPS) against crafted input.
import { isRecord, isUnknown } from "../../values";
import type { UnresolvedReason } from "../types";

/** A value the template cannot give during preview, and why. */
export class Unresolved {
  constructor(
    readonly reason: UnresolvedReason,
    /** A Pulumi input computed during preview (checked again at `pulumi up`), at this path. */
    readonly computedPath?: string,
  ) {}
}

/** `AWS::NoValue`: the property is removed. */
const NO_VALUE = Symbol("AWS::NoValue");

/** The most evaluation steps one template may take (every node visited counts one). */
export const MAX_STEPS = 200_000;

/** The deepest evaluation (a template nests at most 64 levels; functions and conditions add). */
export const MAX_NESTING = 512;

/** What a parameter's value is, from the stack's inputs. */
export type ParameterValue = string | Unresolved;

export interface ResolveInput {
  readonly template: Readonly<Record<string, unknown>>;
  /** Values given by the Pulumi resource (`parameters`, StackSet instance overrides). */
  readonly parameters: ReadonlyMap<string, ParameterValue>;
  /** The stack's region, or why it is not known. */
  readonly region: string | Unresolved;
}

class Budget extends Error {}

export class TemplateResolver {
  private steps = 0;
  private depth = 0;
  private readonly conditions = new Map<string, boolean | Unresolved>();
  private readonly deciding = new Set<string>();
  private readonly params: Readonly<Record<string, unknown>>;
  private readonly mappings: Readonly<Record<string, unknown>>;
  private readonly conditionDefs: Readonly<Record<string, unknown>>;
  private readonly resources: Readonly<Record<string, unknown>>;

  constructor(private readonly input: ResolveInput) {
    const t = input.template;
    this.params = isRecord(t["Parameters"]) ? t["Parameters"] : {};
    this.mappings = isRecord(t["Mappings"]) ? t["Mappings"] : {};
    this.conditionDefs = isRecord(t["Conditions"]) ? t["Conditions"] : {};
    this.resources = isRecord(t["Resources"]) ? t["Resources"] : {};
  }

  /** Evaluates `value`; `undefined` for `AWS::NoValue`. Throws nothing: over budget is Unresolved. */
  resolve(value: unknown): unknown {
    return this.bounded(() => {
      const v = this.eval(value);
      return v === NO_VALUE ? undefined : v;
    });
  }

  /** Whether the named condition holds; Unresolved when it cannot be decided. */
  condition(name: string): boolean | Unresolved {
    return this.bounded(() => this.decide(name));
  }

  private bounded<T>(run: () => T): T | Unresolved {
    try {
      return run();
    } catch (e) {
      if (e instanceof Budget) {
        return new Unresolved({
          kind: "not-evaluated",
          what: `the template, which needs more than ${MAX_STEPS} evaluation steps or nests functions more than ${MAX_NESTING} deep`,
        });
      }
      throw e;
    }
  }

  private decide(name: string): boolean | Unresolved {
    const known = this.conditions.get(name);
    if (known !== undefined) return known;
    if (this.deciding.has(name) || !(name in this.conditionDefs)) {
      return new Unresolved({ kind: "not-evaluated", what: `condition \`${name}\`` });
    }
    this.deciding.add(name);
    let result: boolean | Unresolved;
    try {
      result = this.truth(this.eval(this.conditionDefs[name]), `condition \`${name}\``);
    } finally {
      this.deciding.delete(name);
    }
    this.conditions.set(name, result);
    return result;
  }

  private truth(v: unknown, what: string): boolean | Unresolved {
    if (v instanceof Unresolved) return v;
    if (v === true || v === "true") return true;
    if (v === false || v === "false") return false;
    return new Unresolved({ kind: "not-evaluated", what });
  }

  private tick(): void {
    this.steps += 1;
    if (this.steps > MAX_STEPS) throw new Budget();
  }

  private eval(value: unknown): unknown {
    this.tick();
    // Conditions that name conditions, mapping values with functions …: nesting is bounded too.
    if (this.depth >= MAX_NESTING) throw new Budget();
    this.depth += 1;
    try {
      return this.evalNode(value);
    } finally {
      this.depth -= 1;
    }
  }

  private evalNode(value: unknown): unknown {
    if (Array.isArray(value)) {
      const out: unknown[] = [];
      for (const item of value) {
        const v = this.eval(item);
        if (v !== NO_VALUE) out.push(v);
      }
      return out;
    }
    if (!isRecord(value)) return value;
    const keys = Object.keys(value);
    const only = keys.length === 1 ? keys[0] : undefined;
    if (only === "Ref") return this.ref(value["Ref"]);
    if (only === "Condition" && typeof value["Condition"] === "string") {
      return this.decide(value["Condition"]);
    }
    if (only !== undefined && only.startsWith("Fn::")) return this.fn(only, value[only]);
    const out: Record<string, unknown> = {};
    for (const k of keys) {
      if (k === "__proto__") continue; // never a CloudFormation name; not set on a plain object
      const v = this.eval(value[k]);
      if (v !== NO_VALUE) out[k] = v;
    }
    return out;
  }

  private ref(target: unknown): unknown {
    const name = this.eval(target);
    if (name instanceof Unresolved) return name;
    if (typeof name !== "string") {
      return new Unresolved({ kind: "not-evaluated", what: "a `Ref` that does not name anything" });
    }
    if (name === "AWS::NoValue") return NO_VALUE;
    if (name === "AWS::Region") return this.input.region;
    if (name === "AWS::Partition") {
      const r = this.input.region;
      if (r instanceof Unresolved) return r;
      return r.startsWith("cn-") ? "aws-cn" : r.startsWith("us-gov-") ? "aws-us-gov" : "aws";
    }
    if (name === "AWS::URLSuffix") {
      const r = this.input.region;
      if (r instanceof Unresolved) return r;
      return r.startsWith("cn-") ? "amazonaws.com.cn" : "amazonaws.com";
    }
    if (name.startsWith("AWS::")) return new Unresolved({ kind: "deploy-time", expression: name });
    if (name in this.params) return this.parameter(name);
    return new Unresolved({ kind: "deploy-time", expression: `!Ref ${name}` });
  }

  private parameter(name: string): unknown {
    const decl = this.params[name];
    const type = isRecord(decl) && typeof decl["Type"] === "string" ? decl["Type"] : "String";
    const given = this.input.parameters.get(name);
    const raw: unknown = given !== undefined ? given : isRecord(decl) ? decl["Default"] : undefined;
    if (raw instanceof Unresolved) return raw;
    if (raw === undefined || raw === null) {
      return new Unresolved({ kind: "parameter-without-value", parameter: name });
    }
    if (type.startsWith("AWS::SSM::Parameter::Value<")) {
      return new Unresolved({
        kind: "deploy-time",
        expression: `SSM parameter \`${asText(raw)}\` (template parameter \`${name}\`)`,
      });
    }
    const text = Array.isArray(raw) ? raw.map(asText).join(",") : asText(raw);
    if (type.startsWith("List<") || type === "CommaDelimitedList") {
      return text.split(",").map((s) => s.trim());
    }
    return text;
  }

  private args(raw: unknown): unknown[] | Unresolved {
    const v = this.eval(raw);
    if (v instanceof Unresolved) return v;
    return Array.isArray(v) ? v : [v];
  }

  private fn(name: string, raw: unknown): unknown {
    switch (name) {
      case "Fn::If":
        return this.fnIf(raw);
      case "Fn::GetAtt": {
        const a = Array.isArray(raw) ? raw.map(asText).join(".") : asText(raw);
        return new Unresolved({ kind: "deploy-time", expression: `!GetAtt ${a}` });
      }
      case "Fn::ImportValue": {
        const v = this.eval(raw);
        const what = typeof v === "string" ? ` ${v}` : "";
        return new Unresolved({ kind: "deploy-time", expression: `!ImportValue${what}` });
      }
      case "Fn::GetAZs":
        return new Unresolved({ kind: "deploy-time", expression: "!GetAZs" });
      case "Fn::Sub":
        return this.sub(raw);
      case "Fn::FindInMap":
        return this.findInMap(raw);
      default:
        return this.plainFn(name, raw);
    }
  }

  private plainFn(name: string, raw: unknown): unknown {
    const args = this.args(raw);
    if (args instanceof Unresolved) return args;
    const blocked = firstUnresolved(args);
    switch (name) {
      case "Fn::Equals":
        if (blocked) return blocked;
        return args.length === 2 && asText(args[0]) === asText(args[1]);
      case "Fn::Not":
        return this.logic(args, (vs) => !vs[0], name);
      case "Fn::And":
        if (args.some((a) => a === false || a === "false")) return false;
        return this.logic(args, (vs) => vs.every(Boolean), name);
      case "Fn::Or":
        if (args.some((a) => a === true || a === "true")) return true;
        return this.logic(args, (vs) => vs.some(Boolean), name);
      case "Fn::Join": {
        const [sep, list] = args;
        if (sep instanceof Unresolved) return sep;
        if (list instanceof Unresolved) return list;
        const items = Array.isArray(list) ? list : [];
        const bad = firstUnresolved(items);
        return bad ?? items.map(asText).join(asText(sep ?? ""));
      }
      case "Fn::Select": {
        const [index, list] = args;
        if (index instanceof Unresolved) return index;
        if (list instanceof Unresolved) return list;
        const items = Array.isArray(list) ? list : [];
        const item: unknown = items[asNumber(index)];
        return item === undefined
          ? new Unresolved({
              kind: "not-evaluated",
              what: `!Select ${asText(index)} of a shorter list`,
            })
          : item;
      }
      case "Fn::Split": {
        if (blocked) return blocked;
        const [sep, text] = args;
        return asText(text ?? "").split(asText(sep ?? ""));
      }
      case "Fn::Base64":
        if (blocked) return blocked;
        return Buffer.from(asText(args[0] ?? ""), "utf8").toString("base64");
      case "Fn::Length": {
        const list = args.length === 1 && Array.isArray(args[0]) ? args[0] : args;
        return asText(list.length);
      }
      case "Fn::ToJsonString":
        if (blocked) return blocked;
        return JSON.stringify(args.length === 1 ? args[0] : args);
      default:
        return new Unresolved({ kind: "not-evaluated", what: `\`${name}\`` });
    }
  }

  private logic(args: unknown[], f: (vs: boolean[]) => boolean, name: string): unknown {
    const vs: boolean[] = [];
    for (const a of args) {
      const t = this.truth(a, `\`${name}\``);
      if (t instanceof Unresolved) return t;
      vs.push(t);
    }
    return f(vs);
  }

  private fnIf(raw: unknown): unknown {
    if (!Array.isArray(raw) || raw.length !== 3 || typeof raw[0] !== "string") {
      return new Unresolved({
        kind: "not-evaluated",
        what: "an `Fn::If` without [condition, then, else]",
      });
    }
    const holds = this.decide(raw[0]);
    if (holds instanceof Unresolved) return holds;
    return this.eval(holds ? raw[1] : raw[2]);
  }

  private findInMap(raw: unknown): unknown {
    const args = this.args(raw);
    if (args instanceof Unresolved) return args;
    const [map, top, second, options] = args;
    // The language extension's fourth argument: { DefaultValue: … }.
    const fallback = isRecord(options) ? options["DefaultValue"] : undefined;
    const keys = [map, top, second];
    const blocked = firstUnresolved(keys);
    if (blocked) return blocked;
    const m = this.mappings[asText(map)];
    const level = isRecord(m) ? m[asText(top)] : undefined;
    const value = isRecord(level) ? level[asText(second)] : undefined;
    if (value !== undefined) return this.eval(value);
    if (fallback !== undefined) return fallback;
    return new Unresolved({
      kind: "not-evaluated",
      what: `!FindInMap [${keys.map(String).join(", ")}] (no such entry)`,
    });
  }

  private sub(raw: unknown): unknown {
    let text: unknown;
    let vars: Record<string, unknown> = {};
    if (Array.isArray(raw)) {
      text = raw[0];
      const v = this.eval(raw[1]);
      if (isRecord(v)) vars = v;
    } else {
      text = raw;
    }
    if (typeof text !== "string") {
      return new Unresolved({ kind: "not-evaluated", what: "an `Fn::Sub` without a string" });
    }
    let blocked: Unresolved | undefined;
    const out = text.replace(/\$\{([^}]*)\}/g, (whole, inner: string) => {
      if (inner.startsWith("!")) return `\${${inner.slice(1)}}`;
      const name = inner.trim();
      let v: unknown;
      if (name in vars) v = vars[name];
      else if (name.includes(".") && !name.startsWith("AWS::")) {
        v = new Unresolved({ kind: "deploy-time", expression: `!GetAtt ${name}` });
      } else v = this.ref(name);
      if (v instanceof Unresolved) {
        blocked ??= v;
        return whole;
      }
      return v === NO_VALUE ? "" : Array.isArray(v) ? v.map(asText).join(",") : asText(v);
    });
    return blocked ?? out;
  }

  /** The template's resources by logical ID. */
  resourceEntries(): [string, unknown][] {
    return Object.entries(this.resources);
  }
}

export function firstUnresolved(values: readonly unknown[]): Unresolved | undefined {
  return values.find((v): v is Unresolved => v instanceof Unresolved);
}

/** A Pulumi `parameters` value (map of strings) as the resolver reads it; unknowns are computed. */
export function parameterValues(given: unknown, path: string): Map<string, ParameterValue> {
  const out = new Map<string, ParameterValue>();
  const add = (key: string, value: unknown, at: string): void => {
    if (isUnknown(value)) {
      out.set(key, new Unresolved({ kind: "deploy-time", expression: at }, at));
    } else if (value !== undefined && value !== null) {
      out.set(key, typeof value === "string" ? value : JSON.stringify(value));
    }
  };
  if (isRecord(given)) {
    for (const [k, v] of Object.entries(given)) add(k, v, `${path}.${k}`);
  } else if (Array.isArray(given)) {
    // aws-native StackSet: [{ parameterKey, parameterValue }].
    given.forEach((item, i) => {
      if (isRecord(item) && typeof item["parameterKey"] === "string") {
        add(item["parameterKey"], item["parameterValue"], `${path}[${i}].parameterValue`);
      }
    });
  }
  return out;
}

/**
 * A template value as text, as `String` gives it; a value `String` cannot convert (an object whose
 * `toString` is not a function, which a template's JSON can hold) reads as its JSON instead.
 */
function asText(v: unknown): string {
  try {
    return String(v);
  } catch {
    return JSON.stringify(v) ?? "";
  }
}

/** A template value as a list index, as `Number` gives it; NaN when it cannot be converted. */
function asNumber(v: unknown): number {
  try {
    return Number(v);
  } catch {
    return Number.NaN;
  }
}
