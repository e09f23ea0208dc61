// Kubernetes node labels and extended resources, read as accelerator selections. A node-selector
// requirement (a Karpenter NodePool's `requirements`, a pod's node affinity or node selector) on
// a label of data/kubernetes.ts is classified through the clouds' own classifiers
// (accelerators.ts, other-accelerators.ts): an instance type, family or GPU name means what it
// means on that cloud. Nothing here knows which resource the requirement came from.
import { AWS_ACCELERATOR_FAMILIES } from "../data/accelerators/aws-families";
import {
  ACCELERATED_AMI_NAME,
  ACCELERATOR_RESOURCES,
  AZURE_ACCELERATED_VM_FAMILIES,
  NODE_LABELS,
  type AcceleratorResource,
  type NodeLabel,
  type NodeLabelMeaning,
} from "../data/kubernetes";
import type { AcceleratorInfo, AcceleratorKind, ChipEntry, ExportControl } from "../data/types";
import {
  classifyAwsAcceleratorAttributes,
  classifyAwsInstanceType,
  classifyAzureVmSize,
} from "./accelerators";
import { CHIPS, chipEntry } from "./chips";
import {
  classifyGcpAcceleratorType,
  classifyGcpMachineType,
  classifyGcpTpuType,
} from "./other-accelerators";

/** The review date of the generic chips made here for unspecified accelerators (not data rows). */
const GENERIC_REVIEWED = "2026-12-07";

const CONTROL_RANK: Readonly<Record<ExportControl, number>> = {
  "not-controlled": 0,
  uncertain: 1,
  controlled: 2,
};

function unspecified(
  family: string,
  vendor: string,
  kind: AcceleratorKind,
  source: string,
): AcceleratorInfo {
  const what = kind === "gpu" ? "GPU" : "accelerator";
  return {
    family,
    catalogued: false,
    chip: {
      name:
        vendor === "unknown"
          ? `${what} of unspecified model`
          : `${vendor} ${what} of unspecified model`,
      vendor,
      kind,
      exportControl: "uncertain",
      basis:
        "The model is not visible in the inputs, so its export-control status cannot be settled.",
      source,
      reviewed: GENERIC_REVIEWED,
      confidence: "uncertain",
    },
  };
}

// ── Node labels ─────────────────────────────────────────────────────────────────────────────

const LABEL_INDEX: ReadonlyMap<string, NodeLabel> = new Map(NODE_LABELS.map((l) => [l.label, l]));

/** The label's row, if it is one the pack reads. */
export function lookupNodeLabel(key: string): NodeLabel | undefined {
  return LABEL_INDEX.get(key.trim());
}

/** Labels a node carries only when it has accelerators (so `Exists` selects one). */
const ACCELERATOR_ONLY: ReadonlySet<NodeLabelMeaning> = new Set<NodeLabelMeaning>([
  "aws-accelerator-name",
  "aws-accelerator-manufacturer",
  "azure-gpu-name",
  "azure-gpu-manufacturer",
  "gcp-accelerator-type",
  "gcp-tpu-type",
  "accelerator-count",
  "accelerator-memory",
]);

/** EC2 instance categories (leading letters) of the catalogued accelerator families. */
const AWS_CATEGORY_FAMILIES: ReadonlyMap<string, readonly string[]> = (() => {
  const out = new Map<string, string[]>();
  for (const f of AWS_ACCELERATOR_FAMILIES) {
    if (f.prefix !== undefined || f.family.startsWith("eia")) continue;
    const letters = /^([a-z]+)\d/.exec(f.family)?.[1];
    if (letters === undefined) continue;
    out.set(letters, [...(out.get(letters) ?? []), f.chip]);
  }
  return out;
})();

