// Reading a CloudFormation template body: JSON, or YAML with CloudFormation's short tags (`!Ref`,
// `!Sub`, `!GetAtt` …) turned into their long form (`{ "Ref": … }`, `{ "Fn::Sub": … }`), so the
// resolver (resolve.ts) sees one shape. YAML is read with js-yaml's core schema (no timestamps:
// `AWSTemplateFormatVersion: 2010-09-09` stays a string), extended with a type per tag and node
// kind. A body that cannot be read is answered with the problem and its position, never thrown.
import * as yaml from "js-yaml";
import { isRecord } from "../../values";

/**
 * The largest body read, in characters. CloudFormation accepts 51,200 bytes inline and 1 MB from
 * S3; anything larger is not a template CloudFormation would deploy.
 */
export const MAX_TEMPLATE_CHARS = 1_048_576;

/** How deep a template's values may nest before reading stops (a bound against crafted input). */
export const MAX_TEMPLATE_DEPTH = 64;

export type ParsedTemplate =
  | { readonly kind: "template"; readonly template: Readonly<Record<string, unknown>> }
  | { readonly kind: "malformed"; readonly problem: string };

/** The functions with a short tag; `!Ref` and `!Condition` are not `Fn::` functions. */
const FN_TAGS = [
  "Base64",
  "Cidr",
  "FindInMap",
  "GetAtt",
  "GetAZs",
  "ImportValue",
  "Join",
  "Select",
  "Split",
  "Sub",
  "Transform",
  "If",
  "Equals",
  "And",
  "Or",
  "Not",
  "Length",
  "ToJsonString",
] as const;

const KINDS = ["scalar", "sequence", "mapping"] as const;

function shortTag(tag: string, construct: (data: unknown) => unknown): yaml.Type[] {
  return KINDS.map(
    (kind) =>
      new yaml.Type(`!${tag}`, {
        kind,
        // An empty node (`!Ref` alone) is null for every kind.
        construct: (data: unknown) => construct(data ?? (kind === "scalar" ? "" : data)),
      }),
  );
}

/** `!GetAtt Res.Attr` is the short form of `Fn::GetAtt: [Res, Attr]` (split at the first dot). */
function getAtt(data: unknown): unknown {
  if (typeof data !== "string") return { "Fn::GetAtt": data };
  const dot = data.indexOf(".");
  return { "Fn::GetAtt": dot < 0 ? [data] : [data.slice(0, dot), data.slice(dot + 1)] };
}

const CFN_TYPES: yaml.Type[] = [
  ...shortTag("Ref", (d) => ({ Ref: d })),
  ...shortTag("Condition", (d) => ({ Condition: d })),
  ...FN_TAGS.flatMap((name) =>
    shortTag(name, name === "GetAtt" ? getAtt : (d) => ({ [`Fn::${name}`]: d })),
  ),
];

/** js-yaml's core schema with CloudFormation's short tags. */
export const CLOUDFORMATION_SCHEMA = yaml.CORE_SCHEMA.extend(CFN_TYPES);

/** Line and column (1-based) of a character offset. */
function lineColumn(text: string, offset: number): string {
  const before = text.slice(0, Math.max(0, Math.min(offset, text.length)));
  const lines = before.split("\n");
  return `line ${lines.length}, column ${(lines[lines.length - 1]?.length ?? 0) + 1}`;
}

