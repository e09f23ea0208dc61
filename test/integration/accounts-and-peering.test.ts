// Issue #3 through the real pack process: GPU and AI resources deployed through accounts tied to
// restricted jurisdictions (gpu-or-ai-in-restricted-account), peerings and interconnects with
// listed foreign providers (peering-with-listed-foreign-provider, every kind of the pack's
// interconnect tables), and resources of listed providers' own Pulumi packages
// (listed-foreign-provider-resource, advisory by default).
//
// The pack runs with the organisation's config (PEERING_POLICY_CONFIG: a JV account and
// subscription in restrictedAccounts, a partner cloud in foreignProviders) and the stack tag
// jurisdiction=US; a second pack runs the same stack tagged jurisdiction=CN.
import { UNKNOWN } from "../../cli/runner";
import type { EngineResource, Finding, PropertyMap } from "../../cli/runner";
import { verdictsByName } from "../../cli/program/evaluate";
import { AWS_INTERCONNECT_EXTRACTORS } from "../../policypack/src/facts/aws/interconnect";
import { AWS_NATIVE_INTERCONNECT_EXTRACTORS } from "../../policypack/src/facts/aws-native/interconnect";
import { AZURE_INTERCONNECT_EXTRACTORS } from "../../policypack/src/facts/azure/interconnect";
import { AZURE_CLASSIC_INTERCONNECT_EXTRACTORS } from "../../policypack/src/facts/azure-classic/interconnect";
import { GCP_INTERCONNECT_EXTRACTORS } from "../../policypack/src/facts/gcp/interconnect";
import type { InterconnectExtractor } from "../../policypack/src/facts/peers";
import { normaliseToken } from "../../policypack/src/facts/tokens";
import {
  AWS_INTERCONNECT_CASES,
  AWS_NATIVE_INTERCONNECT_CASES,
  AZURE_CLASSIC_INTERCONNECT_CASES,
  AZURE_INTERCONNECT_CASES,
  EMPTY_PEER_KINDS,
  GCP_INTERCONNECT_CASES,
  JURISDICTION_CASES,
  JV_ACCOUNT,
  JV_SUBSCRIPTION,
  OWN_ACCOUNT,
  OWN_PROJECT,
  OWN_SUBSCRIPTION,
  PEERING_POLICY_CONFIG,
} from "../fixtures/interconnect-kinds";
import type { InterconnectCase } from "../fixtures/interconnect-kinds";
import { ResourceFactory } from "../support/engine";
import { usePack } from "./harness";

const ACCOUNT_POLICY = "gpu-or-ai-in-restricted-account";
const PEERING_POLICY = "peering-with-listed-foreign-provider";
const PACKAGE_POLICY = "listed-foreign-provider-resource";

const pack = usePack({ policyConfig: PEERING_POLICY_CONFIG, stackTags: { jurisdiction: "US" } });
const f = new ResourceFactory();

async function findingsOf(
  policy: string,
  resource: EngineResource,
  provider: EngineResource,
  session = pack.get(),
): Promise<Finding[]> {
  const { findings } = await session.analyze(resource, { provider });
  return findings.filter((x) => x.policyName === policy);
}

// ── gpu-or-ai-in-restricted-account ─────────────────────────────────────────────────────────

interface Subject {
  readonly what: string;
  readonly type: string;
  readonly inputs: PropertyMap;
}

const AWS_SUBJECTS: readonly Subject[] = [
  {
    what: "a p5.48xlarge instance",
    type: "aws:ec2/instance:Instance",
    inputs: { ami: "ami-0a1b2c3d4e5f60718", instanceType: "p5.48xlarge" },
  },
  {
    what: "a Bedrock agent",
    type: "aws:bedrock/agentAgent:AgentAgent",
    inputs: {
      agentName: "support-agent",
      foundationModel: "anthropic.claude-3-5-sonnet-20240620-v1:0",
    },
  },
];

