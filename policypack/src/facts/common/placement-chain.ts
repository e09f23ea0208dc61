// Placement for clouds whose provider resolves a region the same simple way (Google Cloud and
// the listed providers' clouds): the resource's own inputs, then the provider's inputs, then the
// stack config (default provider only, as for AWS: an explicit provider never reads it), then
// environment variables, then a provider default region if the provider has one. A computed value
// at any step stops the search: it could be any region.
import type { Cloud, CountryCode, RegionEntry } from "../../data/types";
import { Computed, isUnknown, readString } from "../../values";
import { isDefaultProvider, providerName } from "../aws/placement";
import type { EvalContext, Placement, PlacementOrigin, ProviderView, ResourceView } from "../types";

/** What a written region or zone means in one cloud. */
export interface RegionReading {
  /** Canonical region ("asia-east2" for zone "asia-east2-a"; qualified for listed clouds). */
  readonly region: string;
  readonly entry?: RegionEntry;
  readonly country?: CountryCode;
}

export interface ChainSpec {
  readonly cloud: Cloud;
  /** "pulumi:providers:gcp". */
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

type Step =
  | { readonly kind: "value"; readonly value: string; readonly origin: PlacementOrigin }
  | { readonly kind: "computed"; readonly path: string; readonly origin: PlacementOrigin };

function fromString(
  value: string | Computed | undefined,
  origin: PlacementOrigin,
): Step | undefined {
  if (value instanceof Computed) return { kind: "computed", path: value.path, origin };
  if (value === undefined || value.trim() === "") return undefined;
  if (isUnknown(value)) return { kind: "computed", path: origin.detail, origin };
  return { kind: "value", value: value.trim(), origin };
}

/** "pulumi:providers:gcp" → "gcp". */
function packageOf(spec: ChainSpec): string {
  return spec.providerType.replace(/^pulumi:providers:/, "");
}

function providerOf(resource: ResourceView, spec: ChainSpec): ProviderView | undefined {
  const p = resource.provider;
  return p && p.type === spec.providerType ? p : undefined;
}

/** The placement of `resource` under `spec`, with the list of places tried when none is found. */
export function chainPlacement(
  resource: ResourceView,
  ctx: EvalContext,
  spec: ChainSpec,
  resourceInputs: readonly string[] = spec.resourceInputs,
): Placement {
  const tried: string[] = [];
  const provider = providerOf(resource, spec);
  const explicit = provider !== undefined && !isDefaultProvider(provider);

  const steps: (() => Step | undefined)[] = [
    ...resourceInputs.map((input) => () => {
      const detail = `resource input \`${input}\``;
      tried.push(detail);
      return fromString(readString(resource.props, input), { kind: "resource", detail });
    }),
    ...spec.providerInputs.map((input) => () => {
      if (!provider) return undefined;
      const name = providerName(provider);
      const detail = explicit
        ? `provider \`${name}\` input \`${input}\``
        : `default provider \`${name}\` input \`${input}\` (stack config \`${packageOf(spec)}:${input}\`)`;
      tried.push(detail);
      return fromString(readString(provider.props, input), { kind: "provider", detail });
    }),
    ...spec.configKeys.map((key) => () => {
      if (explicit) return undefined;
      const detail = `stack config \`${key}\``;
      tried.push(detail);
      return fromString(ctx.stackConfig.get(key), { kind: "stack-config", detail });
    }),
    ...spec.envVars.map((name) => () => {
      const detail = `environment variable ${name}`;
      tried.push(detail);
      return fromString(ctx.env[name], { kind: "env", detail });
    }),
  ];

  for (const step of steps) {
    const s = step();
    if (s?.kind === "computed") {
      return { status: "computed", cloud: spec.cloud, path: s.path, origin: s.origin };
    }
    if (s?.kind === "value") return resolved(spec, s.value, s.origin);
  }
  if (spec.providerDefault) {
    const detail = `the provider's default region \`${spec.providerDefault.region}\` (${spec.providerDefault.source}); nothing else names a region`;
    return resolved(spec, spec.providerDefault.region, { kind: "provider", detail });
  }
  return { status: "unresolved", cloud: spec.cloud, tried };
}

function resolved(spec: ChainSpec, written: string, origin: PlacementOrigin): Placement {
  const r = spec.read(written);
  const country = r.country ?? r.entry?.country;
  return {
    status: "resolved",
    cloud: spec.cloud,
    written,
    region: r.region,
    ...(r.entry ? { entry: r.entry } : {}),
    ...(country ? { country } : {}),
    origin,
  };
}
