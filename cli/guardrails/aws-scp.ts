// `jurisdiction-guard guardrails --target aws-scp`: the pack's GPU, AI-service and account rules
// as AWS Organizations Service Control Policies. One bundle per AWS partition (each partition is
// its own organization), denying in the regions the pack denies; one bundle for the accounts
// listed in restrictedAccounts, denying everywhere. Documents are minified (AWS counts whitespace
// against the size quota) and split to at most --scp-max-chars characters each.
import {
  AI_SERVICE_MODULES,
  AWS_ACCELERATOR_FAMILIES,
  AWS_ACCELERATOR_SERIES_LETTERS,
  AWS_AI_SERVICE_PREFIXES,
  AWS_PARTITION_RULES,
  AWS_SCP_ACTIONS,
  CHIPS,
  OTHER_PACKAGE_AI_SERVICE_MODULES,
  countsAsExportControlled,
  judgedRegions,
  judgeUnlistedAwsRegion,
  latestReview,
} from "jurisdiction-guard/guardrails";
import type {
  AwsScpActionRow,
  GuardrailModel,
  JudgedRegion,
  PolicyGuardrail,
  ResolvedSettings,
} from "jurisdiction-guard/guardrails";
import type { GuardrailFile, GuardrailOutput, GuardrailTarget, TargetOptions } from "./types";

// ── the IAM policy language we emit ──────────────────────────────────────────────────────────

/** The condition operators this target emits. */
type Operator =
  | "StringEquals"
  | "StringNotEquals"
  | "StringLike"
  | "StringNotLike"
  | "ForAnyValue:StringLike"
  | "ForAnyValue:StringNotLike";

export interface ScpStatement {
  readonly Sid: string;
  readonly Effect: "Deny";
  readonly Action: readonly string[];
  readonly Resource: "*";
  readonly Condition?: Readonly<
    Partial<Record<Operator, Readonly<Record<string, readonly string[]>>>>
  >;
}

export interface ScpDocument {
  readonly Version: "2012-10-17";
  readonly Statement: readonly ScpStatement[];
}

/** The document as AWS stores it when submitted by the CLI or an SDK: verbatim, so minified. */
export function scpText(statements: readonly ScpStatement[]): string {
  const doc: ScpDocument = { Version: "2012-10-17", Statement: statements };
  return JSON.stringify(doc);
}

/** The operators whose value list is a disjunction: splitting it over statements keeps the meaning. */
const SPLITTABLE: readonly Operator[] = ["StringLike", "ForAnyValue:StringLike"];

// ── instance-type patterns, from the classifier's own tables ─────────────────────────────────

export interface InstanceTypePatterns {
  /** StringLike patterns: a type matching one is an accelerator type. */
  readonly like: readonly string[];
  /** StringNotLike patterns (acceleratorScope "export-controlled"): catalogued families that do not count. */
  readonly notLike: readonly string[];
}

/** The series letters of a family ("p" for p5en, "gr" for gr6), as the classifier reads them. */
function seriesOf(family: string): string | undefined {
  const letters = /^([a-z]+)\d/.exec(family)?.[1];
  return letters !== undefined && AWS_ACCELERATOR_SERIES_LETTERS.includes(letters)
    ? letters
    : undefined;
}

function familyCounts(chip: string, scope: ResolvedSettings["acceleratorScope"]): boolean {
  if (scope === "any") return true;
  const entry = CHIPS.get(chip);
  return entry === undefined || countsAsExportControlled(entry.exportControl);
}

/**
 * The StringLike patterns that match exactly the instance types (`family.size`) the pack's
 * classifier calls accelerators: a series' letters followed by a digit (IAM patterns have only `*`
 * and `?`, so one pattern per digit: `p0*` … `p9*`), plus each catalogued family outside the
 * series (`eia1.*`). Under acceleratorScope "export-controlled" the catalogued families whose chip
 * is "not-controlled" are left out of `like` or, inside a series, listed in `notLike`.
 * `prefix` is what the service puts in front of the family ("ml." for SageMaker).
 */
