// The gcp-org-policy target: every custom constraint's CEL condition is evaluated with a CEL
// library (@marcbachmann/cel-js, ESM only, run in a child `node` process: test/support/
// cel-eval.mjs) over sample requests built from the data tables — every judged Google Cloud
// region's zones and an unknown region, every machine family, accelerator type and TPU type plus
// synthetic future ones and CPU machine types, for VMs, GKE node pools and GKE clusters — and must
// deny exactly where the pack's policies deny. Known differences are named, never skipped.
import { spawnSync } from "child_process";
import * as path from "path";
import * as yaml from "js-yaml";
import type { GuardrailModel, PolicyEntry, ResolvedSettings } from "jurisdiction-guard/guardrails";
import {
  acceleratorCounts,
  AI_SERVICE_MODULES,
  classifyGcpAcceleratorType,
  classifyGcpMachineType,
  GCP_ACCELERATOR_RESOURCE_TYPES,
  GCP_ACCELERATOR_TYPES,
  GCP_AI_SERVICE_RESOURCE_TYPES,
  GCP_MACHINE_FAMILIES,
  GCP_RESTRICT_SERVICE_USAGE,
  GCP_TPU_TYPES,
  gcpRegionOfZone,
  guardrailModel,
  judgedRegions,
  judgeRegionName,
  OTHER_PACKAGE_AI_SERVICE_MODULES,
} from "jurisdiction-guard/guardrails";
import {
  compileGcpOrgPolicy,
  deniableAiServices,
  GCP_MAX_CONDITION_CHARS,
  GCP_ORG_POLICY,
  regionAlternation,
} from "../../../cli/guardrails/gcp-org-policy";
import type { GuardrailOutput } from "../../../cli/guardrails/types";
import { REPO_ROOT } from "../../support/paths";

const TODAY = "2026-12-07";
const CEL = path.join(REPO_ROOT, "test", "support", "cel-eval.mjs");

type Json = Record<string, unknown>;

/** Evaluates each condition on each resource in one child process. */
function evaluate(conditions: readonly string[], resources: readonly Json[]): boolean[][] {
  const r = spawnSync(process.execPath, [CEL], {
    input: JSON.stringify({ conditions, resources }),
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
  });
  if (r.status !== 0) throw new Error(`cel-eval failed: ${r.stderr}`);
  const rows = JSON.parse(r.stdout) as (boolean | string)[][];
  return rows.map((row, i) =>
    row.map((v, j) => {
      if (typeof v !== "boolean") {
        throw new Error(`${v} (condition ${j} on ${JSON.stringify(resources[i])})`);
      }
      return v;
    }),
  );
}

function entries(byPolicy: Record<string, ReturnType<PolicyEntry>>): PolicyEntry {
  return (policy) => byPolicy[policy] ?? {};
}

interface Constraint {
  name: string;
  resourceTypes: string[];
  methodTypes: string[];
  condition: string;
  actionType: string;
  displayName: string;
  description: string;
}
interface Policy {
  name: string;
  spec?: { rules: Json[] };
  dryRunSpec?: { rules: Json[] };
}

function filesUnder(out: GuardrailOutput, dir: string): { path: string; doc: unknown }[] {
  return out.files
    .filter((f) => f.path.startsWith(dir) && f.path.endsWith(".yaml"))
    .map((f) => ({ path: f.path, doc: yaml.load(f.content) }));
}

function constraintsOf(out: GuardrailOutput): Map<string, Constraint> {
  const byId = new Map<string, Constraint>();
  for (const { doc } of filesUnder(out, "constraints/")) {
    const c = doc as Constraint;
    byId.set(c.name.split("/").pop() ?? "", c);
  }
  return byId;
}

/** The constraints whose policy is set at `parent` ("organizations/ORG_ID", "projects/x"). */
function enforcedAt(out: GuardrailOutput, parent: string): { c: Constraint; policy: Policy }[] {
  const constraints = constraintsOf(out);
  return filesUnder(out, "policies/")
    .map(({ doc }) => doc as Policy)
    .filter((p) => p.name.startsWith(`${parent}/policies/custom.`))
    .map((policy) => {
      const c = constraints.get(policy.name.split("/").pop() ?? "");
      if (!c) throw new Error(`${policy.name}: no constraint file`);
      return { c, policy };
    });
}

