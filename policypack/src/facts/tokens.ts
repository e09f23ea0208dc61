// Type tokens: one resource kind may arrive under several tokens (azure-native API versions).

/** The one package whose type tokens may carry an API version. */
const VERSIONED_PACKAGE = "azure-native:";

/** "azure-native:compute/v20240701:VirtualMachine" -> "azure-native:compute:VirtualMachine". */
export function normaliseToken(type: string): string {
  if (!type.startsWith(VERSIONED_PACKAGE)) return type;
  const m = /^(azure-native:[A-Za-z0-9]+)\/v[0-9a-z]+(:.+)$/.exec(type);
  return m ? `${m[1]}${m[2]}` : type;
}
