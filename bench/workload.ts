// The benchmark workload: a deterministic, realistic stack as the engine holds it in preview.
//
// Mostly plain resources (buckets, roles, security groups, storage accounts …), some instances and
// VMs across many regions, GPU and AI resources, peerings / customer gateways / interconnects, and
// both explicit providers (declared up front, one per region) and the engine's default providers
// (registered just before the first resource that needs them). A seeded PRNG makes every run, and
// every machine, get the same resources.
import { UNKNOWN } from "../cli/runner";
import type { EngineResource, PropertyMap } from "../cli/runner";

/** What a generated resource is there for; the mix the benchmark promises. */
export type Category =
  "stack" | "provider" | "plain" | "compute" | "gpu" | "ai" | "interconnect" | "component";

export interface Workload {
  /** In registration order: root stack, then providers and resources as a program registers them. */
  readonly resources: EngineResource[];
  /** `categories[i]` is the category of `resources[i]`. */
  readonly categories: Category[];
  readonly stack: string;
  readonly project: string;
  /** Stack config the default providers were derived from (PULUMI_CONFIG). */
  readonly stackConfig: Record<string, string>;
}

export interface WorkloadOptions {
  /** Total number of resources, root stack and providers included. */
  count: number;
  seed?: number;
  stack?: string;
  project?: string;
}

/** mulberry32: small, fast, and the same sequence on every platform for a given seed. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const AWS_VERSION = "7.48.0";
export const AZURE_VERSION = "3.28.0";

/** Regions of the explicit providers: mostly allowed ones, a few restricted (CN, HK, RU …). */
export const AWS_REGIONS = [
  "us-east-1",
  "us-east-2",
  "us-west-1",
  "us-west-2",
  "ca-central-1",
  "sa-east-1",
  "eu-west-1",
  "eu-west-2",
  "eu-west-3",
  "eu-central-1",
  "eu-central-2",
  "eu-north-1",
  "eu-south-1",
  "me-central-1",
  "af-south-1",
  "ap-south-1",
  "ap-northeast-1",
  "ap-northeast-2",
  "ap-southeast-1",
  "ap-southeast-2",
  "ap-east-1",
  "cn-north-1",
  "cn-northwest-1",
  "us-gov-west-1",
] as const;

export const AZURE_LOCATIONS = [
  "eastus",
  "eastus2",
  "westus2",
  "westeurope",
  "northeurope",
  "uksouth",
  "francecentral",
  "germanywestcentral",
  "swedencentral",
  "japaneast",
  "koreacentral",
  "southeastasia",
  "eastasia",
  "australiaeast",
  "centralindia",
  "uaenorth",
  "chinaeast2",
  "chinanorth3",
] as const;

/** Share of each category among generated resources (providers and the root stack aside). */
export const MIX: Readonly<Record<Exclude<Category, "stack" | "provider">, number>> = {
  plain: 0.8,
  compute: 0.08,
  gpu: 0.03,
  ai: 0.03,
  interconnect: 0.03,
  component: 0.03,
};

type Cloud = "aws" | "azure-native";

interface Ctx {
  rand: () => number;
  stack: string;
  project: string;
  /** Sequence number for unique names. */
  n: number;
}

const pick = <T>(c: Ctx, xs: readonly T[]): T => xs[Math.floor(c.rand() * xs.length)] as T;
const chance = (c: Ctx, p: number): boolean => c.rand() < p;
const hex = (c: Ctx, len: number): string => {
  let s = "";
  while (s.length < len)
    s += Math.floor(c.rand() * 0x100000000)
      .toString(16)
      .padStart(8, "0");
  return s.slice(0, len);
};
const digits = (c: Ctx, len: number): string => {
  let s = "";
  for (let i = 0; i < len; i++) s += String(Math.floor(c.rand() * 10));
  return s;
};
const guid = (c: Ctx): string =>
  `${hex(c, 8)}-${hex(c, 4)}-4${hex(c, 3)}-a${hex(c, 3)}-${hex(c, 12)}`;

function urn(c: Ctx, type: string, name: string): string {
  return `urn:pulumi:${c.stack}::${c.project}::${type}::${name}`;
}

function tags(c: Ctx): PropertyMap {
  return {
    team: pick(c, ["platform", "data", "ml", "web", "payments", "search"]),
    env: pick(c, ["prod", "staging", "dev"]),
    costCenter: `cc-${digits(c, 4)}`,
  };
}

// ── Resource shapes ───────────────────────────────────────────────────────────────────────────

type Shape = (c: Ctx, where: string) => { type: string; inputs: PropertyMap };

