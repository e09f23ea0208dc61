// From a resource as the engine sends it to what it means: cloud, placement, accelerators,
// AI service. The only entry point policies use; cloud-specific work is delegated to facts/aws
// and facts/azure through token-keyed tables.
import { lookupAiService } from "../data/ai-services";
import type { Cloud } from "../data/types";
import { unwrap } from "../values";
import { AWS_COMPUTE_EXTRACTORS, awsPlacement } from "./aws";
import { awsAccountFacts } from "./aws/accounts";
import { AWS_INTERCONNECT_EXTRACTORS } from "./aws/interconnect";
import { azureAccountFacts } from "./azure/accounts";
import { AZURE_INTERCONNECT_EXTRACTORS } from "./azure/interconnect";
import type { InterconnectExtractor } from "./peers";
import { AZURE_COMPUTE_EXTRACTORS, azureAdditionalPlacements, azurePlacement } from "./azure";
import type { ComputeExtractor } from "./compute";
import { normaliseToken } from "./tokens";
import type {
  AccountFacts,
  EvalContext,
  InterconnectFacts,
  ProviderView,
  ResourceFacts,
  ResourceView,
} from "./types";

interface CloudModule {
  readonly extractors: ReadonlyMap<string, ComputeExtractor>;
  readonly interconnects: ReadonlyMap<string, InterconnectExtractor>;
  accounts(resource: ResourceView, ctx: EvalContext): AccountFacts;
  placement(resource: ResourceView, token: string, ctx: EvalContext): ResourceFacts["placement"];
  additionalPlacements?(
    resource: ResourceView,
    token: string,
    ctx: EvalContext,
  ): ResourceFacts["additionalPlacements"];
}

const CLOUDS: Readonly<Record<Cloud, CloudModule>> = {
  aws: {
    extractors: AWS_COMPUTE_EXTRACTORS,
    interconnects: AWS_INTERCONNECT_EXTRACTORS,
    accounts: (r) => awsAccountFacts(r),
    placement: (r, _t, ctx) => awsPlacement(r, ctx),
  },
  azure: {
    extractors: AZURE_COMPUTE_EXTRACTORS,
    interconnects: AZURE_INTERCONNECT_EXTRACTORS,
    accounts: azureAccountFacts,
    placement: azurePlacement,
    additionalPlacements: azureAdditionalPlacements,
  },
};

/** Type-token prefixes of the Pulumi packages each cloud module understands. */
const PREFIXES: readonly [string, Cloud][] = [
  ["aws:", "aws"],
  ["azure-native:", "azure"],
];

export function cloudOfToken(token: string): Cloud | undefined {
  for (const [prefix, cloud] of PREFIXES) if (token.startsWith(prefix)) return cloud;
  return undefined;
}

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
  const cloud = cloudOfToken(token);
  if (!cloud) return undefined;
  const mod = CLOUDS[cloud];
  const compute = mod.extractors.get(token)?.(resource.props);
  const ai = lookupAiService(token);
  if (!compute && !ai) return undefined;
  return {
    cloud,
    token,
    placement: mod.placement(resource, token, ctx),
    additionalPlacements: mod.additionalPlacements?.(resource, token, ctx) ?? [],
    compute,
    aiService: ai ? { entry: ai } : undefined,
  };
}

/** The accounts, subscriptions, tenants and partitions a resource is deployed through. */
export function describeAccounts(
  resource: ResourceView,
  ctx: EvalContext,
): AccountFacts | undefined {
  const cloud = cloudOfToken(normaliseToken(resource.type));
  return cloud ? CLOUDS[cloud].accounts(resource, ctx) : undefined;
}

/** The far side of a peering, VPN, BGP session, interconnect or endpoint, if the resource is one. */
export function describeInterconnect(resource: ResourceView): InterconnectFacts | undefined {
  const token = normaliseToken(resource.type);
  const cloud = cloudOfToken(token);
  return cloud ? CLOUDS[cloud].interconnects.get(token)?.(resource.props) : undefined;
}

export { normaliseToken };
