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
import { unspecifiedAccelerator } from "../catalogue/accelerators";
import { isUnknown as isUnknownValue, unwrap } from "../values";
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
import type { StackView } from "./common/stack-links";
import { resolveComputedInput } from "./common/placement-chain";
import { findLinked, propertySources } from "./common/stack-links";
import {
  GCP_COMPUTE_EXTRACTORS,
  gcpAdditionalPlacements,
  gcpPlacement,
  gcpResolveInherited,
} from "./gcp";
import { GCP_INTERCONNECT_EXTRACTORS } from "./gcp/interconnect";
import { AWSX_COMPUTE_EXTRACTORS, awsxPlacement, awsxResolveInherited } from "./awsx";
import { EKS_COMPUTE_EXTRACTORS, eksPlacement, eksResolveInherited } from "./eks";
import { HUAWEICLOUD_COMPUTE_EXTRACTORS, huaweicloudPlacement } from "./huaweicloud";
import {
  KUBERNETES_COMPUTE_EXTRACTORS,
  kubernetesPlacement,
  resolveKubernetesInherited,
} from "./kubernetes";
import type { InterconnectExtractor } from "./peers";
import { TENCENTCLOUD_COMPUTE_EXTRACTORS, tencentcloudPlacement } from "./tencentcloud";
import { YANDEX_COMPUTE_EXTRACTORS, yandexPlacement } from "./yandex";
import { normaliseToken } from "./tokens";
import type {
  AcceleratorUse,
  AccountFacts,
  ComputeFacts,
  EvalContext,
  InterconnectFacts,
  PeerIdentifier,
  Placement,
  Platform,
  ProviderView,
  ResourceFacts,
  ResourceNature,
  ResourceView,
} from "./types";

/** The stack indexed once for the stack phase (every package's parent lookups). */
export interface StackIndex extends StackView {
  /** azure-native parents by name, built on first use. */
  azure(): AzureStackIndex;
}

/** What one Pulumi package contributes: how its resources are read. */
export interface PackageModule {
  /** The SDK package, for documentation: the npm name ("@pulumi/aws-native"), else its repository. */
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
    // Multi-language components, judged from their inputs whether or not their children show.
    npm: "@pulumi/eks",
    prefix: "eks:",
    cloud: "aws",
    extractors: EKS_COMPUTE_EXTRACTORS,
    placement: eksPlacement,
    resolveInherited: eksResolveInherited,
  },
  {
    npm: "@pulumi/awsx",
    prefix: "awsx:",
    cloud: "aws",
    extractors: AWSX_COMPUTE_EXTRACTORS,
    placement: awsxPlacement,
    resolveInherited: awsxResolveInherited,
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
    resolveInherited: gcpResolveInherited,
  },
  {
    npm: "@pulumi/alicloud",
    prefix: "alicloud:",
    cloud: "alicloud",
    extractors: ALICLOUD_COMPUTE_EXTRACTORS,
    placement: alicloudPlacement,
  },
  {
    npm: "tencentcloudstack/pulumi-tencentcloud",
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
    resolveInherited: (r, _token, index, ctx) => resolveKubernetesInherited(r, index, ctx),
  },
  {
    npm: "regrau/pulumi-yandex",
    prefix: "yandex:",
    cloud: "yandex",
    extractors: YANDEX_COMPUTE_EXTRACTORS,
    placement: yandexPlacement,
  },
];

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

/** A resource of AnalyzeStack as the policy SDK hands it over (what a stack view reads of it). */
export interface StackPhaseResource {
  readonly type: string;
  readonly urn: string;
  readonly name: string;
  readonly props: unknown;
  readonly provider?: { type: string; urn: string; name: string; props: unknown };
  readonly parent?: { readonly urn: string };
  readonly dependencies: readonly { readonly urn: string }[];
  readonly propertyDependencies: Readonly<Record<string, readonly { readonly urn: string }[]>>;
}

const NO_URNS: readonly string[] = Object.freeze([]);
const NO_PROPERTY_DEPENDENCIES: Readonly<Record<string, readonly string[]>> = Object.freeze({});

/**
 * A resource of the stack phase as the facts see it. Each stack policy is handed the whole stack,
 * and most resources are looked at no further than their type: props, provider and dependencies
 * are read from the SDK's resource when first asked for, not copied for every resource up front.
 */