export function acceleratorTypePatterns(
  scope: ResolvedSettings["acceleratorScope"],
  prefix = "",
): InstanceTypePatterns {
  const like: string[] = [];
  for (const letters of AWS_ACCELERATOR_SERIES_LETTERS) {
    for (let digit = 0; digit <= 9; digit++) like.push(`${prefix}${letters}${digit}*`);
  }
  const notLike: string[] = [];
  for (const f of AWS_ACCELERATOR_FAMILIES) {
    if (f.prefix !== undefined) continue; // AppStream-only families are not EC2 or SageMaker types
    const counts = familyCounts(f.chip, scope);
    if (seriesOf(f.family) === undefined) {
      if (counts) like.push(`${prefix}${f.family}.*`);
    } else if (!counts) {
      notLike.push(`${prefix}${f.family}.*`);
    }
  }
  return { like, notLike };
}

// ── regions ──────────────────────────────────────────────────────────────────────────────────

/**
 * How a bundle names the regions it denies in, for one partition:
 * - "allow-list": deny unless aws:RequestedRegion is one of `names` (the pack fails closed on a
 *   region it does not know, and so does this form);
 * - "deny-list": deny where aws:RequestedRegion is one of `names` (a partition whose future
 *   regions the pack allows, being in one unrestricted country);
 * - "everywhere": every region of the partition is denied, known or future;
 * - "nowhere": nothing is denied in the partition.
 */
export type RegionCondition =
  | { readonly kind: "allow-list"; readonly names: readonly string[] }
  | { readonly kind: "deny-list"; readonly names: readonly string[] }
  | { readonly kind: "everywhere" }
  | { readonly kind: "nowhere" };

export function regionCondition(
  partition: string,
  regions: readonly JudgedRegion[],
  settings: ResolvedSettings,
): RegionCondition {
  const own = regions.filter((r) => r.partition === partition);
  if (judgeUnlistedAwsRegion(partition, settings).denied) {
    const allowed = own.filter((r) => !r.denied).map((r) => r.name);
    return allowed.length === 0 ? { kind: "everywhere" } : { kind: "allow-list", names: allowed };
  }
  const denied = own.filter((r) => r.denied).map((r) => r.name);
  return denied.length === 0 ? { kind: "nowhere" } : { kind: "deny-list", names: denied };
}

function regionClause(c: RegionCondition): Partial<Record<Operator, Record<string, string[]>>> {
  if (c.kind === "allow-list") return { StringNotEquals: { "aws:RequestedRegion": [...c.names] } };
  if (c.kind === "deny-list") return { StringEquals: { "aws:RequestedRegion": [...c.names] } };
  return {};
}

/** Whether `outer` denies in every region `inner` denies in (known or future). */
function regionsCover(outer: RegionCondition, inner: RegionCondition): boolean {
  if (inner.kind === "nowhere" || outer.kind === "everywhere") return true;
  if (outer.kind === "nowhere" || inner.kind === "everywhere") return false;
  if (outer.kind === "allow-list") {
    return inner.kind === "allow-list"
      ? outer.names.every((n) => inner.names.includes(n))
      : inner.names.every((n) => !outer.names.includes(n));
  }
  return inner.kind === "deny-list" && inner.names.every((n) => outer.names.includes(n));
}

// ── statements ───────────────────────────────────────────────────────────────────────────────

function compactDate(day: string): string {
  return day.replace(/-/g, "");
}

/** "sagemaker:AcceleratorTypes" → "SagemakerAcceleratorTypes". */
function keyName(key: string): string {
  return key
    .split(/[:/-]/)
    .map((p) => (p.length > 0 ? p[0]!.toUpperCase() + p.slice(1) : p))
    .join("");
}

/** The IAM service prefixes of the pack's AWS AI-service modules, sorted. */
export function aiServicePrefixes(): string[] {
  const modules = [...AI_SERVICE_MODULES, ...OTHER_PACKAGE_AI_SERVICE_MODULES]
    .map((m) => m.module)
    .filter((m) => m.startsWith("aws:") || m.startsWith("aws-native:"));
  const out = new Set<string>();
  for (const m of modules) {
    const row = AWS_AI_SERVICE_PREFIXES.find((r) => r.module === m);
    if (row === undefined) throw new Error(`aws-scp: no IAM prefixes for AI-service module ${m}`);
    for (const p of row.prefixes) out.add(p);
  }
  return [...out].sort();
}

interface StatementPlan {
  readonly statement: ScpStatement;
  /** For COVERAGE.md: which rule the statement carries. */
  readonly rule: "accelerators" | "aiServices" | "accounts";
}

