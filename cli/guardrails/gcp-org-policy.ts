// `guardrails --target gcp-org-policy`: Google Cloud organization-policy custom constraints (CEL
// conditions, `gcloud org-policies set-custom-constraint`) and the policy files that enforce them
// (`gcloud org-policies set-policy`), plus gcp.resourceLocations policies for the folders that
// host AI services. The decisions (which regions deny, which machine types and accelerator types
// count) come from jurisdiction-guard/guardrails; this file only words them.
import * as yaml from "js-yaml";
import type {
  GcpAcceleratorResourceType,
  GuardrailModel,
  JudgedRegion,
  PolicyGuardrail,
  ResolvedSettings,
} from "jurisdiction-guard/guardrails";
import {
  acceleratorCounts,
  AI_SERVICE_MODULES,
  classifyGcpAcceleratorType,
  classifyGcpMachineType,
  classifyGcpTpuType,
  GCP_ACCELERATOR_RESOURCE_TYPES,
  GCP_ACCELERATOR_TYPES,
  GCP_AI_SERVICE_RESOURCE_TYPES,
  GCP_MACHINE_FAMILIES,
  GCP_MACHINE_SERIES,
  GCP_RESTRICT_SERVICE_USAGE,
  GCP_TPU_TYPES,
  judgedRegions,
  latestReview,
  OTHER_PACKAGE_AI_SERVICE_MODULES,
} from "jurisdiction-guard/guardrails";
import type { GuardrailFile, GuardrailOutput, GuardrailTarget } from "./types";

/** Google Cloud's limit on a custom constraint's CEL condition. */
export const GCP_MAX_CONDITION_CHARS = 1000;
/** "Most resource types support up to 20 custom constraints." */
export const GCP_MAX_CONSTRAINTS_PER_TYPE = 20;
/** The placeholder the files carry for the organization ID (docs and COVERAGE.md explain it). */
export const ORG_ID = "ORG_ID";
/** The placeholder for the folder (or project) that hosts AI services. */
export const AI_FOLDER = "folders/AI_FOLDER_ID";

/** A Google Cloud project ID as restrictedAccounts accepts one (not 12 digits, not a GUID). */
const PROJECT_ID = /^[a-z][a-z0-9-]{4,28}[a-z0-9]$/;

// ── regular expressions (RE2 for Google Cloud; the subset JavaScript reads alike) ─────────────

