// Where a Kubernetes resource runs: on the cluster its provider talks to. The kubernetes provider
// takes a `kubeconfig` (contents as YAML or JSON; the default provider's from stack config
// `kubernetes:kubeconfig`) and optionally a `context` and `cluster` within it. A managed cluster's
// kubeconfig names its region: the API server's host name (EKS `<id>.gr7.<region>.eks.amazonaws.com`,
// AKS `<name>.hcp.<location>.azmk8s.io`, GKE `<id>.<location>.gke.goog`), the cluster or context
// name (an EKS cluster ARN, GKE `gke_<project>_<location>_<cluster>`) or the credential plugin's
// arguments (`aws eks get-token --region <region>`). The rows are data/kubernetes.ts.
//
// Anything else (no kubeconfig in view, a file path, a kubeconfig computed during preview or one
// that names no region) is decided at AnalyzeStack, from the cluster resource of the same stack
// that the provider's kubeconfig comes from (stack.ts): the placement is `inherited` here.
import * as yaml from "js-yaml";
import {
  awsPartitionOf,
  lookupAwsRegion,
  lookupAzureLocation,
  lookupGcpLocation,
  normaliseAzureLocation,
} from "../../catalogue/regions";
import { CLUSTER_LOCATION_RULES, REGION_EXEC_COMMANDS } from "../../data/kubernetes";
import type { Cloud } from "../../data/types";
import { Computed, isRecord, isUnknown, read } from "../../values";
import type { RegionReading } from "../common/placement-chain";
import { isDefaultProvider, providerName, providerOf } from "../common/provider";
import type { EvalContext, Placement, PlacementOrigin, ResourceView } from "../types";

export const KUBERNETES_PROVIDER_TYPE = "pulumi:providers:kubernetes";

/** The cluster kinds a kubeconfig may come from, whose placement is the cluster's. */
export const CLUSTER_TOKENS: readonly string[] = [
  "aws:eks/cluster:Cluster",
  "aws-native:eks:Cluster",
  "azure-native:containerservice:ManagedCluster",
  "azure:containerservice/kubernetesCluster:KubernetesCluster",
  "gcp:container/cluster:Cluster",
];

/** A region written by a cloud, read against that cloud's catalogue. */
export function readCloudRegion(cloud: Cloud, written: string): RegionReading {
  const w = written.trim();
  switch (cloud) {
    case "aws": {
      const region = w.toLowerCase();
      const entry = lookupAwsRegion(region);
      const country = entry?.country ?? awsPartitionOf(region)?.country;
      return { region, ...(entry ? { entry } : {}), ...(country ? { country } : {}) };
    }
    case "azure": {
      const entry = lookupAzureLocation(w);
      const region = entry?.name ?? normaliseAzureLocation(w);
      return { region, ...(entry ? { entry, country: entry.country } : {}) };
    }
    case "gcp": {
      const found = lookupGcpLocation(w);
      if (!found) return { region: w.toLowerCase() };
      return {
        region: found.region,
        ...(found.entry ? { entry: found.entry, country: found.entry.country } : {}),
      };
    }
    default:
      return { region: w.toLowerCase() };
  }
}

function resolved(cloud: Cloud, written: string, origin: PlacementOrigin): Placement {
  const r = readCloudRegion(cloud, written);
  const country = r.country ?? r.entry?.country;
  return {
    status: "resolved",
    cloud,
    written,
    region: r.region,
    ...(r.entry ? { entry: r.entry } : {}),
    ...(country ? { country } : {}),
    origin,
  };
}

// ── The kubeconfig ──────────────────────────────────────────────────────────────────────────

/** What the kubeconfig's selected context says about where the cluster is. */
interface Finding {
  readonly cloud: Cloud;
  readonly region: string;
  /** "EKS API server `…`", for messages (never a credential). */
  readonly what: string;
}

