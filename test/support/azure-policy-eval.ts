// A small evaluator of the Azure Policy rule language, exactly the subset the azure-policy
// guardrail emits: allOf / anyOf / not; `field` conditions with equals, notEquals, in, notIn,
// like, notLike, matchInsensitively, exists, greater, greaterOrEquals; `[*]` aliases (a field
// condition holds when every selected value does; an empty selection holds); field `count` with
// `where` (the counted member alone is selected in each iteration); `value` conditions; and the
// template functions parameters() and length(). Anything else throws, so a rule that grows beyond
// this subset fails its tests rather than being half-evaluated.
//
// Semantics follow Microsoft Learn (MicrosoftDocs/azure-docs articles/governance/policy):
// string comparisons are case-insensitive except match/notMatch; `like` takes one `*`; `location`
// is normalised ("East US 2" = "eastus2"); a missing property is null (equals fails, notEquals
// and notIn hold, exists false).

export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
export type Resource = { [k: string]: Json };

/** Alias → property path (`[*]` marks an array), the rows the guardrail relies on. */
const ALIASES: ReadonlyMap<string, string> = new Map(
  [
    // The alias named sku.name reads the VM's hardwareProfile.vmSize (azure-policy-alias-dump).
    ["Microsoft.Compute/virtualMachines/sku.name", "properties.hardwareProfile.vmSize"],
    ["Microsoft.Compute/VirtualMachineScaleSets/sku.name", "sku.name"],
    [
      "Microsoft.ContainerService/managedClusters/agentPoolProfiles[*]",
      "properties.agentPoolProfiles[*]",
    ],
    [
      "Microsoft.ContainerService/managedClusters/agentPoolProfiles[*].vmSize",
      "properties.agentPoolProfiles[*].vmSize",
    ],
    ["Microsoft.ContainerService/managedClusters/agentPools/vmSize", "properties.vmSize"],
    [
      "Microsoft.MachineLearningServices/workspaces/computes/vmSize",
      "properties.properties.vmSize",
    ],
    [
      "Microsoft.MachineLearningServices/workspaces/computes/computeLocation",
      "properties.computeLocation",
    ],
  ].map(([a, p]) => [a!.toLowerCase(), p!]),
);

/** The documentation's test type: `Microsoft.Test/resourceType/x` is `properties.x`. */
const TEST_PREFIX = "microsoft.test/resourcetype/";

function pathOf(field: string): string {
  const f = field.toLowerCase();
  if (["type", "location", "name", "kind", "id"].includes(f)) return f;
  if (f.startsWith("tags.")) return field;
  const known = ALIASES.get(f);
  if (known !== undefined) return known;
  if (f.startsWith(TEST_PREFIX)) return `properties.${field.slice(TEST_PREFIX.length)}`;
  throw new Error(`azure-policy-eval: unknown alias '${field}'`);
}

/** Selected values for `path`; `current` pins a counted array (path prefix → member). */
function select(
  node: Json | undefined,
  segments: readonly string[],
  prefix: string,
  current: ReadonlyMap<string, Json>,
): { values: Json[]; array: boolean } {
  if (segments.length === 0) return { values: node === undefined ? [] : [node], array: false };
  const [head, ...rest] = segments as [string, ...string[]];
  const star = head.endsWith("[*]");
  const key = star ? head.slice(0, -3) : head;
  const here = prefix === "" ? head : `${prefix}.${head}`;
  const obj = node !== null && typeof node === "object" && !Array.isArray(node) ? node : undefined;
  const found = obj
    ? Object.entries(obj).find(([k]) => k.toLowerCase() === key.toLowerCase())?.[1]
    : undefined;
  if (!star) return select(found, rest, here, current);
  const pinned = current.get(here.toLowerCase());
  const members = pinned !== undefined ? [pinned] : Array.isArray(found) ? found : [];
  const values: Json[] = [];
  for (const m of members) {
    const r = select(m, rest, here, current);
    values.push(...r.values);
  }
  return { values, array: true };
}

interface Ctx {
  readonly resource: Resource;
  readonly params: Readonly<Record<string, Json>>;
  readonly current: ReadonlyMap<string, Json>;
  /** Field selections already made under this `current` (a rule names one field many times). */
  readonly cache?: Map<string, { values: (Json | undefined)[]; array: boolean }>;
}

function fieldValues(field: string, ctx: Ctx): { values: (Json | undefined)[]; array: boolean } {
  const cached = ctx.cache?.get(field);
  if (cached !== undefined) return cached;
  const r = fieldValuesUncached(field, ctx);
  ctx.cache?.set(field, r);
  return r;
}