/** GPU statements: one per instance-type condition key, and one for the accelerator-only actions. */
function gpuStatements(
  sidPrefix: string,
  settings: ResolvedSettings,
  region: RegionCondition,
  regionRows: readonly { readonly reviewed: string }[],
  withoutServices: readonly string[],
): ScpStatement[] {
  const rows = AWS_SCP_ACTIONS.filter(
    (r) => !withoutServices.includes(r.action.split(":")[0] ?? ""),
  );
  const byKey = new Map<string, AwsScpActionRow[]>();
  for (const r of rows) {
    if (r.treatment !== "instance-type" || r.conditionKey === undefined) continue;
    byKey.set(r.conditionKey, [...(byKey.get(r.conditionKey) ?? []), r]);
  }
  const out: ScpStatement[] = [];
  for (const [key, keyed] of byKey) {
    const first = keyed[0]!;
    const patterns = acceleratorTypePatterns(settings.acceleratorScope, first.valuePrefix ?? "");
    const like: Operator = first.multiValued === true ? "ForAnyValue:StringLike" : "StringLike";
    const notLike: Operator =
      first.multiValued === true ? "ForAnyValue:StringNotLike" : "StringNotLike";
    const date = latestReview([...keyed, ...AWS_ACCELERATOR_FAMILIES, ...regionRows]);
    out.push({
      Sid: `${sidPrefix}Gpu${keyName(key)}${compactDate(date)}`,
      Effect: "Deny",
      Action: keyed.map((r) => r.action),
      Resource: "*",
      Condition: {
        [like]: { [key]: [...patterns.like] },
        ...(patterns.notLike.length > 0 ? { [notLike]: { [key]: [...patterns.notLike] } } : {}),
        ...regionClause(region),
      },
    });
  }
  const regionOnly = rows.filter((r) => r.treatment === "region-only");
  if (regionOnly.length > 0) {
    const date = latestReview([...regionOnly, ...regionRows]);
    const clause = regionClause(region);
    out.push({
      Sid: `${sidPrefix}GpuCapacityPurchases${compactDate(date)}`,
      Effect: "Deny",
      Action: regionOnly.map((r) => r.action),
      Resource: "*",
      ...(Object.keys(clause).length > 0 ? { Condition: clause } : {}),
    });
  }
  return out;
}

function aiStatement(
  sidPrefix: string,
  region: RegionCondition,
  regionRows: readonly { readonly reviewed: string }[],
): ScpStatement {
  const date = latestReview([...AWS_AI_SERVICE_PREFIXES, ...AI_SERVICE_MODULES, ...regionRows]);
  const clause = regionClause(region);
  return {
    Sid: `${sidPrefix}AiServices${compactDate(date)}`,
    Effect: "Deny",
    Action: aiServicePrefixes().map((p) => `${p}:*`),
    Resource: "*",
    ...(Object.keys(clause).length > 0 ? { Condition: clause } : {}),
  };
}

// ── splitting and packing ────────────────────────────────────────────────────────────────────

/** Room left for the "P12" a split statement's Sid gets. */
const PART_SUFFIX_ROOM = 4;

function halves<T>(list: readonly T[]): [T[], T[]] {
  const mid = Math.ceil(list.length / 2);
  return [list.slice(0, mid), list.slice(mid)];
}

/** Splits one statement into statements of the same meaning, each fitting a document alone. */
function splitToFit(st: ScpStatement, maxChars: number): ScpStatement[] {
  if (scpText([st]).length + PART_SUFFIX_ROOM <= maxChars) return [st];
  // The longest list that may be split: the actions, or a disjunctive pattern list.
  let best:
    { values: readonly string[]; apply: (part: readonly string[]) => ScpStatement } | undefined;
  if (st.Action.length > 1) {
    best = { values: st.Action, apply: (part) => ({ ...st, Action: part }) };
  }
  for (const op of SPLITTABLE) {
    const clause = st.Condition?.[op];
    if (clause === undefined) continue;
    for (const [key, values] of Object.entries(clause)) {
      if (values.length > 1 && (best === undefined || values.length > best.values.length)) {
        best = {
          values,
          apply: (part) => ({
            ...st,
            Condition: { ...st.Condition, [op]: { ...clause, [key]: part } },
          }),
        };
      }
    }
  }
  if (best === undefined) {
    throw new Error(
      `aws-scp: statement ${st.Sid} needs ${scpText([st]).length} characters and cannot be split; raise --scp-max-chars`,
    );
  }
  const values = best.values;
  const [a, b] = halves(values);
  return [...splitToFit(best.apply(a), maxChars), ...splitToFit(best.apply(b), maxChars)];
}