// ── samples ──────────────────────────────────────────────────────────────────────────────────

const UNKNOWN_REGION = "mars-north9";
const CPU_TYPES = ["n1-standard-8", "e2-medium", "n2d-standard-2", "c3-standard-4", "g1-small"];
const FUTURE_MACHINES = ["a4x-ultragpu-4g", "a9-highgpu-8g", "g9-standard-4", "ct9p-hightpu-4t"];
const MORE_MACHINES = ["f1-micro", "m3-ultramem-32", "t2a-standard-1", "tpu9x-standard-4t", "a3"];

function machineTypes(): string[] {
  return [
    ...GCP_MACHINE_FAMILIES.map((e) => `${e.family}-8g`),
    ...FUTURE_MACHINES,
    ...MORE_MACHINES,
    ...CPU_TYPES,
  ];
}

function acceleratorTypes(): string[] {
  return [
    ...GCP_ACCELERATOR_TYPES.map((e) => e.family),
    ...GCP_ACCELERATOR_TYPES.slice(0, 4).map((e) => `${e.family}-vws`),
    ...GCP_TPU_TYPES.map((e) => `tpu-${e.family}-8`),
    "nvidia-b300",
    "nvidia-tesla-t4-foo",
    "tpu-v8-16",
    "amd-mi300x",
  ];
}

interface Sample {
  readonly kind: string;
  readonly resource: Json;
  readonly region: string;
  readonly machine?: string;
  readonly accelerator?: string;
}

/** Zonal regions the pack judges, and one it does not know. */
function regionsOf(settings: ResolvedSettings): string[] {
  return [
    ...judgedRegions("gcp", settings)
      .map((r) => r.name)
      .filter((n) => gcpRegionOfZone(`${n}-b`) === n),
    UNKNOWN_REGION,
  ];
}

function samples(settings: ResolvedSettings): Sample[] {
  const out: Sample[] = [];
  for (const region of regionsOf(settings)) {
    const zone = `${region}-b`;
    const selfLink = (kind: string, name: string) =>
      `projects/a3-proj/zones/${zone}/${kind}/${name}`;
    for (const [i, mt] of machineTypes().entries()) {
      // Alternate a bare name and a partial URL (whose project ID looks like a GPU family).
      const value = i % 2 === 0 ? mt : selfLink("machineTypes", mt);
      const z = i % 3 === 0 ? `projects/p/zones/${zone}` : zone;
      out.push({ kind: "Vm", region, machine: mt, resource: { machineType: value, zone: z } });
      out.push({
        kind: "GkeNodePool",
        region,
        machine: mt,
        resource: { config: { machineType: mt }, locations: [zone] },
      });
      out.push({
        kind: "GkeCluster",
        region,
        machine: mt,
        resource: { nodeConfig: { machineType: mt }, locations: [zone] },
      });
      // A cluster whose default pool is CPU and whose create request lists a second pool.
      out.push({
        kind: "GkeCluster",
        region,
        machine: mt,
        // No nodeConfig: a request with node pools sets none.
        resource: {
          nodePools: [
            { name: "cpu", config: { machineType: "e2-medium" } },
            { name: "extra", config: { machineType: value }, locations: [zone] },
          ],
          locations: [zone],
        },
      });
    }
    for (const [i, at] of acceleratorTypes().entries()) {
      const value = i % 2 === 0 ? at : selfLink("acceleratorTypes", at);
      const accelerators = [{ acceleratorType: value, acceleratorCount: 1 }];
      out.push({
        kind: "Vm",
        region,
        accelerator: at,
        resource: { machineType: "n1-standard-8", zone, guestAccelerators: accelerators },
      });
      out.push({
        kind: "GkeNodePool",
        region,
        accelerator: at,
        resource: { config: { machineType: "n1-standard-8", accelerators }, locations: [zone] },
      });
      out.push({
        kind: "GkeCluster",
        region,
        accelerator: at,
        resource: { nodeConfig: { machineType: "n1-standard-8", accelerators }, locations: [zone] },
      });
      out.push({
        kind: "GkeCluster",
        region,
        accelerator: at,
        resource: {
          nodeConfig: { machineType: "n1-standard-8" },
          nodePools: [
            { name: "cpu", config: { machineType: "e2-medium" } },
            { name: "extra", config: { machineType: "n1-standard-8", accelerators } },
          ],
          locations: [zone],
        },
      });
    }
  }
  return out;
}

