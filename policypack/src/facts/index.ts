// From a resource as the engine sends it to what it means: cloud, placement, accelerators,
// AI service. The only entry point policies use. Cloud-specific work is delegated through one
// table of Pulumi packages (type-token prefix → the module that understands it); several
// packages may reach one cloud (aws: and aws-native:, azure-native: and azure:), and the
// aliases reuse their cloud's logic rather than copy it.
import {
  AI_SERVICE_MODULES,
  lookupAiService,
  OTHER_PACKAGE_AI_SERVICE_MODULES,
} from "../catalogue/ai-services";
import { unwrap } from "../values";
import { AWS_COMPUTE_EXTRACTORS, awsPlacement } from "./aws";
import { awsAccountFacts } from "./aws/accounts";
import { AWS_TEMPLATE_KINDS } from "./aws/cloudformation";
import { AWS_INTERCONNECT_EXTRACTORS } from "./aws/interconnect";
import { AWS_NATIVE_INTERCONNECT_EXTRACTORS } from "./aws-native/interconnect";
import { AWS_NATIVE_TEMPLATE_KINDS } from "./aws-native/cloudformation";
import {
  AWS_NATIVE_COMPUTE_EXTRACTORS,
  awsNativeAccountFacts,
  awsNativePlacement,
} from "./aws-native";
import { ALICLOUD_COMPUTE_EXTRACTORS, alicloudPlacement } from "./alicloud";
import type { AzureStackIndex } from "./azure";
import {
  AZURE_COMPUTE_EXTRACTORS,
  azureAdditionalPlacements,
  azurePlacement,
  indexStack as indexAzureStack,
  resolveInherited as resolveAzureInherited,
} from "./azure";
import { azureAccountFacts } from "./azure/accounts";
import { AZURE_INTERCONNECT_EXTRACTORS } from "./azure/interconnect";
import {
  AZURE_CLASSIC_COMPUTE_EXTRACTORS,
  azureClassicAccountFacts,
  azureClassicPlacement,
  resolveAzureClassicInherited,
} from "./azure-classic";
import { AZURE_CLASSIC_INTERCONNECT_EXTRACTORS } from "./azure-classic/interconnect";
import type { TemplateContents } from "./cloudformation/contents";
import type { TemplateKind } from "./cloudformation/kind";
import type { ComputeExtractor } from "./compute";
import { GCP_COMPUTE_EXTRACTORS, gcpAdditionalPlacements, gcpPlacement } from "./gcp";
import { GCP_INTERCONNECT_EXTRACTORS } from "./gcp/interconnect";
import { HUAWEICLOUD_COMPUTE_EXTRACTORS, huaweicloudPlacement } from "./huaweicloud";
import {
  KUBERNETES_COMPUTE_EXTRACTORS,
  kubernetesPlacement,
  resolveKubernetesInherited,
} from "./kubernetes";
import type { InterconnectExtractor } from "./peers";
import { TENCENTCLOUD_COMPUTE_EXTRACTORS, tencentcloudPlacement } from "./tencentcloud";
import { normaliseToken } from "./tokens";
import type {
  AccountFacts,
  EvalContext,
  InterconnectFacts,
  Placement,
  Platform,
  ProviderView,
  ResourceFacts,
  ResourceView,
} from "./types";

/** The stack indexed once for the stack phase (every package's parent lookups). */
export interface StackIndex {
  readonly views: readonly ResourceView[];
  readonly byUrn: ReadonlyMap<string, ResourceView>;
  /** azure-native parents by name, built on first use. */
  azure(): AzureStackIndex;
}

/** What one Pulumi package contributes: how its resources are read. */
export interface PackageModule {
  /** npm package name, for documentation: "@pulumi/aws-native". */
  readonly npm: string;
  /** Type-token prefix: "aws-native:". */
  readonly prefix: string;
  readonly cloud: Platform;
  readonly extractors: ReadonlyMap<string, ComputeExtractor>;
  /**
   * Kinds that carry a CloudFormation template: their compute facts (and AI services) are those
   * of the resources the template declares, judged as if declared directly.
   */
  readonly templates?: ReadonlyMap<string, TemplateKind>;
  readonly interconnects?: ReadonlyMap<string, InterconnectExtractor>;
  accounts?(resource: ResourceView, ctx: EvalContext): AccountFacts;
  placement(resource: ResourceView, token: string, ctx: EvalContext): Placement;
  additionalPlacements?(
    resource: ResourceView,
    token: string,
    ctx: EvalContext,
  ): ResourceFacts["additionalPlacements"];
  /** Stack phase: the placement of a resource whose placement is `inherited`. */
  resolveInherited?(
    resource: ResourceView,
    token: string,
    index: StackIndex,
    ctx: EvalContext,
  ): Placement;
}