/** Statements split where needed (parts named `…P1`, `…P2`) and packed first-fit into documents. */
export function packStatements(
  statements: readonly ScpStatement[],
  maxChars: number,
): ScpStatement[][] {
  const parts = statements.flatMap((st) => {
    const split = splitToFit(st, maxChars);
    return split.length === 1 ? split : split.map((p, i) => ({ ...p, Sid: `${st.Sid}P${i + 1}` }));
  });
  const docs: ScpStatement[][] = [];
  for (const p of parts) {
    const home = docs.find((d) => scpText([...d, p]).length <= maxChars);
    if (home !== undefined) home.push(p);
    else docs.push([p]);
  }
  return docs;
}

// ── the bundles ──────────────────────────────────────────────────────────────────────────────

/** AWS's documented quota of SCPs attached directly to one root, OU or account. */
const SCPS_PER_TARGET = 5;

interface Bundle {
  /** Folder: the partition ("aws", "aws-cn") or "restricted-accounts". */
  readonly folder: string;
  readonly attachTo: string;
  readonly statements: readonly StatementPlan[];
  /** Per rule, how the bundle names its regions (for COVERAGE.md). */
  readonly regions: readonly { readonly rule: string; readonly condition: RegionCondition }[];
  readonly notes: readonly string[];
}

const RULE_TEXT: Readonly<Record<StatementPlan["rule"], string>> = {
  accelerators: "gpu-in-restricted-jurisdiction",
  aiServices: "ai-service-in-restricted-jurisdiction",
  accounts: "gpu-or-ai-in-restricted-account",
};

function enforced(g: PolicyGuardrail | undefined): PolicyGuardrail | undefined {
  return g !== undefined && g.effect === "deny" ? g : undefined;
}

function partitionBundle(
  partition: string,
  acc: PolicyGuardrail | undefined,
  ai: PolicyGuardrail | undefined,
): Bundle {
  const plans: StatementPlan[] = [];
  const regions: Bundle["regions"][number][] = [];
  const notes: string[] = [];
  const accRegions = acc ? judgedRegions("aws", acc.settings) : [];
  const aiRegions = ai ? judgedRegions("aws", ai.settings) : [];
  const accCond = acc ? regionCondition(partition, accRegions, acc.settings) : undefined;
  const aiCond = ai ? regionCondition(partition, aiRegions, ai.settings) : undefined;
  const rowsOf = (list: readonly JudgedRegion[]) => [
    ...list.filter((r) => r.partition === partition && r.entry).map((r) => r.entry!),
    ...AWS_PARTITION_RULES.filter((r) => r.partition === partition),
  ];
  const skip: string[] = [];
  if (aiCond !== undefined && accCond !== undefined && regionsCover(aiCond, accCond)) {
    skip.push("sagemaker");
    if (accCond.kind !== "nowhere") {
      notes.push(
        "SageMaker's instance-type statements are left out: the AI-service statement denies every sagemaker action wherever they would deny.",
      );
    }
  }
  if (acc && accCond) {
    regions.push({ rule: RULE_TEXT.accelerators, condition: accCond });
    if (accCond.kind !== "nowhere") {
      for (const st of gpuStatements("Deny", acc.settings, accCond, rowsOf(accRegions), skip)) {
        plans.push({ statement: st, rule: "accelerators" });
      }
    }
  }
  if (ai && aiCond) {
    regions.push({ rule: RULE_TEXT.aiServices, condition: aiCond });
    if (aiCond.kind !== "nowhere") {
      plans.push({ statement: aiStatement("Deny", aiCond, rowsOf(aiRegions)), rule: "aiServices" });
    }
  }
  return {
    folder: partition,
    attachTo: `the root (or the OUs to guard) of your ${partition} organization`,
    statements: plans,
    regions,
    notes,
  };
}

/** The 12-digit AWS account IDs of restrictedAccounts (Azure and Google Cloud IDs are not AWS's). */
export function awsAccountIds(settings: ResolvedSettings): string[] {
  return [...settings.restrictedAccounts.keys()].filter((k) => /^\d{12}$/.test(k)).sort();
}