const AZURE_SUBJECTS: readonly Subject[] = [
  {
    what: "a Standard_ND96asr_v4 VM",
    type: "azure-native:compute:VirtualMachine",
    inputs: {
      resourceGroupName: "rg-gpu",
      vmName: "train-0",
      location: "westeurope",
      hardwareProfile: { vmSize: "Standard_ND96asr_v4" },
    },
  },
  {
    what: "an Azure OpenAI account",
    type: "azure-native:cognitiveservices:Account",
    inputs: {
      resourceGroupName: "rg-ai",
      accountName: "oai-acme",
      location: "westeurope",
      kind: "OpenAI",
      sku: { name: "S0" },
    },
  },
];

interface AccountRoute {
  readonly route: string;
  readonly denied: PropertyMap;
  readonly allowed: PropertyMap;
  /** Text the finding must contain: the tie that matched. */
  readonly shows: string;
}

const AWS_ROUTES: readonly AccountRoute[] = [
  {
    route: "an arn:aws-cn role in assumeRoles sent as a JSON string (explicit provider)",
    denied: {
      region: "us-east-1",
      assumeRoles: JSON.stringify([
        { roleArn: `arn:aws-cn:iam::${OWN_ACCOUNT}:role/gpu-deployer`, sessionName: "ci" },
      ]),
    },
    allowed: {
      region: "us-east-1",
      assumeRoles: JSON.stringify([
        { roleArn: `arn:aws:iam::${OWN_ACCOUNT}:role/gpu-deployer`, sessionName: "ci" },
      ]),
    },
    shows: "aws-cn",
  },
  {
    route: "an arn:aws-cn role in assumeRoles sent as a list",
    denied: {
      region: "us-east-1",
      assumeRoles: [{ roleArn: `arn:aws-cn:iam::${OWN_ACCOUNT}:role/gpu-deployer` }],
    },
    allowed: {
      region: "us-east-1",
      assumeRoles: [{ roleArn: `arn:aws:iam::${OWN_ACCOUNT}:role/gpu-deployer` }],
    },
    shows: "aws-cn",
  },
  {
    route: "allowedAccountIds naming an account listed in restrictedAccounts",
    denied: { region: "us-east-1", allowedAccountIds: JSON.stringify([JV_ACCOUNT]) },
    allowed: { region: "us-east-1", allowedAccountIds: JSON.stringify([OWN_ACCOUNT]) },
    shows: JV_ACCOUNT,
  },
  {
    route: "allowedAccountIds (as a list) naming an account listed in restrictedAccounts",
    denied: { region: "us-east-1", allowedAccountIds: [JV_ACCOUNT] },
    allowed: { region: "us-east-1", allowedAccountIds: [OWN_ACCOUNT] },
    shows: "restrictedAccounts",
  },
];

const AZURE_ROUTES: readonly AccountRoute[] = [
  {
    route: "environment china",
    denied: { environment: "china" },
    allowed: { environment: "public" },
    shows: "china",
  },
  {
    route: "a metadataHost in the Azure China cloud",
    denied: { metadataHost: "management.chinacloudapi.cn" },
    allowed: { metadataHost: "management.azure.com" },
    shows: "management.chinacloudapi.cn",
  },
  {
    route: "a subscriptionId listed in restrictedAccounts",
    denied: { subscriptionId: JV_SUBSCRIPTION },
    allowed: { subscriptionId: OWN_SUBSCRIPTION },
    shows: JV_SUBSCRIPTION,
  },
];

function describeAccountRoutes(
  cloud: "aws" | "azure-native",
  subjects: readonly Subject[],
  routes: readonly AccountRoute[],
): void {
  const rows = subjects.flatMap((s) => routes.map((r) => [s.what, r.route, s, r] as const));
  describe.each(rows)("%s through %s", (_what, _route, subject, route) => {
    test("is denied", async () => {
      const provider = f.explicitProvider(cloud, "restricted", route.denied);
      const r = f.resource(subject.type, "subject", { provider, inputs: subject.inputs });
      const found = await findingsOf(ACCOUNT_POLICY, r, provider);
      expect(found.map((x) => x.enforcementLevel)).toEqual(["mandatory"]);
      expect(found[0]?.message).toContain(route.shows);
    });

    test("is allowed with an approved value", async () => {
      const provider = f.explicitProvider(cloud, "approved", route.allowed);
      const r = f.resource(subject.type, "subject", { provider, inputs: subject.inputs });
      expect(await findingsOf(ACCOUNT_POLICY, r, provider)).toEqual([]);
    });
  });
}

