// The one placement chain. Each cloud declares where its provider looks for a region, in the
// provider's own order, as steps (the resource's inputs, the provider's inputs, stack config,
// environment variables, a profile file, a provider default …); the chain walks them and stops at
// the first place that gives a value.
//
// One rule for unknown values, applied here and nowhere else: a value computed during preview
// (a `Computed` marker from the props readers, or the engine's unknown sentinel met in stack config
// or an environment variable) stops the search as "unknown": it could name any region, so no later
// step may answer instead. Whether an unknown is computed (checked again at `pulumi up`) or an
// unreadable secret (an offline scan) is the context's `unknowns` setting, decided by the policies.
// An empty or blank value is not given, and the search goes on.
import type { Cloud, CountryCode, RegionEntry } from "../../data/types";
import { Computed, isUnknown, readString } from "../../values";
import type { EvalContext, Placement, PlacementOrigin, ProviderView, ResourceView } from "../types";
import { isDefaultProvider, packageOfProviderType, providerName, providerOf } from "./provider";
import type { StackResources } from "./stack-links";
import { labelOf, propertySources } from "./stack-links";

/** One place a step reads. */
export interface Source {
  /** As read: a string, a `Computed` marker, the unknown sentinel, or undefined when absent. */
  readonly value: string | Computed | undefined;
  readonly origin: PlacementOrigin;
  /** Named as the unknown value's path when the value is the sentinel: "aws:region", "AWS_REGION". */
  readonly key: string;
}

/** What one step reads, and how it is listed among the places tried when none gives a value. */
export interface StepReading {
  readonly sources: readonly Source[];
  /** Each source's `origin.detail` when absent. */
  readonly tried?: readonly string[];
}

/** One step, read only when the search reaches it (a profile file is never read needlessly). */
export type Step = () => StepReading;

/** A step that does not apply here (no provider, an explicit provider and stack config …). */
export const SKIP: StepReading = { sources: [], tried: [] };

/** What the search found. */
export type Found =
  | { readonly kind: "resolved"; readonly written: string; readonly origin: PlacementOrigin }
  | { readonly kind: "unknown"; readonly path: string; readonly origin: PlacementOrigin }
  | { readonly kind: "not-given"; readonly tried: readonly string[] };

/** The one unknown-value rule: what one source gives, or undefined when it gives nothing. */
export function classify(source: Source): Exclude<Found, { kind: "not-given" }> | undefined {
  const v = source.value;
  if (v instanceof Computed) return { kind: "unknown", path: v.path, origin: source.origin };
  if (v === undefined || v.trim() === "") return undefined;
  if (isUnknown(v)) return { kind: "unknown", path: source.key, origin: source.origin };
  return { kind: "resolved", written: v, origin: source.origin };
}

/**
 * Walks `steps` in order. When none gives a value, the places tried are appended to `tried` and
 * returned; they are listed only then (a value is found most of the time).
 */
export function search(steps: readonly Step[], tried: string[] = []): Found {
  const passed: StepReading[] = [];
  for (const step of steps) {
    const reading = step();
    for (const source of reading.sources) {
      const found = classify(source);
      if (found) return found;
    }
    passed.push(reading);
  }
  for (const { sources, tried: listed } of passed) {
    for (const place of listed ?? sources.map((s) => s.origin.detail)) tried.push(place);
  }
  return { kind: "not-given", tried };
}

type Resolved = Extract<Placement, { status: "resolved" }>;

/** What a written region or zone means in one cloud. */
export interface RegionReading {
  /** Canonical region ("asia-east2" for zone "asia-east2-a"; qualified for listed clouds). */
  readonly region: string;
  readonly entry?: RegionEntry;
  readonly country?: CountryCode;
}