const ASSUME_ROLE_POLICY = JSON.stringify({
  Version: "2012-10-17",
  Statement: [
    {
      Effect: "Allow",
      Principal: { Service: "ec2.amazonaws.com" },
      Action: "sts:AssumeRole",
    },
  ],
});

const AWS_PLAIN: readonly Shape[] = [
  (c) => ({
    type: "aws:s3/bucket:Bucket",
    inputs: { bucket: `data-${hex(c, 10)}`, forceDestroy: false, tags: tags(c) },
  }),
  (c) => ({
    type: "aws:iam/role:Role",
    inputs: { name: `role-${hex(c, 8)}`, assumeRolePolicy: ASSUME_ROLE_POLICY, tags: tags(c) },
  }),
  (c) => ({
    type: "aws:ec2/securityGroup:SecurityGroup",
    inputs: {
      description: "managed by pulumi",
      vpcId: chance(c, 0.3) ? UNKNOWN : `vpc-${hex(c, 17)}`,
      ingress: [
        { protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: ["10.0.0.0/8"] },
        { protocol: "tcp", fromPort: 22, toPort: 22, cidrBlocks: ["10.1.0.0/16"] },
      ],
      egress: [{ protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: ["0.0.0.0/0"] }],
      tags: tags(c),
    },
  }),
  (c) => ({
    type: "aws:ec2/vpc:Vpc",
    inputs: { cidrBlock: `10.${Math.floor(c.rand() * 255)}.0.0/16`, tags: tags(c) },
  }),
  (c) => ({
    type: "aws:ec2/subnet:Subnet",
    inputs: {
      vpcId: UNKNOWN,
      cidrBlock: `10.${Math.floor(c.rand() * 255)}.${Math.floor(c.rand() * 255)}.0/24`,
      tags: tags(c),
    },
  }),
  (c) => ({
    type: "aws:lambda/function:Function",
    inputs: {
      role: `arn:aws:iam::${digits(c, 12)}:role/lambda-${hex(c, 6)}`,
      runtime: "nodejs20.x",
      handler: "index.handler",
      memorySize: 256,
      timeout: 30,
      environment: { variables: { LOG_LEVEL: "info", TABLE: `t-${hex(c, 6)}` } },
    },
  }),
  (c) => ({
    type: "aws:dynamodb/table:Table",
    inputs: {
      billingMode: "PAY_PER_REQUEST",
      hashKey: "pk",
      attributes: [{ name: "pk", type: "S" }],
      tags: tags(c),
    },
  }),
  (c) => ({
    type: "aws:cloudwatch/logGroup:LogGroup",
    inputs: { name: `/app/${hex(c, 8)}`, retentionInDays: 30 },
  }),
  (c) => ({
    type: "aws:route53/record:Record",
    inputs: {
      zoneId: `Z${hex(c, 12).toUpperCase()}`,
      name: `${hex(c, 6)}.example.com`,
      type: "CNAME",
      ttl: 300,
      records: [`${hex(c, 6)}.elb.amazonaws.com`],
    },
  }),
];

const AZURE_PLAIN: readonly Shape[] = [
  (c, loc) => ({
    type: "azure-native:storage:StorageAccount",
    inputs: {
      location: loc,
      resourceGroupName: `rg-${hex(c, 6)}`,
      kind: "StorageV2",
      sku: { name: "Standard_LRS" },
      tags: tags(c),
    },
  }),
  (c, loc) => ({
    type: "azure-native:resources:ResourceGroup",
    inputs: { location: loc, tags: tags(c) },
  }),
  (c, loc) => ({
    type: "azure-native:network:VirtualNetwork",
    inputs: {
      location: loc,
      resourceGroupName: `rg-${hex(c, 6)}`,
      addressSpace: { addressPrefixes: [`10.${Math.floor(c.rand() * 255)}.0.0/16`] },
    },
  }),
  (c, loc) => ({
    type: "azure-native:keyvault:Vault",
    inputs: {
      location: loc,
      resourceGroupName: `rg-${hex(c, 6)}`,
      properties: { tenantId: guid(c), sku: { family: "A", name: "standard" } },
    },
  }),
  (c, loc) => ({
    type: "azure-native:network:NetworkSecurityGroup",
    inputs: { location: loc, resourceGroupName: `rg-${hex(c, 6)}`, securityRules: [] },
  }),
];

