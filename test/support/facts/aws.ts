// Typed fixtures for AWS facts: one compliant starting point per resource kind (change one field
// per case with `withField`), on the views and context of test/support/views.ts.
import type { ComputeFacts, ProviderView, ResourceView } from "../../../policypack/src/facts/types";
import { AWS_COMPUTE_EXTRACTORS } from "../../../policypack/src/facts/aws";
import type { Props } from "../../../policypack/src/values";
import type { FakeContext } from "../views";
import { COMPUTED, fakeContext, providerView, resourceView, stackUrn, withField } from "../views";

export { COMPUTED, withField } from "../views";

const STACK = stackUrn("dev", "gpu-app");

export function urnOf(type: string, name: string): string {
  return `${STACK}::${type}::${name}`;
}

/** An explicit AWS provider (`new aws.Provider(name, props)`). */
export function explicitProvider(name: string, props: Props = {}): ProviderView {
  return providerView("aws", name, props, STACK);
}

/** The default AWS provider the engine creates from stack config. */
export function defaultProvider(props: Props = {}): ProviderView {
  return explicitProvider("default_7_48_0", props);
}

export function resource(
  type: string,
  props: Props,
  opts: { name?: string; provider?: ProviderView } = {},
): ResourceView {
  return resourceView(type, props, { stack: STACK, name: opts.name ?? "subject", ...opts });
}

export interface AwsContextOptions {
  stackConfig?: Record<string, string>;
  env?: Record<string, string | undefined>;
  /** Profile name ("default" for none) -> region in the shared config file. */
  profiles?: Record<string, string>;
  configFile?: string;
}

/** test/support's fakeContext with its inputs named (AWS placement cases set several at once). */
export function awsContext(opts: AwsContextOptions = {}): FakeContext {
  return fakeContext(opts.stackConfig, opts.env, opts.profiles, opts.configFile);
}

/** Runs the extractor registered for `token`; fails the test when there is none. */
export function extract(token: string, props: Props): ComputeFacts {
  const extractor = AWS_COMPUTE_EXTRACTORS.get(token);
  if (!extractor) throw new Error(`no AWS compute extractor for ${token}`);
  return extractor(props);
}

/** Accelerator paths and values, in order, for compact assertions. */
export function uses(facts: ComputeFacts): { path: string; value: string }[] {
  return facts.accelerators.map((u) => ({ path: u.path, value: u.value }));
}

// ---------------------------------------------------------------------------------------------
// Instance types the catalogue knows. GPU: NVIDIA A100 (p4d); CPU: general purpose (m5).

export const GPU_TYPE = "p4d.24xlarge";
export const CPU_TYPE = "m5.large";
export const GPU_ML_TYPE = "ml.p4d.24xlarge";
export const CPU_ML_TYPE = "ml.m5.large";

/**
 * One compliant starting point per resource kind, and the field that selects the hardware.
 * `gpu` is the value that makes the resource select an accelerator at `path`.
 */
export interface KindCase {
  readonly token: string;
  /** A compliant resource: every hardware field holds a CPU type. */
  readonly compliant: Props;
  /** The field a GPU case changes, as it must appear in `AcceleratorUse.path`. */
  readonly path: string;
  readonly gpu: string;
  /** Builds the changed resource when `path` can't simply be set (JSON strings). */
  readonly set?: (value: string) => Props;
  /** The `AcceleratorUse.value` expected for `gpu`, when it is not `gpu` itself. */
  readonly value?: string;
  /** The computed path expected when the field is computed, when it is not `path`. */
  readonly computedPath?: string;
}

/** The compliant resource with the case's field set to `value`. */
export function variant(k: KindCase, value: string): Props {
  return k.set ? k.set(value) : withField(k.compliant, k.path, value);
}

const sageMakerApps = (apps: string[], cpu: string): Record<string, unknown> =>
  Object.fromEntries(apps.map((a) => [a, { defaultResourceSpec: { instanceType: cpu } }]));

