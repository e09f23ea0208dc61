// Where Kubernetes (@pulumi/kubernetes) resources select accelerators: node pools (Karpenter
// NodePool / NodeClaim, EKS Auto Mode and AKS node auto-provisioning pools, which are Karpenter
// NodePools too), GKE ComputeClasses, EC2NodeClasses with accelerated AMIs, and workloads (Pod,
// Deployment, StatefulSet, DaemonSet, ReplicaSet, Job, CronJob) that request accelerator resources
// or pin their pods to accelerator nodes, and Helm releases whose values do either.
//
// The rule for node pools: a pool is accelerator capacity only when its requirements select or
// allow accelerated hardware explicitly (an accelerated instance type, family, category or SKU,
// a GPU or accelerator label). A pool without such a requirement provisions accelerators only for
// pods that ask for them, and those pods are judged as workloads. A requirement that admits only
// nodes without accelerators (`instance-category In [c, m, r]`, `instance-gpu-count DoesNotExist`
// or `Lt 1`) makes the whole pool CPU-only, since a node must meet every requirement.
//
// Custom resources arrive under their own token (`kubernetes:karpenter.sh/v1:NodePool`, from a
// typed SDK, `yaml.ConfigFile`/`ConfigGroup` or a Helm chart's children) or as the generic
// `kubernetes:apiextensions.k8s.io:CustomResource` with `apiVersion` and `kind` in its inputs.
import type { AcceleratorInfo } from "../../data/types";
import type { NodeRequirement } from "../../catalogue/node-labels";
import {
  classifyAcceleratedAmiName,
  classifyAcceleratorResource,
  classifyInstanceTypeLabel,
  readNodeRequirement,
} from "../../catalogue/node-labels";
import {
  classifyGcpAcceleratorType,
  classifyGcpMachineType,
  classifyGcpTpuType,
} from "../../catalogue/other-accelerators";
import type { Props } from "../../values";
import {
  Computed,
  isRecord,
  isUnknown,
  read,
  readList,
  readString,
  readStrings,
} from "../../values";
import type { ComputeExtractor } from "../compute";
import type { AcceleratorUse, ComputeFacts } from "../types";

/** What a set of uses comes to: the uses, the computed paths, and whether the resource is a workload. */
class Collector {
  readonly uses: AcceleratorUse[] = [];
  readonly computed: string[] = [];

  constructor(private readonly workload: boolean) {}

  use(path: string, value: string, info: AcceleratorInfo): void {
    this.uses.push({ path, value, info });
  }

  result(): ComputeFacts {
    return {
      accelerators: this.uses,
      computed: [...new Set(this.computed)],
      ...(this.workload ? { workload: true } : {}),
    };
  }
}

/** `spec.nodeSelector["karpenter.k8s.aws/instance-family"]`: label keys hold dots and slashes. */
function keyPath(base: string, key: string): string {
  return `${base}[${JSON.stringify(key)}]`;
}

// ── Node-selector requirements ──────────────────────────────────────────────────────────────

interface ReadRequirement {
  readonly path: string;
  readonly req?: NodeRequirement;
  /** Set when the key, operator or values are computed during preview. */
  readonly computed?: string;
}

function readRequirement(item: unknown, path: string): ReadRequirement {
  const key = readString(item, "key", path);
  const operator = readString(item, "operator", path);
  const values = readStrings(item, "values", path);
  if (key instanceof Computed) return { path, computed: key.path };
  if (operator instanceof Computed) return { path, computed: operator.path };
  if (values.computed) return { path, computed: values.computed.path };
  if (typeof key !== "string" || typeof operator !== "string") return { path };
  return { path, req: { key, operator, values: values.values.map((v) => v.value) } };
}

/**
 * Requirements that all hold (one NodePool, one node-selector term): their accelerator uses, or
 * none when one of them admits only nodes without accelerators.
 */
function judgeAll(reqs: readonly ReadRequirement[], c: Collector): void {
  const uses: { path: string; value: string; info: AcceleratorInfo }[] = [];
  const computed: string[] = [];
  for (const r of reqs) {
    if (r.computed !== undefined) {
      computed.push(r.computed);
      continue;
    }
    if (!r.req) continue;
    const reading = readNodeRequirement(r.req);
    if (reading.kind === "excludes") return;
    if (reading.kind === "selects") {
      for (const u of reading.uses)
        uses.push({
          path: r.path,
          value: `${r.req.key} ${r.req.operator} ${u.value}`,
          info: u.info,
        });
    }
  }
  for (const u of uses) c.use(u.path, u.value, u.info);
  c.computed.push(...computed);
}

