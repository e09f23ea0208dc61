// Reusing one package's placement and account logic for another package that reaches the same
// cloud the same way: aws-native through the AWS module, classic azure through the azure-native
// module. The resource is shown to the borrowed logic as if it came through the other package
// (provider type, stack config namespace), and the wording of the answer is turned back, so a
// message names `aws-native:region`, never `aws:region`.
import type { Props } from "../../values";
import type { AccountFacts, EvalContext, Placement, ResourceView } from "../types";

export interface PackageAlias {
  /** "aws-native": the package the resource really came through. */
  readonly from: string;
  /** "aws": the package whose logic is borrowed. */
  readonly to: string;
  /** Resource props the borrowed placement may read (the rest are hidden); all when absent. */
  readonly resourceProps?: readonly string[];
  /** Provider inputs spelled differently in the two packages, mapped into the borrowed shape. */
  providerProps?(props: Props): Props;
  /** Turns paths written in the borrowed shape back ("provider.assumeRoles[0]" → "provider.assumeRole"). */
  providerPath?(path: string): string;
}

const PROVIDER_PREFIX = "pulumi:providers:";

/** The resource as the borrowed package's logic expects it. */
export function aliasView(resource: ResourceView, alias: PackageAlias): ResourceView {
  const provider =
    resource.provider && resource.provider.type === `${PROVIDER_PREFIX}${alias.from}`
      ? {
          ...resource.provider,
          type: `${PROVIDER_PREFIX}${alias.to}`,
          props: alias.providerProps
            ? alias.providerProps(resource.provider.props)
            : resource.provider.props,
        }
      : undefined;
  const props = alias.resourceProps
    ? Object.fromEntries(
        alias.resourceProps.filter((k) => k in resource.props).map((k) => [k, resource.props[k]]),
      )
    : resource.props;
  // Field by field: a stack-phase view reads its props and links through getters (not own fields).
  return {
    type: resource.type,
    urn: resource.urn,
    name: resource.name,
    props,
    provider,
    parent: resource.parent,
    dependencies: resource.dependencies,
    propertyDependencies: resource.propertyDependencies,
  };
}

const CONTEXTS = new WeakMap<EvalContext, Map<string, EvalContext>>();

/**
 * The context with stack config moved between namespaces: `aws-native:region` is offered as
 * `aws:region`, and the borrowed package's own keys are hidden (the other package never reads them).
 */
export function aliasContext(ctx: EvalContext, alias: PackageAlias): EvalContext {
  let byAlias = CONTEXTS.get(ctx);
  if (!byAlias) CONTEXTS.set(ctx, (byAlias = new Map()));
  const key = `${alias.from}>${alias.to}`;
  const cached = byAlias.get(key);
  if (cached) return cached;
  const config = new Map<string, string>();
  for (const [k, v] of ctx.stackConfig) {
    if (k.startsWith(`${alias.to}:`)) continue;
    if (k.startsWith(`${alias.from}:`))
      config.set(`${alias.to}:${k.slice(alias.from.length + 1)}`, v);
    else config.set(k, v);
  }
  const aliased: EvalContext = {
    stackConfig: config,
    env: ctx.env,
    awsProfileRegion: (profile) => ctx.awsProfileRegion(profile),
    ...(ctx.now ? { now: () => (ctx.now as () => Date)() } : {}),
  };
  byAlias.set(key, aliased);
  return aliased;
}

/**
 * "stack config `aws:region`" → "stack config `aws-native:region`", "config.azure-native:tenantId"
 * → "config.azure:tenantId", "no azure-native provider" → "no azure provider".
 */
export function unaliasText(text: string, alias: PackageAlias): string {
  return text
    .split(`\`${alias.to}:`)
    .join(`\`${alias.from}:`)
    .split(`config.${alias.to}:`)
    .join(`config.${alias.from}:`)
    .split(` ${alias.to} provider`)
    .join(` ${alias.from} provider`);
}

export function unaliasPlacement(p: Placement, alias: PackageAlias): Placement {
  switch (p.status) {
    case "resolved":
    case "computed":
      return { ...p, origin: { ...p.origin, detail: unaliasText(p.origin.detail, alias) } };
    case "unresolved":
      return { ...p, tried: p.tried.map((t) => unaliasText(t, alias)) };
    case "inherited":
      return p;
  }
}

export function unaliasAccounts(f: AccountFacts, alias: PackageAlias): AccountFacts {
  const path = (s: string): string => {
    const text = unaliasText(s, alias);
    return alias.providerPath ? alias.providerPath(text) : text;
  };
  return {
    ties: f.ties.map((t) => ({ ...t, path: path(t.path) })),
    computed: f.computed.map(path),
  };
}