function parseJson(text: string): ParsedTemplate {
  try {
    return asTemplate(JSON.parse(text) as unknown);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    // Node's message may quote the text around the error (which may hold a secret parameter
    // default): only its first clause is kept.
    const what = message.split(/, \.\.\.|, "| in JSON at | at position | \(line /)[0] ?? message;
    return { kind: "malformed", problem: `JSON: ${what}${jsonPosition(text, message)}` };
  }
}

/** Where JSON.parse stopped: from its message when it says, else found by `jsonErrorOffset`. */
function jsonPosition(text: string, message: string): string {
  const at = /position (\d+)/.exec(message);
  const offset = at ? Number(at[1]) : jsonErrorOffset(text);
  return offset === undefined ? "" : ` at ${lineColumn(text, offset)}`;
}

/**
 * The offset of the first character where `text` stops being JSON (a small validating scanner,
 * iterative, for engines whose JSON.parse message gives no position), or undefined if it is JSON.
 */
export function jsonErrorOffset(text: string): number | undefined {
  let i = 0;
  const ws = (): void => {
    while (i < text.length && " \t\n\r".includes(text[i] as string)) i++;
  };
  const str = (): boolean => {
    if (text[i] !== '"') return false;
    for (i++; i < text.length; i++) {
      const c = text[i] as string;
      if (c === "\\") i++;
      else if (c === '"') return (i++, true);
      else if (c < " ") return false;
    }
    return false;
  };
  const scalar = (): boolean => {
    const m = /^(?:-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null)/.exec(
      text.slice(i, i + 400),
    );
    if (!m) return false;
    i += m[0].length;
    return true;
  };
  // Open containers: "{" expects a key next, "}" a comma or end; likewise "[" and "]".
  const stack: string[] = [];
  let expectValue = true;
  ws();
  for (;;) {
    if (expectValue) {
      const c = text[i];
      if (c === "{" || c === "[") {
        stack.push(c);
        i++;
        ws();
        if (text[i] === (c === "{" ? "}" : "]")) {
          stack.pop();
          i++;
          expectValue = false;
        } else if (c === "{") {
          if (!str()) return i;
          ws();
          if (text[i] !== ":") return i;
          i++;
        }
        ws();
        continue;
      }
      if (!(str() || scalar())) return i;
      expectValue = false;
    }
    ws();
    const top = stack[stack.length - 1];
    if (top === undefined) return i < text.length ? i : undefined;
    const c = text[i];
    if (c === ",") {
      i++;
      ws();
      if (top === "{") {
        if (!str()) return i;
        ws();
        if (text[i] !== ":") return i;
        i++;
        ws();
      }
      expectValue = true;
    } else if (c === (top === "{" ? "}" : "]")) {
      stack.pop();
      i++;
    } else return i;
  }
}

function parseYaml(text: string): ParsedTemplate {
  try {
    return asTemplate(yaml.load(text, { schema: CLOUDFORMATION_SCHEMA, json: false }));
  } catch (e) {
    if (e instanceof yaml.YAMLException) {
      const where = e.mark ? ` at line ${e.mark.line + 1}, column ${e.mark.column + 1}` : "";
      return { kind: "malformed", problem: `YAML: ${e.reason}${where}` };
    }
    return { kind: "malformed", problem: `YAML: ${e instanceof Error ? e.message : String(e)}` };
  }
}

/**
 * Whether `value` nests deeper than `limit` or refers back to itself (YAML anchors can make a
 * node its own descendant). Each node's height is computed once (anchors share nodes, so the walk
 * stays linear in distinct nodes), and recursion stops at the limit.
 */
function tooDeep(value: unknown, limit: number): boolean {
  const heights = new Map<object, number>();
  const ancestors = new Set<object>();
  const height = (v: unknown): number => {
    if (v === null || typeof v !== "object") return 0;
    const known = heights.get(v);
    if (known !== undefined) return known;
    if (ancestors.has(v) || ancestors.size >= limit) return Infinity;
    ancestors.add(v);
    let h = 0;
    for (const child of Object.values(v)) {
      h = Math.max(h, height(child));
      if (h === Infinity) break;
    }
    ancestors.delete(v);
    heights.set(v, h + 1);
    return h + 1;
  };
  return height(value) > limit;
}

function asTemplate(value: unknown): ParsedTemplate {
  if (!isRecord(value)) {
    return { kind: "malformed", problem: "the template is not an object (a mapping of sections)" };
  }
  if (tooDeep(value, MAX_TEMPLATE_DEPTH)) {
    return {
      kind: "malformed",
      problem: `the template nests deeper than ${MAX_TEMPLATE_DEPTH} levels, or refers to itself`,
    };
  }
  const resources = value["Resources"];
  if (resources !== undefined && !isRecord(resources)) {
    return { kind: "malformed", problem: "`Resources` is not a mapping of logical IDs" };
  }
  return { kind: "template", template: value };
}

/**
 * A template body as the resource carries it: a JSON or YAML string, or (aws-native, whose
 * `templateBody` is any JSON) an object already.
 */
export function parseTemplate(body: unknown): ParsedTemplate {
  if (typeof body !== "string") return asTemplate(body);
  if (body.length > MAX_TEMPLATE_CHARS) {
    return {
      kind: "malformed",
      problem: `the template is ${body.length} characters, more than the ${MAX_TEMPLATE_CHARS} read`,
    };
  }
  const text = body.replace(/^\uFEFF/, "");
  if (text.trim() === "") return { kind: "malformed", problem: "the template is empty" };
  return text.trimStart().startsWith("{") ? parseJson(text) : parseYaml(text);
}
