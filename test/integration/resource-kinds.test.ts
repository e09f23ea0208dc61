// Every resource kind the pack reads, through the real pack process: each accelerator-selecting
// kind is denied by gpu-in-restricted-jurisdiction in restricted regions and allowed in us-east-1
// / westeurope, and each AI-service module is denied / allowed by
// ai-service-in-restricted-jurisdiction the same way. Azure kinds whose location belongs to a
// parent (AKS pool, Batch pool, OpenAI deployment, ML children …) are proven through the engine's
// whole sequence with the parent in the stack, where AnalyzeStack decides them.
//
// The guard tests derive the kinds from the pack's own tables, so a kind added to an extractor
// table (or an AI-service module) without a case here fails CI.
import type { EngineResource, Finding } from "../../cli/runner";
import { AI_SERVICE_MODULES, lookupAiService } from "../../policypack/src/catalogue/ai-services";
import { AWS_COMPUTE_EXTRACTORS } from "../../policypack/src/facts/aws/compute";
import {
  AZURE_COMPUTE_EXTRACTORS,
  AZURE_PARENT_NAME_PROPS,
  azureParentLink,
} from "../../policypack/src/facts/azure";
import { normaliseToken } from "../../policypack/src/facts/tokens";
import {
  AWS_AI_KINDS,
  AWS_GPU_KINDS,
  AZURE_AI_KINDS,
  AZURE_GPU_KINDS,
} from "../fixtures/resource-kinds";
import type { AwsKindCase, AzureKindCase } from "../fixtures/resource-kinds";
import { ResourceFactory } from "../support/engine";
import { AI_POLICY, GPU_POLICY, usePack } from "./harness";

const pack = usePack();
const f = new ResourceFactory();

type Policy = typeof GPU_POLICY | typeof AI_POLICY;

function slug(title: string): string {
  return title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 60);
}

/**
 * The packages whose kinds this file proves (the clouds the pack's facts describe). AI-service
 * modules of other packages, added to the table for clouds still being wired into the facts,
 * are named in OTHER_PACKAGES so that a new package fails the guard until someone decides.
 */
const COVERED_PACKAGES: ReadonlySet<string> = new Set(["aws", "azure-native"]);
const OTHER_PACKAGES: ReadonlySet<string> = new Set([
  "aws-native",
  "azure",
  "gcp",
  "alicloud",
  "huaweicloud",
]);

function packageOf(module: string): string {
  return module.split(":")[0] ?? module;
}

function moduleOf(token: string): string {
  const [provider = "", middle = ""] = normaliseToken(token).split(":");
  return `${provider}:${middle.split("/")[0] ?? ""}`.toLowerCase();
}

/** The findings of one policy for one resource, from Analyze (as the engine reports them). */
async function analyzeFindings(
  policy: Policy,
  resource: EngineResource,
  provider: EngineResource,
): Promise<Finding[]> {
  const { findings } = await pack.get().analyze(resource, { provider });
  return findings.filter((x) => x.policyName === policy);
}

// ── AWS ─────────────────────────────────────────────────────────────────────────────────────

const usEast1 = f.awsProvider("us-east-1");

interface AwsRoute {
  readonly route: string;
  readonly provider: EngineResource;
  /** The resource's own `region` input, when the route sets one. */
  readonly ownRegion?: string;
  /** Where the resource lands. */
  readonly region: string;
}

const AWS_RESTRICTED: readonly AwsRoute[] = [
  {
    route: "the default provider's cn-north-1 (aws:region)",
    provider: f.awsProvider("cn-north-1"),
    region: "cn-north-1",
  },
  {
    route: "an explicit provider in ap-east-1",
    provider: f.explicitProvider("aws", "hong-kong", { region: "ap-east-1" }),
    region: "ap-east-1",
  },
  {
    route: "its own region input ap-east-1 under a us-east-1 provider",
    provider: usEast1,
    ownRegion: "ap-east-1",
    region: "ap-east-1",
  },
];

function awsResource(k: AwsKindCase, route: AwsRoute | { provider: EngineResource }) {
  const region = "region" in route ? route.region : "us-east-1";
  const inputs = k.props(region);
  if ("ownRegion" in route && route.ownRegion !== undefined) inputs["region"] = route.ownRegion;
  return f.resource(k.type, slug(k.title), { provider: route.provider, inputs });
}