function named(list: unknown, name: string | undefined): Record<string, unknown> | undefined {
  if (!Array.isArray(list)) return undefined;
  const entries = list.filter(isRecord);
  const hit = name !== undefined ? entries.find((e) => e["name"] === name) : undefined;
  if (hit) return hit;
  return name === undefined && entries.length === 1 ? entries[0] : undefined;
}

function hostOf(server: string): string {
  try {
    return new URL(server.includes("://") ? server : `https://${server}`).hostname.toLowerCase();
  } catch {
    return "";
  }
}

function byRule(where: "server" | "name", value: string, label: string): Finding | undefined {
  for (const rule of CLUSTER_LOCATION_RULES) {
    if (rule.where !== where) continue;
    const m = rule.pattern.exec(value);
    if (m?.[1]) return { cloud: rule.cloud, region: m[1], what: `${rule.what} \`${label}\`` };
  }
  return undefined;
}

function execRegion(user: Record<string, unknown> | undefined): Finding | undefined {
  const exec = user ? read(user, "user.exec") : undefined;
  if (!isRecord(exec)) return undefined;
  const command = typeof exec["command"] === "string" ? exec["command"] : "";
  const base = command.split(/[\\/]/).pop() ?? "";
  if (!REGION_EXEC_COMMANDS.commands.includes(base.replace(/\.exe$/, ""))) return undefined;
  const args = Array.isArray(exec["args"]) ? exec["args"].map(String) : [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? "";
    const value =
      a === "--region" ? args[i + 1] : a.startsWith("--region=") ? a.slice(9) : undefined;
    if (value)
      return {
        cloud: REGION_EXEC_COMMANDS.cloud,
        region: value,
        what: `credential plugin \`${base} … --region ${value}\``,
      };
  }
  const env = Array.isArray(exec["env"]) ? exec["env"].filter(isRecord) : [];
  for (const name of ["AWS_REGION", "AWS_DEFAULT_REGION"]) {
    const v = env.find((e) => e["name"] === name)?.["value"];
    if (typeof v === "string" && v.trim() !== "")
      return {
        cloud: REGION_EXEC_COMMANDS.cloud,
        region: v,
        what: `credential plugin \`${base}\` environment ${name}=${v}`,
      };
  }
  return undefined;
}

/** The region a kubeconfig document names for `context` (else its current context). */
export function regionOfKubeconfig(
  doc: unknown,
  opts: { readonly context?: string; readonly cluster?: string } = {},
): Finding | undefined {
  if (!isRecord(doc)) return undefined;
  const current = typeof doc["current-context"] === "string" ? doc["current-context"] : undefined;
  const ctxName = opts.context ?? current;
  const context = named(doc["contexts"], ctxName);
  const clusterName =
    opts.cluster ??
    (typeof read(context, "context.cluster") === "string"
      ? String(read(context, "context.cluster"))
      : undefined);
  const cluster = named(doc["clusters"], clusterName);
  const userName = read(context, "context.user");
  const user = named(doc["users"], typeof userName === "string" ? userName : undefined);
  const server = read(cluster, "cluster.server");
  const host = typeof server === "string" ? hostOf(server) : "";
  return (
    (host !== "" ? byRule("server", host, host) : undefined) ??
    (clusterName !== undefined ? byRule("name", clusterName, clusterName) : undefined) ??
    (typeof context?.["name"] === "string"
      ? byRule("name", context["name"], context["name"])
      : undefined) ??
    execRegion(user)
  );
}

/** Parsed kubeconfigs by text: every resource of a provider carries the same one. */
const PARSED = new Map<string, { doc?: unknown; why?: string }>();
const MAX_PARSED = 32;

/** A kubeconfig as the provider takes it: YAML or JSON text, or an object. */
function parseKubeconfig(value: unknown): { doc?: unknown; why?: string } {
  if (isRecord(value)) return { doc: value };
  if (typeof value !== "string") return { why: "not a kubeconfig" };
  const cached = PARSED.get(value);
  if (cached) return cached;
  const parsed = parseText(value);
  if (PARSED.size >= MAX_PARSED) PARSED.clear();
  PARSED.set(value, parsed);
  return parsed;
}

