// Typed fixtures for policy decisions: start from a compliant resource, change one thing per case.
import type { EvalContext, ProviderView, ResourceView } from "../../../policypack/src/facts/types";

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