function describeAwsKinds(policy: Policy, kinds: readonly AwsKindCase[]): void {
  describe.each(kinds.map((k) => [`${k.title} (${k.type})`, k] as const))("%s", (_label, k) => {
    test.each(AWS_RESTRICTED)("is denied through $route", async (route) => {
      const found = await analyzeFindings(policy, awsResource(k, route), route.provider);
      expect(found.map((x) => x.enforcementLevel)).toEqual(["mandatory"]);
      expect(found[0]?.message).toContain(route.region);
    });

    test("is allowed in us-east-1", async () => {
      const found = await analyzeFindings(policy, awsResource(k, { provider: usEast1 }), usEast1);
      expect(found).toEqual([]);
    });
  });
}

// ── Azure ───────────────────────────────────────────────────────────────────────────────────

/** The default azure-native provider with no location of its own (nothing to fall back on). */
const azure = f.defaultProvider("azure-native", {});
const AZURE_RESTRICTED = ["chinaeast2", "eastasia"] as const;
const AZURE_ALLOWED = "westeurope";

function azureResource(k: AzureKindCase, location: string): EngineResource {
  return f.resource(k.type, slug(k.title), {
    provider: azure,
    inputs: { ...k.props, location },
  });
}

/** The child (without a location) and its parent in `location`, linked as a program links them. */
function parentStack(
  k: AzureKindCase,
  location: string,
): { resources: EngineResource[]; child: EngineResource } {
  const link = azureParentLink(k.type);
  if (!k.parent || !link) throw new Error(`${k.type} has no parent case or no parent link`);
  const parent = f.resource(k.parent.type, `${slug(k.title)}-parent`, {
    provider: azure,
    inputs: { ...k.parent.props, location },
  });
  const child = f.resource(k.type, slug(k.title), {
    provider: azure,
    inputs: k.props,
    dependsOn: [parent],
    propertyDependencies: { [link.via]: [parent] },
  });
  return { resources: [f.rootStack(), azure, parent, child], child };
}

async function stackFindings(
  policy: Policy,
  k: AzureKindCase,
  location: string,
): Promise<Finding[]> {
  const { resources, child } = parentStack(k, location);
  const report = await pack.get().evaluate(resources);
  return report.findings.filter((x) => x.urn === child.urn && x.policyName === policy);
}

function describeAzureKinds(policy: Policy, kinds: readonly AzureKindCase[]): void {
  describe.each(kinds.map((k) => [`${k.title} (${k.type})`, k] as const))("%s", (_label, k) => {
    if (k.ownLocation) {
      test.each(AZURE_RESTRICTED)("is denied with its own location %s", async (location) => {
        const found = await analyzeFindings(policy, azureResource(k, location), azure);
        expect(found.map((x) => x.enforcementLevel)).toEqual(["mandatory"]);
        expect(found[0]?.message).toContain(location);
      });

      test(`is allowed with its own location ${AZURE_ALLOWED}`, async () => {
        expect(await analyzeFindings(policy, azureResource(k, AZURE_ALLOWED), azure)).toEqual([]);
      });
    }

    const parent = k.parent;
    if (parent) {
      const parentKind = parent.type.split(":").pop() ?? parent.type;
      test.each(AZURE_RESTRICTED)(
        `is denied through its parent ${parentKind} in %s (AnalyzeStack)`,
        async (location) => {
          const found = await stackFindings(policy, k, location);
          expect(found.map((x) => x.enforcementLevel)).toEqual(["mandatory"]);
          expect(found[0]?.phase).toBe("analyzeStack");
          expect(found[0]?.message).toContain(location);
          expect(found[0]?.message).toContain(`parent ${parentKind}`);
        },
      );

      test(`is allowed through its parent ${parentKind} in ${AZURE_ALLOWED}`, async () => {
        expect(await stackFindings(policy, k, AZURE_ALLOWED)).toEqual([]);
      });
    }
  });
}

// ── The kinds ───────────────────────────────────────────────────────────────────────────────

describe(GPU_POLICY, () => {
  describe("AWS", () => describeAwsKinds(GPU_POLICY, AWS_GPU_KINDS));
  describe("Azure", () => describeAzureKinds(GPU_POLICY, AZURE_GPU_KINDS));
});