describe(ACCOUNT_POLICY, () => {
  describe("AWS provider", () => describeAccountRoutes("aws", AWS_SUBJECTS, AWS_ROUTES));
  describe("Azure provider", () =>
    describeAccountRoutes("azure-native", AZURE_SUBJECTS, AZURE_ROUTES));

  describe("stack tag jurisdiction (ConfigureStack tags)", () => {
    const tagged = usePack({
      policyConfig: PEERING_POLICY_CONFIG,
      stackTags: { jurisdiction: "CN" },
    });
    const usEast1 = f.awsProvider("us-east-1");
    const subjects = [...AWS_SUBJECTS, AZURE_SUBJECTS[0]].filter(
      (s): s is Subject => s !== undefined,
    );
    const providerFor = (s: Subject) =>
      s.type.startsWith("aws:") ? usEast1 : f.defaultProvider("azure-native", {});

    test.each(subjects.map((s) => [s.what, s] as const))(
      "%s in a stack tagged jurisdiction=CN is denied",
      async (_what, s) => {
        const provider = providerFor(s);
        const r = f.resource(s.type, "subject", { provider, inputs: s.inputs });
        const found = await findingsOf(ACCOUNT_POLICY, r, provider, tagged.get());
        expect(found.map((x) => x.enforcementLevel)).toEqual(["mandatory"]);
        expect(found[0]?.message).toContain("jurisdiction=CN");
      },
    );

    test.each(subjects.map((s) => [s.what, s] as const))(
      "%s in a stack tagged jurisdiction=US is allowed",
      async (_what, s) => {
        const provider = providerFor(s);
        const r = f.resource(s.type, "subject", { provider, inputs: s.inputs });
        expect(await findingsOf(ACCOUNT_POLICY, r, provider)).toEqual([]);
      },
    );
  });
});

// ── peering-with-listed-foreign-provider ────────────────────────────────────────────────────

const usEast1 = f.awsProvider("us-east-1");
const azure = f.defaultProvider("azure-native", { location: "westeurope" });
const gcp = f.defaultProvider("gcp", { project: OWN_PROJECT, region: "us-central1" });
const awsNative = f.defaultProvider("aws-native", { region: "us-east-1" });
const azureClassic = f.defaultProvider("azure", { subscriptionId: OWN_SUBSCRIPTION });

/** Every interconnect table with its cases, by package. */
const TABLES: readonly {
  readonly name: string;
  readonly table: ReadonlyMap<string, InterconnectExtractor>;
  readonly cases: readonly InterconnectCase[];
  readonly extra?: readonly string[];
}[] = [
  {
    name: "aws",
    table: AWS_INTERCONNECT_EXTRACTORS,
    cases: AWS_INTERCONNECT_CASES,
    extra: EMPTY_PEER_KINDS.map((k) => k.type),
  },
  { name: "azure-native", table: AZURE_INTERCONNECT_EXTRACTORS, cases: AZURE_INTERCONNECT_CASES },
  { name: "gcp", table: GCP_INTERCONNECT_EXTRACTORS, cases: GCP_INTERCONNECT_CASES },
  {
    name: "aws-native",
    table: AWS_NATIVE_INTERCONNECT_EXTRACTORS,
    cases: AWS_NATIVE_INTERCONNECT_CASES,
  },
  {
    name: "azure",
    table: AZURE_CLASSIC_INTERCONNECT_EXTRACTORS,
    cases: AZURE_CLASSIC_INTERCONNECT_CASES,
  },
];

function describeInterconnects(cases: readonly InterconnectCase[], provider: EngineResource) {
  describe.each(cases.map((c) => [c.type, c] as const))("%s", (_type, c) => {
    test.each(c.denied.map((d) => [d.why, d] as const))("is denied: %s", async (_why, d) => {
      const r = f.resource(c.type, "link", { provider, inputs: d.props });
      const found = await findingsOf(PEERING_POLICY, r, provider);
      expect(found.map((x) => x.enforcementLevel)).toEqual(["mandatory"]);
      expect(found[0]?.message).toContain(d.shows);
    });

    test(`is allowed: ${c.allowed.why}`, async () => {
      const r = f.resource(c.type, "link", { provider, inputs: c.allowed.props });
      const { findings, notApplicable } = await pack.get().analyze(r, { provider });
      expect(findings.filter((x) => x.policyName === PEERING_POLICY)).toEqual([]);
      // Passed as an interconnect, not skipped as "not applicable".
      expect(notApplicable.filter((n) => n.policyName === PEERING_POLICY)).toEqual([]);
    });
  });
}

