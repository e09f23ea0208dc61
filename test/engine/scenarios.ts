// Programs the engine suite previews, as Automation API inline programs.
import * as pulumi from "@pulumi/pulumi";
import type * as awsTypes from "@pulumi/aws";

/** One p4d.24xlarge (8x A100) in cn-north-1 through an explicit provider. */
export async function gpuInChina(): Promise<void> {
  const aws = (await import("@pulumi/aws")) as typeof awsTypes;
  const provider = new aws.Provider("cn", { region: "cn-north-1" });
  new aws.ec2.Instance(
    "trainer",
    { instanceType: "p4d.24xlarge", ami: "ami-0123456789abcdef0" },
    { provider },
  );
}

/** One p5.48xlarge (8x H100) in ap-southeast-1 (Singapore) through an explicit provider. */
export async function gpuInSingapore(): Promise<void> {
  const aws = (await import("@pulumi/aws")) as typeof awsTypes;
  const provider = new aws.Provider("sg", { region: "ap-southeast-1" });
  new aws.ec2.Instance(
    "trainer",
    { instanceType: "p5.48xlarge", ami: "ami-0123456789abcdef0" },
    { provider },
  );
}

/**
 * A p4d.24xlarge through a provider whose region is computed: an output of a new resource (a VPC,
 * whose id the stub provider leaves unknown in preview), so unknown when the pack sees it.
 */
export async function gpuInComputedRegion(): Promise<void> {
  const aws = (await import("@pulumi/aws")) as typeof awsTypes;
  const net = new aws.ec2.Vpc("net", { cidrBlock: "10.0.0.0/16" });
  const provider = new aws.Provider("computed", { region: net.id.apply(() => "cn-north-1") });
  new aws.ec2.Instance(
    "trainer",
    { instanceType: "p4d.24xlarge", ami: "ami-0123456789abcdef0" },
    { provider },
  );
}

/**
 * A resource of any type token, for packages whose SDK is not installed: the engine needs only the
 * token, and a provider plugin of the package's name (the stub) at `version`.
 */
export class AnyResource extends pulumi.CustomResource {
  constructor(
    type: string,
    name: string,
    props: pulumi.Inputs,
    opts: pulumi.CustomResourceOptions = {},
  ) {
    super(type, name, props, opts);
  }
}

/** One p4d.24xlarge through the default aws provider (its region from stack config). */
export async function gpuThroughDefaultProvider(): Promise<void> {
  const aws = (await import("@pulumi/aws")) as typeof awsTypes;
  new aws.ec2.Instance("trainer", {
    instanceType: "p4d.24xlarge",
    ami: "ami-0123456789abcdef0",
  });
}