function fieldValuesUncached(
  field: string,
  ctx: Ctx,
): { values: (Json | undefined)[]; array: boolean } {
  const path = pathOf(field);
  const r = select(ctx.resource, path.split("."), "", ctx.current);
  if (!r.array) {
    let v: Json | undefined = r.values[0];
    if (path === "location" && typeof v === "string") v = v.toLowerCase().replace(/\s+/g, "");
    return { values: [v], array: false };
  }
  return r;
}

/** `[parameters('x')]`, `[length(parameters('x'))]`, or a literal. */
export function expression(value: Json, ctx: Pick<Ctx, "params">): Json {
  if (typeof value !== "string" || !value.startsWith("[") || value.startsWith("[[")) return value;
  const body = value.slice(1, -1).trim();
  const call = (s: string): Json => {
    const p = /^parameters\('([^']+)'\)$/.exec(s);
    if (p) {
      const v = ctx.params[p[1]!];
      if (v === undefined) throw new Error(`azure-policy-eval: parameter '${p[1]}' has no value`);
      return v;
    }
    const l = /^length\((.*)\)$/.exec(s);
    if (l) {
      const inner = call(l[1]!.trim());
      if (Array.isArray(inner) || typeof inner === "string") return inner.length;
      throw new Error(`azure-policy-eval: length() of ${JSON.stringify(inner)}`);
    }
    throw new Error(`azure-policy-eval: unsupported expression '${s}'`);
  };
  return call(body);
}

const lower = (v: Json | undefined) => (typeof v === "string" ? v.toLowerCase() : v);

