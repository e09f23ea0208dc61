// Conversions between the Analyzer protocol messages (@pulumi/pulumi/proto/analyzer_pb) and the
// runner's types, following the engine's plugin/analyzer_plugin.go.
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import type { JavaScriptValue } from "google-protobuf/google/protobuf/struct_pb";
import * as pb from "@pulumi/pulumi/proto/analyzer_pb";
import { toStruct } from "./marshal";
import { ENFORCEMENT_LEVELS } from "./policy-config";
import type {
  AnalyzerInfo,
  EngineResource,
  EnforcementLevel,
  PolicyConfigSchema,
  PolicyInfo,
  PolicyPackConfig,
  PropertyMap,
  Severity,
} from "./types";

export function toEnforcementLevel(el: pb.EnforcementLevel): EnforcementLevel {
  switch (el) {
    case pb.EnforcementLevel.ADVISORY:
      return "advisory";
    case pb.EnforcementLevel.MANDATORY:
      return "mandatory";
    case pb.EnforcementLevel.REMEDIATE:
      return "remediate";
    case pb.EnforcementLevel.DISABLED:
      return "disabled";
    default:
      throw new Error(`invalid enforcement level ${String(el)}`);
  }
}

export function fromEnforcementLevel(el: EnforcementLevel): pb.EnforcementLevel {
  switch (el) {
    case "advisory":
      return pb.EnforcementLevel.ADVISORY;
    case "mandatory":
      return pb.EnforcementLevel.MANDATORY;
    case "remediate":
      return pb.EnforcementLevel.REMEDIATE;
    case "disabled":
      return pb.EnforcementLevel.DISABLED;
  }
}

export function toSeverity(s: pb.PolicySeverity): Severity {
  switch (s) {
    case pb.PolicySeverity.POLICY_SEVERITY_LOW:
      return "low";
    case pb.PolicySeverity.POLICY_SEVERITY_MEDIUM:
      return "medium";
    case pb.PolicySeverity.POLICY_SEVERITY_HIGH:
      return "high";
    case pb.PolicySeverity.POLICY_SEVERITY_CRITICAL:
      return "critical";
    default:
      return "unspecified";
  }
}

function toPolicyType(t: pb.PolicyType): PolicyInfo["type"] {
  switch (t) {
    case pb.PolicyType.POLICY_TYPE_RESOURCE:
      return "resource";
    case pb.PolicyType.POLICY_TYPE_STACK:
      return "stack";
    default:
      return "unknown";
  }
}

function toConfigSchema(
  schema: pb.PolicyConfigSchema | undefined,
  supportsConfig: boolean,
): PolicyConfigSchema | undefined {
  if (!supportsConfig) return undefined;
  const properties = (schema?.getProperties()?.toJavaScript() ?? {}) as Record<
    string,
    Record<string, unknown>
  >;
  // The engine injects `enforcementLevel` into every schema of a pack that supports config.
  properties["enforcementLevel"] = { type: "string", enum: [...ENFORCEMENT_LEVELS] };
  return { properties, required: schema?.getRequiredList() ?? [] };
}

function toPolicyConfig(map: ReturnType<pb.AnalyzerInfo["getInitialconfigMap"]>): PolicyPackConfig {
  const out: PolicyPackConfig = {};
  map.forEach((v: pb.PolicyConfig, k: string) => {
    out[k] = {
      enforcementLevel: toEnforcementLevel(v.getEnforcementlevel()),
      properties: (v.getProperties()?.toJavaScript() ?? {}) as Record<string, unknown>,
    };
  });
  return out;
}

/** Convert `GetAnalyzerInfo`'s answer; `projectVersion` (PulumiPolicy.yaml) wins, as in the engine. */
export function toAnalyzerInfo(
  info: pb.AnalyzerInfo,
  project: { version?: string; description?: string },
): AnalyzerInfo {
  const supportsConfig = info.getSupportsconfig();
  const policies: PolicyInfo[] = info.getPoliciesList().map((p) => {
    const out: PolicyInfo = {
      name: p.getName(),
      displayName: p.getDisplayname(),
      description: p.getDescription(),
      enforcementLevel: toEnforcementLevel(p.getEnforcementlevel()),
      type: toPolicyType(p.getPolicyType()),
      severity: toSeverity(p.getSeverity()),
      tags: p.getTagsList(),
      remediationSteps: p.getRemediationSteps(),
      url: p.getUrl(),
    };
    const fw = p.getFramework();
    if (fw) {
      out.framework = {
        name: fw.getName(),
        version: fw.getVersion(),
        reference: fw.getReference(),
        specification: fw.getSpecification(),
      };
    }
    const schema = toConfigSchema(p.getConfigschema(), supportsConfig);
    if (schema) out.configSchema = schema;
    return out;
  });
  policies.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return {
    name: info.getName(),
    displayName: info.getDisplayname(),
    version: project.version ?? info.getVersion(),
    description: info.getDescription() !== "" ? info.getDescription() : (project.description ?? ""),
    supportsConfig,
    policies,
    initialConfig: toPolicyConfig(info.getInitialconfigMap()),
    tags: info.getTagsList(),
    repository: info.getRepository(),
    provider: info.getProvider(),
    readme: info.getReadme(),
  };
}