/** A list of requirements at `path` (NodePool, NodeClaim, a node-selector term). */
function requirementList(
  root: unknown,
  path: string,
  c: Collector,
  extra: ReadRequirement[] = [],
): void {
  const { items, computed } = readList(root, path);
  if (computed) c.computed.push(computed.path);
  judgeAll([...extra, ...items.map((it) => readRequirement(it.value, it.path))], c);
}

// ── Node pools ──────────────────────────────────────────────────────────────────────────────

const nodePool: ComputeExtractor = (props) => {
  const c = new Collector(false);
  requirementList(props, "spec.template.spec.requirements", c);
  return c.result();
};

const nodeClaim: ComputeExtractor = (props) => {
  const c = new Collector(false);
  requirementList(props, "spec.requirements", c);
  return c.result();
};

/** EC2NodeClass: the accelerated EKS AMIs its `amiSelectorTerms[].name` pick. */
const ec2NodeClass: ComputeExtractor = (props) => {
  const c = new Collector(false);
  const { items, computed } = readList(props, "spec.amiSelectorTerms");
  if (computed) c.computed.push(computed.path);
  for (const term of items) {
    const name = readString(term.value, "name", term.path);
    if (name instanceof Computed) c.computed.push(name.path);
    else if (name !== undefined) {
      const info = classifyAcceleratedAmiName(name);
      if (info) c.use(`${term.path}.name`, name, info);
    }
  }
  return c.result();
};

/** GKE ComputeClass: each priority's machine family or type, GPU and TPU. */
const computeClass: ComputeExtractor = (props) => {
  const c = new Collector(false);
  const { items, computed } = readList(props, "spec.priorities");
  if (computed) c.computed.push(computed.path);
  for (const p of items) {
    for (const field of ["machineFamily", "machineType"]) {
      const v = readString(p.value, field, p.path);
      if (v instanceof Computed) c.computed.push(v.path);
      else if (v !== undefined) {
        const info = classifyGcpMachineType(v);
        if (info) c.use(`${p.path}.${field}`, v, info);
      }
    }
    for (const [field, classify] of [
      ["gpu", classifyGcpAcceleratorType],
      ["tpu", classifyGcpTpuType],
    ] as const) {
      const type = readString(p.value, `${field}.type`, p.path);
      const count = read(p.value, `${field}.count`, p.path);
      if (type instanceof Computed) c.computed.push(type.path);
      else if (type !== undefined) {
        const info = classify(type) ?? classifyInstanceTypeLabel(type);
        if (info) c.use(`${p.path}.${field}.type`, type, info);
        else c.use(`${p.path}.${field}.type`, type, unspecifiedOf(field, type));
      } else if (count instanceof Computed) c.computed.push(count.path);
      else if (count !== undefined && Number(count) !== 0) {
        c.use(
          `${p.path}.${field}.count`,
          String(count),
          unspecifiedOf(field, `count ${String(count)}`),
        );
      }
    }
  }
  return c.result();
};

function unspecifiedOf(field: "gpu" | "tpu", what: string): AcceleratorInfo {
  const info = classifyAcceleratorResource(field === "gpu" ? "nvidia.com/gpu" : "google.com/tpu");
  if (!info) throw new Error(`kubernetes: no accelerator resource row for ${field}`);
  return { ...info, family: `ComputeClass ${field} ${what}` };
}

// ── Workloads ───────────────────────────────────────────────────────────────────────────────

/** A container's accelerator requests and limits (`resources.limits["nvidia.com/gpu"]`). */
function containerResources(container: unknown, path: string, c: Collector): void {
  for (const part of ["limits", "requests"]) {
    const at = `${path}.resources.${part}`;
    const map = read(container, `resources.${part}`, path);
    if (map instanceof Computed) {
      c.computed.push(map.path);
      continue;
    }
    if (!isRecord(map)) continue;
    for (const [name, qty] of Object.entries(map)) {
      const info = classifyAcceleratorResource(name);
      if (!info) continue;
      const p = keyPath(at, name);
      if (isUnknown(qty)) c.computed.push(p);
      else if (qty !== undefined && qty !== null && String(qty).trim() !== "0")
        c.use(p, `${name}: ${String(qty)}`, info);
    }
  }
}

