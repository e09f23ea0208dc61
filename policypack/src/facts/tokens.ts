// Type tokens: one resource kind may arrive under several tokens (azure-native API versions).

/** "azure-native:compute/v20240701:VirtualMachine" -> "azure-native:compute:VirtualMachine". */
export function normaliseToken(type: string): string {
  const m = /^(azure-native:[A-Za-z0-9]+)\/v[0-9a-z]+(:.+)$/.exec(type);
  return m ? `${m[1]}${m[2]}` : type;
}