const PACKAGE_LIST: readonly PackageModule[] = [
  {
    npm: "@pulumi/aws",
    prefix: "aws:",
    cloud: "aws",
    extractors: AWS_COMPUTE_EXTRACTORS,
    templates: AWS_TEMPLATE_KINDS,
    interconnects: AWS_INTERCONNECT_EXTRACTORS,
    accounts: (r) => awsAccountFacts(r),
    placement: (r, _t, ctx) => awsPlacement(r, ctx),
  },
  {
    npm: "@pulumi/aws-native",
    prefix: "aws-native:",
    cloud: "aws",
    extractors: AWS_NATIVE_COMPUTE_EXTRACTORS,
    interconnects: AWS_NATIVE_INTERCONNECT_EXTRACTORS,
    templates: AWS_NATIVE_TEMPLATE_KINDS,
    accounts: (r) => awsNativeAccountFacts(r),
    placement: (r, _t, ctx) => awsNativePlacement(r, ctx),
  },
  {
    npm: "@pulumi/azure-native",
    prefix: "azure-native:",
    cloud: "azure",
    extractors: AZURE_COMPUTE_EXTRACTORS,
    interconnects: AZURE_INTERCONNECT_EXTRACTORS,
    accounts: azureAccountFacts,
    placement: azurePlacement,
    additionalPlacements: azureAdditionalPlacements,
    resolveInherited: (r, token, index, ctx) => resolveAzureInherited(r, token, index.azure(), ctx),
  },
  {
    npm: "@pulumi/azure",
    prefix: "azure:",
    cloud: "azure",
    extractors: AZURE_CLASSIC_COMPUTE_EXTRACTORS,
    interconnects: AZURE_CLASSIC_INTERCONNECT_EXTRACTORS,
    accounts: azureClassicAccountFacts,
    placement: azureClassicPlacement,
    resolveInherited: resolveAzureClassicInherited,
  },
  {
    npm: "@pulumi/gcp",
    prefix: "gcp:",
    cloud: "gcp",
    extractors: GCP_COMPUTE_EXTRACTORS,
    interconnects: GCP_INTERCONNECT_EXTRACTORS,
    placement: gcpPlacement,
    additionalPlacements: gcpAdditionalPlacements,
  },
  {
    npm: "@pulumi/alicloud",
    prefix: "alicloud:",
    cloud: "alicloud",
    extractors: ALICLOUD_COMPUTE_EXTRACTORS,
    placement: alicloudPlacement,
  },
  {
    npm: "@tencentcloud_iac/pulumi",
    prefix: "tencentcloud:",
    cloud: "tencentcloud",
    extractors: TENCENTCLOUD_COMPUTE_EXTRACTORS,
    placement: tencentcloudPlacement,
  },
  {
    npm: "huaweicloud/pulumi-huaweicloud",
    prefix: "huaweicloud:",
    cloud: "huaweicloud",
    extractors: HUAWEICLOUD_COMPUTE_EXTRACTORS,
    placement: huaweicloudPlacement,
  },
  {
    npm: "@pulumi/kubernetes",
    prefix: "kubernetes:",
    cloud: "kubernetes",
    extractors: KUBERNETES_COMPUTE_EXTRACTORS,
    placement: kubernetesPlacement,
    resolveInherited: (r, _token, index, ctx) =>
      resolveKubernetesInherited(
        r,
        {
          byUrn: index.byUrn,
          views: index.views,
          placementOf: (c) => placementInStack(c, index, ctx),
        },
        ctx,
      ),
  },
];

/** Any resource's placement at the stack phase: its module's, its parent's when it inherits. */
function placementInStack(
  view: ResourceView,
  index: StackIndex,
  ctx: EvalContext,
): Placement | undefined {
  const token = normaliseToken(view.type);
  const mod = packageOfToken(token);
  if (!mod) return undefined;
  const own = mod.placement(view, token, ctx);
  return own.status === "inherited" ? mod.resolveInherited?.(view, token, index, ctx) : own;
}