/** What an EC2 instance category ("p", "g", "inf", "trn") may carry: its families' chips. */
export function classifyAwsInstanceCategory(category: string): AcceleratorInfo | undefined {
  const c = category.trim().toLowerCase();
  const keys = AWS_CATEGORY_FAMILIES.get(c);
  if (keys === undefined) return undefined;
  const chips = [...new Set(keys)].map(chipEntry);
  const worst = chips.reduce((a, b) =>
    CONTROL_RANK[b.exportControl] > CONTROL_RANK[a.exportControl] ? b : a,
  );
  const chip: ChipEntry = {
    ...worst,
    name: `any ${c}-category accelerator (${chips.map((x) => x.name).join(", ")})`,
    basis: `The category's families carry: ${chips.map((x) => `${x.name} (${x.exportControl})`).join("; ")}; the most restrictive decides.`,
  };
  return { family: `EC2 instance category ${c}`, chip, catalogued: true };
}

/**
 * An instance type as `node.kubernetes.io/instance-type` carries it, whatever the cloud: an EC2
 * type ("p4d.24xlarge"), an Azure VM size ("Standard_NC24ads_A100_v4") or a Compute Engine
 * machine type ("a3-highgpu-8g").
 */
export function classifyInstanceTypeLabel(value: string): AcceleratorInfo | undefined {
  const v = value.trim();
  if (v.includes(".")) return classifyAwsInstanceType(v);
  if (/^standard_/i.test(v)) return classifyAzureVmSize(v);
  return classifyGcpMachineType(v) ?? classifyAzureVmSize(v) ?? classifyAwsInstanceType(v);
}

/** A GPU name as AKS labels it ("A100"): the catalogued chip of that name, else unspecified. */
function azureGpuName(value: string): AcceleratorInfo {
  const key = value.trim().toLowerCase();
  const chip = CHIPS.get(key);
  return chip
    ? { family: `AKS GPU ${value.trim()}`, chip, catalogued: true }
    : unspecified(`AKS GPU ${value.trim()}`, "unknown", "gpu", "aks-nap-labels");
}

/** What one value of a label means, or undefined for a value that selects no accelerator. */
function classifyValue(label: NodeLabel, value: string): AcceleratorInfo | undefined {
  const v = value.trim();
  switch (label.meaning) {
    case "instance-type":
      return classifyInstanceTypeLabel(v);
    case "aws-instance-family":
      return classifyAwsInstanceType(v);
    case "aws-instance-category":
      return classifyAwsInstanceCategory(v);
    case "aws-accelerator-name":
      return classifyAwsAcceleratorAttributes({ names: [v], manufacturers: [], types: [] });
    case "aws-accelerator-manufacturer":
      return classifyAwsAcceleratorAttributes({ names: [], manufacturers: [v], types: [] });
    case "azure-vm-size":
      return classifyAzureVmSize(v);
    case "azure-vm-family":
      return AZURE_ACCELERATED_VM_FAMILIES.families.includes(v.toUpperCase())
        ? unspecified(`Azure ${v.toUpperCase()}-family VM sizes`, "unknown", "gpu", label.source)
        : undefined;
    case "azure-gpu-name":
      return azureGpuName(v);
    case "azure-gpu-manufacturer":
      return unspecified(`AKS GPU manufacturer ${v}`, v, "gpu", label.source);
    case "gcp-accelerator-type":
      return (
        classifyGcpAcceleratorType(v) ??
        unspecified(`GKE accelerator ${v}`, "unknown", "gpu", label.source)
      );
    case "gcp-tpu-type":
      return (
        classifyGcpTpuType(v) ?? unspecified(`GKE TPU ${v}`, "Google", "ai-asic", label.source)
      );
    case "gcp-machine-family":
      return classifyGcpMachineType(v);
    case "accelerator-count":
      return Number(v) === 0 ? undefined : anyAccelerator(label);
    case "accelerator-memory":
      return anyAccelerator(label);
  }
}

function anyAccelerator(label: NodeLabel): AcceleratorInfo {
  return unspecified(`nodes labelled ${label.label}`, "unknown", "gpu", label.source);
}

/** One node-selector requirement, as Kubernetes and Karpenter write it. */
export interface NodeRequirement {
  readonly key: string;
  /** In, NotIn, Exists, DoesNotExist, Gt, Lt (Karpenter also Gte, Lte). */
  readonly operator: string;
  readonly values: readonly string[];
}

