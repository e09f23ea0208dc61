// Typed fixtures for policy decisions: start from a compliant resource, change one thing per case.
import { parseSettings } from "../../../policypack/src/config";
import type { EvalContext, ProviderView, ResourceView } from "../../../policypack/src/facts/types";
import type { Outcome } from "../../../policypack/src/findings";
import type { RuleSpec } from "../../../policypack/src/policies/rule";
import { evaluateWithConfig } from "../../../policypack/src/policies/rule";

export const COMPUTED = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
const STACK = "urn:pulumi:dev::proj";

export function fakeContext(
  stackConfig: Record<string, string> = {},
  env: Record<string, string | undefined> = {},
  profiles: Record<string, string> = {},
): EvalContext {
  return {
    stackConfig: new Map(Object.entries(stackConfig)),
    env,
    awsProfileRegion: (p) => {
      const region = profiles[p ?? "default"];
      return region ? { region, file: "/home/u/.aws/config" } : undefined;
    },
  };
}

export function awsProvider(
  props: Record<string, unknown> = { region: "us-east-1" },
): ProviderView {
  return {
    type: "pulumi:providers:aws",
    urn: `${STACK}::pulumi:providers:aws::default_7_48_0`,
    name: "default_7_48_0",
    props,
  };
}

export function azureProvider(
  props: Record<string, unknown> = { location: "westeurope" },
): ProviderView {
  return {
    type: "pulumi:providers:azure-native",
    urn: `${STACK}::pulumi:providers:azure-native::default_3_28_0`,
    name: "default_3_28_0",
    props,
  };
}

export function resource(
  type: string,
  name: string,
  props: Record<string, unknown>,
  provider?: ProviderView,
): ResourceView {
  return { type, name, urn: `${STACK}::${type}::${name}`, props, provider };
}

/** A compliant GPU instance: p4d in us-east-1 through the default provider. */
export function gpuInstance(
  over: { props?: Record<string, unknown>; provider?: ProviderView } = {},
): ResourceView {
  return resource(
    "aws:ec2/instance:Instance",
    "trainer",
    { ami: "ami-123", instanceType: "p4d.24xlarge", ...over.props },
    over.provider ?? awsProvider(),
  );
}

/** A compliant SageMaker endpoint in us-east-1. */
export function sagemakerEndpoint(over: { provider?: ProviderView } = {}): ResourceView {
  return resource(
    "aws:sagemaker/endpoint:Endpoint",
    "inference",
    { endpointConfigName: "cfg" },
    over.provider ?? awsProvider(),
  );
}

/** Runs a rule over one resource the way the pack does, with config validation. */
export function evaluate(
  rule: RuleSpec,
  view: ResourceView,
  config: Record<string, unknown> = {},
  ctx: EvalContext = fakeContext(),
  stackTags: Record<string, string> = {},
): Outcome {
  return evaluateWithConfig(
    rule,
    view,
    { ctx, stackTags: new Map(Object.entries(stackTags)) },
    config,
  );
}

/** Runs a rule's stack phase over the given resources. */
export function evaluateStackPhase(
  rule: RuleSpec,
  views: readonly ResourceView[],
  config: Record<string, unknown> = {},
  ctx: EvalContext = fakeContext(),
): { view: ResourceView; outcome: Outcome }[] {
  const parsed = parseSettings(rule.settings, config);
  if (!parsed.ok) throw new Error(`invalid test config: ${JSON.stringify(parsed.errors)}`);
  return rule.evaluateStack?.(views, { ctx, stackTags: new Map() }, parsed.settings) ?? [];
}