/** The pod's node selector and required node affinity, as requirements. */
function podPlacement(spec: unknown, path: string, c: Collector): void {
  const selector: ReadRequirement[] = [];
  const sel = read(spec, "nodeSelector", path);
  if (sel instanceof Computed) c.computed.push(sel.path);
  else if (isRecord(sel)) {
    for (const [key, value] of Object.entries(sel)) {
      const p = keyPath(`${path}.nodeSelector`, key);
      if (isUnknown(value)) selector.push({ path: p, computed: p });
      else if (typeof value === "string")
        selector.push({ path: p, req: { key, operator: "In", values: [value] } });
    }
  }
  const termsPath =
    "affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms";
  const { items, computed } = readList(spec, termsPath, path);
  if (computed) c.computed.push(computed.path);
  if (items.length === 0) {
    judgeAll(selector, c);
    return;
  }
  // Terms are alternatives; the node selector holds with each.
  for (const term of items) requirementList(term.value, "matchExpressions", c, selector);
}

function podSpec(spec: unknown, path: string, c: Collector): void {
  for (const list of ["containers", "initContainers"]) {
    const { items, computed } = readList(spec, list, path);
    if (computed) c.computed.push(computed.path);
    for (const it of items) containerResources(it.value, it.path, c);
  }
  podPlacement(spec, path, c);
}

function workload(specPath: string): ComputeExtractor {
  return (props) => {
    const c = new Collector(true);
    const spec = read(props, specPath);
    if (spec instanceof Computed) c.computed.push(spec.path);
    else if (spec !== undefined) podSpec(spec, specPath, c);
    return c.result();
  };
}

// ── Helm releases ───────────────────────────────────────────────────────────────────────────

/** How deep a release's values are searched (charts nest workloads a few levels down). */
const MAX_VALUES_DEPTH = 12;

/**
 * A Helm release (`helm.sh/v3:Release`) renders its chart inside the provider, so only its
 * `values` are visible: accelerator resources requested anywhere in them (`resources.limits`
 * of any component), node selectors on accelerator labels, and node-pool `requirements` lists.
 * Values computed during preview are not guessed at: a chart's values say nothing about
 * accelerators until they name one.
 */
const helmRelease: ComputeExtractor = (props) => {
  const c = new Collector(true);
  const walk = (node: unknown, path: string, depth: number): void => {
    if (depth > MAX_VALUES_DEPTH) return;
    if (Array.isArray(node)) {
      node.forEach((item, i) => walk(item, `${path}[${i}]`, depth + 1));
      return;
    }
    if (!isRecord(node)) return;
    for (const [key, value] of Object.entries(node)) {
      const at = /^[A-Za-z_][A-Za-z0-9_]*$/.test(key) ? `${path}.${key}` : keyPath(path, key);
      const info = classifyAcceleratorResource(key);
      if (info && (typeof value === "number" || typeof value === "string")) {
        if (!isUnknown(value) && String(value).trim() !== "0")
          c.use(at, `${key}: ${String(value)}`, info);
        continue;
      }
      if (key === "nodeSelector" && isRecord(value)) {
        const reqs: ReadRequirement[] = [];
        for (const [label, v] of Object.entries(value))
          if (typeof v === "string" && !isUnknown(v))
            reqs.push({
              path: keyPath(at, label),
              req: { key: label, operator: "In", values: [v] },
            });
        judgeAll(reqs, c);
        continue;
      }
      if (key === "requirements" && Array.isArray(value)) {
        judgeAll(
          value.map((item, i) => readRequirement(item, `${at}[${i}]`)).filter((r) => !r.computed),
          c,
        );
        continue;
      }
      walk(value, at, depth + 1);
    }
  };
  const values = read(props, "values");
  if (!(values instanceof Computed)) walk(values, "values", 0);
  return c.result();
};

// ── The kinds ───────────────────────────────────────────────────────────────────────────────

const POD_SPEC = "spec";
const TEMPLATE = "spec.template.spec";
const CRON = "spec.jobTemplate.spec.template.spec";

