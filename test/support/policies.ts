// The typed fixture factory for policy decisions (tests and the docs generator): start from a
// compliant resource, change one thing per case; a policy's doc examples become resources here.
import { parseSettings } from "../../policypack/src/config";
import type { EvalContext, ProviderView, ResourceView } from "../../policypack/src/facts/types";
import type { Outcome } from "../../policypack/src/findings";
import type { PolicyExample, RuleSpec } from "../../policypack/src/policies/rule";
import { evaluateWithConfig } from "../../policypack/src/policies/rule";
import { fakeContext, providerView, resourceView } from "./views";

export { COMPUTED, fakeContext } from "./views";

/** A default provider's inputs when an example gives none: a compliant region or location. */
export function defaultProviderProps(pkg: string): Record<string, unknown> {
  if (pkg === "aws") return { region: "us-east-1" };
  if (pkg === "azure-native") return { location: "westeurope" };
  return {};
}

export function awsProvider(
  props: Record<string, unknown> = defaultProviderProps("aws"),
): ProviderView {
  return providerView("aws", "default_7_48_0", props);
}

export function azureProvider(
  props: Record<string, unknown> = defaultProviderProps("azure-native"),
): ProviderView {
  return providerView("azure-native", "default_3_28_0", props);
}

export function resource(
  type: string,
  name: string,
  props: Record<string, unknown>,
  provider?: ProviderView,
): ResourceView {
  return resourceView(type, props, { name, provider });
}

/** The default provider of a package, as the engine registers it. */
export function defaultProvider(pkg: string, props?: Record<string, unknown>): ProviderView {
  if (pkg === "aws") return awsProvider(props);
  if (pkg === "azure-native") return azureProvider(props);
  return providerView(pkg, "default", props ?? {});
}

/** The resource a policy's doc example describes. */
export function exampleResource(example: PolicyExample): ResourceView {
  const { type, name, props, provider } = example.resource;
  return resource(
    type,
    name,
    { ...props },
    provider
      ? defaultProvider(provider.package, provider.props && { ...provider.props })
      : undefined,
  );
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
  return rule.rule.evaluateStack?.(views, { ctx, stackTags: new Map() }, parsed.settings) ?? [];
}
