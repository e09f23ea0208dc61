// Parsing the two identifier formats that name an account: AWS ARNs and Azure Resource Manager
// resource IDs. Pure string work, no cloud tables: what a partition or subscription *means* is
// decided elsewhere (catalogue/regions.ts, the policies).
//
// ARN:    arn:<partition>:<service>:<region>:<account>:<resource>   (resource may hold ':' and '/')
//         Partitions are "aws" or "aws-<suffix>" (aws-cn, aws-us-gov, aws-iso-b, aws-eusc …).
//         Region and account may be empty (S3 buckets, IAM); the account of an AWS-managed policy
//         is the literal "aws".
// ARM ID: /subscriptions/<guid>[/resourceGroups/<rg>][/providers/<Namespace>/<type>/<name>[/<child
//         type>/<child name>…]]; segment keywords are case-insensitive, and an ID may name an
//         extension resource below another one (…/providers/A/x/y/providers/B/z/w).
import { unwrap } from "../values";

export interface Arn {
  readonly partition: string;
  readonly service: string;
  /** Empty for global resources. */
  readonly region: string;
  /** Twelve digits, empty, or "aws" (AWS-managed resources); see isAwsAccountId. */
  readonly account: string;
  readonly resource: string;
}

const ARN_PARTITION = /^aws(?:-[a-z0-9]+)*$/;
const ARN_SERVICE = /^[a-z0-9][a-z0-9.-]*$/;
const ARN_REGION = /^(?:[a-z0-9]+(?:-[a-z0-9]+)*)?$/;

/** The parts of an ARN, or undefined when `s` is not one. Surrounding blanks are ignored. */
export function parseArn(s: string): Arn | undefined {
  const t = s.trim();
  if (!t.startsWith("arn:")) return undefined;
  const parts = t.split(":");
  if (parts.length < 6) return undefined;
  const [, partition = "", service = "", region = "", account = ""] = parts;
  const resource = parts.slice(5).join(":");
  if (!ARN_PARTITION.test(partition) || !ARN_SERVICE.test(service)) return undefined;
  if (!ARN_REGION.test(region) || resource === "" || /\s/.test(resource)) return undefined;
  if (account !== "" && !/^(?:\d{12}|aws)$/.test(account)) return undefined;
  return { partition, service, region, account, resource };
}

/** A twelve-digit AWS account ID. */
export function isAwsAccountId(s: string): boolean {
  return /^\d{12}$/.test(s.trim());
}