/** Whether the sample carries an accelerator that counts under the settings' scope. */
function counts(s: Sample, settings: Pick<ResolvedSettings, "acceleratorScope">): boolean {
  const info =
    s.machine !== undefined
      ? classifyGcpMachineType(s.machine)
      : classifyGcpAcceleratorType(s.accelerator ?? "");
  return acceleratorCounts(info, settings);
}

/** What the constraints enforced at `parent` decide for each sample (denied or not). */
function decide(out: GuardrailOutput, parent: string, all: readonly Sample[]): boolean[] {
  const enforced = enforcedAt(out, parent);
  const decided: boolean[] = [];
  const byKind = new Map<string, number[]>();
  all.forEach((s, i) => byKind.set(s.kind, [...(byKind.get(s.kind) ?? []), i]));
  for (const kind of GCP_ACCELERATOR_RESOURCE_TYPES) {
    const idx = byKind.get(kind.id) ?? [];
    const conditions = enforced
      .filter((e) => e.c.resourceTypes.includes(kind.resourceType))
      .map((e) => e.c.condition);
    const rows = evaluate(
      conditions,
      idx.map((i) => all[i]?.resource ?? {}),
    );
    idx.forEach((sampleIndex, k) => {
      decided[sampleIndex] = (rows[k] ?? []).some(Boolean);
    });
  }
  return decided;
}

interface Difference {
  readonly kind: string;
  readonly region: string;
  readonly name: string;
  readonly pack: boolean;
  readonly constraints: boolean;
}

function differences(
  all: readonly Sample[],
  decided: readonly boolean[],
  truth: (s: Sample) => boolean,
) {
  const out: Difference[] = [];
  all.forEach((s, i) => {
    const pack = truth(s);
    if (pack !== decided[i]) {
      out.push({
        kind: s.kind,
        region: s.region,
        name: s.machine ?? s.accelerator ?? "",
        pack,
        constraints: decided[i] ?? false,
      });
    }
  });
  return out;
}

// ── configs ──────────────────────────────────────────────────────────────────────────────────

const CONFIGS: Record<string, PolicyEntry> = {
  default: () => ({}),
  "export-controlled, US restricted but us-east1 allowed, advisory AI, a restricted project":
    entries({
      "gpu-in-restricted-jurisdiction": {
        properties: {
          acceleratorScope: "export-controlled",
          restrictedJurisdictions: ["default", "US"],
          allowedRegions: ["us-east1"],
          restrictedRegions: ["europe-west4"],
        },
      },
      "ai-service-in-restricted-jurisdiction": {
        enforcementLevel: "advisory",
        properties: { restrictedJurisdictions: ["CN", "HK"] },
      },
      "gpu-or-ai-in-restricted-account": {
        properties: {
          acceleratorScope: "export-controlled",
          restrictedAccounts: [
            { id: "cn-jv-project", jurisdiction: "CN" },
            { id: "123456789012" },
            { id: "hk-research-01" },
          ],
        },
      },
    }),
  "only CN restricted, accounts advisory": entries({
    "gpu-in-restricted-jurisdiction": { properties: { restrictedJurisdictions: ["CN"] } },
    "ai-service-in-restricted-jurisdiction": { enforcementLevel: "disabled" },
    "gpu-or-ai-in-restricted-account": {
      enforcementLevel: "advisory",
      properties: { restrictedAccounts: [{ id: "cn-jv-project" }] },
    },
  }),
};

function modelOf(name: string): GuardrailModel {
  const entry = CONFIGS[name];
  if (!entry) throw new Error(name);
  return guardrailModel(entry, TODAY);
}