/** The placement a search result means in `cloud`, with `read` giving a written region its sense. */
export function placementOf(
  cloud: Cloud,
  found: Found,
  read: (written: string) => RegionReading,
): Placement {
  switch (found.kind) {
    case "resolved": {
      const r = read(found.written);
      const country = r.country ?? r.entry?.country;
      // Built up rather than spread from optional parts: a GPU policy places every GPU resource.
      const placement: { -readonly [K in keyof Resolved]: Resolved[K] } = {
        status: "resolved",
        cloud,
        written: found.written,
        region: r.region,
        origin: found.origin,
      };
      if (r.entry) placement.entry = r.entry;
      if (country) placement.country = country;
      return placement;
    }
    case "unknown":
      return { status: "computed", cloud, path: found.path, origin: found.origin };
    case "not-given":
      return { status: "unresolved", cloud, tried: found.tried };
  }
}

// ---------------------------------------------------------------------------------------------
// The places providers look, as sources and steps a cloud declares

/** The resource, its provider (when of the cloud's provider type) and the pack's surroundings. */
export interface ChainInput {
  readonly resource: ResourceView;
  readonly ctx: EvalContext;
  readonly provider: ProviderView | undefined;
  /** An explicit provider never reads stack config; a default one (or none in view) is built from it. */
  readonly explicit: boolean;
}

export function chainInput(
  resource: ResourceView,
  ctx: EvalContext,
  providerType: string,
): ChainInput {
  const provider = providerOf(resource, providerType);
  return {
    resource,
    ctx,
    provider,
    explicit: provider !== undefined && !isDefaultProvider(provider),
  };
}

export function resourceSource(resource: ResourceView, path: string): Source {
  const detail = `resource input \`${path}\``;
  return {
    value: readString(resource.props, path),
    origin: { kind: "resource", detail },
    key: path,
  };
}

export function providerSource(provider: ProviderView, input: string, detail: string): Source {
  return {
    value: readString(provider.props, input),
    origin: { kind: "provider", detail },
    key: input,
  };
}

export function configSource(ctx: EvalContext, key: string): Source {
  const detail = `stack config \`${key}\``;
  return { value: ctx.stackConfig.get(key), origin: { kind: "stack-config", detail }, key };
}

export function envSource(
  ctx: EvalContext,
  name: string,
  detail = `environment variable ${name}`,
): Source {
  return { value: ctx.env[name], origin: { kind: "env", detail }, key: name };
}

/** The resource's own inputs, most specific first. */
export function resourceInputs(at: ChainInput, ...paths: string[]): Step {
  return () => ({ sources: paths.map((p) => resourceSource(at.resource, p)) });
}

/**
 * The provider's inputs, named after the provider; a default provider's come from stack config
 * (`<package>:<input>`), which the wording says. `tried: "input"` lists them without that remark.
 */
export function providerInputs(
  at: ChainInput,
  inputs: readonly string[],
  opts: { readonly tried?: "detail" | "input" } = {},
): Step {
  return () => {
    const provider = at.provider;
    if (!provider) return SKIP;
    const name = providerName(provider);
    const pkg = packageOfProviderType(provider.type);
    const plain = (input: string): string => `provider \`${name}\` input \`${input}\``;
    const detail = (input: string): string =>
      at.explicit ? plain(input) : `default ${plain(input)} (stack config \`${pkg}:${input}\`)`;
    const sources = inputs.map((input) => providerSource(provider, input, detail(input)));
    return opts.tried === "input" ? { sources, tried: inputs.map(plain) } : { sources };
  };
}

/** Stack config keys; an explicit provider never reads them, so they are skipped for it. */
export function configKeys(at: ChainInput, keys: readonly string[]): Step {
  return () => (at.explicit ? SKIP : { sources: keys.map((k) => configSource(at.ctx, k)) });
}

/** Environment variables, in the provider's order; `tried` lists them as one place when given. */
export function envVars(at: ChainInput, names: readonly string[], tried?: string): Step {
  return () => ({
    sources: names.map((n) => envSource(at.ctx, n)),
    ...(tried === undefined ? {} : { tried: [tried] }),
  });
}

/** The region the provider uses when nothing names one. */
export function providerDefault(region: string, source: string): Step {
  const detail = `the provider's default region \`${region}\` (${source}); nothing else names a region`;
  return () => ({
    sources: [{ value: region, origin: { kind: "provider", detail }, key: region }],
  });
}