function accountsBundle(g: PolicyGuardrail): Bundle {
  const everywhere: RegionCondition = { kind: "everywhere" };
  const plans: StatementPlan[] = gpuStatements(
    "AccountDeny",
    g.settings,
    everywhere,
    [],
    ["sagemaker"],
  ).map((statement) => ({ statement, rule: "accounts" as const }));
  plans.push({ statement: aiStatement("AccountDeny", everywhere, []), rule: "accounts" });
  return {
    folder: "restricted-accounts",
    attachTo: `each of these accounts: ${awsAccountIds(g.settings).join(", ")}`,
    statements: plans,
    regions: [{ rule: RULE_TEXT.accounts, condition: everywhere }],
    notes: [
      "SageMaker's instance-type statements are left out: the AI-service statement denies every sagemaker action.",
    ],
  };
}

function partitionsOf(model: GuardrailModel): string[] {
  const names = new Set<string>();
  for (const g of [enforced(model.accelerators), enforced(model.aiServices)]) {
    if (g === undefined) continue;
    for (const r of judgedRegions("aws", g.settings)) names.add(r.partition);
  }
  return [...names].sort((a, b) => (a === "aws" ? -1 : b === "aws" ? 1 : a.localeCompare(b)));
}

// ── COVERAGE.md ──────────────────────────────────────────────────────────────────────────────

function describeRegions(c: RegionCondition): string {
  switch (c.kind) {
    case "allow-list":
      return `denied in every region except ${c.names.map((n) => `\`${n}\``).join(", ")} (a region the catalogue does not know yet is denied, as the pack fails closed)`;
    case "deny-list":
      return `denied in ${c.names.map((n) => `\`${n}\``).join(", ")} (a future region of this partition is allowed, as the pack judges it by the partition's country)`;
    case "everywhere":
      return "denied in every region, known or future (no region condition)";
    case "nowhere":
      return "nothing denied: no region of this partition is restricted, nor would a future one be";
  }
}