describe.each(Object.keys(CONFIGS))("gcp-org-policy under config: %s", (name) => {
  const model = modelOf(name);
  const out = GCP_ORG_POLICY.compile(model, { scpMaxChars: 5120 });

  test("every constraint and policy file has the fields gcloud expects, within Google's limits", () => {
    const constraints = [...constraintsOf(out).values()];
    expect(constraints.length).toBeGreaterThan(0);
    for (const c of constraints) {
      expect(c.name).toMatch(
        /^organizations\/ORG_ID\/customConstraints\/custom\.[A-Za-z0-9]{1,70}$/,
      );
      expect(c.resourceTypes).toHaveLength(1);
      expect(c.methodTypes).toEqual(["CREATE", "UPDATE"]);
      expect(c.actionType).toBe("DENY");
      expect(c.condition.length).toBeGreaterThan(0);
      expect(c.condition.length).toBeLessThanOrEqual(GCP_MAX_CONDITION_CHARS);
      expect(c.displayName.length).toBeLessThanOrEqual(200);
      expect(c.description.length).toBeLessThanOrEqual(2000);
      expect(c.description).toMatch(
        /policy (gpu-in-restricted-jurisdiction|gpu-or-ai-in-restricted-account)/,
      );
      expect(c.description).toMatch(/reviewed \d{4}-\d{2}-\d{2}/);
    }
    for (const { doc } of filesUnder(out, "policies/")) {
      const p = doc as Policy;
      expect(p.name).toMatch(
        /^(organizations\/ORG_ID|projects\/[a-z][a-z0-9-]+|folders\/AI_FOLDER_ID)\/policies\//,
      );
      // Exactly one of spec (enforced) and dryRunSpec (advisory).
      expect(Boolean(p.spec) !== Boolean(p.dryRunSpec)).toBe(true);
    }
    expect(out.files.map((f) => f.path)).toContain("COVERAGE.md");
  });

  test("policies are enforced for mandatory policies and dry-run for advisory ones", () => {
    for (const { c, policy } of [
      ...enforcedAt(out, "organizations/ORG_ID"),
      ...["cn-jv-project", "hk-research-01"].flatMap((p) => enforcedAt(out, `projects/${p}`)),
    ]) {
      const g = c.description.includes("gpu-or-ai-in-restricted-account")
        ? model.accounts
        : model.accelerators;
      expect(g).toBeDefined();
      if (g?.effect === "deny") expect(policy.spec?.rules).toEqual([{ enforce: true }]);
      else expect(policy.dryRunSpec?.rules).toEqual([{ enforce: true }]);
    }
  });

  test("the organization-wide constraints deny exactly where gpu-in-restricted-jurisdiction does", () => {
    const g = model.accelerators;
    expect(g).toBeDefined();
    if (!g) return;
    const all = samples(g.settings);
    const decided = decide(out, "organizations/ORG_ID", all);
    const truth = (s: Sample) =>
      counts(s, g.settings) && judgeRegionName("gcp", s.region, g.settings).denied;
    expect(differences(all, decided, truth)).toEqual([]);
    // The matrix is not vacuous: both outcomes occur, for every resource kind.
    for (const kind of GCP_ACCELERATOR_RESOURCE_TYPES) {
      const mine = all.map((s, i) => [s, decided[i]] as const).filter(([s]) => s.kind === kind.id);
      expect(mine.some(([, d]) => d)).toBe(true);
      expect(mine.some(([, d]) => !d)).toBe(true);
    }
  });

  test("the deny-list fallback denies where the pack does, except in regions the data does not know", () => {
    const g = model.accelerators;
    if (!g) return;
    const denyList = compileGcpOrgPolicy(model, { locationMode: "deny-list" });
    expect(denyList.warnings.join("\n")).toContain("fails closed");
    const all = samples(g.settings);
    const decided = decide(denyList, "organizations/ORG_ID", all);
    const truth = (s: Sample) =>
      counts(s, g.settings) && judgeRegionName("gcp", s.region, g.settings).denied;
    const diff = differences(all, decided, truth);
    // Known difference: a counted accelerator in an unknown region, which the pack denies.
    const expected = all
      .filter((s) => s.region === UNKNOWN_REGION && counts(s, g.settings))
      .map((s) => ({ kind: s.kind, region: s.region, name: s.machine ?? s.accelerator ?? "" }));
    expect(diff.map((d) => ({ kind: d.kind, region: d.region, name: d.name }))).toEqual(expected);
    expect(diff.every((d) => d.pack && !d.constraints)).toBe(true);
    expect(expected.length).toBeGreaterThan(0);
  });

  test("restricted projects deny GPU/TPU and Vertex AI training jobs in every location", () => {
    const g = model.accounts;
    const projects = g
      ? [...g.settings.restrictedAccounts.keys()].filter((k) =>
          /^[a-z][a-z0-9-]{4,28}[a-z0-9]$/.test(k),
        )
      : [];
    if (!g || projects.length === 0) {
      expect(filesUnder(out, "policies/projects/")).toEqual([]);
      return;
    }
    for (const project of projects) {
      const all = samples(g.settings);
      const decided = decide(out, `projects/${project}`, all);
      expect(differences(all, decided, (s) => counts(s, g.settings))).toEqual([]);
      const enforced = enforcedAt(out, `projects/${project}`);
      for (const row of GCP_AI_SERVICE_RESOURCE_TYPES.filter(
        (r) => r.customConstraints === "supported",
      )) {
        const conditions = enforced
          .filter((e) => e.c.resourceTypes.includes(row.resourceType))
          .map((e) => e.c.condition);
        expect(conditions).toHaveLength(1);
        // A request with one worker pool (the minimum a valid job has) is denied.
        const field = (row.requiredField ?? "").replace(/^resource\./, "").split(".");
        const job: Json = {};
        let at: Json = job;
        field.forEach((k, i) => {
          const next: Json | Json[] =
            i === field.length - 1 ? [{ machineSpec: { machineType: "n1-standard-4" } }] : {};
          at[k] = next;
          if (!Array.isArray(next)) at = next;
        });
        expect(evaluate(conditions, [job])).toEqual([[true]]);
      }
    }
    // The AWS account ID in restrictedAccounts is not a project.
    expect(out.files.some((f) => f.path.includes("123456789012"))).toBe(false);
  });

  test("the AI folders' resource-location policies list the regions ai-service-in-restricted-jurisdiction allows or denies", () => {
    const g = model.aiServices;
    const allowFile = out.files.find((f) => f.path.endsWith("gcp.resourceLocations.allow.yaml"));
    const denyFile = out.files.find((f) => f.path.endsWith("gcp.resourceLocations.deny.yaml"));
    if (!g) {
      expect(allowFile).toBeUndefined();
      expect(denyFile).toBeUndefined();
      return;
    }
    const values = (content: string | undefined, key: string): Set<string> => {
      const p = yaml.load(content ?? "") as Policy;
      const spec = g.effect === "deny" ? p.spec : p.dryRunSpec;
      expect(spec).toBeDefined();
      const rule = spec?.rules[0] as { values: Record<string, string[]> };
      return new Set(rule.values[key] ?? []);
    };
    const allowed = values(allowFile?.content, "allowedValues");
    const denied = values(denyFile?.content, "deniedValues");
    const valueOf = (region: string) =>
      gcpRegionOfZone(`${region}-b`) === region ? `in:${region}-locations` : region;
    for (const r of judgedRegions("gcp", g.settings).filter((x) => !x.entry?.retired)) {
      expect({ region: r.name, allowed: allowed.has(valueOf(r.name)) }).toEqual({
        region: r.name,
        allowed: !r.denied,
      });
      expect({ region: r.name, denied: denied.has(valueOf(r.name)) }).toEqual({
        region: r.name,
        denied: r.denied,
      });
    }
    // An unknown region: the allow-list denies it as the pack does; the deny-list (known
    // difference, said in COVERAGE.md) lets it through.
    expect(judgeRegionName("gcp", UNKNOWN_REGION, g.settings).denied).toBe(true);
    expect(allowed.has(valueOf(UNKNOWN_REGION))).toBe(false);
    expect(denied.has(valueOf(UNKNOWN_REGION))).toBe(false);
  });

  test("the output is the same for the same config and day", () => {
    const again = GCP_ORG_POLICY.compile(modelOf(name), { scpMaxChars: 5120 });
    expect(again).toEqual(out);
  });
});