/** A series pattern of the catalogue ("^a\d+[a-z]*$") as an unanchored RE2 fragment. */
function fragment(re: RegExp): string {
  const s = re.source.replace(/^\^/, "").replace(/\$$/, "").replace(/\\d/g, "[0-9]");
  if (/[\\'"]/.test(s)) throw new Error(`cannot carry pattern ${re.source} into a CEL string`);
  return s;
}

function alt(parts: readonly string[]): string {
  return parts.length === 1 ? (parts[0] ?? "") : `(${parts.join("|")})`;
}

/** Region names folded by their stem: "europe-west(1|2|4)". */
export function regionAlternation(names: readonly string[]): string {
  const byStem = new Map<string, string[]>();
  for (const n of [...names].sort()) {
    const m = /^(.*?)(\d+)$/.exec(n);
    const stem = m?.[1] ?? n;
    const rest = m?.[2] ?? "";
    byStem.set(stem, [...(byStem.get(stem) ?? []), rest]);
  }
  const parts = [...byStem].map(([stem, ends]) =>
    ends.length === 1 ? `${stem}${ends[0] ?? ""}` : `${stem}(${ends.join("|")})`,
  );
  return alt(parts);
}

// ── which names count ────────────────────────────────────────────────────────────────────────

interface Family {
  readonly family: string;
  readonly counts: boolean;
}
interface FamilySet {
  /** Matched on a value's last path segment: `head` + family + `tail`. */
  readonly head: string;
  readonly tail: string;
  /** Generic patterns for names the table does not list, and whether those count. */
  readonly series: readonly { readonly pattern: string; readonly counts: boolean }[];
  readonly families: readonly Family[];
}

function extendsFamily(longer: string, shorter: string): boolean {
  return longer.startsWith(`${shorter}-`);
}

/**
 * A CEL expression over the string `v` true where the classifier's longest-prefix match (or, for
 * an unlisted name, its series) counts under acceleratorScope. Undefined when nothing counts.
 */
function familyCondition(v: string, set: FamilySet): string | undefined {
  const re = (names: readonly string[]) => `'(^|/)${set.head}${alt(names)}${set.tail}$'`;
  const counted = set.series.filter((s) => s.counts).map((s) => s.pattern);
  const no = set.families.filter((f) => !f.counts).map((f) => f.family);
  // Counting families the counted series do not match, or that a non-counting family's
  // exclusion hides.
  const bySeries = new RegExp(`^${alt(counted)}${set.tail}$`);
  const yes = set.families
    .filter(
      (f) =>
        f.counts &&
        (counted.length === 0 ||
          !bySeries.test(f.family) ||
          no.some((n) => extendsFamily(f.family, n))),
    )
    .map((f) => f.family);
  const noInYes = no.filter((n) => yes.some((y) => extendsFamily(n, y)));
  const terms: string[] = [];
  if (counted.length > 0) {
    terms.push(
      no.length > 0
        ? `${v}.matches(${re(counted)}) && !${v}.matches(${re(no)})`
        : `${v}.matches(${re(counted)})`,
    );
  }
  if (yes.length > 0) {
    terms.push(
      noInYes.length > 0
        ? `${v}.matches(${re(yes)}) && !${v}.matches(${re(noInYes)})`
        : `${v}.matches(${re(yes)})`,
    );
  }
  if (terms.length === 0) return undefined;
  return terms.length === 1 ? terms[0] : terms.map((t) => `(${t})`).join(" || ");
}

/** The letters a series pattern starts with, plus "99": a name no table lists ("a99"). */
function unlistedOf(pattern: RegExp): string {
  const letters = /^\^([a-z]+)/.exec(pattern.source)?.[1] ?? "";
  return `${letters}99`;
}

function machineSet(settings: Pick<ResolvedSettings, "acceleratorScope">): FamilySet {
  return {
    head: "",
    tail: "(-[^/]*)?",
    series: GCP_MACHINE_SERIES.map((s) => ({
      pattern: fragment(s.pattern),
      counts: acceleratorCounts(classifyGcpMachineType(unlistedOf(s.pattern)), settings),
    })),
    families: GCP_MACHINE_FAMILIES.map((e) => ({
      family: e.family,
      counts: acceleratorCounts(classifyGcpMachineType(e.family), settings),
    })),
  };
}

function nvidiaSet(settings: Pick<ResolvedSettings, "acceleratorScope">): FamilySet {
  return {
    head: "",
    tail: "(-vws)?",
    series: [
      {
        pattern: "nvidia-[^/]*",
        counts: acceleratorCounts(classifyGcpAcceleratorType("nvidia-unlisted-99"), settings),
      },
    ],
    families: GCP_ACCELERATOR_TYPES.map((e) => ({
      family: e.family,
      counts: acceleratorCounts(classifyGcpAcceleratorType(e.family), settings),
    })),
  };
}

function tpuSet(settings: Pick<ResolvedSettings, "acceleratorScope">): FamilySet {
  return {
    head: "tpu-",
    tail: "(-[^/]*)?",
    series: [
      {
        pattern: "v[0-9][^/]*",
        counts: acceleratorCounts(classifyGcpTpuType("v99"), settings),
      },
    ],
    families: GCP_TPU_TYPES.map((e) => ({
      family: e.family,
      counts: acceleratorCounts(classifyGcpTpuType(e.family), settings),
    })),
  };
}

/**
 * `has()` on every level of a field path below its root ("resource.a.b" →
 * `has(resource.a) && has(resource.a.b)`): CEL's `has(x.a.b)` is an error, not false, where `x.a`
 * is absent (a cluster request with node pools and no `nodeConfig`).
 */
export function hasPath(field: string): string {
  const parts = field.split(".");
  const out: string[] = [];
  for (let i = 2; i <= parts.length; i++) out.push(`has(${parts.slice(0, i).join(".")})`);
  return out.join(" && ");
}

function or(terms: readonly (string | undefined)[]): string | undefined {
  const present = terms.filter((t): t is string => t !== undefined);
  if (present.length === 0) return undefined;
  return present.length === 1 ? present[0] : present.map((t) => `(${t})`).join(" || ");
}

/**
 * The accelerator tests of one resource type: one per field (and, for a cluster, one per field of
 * the node pools its request carries), each true where it counts.
 */
function acceleratorTests(
  kind: GcpAcceleratorResourceType,
  settings: Pick<ResolvedSettings, "acceleratorScope">,
): string[] {
  const out: string[] = [];
  const a = `a.${kind.acceleratorTypeField}`;
  const accel = or([familyCondition(a, nvidiaSet(settings)), familyCondition(a, tpuSet(settings))]);
  const fieldTests = (machineField: string, list: string): string[] => {
    const tests: string[] = [];
    const machine = familyCondition(machineField, machineSet(settings));
    if (machine !== undefined) tests.push(`${hasPath(machineField)} && (${machine})`);
    if (accel !== undefined) tests.push(`${hasPath(list)} && ${list}.exists(a, ${accel})`);
    return tests;
  };
  out.push(...fieldTests(kind.machineTypeField, kind.acceleratorList));
  const pools = kind.nodePools;
  if (pools) {
    for (const t of fieldTests(`p.${pools.machineTypeField}`, `p.${pools.acceleratorList}`)) {
      out.push(`${hasPath(pools.list)} && ${pools.list}.exists(p, ${t})`);
    }
  }
  return out;
}

// ── locations ────────────────────────────────────────────────────────────────────────────────

/** A region with zones ("us-central1"); multi-regions ("us") have none. */
const ZONAL = /^[a-z]+-[a-z]+\d+$/;

export type LocationMode = "allow-list" | "deny-list";

interface Locations {
  readonly allowed: readonly string[];
  readonly denied: readonly string[];
}

function locationsOf(settings: ResolvedSettings): Locations {
  const zonal = judgedRegions("gcp", settings).filter((r) => ZONAL.test(r.name));
  return {
    allowed: zonal.filter((r) => !r.denied).map((r) => r.name),
    denied: zonal.filter((r) => r.denied).map((r) => r.name),
  };
}

/**
 * A CEL test on the location field true where the location is denied: with "allow-list", a zone
 * of no allowed region (unknown regions included, as the pack fails closed); with "deny-list", a
 * zone of one of `regions`. Undefined when every location is denied (allow-list of nothing).
 */
function locationTest(
  kind: GcpAcceleratorResourceType,
  mode: LocationMode,
  regions: readonly string[],
): string | undefined {
  if (regions.length === 0) return undefined;
  const zoneTail = kind.locationForm === "region-or-zone" ? "(-[a-z0-9]+)?" : "-[a-z0-9]+";
  const re = `'(^|/)${regionAlternation(regions)}${zoneTail}$'`;
  const test = (v: string) =>
    mode === "allow-list" ? `!${v}.matches(${re})` : `${v}.matches(${re})`;
  if (kind.locationForm === "zone-list") {
    return `has(${kind.locationField}) && ${kind.locationField}.exists(z, ${test("z")})`;
  }
  return `has(${kind.locationField}) && ${test(kind.locationField)}`;
}

// ── constraints and policies ─────────────────────────────────────────────────────────────────

export interface CustomConstraint {
  readonly name: string;
  readonly resourceTypes: readonly string[];
  readonly methodTypes: readonly string[];
  readonly condition: string;
  readonly actionType: "DENY";
  readonly displayName: string;
  readonly description: string;
}

interface Planned {
  readonly id: string;
  readonly constraint: CustomConstraint;
  /** Where its policy is set: the organization, or each listed project. */
  readonly scope: "organization" | "projects";
  readonly guardrail: PolicyGuardrail;
}

function constraintOf(
  id: string,
  resourceType: string,
  condition: string,
  displayName: string,
  description: string,
): CustomConstraint {
  return {
    name: `organizations/${ORG_ID}/customConstraints/custom.${id}`,
    resourceTypes: [resourceType],
    methodTypes: ["CREATE", "UPDATE"],
    condition,
    actionType: "DENY",
    displayName,
    description,
  };
}

function countryList(settings: ResolvedSettings): string {
  const codes = [...settings.restricted.keys()].sort();
  return codes.length > 0 ? codes.join(", ") : "none";
}

const ACCELERATOR_REVIEW = latestReview([
  ...GCP_MACHINE_FAMILIES,
  ...GCP_ACCELERATOR_TYPES,
  ...GCP_TPU_TYPES,
]);

function regionReview(settings: ResolvedSettings): string {
  return latestReview(judgedRegions("gcp", settings).flatMap((r) => (r.entry ? [r.entry] : [])));
}

/**
 * Packs `tests` (disjuncts), in order, into as few groups as fit the limit as
 * `(a || b) && location`; undefined when one test alone does not fit.
 */
function groupsThatFit(
  tests: readonly string[],
  location: string | undefined,
): string[] | undefined {
  const join = (g: readonly string[]) => {
    const accel = g.length === 1 ? (g[0] ?? "") : g.map((t) => `(${t})`).join(" || ");
    return location === undefined ? accel : `(${accel}) && ${location}`;
  };
  if (tests.some((t) => join([t]).length > GCP_MAX_CONDITION_CHARS)) return undefined;
  return chunk(tests, (g) => join(g).length <= GCP_MAX_CONDITION_CHARS).map(join);
}

function chunk<T>(items: readonly T[], fits: (part: readonly T[]) => boolean): T[][] {
  const out: T[][] = [];
  let cur: T[] = [];
  for (const item of items) {
    if (cur.length > 0 && !fits([...cur, item])) {
      out.push(cur);
      cur = [];
    }
    cur.push(item);
  }
  if (cur.length > 0) out.push(cur);
  return out;
}

interface AcceleratorPlan {
  readonly planned: Planned[];
  readonly mode: LocationMode;
}

function acceleratorConstraints(g: PolicyGuardrail, only?: LocationMode): AcceleratorPlan {
  const locs = locationsOf(g.settings);
  const why =
    `restricted jurisdictions: ${countryList(g.settings)}` +
    (g.settings.restrictedRegions.size > 0
      ? `; restrictedRegions: ${[...g.settings.restrictedRegions].sort().join(", ")}`
      : "") +
    (g.settings.allowedRegions.size > 0
      ? `; allowedRegions: ${[...g.settings.allowedRegions].sort().join(", ")}`
      : "");
  const scope =
    g.settings.acceleratorScope === "any"
      ? "any GPU or TPU"
      : "an export-controlled GPU or TPU (acceleratorScope export-controlled: chips classified not-controlled, such as T4, are allowed)";

  // First choice: allow-list (fails closed on regions the data does not know, as the pack does).
  const allow: { kind: GcpAcceleratorResourceType; conditions: string[] }[] = [];
  let fits = only !== "deny-list";
  for (const kind of fits ? GCP_ACCELERATOR_RESOURCE_TYPES : []) {
    const tests = acceleratorTests(kind, g.settings);
    if (tests.length === 0) continue;
    const groups = groupsThatFit(tests, locationTest(kind, "allow-list", locs.allowed));
    if (groups === undefined) {
      fits = false;
      break;
    }
    allow.push({ kind, conditions: groups });
  }
  const planned: Planned[] = [];
  const describe = (kind: GcpAcceleratorResourceType, where: string) =>
    `Denied by jurisdiction-guard (policy ${g.policy}): a ${kind.what} with ${scope} ${where}. ` +
    `The policy denies accelerators where the region's country is restricted (${why}). ` +
    `Generated from the jurisdiction-guard data (accelerator tables reviewed ${ACCELERATOR_REVIEW}, Google Cloud regions reviewed ${regionReview(g.settings)}).`;
  if (fits) {
    for (const { kind, conditions } of allow) {
      conditions.forEach((condition, i) => {
        const id = `jgGpu${kind.id}${conditions.length > 1 ? String(i + 1) : ""}`;
        planned.push({
          id,
          scope: "organization",
          guardrail: g,
          constraint: constraintOf(
            id,
            kind.resourceType,
            condition,
            `jurisdiction-guard: no GPU/TPU ${kind.what} outside allowed regions`,
            describe(
              kind,
              "in a zone of a region where the policy denies accelerators, or of a region the data does not list (fail closed)",
            ),
          ),
        });
      });
    }
    return { planned, mode: "allow-list" };
  }
  // Fallback: deny-list, the tests and the denied regions split so that each condition fits.
  for (const kind of GCP_ACCELERATOR_RESOURCE_TYPES) {
    const tests = acceleratorTests(kind, g.settings);
    if (tests.length === 0 || locs.denied.length === 0) continue;
    const condition = (group: readonly string[], part: readonly string[]) =>
      `(${group.map((t) => `(${t})`).join(" || ")}) && ${locationTest(kind, "deny-list", part) ?? "false"}`;
    const fits = (c: string) => c.length <= GCP_MAX_CONDITION_CHARS;
    const first = locs.denied.slice(0, 1);
    const parts = chunk(tests, (group) => fits(condition(group, first))).flatMap((group) =>
      chunk(locs.denied, (part) => fits(condition(group, part))).map((part) => ({
        group,
        part,
      })),
    );
    parts.forEach(({ group, part }, i) => {
      const id = `jgGpu${kind.id}${parts.length > 1 ? String(i + 1) : ""}`;
      planned.push({
        id,
        scope: "organization",
        guardrail: g,
        constraint: constraintOf(
          id,
          kind.resourceType,
          condition(group, part),
          `jurisdiction-guard: no GPU/TPU ${kind.what} in denied regions${parts.length > 1 ? ` (${i + 1}/${parts.length})` : ""}`,
          describe(kind, `in a zone of ${part.join(", ")}`),
        ),
      });
    });
  }
  return { planned, mode: "deny-list" };
}

/** The GCP project IDs among restrictedAccounts. */
export function restrictedProjects(settings: ResolvedSettings): string[] {
  return [...settings.restrictedAccounts.keys()].filter((k) => PROJECT_ID.test(k)).sort();
}

function accountConstraints(g: PolicyGuardrail): Planned[] {
  const planned: Planned[] = [];
  const why = (what: string) =>
    `Denied by jurisdiction-guard (policy ${g.policy}): ${what} in a project listed in restrictedAccounts (tied to a restricted jurisdiction), in every location. Generated from the jurisdiction-guard data (accelerator tables reviewed ${ACCELERATOR_REVIEW}).`;
  for (const kind of GCP_ACCELERATOR_RESOURCE_TYPES) {
    const tests = acceleratorTests(kind, g.settings);
    const groups = groupsThatFit(tests, undefined) ?? [];
    groups.forEach((condition, i) => {
      const id = `jgAccountGpu${kind.id}${groups.length > 1 ? String(i + 1) : ""}`;
      planned.push({
        id,
        scope: "projects",
        guardrail: g,
        constraint: constraintOf(
          id,
          kind.resourceType,
          condition,
          `jurisdiction-guard: no GPU/TPU ${kind.what} in restricted projects`,
          why(`a ${kind.what} with a GPU or TPU`),
        ),
      });
    });
  }
  for (const row of GCP_AI_SERVICE_RESOURCE_TYPES) {
    if (row.customConstraints !== "supported" || row.requiredField === undefined) continue;
    const type = row.resourceType.split("/")[1] ?? row.resourceType;
    const id = `jgAccountAi${type}`;
    planned.push({
      id,
      scope: "projects",
      guardrail: g,
      constraint: constraintOf(
        id,
        row.resourceType,
        `has(${row.requiredField}) && size(${row.requiredField}) > 0`,
        `jurisdiction-guard: no ${type} in restricted projects`,
        why(`a ${row.resourceType} (${row.module}, reviewed ${row.reviewed})`),
      ),
    });
  }
  return planned;
}

// ── files ────────────────────────────────────────────────────────────────────────────────────

const DUMP: yaml.DumpOptions = { lineWidth: -1, noRefs: true, sortKeys: false };

function dump(value: unknown): string {
  return yaml.dump(value, DUMP);
}

/**
 * The AI services gcp.restrictServiceUsage can deny (GCP_RESTRICT_SERVICE_USAGE "supported"),
 * from the resource types the pack's Google Cloud AI-service modules create.
 */
export function deniableAiServices(): string[] {
  const supported = new Set(
    GCP_RESTRICT_SERVICE_USAGE.filter((r) => r.restrictServiceUsage === "supported").map(
      (r) => r.service,
    ),
  );
  const modules = new Set(aiModules().map((m) => m.module));
  return [
    ...new Set(
      GCP_AI_SERVICE_RESOURCE_TYPES.filter(
        (r) => modules.has(r.module) && supported.has(r.service),
      ).map((r) => r.service),
    ),
  ].sort();
}

/** A project's gcp.restrictServiceUsage policy denying `services`. */
function restrictServiceUsagePolicy(
  project: string,
  services: readonly string[],
  effect: "deny" | "audit",
): unknown {
  const spec = { rules: [{ values: { deniedValues: [...services] } }] };
  return {
    name: `projects/${project}/policies/gcp.restrictServiceUsage`,
    ...(effect === "deny" ? { spec } : { dryRunSpec: spec }),
  };
}

/** A boolean policy: `spec` to enforce, `dryRunSpec` to audit (advisory). */
export function policyDocument(
  parent: string,
  constraint: string,
  effect: "deny" | "audit",
): unknown {
  const rules = { rules: [{ enforce: true }] };
  return {
    name: `${parent}/policies/${constraint}`,
    ...(effect === "deny" ? { spec: rules } : { dryRunSpec: rules }),
  };
}

function resourceLocationsPolicy(
  g: PolicyGuardrail,
  form: "allowedValues" | "deniedValues",
  regions: readonly JudgedRegion[],
): unknown {
  const values = regions.map((r) => (ZONAL.test(r.name) ? `in:${r.name}-locations` : r.name));
  const spec = { rules: [{ values: { [form]: values } }] };
  return {
    name: `${AI_FOLDER}/policies/gcp.resourceLocations`,
    ...(g.effect === "deny" ? { spec } : { dryRunSpec: spec }),
  };
}

function setPolicyCommand(file: string, effect: "deny" | "audit"): string {
  return effect === "deny"
    ? `gcloud org-policies set-policy ${file}`
    : `gcloud org-policies set-policy ${file} --update-mask=dryRunSpec`;
}

function aiModules(): { module: string; service: string }[] {
  return [...AI_SERVICE_MODULES, ...OTHER_PACKAGE_AI_SERVICE_MODULES]
    .filter((r) => r.module.startsWith("gcp:"))
    .map((r) => ({ module: r.module, service: r.service }));
}

export interface GcpOptions {
  /**
   * Force the deny-list form of locations (for tests of the fallback the compiler takes when the
   * allow-list does not fit the condition limit).
   */
  readonly locationMode?: LocationMode;
}

export function compileGcpOrgPolicy(
  model: GuardrailModel,
  options: GcpOptions = {},
): GuardrailOutput {
  const files: GuardrailFile[] = [];
  const warnings: string[] = [];
  const planned: Planned[] = [];
  const policyFiles: { path: string; effect: "deny" | "audit" }[] = [];
  let mode: LocationMode | undefined;

  if (model.accelerators) {
    const plan = acceleratorConstraints(model.accelerators, options.locationMode);
    planned.push(...plan.planned);
    mode = plan.mode;
    if (plan.mode === "deny-list") {
      warnings.push(
        "gpu-in-restricted-jurisdiction: the allowed regions do not fit a 1,000-character condition, so the constraints list the denied regions instead; a region the data does not know is allowed by them, where the pack denies it (fails closed)",
      );
    }
  }
  const projects = model.accounts ? restrictedProjects(model.accounts.settings) : [];
  if (model.accounts && projects.length > 0) planned.push(...accountConstraints(model.accounts));

  // Constraint files (created once per organization), then the policies that enforce them.
  for (const p of planned) {
    files.push({ path: `constraints/custom.${p.id}.yaml`, content: dump(p.constraint) });
  }
  for (const p of planned) {
    const parents =
      p.scope === "organization"
        ? [{ parent: `organizations/${ORG_ID}`, dir: "organization" }]
        : projects.map((id) => ({ parent: `projects/${id}`, dir: `projects/${id}` }));
    for (const { parent, dir } of parents) {
      const path = `policies/${dir}/custom.${p.id}.yaml`;
      files.push({
        path,
        content: dump(policyDocument(parent, `custom.${p.id}`, p.guardrail.effect)),
      });
      policyFiles.push({ path, effect: p.guardrail.effect });
    }
  }

  // Restricted projects: deny the AI services' APIs that gcp.restrictServiceUsage supports.
  const deniedServices = model.accounts && projects.length > 0 ? deniableAiServices() : [];
  if (model.accounts && deniedServices.length > 0) {
    for (const id of projects) {
      const path = `policies/projects/${id}/gcp.restrictServiceUsage.yaml`;
      files.push({
        path,
        content: dump(restrictServiceUsagePolicy(id, deniedServices, model.accounts.effect)),
      });
      policyFiles.push({ path, effect: model.accounts.effect });
    }
  }

  // AI services: a resource-location policy for the folders or projects that host them.
  let aiLocations: { allow: string; deny: string } | undefined;
  if (model.aiServices) {
    const g = model.aiServices;
    const judged = judgedRegions("gcp", g.settings).filter((r) => !r.entry?.retired);
    const allow = `policies/ai-folder/gcp.resourceLocations.allow.yaml`;
    const deny = `policies/ai-folder/gcp.resourceLocations.deny.yaml`;
    files.push({
      path: allow,
      content: dump(
        resourceLocationsPolicy(
          g,
          "allowedValues",
          judged.filter((r) => !r.denied),
        ),
      ),
    });
    files.push({
      path: deny,
      content: dump(
        resourceLocationsPolicy(
          g,
          "deniedValues",
          judged.filter((r) => r.denied),
        ),
      ),
    });
    aiLocations = { allow, deny };
  }

  // Limits: condition length (checked as built), constraints per resource type.
  const perType = new Map<string, number>();
  for (const p of planned) {
    for (const t of p.constraint.resourceTypes) perType.set(t, (perType.get(t) ?? 0) + 1);
    if (p.constraint.condition.length > GCP_MAX_CONDITION_CHARS) {
      throw new Error(`custom.${p.id}: condition over ${GCP_MAX_CONDITION_CHARS} characters`);
    }
  }
  for (const [t, n] of perType) {
    if (n > GCP_MAX_CONSTRAINTS_PER_TYPE) {
      warnings.push(
        `${t}: ${n} custom constraints, over the ${GCP_MAX_CONSTRAINTS_PER_TYPE} most resource types accept`,
      );
    }
  }
  const unsupported = GCP_AI_SERVICE_RESOURCE_TYPES.filter(
    (r) => r.customConstraints !== "supported" && !deniedServices.includes(r.service),
  );
  if (model.accounts && projects.length > 0 && unsupported.length > 0) {
    warnings.push(
      `gpu-or-ai-in-restricted-account: no custom constraint for ${[...new Set(unsupported.map((r) => r.resourceType))].join(", ")} (not a documented custom-constraint resource type) and gcp.restrictServiceUsage was not confirmed to support their services; restricted projects can still create them`,
    );
  }
  for (const g of [model.accelerators, model.aiServices, model.accounts]) {
    if (g && g.exemptions.length > 0) {
      warnings.push(
        `${g.policy}: ${g.exemptions.length} exemption(s) by Pulumi URN cannot be expressed in organization policy; see COVERAGE.md`,
      );
    }
  }

  const longest = Math.max(0, ...planned.map((p) => p.constraint.condition.length));
  const summary = [
    `${planned.length} custom constraint(s) (longest condition ${longest}/${GCP_MAX_CONDITION_CHARS} characters)${mode ? `, locations as ${mode === "allow-list" ? "an allow-list (fails closed like the pack)" : "a deny-list"}` : ""}`,
    `${policyFiles.length} policy file(s)${projects.length > 0 ? ` (${projects.length} restricted project(s))` : ""}`,
    ...(deniedServices.length > 0 && projects.length > 0
      ? [
          `gcp.restrictServiceUsage for each restricted project, denying ${deniedServices.join(", ")}`,
        ]
      : []),
    ...(aiLocations
      ? ["2 gcp.resourceLocations policies for AI folders (allow-list or deny-list: apply one)"]
      : []),
    ...model.skipped.map((s) => `${s.policy}: not generated (${s.why})`),
  ];

  files.push({
    path: `COVERAGE.md`,
    content: coverage(
      model,
      planned,
      policyFiles,
      projects,
      mode,
      aiLocations,
      warnings,
      deniedServices,
    ),
  });
  return { files, summary, warnings };
}

// ── COVERAGE.md ──────────────────────────────────────────────────────────────────────────────

function coverage(
  model: GuardrailModel,
  planned: readonly Planned[],
  policyFiles: readonly { path: string; effect: "deny" | "audit" }[],
  projects: readonly string[],
  mode: LocationMode | undefined,
  aiLocations: { allow: string; deny: string } | undefined,
  warnings: readonly string[],
  deniedServices: readonly string[],
): string {
  const L: string[] = [];
  L.push("# Google Cloud organization policy guardrails (jurisdiction-guard)", "");
  L.push(
    `Generated for ${model.today} from the jurisdiction-guard data and policy config. The files are`,
    "organization-policy custom constraints (CEL conditions on create and update requests) and the",
    "policies that enforce them. They carry the decisions of the pack's policies into Google Cloud,",
    "where no Pulumi program runs, and are weaker than the pack in the ways listed below.",
    "",
  );
  L.push("## How to apply", "");
  L.push(
    `Replace \`${ORG_ID}\` in every file with your organization's numeric ID (\`gcloud organizations list\`),`,
    "then, in this folder, create the constraints once for the organization and set the policies:",
    "",
    "```sh",
  );
  for (const p of planned)
    L.push(`gcloud org-policies set-custom-constraint constraints/custom.${p.id}.yaml`);
  for (const f of policyFiles) L.push(setPolicyCommand(f.path, f.effect));
  if (aiLocations && model.aiServices) {
    L.push(
      `# AI services: one of the two, after replacing ${AI_FOLDER} (see below)`,
      setPolicyCommand(aiLocations.allow, model.aiServices.effect),
    );
  }
  L.push("```", "");
  L.push(
    "A policy file under `policies/organization/` enforces its constraint for the whole organization;",
    "to enforce it on a folder or project instead, change `organizations/ORG_ID` in its `name` to",
    "`folders/FOLDER_ID` or `projects/PROJECT_ID`. An advisory policy is written as `dryRunSpec` (the",
    "dry-run mode: violations are logged, nothing is denied); a disabled policy has no files.",
    `Most resource types accept at most ${GCP_MAX_CONSTRAINTS_PER_TYPE} custom constraints; these files use:`,
    "",
  );
  const perType = new Map<string, number>();
  for (const p of planned)
    for (const t of p.constraint.resourceTypes) perType.set(t, (perType.get(t) ?? 0) + 1);
  for (const [t, n] of [...perType].sort()) L.push(`- \`${t}\`: ${n}`);
  if (perType.size === 0) L.push("- none");
  L.push("");

  L.push("## What is covered", "");
  if (model.accelerators) {
    const g = model.accelerators;
    L.push(
      `- **${g.policy}** (${g.effect}): Compute Engine VMs, GKE node pools and GKE clusters (their default`,
      "  node pool and the node pools listed in the cluster's create request, `nodePools[].config`) whose",
      "  machine type is accelerator-optimized (A, G, CT and TPU series, by the data's machine families)",
      "  or that attach a GPU or TPU accelerator type, in a zone of a denied region.",
      `  acceleratorScope "${g.settings.acceleratorScope}".` +
        (mode === "allow-list"
          ? " Locations are an allow-list of the regions the policy allows, so a zone of a region the data does not know is denied, as the pack denies it."
          : " Locations are a deny-list of the denied regions (the allowed ones do not fit the 1,000-character condition), so a zone of a region the data does not know is allowed, where the pack denies it."),
    );
  }
  if (model.aiServices && aiLocations) {
    const g = model.aiServices;
    L.push(
      `- **${g.policy}** (${g.effect}): custom constraints cannot judge where Vertex AI resources run (their`,
      "  fields name no location) and `gcp.resourceLocations` cannot be limited to one service. So the",
      "  AI-service rule is a resource-location policy to set on the folders (or projects) that host AI",
      `  services: \`${aiLocations.allow}\` allows only the allowed regions (fails closed like the pack),`,
      `  \`${aiLocations.deny}\` denies the denied regions (weaker: a new region is allowed). Apply one;`,
      "  replace `folders/AI_FOLDER_ID` with the folder or project. It limits every service in that folder,",
      "  not only AI services. A value group Google does not offer your organization makes `set-policy`",
      "  fail: remove that line.",
    );
    if (g.effect === "audit") {
      L.push(
        "  The policy is advisory, so the files hold `dryRunSpec`: check that your organization accepts a",
        "  dry run of `gcp.resourceLocations` (`set-policy --update-mask=dryRunSpec`) before relying on it.",
      );
    }
  }
  if (model.accounts) {
    const g = model.accounts;
    L.push(
      projects.length > 0
        ? `- **${g.policy}** (${g.effect}): in the projects listed in restrictedAccounts (${projects.join(", ")}), GPU / TPU VMs, node pools and clusters and Vertex AI training jobs (CustomJob, HyperparameterTuningJob, NasJob) are denied in every location (policy files under \`policies/projects/\`).` +
            (deniedServices.length > 0
              ? ` Each of those projects also gets \`gcp.restrictServiceUsage.yaml\`, which denies the services ${deniedServices.map((x) => `\`${x}\``).join(", ")} (every Vertex AI resource, endpoints included). It is a list constraint: \`set-policy\` replaces a policy the project already has for it (merge its values first), and whoever may set policies on the project (or sets \`inheritFromParent\`/\`allowAll\` there) can undo it. It also cuts access to existing resources of those services, which the pack does not touch.` +
                (g.effect === "audit"
                  ? " The policy is advisory, so that file holds `dryRunSpec`: check that your organization accepts a dry run of `gcp.restrictServiceUsage` before relying on it."
                  : "")
              : "")
        : `- **${g.policy}** (${g.effect}): restrictedAccounts lists no Google Cloud project, so nothing is generated for it.`,
    );
  }
  for (const s of model.skipped) L.push(`- **${s.policy}**: not generated (${s.why}).`);
  L.push("");

  L.push("## AI services and their resource types", "");
  L.push(
    "| Pack module | Service | Resource type | Custom constraints | gcp.restrictServiceUsage | Source (reviewed) |",
    "|---|---|---|---|---|---|",
  );
  for (const m of aiModules()) {
    const rows = GCP_AI_SERVICE_RESOURCE_TYPES.filter((r) => r.module === m.module);
    if (rows.length === 0) L.push(`| \`${m.module}\` | ${m.service} | not mapped | — | — | — |`);
    for (const r of rows) {
      const rsu = GCP_RESTRICT_SERVICE_USAGE.find((x) => x.service === r.service);
      const rsuText = rsu
        ? `\`${r.service}\` ${rsu.restrictServiceUsage === "supported" ? "supported" : "not confirmed (not denied)"}, ${rsu.source} (${rsu.reviewed})`
        : `\`${r.service}\` not looked up`;
      L.push(
        `| \`${m.module}\` | ${m.service} | \`${r.resourceType}\` | ${r.customConstraints === "supported" ? "supported (no location field)" : "not documented"} | ${rsuText} | ${r.source} (${r.reviewed}) |`,
      );
    }
  }
  L.push("");

  L.push("## Where organization policy is weaker than the pack", "");
  L.push(
    "- Organization policy judges create and update requests only: resources that exist before a",
    "  policy is set are not touched.",
    "- Only resource types with custom-constraint support are judged. Cloud TPU nodes",
    "  (`tpu.googleapis.com/Node`), Vertex AI endpoints, Workbench notebooks, Dialogflow and Discovery",
    "  Engine were not found among them, so no constraint is generated for them (one Google Cloud would",
    "  reject); their location is governed only by the resource-location policy, where they enforce it.",
    "  In restricted projects, `gcp.restrictServiceUsage` denies the services of the table above marked",
    "  supported (Vertex AI); `notebooks`, `dialogflow` and `discoveryengine` could not be confirmed in",
    "  the list of services that constraint supports, so they are not denied there.",
    "- A GKE cluster's `location` is output-only in the GKE API, and custom constraints cannot read",
    "  output-only fields, so a cluster is judged by `locations` (its node zones). A cluster create",
    "  request that lists no `locations` (only a node pool's own `locations`, or none) is not judged by",
    "  location; in restricted projects it is judged regardless of location.",
    "- Node auto-provisioning is not covered: GPU limits in the cluster's `autoscaling.resourceLimits`",
    "  are not read, and whether the node pools GKE creates by itself pass through organization policy",
    "  was not verified.",
    "- Vertex AI training jobs carry accelerators but name no location, so GPUs in Vertex AI jobs are",
    "  judged only in restricted projects.",
    "- A GKE node pool without `locations` takes its cluster's zones, which the request does not carry,",
    "  so it is not judged by location.",
    "- Machine and accelerator types are matched in the lower-case form the Compute Engine and GKE APIs",
    "  use; the pack also reads other spellings.",
    "- Peering with listed foreign providers, foreign-provider resources and stacks tagged with a",
    "  jurisdiction (jurisdictionStackTag) have no organization-policy form.",
    "- Exemptions are Pulumi URN globs, which organization policy cannot see. Tag the exempted",
    "  resources (or their project) instead and add a rule that does not enforce for the tag, before the",
    "  enforcing rule:",
    "",
    "  ```yaml",
    "  spec:",
    "    rules:",
    "      - condition:",
    "          expression: \"resource.matchTag('ORG_ID/jurisdiction-guard-exempt', 'true')\"",
    "        enforce: false",
    "      - enforce: true",
    "  ```",
    "",
  );
  const exemptions = [model.accelerators, model.aiServices, model.accounts].flatMap((g) =>
    g ? g.exemptions.map((e) => ({ policy: g.policy, ...e })) : [],
  );
  if (exemptions.length > 0) {
    L.push("  The config's exemptions (not carried):", "");
    for (const e of exemptions) {
      L.push(
        `  - ${e.policy}: \`${e.resource}\` until ${e.expires}: ${e.reason}${e.approvedBy ? ` (approved by ${e.approvedBy})` : ""}`,
      );
    }
    L.push("");
  }
  if (warnings.length > 0) {
    L.push("## Warnings for this config", "");
    for (const w of warnings) L.push(`- ${w}`);
    L.push("");
  }
  return `${L.join("\n")}`;
}

export const GCP_ORG_POLICY: GuardrailTarget = {
  name: "gcp-org-policy",
  cloud: "gcp",
  description:
    "Google Cloud organization-policy custom constraints (CEL) and the policies that enforce them",
  compile: (model) => compileGcpOrgPolicy(model),
};
