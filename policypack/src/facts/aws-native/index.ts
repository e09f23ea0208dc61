// AWS Cloud Control (@pulumi/aws-native, `aws-native:<module>:<Resource>`) facts. The resources
// carry CloudFormation's property names in camelCase, which for the kinds that pick instance types
// are the names @pulumi/aws uses too, so each kind reuses the AWS extractor of the same shape,
// applied where aws-native nests it (`launchTemplateData`, `spotFleetRequestConfigData`).
// Placement, accounts and partitions reuse the AWS module through a package alias:
//   region: provider `region` (pulumi:providers:aws-native) → stack config `aws-native:region`
//   (default provider) → AWS_REGION / AWS_DEFAULT_REGION → the profile's region
//   (provider `profile`, stack config `aws-native:profile`, AWS_PROFILE).
// aws-native resources have no per-resource `region` input, so a `region` property (latency
// routing, replication settings) never places the resource.
import { classifyAwsInstanceType } from "../../catalogue/accelerators";
import type { Props } from "../../values";
import { AWS_COMPUTE_EXTRACTORS, awsPlacement } from "../aws";
import { awsAccountFacts } from "../aws/accounts";
import type { PackageAlias } from "../common/alias";
import { aliasContext, aliasView, unaliasAccounts, unaliasPlacement } from "../common/alias";
import type { ComputeExtractor } from "../compute";
import { borrowed, extractor, typesAt, under } from "../common/paths";
import type { AccountFacts, EvalContext, Placement, ResourceView } from "../types";

const aws = (token: string): ComputeExtractor => borrowed(AWS_COMPUTE_EXTRACTORS, token);
const types = (...patterns: string[]): ComputeExtractor =>
  extractor(classifyAwsInstanceType, typesAt(...patterns));

const LAUNCH_TEMPLATE = aws("aws:ec2/launchTemplate:LaunchTemplate");
const FLEET = aws("aws:ec2/fleet:Fleet");
const SAGEMAKER_DOMAIN = aws("aws:sagemaker/domain:Domain");
const MONITORING = aws("aws:sagemaker/dataQualityJobDefinition:DataQualityJobDefinition");

export const AWS_NATIVE_COMPUTE_EXTRACTORS: ReadonlyMap<string, ComputeExtractor> = new Map<
  string,
  ComputeExtractor
>([
  // EC2
  ["aws-native:ec2:Instance", aws("aws:ec2/instance:Instance")],
  ["aws-native:ec2:LaunchTemplate", under("launchTemplateData", LAUNCH_TEMPLATE)],
  ["aws-native:ec2:Ec2Fleet", FLEET],
  ["aws-native:ec2:EC2Fleet", FLEET],
  [
    "aws-native:ec2:SpotFleet",
    under("spotFleetRequestConfigData", aws("aws:ec2/spotFleetRequest:SpotFleetRequest")),
  ],
  ["aws-native:ec2:CapacityReservation", aws("aws:ec2/capacityReservation:CapacityReservation")],
  ["aws-native:ec2:Host", aws("aws:ec2/dedicatedHost:DedicatedHost")],
  ["aws-native:autoscaling:AutoScalingGroup", aws("aws:autoscaling/group:Group")],
  [
    "aws-native:autoscaling:LaunchConfiguration",
    aws("aws:ec2/launchConfiguration:LaunchConfiguration"),
  ],
  // Containers and batch
  ["aws-native:eks:Nodegroup", aws("aws:eks/nodeGroup:NodeGroup")],
  ["aws-native:batch:ComputeEnvironment", aws("aws:batch/computeEnvironment:ComputeEnvironment")],
  ["aws-native:batch:JobDefinition", aws("aws:batch/jobDefinition:JobDefinition")],
  ["aws-native:ecs:TaskDefinition", aws("aws:ecs/taskDefinition:TaskDefinition")],
  ["aws-native:ecs:CapacityProvider", aws("aws:ecs/capacityProvider:CapacityProvider")],
  // SageMaker
  ["aws-native:sagemaker:NotebookInstance", aws("aws:sagemaker/notebookInstance:NotebookInstance")],
  [
    "aws-native:sagemaker:EndpointConfig",
    aws("aws:sagemaker/endpointConfiguration:EndpointConfiguration"),
  ],
  ["aws-native:sagemaker:Domain", SAGEMAKER_DOMAIN],
  ["aws-native:sagemaker:UserProfile", aws("aws:sagemaker/userProfile:UserProfile")],
  ["aws-native:sagemaker:Space", aws("aws:sagemaker/space:Space")],
  ["aws-native:sagemaker:App", aws("aws:sagemaker/app:App")],
  [
    "aws-native:sagemaker:Cluster",
    types("instanceGroups[].instanceType", "restrictedInstanceGroups[].instanceType"),
  ],
  ["aws-native:sagemaker:DataQualityJobDefinition", MONITORING],
  ["aws-native:sagemaker:ModelBiasJobDefinition", MONITORING],
  ["aws-native:sagemaker:ModelQualityJobDefinition", MONITORING],
  ["aws-native:sagemaker:ModelExplainabilityJobDefinition", MONITORING],
  [
    "aws-native:sagemaker:MonitoringSchedule",
    aws("aws:sagemaker/monitoringSchedule:MonitoringSchedule"),
  ],
  ["aws-native:sagemaker:ProcessingJob", types("processingResources.clusterConfig.instanceType")],
  // Other services on EC2 instance types
  ["aws-native:gamelift:Fleet", aws("aws:gamelift/fleet:Fleet")],
  ["aws-native:appstream:Fleet", aws("aws:appstream/fleet:Fleet")],
  ["aws-native:appstream:ImageBuilder", aws("aws:appstream/imageBuilder:ImageBuilder")],
  [
    "aws-native:imagebuilder:InfrastructureConfiguration",
    aws("aws:imagebuilder/infrastructureConfiguration:InfrastructureConfiguration"),
  ],
  ["aws-native:opensearchservice:Domain", aws("aws:opensearch/domain:Domain")],
]);

/**
 * aws-native names the role to assume `assumeRole` (one object); the AWS logic reads the list
 * `assumeRoles`. The list is offered with that one item and paths are turned back.
 */
function assumeRoleAsList(props: Props): Props {
  const one = props["assumeRole"];
  return one === undefined ? props : { ...props, assumeRoles: [one] };
}

export const AWS_NATIVE_ALIAS: PackageAlias = {
  from: "aws-native",
  to: "aws",
  resourceProps: [],
  providerProps: assumeRoleAsList,
  providerPath: (path) => path.replace("provider.assumeRoles[0]", "provider.assumeRole"),
};

export const AWS_NATIVE_PROVIDER_TYPE = "pulumi:providers:aws-native";

export function awsNativePlacement(resource: ResourceView, ctx: EvalContext): Placement {
  const view = aliasView(resource, AWS_NATIVE_ALIAS);
  return unaliasPlacement(
    awsPlacement(view, aliasContext(ctx, AWS_NATIVE_ALIAS)),
    AWS_NATIVE_ALIAS,
  );
}

/** Accounts and partitions: provider inputs through the AWS logic, plus ARNs among the props. */
export function awsNativeAccountFacts(resource: ResourceView): AccountFacts {
  const view = { ...aliasView(resource, AWS_NATIVE_ALIAS), props: resource.props };
  return unaliasAccounts(awsAccountFacts(view), AWS_NATIVE_ALIAS);
}
