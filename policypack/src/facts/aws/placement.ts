// Where an AWS resource lands. The AWS provider picks the region in this order, and so do we:
//   1. the resource's own `region` input (AWS provider v7),
//   2. the explicit provider's `region` input,
//   3. stack config `aws:region` (default provider only: explicit providers never read it),
//   4. the environment, AWS_REGION then AWS_DEFAULT_REGION,
//   5. the profile's `region` in the shared config file (profile: provider input `profile`, else
//      stack config `aws:profile` for the default provider, else AWS_PROFILE, else `default`).
// The chain (common/placement-chain.ts) walks these steps; an unknown value at any of them, the
// profile's name included, stops the search: the value could be any region.
import { awsPartitionOf, lookupAwsRegion } from "../../catalogue/regions";
import type {
  ChainInput,
  PlacementChain,
  RegionReading,
  StepReading,
} from "../common/placement-chain";
import {
  chainPlacement,
  configKeys,
  configSource,
  envSource,
  envVars,
  placementOf,
  providerInputs,
  providerSource,
  resourceInputs,
  search,
} from "../common/placement-chain";
import { providerName } from "../common/provider";
import type { CountryCode, RegionEntry } from "../../data/types";
import { Computed } from "../../values";
import type { EvalContext, Placement, PlacementOrigin, ResourceView } from "../types";
import { DEFAULT_AWS_PROFILE } from "./profile";

export const AWS_PROVIDER_TYPE = "pulumi:providers:aws";
export const AWS_REGION_CONFIG_KEY = "aws:region";
export const AWS_PROFILE_CONFIG_KEY = "aws:profile";
export const AWS_REGION_ENV_VARS = ["AWS_REGION", "AWS_DEFAULT_REGION"] as const;
export const AWS_PROFILE_ENV_VAR = "AWS_PROFILE";

const AWS_REGION_ENV_VARS_TRIED = `environment variables ${AWS_REGION_ENV_VARS.join(" and ")}`;

const awsChain = (inputs: readonly string[]): PlacementChain => ({
  cloud: "aws",
  providerType: AWS_PROVIDER_TYPE,
  steps: (at) => [
    resourceInputs(at, ...inputs),
    providerInputs(at, ["region"], { tried: "input" }),
    configKeys(at, [AWS_REGION_CONFIG_KEY]),
    envVars(at, AWS_REGION_ENV_VARS, AWS_REGION_ENV_VARS_TRIED),
    () => profileRegion(at),
  ],
  read: readAwsRegion,
});

const AWS_CHAIN = awsChain(["region"]);

/**
 * Where an AWS resource lands. `inputs` are the resource inputs that place it, most specific
 * first, for kinds with their own (a StackSet instance's `stackSetInstanceRegion`).
 */
export function awsPlacement(
  resource: ResourceView,
  ctx: EvalContext,
  inputs?: readonly string[],
): Placement {
  return chainPlacement(resource, ctx, inputs ? awsChain(inputs) : AWS_CHAIN);
}

/** A region written on a resource, as a resolved placement (a StackSet's deployment regions). */
export function awsRegionPlacement(written: string, origin: PlacementOrigin): Placement {
  return placementOf("aws", { kind: "resolved", written, origin }, readAwsRegion);
}

/** A region's catalogue entry, else the country of its partition (aws-cn is CN throughout). */
function readAwsRegion(written: string): RegionReading {
  const region = written.trim().toLowerCase();
  const entry = lookupAwsRegion(region);
  const country = entry?.country ?? awsPartitionOf(region)?.country;
  const reading: { region: string; entry?: RegionEntry; country?: CountryCode } = { region };
  if (entry) reading.entry = entry;
  if (country) reading.country = country;
  return reading;
}

/**
 * The profile's region. Its name is itself searched for: the provider's `profile` input, stack
 * config `aws:profile` (default provider only), AWS_PROFILE; none means the `default` profile.
 */
function profileRegion(at: ChainInput): StepReading {
  const { provider, ctx } = at;
  const name = search([
    () => ({
      sources: provider
        ? [
            providerSource(
              provider,
              "profile",
              `provider \`${providerName(provider)}\` input \`profile\``,
            ),
          ]
        : [],
    }),
    () =>
      at.explicit ? { sources: [] } : { sources: [configSource(ctx, AWS_PROFILE_CONFIG_KEY)] },
    () => ({ sources: [envSource(ctx, AWS_PROFILE_ENV_VAR)] }),
  ]);
  if (name.kind === "unknown") {
    // The profile may be any, so the region may be any.
    const origin = { kind: "profile", detail: name.origin.detail } as const;
    return { sources: [{ value: new Computed(name.path), origin, key: name.path }] };
  }
  const profile = name.kind === "resolved" ? name.written.trim() : undefined;
  const found = ctx.awsProfileRegion(profile);
  const shown = profile ?? DEFAULT_AWS_PROFILE;
  return {
    sources: [
      {
        value: found?.region,
        origin: { kind: "profile", detail: `profile \`${shown}\` in ${found?.file ?? ""}` },
        key: "region",
      },
    ],
    tried: [`region of profile \`${shown}\` in the shared AWS config file`],
  };
}