/** Workload kinds by API version, with where their pod spec is. */
const WORKLOAD_KINDS: readonly (readonly [string, string, string])[] = [
  ["core/v1", "Pod", POD_SPEC],
  ["core/v1", "ReplicationController", TEMPLATE],
  ["apps/v1", "Deployment", TEMPLATE],
  ["apps/v1", "StatefulSet", TEMPLATE],
  ["apps/v1", "DaemonSet", TEMPLATE],
  ["apps/v1", "ReplicaSet", TEMPLATE],
  ["apps/v1beta1", "Deployment", TEMPLATE],
  ["apps/v1beta1", "StatefulSet", TEMPLATE],
  ["apps/v1beta2", "Deployment", TEMPLATE],
  ["apps/v1beta2", "StatefulSet", TEMPLATE],
  ["apps/v1beta2", "DaemonSet", TEMPLATE],
  ["apps/v1beta2", "ReplicaSet", TEMPLATE],
  ["extensions/v1beta1", "Deployment", TEMPLATE],
  ["extensions/v1beta1", "DaemonSet", TEMPLATE],
  ["extensions/v1beta1", "ReplicaSet", TEMPLATE],
  ["batch/v1", "Job", TEMPLATE],
  ["batch/v1", "CronJob", CRON],
  ["batch/v1beta1", "CronJob", CRON],
];

/** The `…Patch` kinds (server-side apply patches) that the provider has for the current versions. */
const PATCHED_VERSIONS: ReadonlySet<string> = new Set(["core/v1", "apps/v1", "batch/v1"]);

/** Custom resources, by API version and kind. */
const CUSTOM_KINDS: readonly (readonly [string, string, ComputeExtractor])[] = [
  ["karpenter.sh/v1", "NodePool", nodePool],
  ["karpenter.sh/v1beta1", "NodePool", nodePool],
  ["karpenter.sh/v1", "NodeClaim", nodeClaim],
  ["karpenter.sh/v1beta1", "NodeClaim", nodeClaim],
  ["karpenter.k8s.aws/v1", "EC2NodeClass", ec2NodeClass],
  ["karpenter.k8s.aws/v1beta1", "EC2NodeClass", ec2NodeClass],
  ["cloud.google.com/v1", "ComputeClass", computeClass],
];

const token = (apiVersion: string, kind: string): string => `kubernetes:${apiVersion}:${kind}`;

const TYPED: ReadonlyMap<string, ComputeExtractor> = new Map([
  ...WORKLOAD_KINDS.map(([v, k, p]) => [token(v, k), workload(p)] as const),
  ...WORKLOAD_KINDS.filter(([v]) => PATCHED_VERSIONS.has(v)).map(
    ([v, k, p]) => [token(v, `${k}Patch`), workload(p)] as const,
  ),
  ...CUSTOM_KINDS.map(([v, k, e]) => [token(v, k), e] as const),
  ["kubernetes:helm.sh/v3:Release", helmRelease],
]);

/** `apiVersion` "v1" is the core group, as the provider's tokens name it ("core/v1"). */
function tokenOfObject(props: Props): string | undefined {
  const apiVersion = readString(props, "apiVersion");
  const kind = readString(props, "kind");
  if (typeof apiVersion !== "string" || typeof kind !== "string") return undefined;
  const version = apiVersion.includes("/") ? apiVersion : `core/${apiVersion}`;
  return token(version.trim(), kind.trim());
}

/** The generic custom resource: read as the kind its `apiVersion` and `kind` name. */
const customResource: ComputeExtractor = (props) => {
  const t = tokenOfObject(props);
  const typed = t !== undefined ? TYPED.get(t) : undefined;
  return typed ? typed(props) : { accelerators: [], computed: [] };
};

/** Every Kubernetes kind whose accelerator selections are read, by type token. */
export const KUBERNETES_COMPUTE_EXTRACTORS: ReadonlyMap<string, ComputeExtractor> = new Map([
  ...TYPED,
  ["kubernetes:apiextensions.k8s.io:CustomResource", customResource],
  ["kubernetes:apiextensions.k8s.io:CustomResourcePatch", customResource],
  ["kubernetes:apiextensions.k8s.io/v1:CustomResource", customResource],
]);
