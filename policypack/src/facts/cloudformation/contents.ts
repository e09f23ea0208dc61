// What a CloudFormation template carried by a Pulumi resource declares, judged as if each of its
// resources were declared directly. A CloudFormation resource's properties are what aws-native
// exposes (Cloud Control), in PascalCase where Pulumi writes camelCase, so each template resource
// is mapped to its aws-native type token (`AWS::EC2::Instance` → `aws-native:ec2:Instance`), its
// resolved properties to camelCase (`pulumiName`), and read by the aws-native extractor of that
// token; paths are turned back to the template's names for messages. No per-type logic lives here.
//
// A value the template cannot give (see resolve.ts) is put where the extractor reads it as the
// engine's unknown sentinel, and what the extractor reports as unknown is sorted back: a Pulumi
// input computed during preview stays `computed` (an advisory, checked again at `pulumi up`);
// anything else is `unresolved` (the pack can never read it: fails closed on a GPU-capable type).
import { lookupAiService } from "../../catalogue/ai-services";
import type { Props } from "../../values";
import { isRecord, isUnknown, UNKNOWN_STRING } from "../../values";
import { AWS_NATIVE_COMPUTE_EXTRACTORS } from "../aws-native";
import type {
  AcceleratorUse,
  AiServiceFacts,
  ComputeFacts,
  TemplateResourceRef,
  UnresolvedValue,
} from "../types";
import type { ParameterValue } from "./resolve";
import { parameterValues, TemplateResolver, Unresolved } from "./resolve";
import { parseTemplate } from "./template";

/** The most resources read from one template (CloudFormation allows 500). */
export const MAX_TEMPLATE_RESOURCES = 2_000;

/** Resource types whose own template the pack cannot see: their contents are unresolved. */
const NESTED_TEMPLATE_TYPES: ReadonlyMap<string, string> = new Map([
  ["AWS::CloudFormation::Stack", "TemplateURL"],
  ["AWS::CloudFormation::StackSet", "TemplateURL"],
  ["AWS::Serverless::Application", "Location"],
]);

/** Where the Pulumi resource keeps its template and parameters. */
export interface TemplateProps {
  readonly body: string;
  readonly url: string;
  readonly parameters: string;
}

/** The aws-native type token of a CloudFormation type: `AWS::EC2::Instance` → `aws-native:ec2:Instance`. */
export function awsNativeToken(cfnType: string): string | undefined {
  const m = /^AWS::([A-Za-z0-9]+)::([A-Za-z0-9]+)$/.exec(cfnType);
  return m ? `aws-native:${(m[1] as string).toLowerCase()}:${m[2] as string}` : undefined;
}

/**
 * The camelCase name Pulumi gives a CloudFormation property: the leading capital is lowered, and
 * a leading run of capitals (an initialism) is lowered but for the capital that starts the next
 * word: `InstanceType` → `instanceType`, `VCpuCount` → `vCpuCount`, `DBInstanceClass` →
 * `dbInstanceClass`, `GPU` → `gpu`.
 */
export function pulumiName(key: string): string {
  const run = /^[A-Z]+/.exec(key)?.[0] ?? "";
  if (run.length === 0) return key;
  if (run.length === key.length) return key.toLowerCase();
  if (run.length === 1) return key[0]?.toLowerCase() + key.slice(1);
  const next = key[run.length] ?? "";
  const keep = /[a-z]/.test(next) ? run.length - 1 : run.length;
  return key.slice(0, keep).toLowerCase() + key.slice(keep);
}

/** A resolved value in Pulumi's names, with every unresolved value replaced and recorded. */
class Converter {
  /** camelCase path → the template's path, segment by segment. */
  readonly names = new Map<string, string>();
  readonly holes = new Map<string, Unresolved>();

  convert(value: unknown, path: string): unknown {
    if (value instanceof Unresolved) {
      this.holes.set(path, value);
      return UNKNOWN_STRING;
    }
    if (Array.isArray(value)) return value.map((v, i) => this.convert(v, `${path}[${i}]`));
    if (!isRecord(value)) return value;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      if (k === "__proto__") continue;
      const name = pulumiName(k);
      this.names.set(name, k);
      out[name] = this.convert(v, path ? `${path}.${name}` : name);
    }
    return out;
  }

  /** The template's spelling of an extractor's path: `launchTemplateData.instanceType` → `LaunchTemplateData.InstanceType`. */
  templatePath(path: string): string {
    // A segment never met (an extractor's path below an unresolved value) is capitalised.
    const back = path.replace(
      /[A-Za-z_][A-Za-z0-9_]*/g,
      (seg) => this.names.get(seg) ?? seg.charAt(0).toUpperCase() + seg.slice(1),
    );
    return back === "" ? "Properties" : `Properties.${back}`;
  }

  /** The unresolved value an extractor met at `path` (or at the nearest enclosing path). */
  hole(path: string): Unresolved | undefined {
    for (let p = path; ;) {
      const found = this.holes.get(p);
      if (found) return found;
      const cut = Math.max(p.lastIndexOf("."), p.lastIndexOf("["));
      if (cut <= 0) return this.holes.get("");
      p = p.slice(0, cut);
    }
  }
}

export interface TemplateContents {
  readonly compute: ComputeFacts;
  readonly aiServices: readonly AiServiceFacts[];
}

const NONE: TemplateContents = { compute: { accelerators: [], computed: [] }, aiServices: [] };

function unresolvedOnly(u: UnresolvedValue): TemplateContents {
  return { compute: { accelerators: [], computed: [], unresolved: [u] }, aiServices: [] };
}