const USER_APPS = [
  "codeEditorAppSettings",
  "jupyterLabAppSettings",
  "jupyterServerAppSettings",
  "kernelGatewayAppSettings",
  "rSessionAppSettings",
  "tensorBoardAppSettings",
];
const SPACE_APPS = [
  "codeEditorAppSettings",
  "jupyterLabAppSettings",
  "jupyterServerAppSettings",
  "kernelGatewayAppSettings",
];

const trainingDefinition = (cpu: string): Record<string, unknown> => ({
  algorithmSpecification: { trainingInputMode: "File", trainingImage: "img" },
  resourceConfig: {
    instanceCount: 1,
    instanceType: cpu,
    instanceGroups: [{ instanceGroupName: "a", instanceType: cpu, instanceCount: 1 }],
  },
  hyperParameterTuningResourceConfig: {
    instanceType: cpu,
    instanceConfigs: [{ instanceType: cpu, instanceCount: 1, volumeSizeInGb: 10 }],
  },
});

const requirements = {
  vcpuCount: { min: 2 },
  memoryMib: { min: 4096 },
  acceleratorCount: { max: 0 },
};

/** Every resource kind, each with one or more hardware fields (one case per field). */
export const KIND_CASES: readonly KindCase[] = [
  {
    token: "aws:ec2/instance:Instance",
    compliant: { ami: "ami-123", instanceType: CPU_TYPE },
    path: "instanceType",
    gpu: GPU_TYPE,
  },
  {
    token: "aws:ec2/launchTemplate:LaunchTemplate",
    compliant: { imageId: "ami-123", instanceType: CPU_TYPE },
    path: "instanceType",
    gpu: GPU_TYPE,
  },
  {
    token: "aws:ec2/launchConfiguration:LaunchConfiguration",
    compliant: { imageId: "ami-123", instanceType: CPU_TYPE },
    path: "instanceType",
    gpu: GPU_TYPE,
  },
  {
    token: "aws:ec2/spotInstanceRequest:SpotInstanceRequest",
    compliant: { ami: "ami-123", instanceType: CPU_TYPE, spotPrice: "0.1" },
    path: "instanceType",
    gpu: GPU_TYPE,
  },
  ...[
    "launchSpecifications[1].instanceType",
    "launchTemplateConfigs[0].overrides[1].instanceType",
  ].map((path) => ({
    token: "aws:ec2/spotFleetRequest:SpotFleetRequest",
    compliant: {
      iamFleetRole: "arn:aws:iam::123456789012:role/fleet",
      targetCapacity: 2,
      launchSpecifications: [
        { ami: "ami-1", instanceType: CPU_TYPE },
        { ami: "ami-2", instanceType: "c5.large" },
      ],
      launchTemplateConfigs: [
        {
          launchTemplateSpecification: { id: "lt-1", version: "1" },
          overrides: [{ instanceType: CPU_TYPE }, { instanceType: "c5.large" }],
        },
      ],
    },
    path,
    gpu: GPU_TYPE,
  })),
  ...[
    "launchTemplateConfigs[0].overrides[1].instanceType",
    "fleetInstanceSets[0].instanceType",
  ].map((path) => ({
    token: "aws:ec2/fleet:Fleet",
    compliant: {
      launchTemplateConfigs: [
        {
          launchTemplateSpecification: { launchTemplateId: "lt-1", version: "1" },
          overrides: [{ instanceType: CPU_TYPE }, { instanceType: "c5.large" }],
        },
      ],
      targetCapacitySpecification: { defaultTargetCapacityType: "spot", totalTargetCapacity: 2 },
    },
    path,
    gpu: GPU_TYPE,
  })),
  {
    token: "aws:autoscaling/group:Group",
    compliant: {
      maxSize: 2,
      minSize: 0,
      mixedInstancesPolicy: {
        launchTemplate: {
          launchTemplateSpecification: { launchTemplateId: "lt-1" },
          overrides: [{ instanceType: CPU_TYPE }, { instanceType: "c5.large" }],
        },
      },
    },
    path: "mixedInstancesPolicy.launchTemplate.overrides[1].instanceType",
    gpu: GPU_TYPE,
  },
  {
    token: "aws:ec2/capacityReservation:CapacityReservation",
    compliant: {
      availabilityZone: "us-east-1a",
      instanceCount: 1,
      instancePlatform: "Linux/UNIX",
      instanceType: CPU_TYPE,
    },
    path: "instanceType",
    gpu: GPU_TYPE,
  },
  ...["instanceType", "instanceFamily"].map((path) => ({
    token: "aws:ec2/dedicatedHost:DedicatedHost",
    compliant: { availabilityZone: "us-east-1a", instanceType: CPU_TYPE, instanceFamily: "m5" },
    path,
    gpu: path === "instanceFamily" ? "p4d" : GPU_TYPE,
  })),
  {
    token: "aws:eks/nodeGroup:NodeGroup",
    compliant: {
      clusterName: "c",
      nodeRoleArn: "arn:aws:iam::123456789012:role/node",
      subnetIds: ["subnet-1"],
      scalingConfig: { desiredSize: 1, maxSize: 1, minSize: 1 },
      amiType: "AL2023_x86_64_STANDARD",
      instanceTypes: [CPU_TYPE, "c5.large"],
    },
    path: "instanceTypes[1]",
    gpu: GPU_TYPE,
  },
  ...["computeResources.instanceTypes[1]"].map((path) => ({
    token: "aws:batch/computeEnvironment:ComputeEnvironment",
    compliant: {
      type: "MANAGED",
      computeResources: {
        type: "EC2",
        maxVcpus: 16,
        subnets: ["subnet-1"],
        instanceTypes: ["optimal", "m5"],
      },
    },
    path,
    gpu: "p3",
  })),
  (() => {
    const node = (type: string): Props => ({
      type: "multinode",
      nodeProperties: JSON.stringify({
        mainNode: 0,
        numNodes: 2,
        nodeRangeProperties: [
          { targetNodes: "0:", instanceTypes: [type], container: { image: "busybox" } },
        ],
      }),
    });
    return {
      token: "aws:batch/jobDefinition:JobDefinition",
      compliant: node(CPU_TYPE),
      path: "nodeProperties.nodeRangeProperties[0].instanceTypes[0]",
      gpu: GPU_TYPE,
      set: node,
    };
  })(),
  (() => {
    const container = (gpus: string): Props => ({
      type: "container",
      containerProperties: JSON.stringify({
        image: "busybox",
        resourceRequirements: [
          { type: "VCPU", value: "1" },
          { type: "GPU", value: gpus },
        ],
      }),
    });
    return {
      token: "aws:batch/jobDefinition:JobDefinition",
      compliant: container("0"),
      path: "containerProperties.resourceRequirements[1]",
      gpu: "1",
      value: "GPU 1",
      computedPath: "containerProperties.resourceRequirements[1].value",
      set: container,
    };
  })(),
  (() => {
    const task = (gpus: string): Props => ({
      family: "svc",
      containerDefinitions: JSON.stringify([
        { name: "sidecar", image: "envoy", memory: 128 },
        {
          name: "app",
          image: "app",
          resourceRequirements: [
            { type: "MEMORY", value: "512" },
            { type: "GPU", value: gpus },
          ],
        },
      ]),
    });
    return {
      token: "aws:ecs/taskDefinition:TaskDefinition",
      compliant: task("0"),
      path: "containerDefinitions[1].resourceRequirements[1]",
      gpu: "2",
      value: "GPU 2",
      computedPath: "containerDefinitions[1].resourceRequirements[1].value",
      set: task,
    };
  })(),
  {
    token: "aws:eks/nodeGroup:NodeGroup",
    compliant: {
      clusterName: "c",
      nodeRoleArn: "arn:aws:iam::123456789012:role/node",
      subnetIds: ["subnet-1"],
      scalingConfig: { desiredSize: 1, maxSize: 1, minSize: 1 },
      amiType: "AL2023_x86_64_STANDARD",
      launchTemplate: { id: "lt-1", version: "1" },
    },
    path: "amiType",
    gpu: "AL2023_x86_64_NVIDIA",
  },
  {
    token: "aws:codebuild/project:Project",
    compliant: {
      serviceRole: "arn:aws:iam::123456789012:role/cb",
      artifacts: { type: "NO_ARTIFACTS" },
      source: { type: "NO_SOURCE", buildspec: "version: 0.2" },
      environment: {
        computeType: "BUILD_GENERAL1_LARGE",
        image: "aws/codebuild/standard:7.0",
        type: "LINUX_CONTAINER",
      },
    },
    path: "environment.type",
    gpu: "LINUX_GPU_CONTAINER",
  },
  {
    token: "aws:codebuild/fleet:Fleet",
    compliant: {
      baseCapacity: 1,
      computeType: "BUILD_GENERAL1_LARGE",
      environmentType: "LINUX_CONTAINER",
    },
    path: "environmentType",
    gpu: "LINUX_GPU_CONTAINER",
  },
  (() => {
    const base: Props = {
      name: "managed",
      cluster: "c",
      managedInstancesProvider: {
        infrastructureRoleArn: "arn:aws:iam::123456789012:role/ecs",
        instanceLaunchTemplate: {
          ec2InstanceProfileArn: "arn:aws:iam::123456789012:instance-profile/ecs",
          networkConfiguration: { subnets: ["subnet-1"] },
          instanceRequirements: requirements,
        },
      },
    };
    const path = "managedInstancesProvider.instanceLaunchTemplate.instanceRequirements";
    return {
      token: "aws:ecs/capacityProvider:CapacityProvider",
      compliant: base,
      path,
      gpu: "nvidia",
      value: "acceleratorCount 1..unbounded; acceleratorManufacturers nvidia",
      computedPath: `${path}.acceleratorManufacturers`,
      set: (v: string) =>
        withField(
          withField(base, `${path}.acceleratorCount`, { min: 1 }),
          `${path}.acceleratorManufacturers`,
          v === COMPUTED ? v : [v],
        ),
    };
  })(),
  (() => {
    const path = "instanceRequirements";
    const base: Props = { imageId: "ami-1", instanceRequirements: requirements };
    return {
      token: "aws:ec2/launchTemplate:LaunchTemplate",
      compliant: base,
      path,
      gpu: "gpu",
      value: "acceleratorCount 0..unbounded; acceleratorTypes gpu",
      computedPath: `${path}.acceleratorTypes`,
      set: (v: string) =>
        withField(
          withField(base, `${path}.acceleratorCount`, undefined),
          `${path}.acceleratorTypes`,
          v === COMPUTED ? v : [v],
        ),
    };
  })(),
  {
    token: "aws:lambda/capacityProvider:CapacityProvider",
    compliant: {
      name: "cp",
      instanceRequirements: [
        { architectures: ["x86_64"], allowedInstanceTypes: [CPU_TYPE, "c5.large"] },
      ],
    },
    path: "instanceRequirements[0].allowedInstanceTypes[1]",
    gpu: GPU_TYPE,
  },
  ...[
    "emr/cluster:masterInstanceGroup.instanceType",
    "emr/cluster:coreInstanceGroup.instanceType",
    "emr/cluster:masterInstanceFleet.instanceTypeConfigs[1].instanceType",
    "emr/cluster:coreInstanceFleet.instanceTypeConfigs[0].instanceType",
  ].map((spec) => ({
    token: "aws:emr/cluster:Cluster",
    compliant: {
      releaseLabel: "emr-7.0.0",
      serviceRole: "role",
      masterInstanceGroup: { instanceType: CPU_TYPE },
      coreInstanceGroup: { instanceType: CPU_TYPE, instanceCount: 2 },
      masterInstanceFleet: {
        instanceTypeConfigs: [{ instanceType: CPU_TYPE }, { instanceType: "c5.xlarge" }],
      },
      coreInstanceFleet: { instanceTypeConfigs: [{ instanceType: CPU_TYPE }] },
    },
    path: spec.split(":")[1] as string,
    gpu: GPU_TYPE,
  })),
  {
    token: "aws:emr/instanceGroup:InstanceGroup",
    compliant: { clusterId: "j-1", instanceType: CPU_TYPE, instanceCount: 1 },
    path: "instanceType",
    gpu: GPU_TYPE,
  },
  {
    token: "aws:emr/instanceFleet:InstanceFleet",
    compliant: {
      clusterId: "j-1",
      instanceTypeConfigs: [{ instanceType: CPU_TYPE }, { instanceType: "r5.xlarge" }],
    },
    path: "instanceTypeConfigs[1].instanceType",
    gpu: GPU_TYPE,
  },
  {
    token: "aws:sagemaker/notebookInstance:NotebookInstance",
    compliant: { roleArn: "arn:aws:iam::123456789012:role/sm", instanceType: CPU_ML_TYPE },
    path: "instanceType",
    gpu: GPU_ML_TYPE,
  },
  ...["productionVariants[1].instanceType", "shadowProductionVariants[0].instanceType"].map(
    (path) => ({
      token: "aws:sagemaker/endpointConfiguration:EndpointConfiguration",
      compliant: {
        productionVariants: [
          { modelName: "m", variantName: "a", instanceType: CPU_ML_TYPE, initialInstanceCount: 1 },
          {
            modelName: "m",
            variantName: "b",
            instanceType: "ml.c5.large",
            initialInstanceCount: 1,
          },
        ],
        shadowProductionVariants: [
          { modelName: "m", variantName: "s", instanceType: CPU_ML_TYPE, initialInstanceCount: 1 },
        ],
      },
      path,
      gpu: GPU_ML_TYPE,
    }),
  ),
  ...[
    ...USER_APPS.map((a) => `defaultUserSettings.${a}.defaultResourceSpec.instanceType`),
    ...SPACE_APPS.filter((a) => a !== "codeEditorAppSettings").map(
      (a) => `defaultSpaceSettings.${a}.defaultResourceSpec.instanceType`,
    ),
    "domainSettings.rStudioServerProDomainSettings.defaultResourceSpec.instanceType",
  ].map((path) => ({
    token: "aws:sagemaker/domain:Domain",
    compliant: {
      domainName: "d",
      authMode: "IAM",
      vpcId: "vpc-1",
      subnetIds: ["subnet-1"],
      defaultUserSettings: {
        executionRole: "arn:aws:iam::123456789012:role/sm",
        ...sageMakerApps(USER_APPS, "ml.t3.medium"),
      },
      defaultSpaceSettings: {
        executionRole: "arn:aws:iam::123456789012:role/sm",
        ...sageMakerApps(SPACE_APPS.slice(1), "ml.t3.medium"),
      },
      domainSettings: {
        rStudioServerProDomainSettings: {
          domainExecutionRoleArn: "arn:aws:iam::123456789012:role/rs",
          defaultResourceSpec: { instanceType: "system" },
        },
      },
    },
    path,
    gpu: "ml.g5.xlarge",
  })),
  ...USER_APPS.map((a) => ({
    token: "aws:sagemaker/userProfile:UserProfile",
    compliant: {
      domainId: "d-1",
      userProfileName: "u",
      userSettings: {
        executionRole: "arn:aws:iam::123456789012:role/sm",
        ...sageMakerApps(USER_APPS, "ml.t3.medium"),
      },
    },
    path: `userSettings.${a}.defaultResourceSpec.instanceType`,
    gpu: "ml.g5.xlarge",
  })),
  ...SPACE_APPS.map((a) => ({
    token: "aws:sagemaker/space:Space",
    compliant: {
      domainId: "d-1",
      spaceName: "s",
      spaceSettings: sageMakerApps(SPACE_APPS, "ml.t3.medium"),
    },
    path: `spaceSettings.${a}.defaultResourceSpec.instanceType`,
    gpu: "ml.g5.xlarge",
  })),
  {
    token: "aws:sagemaker/app:App",
    compliant: {
      domainId: "d-1",
      appName: "a",
      appType: "JupyterLab",
      resourceSpec: { instanceType: "ml.t3.medium" },
    },
    path: "resourceSpec.instanceType",
    gpu: "ml.g5.xlarge",
  },
  ...[
    "resourceConfig.instanceType",
    "resourceConfig.instanceGroups[0].instanceType",
    "debugRuleConfigurations[0].instanceType",
    "profilerRuleConfigurations[0].instanceType",
  ].map((path) => ({
    token: "aws:sagemaker/trainingJob:TrainingJob",
    compliant: {
      trainingJobName: "t",
      roleArn: "arn:aws:iam::123456789012:role/sm",
      algorithmSpecification: { trainingImage: "img", trainingInputMode: "File" },
      resourceConfig: {
        instanceCount: 1,
        instanceType: CPU_ML_TYPE,
        volumeSizeInGb: 10,
        instanceGroups: [{ instanceGroupName: "g", instanceType: CPU_ML_TYPE, instanceCount: 1 }],
      },
      debugRuleConfigurations: [
        { ruleConfigurationName: "d", ruleEvaluatorImage: "img", instanceType: "ml.t3.medium" },
      ],
      profilerRuleConfigurations: [
        { ruleConfigurationName: "p", ruleEvaluatorImage: "img", instanceType: "ml.t3.medium" },
      ],
    },
    path,
    gpu: GPU_ML_TYPE,
  })),
  ...[
    "trainingJobDefinition.resourceConfig.instanceType",
    "trainingJobDefinition.resourceConfig.instanceGroups[0].instanceType",
    "trainingJobDefinition.hyperParameterTuningResourceConfig.instanceType",
    "trainingJobDefinition.hyperParameterTuningResourceConfig.instanceConfigs[0].instanceType",
    "trainingJobDefinitions[1].resourceConfig.instanceType",
    "trainingJobDefinitions[0].hyperParameterTuningResourceConfig.instanceConfigs[0].instanceType",
  ].map((path) => ({
    token: "aws:sagemaker/hyperParameterTuningJob:HyperParameterTuningJob",
    compliant: {
      hyperParameterTuningJobName: "h",
      hyperParameterTuningJobConfig: { strategy: "Bayesian" },
      trainingJobDefinition: trainingDefinition(CPU_ML_TYPE),
      trainingJobDefinitions: [trainingDefinition(CPU_ML_TYPE), trainingDefinition("ml.c5.xlarge")],
    },
    path,
    gpu: GPU_ML_TYPE,
  })),
  {
    token: "aws:sagemaker/dataQualityJobDefinition:DataQualityJobDefinition",
    compliant: {
      roleArn: "arn:aws:iam::123456789012:role/sm",
      jobResources: {
        clusterConfig: { instanceCount: 1, instanceType: CPU_ML_TYPE, volumeSizeInGb: 20 },
      },
    },
    path: "jobResources.clusterConfig.instanceType",
    gpu: GPU_ML_TYPE,
  },
  {
    token: "aws:sagemaker/monitoringSchedule:MonitoringSchedule",
    compliant: {
      monitoringScheduleConfig: {
        monitoringType: "DataQuality",
        monitoringJobDefinition: {
          monitoringResources: {
            clusterConfig: { instanceCount: 1, instanceType: CPU_ML_TYPE, volumeSizeInGb: 20 },
          },
        },
      },
    },
    path: "monitoringScheduleConfig.monitoringJobDefinition.monitoringResources.clusterConfig.instanceType",
    gpu: GPU_ML_TYPE,
  },
  ...[
    "trainingSpecification.supportedTrainingInstanceTypes[1]",
    "inferenceSpecification.supportedRealtimeInferenceInstanceTypes[0]",
    "inferenceSpecification.supportedTransformInstanceTypes[0]",
    "validationSpecification.validationProfiles.trainingJobDefinition.resourceConfig.instanceType",
    "validationSpecification.validationProfiles.transformJobDefinition.transformResources.instanceType",
  ].map((path) => ({
    token: "aws:sagemaker/algorithm:Algorithm",
    compliant: {
      algorithmName: "a",
      trainingSpecification: {
        trainingImage: "img",
        supportedTrainingInstanceTypes: [CPU_ML_TYPE, "ml.c5.xlarge"],
      },
      inferenceSpecification: {
        supportedRealtimeInferenceInstanceTypes: [CPU_ML_TYPE],
        supportedTransformInstanceTypes: [CPU_ML_TYPE],
      },
      validationSpecification: {
        validationRole: "arn:aws:iam::123456789012:role/sm",
        validationProfiles: {
          profileName: "v",
          trainingJobDefinition: {
            resourceConfig: { instanceCount: 1, instanceType: CPU_ML_TYPE, volumeSizeInGb: 10 },
          },
          transformJobDefinition: {
            transformResources: { instanceCount: 1, instanceType: CPU_ML_TYPE },
          },
        },
      },
    },
    path,
    gpu: GPU_ML_TYPE,
  })),
  {
    token: "aws:gamelift/fleet:Fleet",
    compliant: { name: "f", ec2InstanceType: "c5.large" },
    path: "ec2InstanceType",
    gpu: "g4dn.xlarge",
  },
  {
    token: "aws:gamelift/gameServerGroup:GameServerGroup",
    compliant: {
      gameServerGroupName: "g",
      roleArn: "arn:aws:iam::123456789012:role/gl",
      instanceDefinitions: [{ instanceType: "c5.large" }, { instanceType: "c5a.large" }],
    },
    path: "instanceDefinitions[1].instanceType",
    gpu: "g4dn.xlarge",
  },
  {
    token: "aws:appstream/fleet:Fleet",
    compliant: { name: "f", instanceType: "stream.standard.medium", computeCapacity: {} },
    path: "instanceType",
    gpu: "stream.graphics.g4dn.xlarge",
  },
  {
    token: "aws:workspaces/workspace:Workspace",
    compliant: {
      bundleId: "wsb-123",
      directoryId: "d-123",
      userName: "u",
      workspaceProperties: { computeTypeName: "PERFORMANCE" },
    },
    path: "workspaceProperties.computeTypeName",
    gpu: "GRAPHICS_G4DN",
  },
  {
    token: "aws:appstream/imageBuilder:ImageBuilder",
    compliant: { name: "i", instanceType: "stream.standard.large" },
    path: "instanceType",
    gpu: "stream.graphics.g5.xlarge",
  },
  {
    token: "aws:cloud9/environmentEC2:EnvironmentEC2",
    compliant: { imageId: "amazonlinux-2023-x86_64", instanceType: "t3.small" },
    path: "instanceType",
    gpu: "g5.xlarge",
  },
  {
    token: "aws:imagebuilder/infrastructureConfiguration:InfrastructureConfiguration",
    compliant: { instanceProfileName: "p", instanceTypes: [CPU_TYPE, "c5.large"] },
    path: "instanceTypes[1]",
    gpu: "g5.xlarge",
  },
  {
    token: "aws:codebuild/fleet:Fleet",
    compliant: {
      baseCapacity: 1,
      computeType: "CUSTOM_INSTANCE_TYPE",
      environmentType: "LINUX_CONTAINER",
      computeConfiguration: { instanceType: CPU_TYPE },
    },
    path: "computeConfiguration.instanceType",
    gpu: "g5.xlarge",
  },
  {
    token: "aws:opensearch/domain:Domain",
    compliant: { domainName: "d", clusterConfig: { instanceType: "r6g.large.search" } },
    path: "clusterConfig.instanceType",
    gpu: GPU_TYPE,
  },
];