function parseText(value: string): { doc?: unknown; why?: string } {
  const text = value.trim();
  if (!/\n/.test(text) && !text.startsWith("{") && !/^apiVersion\s*:/.test(text))
    return { why: "a file path, which is not read" };
  try {
    return { doc: yaml.load(text, { schema: yaml.JSON_SCHEMA }) };
  } catch {
    return { why: "not readable as YAML or JSON" };
  }
}

// ── The resource's placement ────────────────────────────────────────────────────────────────

/** Read a provider input, else (default provider) its stack config key. */
function providerSetting(
  resource: ResourceView,
  ctx: EvalContext,
  input: string,
): { value: unknown; detail: string; key: string } | undefined {
  const provider = providerOf(resource, KUBERNETES_PROVIDER_TYPE);
  if (provider) {
    const name = providerName(provider);
    const explicit = !isDefaultProvider(provider);
    const v = read(provider.props, input);
    const detail = explicit
      ? `provider \`${name}\` input \`${input}\``
      : `default provider \`${name}\` input \`${input}\` (stack config \`kubernetes:${input}\`)`;
    if (v !== undefined) return { value: v instanceof Computed ? UNKNOWN : v, detail, key: input };
    if (explicit) return undefined;
  }
  const key = `kubernetes:${input}`;
  const v = ctx.stackConfig.get(key);
  return v !== undefined && v.trim() !== ""
    ? { value: v, detail: `stack config \`${key}\``, key }
    : undefined;
}

const UNKNOWN = Symbol("unknown");

/**
 * The placement the resource's kubeconfig gives: resolved, computed (the kubeconfig is computed
 * during preview) or unresolved, with the places tried. Never `inherited`.
 */
export function kubeconfigPlacement(resource: ResourceView, ctx: EvalContext): Placement {
  const tried: string[] = [];
  const kc = providerSetting(resource, ctx, "kubeconfig");
  if (kc === undefined) {
    const provider = providerOf(resource, KUBERNETES_PROVIDER_TYPE);
    tried.push(
      provider && !isDefaultProvider(provider)
        ? `provider \`${providerName(provider)}\` input \`kubeconfig\` (not set)`
        : "stack config `kubernetes:kubeconfig` (not set; the KUBECONFIG file is not read)",
    );
    return { status: "unresolved", cloud: "kubernetes", tried };
  }
  const origin = (detail: string): PlacementOrigin => ({ kind: "provider", detail });
  if (kc.value === UNKNOWN || isUnknown(kc.value)) {
    return { status: "computed", cloud: "kubernetes", path: kc.key, origin: origin(kc.detail) };
  }
  const parsed = parseKubeconfig(kc.value);
  if (parsed.why !== undefined) {
    tried.push(`${kc.detail} (${parsed.why})`);
    return { status: "unresolved", cloud: "kubernetes", tried };
  }
  const setting = (input: string): string | undefined => {
    const s = providerSetting(resource, ctx, input);
    return typeof s?.value === "string" && s.value.trim() !== "" ? s.value.trim() : undefined;
  };
  const found = regionOfKubeconfig(parsed.doc, {
    context: setting("context"),
    cluster: setting("cluster"),
  });
  if (!found) {
    tried.push(
      `${kc.detail} (its server, cluster and context names and credential plugin name no region)`,
    );
    return { status: "unresolved", cloud: "kubernetes", tried };
  }
  return resolved(found.cloud, found.region, origin(`${found.what} in ${kc.detail}`));
}

/**
 * Analyze phase: resolved when the kubeconfig names the region; otherwise decided at AnalyzeStack
 * from the cluster resource the provider's kubeconfig comes from.
 */
export function kubernetesPlacement(
  resource: ResourceView,
  _token: string,
  ctx: EvalContext,
): Placement {
  const own = kubeconfigPlacement(resource, ctx);
  if (own.status === "resolved") return own;
  return {
    status: "inherited",
    cloud: "kubernetes",
    via: "provider `kubeconfig`",
    parentTypes: CLUSTER_TOKENS,
  };
}