describe(AI_POLICY, () => {
  describe("AWS", () => describeAwsKinds(AI_POLICY, AWS_AI_KINDS));
  describe("Azure", () => describeAzureKinds(AI_POLICY, AZURE_AI_KINDS));
});

// ── Guards: the cases follow the pack's tables ──────────────────────────────────────────────

describe("the kind cases cover the pack's tables", () => {
  const allCases = [...AWS_GPU_KINDS, ...AZURE_GPU_KINDS, ...AWS_AI_KINDS, ...AZURE_AI_KINDS];
  const awsGpuTypes = new Set(AWS_GPU_KINDS.map((k) => k.type));
  const azureGpuTypes = new Set(AZURE_GPU_KINDS.map((k) => normaliseToken(k.type)));
  const aiModules = new Set([...AWS_AI_KINDS, ...AZURE_AI_KINDS].map((k) => moduleOf(k.type)));

  test("case titles are unique, so test names are", () => {
    const titles = allCases.map((k) => k.title);
    expect(new Set(titles).size).toBe(titles.length);
  });

  test.each([...AWS_COMPUTE_EXTRACTORS.keys()])("AWS compute kind %s has a GPU case", (token) => {
    expect(awsGpuTypes).toContain(token);
  });

  test.each([...AZURE_COMPUTE_EXTRACTORS.keys()])(
    "Azure compute kind %s has a GPU case",
    (token) => {
      expect(azureGpuTypes).toContain(token);
    },
  );

  test("every GPU case is a kind with an extractor (no stale tokens)", () => {
    const stale = [
      ...AWS_GPU_KINDS.filter((k) => !AWS_COMPUTE_EXTRACTORS.has(k.type)),
      ...AZURE_GPU_KINDS.filter((k) => !AZURE_COMPUTE_EXTRACTORS.has(normaliseToken(k.type))),
    ].map((k) => k.type);
    expect(stale).toEqual([]);
  });

  test.each(
    AI_SERVICE_MODULES.filter((m) => COVERED_PACKAGES.has(packageOf(m.module))).map(
      (m) => m.module,
    ),
  )("AI-service module %s has a representative case", (module) => {
    expect(aiModules).toContain(module.toLowerCase());
  });

  test("AI-service modules of other packages are known to be outside this file", () => {
    const unplanned = AI_SERVICE_MODULES.map((m) => packageOf(m.module)).filter(
      (p) => !COVERED_PACKAGES.has(p) && !OTHER_PACKAGES.has(p),
    );
    expect(unplanned).toEqual([]);
  });

  test("every AI case is an AI service by the pack's table", () => {
    const not = [...AWS_AI_KINDS, ...AZURE_AI_KINDS].filter((k) => !lookupAiService(k.type));
    expect(not.map((k) => k.type)).toEqual([]);
  });

  test("every Azure kind whose location may come from a parent is proven through that parent", () => {
    const missing = [...AZURE_GPU_KINDS, ...AZURE_AI_KINDS]
      .filter((k) => azureParentLink(k.type) !== undefined && k.parent === undefined)
      .map((k) => k.type);
    expect(missing).toEqual([]);
  });

  test("every Azure kind without a location of its own has a parent", () => {
    const stranded = [...AZURE_GPU_KINDS, ...AZURE_AI_KINDS]
      .filter((k) => !k.ownLocation && k.parent === undefined)
      .map((k) => k.type);
    expect(stranded).toEqual([]);
  });

  test("each parent case is of the linked parent kind and carries the name the child uses", () => {
    for (const k of [...AZURE_GPU_KINDS, ...AZURE_AI_KINDS]) {
      if (!k.parent) continue;
      const link = azureParentLink(k.type);
      expect({ kind: k.type, link: link !== undefined }).toEqual({ kind: k.type, link: true });
      if (!link) continue;
      const parentType = normaliseToken(k.parent.type);
      expect(link.parentTypes).toContain(parentType);
      const nameProp = AZURE_PARENT_NAME_PROPS.get(parentType) ?? "";
      expect({ kind: k.type, name: k.props[link.via] }).toEqual({
        kind: k.type,
        name: k.parent.props[nameProp],
      });
    }
  });
});