describe(PEERING_POLICY, () => {
  describe("AWS", () => describeInterconnects(AWS_INTERCONNECT_CASES, usEast1));
  describe("Azure", () => describeInterconnects(AZURE_INTERCONNECT_CASES, azure));
  describe("Google Cloud", () => describeInterconnects(GCP_INTERCONNECT_CASES, gcp));
  describe("AWS Cloud Control (aws-native)", () =>
    describeInterconnects(AWS_NATIVE_INTERCONNECT_CASES, awsNative));
  describe("classic Azure", () =>
    describeInterconnects(AZURE_CLASSIC_INTERCONNECT_CASES, azureClassic));

  describe("links inside one jurisdiction pass; links across a border into one are denied", () => {
    const providers = new Map<string, EngineResource>();
    const providerFor = (pkg: string, region: string): EngineResource => {
      const key = `${pkg}/${region}`;
      let p = providers.get(key);
      if (!p) {
        const config: PropertyMap = pkg === "azure-native" ? { location: region } : { region };
        // A provider of its own per package and region (an explicit one, named after them).
        const name = key.replace(/\W/g, "-");
        p = {
          ...f.defaultProvider(pkg, config),
          name,
          urn: f.urn(`pulumi:providers:${pkg}`, name),
        };
        providers.set(key, p);
      }
      return p;
    };

    test.each(JURISDICTION_CASES.map((c) => [c.denied ? "denied" : "passes", c.why, c] as const))(
      "%s: %s",
      async (_verdict, _why, c) => {
        const provider = providerFor(c.pkg, c.region);
        const r = f.resource(c.type, "link", { provider, inputs: c.props });
        const { findings, notApplicable } = await pack.get().analyze(r, { provider });
        const found = findings.filter((x) => x.policyName === PEERING_POLICY);
        expect(notApplicable.filter((n) => n.policyName === PEERING_POLICY)).toEqual([]);
        if (c.denied) {
          expect(found.map((x) => x.enforcementLevel)).toEqual(["mandatory"]);
          expect(found[0]?.message).toContain(c.shows);
        } else {
          expect(found).toEqual([]);
        }
      },
    );
  });

  describe("kinds whose inputs name no peer", () => {
    test.each(EMPTY_PEER_KINDS.map((k) => [k.type, k.why, k] as const))(
      "%s (%s) passes as an interconnect with no identifiers",
      async (_type, _why, k) => {
        const extract = AWS_INTERCONNECT_EXTRACTORS.get(k.type);
        expect(extract?.(k.props)).toMatchObject({ peers: [], computed: [] });
        const r = f.resource(k.type, "accepter", { provider: usEast1, inputs: k.props });
        const { findings, notApplicable } = await pack.get().analyze(r, { provider: usEast1 });
        expect(findings.filter((x) => x.policyName === PEERING_POLICY)).toEqual([]);
        expect(notApplicable.filter((n) => n.policyName === PEERING_POLICY)).toEqual([]);
      },
    );
  });

  describe("the cases cover the pack's interconnect tables", () => {
    describe.each(TABLES.map((t) => [t.name, t] as const))("%s", (_name, t) => {
      const covered = new Set([...t.cases.map((c) => normaliseToken(c.type)), ...(t.extra ?? [])]);

      test.each([...t.table.keys()])("kind %s has a case", (token) => {
        expect(covered).toContain(token);
      });

      test("every case is a kind of the table (no stale tokens)", () => {
        expect([...covered].filter((token) => !t.table.has(token))).toEqual([]);
      });

      test("every kind with denial cases identifies a peer in each of them", () => {
        const silent: string[] = [];
        for (const c of t.cases) {
          if (c.denied.length === 0) silent.push(`${c.type}: no denial case`);
          for (const d of c.denied) {
            const peers = t.table.get(normaliseToken(c.type))?.(d.props)?.peers ?? [];
            if (peers.length === 0) silent.push(`${c.type}: ${d.why}`);
          }
        }
        expect(silent).toEqual([]);
      });
    });
  });
});