/** Whether a part of the template names a type the pack would read (a `Fn::ForEach` body). */
function mentionsReadType(value: unknown): boolean {
  const text = JSON.stringify(value) ?? "";
  return [...text.matchAll(/"(AWS::[A-Za-z0-9]+::[A-Za-z0-9]+)"/g)].some((m) => {
    const token = awsNativeToken(m[1] as string);
    return (
      NESTED_TEMPLATE_TYPES.has(m[1] as string) ||
      (token !== undefined &&
        (AWS_NATIVE_COMPUTE_EXTRACTORS.has(token) || lookupAiService(token) !== undefined))
    );
  });
}

/**
 * The contents of the template the resource carries, judged in `region` (a placement the caller
 * resolved, or why it is not known). `overrides` are a StackSet instance's parameter overrides.
 */
export function templateContents(
  props: Props,
  where: TemplateProps,
  region: string | Unresolved,
  overrides: ReadonlyMap<string, ParameterValue> = new Map(),
): TemplateContents {
  const body = props[where.body];
  const url = props[where.url];
  if (isUnknown(body)) return { ...NONE, compute: { accelerators: [], computed: [where.body] } };
  if (body === undefined || body === null || body === "") {
    if (isUnknown(url)) return { ...NONE, compute: { accelerators: [], computed: [where.url] } };
    if (typeof url === "string" && url !== "") {
      return unresolvedOnly({ path: where.url, reason: { kind: "template-url", url } });
    }
    return NONE;
  }
  const parsed = parseTemplate(body);
  if (parsed.kind === "malformed") {
    return unresolvedOnly({
      path: where.body,
      reason: { kind: "malformed-template", problem: parsed.problem },
    });
  }
  const givenParams = props[where.parameters];
  const parameters = isUnknown(givenParams)
    ? allComputed(parsed.template, where.parameters)
    : parameterValues(givenParams, where.parameters);
  for (const [k, v] of overrides) parameters.set(k, v);
  return readResources(
    new TemplateResolver({ template: parsed.template, parameters, region }),
    where.body,
  );
}

/** Every declared parameter computed (the whole `parameters` input is unknown during preview). */
function allComputed(
  template: Readonly<Record<string, unknown>>,
  path: string,
): Map<string, ParameterValue> {
  const declared = isRecord(template["Parameters"]) ? Object.keys(template["Parameters"]) : [];
  return new Map(
    declared.map((k) => [k, new Unresolved({ kind: "deploy-time", expression: path }, path)]),
  );
}

function readResources(resolver: TemplateResolver, source: string): TemplateContents {
  const accelerators: AcceleratorUse[] = [];
  const computed = new Set<string>();
  const unresolved: UnresolvedValue[] = [];
  const aiServices: AiServiceFacts[] = [];
  const entries = resolver.resourceEntries();
  if (entries.length > MAX_TEMPLATE_RESOURCES) {
    unresolved.push({
      path: `${source}.Resources`,
      reason: {
        kind: "not-evaluated",
        what: `resources beyond the first ${MAX_TEMPLATE_RESOURCES}`,
      },
    });
  }
  for (const [logicalId, decl] of entries.slice(0, MAX_TEMPLATE_RESOURCES)) {
    if (logicalId.startsWith("Fn::ForEach::")) {
      if (mentionsReadType(decl)) {
        unresolved.push({
          path: `${source}.Resources.${logicalId}`,
          reason: { kind: "not-evaluated", what: `the \`${logicalId}\` loop` },
        });
      }
      continue;
    }
    if (!isRecord(decl) || typeof decl["Type"] !== "string") continue;
    const type = decl["Type"];
    const template: TemplateResourceRef = { source, logicalId, type };
    const cond = decl["Condition"];
    // A resource whose condition is false is not created; an undecidable one is read.
    if (typeof cond === "string" && resolver.condition(cond) === false) continue;
    const nested = NESTED_TEMPLATE_TYPES.get(type);
    if (nested !== undefined) {
      const props = resolver.resolve(decl["Properties"]);
      const at = isRecord(props) ? props[nested] : undefined;
      unresolved.push({
        path: `Properties.${nested}`,
        template,
        reason: { kind: "template-url", url: typeof at === "string" ? at : "" },
      });
      continue;
    }
    const token = awsNativeToken(type);
    if (token === undefined) continue;
    const extractor = AWS_NATIVE_COMPUTE_EXTRACTORS.get(token);
    const ai = lookupAiService(token);
    if (ai) aiServices.push({ entry: ai, template });
    if (!extractor) continue;
    const conv = new Converter();
    const props = conv.convert(resolver.resolve(decl["Properties"] ?? {}), "");
    const facts = extractor((isRecord(props) ? props : UNKNOWN_STRING) as Props);
    for (const use of facts.accelerators) {
      accelerators.push({ ...use, path: conv.templatePath(use.path), template });
    }
    for (const path of [...facts.computed, ...(facts.unresolved ?? []).map((u) => u.path)]) {
      const hole = conv.hole(path);
      if (hole?.computedPath !== undefined) computed.add(hole.computedPath);
      else {
        unresolved.push({
          path: conv.templatePath(path),
          template,
          reason: hole?.reason ?? { kind: "not-evaluated", what: "a value of the template" },
        });
      }
    }
  }
  return {
    compute: {
      accelerators,
      computed: [...computed],
      ...(unresolved.length > 0 ? { unresolved } : {}),
    },
    aiServices,
  };
}