/** Every package the facts understand, by type-token prefix. */
export const PACKAGES: ReadonlyMap<string, PackageModule> = new Map(
  PACKAGE_LIST.map((m) => [m.prefix, m]),
);

/** The module of a type token ("aws-native:ec2:Instance" → the aws-native module). */
export function packageOfToken(token: string): PackageModule | undefined {
  const i = token.indexOf(":");
  return i < 0 ? undefined : PACKAGES.get(token.slice(0, i + 1));
}

export function cloudOfToken(token: string): Platform | undefined {
  return packageOfToken(token)?.cloud;
}

/** One row of the README's provider table. */
export interface SupportedPackage {
  readonly npm: string;
  readonly prefix: string;
  readonly cloud: Platform;
  /** Resource kinds whose accelerator selections are read (template-carrying kinds included). */
  readonly computeTokens: number;
  /** Of those, kinds that carry a CloudFormation template whose resources are read. */
  readonly templateTokens: number;
  /** Modules whose every resource is an AI service (`aws-native:sagemaker`, `gcp:vertex`). */
  readonly aiServiceModules: number;
  /** Kinds whose peering / interconnect far side is read. */
  readonly interconnectTokens: number;
  readonly accounts: boolean;
}

/** The supported packages with what is read from each, for documentation (README table). */
export const SUPPORTED_PACKAGES: readonly SupportedPackage[] = PACKAGE_LIST.map((m) => ({
  npm: m.npm,
  prefix: m.prefix,
  cloud: m.cloud,
  computeTokens: m.extractors.size + (m.templates?.size ?? 0),
  templateTokens: m.templates?.size ?? 0,
  aiServiceModules: [...AI_SERVICE_MODULES, ...OTHER_PACKAGE_AI_SERVICE_MODULES].filter(
    (r) => `${r.module.split(":")[0] ?? ""}:` === m.prefix,
  ).length,
  interconnectTokens: m.interconnects?.size ?? 0,
  accounts: m.accounts !== undefined,
}));

/** Which clouds the facts read, by what they read: the policies' texts are worded from it. */
export interface Coverage {
  /** Clouds whose accelerator selections (instance types, VM sizes …) are read. */
  readonly compute: readonly Platform[];
  /** The AI services recognised, by cloud, in table order. */
  readonly aiServices: ReadonlyMap<Platform, readonly string[]>;
  /** Clouds whose accounts, subscriptions, tenants or partitions are read. */
  readonly accounts: readonly Platform[];
  /** Clouds whose peering and interconnect far sides are read. */
  readonly interconnects: readonly Platform[];
}

function cloudsWhere(test: (p: SupportedPackage) => boolean): Platform[] {
  return [...new Set(SUPPORTED_PACKAGES.filter(test).map((p) => p.cloud))];
}

function aiServicesByCloud(): Map<Platform, string[]> {
  const out = new Map<Platform, string[]>();
  for (const row of [...AI_SERVICE_MODULES, ...OTHER_PACKAGE_AI_SERVICE_MODULES]) {
    const cloud = packageOfToken(row.module)?.cloud;
    if (cloud === undefined) continue;
    const services = out.get(cloud) ?? [];
    if (!services.includes(row.service)) services.push(row.service);
    out.set(cloud, services);
  }
  return out;
}

/** What the facts cover, from the package registry and the AI-service rows. */
export const COVERAGE: Coverage = {
  compute: cloudsWhere((p) => p.computeTokens > 0),
  aiServices: aiServicesByCloud(),
  accounts: cloudsWhere((p) => p.accounts),
  interconnects: cloudsWhere((p) => p.interconnectTokens > 0),
};

/** Strips the SDK proxy from props so facts read raw values (and see unknown sentinels). */
export function viewOf(r: {
  type: string;
  urn: string;
  name: string;
  props: unknown;
  provider?: { type: string; urn: string; name: string; props: unknown };
}): ResourceView {
  const provider: ProviderView | undefined = r.provider
    ? { ...r.provider, props: (unwrap(r.provider.props) ?? {}) as ProviderView["props"] }
    : undefined;
  return {
    type: r.type,
    urn: r.urn,
    name: r.name,
    props: (unwrap(r.props) ?? {}) as ResourceView["props"],
    provider,
  };
}

/**
 * What the resource means for the jurisdiction policies, or undefined when it is neither a
 * compute kind that can select accelerators nor an AI service.
 */