// ---------------------------------------------------------------------------------------------
// A cloud's chain

/** A cloud's placement: its provider type, its steps in the provider's order, and its regions. */
export interface PlacementChain {
  readonly cloud: Cloud;
  /** "pulumi:providers:gcp". */
  readonly providerType: string;
  steps(at: ChainInput): readonly Step[];
  read(written: string): RegionReading;
}

/** Where `resource` lands under `chain`, with the places tried when none names a region. */
export function chainPlacement(
  resource: ResourceView,
  ctx: EvalContext,
  chain: PlacementChain,
): Placement {
  const at = chainInput(resource, ctx, chain.providerType);
  return placementOf(chain.cloud, search(chain.steps(at)), (w) => chain.read(w));
}

/**
 * The common shape, for clouds whose provider resolves a region the simple way (Google Cloud,
 * the listed providers' clouds): resource inputs, provider inputs, stack config (default provider
 * only), environment variables, then the provider's default region if it has one.
 */
export interface ChainSpec {
  readonly cloud: Cloud;
  readonly providerType: string;
  /** Resource inputs that place it, most specific first ("zone", "region", "location"). */
  readonly resourceInputs: readonly string[];
  /** Provider inputs, in the provider's order ("zone", "region"). */
  readonly providerInputs: readonly string[];
  /** Stack config keys the default provider is built from ("gcp:zone", "gcp:region"). */
  readonly configKeys: readonly string[];
  /** Environment variables the provider reads, in its order. */
  readonly envVars: readonly string[];
  /** The region the provider uses when nothing names one, if it has such a default. */
  readonly providerDefault?: { readonly region: string; readonly source: string };
  read(written: string): RegionReading;
}

export function declaredChain(spec: ChainSpec): PlacementChain {
  const fallback = spec.providerDefault;
  return {
    cloud: spec.cloud,
    providerType: spec.providerType,
    read: spec.read,
    steps: (at) => [
      resourceInputs(at, ...spec.resourceInputs),
      providerInputs(at, spec.providerInputs),
      configKeys(at, spec.configKeys),
      envVars(at, spec.envVars),
      ...(fallback ? [providerDefault(fallback.region, fallback.source)] : []),
    ],
  };
}

// ---------------------------------------------------------------------------------------------
// The stack phase: placements that another resource of the stack decides

/** A resource's placement as the stack phase knows it (its own chain, then its links). */
export type StackPlacementOf = (resource: ResourceView) => Placement | undefined;

/** The top-level input of a property path: "location" of "location", "nodeConfig" of "nodeConfig.x". */
function topLevel(path: string): string {
  return path.split(/[.[]/)[0] ?? path;
}

/**
 * Stack phase, for every cloud: a placement computed from one of the resource's own inputs
 * (`location: cluster.location`, `region: vpc.region`) is where the resources that input came
 * from are placed, when the engine's `propertyDependencies` name them and their placements agree.
 * Otherwise the placement stays computed (an advisory note, known at `pulumi up`).
 */
export function resolveComputedInput(
  child: ResourceView,
  placement: Placement,
  stack: StackResources,
  placementOfResource: StackPlacementOf,
): Placement {
  if (placement.status !== "computed" || placement.origin.kind !== "resource") return placement;
  const input = topLevel(placement.path);
  const found: { readonly from: ResourceView; readonly at: Placement & { status: "resolved" } }[] =
    [];
  for (const from of propertySources(child, input, stack)) {
    const at = placementOfResource(from);
    if (at === undefined) continue;
    if (at.status !== "resolved" || at.cloud !== placement.cloud) return placement;
    found.push({ from, at });
  }
  const first = found[0];
  if (!first || found.some((f) => f.at.region !== first.at.region)) return placement;
  const detail = `\`${input}\` from ${labelOf(first.from)} (its ${first.at.origin.detail})`;
  return { ...first.at, origin: { kind: "parent", detail } };
}
