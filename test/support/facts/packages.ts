// Typed fixtures for the facts of the packages beyond @pulumi/aws and @pulumi/azure-native:
// resources as the engine sends them, each built from a compliant starting point (a GPU kind in a
// non-restricted region) so a case changes one field and shows what that field does.
import { describe } from "../../../policypack/src/facts";
import type {
  EvalContext,
  Placement,
  ProviderView,
  ResourceFacts,
  ResourceView,
} from "../../../policypack/src/facts/types";
import type { Props } from "../../../policypack/src/values";
import type { ViewOptions } from "../views";
import { fakeContext, providerView, resourceView, stackUrn } from "../views";

export { COMPUTED as UNKNOWN, fakeContext as context, withProps, withProvider } from "../views";

export const STACK = stackUrn("dev", "other-providers");

/** The Pulumi packages these tests cover, by the name in their provider type. */
export type PackageName =
  "aws-native" | "azure" | "gcp" | "alicloud" | "tencentcloud" | "huaweicloud" | "eks" | "yandex";

export function urnOf(token: string, name: string): string {
  return `${STACK}::${token}::${name}`;
}

/** The engine's default provider (`default_<version>`), whose inputs come from stack config. */
export function defaultProvider(pkg: PackageName, props: Props = {}): ProviderView {
  return providerView(pkg, "default_1_0_0", props, STACK);
}

/** An explicit provider (`new gcp.Provider("hk", …)`): it never reads stack config. */
export function explicitProvider(pkg: PackageName, name: string, props: Props = {}): ProviderView {
  return providerView(pkg, name, props, STACK);
}

export interface ResourceOptions extends Omit<ViewOptions, "provider" | "stack"> {
  /** `null` leaves the resource without a provider view. */
  readonly provider?: ProviderView | null;
}

/** A resource of `token`; the default provider of its package unless told otherwise. */
export function resource(token: string, props: Props, opts: ResourceOptions = {}): ResourceView {
  const pkg = token.split(":")[0] as PackageName;
  const provider = opts.provider === null ? undefined : (opts.provider ?? defaultProvider(pkg));
  return resourceView(token, props, { ...opts, stack: STACK, provider });
}

/** The facts of `r`; fails the test when the resource is not described at all. */
export function factsOf(r: ResourceView, ctx: EvalContext = fakeContext()): ResourceFacts {
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
