// Where an AWS resource lands. The AWS provider picks the region in this order, and so do we:
//   1. the resource's own `region` input (AWS provider v7),
//   2. the explicit provider's `region` input,
//   3. stack config `aws:region` (default provider only: explicit providers never read it),
//   4. the environment, AWS_REGION then AWS_DEFAULT_REGION,
//   5. the profile's `region` in the shared config file (profile: provider input `profile`, else
//      stack config `aws:profile` for the default provider, else AWS_PROFILE, else `default`).
// A computed value at any step stops the search: the value could be any region.
import { awsPartitionOf, lookupAwsRegion } from "../../catalogue/regions";
import { Computed, isUnknown, readString } from "../../values";
import { DEFAULT_AWS_PROFILE } from "./profile";
import type { EvalContext, Placement, PlacementOrigin, ProviderView, ResourceView } from "../types";

export const AWS_PROVIDER_TYPE = "pulumi:providers:aws";
export const AWS_REGION_CONFIG_KEY = "aws:region";
export const AWS_PROFILE_CONFIG_KEY = "aws:profile";
export const AWS_REGION_ENV_VARS = ["AWS_REGION", "AWS_DEFAULT_REGION"] as const;
export const AWS_PROFILE_ENV_VAR = "AWS_PROFILE";

/** One step of the search: a value, a computed value, or nothing. */
type Step =
  | { readonly kind: "value"; readonly value: string; readonly origin: PlacementOrigin }
  | { readonly kind: "computed"; readonly path: string; readonly origin: PlacementOrigin }
  | { readonly kind: "none"; readonly tried: string };

export function awsPlacement(resource: ResourceView, ctx: EvalContext): Placement {
  const provider = awsProvider(resource.provider);
  const explicit = provider !== undefined && !isDefaultProvider(provider);
  const tried: string[] = [];

  const steps: (() => Step)[] = [
    () => resourceRegion(resource),
    () => providerRegion(provider),
    () => (explicit ? none("") : configRegion(ctx)),
    () => envRegion(ctx),
    () => profileRegion(provider, explicit, ctx),
  ];

  for (const step of steps) {
    const s = step();
    if (s.kind === "value") return resolved(s.value, s.origin);
    if (s.kind === "computed") {
      return { status: "computed", cloud: "aws", path: s.path, origin: s.origin };
    }
    if (s.tried) tried.push(s.tried);
  }
  return { status: "unresolved", cloud: "aws", tried };
}

function resolved(written: string, origin: PlacementOrigin): Placement {
  const region = written.trim().toLowerCase();
  const entry = lookupAwsRegion(region);
  const country = entry?.country ?? awsPartitionOf(region)?.country;
  return {
    status: "resolved",
    cloud: "aws",
    written,
    region,
    ...(entry ? { entry } : {}),
    ...(country ? { country } : {}),
    origin,
  };
}

function none(tried: string): Step {
  return { kind: "none", tried };
}

/** A string input: value, computed, or absent. */
function fromInput(
  value: string | Computed | undefined,
  origin: PlacementOrigin,
  tried: string,
): Step {
  if (value instanceof Computed) return { kind: "computed", path: value.path, origin };
  if (value !== undefined && value.trim() !== "") return { kind: "value", value, origin };
  return none(tried);
}

function resourceRegion(resource: ResourceView): Step {
  const detail = "resource input `region`";
  return fromInput(readString(resource.props, "region"), { kind: "resource", detail }, detail);
}

function providerRegion(provider: ProviderView | undefined): Step {
  if (!provider) return none("");
  // The engine builds the default provider's inputs from stack config, so say where to change it.
  const detail = isDefaultProvider(provider)
    ? `default provider \`${providerName(provider)}\` input \`region\` (stack config \`${AWS_REGION_CONFIG_KEY}\`)`
    : `provider \`${providerName(provider)}\` input \`region\``;
  const tried = `provider \`${providerName(provider)}\` input \`region\``;
  return fromInput(readString(provider.props, "region"), { kind: "provider", detail }, tried);
}

function configRegion(ctx: EvalContext): Step {
  const detail = `stack config \`${AWS_REGION_CONFIG_KEY}\``;
  const value = ctx.stackConfig.get(AWS_REGION_CONFIG_KEY);
  return plainValue(value, { kind: "stack-config", detail }, detail, AWS_REGION_CONFIG_KEY);
}

function envRegion(ctx: EvalContext): Step {
  for (const name of AWS_REGION_ENV_VARS) {
    const value = ctx.env[name];
    if (value !== undefined && value.trim() !== "") {
      return {
        kind: "value",
        value,
        origin: { kind: "env", detail: `environment variable ${name}` },
      };
    }
  }
  return none(`environment variables ${AWS_REGION_ENV_VARS.join(" and ")}`);
}

function profileRegion(
  provider: ProviderView | undefined,
  explicit: boolean,
  ctx: EvalContext,
): Step {
  const profile = profileName(provider, explicit, ctx);
  if (profile instanceof Computed) {
    const name = provider ? providerName(provider) : "aws";
    const detail = `provider \`${name}\` input \`profile\``;
    return { kind: "computed", path: profile.path, origin: { kind: "profile", detail } };
  }
  const found = ctx.awsProfileRegion(profile);
  const shown = profile ?? DEFAULT_AWS_PROFILE;
  if (found && found.region.trim() !== "") {
    const detail = `profile \`${shown}\` in ${found.file}`;
    return { kind: "value", value: found.region, origin: { kind: "profile", detail } };
  }
  return none(`region of profile \`${shown}\` in the shared AWS config file`);
}

/**
 * Provider input `profile`, else stack config `aws:profile` (default provider only), else
 * AWS_PROFILE; undefined means the `default` profile.
 */
function profileName(
  provider: ProviderView | undefined,
  explicit: boolean,
  ctx: EvalContext,
): string | Computed | undefined {
  if (provider) {
    const fromProvider = readString(provider.props, "profile");
    if (fromProvider instanceof Computed) return fromProvider;
    if (fromProvider !== undefined && fromProvider.trim() !== "") return fromProvider.trim();
  }
  if (!explicit) {
    const fromConfig = ctx.stackConfig.get(AWS_PROFILE_CONFIG_KEY)?.trim();
    if (fromConfig && !isUnknown(fromConfig)) return fromConfig;
  }
  const fromEnv = ctx.env[AWS_PROFILE_ENV_VAR]?.trim();
  return fromEnv ? fromEnv : undefined;
}

function plainValue(
  value: string | undefined,
  origin: PlacementOrigin,
  tried: string,
  path: string,
): Step {
  if (value === undefined || value.trim() === "") return none(tried);
  if (isUnknown(value)) return { kind: "computed", path, origin };
  return { kind: "value", value, origin };
}

/** The resource's provider when it is an AWS provider. */
function awsProvider(provider: ProviderView | undefined): ProviderView | undefined {
  return provider && provider.type === AWS_PROVIDER_TYPE ? provider : undefined;
}

/** Default providers are named `default` or `default_<version>` (e.g. `default_7_48_0`). */
export function isDefaultProvider(provider: ProviderView): boolean {
  return /^default(_[0-9a-z_-]+)?$/i.test(providerName(provider));
}

/** The provider's name, from `name` or else the last segment of its URN. */
export function providerName(provider: ProviderView): string {
  if (provider.name) return provider.name;
  const urn = provider.urn.split("::").pop();
  return urn && urn !== provider.urn ? urn : provider.urn || "aws";
}
