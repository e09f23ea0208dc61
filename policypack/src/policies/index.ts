// Every policy of the pack, in the order the engine lists them.
import { aiServiceInRestrictedJurisdiction } from "./ai-service-in-restricted-jurisdiction";
import { gpuInRestrictedJurisdiction } from "./gpu-in-restricted-jurisdiction";
import type { GuardPolicy } from "./rule";

export const POLICIES: readonly GuardPolicy[] = [
  gpuInRestrictedJurisdiction,
  aiServiceInRestrictedJurisdiction,
];

export { aiServiceInRestrictedJurisdiction, gpuInRestrictedJurisdiction };