describe("gcp-org-policy details", () => {
  test("region names fold by their stem", () => {
    expect(regionAlternation(["europe-west1", "europe-west10", "us-east1"])).toBe(
      "(europe-west(1|10)|us-east1)",
    );
    expect(regionAlternation(["asia-east2"])).toBe("asia-east2");
  });

  test("a disabled policy has no files; an advisory one is dry-run; COVERAGE.md names the exemptions", () => {
    const model = guardrailModel(
      entries({
        "gpu-in-restricted-jurisdiction": { enforcementLevel: "disabled" },
        "ai-service-in-restricted-jurisdiction": {
          enforcementLevel: "advisory",
          properties: {
            exemptions: [
              {
                resource: "urn:pulumi:prod::ml::gcp:vertex/aiEndpoint:AiEndpoint::hk",
                reason: "pilot",
                expires: "2027-01-31",
                approvedBy: "ciso",
              },
            ],
          },
        },
      }),
      TODAY,
    );
    const out = GCP_ORG_POLICY.compile(model, { scpMaxChars: 5120 });
    expect(out.files.some((f) => f.path.includes("jgGpu"))).toBe(false);
    const coverage = out.files.find((f) => f.path === "COVERAGE.md")?.content ?? "";
    expect(coverage).toContain("gpu-in-restricted-jurisdiction**: not generated (disabled");
    expect(coverage).toContain("urn:pulumi:prod::ml::gcp:vertex/aiEndpoint:AiEndpoint::hk");
    expect(coverage).toContain("resource.matchTag(");
    expect(out.warnings.join("\n")).toContain("exemption");
    const allow = yaml.load(
      out.files.find((f) => f.path.endsWith("allow.yaml"))?.content ?? "",
    ) as Policy;
    expect(allow.spec).toBeUndefined();
    expect(allow.dryRunSpec).toBeDefined();
  });

  test("known difference: a GPU node pool that lists no zones is not judged by location", () => {
    // The pack judges such a pool by its cluster's location; the request does not carry it.
    const model = guardrailModel(() => ({}), TODAY);
    const out = GCP_ORG_POLICY.compile(model, { scpMaxChars: 5120 });
    const conditions = enforcedAt(out, "organizations/ORG_ID")
      .filter((e) => e.c.resourceTypes.includes("container.googleapis.com/NodePool"))
      .map((e) => e.c.condition);
    const gpu = { config: { machineType: "a3-highgpu-8g" } };
    expect(evaluate(conditions, [gpu, { ...gpu, locations: ["asia-east2-a"] }])).toEqual([
      conditions.map(() => false),
      conditions.map(() => true),
    ]);
    const coverage = out.files.find((f) => f.path === "COVERAGE.md")?.content ?? "";
    expect(coverage).toContain("A GKE node pool without `locations` takes its cluster's zones");
  });

  test("known difference: a GKE cluster is judged by `locations`, not by `location` (output-only), so a request without `locations` is not judged by location", () => {
    // The pack judges the cluster by its location; custom constraints cannot read output-only
    // fields, and the Cluster's `location` is output-only in the GKE API v1 reference.
    const model = guardrailModel(() => ({}), TODAY);
    const out = GCP_ORG_POLICY.compile(model, { scpMaxChars: 5120 });
    const conditions = enforcedAt(out, "organizations/ORG_ID")
      .filter((e) => e.c.resourceTypes.includes("container.googleapis.com/Cluster"))
      .map((e) => e.c.condition);
    expect(conditions.join("\n")).not.toMatch(/resource\.location\b(?!s)/);
    const pools = [{ name: "gpu", config: { machineType: "a3-highgpu-8g" } }];
    const denied = (r: Json) => (evaluate(conditions, [r])[0] ?? []).some(Boolean);
    expect(
      judgeRegionName("gcp", "asia-east2", model.accelerators?.settings ?? ({} as ResolvedSettings))
        .denied,
    ).toBe(true);
    expect(denied({ nodePools: pools, location: "asia-east2" })).toBe(false);
    expect(denied({ nodePools: [{ ...pools[0], locations: ["asia-east2-a"] }] })).toBe(false);
    expect(denied({ nodePools: pools, locations: ["asia-east2-a"] })).toBe(true);
    const coverage = out.files.find((f) => f.path === "COVERAGE.md")?.content ?? "";
    expect(coverage).toContain("A GKE cluster's `location` is output-only");
    expect(coverage).toContain("Node auto-provisioning is not covered");
  });

  test("restricted projects get a gcp.restrictServiceUsage policy denying the AI services it supports", () => {
    const model = modelOf(
      "export-controlled, US restricted but us-east1 allowed, advisory AI, a restricted project",
    );
    const out = GCP_ORG_POLICY.compile(model, { scpMaxChars: 5120 });
    const supported = new Set(
      GCP_RESTRICT_SERVICE_USAGE.filter((r) => r.restrictServiceUsage === "supported").map(
        (r) => r.service,
      ),
    );
    const expected = [
      ...new Set(
        GCP_AI_SERVICE_RESOURCE_TYPES.filter((r) => supported.has(r.service)).map((r) => r.service),
      ),
    ].sort();
    expect(expected).toContain("aiplatform.googleapis.com");
    expect(deniableAiServices()).toEqual(expected);
    for (const project of ["cn-jv-project", "hk-research-01"]) {
      const file = out.files.find(
        (f) => f.path === `policies/projects/${project}/gcp.restrictServiceUsage.yaml`,
      );
      const p = yaml.load(file?.content ?? "") as Policy;
      expect(p.name).toBe(`projects/${project}/policies/gcp.restrictServiceUsage`);
      // gpu-or-ai-in-restricted-account is mandatory here: enforced.
      expect(p.dryRunSpec).toBeUndefined();
      expect(p.spec?.rules).toEqual([{ values: { deniedValues: expected } }]);
    }
    // Every AI service row is either denied by a constraint or by the service policy, or named
    // in the warning.
    const warning =
      out.warnings.find((w) => w.startsWith("gpu-or-ai-in-restricted-account:")) ?? "";
    for (const r of GCP_AI_SERVICE_RESOURCE_TYPES) {
      const covered = r.customConstraints === "supported" || supported.has(r.service);
      expect({ type: r.resourceType, warned: warning.includes(r.resourceType) }).toEqual({
        type: r.resourceType,
        warned: !covered,
      });
    }
    const coverage = out.files.find((f) => f.path === "COVERAGE.md")?.content ?? "";
    expect(coverage).toContain("gcp.restrictServiceUsage.yaml");
    expect(coverage).toContain("It is a list constraint");
    // Advisory accounts policy: dry run. No restricted project: no file.
    const advisory = GCP_ORG_POLICY.compile(modelOf("only CN restricted, accounts advisory"), {
      scpMaxChars: 5120,
    });
    const adv = yaml.load(
      advisory.files.find((f) => f.path.endsWith("gcp.restrictServiceUsage.yaml"))?.content ?? "",
    ) as Policy;
    expect(adv.spec).toBeUndefined();
    expect(adv.dryRunSpec?.rules).toEqual([{ values: { deniedValues: expected } }]);
    expect(advisory.files.find((f) => f.path === "COVERAGE.md")?.content).toContain(
      "dry run of `gcp.restrictServiceUsage`",
    );
    const none = GCP_ORG_POLICY.compile(modelOf("default"), { scpMaxChars: 5120 });
    expect(none.files.some((f) => f.path.includes("restrictServiceUsage"))).toBe(false);
  });

  test("every AI-service row names a pack module of Google Cloud", () => {
    const modules = new Set(
      [...AI_SERVICE_MODULES, ...OTHER_PACKAGE_AI_SERVICE_MODULES].map((r) => r.module),
    );
    for (const row of GCP_AI_SERVICE_RESOURCE_TYPES) expect(modules.has(row.module)).toBe(true);
  });
});