// An ARN inside longer text (a policy document that is not JSON, a comma-separated list …).
// The resource part ends at a blank, a quote, a comma or a bracket.
const EMBEDDED_ARN =
  /arn:aws(?:-[a-z0-9]+)*:[a-z0-9][a-z0-9.-]*:[a-z0-9-]*:(?:\d{12}|aws)?:[^\s"',;()[\]{}<>]+/g;

/** Every ARN that appears in `text`, in order, parsed. */
export function findArns(text: string): Arn[] {
  if (!text.includes("arn:")) return [];
  const out: Arn[] = [];
  for (const m of text.matchAll(EMBEDDED_ARN)) {
    const arn = parseArn(m[0]);
    if (arn) out.push(arn);
  }
  return out;
}

export interface ArmId {
  /** Lower case: subscription IDs are GUIDs and compare case-insensitively. */
  readonly subscriptionId: string;
  readonly resourceGroup?: string;
  /** Resource provider namespace of the resource the ID names: "Microsoft.Network". */
  readonly provider?: string;
  /** Resource type below the namespace, children joined by '/': "virtualNetworks/subnets". */
  readonly type?: string;
  /** Resource name, children joined by '/': "vnet-a/subnet-1". */
  readonly name?: string;
}

const GUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
const GUID_RE = new RegExp(`^${GUID}$`, "i");

/** A GUID in its usual 8-4-4-4-12 form (subscription and tenant IDs). */
export function isGuid(s: string): boolean {
  return GUID_RE.test(s.trim());
}

/**
 * The parts of an ARM resource ID that starts with `/subscriptions/<guid>`, or undefined.
 * Provider, type and name describe the last resource named (an extension resource when the ID has
 * several `providers` segments).
 */
export function parseArmId(s: string): ArmId | undefined {
  const segments = s.trim().replace(/\/+$/, "").split("/");
  // A leading '/' gives an empty first segment.
  if (segments[0] !== "" || segments[1]?.toLowerCase() !== "subscriptions") return undefined;
  const subscription = segments[2] ?? "";
  if (!GUID_RE.test(subscription)) return undefined;
  let resourceGroup: string | undefined;
  let provider: string | undefined;
  let type: string | undefined;
  let name: string | undefined;
  let i = 3;
  if (segments[i]?.toLowerCase() === "resourcegroups") {
    resourceGroup = segments[i + 1] || undefined;
    if (resourceGroup === undefined) return undefined;
    i += 2;
  }
  while (i < segments.length) {
    if (segments[i]?.toLowerCase() !== "providers") return undefined;
    const namespace = segments[i + 1];
    if (!namespace) return undefined;
    provider = namespace;
    const types: string[] = [];
    const names: string[] = [];
    i += 2;
    while (i < segments.length && segments[i]?.toLowerCase() !== "providers") {
      const t = segments[i];
      if (!t) return undefined;
      types.push(t);
      const n = segments[i + 1];
      if (n) names.push(n);
      i += 2;
    }
    type = types.length > 0 ? types.join("/") : undefined;
    name = names.length > 0 ? names.join("/") : undefined;
  }
  return {
    subscriptionId: subscription.toLowerCase(),
    ...(resourceGroup !== undefined ? { resourceGroup } : {}),
    ...(provider !== undefined ? { provider } : {}),
    ...(type !== undefined ? { type } : {}),
    ...(name !== undefined ? { name } : {}),
  };
}

const EMBEDDED_SUBSCRIPTION = new RegExp(`/subscriptions/(${GUID})(?![0-9a-f-])`, "gi");

/** Subscription IDs (lower case) of every `/subscriptions/<guid>` found inside `text`. */
export function findSubscriptionIds(text: string): string[] {
  if (!/\/subscriptions\//i.test(text)) return [];
  const out: string[] = [];
  for (const m of text.matchAll(EMBEDDED_SUBSCRIPTION)) {
    if (m[1]) out.push(m[1].toLowerCase());
  }
  return out;
}

// ── Finding identifiers among a resource's props ────────────────────────────────────────────

export interface WalkLimits {
  /** Object/array nesting (a JSON string decoded on the way counts as one more level). */
  readonly maxDepth: number;
  /** Longer strings are skipped: neither decoded nor scanned (inline code, certificates …). */
  readonly maxStringLength: number;
  /** Values visited before the walk stops. */
  readonly maxNodes: number;
}

export const DEFAULT_WALK_LIMITS: WalkLimits = {
  maxDepth: 16,
  maxStringLength: 256 * 1024,
  maxNodes: 20_000,
};

/**
 * Calls `visit` for every string below `root` with its path ("policy.Statement[0].Resource"),
 * the key it sits under, and whether it is a whole value. JSON strings holding an object or array
 * (policies, container definitions, explicit-provider lists) are decoded and walked. Numbers,
 * booleans and strings beyond the limits are not visited. Sentinels of computed values are
 * visited like any string; the visitor tells them apart (values.ts `isUnknown`).
 */
export function walkStrings(
  root: unknown,
  basePath: string,
  visit: (value: string, path: string, key: string | number | undefined) => void,
  limits: WalkLimits = DEFAULT_WALK_LIMITS,
): void {
  let nodes = 0;
  const join = (base: string, key: string | number): string =>
    typeof key === "number" ? `${base}[${key}]` : base ? `${base}.${key}` : key;

  const walk = (value: unknown, path: string, key: string | number | undefined, depth: number) => {
    if (++nodes > limits.maxNodes || depth > limits.maxDepth) return;
    if (typeof value === "string") {
      if (value.length > limits.maxStringLength) return;
      const t = value.trimStart();
      if (t.startsWith("{") || t.startsWith("[")) {
        try {
          walk(JSON.parse(value) as unknown, path, key, depth + 1);
          return;
        } catch {
          // Not JSON after all: scanned as text below.
        }
      }
      visit(value, path, key);
      return;
    }
    const v = unwrap(value);
    if (Array.isArray(v)) {
      v.forEach((item, i) => walk(item, join(path, i), i, depth + 1));
    } else if (v !== null && typeof v === "object") {
      for (const [k, item] of Object.entries(v as Record<string, unknown>)) {
        walk(item, join(path, k), k, depth + 1);
      }
    }
  };
  walk(root, basePath, undefined, 0);
}