const AWS_CPU_TYPES = [
  "t3.micro",
  "t3.large",
  "m5.xlarge",
  "m7i.2xlarge",
  "c6g.large",
  "r6i.4xlarge",
];
const AWS_GPU_TYPES = ["p4d.24xlarge", "p5.48xlarge", "g5.12xlarge", "g6.xlarge", "g4dn.xlarge"];
const AZURE_CPU_SIZES = ["Standard_D4s_v5", "Standard_B2ms", "Standard_E8s_v5", "Standard_F4s_v2"];
const AZURE_GPU_SIZES = ["Standard_NC24ads_A100_v4", "Standard_ND96asr_v4", "Standard_NC6s_v3"];

const AWS_COMPUTE = (instanceTypes: readonly string[]): readonly Shape[] => [
  (c) => ({
    type: "aws:ec2/instance:Instance",
    inputs: {
      ami: `ami-${hex(c, 17)}`,
      instanceType: pick(c, instanceTypes),
      subnetId: chance(c, 0.5) ? UNKNOWN : `subnet-${hex(c, 17)}`,
      tags: tags(c),
    },
  }),
  (c) => ({
    type: "aws:ec2/launchTemplate:LaunchTemplate",
    inputs: { imageId: `ami-${hex(c, 17)}`, instanceType: pick(c, instanceTypes) },
  }),
  (c) => ({
    type: "aws:eks/nodeGroup:NodeGroup",
    inputs: {
      clusterName: `eks-${hex(c, 4)}`,
      nodeRoleArn: `arn:aws:iam::${digits(c, 12)}:role/nodes`,
      instanceTypes: [pick(c, instanceTypes)],
      scalingConfig: { desiredSize: 2, maxSize: 4, minSize: 1 },
      subnetIds: [UNKNOWN],
    },
  }),
];

const AZURE_COMPUTE = (sizes: readonly string[]): readonly Shape[] => [
  (c, loc) => ({
    type: "azure-native:compute:VirtualMachine",
    inputs: {
      location: loc,
      resourceGroupName: `rg-${hex(c, 6)}`,
      hardwareProfile: { vmSize: pick(c, sizes) },
      osProfile: { computerName: `vm-${hex(c, 6)}`, adminUsername: "azureuser" },
    },
  }),
  (c, loc) => ({
    type: "azure-native:compute:VirtualMachineScaleSet",
    inputs: {
      location: loc,
      resourceGroupName: `rg-${hex(c, 6)}`,
      sku: { name: pick(c, sizes), capacity: 3 },
    },
  }),
];

const AWS_AI: readonly Shape[] = [
  (c) => ({
    type: "aws:sagemaker/endpoint:Endpoint",
    inputs: { endpointConfigName: `cfg-${hex(c, 6)}` },
  }),
  (c) => ({
    type: "aws:sagemaker/model:Model",
    inputs: { executionRoleArn: `arn:aws:iam::${digits(c, 12)}:role/sm` },
  }),
  (c) => ({
    type: "aws:bedrock/agentAgent:AgentAgent",
    inputs: { agentName: `agent-${hex(c, 6)}`, foundationModel: "anthropic.claude-3" },
  }),
  (c) => ({
    type: "aws:sagemaker/endpointConfiguration:EndpointConfiguration",
    inputs: {
      productionVariants: [
        { modelName: `m-${hex(c, 4)}`, instanceType: "ml.g5.2xlarge", initialInstanceCount: 1 },
      ],
    },
  }),
];

const AZURE_AI: readonly Shape[] = [
  (c, loc) => ({
    type: "azure-native:cognitiveservices:Account",
    inputs: {
      location: loc,
      resourceGroupName: `rg-${hex(c, 6)}`,
      accountName: `oai-${hex(c, 6)}`,
      kind: "OpenAI",
      sku: { name: "S0" },
    },
  }),
  (c, loc) => ({
    type: "azure-native:machinelearningservices:Workspace",
    inputs: { location: loc, resourceGroupName: `rg-${hex(c, 6)}`, sku: { name: "Basic" } },
  }),
];

const AWS_INTERCONNECT: readonly Shape[] = [
  (c) => ({
    type: "aws:ec2/vpcPeeringConnection:VpcPeeringConnection",
    inputs: {
      vpcId: UNKNOWN,
      peerVpcId: `vpc-${hex(c, 17)}`,
      peerOwnerId: digits(c, 12),
      peerRegion: pick(c, AWS_REGIONS),
    },
  }),
  (c) => ({
    type: "aws:ec2/customerGateway:CustomerGateway",
    inputs: {
      bgpAsn: String(pick(c, [65000, 64512, 45102, 4134, 37963, 13335])),
      ipAddress: `${pick(c, [47, 52, 203, 198])}.${Math.floor(c.rand() * 255)}.${Math.floor(
        c.rand() * 255,
      )}.${Math.floor(c.rand() * 255)}`,
      type: "ipsec.1",
    },
  }),
  (c) => ({
    type: "aws:directconnect/connection:Connection",
    inputs: {
      bandwidth: "10Gbps",
      location: "EqDC2",
      providerName: pick(c, ["Equinix", "Megaport", "China Telecom Global", "Zayo"]),
    },
  }),
];