class StackPhaseView implements ResourceView {
  readonly type: string;
  readonly urn: string;
  readonly name: string;
  readonly parent: string | undefined;
  readonly #resource: StackPhaseResource;
  #props: ResourceView["props"] | undefined;
  #provider: ProviderView | null | undefined;
  #dependencies: readonly string[] | undefined;
  #propertyDependencies: Readonly<Record<string, readonly string[]>> | undefined;

  constructor(resource: StackPhaseResource) {
    this.type = resource.type;
    this.urn = resource.urn;
    this.name = resource.name;
    this.parent = resource.parent?.urn;
    this.#resource = resource;
  }

  get props(): ResourceView["props"] {
    return (this.#props ??= (unwrap(this.#resource.props) ?? {}) as ResourceView["props"]);
  }

  get provider(): ProviderView | undefined {
    if (this.#provider === undefined) {
      const p = this.#resource.provider;
      this.#provider = p
        ? {
            type: p.type,
            urn: p.urn,
            name: p.name,
            props: (unwrap(p.props) ?? {}) as ProviderView["props"],
          }
        : null;
    }
    return this.#provider ?? undefined;
  }

  get dependencies(): readonly string[] {
    if (this.#dependencies === undefined) {
      const deps = this.#resource.dependencies;
      this.#dependencies = deps.length === 0 ? NO_URNS : deps.map((d) => d.urn);
    }
    return this.#dependencies;
  }

  get propertyDependencies(): Readonly<Record<string, readonly string[]>> {
    if (this.#propertyDependencies === undefined) {
      const entries = Object.entries(this.#resource.propertyDependencies);
      this.#propertyDependencies =
        entries.length === 0
          ? NO_PROPERTY_DEPENDENCIES
          : Object.fromEntries(entries.map(([k, deps]) => [k, deps.map((d) => d.urn)]));
    }
    return this.#propertyDependencies;
  }
}

/** The stack phase's resources as views, in the order the engine sent them. */
export function stackViewsOf(resources: readonly StackPhaseResource[]): ResourceView[] {
  return resources.map((r) => new StackPhaseView(r));
}

/**
 * What the resource means for the jurisdiction policies, or undefined when it is neither a
 * compute kind that can select accelerators nor an AI service.
 */
export function describe(resource: ResourceView, ctx: EvalContext): ResourceFacts | undefined {
  return describeNature(resource, ctx)?.placed();
}

/**
 * What a resource is (cloud, kind, accelerators, AI service) before where it is: its placement is
 * read by `placed()`, once, when a policy has a subject to place. Most resources of a stack are no
 * policy's subject (a CPU-only instance for the GPU policy, any instance for the AI-service
 * policy), and the placement chain is the costly part of describing one.
 */
export interface Described extends ResourceNature {
  /** The full facts: the nature with its placement read. */
  placed(): ResourceFacts;
}

export function describeNature(resource: ResourceView, ctx: EvalContext): Described | undefined {
  const token = normaliseToken(resource.type);
  const mod = packageOfToken(token);
  if (!mod) return undefined;
  const template = mod.templates?.get(token);
  if (template) {
    // What a template declares is read in the region it is placed in: placed at once.
    const facts = describeTemplate(resource, token, mod, template, ctx);
    return { ...facts, placed: () => facts };
  }
  const compute = mod.extractors.get(token)?.(resource.props);
  const ai = lookupAiService(token);
  if (!compute && !ai) return undefined;
  const cloud = mod.cloud;
  const aiService = ai ? { entry: ai } : undefined;
  let facts: ResourceFacts | undefined;
  return {
    cloud,
    token,
    compute,
    aiService,
    placed: () =>
      (facts ??= {
        cloud,
        token,
        placement: mod.placement(resource, token, ctx),
        additionalPlacements: mod.additionalPlacements?.(resource, token, ctx) ?? [],
        compute,
        aiService,
      }),
  };
}

/**
 * Whether the stack phase can change what a resource is, not only where it is: compute links lend
 * the hardware of the resources they name, and a StackSet's template is read once per instance.
 */
export function natureAwaitsStack(nature: ResourceNature): boolean {
  return (
    (nature.compute?.links?.length ?? 0) > 0 ||
    packageOfToken(nature.token)?.templates?.has(nature.token) === true
  );
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
export function indexStack(views: readonly ResourceView[], ctx: EvalContext): StackIndex {
  const byUrn = new Map(views.map((v) => [v.urn, v]));
  let azure: AzureStackIndex | undefined;
  const placements = new Map<string, Placement | undefined>();
  const index: StackIndex = {
    views,
    byUrn,
    azure: () => (azure ??= indexAzureStack(views)),
    placementOf(resource) {
      if (placements.has(resource.urn)) return placements.get(resource.urn);
      placements.set(resource.urn, undefined); // a cycle ends here
      const token = normaliseToken(resource.type);
      const mod = packageOfToken(token);
      const own = mod?.placement(resource, token, ctx);
      const at = own && stackPlacement(resource, own, token, index, ctx);
      placements.set(resource.urn, at);
      return at;
    },
  };
  return index;
}

/**
 * Stack phase: where a resource lands when the stack decides it. `inherited` (an AKS node pool, a
 * Batch pool, a GKE node pool named by its computed `cluster` …) resolves through its parent; a
 * placement computed from one of its own inputs resolves through the resources that input came
 * from (propertyDependencies), for every cloud. Anything else is kept.
 */
function stackPlacement(
  view: ResourceView,
  placement: Placement,
  token: string,
  index: StackIndex,
  ctx: EvalContext,
): Placement {
  if (placement.status === "inherited") {
    return packageOfToken(token)?.resolveInherited?.(view, token, index, ctx) ?? placement;
  }
  return resolveComputedInput(view, placement, index, (r) => index.placementOf(r));
}

/** Whether a placement waits for the stack phase: inherited, or computed from a resource input. */
export function awaitsStack(placement: Placement): boolean {
  return (
    placement.status === "inherited" ||
    (placement.status === "computed" && placement.origin.kind === "resource")
  );
}

/**
 * Stack phase: the placement of a resource whose facts say `inherited` (an AKS node pool, a Batch
 * pool, a classic ML compute …) or computed from one of its inputs, resolved through the stack. A
 * resource that waits for nothing keeps its placement.
 */
export function resolveInheritedPlacement(
  view: ResourceView,
  facts: ResourceFacts,
  index: StackIndex,
  ctx: EvalContext,
): Placement {
  if (!awaitsStack(facts.placement)) return facts.placement;
  return stackPlacement(view, facts.placement, facts.token, index, ctx);
}

/**
 * Stack phase: the facts with their compute links followed. Each link's target found in the stack
 * lends its accelerators (paths read "versions[0].instanceTemplate → tmpl.machineType"); a target
 * not in the stack cannot be read, so it counts as accelerator hardware of unknown model (fail
 * closed: denied in a restricted jurisdiction, with a message that says why).
 */
function shortName(token: string): string {
  return token.split(":").pop() ?? token;
}

export function resolveComputeLinks(
  view: ResourceView,
  facts: ResourceFacts,
  index: StackIndex,
  ctx: EvalContext,
): ResourceFacts {
  const links = facts.compute?.links ?? [];
  if (!facts.compute || links.length === 0) return facts;
  const accelerators: AcceleratorUse[] = [...facts.compute.accelerators];
  const computed: string[] = [...facts.compute.computed];
  for (const link of links) {
    const match = findLinked(view, link, index);
    const target = match && describeNature(match.target, ctx)?.compute;
    if (!match || !target) {
      // Fail closed: hardware chosen by a resource the pack cannot read may be a GPU.
      const value = link.written[0] ?? "(computed)";
      const info = unspecifiedAccelerator(
        `${link.targetTypes.map(shortName).join("/")} not in this stack (machine type unreadable)`,
      );
      accelerators.push({ path: link.path, value, info });
      continue;
    }
    for (const use of target.accelerators) {
      accelerators.push({ ...use, path: `${link.path} → ${match.target.name}.${use.path}` });
    }
    for (const path of target.computed)
      computed.push(`${link.path} → ${match.target.name}.${path}`);
  }
  // The links are followed: what they lent is in `accelerators` and `computed` now.
  const { links: _followed, ...kept } = facts.compute;
  const compute: ComputeFacts = {
    ...kept,
    accelerators,
    computed: [...new Set(computed)],
  };
  return { ...facts, compute };
}

/**
 * Stack phase: the facts of a resource whose placement waits for the stack (`awaitsStack`), once
 * for every place it is deployed to: a StackSet once per instance region (its template read in that
 * region), any other kind once, with the placement the stack gives it (`resolveInheritedPlacement`).
 */
export function resolveInheritedFacts(
  view: ResourceView,
  facts: ResourceFacts,
  index: StackIndex,
  ctx: EvalContext,
): readonly ResourceFacts[] {
  if (!awaitsStack(facts.placement)) return [facts];
  const deployments =
    facts.placement.status === "inherited"
      ? packageOfToken(facts.token)?.templates?.get(facts.token)?.deployments
      : undefined;
  if (deployments) {
    return deployments(view, index.views, ctx).map((d) =>
      withContents({ ...facts, placement: d.placement, additionalPlacements: [] }, d.contents),
    );
  }
  return [{ ...facts, placement: resolveInheritedPlacement(view, facts, index, ctx) }];
}

export { normaliseToken };

/** The top-level input of a property path ("privateLinkServiceConnections[0].id" → its list). */
function topLevelInput(path: string): string {
  return path.split(/[.[]/)[0] ?? path;
}

const FAR_SIDE_ACCOUNT_TIES: ReadonlySet<string> = new Set([
  "aws-account",
  "azure-subscription",
  "azure-tenant",
]);

/** Kinds with no region of their own, whatever their provider's default region. */
const GLOBAL_KINDS: ReadonlySet<string> = new Set(["gcp:compute/network:Network"]);

/** The identifiers of a far-side resource of the stack: its place, accounts and GCP project. */
function farSidePeers(
  target: ResourceView,
  placement: Placement,
  input: string,
  ctx: EvalContext,
): PeerIdentifier[] {
  const from = { type: target.type, name: target.name };
  const out: PeerIdentifier[] = [];
  // A global resource (a Google Cloud VPC network spans every region) has no place of its own: the
  // provider's default region says nothing of where the far side runs.
  if (placement.status === "resolved" && !GLOBAL_KINDS.has(normaliseToken(target.type))) {
    out.push({
      kind: "region",
      value: placement.region,
      path: input,
      from,
      ...(placement.country ? { country: placement.country } : {}),
    });
  }
  for (const tie of describeAccounts(target, ctx)?.ties ?? []) {
    if (FAR_SIDE_ACCOUNT_TIES.has(tie.kind)) {
      out.push({ kind: tie.kind as PeerIdentifier["kind"], value: tie.value, path: input, from });
    }
  }
  if (packageOfToken(normaliseToken(target.type))?.cloud === "gcp") {
    const project = [target.props["project"], target.provider?.props["project"]].find(
      (v): v is string => typeof v === "string" && v.trim() !== "" && !isUnknownValue(v),
    );
    if (project)
      out.push({ kind: "gcp-project", value: project.trim().toLowerCase(), path: input, from });
  }
  return out;
}

/** What the stack tells of an interconnect's far side. */
export interface FarSides {
  /** Identifiers read from the resources of the stack the far-side inputs come from. */
  readonly peers: readonly PeerIdentifier[];
  /** Computed far-side paths the stack does not resolve (still an advisory note). */
  readonly computed: readonly string[];
}

/**
 * Stack phase: the far side of an interconnect declared in the same stack. Each input that names
 * the far side (a written or computed identifier, or a link such as a VPC peering's `peerVpcId`)
 * is followed through the engine's `propertyDependencies` to the resources its value comes from;
 * each of those is a far side, judged by its region (when the stack resolves it), accounts and
 * project like any written far side. A computed path is resolved when its input comes from at
 * least one such resource and every resource of a known package it comes from gives an
 * identifier (a computed placement gives none); a resource of a package the pack does not read
 * (`random:`) tells nothing and is passed over.
 */
export function resolveFarSides(
  view: ResourceView,
  ic: InterconnectFacts,
  index: StackIndex,
  ctx: EvalContext,
): FarSides {
  const inputs = new Set<string>([
    ...(ic.links ?? []),
    ...ic.peers.map((p) => topLevelInput(p.path)),
    ...ic.computed.map(topLevelInput),
  ]);
  const peers: PeerIdentifier[] = [];
  const resolved = new Set<string>();
  for (const input of inputs) {
    let placed = 0;
    let unplaced = 0;
    for (const target of propertySources(view, input, index)) {
      const at = index.placementOf(target);
      if (at === undefined) continue;
      // A far side whose place nothing names (a global Google Cloud network in a project-only
      // configuration) is judged by its accounts and project, as its written self link would be.
      const found =
        at.status === "resolved" || at.status === "unresolved"
          ? farSidePeers(target, at, input, ctx)
          : [];
      if (found.length === 0) {
        unplaced++;
        continue;
      }
      placed++;
      peers.push(...found);
    }
    if (placed > 0 && unplaced === 0) resolved.add(input);
  }
  return { peers, computed: ic.computed.filter((p) => !resolved.has(topLevelInput(p))) };
}