describe(`${PEERING_POLICY}: built-in address prefixes of listed providers`, () => {
  /** An AWS customer gateway with a private ASN: only its address can reveal the far side. */
  const gateway = (ipAddress: string) =>
    f.resource("aws:ec2/customerGateway:CustomerGateway", "branch", {
      provider: usEast1,
      inputs: { type: "ipsec.1", bgpAsn: "65010", ipAddress },
    });

  test("a gateway with a private ASN at an Alibaba Cloud address is denied", async () => {
    const found = await findingsOf(PEERING_POLICY, gateway("47.74.10.20"), usEast1);
    expect(found.map((x) => x.enforcementLevel)).toEqual(["mandatory"]);
    expect(found[0]?.message).toContain("Alibaba Cloud");
    expect(found[0]?.message).toContain("47.74.0.0/15 of AS45102");
  });

  test("the same gateway at an address no listed provider announces passes", async () => {
    const r = gateway("8.8.4.4");
    const { findings, notApplicable } = await pack.get().analyze(r, { provider: usEast1 });
    expect(findings.filter((x) => x.policyName === PEERING_POLICY)).toEqual([]);
    expect(notApplicable.filter((n) => n.policyName === PEERING_POLICY)).toEqual([]);
  });
});

// ── listed-foreign-provider-resource ────────────────────────────────────────────────────────

/** A listed provider's default provider, as the engine registers it. */
function packageProvider(pkg: string, version: string, inputs: PropertyMap): EngineResource {
  const name = `default_${version.replace(/\./g, "_")}`;
  return {
    urn: f.urn(`pulumi:providers:${pkg}`, name),
    type: `pulumi:providers:${pkg}`,
    name,
    custom: true,
    inputs: { ...inputs, version },
  };
}

const LISTED_PACKAGES: readonly {
  provider: string;
  type: string;
  pkg: EngineResource;
  inputs: PropertyMap;
}[] = [
  {
    provider: "Alibaba Cloud",
    type: "alicloud:ecs/instance:Instance",
    pkg: packageProvider("alicloud", "3.108.0", { region: "cn-hangzhou" }),
    inputs: { instanceType: "ecs.g7.large", imageId: "aliyun_3_x64_20G_alibase_20240819.vhd" },
  },
  {
    provider: "Tencent Cloud",
    type: "tencentcloud:Instance/instance:Instance",
    pkg: packageProvider("tencentcloud", "1.82.0", { region: "ap-guangzhou" }),
    inputs: {
      instanceType: "S5.MEDIUM4",
      imageId: "img-eb30mz89",
      availabilityZone: "ap-guangzhou-3",
    },
  },
  {
    provider: "Huawei Cloud",
    type: "huaweicloud:Ecs/instance:Instance",
    pkg: packageProvider("huaweicloud", "0.6.0", { region: "cn-north-4" }),
    inputs: { flavorId: "s6.large.2", imageId: "0c4a9b1e-1e1f-4a7b-9a0b-2f2b5c3d4e5f" },
  },
  {
    provider: "Yandex",
    type: "yandex:index/computeInstance:ComputeInstance",
    pkg: packageProvider("yandex", "0.13.0", { zone: "ru-central1-a" }),
    inputs: { platformId: "standard-v3", zone: "ru-central1-a" },
  },
];

