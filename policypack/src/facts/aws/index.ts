// AWS facts: where a resource lands and which accelerators it selects.
export {
  AWS_PROFILE_CONFIG_KEY,
  AWS_PROFILE_ENV_VAR,
  AWS_PROVIDER_TYPE,
  AWS_REGION_CONFIG_KEY,
  AWS_REGION_ENV_VARS,
  awsPlacement,
} from "./placement";
export { AWS_COMPUTE_EXTRACTORS } from "./compute";
export { awsConfigFilePath, DEFAULT_AWS_PROFILE, readAwsProfileRegion } from "./profile";
export type { AcceleratedPattern, AcceleratedSetting } from "./platforms";
export {
  ACCELERATED_EKS_AMI_PATTERNS,
  ACCELERATED_EKS_AMI_TYPES,
  EC2_CAPACITY_BLOCK,
  GPU_CODEBUILD_ENVIRONMENT_PATTERNS,
  GPU_CODEBUILD_ENVIRONMENT_TYPES,
  GPU_KUBERNETES_RESOURCES,
  GPU_RESOURCE_REQUIREMENT_TYPE,
} from "./platforms";
