// Azure (azure-native) facts: where a resource lands and which accelerators it selects.
export { AZURE_COMPUTE_EXTRACTORS } from "./compute";
export {
  AZURE_ENVIRONMENT_CONFIG,
  AZURE_ENVIRONMENT_VARIABLE,
  AZURE_LOCATION_CONFIG,
  AZURE_PROVIDER_TYPE,
  azureAdditionalPlacements,
  azurePlacement,
} from "./placement";
export { AZURE_PARENT_LINKS, AZURE_PARENT_NAME_PROPS, azureParentLink } from "./parent-links";
export type { ParentLink } from "./parent-links";
export { indexStack, resolveInherited } from "./stack";
export type { AzureStackIndex } from "./stack";