describe(PACKAGE_POLICY, () => {
  test.each(LISTED_PACKAGES.map((p) => [p.type, p] as const))(
    "a %s resource is flagged as advisory (default level), naming the provider",
    async (_type, p) => {
      const r = f.resource(p.type, "vm", { provider: p.pkg, inputs: p.inputs });
      const found = await findingsOf(PACKAGE_POLICY, r, p.pkg);
      expect(found.map((x) => x.enforcementLevel)).toEqual(["advisory"]);
      expect(found[0]?.message).toContain(p.provider);
    },
  );

  test("an aws: resource is not flagged", async () => {
    const r = f.resource("aws:ec2/instance:Instance", "vm", {
      provider: usEast1,
      inputs: { ami: "ami-0a1b2c3d4e5f60718", instanceType: "m5.large" },
    });
    expect(await findingsOf(PACKAGE_POLICY, r, usEast1)).toEqual([]);
  });

  test("an azure-native resource is not flagged", async () => {
    const r = f.resource("azure-native:compute:VirtualMachine", "vm", {
      provider: azure,
      inputs: AZURE_SUBJECTS[0]?.inputs ?? {},
    });
    expect(await findingsOf(PACKAGE_POLICY, r, azure)).toEqual([]);
  });
});

// ── Far sides declared in the same stack, decided at AnalyzeStack ─────────────────────────

describe(`${PEERING_POLICY}: far sides in the same stack (AnalyzeStack)`, () => {
  const cnAws = f.explicitProvider("aws", "cn", { region: "cn-north-1" });
  const vpc = (name: string, provider: EngineResource): EngineResource =>
    f.resource("aws:ec2/vpc:Vpc", name, { provider, inputs: { cidrBlock: "10.0.0.0/16" } });
  const peering = (name: string, to: EngineResource | undefined): EngineResource =>
    f.resource("aws:ec2/vpcPeeringConnection:VpcPeeringConnection", name, {
      provider: usEast1,
      inputs: { vpcId: UNKNOWN, peerVpcId: UNKNOWN },
      dependsOn: to ? [to] : [],
      propertyDependencies: to ? { peerVpcId: [to] } : {},
    });
  const cnVpc = vpc("vpc-cn", cnAws);
  const usVpc = vpc("vpc-us", usEast1);
  const toCn = peering("to-cn", cnVpc);
  const toElsewhere = peering("to-elsewhere", undefined);
  const web = f.resource("azure-native:web:WebApp", "web", {
    provider: azure,
    inputs: { resourceGroupName: "rg", location: "westeurope", serverFarmId: UNKNOWN },
  });
  const endpoint = f.resource("azure-native:network:PrivateEndpoint", "pe-web", {
    provider: azure,
    inputs: {
      resourceGroupName: "rg",
      location: "westeurope",
      subnet: { id: UNKNOWN },
      privateLinkServiceConnections: [
        { name: "web", privateLinkServiceId: UNKNOWN, groupIds: ["sites"] },
      ],
    },
    dependsOn: [web],
    propertyDependencies: { privateLinkServiceConnections: [web] },
  });
  const resources = [
    f.rootStack(),
    usEast1,
    cnAws,
    azure,
    cnVpc,
    usVpc,
    toCn,
    peering("to-us", usVpc),
    toElsewhere,
    web,
    endpoint,
  ];

  test("denies VPC peering from us-east-1 to a VPC of the stack in cn-north-1", async () => {
    const report = await pack.get().evaluate(resources);
    expect(verdictsByName(resources, report)["to-cn"]).toEqual({ [PEERING_POLICY]: "mandatory" });
    const message = report.findings.find((x) => x.urn === toCn.urn)?.message ?? "";
    expect(message).toContain('region cn-north-1 of Vpc "vpc-cn"');
  });

  test("passes VPC peering to a VPC of the stack in the same region", async () => {
    const verdicts = verdictsByName(resources, await pack.get().evaluate(resources));
    expect(verdicts["to-us"]).toBe("none");
  });

  test("keeps the advisory note when the peer VPC is not in the stack", async () => {
    const report = await pack.get().evaluate(resources);
    expect(verdictsByName(resources, report)["to-elsewhere"]).toEqual({
      [PEERING_POLICY]: "advisory",
    });
    const note = report.findings.find((x) => x.urn === toElsewhere.urn)?.message ?? "";
    expect(note).toContain("`peerVpcId` are computed during preview");
  });

  test("gives no note for a private endpoint to a web app of the stack", async () => {
    const verdicts = verdictsByName(resources, await pack.get().evaluate(resources));
    expect(verdicts["pe-web"]).toBe("none");
    expect(verdicts["web"]).toBe("none");
  });
});