function coverage(
  model: GuardrailModel,
  bundles: readonly { bundle: Bundle; files: readonly GuardrailFile[] }[],
  max: number,
  warnings: readonly string[],
  accountIds: readonly string[],
  quiet: readonly string[],
): string {
  const L: string[] = [];
  L.push("# AWS Service Control Policies: coverage");
  L.push("");
  L.push(
    "Generated by `jurisdiction-guard guardrails --target aws-scp` from the pack's own tables and this policy config. " +
      "The SCPs carry the pack's decisions into AWS Organizations, where they apply to every request, " +
      "whether or not it comes from a Pulumi program. Each document is minified JSON of at most " +
      `${max.toLocaleString("en-US")} characters (AWS counts whitespace).`,
  );
  L.push("");
  L.push("## Files and where to attach them");
  L.push("");
  L.push("| File | Characters | Statements | Attach to |");
  L.push("| --- | ---: | ---: | --- |");
  for (const { bundle, files } of bundles) {
    for (const f of files) {
      const n = (JSON.parse(f.content) as ScpDocument).Statement.length;
      L.push(
        `| \`${f.path}\` | ${f.content.length.toLocaleString("en-US")} | ${n} | ${bundle.attachTo} |`,
      );
    }
  }
  if (bundles.length === 0) L.push("| (none) | | | nothing to deny under this config |");
  L.push("");
  L.push(
    "Each AWS partition is a separate organization with its own management account: the files of `aws/` go to the " +
      "commercial organization (Hong Kong `ap-east-1` is a commercial region), `aws-cn/` to the China organization, " +
      "`aws-us-gov/` to the GovCloud one, and so on. A commercial SCP never needs `cn-*` regions: commercial accounts cannot use them.",
  );
  if (quiet.length > 0) {
    L.push("");
    L.push(
      `No SCP for ${quiet.map((q) => `\`${q}\``).join(", ")}: under this config no region of ${quiet.length === 1 ? "that partition" : "those partitions"} is denied, ` +
        "nor would a region AWS opens there later be (the pack judges it by the partition's country, which is not restricted).",
    );
  }
  if (accountIds.length > 0) {
    L.push("");
    L.push(
      `The \`restricted-accounts/\` files deny the GPU and AI actions in every region. Attach them to each account listed in restrictedAccounts, in whichever organization holds it: ${accountIds.map((a) => `\`${a}\``).join(", ")}.`,
    );
  }
  L.push("");
  L.push("## How to apply");
  L.push("");
  L.push("In the management account of each partition's organization, for each file:");
  L.push("");
  L.push("```sh");
  L.push("aws organizations create-policy --type SERVICE_CONTROL_POLICY \\");
  L.push('  --name jurisdiction-guard-aws-1 --description "jurisdiction-guard" \\');
  L.push("  --content file://aws/scp-1.json");
  L.push("aws organizations attach-policy --policy-id p-examplepolicyid --target-id r-exampleroot");
  L.push("```");
  L.push("");
  L.push(
    `Quota: AWS allows ${SCPS_PER_TARGET} SCPs attached directly to one root, OU or account, ` +
      `and FullAWSAccess takes one of them; SCPs inherited from a parent do not count. If your organization's SCP size quota is higher ` +
      "(check Service Quotas), generate with `--scp-max-chars N` (the command accepts 1,024 to 10,240) for fewer documents. " +
      "Submit the files unchanged: the CLI and the SDKs store the text verbatim, so added whitespace counts against the size quota.",
  );
  L.push("");
  L.push("## What the SCPs deny");
  L.push("");
  for (const { bundle } of bundles) {
    L.push(`### ${bundle.folder}`);
    L.push("");
    for (const r of bundle.regions) L.push(`- ${r.rule}: ${describeRegions(r.condition)}.`);
    for (const p of bundle.statements) {
      const st = p.statement;
      const cond = st.Condition ?? {};
      const keys = Object.entries(cond).flatMap(([op, c]) =>
        Object.keys(c ?? {})
          .filter((k) => k !== "aws:RequestedRegion")
          .map((k) => `${op} \`${k}\``),
      );
      L.push(
        `- \`${st.Sid}\` (${RULE_TEXT[p.rule]}): ${st.Action.length} action(s)${keys.length > 0 ? ` where ${keys.join(" and ")}` : ""}.`,
      );
    }
    for (const n of bundle.notes) L.push(`- ${n}`);
    L.push("");
  }
  if (bundles.length === 0) {
    L.push("Nothing: every guarded policy is disabled or advisory, or no region is denied.");
    L.push("");
  }
  L.push(
    "Accelerator instance types are matched by patterns made from the pack's classifier tables: each accelerator series' " +
      `letters and a digit (${AWS_ACCELERATOR_SERIES_LETTERS.map((l) => `\`${l}0*\`…\`${l}9*\``).join(", ")}), so a family AWS launches later ` +
      "(p7, trn3) is caught as the pack catches it, plus the catalogued families outside a series.",
  );
  L.push("");
  L.push("### Actions");
  L.push("");
  L.push("| Action | Condition key | How it is judged | Why | Reviewed |");
  L.push("| --- | --- | --- | --- | --- |");
  for (const r of AWS_SCP_ACTIONS) {
    const how =
      r.treatment === "instance-type"
        ? "by instance type"
        : r.treatment === "region-only"
          ? "by region alone"
          : "**not covered**";
    L.push(
      `| \`${r.action}\` | ${r.conditionKey !== undefined ? `\`${r.conditionKey}\`` : "none"} | ${how} | ${r.why} | ${r.reviewed} |`,
    );
  }
  L.push("");
  L.push(
    `AI services are denied by IAM service prefix: ${aiServicePrefixes()
      .map((p) => `\`${p}:*\``)
      .join(", ")} ` +
      "(the AWS and AWS Cloud Control modules of the pack's AI-service table, mapped to their IAM prefixes). " +
      "This denies reading and deleting existing resources of those services in the denied regions too: clean up with a principal outside the SCP's target.",
  );
  L.push("");
  L.push("## What an SCP cannot express (weaker than the pack)");
  L.push("");
  L.push(
    "- **Attribute-based instance selection.** An EC2 Fleet, Auto Scaling group or launch template that asks for `InstanceRequirements` " +
      "(accelerator count, manufacturer, name) names no instance type, and EC2 has no condition key for accelerator attributes. The pack reads those attributes; an SCP cannot.",
  );
  L.push(
    "- **Service-linked roles.** SCPs do not restrict service-linked roles, so the instances that Auto Scaling, Spot Fleet, an EC2 Fleet of type " +
      "`request` or `maintain` (AWS: only an `instant` fleet does without the fleet's service-linked role), EKS managed node groups and AWS Batch " +
      "launch through theirs are not checked by type. The SCPs judge only the caller's own request: an instant fleet's `ec2:CreateFleet`, and " +
      "an Auto Scaling group's creation where the request names the types (`autoscaling:InstanceTypes`, `autoscaling:InstanceType`).",
  );
  L.push(
    "- **Paths that get past the SCPs.** These launch accelerator instances in a denied region without any statement here denying them " +
      "(the pack judges their Pulumi resources by type: the launch template, `aws:eks/nodeGroup:NodeGroup`, " +
      "`aws:batch/computeEnvironment:ComputeEnvironment`):",
  );
  L.push(
    "  - an Auto Scaling group with a single launch template (no mixed instances policy): `autoscaling:InstanceTypes` only holds a " +
      "mixed instances policy's overrides, so the request carries no type, and the group launches through its service-linked role;",
  );
  L.push(
    "  - an EKS managed node group (`aws:eks/nodeGroup:NodeGroup`): `eks:CreateNodegroup`, `eks:UpdateNodegroupConfig` and " +
      "`eks:UpdateNodegroupVersion` carry no instance-type key, and the nodes launch through the EKS node-group service-linked role;",
  );
  L.push(
    "  - an AWS Batch compute environment: `batch:CreateComputeEnvironment` / `batch:UpdateComputeEnvironment` carry no instance-type key, " +
      "and Batch launches through its service role (by default a service-linked role);",
  );
  L.push(
    "  - an EC2 Fleet of type `request` or `maintain`, `ec2:ModifyFleet`, `ec2:RequestSpotInstances`, `ec2:RequestSpotFleet`, " +
      "`ec2:CreateCapacityReservationFleet` and `ec2:CreateLaunchTemplate(Version)`: no instance-type key on the request, or the instances " +
      "are launched by a service-linked role (see the table above).",
  );
  L.push(
    "  - none of these is denied by region alone, which would deny CPU node groups, groups and environments too: keep them out of " +
      "denied regions with the pack, or with an SCP of your own if no workload of that kind may run there.",
  );
  L.push(
    "- **Case.** `StringLike` is case-sensitive; the pack's classifier is not. The patterns are lower case, as EC2 and SageMaker spell types.",
  );
  L.push(
    "- **Peering and foreign providers.** The pack's network and foreign-provider policies (peering by ASN, listed providers' packages) have no counterpart in an SCP.",
  );
  L.push(
    "- **Bedrock cross-Region inference.** A request through a cross-Region inference profile is authorized in each destination Region " +
      "the profile routes it to (AWS's IAM examples grant the model in every destination Region of a geographic profile). Where the SCP " +
      "lists the allowed regions, a call made from an allowed region through a profile with a destination outside the list is denied " +
      "whenever it is routed there (users report an error naming a region they never asked for). To keep such calls working, use a " +
      "profile whose destinations are all allowed, or invoke the model in the source region without a profile. A global profile can route to any commercial region; its request is reported " +
      "(in AWS's IAM example, not checked here on an AWS page) to carry `aws:RequestedRegion` `unspecified`, which an allowed-region " +
      "list denies and a denied-region list does not.",
  );
  L.push(
    "- **Service prefixes are coarse.** The AI-service statements deny whole services by prefix, including read and delete actions.",
  );
  const exported = [enforced(model.accelerators), enforced(model.accounts)].some(
    (g) => g?.settings.acceleratorScope === "export-controlled",
  );
  if (exported) {
    L.push(
      '- **acceleratorScope "export-controlled" and lists.** For keys that hold several types (an Auto Scaling group\'s overrides, ' +
        "a SageMaker resource's types) an SCP cannot pair the two tests on one value: the request is denied when one type is an accelerator " +
        "and one type is not a catalogued not-controlled family, so a list mixing a not-controlled GPU (g4dn) with a CPU type is denied although the pack allows it.",
    );
  }
  L.push("");
  L.push("## Exemptions");
  L.push("");
  const exemptions = [model.accelerators, model.aiServices, model.accounts].flatMap((g) =>
    g === undefined ? [] : g.exemptions.map((e) => ({ policy: g.policy, ...e })),
  );
  if (exemptions.length === 0) {
    L.push("The config has no unexpired exemptions for these policies.");
  } else {
    L.push(
      "SCPs have no per-resource exemptions, and a Pulumi URN means nothing to AWS. These exemptions of the config are **not** carried; " +
        "grant them by moving the workload to an account or OU the SCP is not attached to, or add a condition on a tag you control to the statements yourself:",
    );
    L.push("");
    for (const e of exemptions) {
      L.push(
        `- ${e.policy}: \`${e.resource}\` until ${e.expires} (${e.reason}${e.approvedBy !== undefined ? `; approved by ${e.approvedBy}` : ""})`,
      );
    }
  }
  L.push("");
  L.push("## Policies left out");
  L.push("");
  const out = [
    ...model.skipped.map((s) => `- ${s.policy}: ${s.why}.`),
    ...[model.accelerators, model.aiServices, model.accounts]
      .filter((g) => g?.effect === "audit")
      .map((g) => `- ${g!.policy}: advisory; SCPs have no audit mode.`),
  ];
  L.push(...(out.length > 0 ? out : ["None."]));
  if (warnings.length > 0) {
    L.push("");
    L.push("## Warnings");
    L.push("");
    for (const w of warnings) L.push(`- ${w}`);
  }
  L.push("");
  return L.join("\n");
}

