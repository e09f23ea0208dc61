// Turn captured registrations into the resources the engine would hold, including the default
// providers it creates (pulumi/pulumi deploy/default_providers.go, providers/reference.go):
//   - a custom resource without a provider gets its package's default provider, registered just
//     before the first resource that needs it: type `pulumi:providers:<pkg>`, name
//     `default_<major>_<minor>_<patch>` (version from the request, else the package's
//     package.json), no parent, inputs = the stack config of that package (`aws:region` ->
//     `region`, values as strings, secrets as secrets) plus `version`;
//   - explicit providers get `version` in their inputs the same way;
//   - in preview a new provider's ID is unknown, so references read `<urn>::<UNKNOWN>`.
import * as fs from "fs";
import { secret, UNKNOWN } from "../runner/marshal";
import type { EngineResource, PropertyMap, ResourceOptions } from "../runner/types";
import type { Registration } from "./types";

const PROVIDER_PREFIX = "pulumi:providers:";

export interface EngineResourceContext {
  project: string;
  stack: string;
  /** Namespaced stack config, as in PULUMI_CONFIG. */
  config: Record<string, string>;
  secretKeys: readonly string[];
  /** Where to resolve `@pulumi/<pkg>/package.json` when the request carries no version. */
  programDir?: string;
}

/** The package of a type token: `aws:ec2/instance:Instance` -> `aws`. */
export function packageOf(type: string): string {
  if (type.startsWith(PROVIDER_PREFIX)) return type.slice(PROVIDER_PREFIX.length);
  return type.split(":")[0] ?? type;
}

/** `default_7_48_0`, with pre-release/build parts and the download URL as the engine adds them. */
export function defaultProviderName(version: string | undefined, pluginDownloadURL = ""): string {
  let base = "default";
  if (version !== undefined && version !== "") {
    const m = /^v?(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z.-]+))?(?:\+([0-9A-Za-z.-]+))?$/.exec(version);
    if (m) {
      base += `_${m[1]}_${m[2]}_${m[3]}`;
      for (const pre of m[4]?.split(".") ?? []) base += `_${pre}`;
      for (const build of m[5]?.split(".") ?? []) base += `_${build}`;
    } else {
      base += `_${version.replace(/[^A-Za-z0-9]/g, "_")}`;
    }
  }
  if (pluginDownloadURL !== "") base += `_${pluginDownloadURL.replace(/[^A-Za-z0-9_.-]/g, "_")}`;
  return base;
}

/** The version of `@pulumi/<pkg>` installed for the program, if any. */
export function installedPackageVersion(
  pkg: string,
  programDir: string | undefined,
): string | undefined {
  if (programDir === undefined) return undefined;
  try {
    const file = require.resolve(`@pulumi/${pkg}/package.json`, { paths: [programDir] });
    const json = JSON.parse(fs.readFileSync(file, "utf8")) as { version?: unknown };
    return typeof json.version === "string" ? json.version : undefined;
  } catch {
    return undefined;
  }
}

/** The default provider's inputs: the package's stack config (`GetPackageConfig`) plus `version`. */
export function packageConfigInputs(
  pkg: string,
  config: Record<string, string>,
  secretKeys: readonly string[],
): PropertyMap {
  const inputs: PropertyMap = {};
  for (const [key, value] of Object.entries(config)) {
    const sep = key.indexOf(":");
    if (sep < 0 || key.slice(0, sep) !== pkg) continue;
    const name = key.slice(sep + 1);
    inputs[name] = secretKeys.includes(key) ? secret(value) : value;
  }
  return inputs;
}

/** Go duration ("1h2m3.5s", "10m") to seconds; unparsable or empty gives 0. */
export function durationSeconds(d: string): number {
  if (d === "") return 0;
  const units: Record<string, number> = {
    h: 3600,
    m: 60,
    s: 1,
    ms: 1e-3,
    us: 1e-6,
    µs: 1e-6,
    ns: 1e-9,
  };
  let total = 0;
  const re = /(\d+(?:\.\d+)?)(h|ms|us|µs|ns|m|s)/g;
  let consumed = 0;
  for (let m = re.exec(d); m !== null; m = re.exec(d)) {
    total += Number(m[1]) * (units[m[2] ?? "s"] ?? 0);
    consumed += m[0].length;
  }
  return consumed === d.length ? total : 0;
}

function optionsOf(r: Registration): ResourceOptions {
  const o: ResourceOptions = {};
  if (r.protect !== undefined) o.protect = r.protect;
  if (r.ignoreChanges.length > 0) o.ignoreChanges = r.ignoreChanges;
  if (r.deleteBeforeReplace !== undefined) o.deleteBeforeReplace = r.deleteBeforeReplace;
  if (r.additionalSecretOutputs.length > 0) o.additionalSecretOutputs = r.additionalSecretOutputs;
  if (r.aliasURNs.length > 0) o.aliases = r.aliasURNs;
  if (r.customTimeouts) {
    o.customTimeouts = {
      create: durationSeconds(r.customTimeouts.create),
      update: durationSeconds(r.customTimeouts.update),
      delete: durationSeconds(r.customTimeouts.delete),
    };
  }
  return o;
}

/** Engine resources in registration order, default providers inserted where the engine adds them. */
export function toEngineResources(
  registrations: readonly Registration[],
  ctx: EngineResourceContext,
): EngineResource[] {
  const out: EngineResource[] = [];
  const defaults = new Map<string, string>(); // request key -> provider reference
  const versionOf = (pkg: string, requested: string): string | undefined =>
    requested !== "" ? requested : installedPackageVersion(pkg, ctx.programDir);

  for (const r of registrations) {
    const isProvider = r.type.startsWith(PROVIDER_PREFIX);
    const inputs: PropertyMap = { ...r.object };
    let provider: string | undefined = r.provider !== "" ? r.provider : undefined;

    if (isProvider) {
      const version = versionOf(packageOf(r.type), r.version);
      if (version !== undefined) inputs["version"] = version;
      if (r.pluginDownloadURL !== "") inputs["pluginDownloadURL"] = r.pluginDownloadURL;
    } else if (r.custom && provider === undefined) {
      const pkg = packageOf(r.type);
      const version = versionOf(pkg, r.version);
      const key = `${pkg}@${version ?? ""}@${r.pluginDownloadURL}`;
      provider = defaults.get(key);
      if (provider === undefined) {
        const name = defaultProviderName(version, r.pluginDownloadURL);
        const urn = `urn:pulumi:${ctx.stack}::${ctx.project}::${PROVIDER_PREFIX}${pkg}::${name}`;
        const pinputs = packageConfigInputs(pkg, ctx.config, ctx.secretKeys);
        if (version !== undefined) pinputs["version"] = version;
        if (r.pluginDownloadURL !== "") pinputs["pluginDownloadURL"] = r.pluginDownloadURL;
        out.push({ urn, type: `${PROVIDER_PREFIX}${pkg}`, name, custom: true, inputs: pinputs });
        provider = `${urn}::${UNKNOWN}`;
        defaults.set(key, provider);
      }
    }

    const res: EngineResource = {
      urn: r.urn,
      type: r.type,
      name: r.name,
      custom: r.custom,
      inputs,
      dependencies: r.dependencies,
      propertyDependencies: r.propertyDependencies,
      options: optionsOf(r),
    };
    if (r.parent !== "") res.parent = r.parent;
    if (provider !== undefined) res.provider = provider;
    out.push(res);
  }
  return out;
}
