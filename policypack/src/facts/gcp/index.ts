// Google Cloud (@pulumi/gcp) facts: where a resource lands and which accelerators it selects.
export { GCP_COMPUTE_EXTRACTORS } from "./compute";
export {
  GCP_PROVIDER_TYPE,
  GCP_REGION_ENV_VARS,
  GCP_ZONE_ENV_VARS,
  gcpAdditionalPlacements,
  gcpPlacement,
  gcpResolveInherited,
} from "./placement";
