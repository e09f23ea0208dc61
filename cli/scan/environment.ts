// The environment a scan gives the pack, on top of what the engine gives it (runner/pack.ts
// packEnvironment): what unknown values mean for this input.
//
// A `pulumi stack export` is the state of a deployed stack: it holds no value computed during
// preview, and an offline scan of it has no `pulumi up` after it. Every unknown value the pack
// receives for it is a secret the scan could not decrypt (a ciphertext, or a `secure:` stack config
// value), so the pack is told to fail closed on them rather than leave an advisory note "checked
// again at `pulumi up`". Preview JSON and event logs keep the engine's semantics.
import { UNKNOWN } from "../runner/marshal";
import type { InputFormat } from "./inputs";
import type { ScanStackConfig } from "./resources";

/** policypack/src/context.ts UNKNOWN_VALUES_ENV: the pack's name for it (a test checks they agree). */
export const UNKNOWN_VALUES_ENV = "JURISDICTION_GUARD_UNKNOWN_VALUES";

/** Variables to set (or, when `undefined`, remove) in the pack's environment for this input. */
export function scanPackEnvironment(
  format: InputFormat | undefined,
): Record<string, string | undefined> {
  // An inherited setting never decides: the scan sets it, or removes it.
  return { [UNKNOWN_VALUES_ENV]: format === "stack-export" ? "unreadable" : undefined };
}

/**
 * PULUMI_CONFIG for a stack export: secret config the scan cannot decrypt (`secure:` values of
 * --stack-config) is there as the unknown sentinel, so the pack reports it as unreadable rather
 * than taking it for unset and falling through to the next place a region may come from.
 */
export function withUnreadableSecrets(config: ScanStackConfig): Record<string, string> {
  const out = { ...config.config };
  for (const key of config.unknownSecretKeys) out[key] = UNKNOWN;
  return out;
}