export function describe(resource: ResourceView, ctx: EvalContext): ResourceFacts | undefined {
  const token = normaliseToken(resource.type);
  const mod = packageOfToken(token);
  if (!mod) return undefined;
  const template = mod.templates?.get(token);
  if (template) return describeTemplate(resource, token, mod, template, ctx);
  const compute = mod.extractors.get(token)?.(resource.props);
  const ai = lookupAiService(token);
  if (!compute && !ai) return undefined;
  return {
    cloud: mod.cloud,
    token,
    placement: mod.placement(resource, token, ctx),
    additionalPlacements: mod.additionalPlacements?.(resource, token, ctx) ?? [],
    compute,
    aiService: ai ? { entry: ai } : undefined,
  };
}

/** A template-carrying kind: what its template declares, read in the region it is placed in. */
function describeTemplate(
  resource: ResourceView,
  token: string,
  mod: PackageModule,
  kind: TemplateKind,
  ctx: EvalContext,
): ResourceFacts {
  const placement = kind.placement?.(resource) ?? mod.placement(resource, token, ctx);
  return withContents(
    { cloud: mod.cloud, token, placement, additionalPlacements: [] },
    kind.contents(resource, placement),
  );
}

function withContents(
  base: Omit<ResourceFacts, "compute" | "aiService">,
  contents: TemplateContents,
): ResourceFacts {
  return { ...base, compute: contents.compute, aiService: contents.aiServices[0] };
}

/** The accounts, subscriptions, tenants and partitions a resource is deployed through. */
export function describeAccounts(
  resource: ResourceView,
  ctx: EvalContext,
): AccountFacts | undefined {
  return packageOfToken(normaliseToken(resource.type))?.accounts?.(resource, ctx);
}

/** The far side of a peering, VPN, BGP session, interconnect or endpoint, if the resource is one. */
export function describeInterconnect(resource: ResourceView): InterconnectFacts | undefined {
  const token = normaliseToken(resource.type);
  return packageOfToken(token)?.interconnects?.get(token)?.(resource.props);
}

/**
 * Where a resource itself is, as its package places it (any resource kind, not only compute):
 * the near end of a peering or endpoint, for the same-jurisdiction rule of the peering policy.
 */
export function placementOf(resource: ResourceView, ctx: EvalContext): Placement | undefined {
  const token = normaliseToken(resource.type);
  return packageOfToken(token)?.placement(resource, token, ctx);
}

/** Indexes a stack once for `resolveInheritedPlacement`. O(n); the azure-native index is lazy. */
export function indexStack(views: readonly ResourceView[]): StackIndex {
  const byUrn = new Map(views.map((v) => [v.urn, v]));
  let azure: AzureStackIndex | undefined;
  return {
    views,
    byUrn,
    azure: () => (azure ??= indexAzureStack(views)),
  };
}

/**
 * Stack phase: the placement of a resource whose facts say `inherited` (an AKS node pool, a Batch
 * pool, a classic ML compute …), resolved through its parent in the stack. A resource that is not
 * inherited keeps its placement; a package without parent links answers with what it has.
 */
export function resolveInheritedPlacement(
  view: ResourceView,
  facts: ResourceFacts,
  index: StackIndex,
  ctx: EvalContext,
): Placement {
  if (facts.placement.status !== "inherited") return facts.placement;
  const mod = packageOfToken(facts.token);
  return mod?.resolveInherited?.(view, facts.token, index, ctx) ?? facts.placement;
}

/**
 * Stack phase: the facts of a resource whose placement is `inherited`, once for every place it is
 * deployed to: a StackSet once per instance region (its template read in that region), any other
 * kind once, with the placement of its parent (`resolveInheritedPlacement`).
 */
export function resolveInheritedFacts(
  view: ResourceView,
  facts: ResourceFacts,
  index: StackIndex,
  ctx: EvalContext,
): readonly ResourceFacts[] {
  if (facts.placement.status !== "inherited") return [facts];
  const deployments = packageOfToken(facts.token)?.templates?.get(facts.token)?.deployments;
  if (deployments) {
    return deployments(view, index.views, ctx).map((d) =>
      withContents({ ...facts, placement: d.placement, additionalPlacements: [] }, d.contents),
    );
  }
  return [{ ...facts, placement: resolveInheritedPlacement(view, facts, index, ctx) }];
}

export { normaliseToken };