// ── the target ───────────────────────────────────────────────────────────────────────────────

function compile(model: GuardrailModel, options: TargetOptions): GuardrailOutput {
  const max = options.scpMaxChars;
  const warnings: string[] = [];
  for (const g of [model.accelerators, model.aiServices, model.accounts]) {
    if (g?.effect === "audit") {
      warnings.push(`${g.policy} is advisory: SCPs have no audit mode, so it is left out`);
    }
  }
  const acc = enforced(model.accelerators);
  const ai = enforced(model.aiServices);
  const accounts = enforced(model.accounts);
  const all = partitionsOf(model).map((p) => partitionBundle(p, acc, ai));
  const bundles: Bundle[] = all.filter((b) => b.statements.length > 0);
  const quiet = all.filter((b) => b.statements.length === 0).map((b) => b.folder);
  const accountIds = accounts ? awsAccountIds(accounts.settings) : [];
  if (accounts && accountIds.length > 0) bundles.push(accountsBundle(accounts));

  const files: GuardrailFile[] = [];
  const summary: string[] = [];
  const placed: { bundle: Bundle; files: GuardrailFile[] }[] = [];
  for (const b of bundles) {
    const docs = packStatements(
      b.statements.map((p) => p.statement),
      max,
    );
    const own = docs.map((d, i) => ({
      path: `${b.folder}/scp-${i + 1}.json`,
      content: scpText(d),
    }));
    placed.push({ bundle: b, files: own });
    files.push(...own);
    for (const f of own) {
      summary.push(
        `${f.path}: ${f.content.length.toLocaleString("en-US")} of ${max.toLocaleString("en-US")} characters`,
      );
    }
    if (docs.length > SCPS_PER_TARGET - 1) {
      warnings.push(
        `${b.folder} needs ${docs.length} SCPs: more than the ${SCPS_PER_TARGET - 1} a target has beside FullAWSAccess under AWS's documented quota (check Service Quotas for yours)`,
      );
    }
  }
  for (const g of [acc, ai, accounts]) {
    if (g !== undefined && g.exemptions.length > 0) {
      warnings.push(
        `${g.policy}: ${g.exemptions.length} exemption(s) cannot be carried into SCPs (listed in COVERAGE.md)`,
      );
    }
  }
  if ([acc, accounts].some((g) => g?.settings.acceleratorScope === "export-controlled")) {
    warnings.push(
      'acceleratorScope "export-controlled": an Auto Scaling group or SageMaker resource whose instance types mix a not-controlled accelerator family with other types is denied (an SCP cannot test both on one value)',
    );
  }
  if (accounts && accountIds.length === 0) {
    summary.push("restrictedAccounts lists no AWS account: no account SCP");
  }
  if (files.length === 0) summary.push("nothing to deny under this config");
  const text = coverage(model, placed, max, warnings, accountIds, quiet);
  files.push({ path: "COVERAGE.md", content: text });
  summary.push(
    "COVERAGE.md: where each file goes, how to apply it, and what an SCP cannot express",
  );
  return { files, summary, warnings };
}

export const AWS_SCP: GuardrailTarget = {
  name: "aws-scp",
  cloud: "aws",
  description:
    "AWS Organizations Service Control Policies (one bundle per partition, one for restricted accounts)",
  compile,
};
