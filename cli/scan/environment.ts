// The environment a scan gives the pack, on top of what the engine gives it (runner/pack.ts
// packEnvironment): what unknown values mean for this input, and which cloud settings of the
// scanning machine it may see.
//
// The pack resolves a region the way the providers do, down to environment variables (AWS_REGION,
// ARM_ENVIRONMENT, GOOGLE_REGION …) and the AWS shared config file. That is right for `pulumi
// preview`, which runs where the deployment runs, but a stack export or an event log records a
// deployment made elsewhere: its verdict must not depend on the machine that scans it. So for those
// inputs the pack starts without the machine's cloud variables, with the AWS config and credential
// files pointed at nothing, unless `--use-environment` asks for the machine's settings.
//
// A `pulumi stack export` is the state of a deployed stack: it holds no value computed during
// preview, and an offline scan of it has no `pulumi up` after it. Every unknown value the pack
// receives for it is a secret the scan could not decrypt (a ciphertext, or a `secure:` stack config
// value), so the pack is told to fail closed on them rather than leave an advisory note "checked
// again at `pulumi up`". Preview JSON and event logs keep the engine's semantics.
import * as os from "os";
import { UNKNOWN } from "../runner/marshal";
import type { InputFormat } from "./types";
import type { ScanStackConfig } from "./resources";

/** policypack/src/context.ts UNKNOWN_VALUES_ENV: the pack's name for it (a test checks they agree). */
export const UNKNOWN_VALUES_ENV = "JURISDICTION_GUARD_UNKNOWN_VALUES";

/**
 * Prefixes of the variables through which cloud SDKs and Pulumi providers pick a region, zone,
 * location, profile, cloud or account: every variable the pack reads is under one of them (a unit
 * test checks), and credentials go with them.
 */
export const CLOUD_ENV_PREFIXES: readonly string[] = [
  "AWS_",
  "ARM_",
  "AZURE_",
  "GOOGLE_",
  "GCLOUD_",
  "CLOUDSDK_",
  "ALIBABA_CLOUD_",
  "ALICLOUD_",
  "TENCENTCLOUD_",
  "HW_",
  "HUAWEICLOUD_",
  "YC_",
];

/** Files the AWS SDKs read a profile's region from; pointed at nothing for recorded inputs. */
const AWS_FILES = ["AWS_CONFIG_FILE", "AWS_SHARED_CREDENTIALS_FILE"];

export function isCloudVariable(name: string): boolean {
  const upper = name.toUpperCase();
  return CLOUD_ENV_PREFIXES.some((p) => upper.startsWith(p));
}

/** Whether the input records a deployment made elsewhere (decided without this machine's cloud). */
export function isRecordedDeployment(format: InputFormat | undefined): boolean {
  return format === "stack-export" || format === "event-log";
}

/**
 * Variables to set (or, when `undefined`, remove) in the pack's environment for this input, given
 * the scanning process's environment `inherited`.
 */
export function scanPackEnvironment(
  format: InputFormat | undefined,
  opts: { useEnvironment?: boolean; inherited?: NodeJS.ProcessEnv } = {},
): Record<string, string | undefined> {
  // An inherited setting never decides: the scan sets it, or removes it.
  const out: Record<string, string | undefined> = {
    [UNKNOWN_VALUES_ENV]: format === "stack-export" ? "unreadable" : undefined,
  };
  if (opts.useEnvironment === true || !isRecordedDeployment(format)) return out;
  for (const name of Object.keys(opts.inherited ?? process.env)) {
    if (isCloudVariable(name)) out[name] = undefined;
  }
  for (const name of AWS_FILES) out[name] = os.devNull;
  return out;
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