/** The `Configure` request for a reconciled config. */
export function toConfigureRequest(config: PolicyPackConfig): pb.ConfigureAnalyzerRequest {
  const req = new pb.ConfigureAnalyzerRequest();
  const map = req.getPolicyconfigMap();
  for (const [name, entry] of Object.entries(config)) {
    const pc = new pb.PolicyConfig();
    if (entry.enforcementLevel === undefined) {
      throw new Error(`invalid enforcement level "" for "${name}"`);
    }
    pc.setEnforcementlevel(fromEnforcementLevel(entry.enforcementLevel));
    pc.setProperties(
      Struct.fromJavaScript((entry.properties ?? {}) as Record<string, JavaScriptValue>),
    );
    map.set(name, pc);
  }
  return req;
}

/** The URN's name part (`URN.Name()` in the engine): what follows its third `::`. */
export function urnName(urn: string): string {
  // `urn.split("::").slice(3).join("::")` without the array: called several times a resource.
  let at = -2;
  for (let i = 0; i < 3; i++) {
    at = urn.indexOf("::", at + 2);
    if (at < 0) return "";
  }
  return urn.slice(at + 2);
}

/** The URN's type part without parent types (`URN.Type()`). */
export function urnType(urn: string): string {
  const qualified = urn.split("::")[2] ?? "";
  return qualified.split("$").pop() ?? qualified;
}

export function resourceName(r: Pick<EngineResource, "name" | "urn">): string {
  return r.name ?? urnName(r.urn);
}

/** `AnalyzerResourceOptions` as `marshalResourceOptions` builds it (always set). */
export function toResourceOptions(r: EngineResource): pb.AnalyzerResourceOptions {
  const o = r.options ?? {};
  const opts = new pb.AnalyzerResourceOptions();
  opts.setProtect(o.protect ?? false);
  opts.setIgnorechangesList(o.ignoreChanges ?? []);
  opts.setDeletebeforereplace(o.deleteBeforeReplace ?? false);
  opts.setDeletebeforereplacedefined(o.deleteBeforeReplace !== undefined);
  opts.setAdditionalsecretoutputsList(o.additionalSecretOutputs ?? []);
  opts.setAliasesList(o.aliases ?? []);
  const timeouts = new pb.AnalyzerResourceOptions.CustomTimeouts();
  timeouts.setCreate(o.customTimeouts?.create ?? 0);
  timeouts.setUpdate(o.customTimeouts?.update ?? 0);
  timeouts.setDelete(o.customTimeouts?.delete ?? 0);
  opts.setCustomtimeouts(timeouts);
  opts.setParent(r.parent ?? "");
  return opts;
}

/** `AnalyzerProviderResource`: the provider's URN, type, name and *inputs*. */
export function toProviderResource(provider: EngineResource): pb.AnalyzerProviderResource {
  const p = new pb.AnalyzerProviderResource();
  p.setUrn(provider.urn);
  p.setType(provider.type);
  p.setName(resourceName(provider));
  p.setProperties(toStruct(provider.inputs, { skipInternalKeys: true }));
  return p;
}

export function toAnalyzeRequest(
  r: EngineResource,
  props: PropertyMap,
  provider: EngineResource | undefined,
  phase: "analyze" | "remediate",
): pb.AnalyzeRequest {
  const req = new pb.AnalyzeRequest();
  req.setUrn(r.urn);
  req.setType(r.type);
  req.setName(resourceName(r));
  // Remediate keeps internal keys; Analyze skips them.
  req.setProperties(toStruct(props, { skipInternalKeys: phase === "analyze" }));
  req.setOptions(toResourceOptions(r));
  if (provider) req.setProvider(toProviderResource(provider));
  return req;
}

export function toAnalyzerStackResource(
  r: EngineResource,
  props: PropertyMap,
  provider: EngineResource | undefined,
): pb.AnalyzerResource {
  const res = new pb.AnalyzerResource();
  res.setUrn(r.urn);
  res.setType(r.type);
  res.setName(resourceName(r));
  res.setProperties(toStruct(props, { skipInternalKeys: true }));
  res.setOptions(toResourceOptions(r));
  if (provider) res.setProvider(toProviderResource(provider));
  res.setParent(r.parent ?? "");
  res.setDependenciesList(r.dependencies ?? []);
  const deps = res.getPropertydependenciesMap();
  for (const [key, urns] of Object.entries(r.propertyDependencies ?? {})) {
    // The engine skips properties without dependencies.
    if (urns.length === 0) continue;
    deps.set(key, new pb.AnalyzerPropertyDependencies().setUrnsList(urns));
  }
  return res;
}
