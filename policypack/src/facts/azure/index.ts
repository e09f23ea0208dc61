// Azure (azure-native) facts: where a resource lands and which accelerators it selects.
export { AZURE_COMPUTE_EXTRACTORS } from "./compute";
export {
  AZURE_ENVIRONMENT_CONFIG,
  AZURE_ENVIRONMENT_VARIABLE,
  AZURE_LOCATION_CONFIG,
  AZURE_PARENT_LINKS,
  AZURE_PARENT_NAME_PROPS,
  AZURE_PROVIDER_TYPE,
  azureAdditionalPlacements,
  azureParentLink,
  azurePlacement,
  indexStack,
  resolveInherited,
} from "./placement";
export type { AzureStackIndex, ParentLink } from "./placement";