const AZURE_INTERCONNECT: readonly Shape[] = [
  (c, loc) => ({
    type: "azure-native:network:VirtualNetworkPeering",
    inputs: {
      location: loc,
      resourceGroupName: `rg-${hex(c, 6)}`,
      virtualNetworkName: `vnet-${hex(c, 4)}`,
      remoteVirtualNetwork: {
        id: `/subscriptions/${guid(c)}/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v`,
      },
      allowVirtualNetworkAccess: true,
    },
  }),
  (c, loc) => ({
    type: "azure-native:network:ExpressRouteCircuit",
    inputs: {
      location: loc,
      resourceGroupName: `rg-${hex(c, 6)}`,
      serviceProviderProperties: {
        serviceProviderName: pick(c, ["Equinix", "China Telecom Global", "AT&T"]),
        peeringLocation: "Silicon Valley",
        bandwidthInMbps: 1000,
      },
    },
  }),
];

// ── Assembly ──────────────────────────────────────────────────────────────────────────────────

function chooseCategory(c: Ctx): Exclude<Category, "stack" | "provider"> {
  let x = c.rand();
  for (const [cat, w] of Object.entries(MIX) as [keyof typeof MIX, number][]) {
    if (x < w) return cat;
    x -= w;
  }
  return "plain";
}

function shapesFor(cat: keyof typeof MIX, cloud: Cloud): readonly Shape[] {
  const aws = cloud === "aws";
  switch (cat) {
    case "plain":
      return aws ? AWS_PLAIN : AZURE_PLAIN;
    case "compute":
      return aws ? AWS_COMPUTE(AWS_CPU_TYPES) : AZURE_COMPUTE(AZURE_CPU_SIZES);
    case "gpu":
      return aws ? AWS_COMPUTE(AWS_GPU_TYPES) : AZURE_COMPUTE(AZURE_GPU_SIZES);
    case "ai":
      return aws ? AWS_AI : AZURE_AI;
    case "interconnect":
      return aws ? AWS_INTERCONNECT : AZURE_INTERCONNECT;
    case "component":
      return [];
  }
}

