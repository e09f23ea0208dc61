// Typed fixtures for the facts of the packages beyond @pulumi/aws and @pulumi/azure-native:
// resources as the engine sends them, each built from a compliant starting point (a GPU kind in a
// non-restricted region) so a case changes one field and shows what that field does.
import { describe } from "../../../../policypack/src/facts";
import type {
  EvalContext,
  Placement,
  ProviderView,
  ResourceFacts,
  ResourceView,
} from "../../../../policypack/src/facts/types";
import type { Props } from "../../../../policypack/src/values";

/** What the engine sends for a value that is only known at `pulumi up`. */
export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

export const STACK = "urn:pulumi:dev::other-providers";

/** The Pulumi packages these tests cover, by the name in their provider type. */
export type PackageName =
  "aws-native" | "azure" | "gcp" | "alicloud" | "tencentcloud" | "huaweicloud";

export function urnOf(token: string, name: string): string {
  return `${STACK}::${token}::${name}`;
}

/** The engine's default provider (`default_<version>`), whose inputs come from stack config. */
export function defaultProvider(pkg: PackageName, props: Props = {}): ProviderView {
  const type = `pulumi:providers:${pkg}`;
  const name = "default_1_0_0";
  return { type, urn: urnOf(type, name), name, props };
}

/** An explicit provider (`new gcp.Provider("hk", …)`): it never reads stack config. */
export function explicitProvider(pkg: PackageName, name: string, props: Props = {}): ProviderView {
  const type = `pulumi:providers:${pkg}`;
  return { type, urn: urnOf(type, name), name, props };
}

export interface ResourceOptions {
  readonly name?: string;
  /** `null` leaves the resource without a provider view. */
  readonly provider?: ProviderView | null;
  readonly parent?: string;
  readonly dependencies?: readonly string[];
  readonly propertyDependencies?: Readonly<Record<string, readonly string[]>>;
}

/** A resource of `token`; the default provider of its package unless told otherwise. */
export function resource(token: string, props: Props, opts: ResourceOptions = {}): ResourceView {
  const name = opts.name ?? "r";
  const pkg = token.split(":")[0] as PackageName;
  const provider = opts.provider === null ? undefined : (opts.provider ?? defaultProvider(pkg));
  return {
    type: token,
    urn: urnOf(token, name),
    name,
    props,
    ...(provider ? { provider } : {}),
    ...(opts.parent !== undefined ? { parent: opts.parent } : {}),
    ...(opts.dependencies ? { dependencies: opts.dependencies } : {}),
    ...(opts.propertyDependencies ? { propertyDependencies: opts.propertyDependencies } : {}),
  };
}

/** A copy of `r` with some props replaced (`undefined` removes one). */
export function withProps(r: ResourceView, props: Record<string, unknown>): ResourceView {
  const next: Record<string, unknown> = { ...r.props };
  for (const [k, v] of Object.entries(props)) {
    if (v === undefined) delete next[k];
    else next[k] = v;
  }
  return { ...r, props: next };
}

export function withProvider(r: ResourceView, provider: ProviderView | undefined): ResourceView {
  const { provider: _old, ...rest } = r;
  return provider ? { ...rest, provider } : rest;
}

export function context(
  config: Record<string, string> = {},
  env: Record<string, string | undefined> = {},
): EvalContext {
  return { stackConfig: new Map(Object.entries(config)), env, awsProfileRegion: () => undefined };
}

/** The facts of `r`; fails the test when the resource is not described at all. */
export function factsOf(r: ResourceView, ctx: EvalContext = context()): ResourceFacts {
  const facts = describe(r, ctx);
  if (!facts) throw new Error(`${r.type} is not described`);
  return facts;
}

/** The chips a resource selects, by name. */
export function chipsOf(r: ResourceView, ctx?: EvalContext): string[] {
  return (factsOf(r, ctx).compute?.accelerators ?? []).map((u) => u.info.chip.name);
}

/** The paths of the accelerator selections. */
export function pathsOf(r: ResourceView, ctx?: EvalContext): string[] {
  return (factsOf(r, ctx).compute?.accelerators ?? []).map((u) => u.path);
}

/** Region and country of a resolved placement, or its status. */
export function where(p: Placement): string {
  if (p.status === "resolved") return `${p.region} ${p.country ?? "?"}`;
  return p.status;
}

export function placementOf(r: ResourceView, ctx?: EvalContext): Placement {
  return factsOf(r, ctx).placement;
}