/** What one requirement says about accelerators. */
export type RequirementReading =
  /** It admits accelerator nodes, and these are what its values select. */
  | { readonly kind: "selects"; readonly uses: readonly { value: string; info: AcceleratorInfo }[] }
  /** It admits only nodes without accelerators (a CPU-only pool). */
  | { readonly kind: "excludes" }
  /** It says nothing about accelerators (another label, or an operator that leaves them open). */
  | { readonly kind: "neutral" };

const NEUTRAL: RequirementReading = { kind: "neutral" };
const EXCLUDES: RequirementReading = { kind: "excludes" };

function numeric(values: readonly string[]): number | undefined {
  const n = Number(values[0]);
  return values.length === 1 && Number.isFinite(n) ? n : undefined;
}

/**
 * A requirement on a label the pack reads. `In` selects what its values classify as (only CPU
 * values: excludes); `Exists` on a label only accelerator nodes carry selects an accelerator of
 * unspecified model, `DoesNotExist` on one excludes them; `Gt`/`Gte` on a count or memory label
 * select, `Lt 1`/`Lte 0` exclude. `NotIn`, and `Exists` on labels every node carries (instance
 * type, family, category), leave the choice open: neutral.
 */
export function readNodeRequirement(req: NodeRequirement): RequirementReading {
  const label = lookupNodeLabel(req.key);
  if (label === undefined) return NEUTRAL;
  const only = ACCELERATOR_ONLY.has(label.meaning);
  switch (req.operator) {
    case "In": {
      const uses: { value: string; info: AcceleratorInfo }[] = [];
      for (const value of req.values) {
        const info = classifyValue(label, value);
        if (info) uses.push({ value, info });
      }
      if (uses.length > 0) return { kind: "selects", uses };
      return req.values.length > 0 ? EXCLUDES : NEUTRAL;
    }
    case "Exists":
      return only
        ? { kind: "selects", uses: [{ value: "Exists", info: anyAccelerator(label) }] }
        : NEUTRAL;
    case "DoesNotExist":
      return only ? EXCLUDES : NEUTRAL;
    case "Gt":
    case "Gte":
      return only
        ? {
            kind: "selects",
            uses: [
              { value: `${req.operator} ${req.values.join(",")}`, info: anyAccelerator(label) },
            ],
          }
        : NEUTRAL;
    case "Lt":
    case "Lte": {
      if (!only) return NEUTRAL;
      const n = numeric(req.values);
      const none = n !== undefined && (req.operator === "Lt" ? n <= 1 : n < 1);
      return none
        ? EXCLUDES
        : {
            kind: "selects",
            uses: [
              { value: `${req.operator} ${req.values.join(",")}`, info: anyAccelerator(label) },
            ],
          };
    }
    default:
      return NEUTRAL;
  }
}

// ── Extended resources ──────────────────────────────────────────────────────────────────────

function resourceRow(name: string): AcceleratorResource | undefined {
  const n = name.trim().toLowerCase();
  return ACCELERATOR_RESOURCES.find((r) => (r.prefix ? n.startsWith(r.name) : n === r.name));
}

/** The accelerator a container resource name requests ("nvidia.com/gpu"), if any. */
export function classifyAcceleratorResource(name: string): AcceleratorInfo | undefined {
  const row = resourceRow(name);
  if (row === undefined) return undefined;
  return unspecified(
    `Kubernetes resource ${name.trim()} (${row.what})`,
    row.vendor,
    row.kind,
    row.source,
  );
}

// ── AMI names ───────────────────────────────────────────────────────────────────────────────

/** An EKS accelerated AMI name in an EC2NodeClass `amiSelectorTerms[].name`, if it is one. */
export function classifyAcceleratedAmiName(name: string): AcceleratorInfo | undefined {
  if (!ACCELERATED_AMI_NAME.pattern.test(name.trim())) return undefined;
  const neuron = /neuron/i.test(name);
  return unspecified(
    `EKS accelerated AMI ${name.trim()}`,
    neuron ? "AWS" : "NVIDIA",
    neuron ? "ai-asic" : "gpu",
    ACCELERATED_AMI_NAME.source,
  );
}