/** Generate a workload of exactly `count` resources (root stack and providers included). */
export function generateWorkload(opts: WorkloadOptions): Workload {
  const stack = opts.stack ?? "bench";
  const project = opts.project ?? "workload";
  const c: Ctx = { rand: prng(opts.seed ?? 1), stack, project, n: 0 };
  const stackConfig = { "aws:region": "us-east-1", "azure-native:location": "westeurope" };
  const resources: EngineResource[] = [];
  const categories: Category[] = [];
  const add = (r: EngineResource, cat: Category) => {
    if (resources.length >= opts.count) return;
    resources.push(r);
    categories.push(cat);
  };

  const rootName = `${project}-${stack}`;
  const root: EngineResource = {
    urn: urn(c, "pulumi:pulumi:Stack", rootName),
    type: "pulumi:pulumi:Stack",
    name: rootName,
    custom: false,
    inputs: {},
  };
  add(root, "stack");

  const ref = (p: EngineResource) => `${p.urn}::${UNKNOWN}`;

  // Explicit providers, declared at the top of the program, one per region.
  const explicit = new Map<string, EngineResource>();
  const explicitProvider = (cloud: Cloud, where: string): EngineResource => {
    const key = `${cloud}/${where}`;
    let p = explicit.get(key);
    if (!p) {
      const type = `pulumi:providers:${cloud}`;
      const name = `${cloud === "aws" ? "aws" : "azure"}-${where}`;
      const inputs: PropertyMap =
        cloud === "aws"
          ? {
              region: where,
              version: AWS_VERSION,
              // List inputs of explicit providers arrive as JSON text.
              allowedAccountIds: JSON.stringify([digits(c, 12)]),
            }
          : { location: where, version: AZURE_VERSION, subscriptionId: guid(c) };
      p = {
        urn: urn(c, type, name),
        type,
        name,
        custom: true,
        inputs,
        parent: root.urn,
      };
      explicit.set(key, p);
    }
    return p;
  };
  for (const r of AWS_REGIONS) add(explicitProvider("aws", r), "provider");
  for (const l of AZURE_LOCATIONS) add(explicitProvider("azure-native", l), "provider");

  // Default providers: registered just before the first resource that needs one.
  const defaults = new Map<Cloud, EngineResource>();
  const defaultProvider = (cloud: Cloud): EngineResource => {
    let p = defaults.get(cloud);
    if (!p) {
      const version = cloud === "aws" ? AWS_VERSION : AZURE_VERSION;
      const type = `pulumi:providers:${cloud}`;
      const name = `default_${version.replace(/\./g, "_")}`;
      p = {
        urn: urn(c, type, name),
        type,
        name,
        custom: true,
        inputs:
          cloud === "aws"
            ? { region: stackConfig["aws:region"], version }
            : { location: stackConfig["azure-native:location"], version },
      };
      defaults.set(cloud, p);
      add(p, "provider");
    }
    return p;
  };

  while (resources.length < opts.count) {
    const cat = chooseCategory(c);
    const name = `r${c.n++}-${hex(c, 4)}`;
    if (cat === "component") {
      add(
        {
          urn: urn(c, "acme:index:Service", name),
          type: "acme:index:Service",
          name,
          custom: false,
          inputs: {},
          parent: root.urn,
        },
        cat,
      );
      continue;
    }
    const cloud: Cloud = chance(c, 0.7) ? "aws" : "azure-native";
    // 60% default provider, 40% an explicit provider in one of many regions.
    const useDefault = chance(c, 0.6);
    const where =
      cloud === "aws"
        ? useDefault
          ? (stackConfig["aws:region"] as string)
          : pick(c, AWS_REGIONS)
        : pick(c, AZURE_LOCATIONS);
    const provider = useDefault ? defaultProvider(cloud) : explicitProvider(cloud, where);
    const shape = pick(c, shapesFor(cat, cloud))(c, where);
    // aws v7: some resources name their own region, overriding the provider's.
    if (cloud === "aws" && cat !== "plain" && chance(c, 0.1)) {
      shape.inputs["region"] = pick(c, AWS_REGIONS);
    }
    add(
      {
        urn: urn(c, shape.type, name),
        type: shape.type,
        name,
        custom: true,
        inputs: shape.inputs,
        parent: root.urn,
        provider: ref(provider),
      },
      cat,
    );
  }
  return { resources, categories, stack, project, stackConfig };
}

/** Counts per category. */
export function mixOf(w: Workload): Record<Category, number> {
  const out: Record<Category, number> = {
    stack: 0,
    provider: 0,
    plain: 0,
    compute: 0,
    gpu: 0,
    ai: 0,
    interconnect: 0,
    component: 0,
  };
  for (const cat of w.categories) out[cat]++;
  return out;
}

/**
 * The workload as `pulumi stack export` writes it (deployment v3): every resource with an ID,
 * inputs and outputs, and providers referenced as `<provider URN>::<provider ID>`.
 */
export function toStackExport(w: Workload): unknown {
  const rand = prng(0x5eed);
  const idOf = new Map<string, string>();
  const id = (r: EngineResource): string => {
    let v = idOf.get(r.urn);
    if (v === undefined) {
      v = r.type.startsWith("pulumi:providers:")
        ? Math.floor(rand() * 2 ** 48)
            .toString(16)
            .padStart(12, "0")
        : `${r.name ?? "r"}-${Math.floor(rand() * 2 ** 32).toString(16)}`;
      idOf.set(r.urn, v);
    }
    return v;
  };
  const byUrn = new Map(w.resources.map((r) => [r.urn, r]));
  const resources = w.resources.map((r) => {
    const out: Record<string, unknown> = {
      urn: r.urn,
      custom: r.custom,
      type: r.type,
    };
    if (r.custom) out["id"] = id(r);
    out["inputs"] = r.inputs;
    out["outputs"] = r.outputs ?? r.inputs;
    if (r.parent !== undefined) out["parent"] = r.parent;
    if (r.provider !== undefined) {
      const providerUrn = r.provider.slice(0, r.provider.lastIndexOf("::"));
      const p = byUrn.get(providerUrn);
      if (p) out["provider"] = `${providerUrn}::${id(p)}`;
    }
    out["dependencies"] = r.dependencies ?? [];
    return out;
  });
  return {
    version: 3,
    deployment: {
      manifest: { time: "2026-01-01T00:00:00Z", magic: "", version: "v3.200.0" },
      resources,
    },
  };
}
