// The pack's surroundings, read once at start-up: stack config (PULUMI_CONFIG, as the engine
// passes it), the environment, and lazily the AWS shared config file.
import type { EvalContext, UnknownValues } from "./facts/types";
import { readAwsProfileRegion } from "./facts/aws/profile";

/**
 * Parses PULUMI_CONFIG; a malformed value is reported (as `error`, which never quotes the value:
 * stack config may hold decrypted secrets), not ignored.
 */
export function parseStackConfig(raw: string | undefined): {
  config: ReadonlyMap<string, string>;
  error?: string;
} {
  const config = new Map<string, string>();
  if (!raw) return { config };
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    // JSON.parse's message quotes the text around the fault: it could show a secret.
    return { config, error: "PULUMI_CONFIG is not valid JSON" };
  }
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) {
    return { config, error: "PULUMI_CONFIG is not a JSON object" };
  }
  for (const [k, v] of Object.entries(parsed as Record<string, unknown>)) {
    config.set(k, typeof v === "string" ? v : JSON.stringify(v));
  }
  return { config };
}

/**
 * Set by `jurisdiction-guard scan` for a stack export: every unknown value the pack receives is a
 * secret the scan could not decrypt, and no `pulumi up` follows to check it (see EvalContext).
 */
export const UNKNOWN_VALUES_ENV = "JURISDICTION_GUARD_UNKNOWN_VALUES";

/** The unknown-value semantics named by `UNKNOWN_VALUES_ENV` (the engine's "computed" otherwise). */
export function unknownValuesOf(env: Readonly<Record<string, string | undefined>>): UnknownValues {
  return env[UNKNOWN_VALUES_ENV] === "unreadable" ? "unreadable" : "computed";
}

export function makeContext(env: Readonly<Record<string, string | undefined>>): EvalContext {
  const { config, error } = parseStackConfig(env["PULUMI_CONFIG"]);
  const profiles = new Map<string, ReturnType<EvalContext["awsProfileRegion"]>>();
  return {
    stackConfig: config,
    ...(error !== undefined && { stackConfigProblem: error }),
    env,
    unknowns: unknownValuesOf(env),
    awsProfileRegion(profile) {
      const key = profile ?? "";
      if (!profiles.has(key)) profiles.set(key, readAwsProfileRegion(profile, env));
      return profiles.get(key);
    },
  };
}

let processContext: EvalContext | undefined;

/**
 * The context of this pack process (built on first use). The environment is copied once: reading
 * `process.env` goes through a native accessor on every access, and policies read it per resource.
 * On Windows it stays live, where its names are case-insensitive and a copy's would not be.
 */
export function currentContext(): EvalContext {
  processContext ??= makeContext(process.platform === "win32" ? process.env : { ...process.env });
  return processContext;
}