function equalsCi(a: Json | undefined, b: Json): boolean {
  if (a === undefined || a === null) return false;
  if (typeof a === "string" && typeof b === "string") return a.toLowerCase() === b.toLowerCase();
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Results of like / matchInsensitively by pattern and value (the matrix tests repeat them). */
const memo = new Map<string, boolean>();
function memoised(
  kind: string,
  value: Json | undefined,
  pattern: string,
  f: () => boolean,
): boolean {
  if (typeof value !== "string") return f();
  const key = `${kind}\u0000${pattern}\u0000${value}`;
  let r = memo.get(key);
  if (r === undefined) {
    r = f();
    if (memo.size > 1_000_000) memo.clear();
    memo.set(key, r);
  }
  return r;
}

/** `like`: one `*` at most (Azure rejects more), case-insensitive, whole string. */
export function like(value: Json | undefined, pattern: string): boolean {
  return memoised("like", value, pattern, () => likeUncached(value, pattern));
}

function likeUncached(value: Json | undefined, pattern: string): boolean {
  if (pattern.split("*").length > 2)
    throw new Error(`azure-policy-eval: like '${pattern}' has more than one wildcard`);
  if (typeof value !== "string") return false;
  const v = value.toLowerCase();
  const p = pattern.toLowerCase();
  const star = p.indexOf("*");
  if (star < 0) return v === p;
  const head = p.slice(0, star);
  const tail = p.slice(star + 1);
  return v.length >= head.length + tail.length && v.startsWith(head) && v.endsWith(tail);
}

/** `matchInsensitively`: `#` a digit, `?` a letter, `.` any character, the rest literal. */
export function matchInsensitively(value: Json | undefined, pattern: string): boolean {
  return memoised("match", value, pattern, () => matchUncached(value, pattern));
}

function matchUncached(value: Json | undefined, pattern: string): boolean {
  if (typeof value !== "string" || value.length !== pattern.length) return false;
  for (let i = 0; i < pattern.length; i++) {
    const p = pattern[i]!;
    const c = value[i]!;
    if (p === "#") {
      if (!/[0-9]/.test(c)) return false;
    } else if (p === "?") {
      if (!/[a-z]/i.test(c)) return false;
    } else if (p !== "." && p.toLowerCase() !== c.toLowerCase()) return false;
  }
  return true;
}

const OPERATORS = [
  "equals",
  "notEquals",
  "in",
  "notIn",
  "like",
  "notLike",
  "matchInsensitively",
  "exists",
  "greater",
  "greaterOrEquals",
] as const;

function compare(op: (typeof OPERATORS)[number], v: Json | undefined, target: Json): boolean {
  switch (op) {
    case "equals":
      return equalsCi(v, target);
    case "notEquals":
      return !equalsCi(v, target);
    case "in":
    case "notIn": {
      if (!Array.isArray(target)) throw new Error(`azure-policy-eval: ${op} needs an array`);
      const hit = target.some((t) => equalsCi(v, t));
      return op === "in" ? hit : !hit;
    }
    case "like":
      return like(v, String(target));
    case "notLike":
      return !like(v, String(target));
    case "matchInsensitively":
      return matchInsensitively(v, String(target));
    case "exists": {
      const want = target === true || lower(target) === "true";
      return (v !== undefined && v !== null) === want;
    }
    case "greater":
    case "greaterOrEquals":
      if (typeof v !== "number" || typeof target !== "number") return false;
      return op === "greater" ? v > target : v >= target;
  }
}

function operatorOf(c: Record<string, Json>): [(typeof OPERATORS)[number], Json] {
  const ops = OPERATORS.filter((o) => o in c);
  if (ops.length !== 1)
    throw new Error(`azure-policy-eval: unsupported condition ${JSON.stringify(c)}`);
  return [ops[0]!, c[ops[0]!]!];
}

export function evaluateCondition(cond: Json, ctx: Ctx): boolean {
  if (cond === null || typeof cond !== "object" || Array.isArray(cond))
    throw new Error(`azure-policy-eval: not a condition: ${JSON.stringify(cond)}`);
  if ("allOf" in cond) return (cond["allOf"] as Json[]).every((c) => evaluateCondition(c, ctx));
  if ("anyOf" in cond) return (cond["anyOf"] as Json[]).some((c) => evaluateCondition(c, ctx));
  if ("not" in cond) return !evaluateCondition(cond["not"]!, ctx);
  if ("count" in cond) {
    const count = cond["count"] as Record<string, Json>;
    if (typeof count["field"] !== "string")
      throw new Error("azure-policy-eval: only field count is supported");
    const path = pathOf(count["field"]);
    if (!path.endsWith("[*]")) throw new Error("azure-policy-eval: count needs a [*] alias");
    const members = select(ctx.resource, path.split("."), "", ctx.current).values;
    let n = 0;
    for (const m of members) {
      const where = count["where"];
      if (where === undefined) n += 1;
      else {
        const current = new Map(ctx.current);
        current.set(path.toLowerCase(), m);
        if (evaluateCondition(where, { ...ctx, current, cache: new Map() })) n += 1;
      }
    }
    const [op, target] = operatorOf(cond);
    return compare(op, n, expression(target, ctx));
  }
  const [op, rawTarget] = operatorOf(cond);
  const target = expression(rawTarget, ctx);
  if ("value" in cond) return compare(op, expression(cond["value"]!, ctx), target);
  if (typeof cond["field"] !== "string")
    throw new Error(`azure-policy-eval: unsupported condition ${JSON.stringify(cond)}`);
  const { values, array } = fieldValues(cond["field"], ctx);
  if (!array) return compare(op, values[0], target);
  return values.every((v) => compare(op, v, target));
}

/** A definition's parameter values: the given ones over the defaults. */
export function parameterValues(
  definition: { properties: { parameters?: Record<string, { defaultValue?: Json }> } },
  given: Readonly<Record<string, Json>> = {},
): Record<string, Json> {
  const out: Record<string, Json> = {};
  for (const [k, p] of Object.entries(definition.properties.parameters ?? {}))
    if (p.defaultValue !== undefined) out[k] = p.defaultValue;
  return { ...out, ...given };
}

export interface PolicyDefinitionDoc {
  properties: {
    mode: string;
    parameters?: Record<string, { defaultValue?: Json }>;
    policyRule: { if: Json; then: { effect: Json } };
  };
}

/** The effect a definition applies to a resource, or undefined when the rule does not match. */
export function evaluatePolicy(
  definition: PolicyDefinitionDoc,
  resource: Resource,
  given: Readonly<Record<string, Json>> = {},
): string | undefined {
  // Mode Indexed evaluates only types that support tags and location: a resource without a
  // location stands for such a type here.
  if (
    definition.properties.mode.toLowerCase() === "indexed" &&
    typeof resource["location"] !== "string"
  )
    return undefined;
  const params = parameterValues(definition, given);
  const ctx: Ctx = { resource, params, current: new Map(), cache: new Map() };
  if (!evaluateCondition(definition.properties.policyRule.if, ctx)) return undefined;
  const effect = expression(definition.properties.policyRule.then.effect, ctx);
  return typeof effect === "string" ? effect.toLowerCase() : undefined;
}
