// The two packs the benchmark runs side by side: jurisdiction-guard (policypack/, compiled) and a
// do-nothing baseline with the same policies (bench/baseline-pack/), both started through the
// engine-faithful runner exactly as `pulumi preview --policy-pack` starts them.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { startPack } from "../cli/runner";
import type { PolicyPackSession, StartPackOptions } from "../cli/runner";
import { POLICIES } from "../policypack/lib";
import type { Workload } from "./workload";

export const REPO_ROOT = path.resolve(__dirname, "..");
export const PACK_DIR = path.join(REPO_ROOT, "policypack");
export const BASELINE_DIR = path.join(__dirname, "baseline-pack");

export type PackId = "pack" | "baseline";

export interface PackUnderTest {
  readonly id: PackId;
  readonly label: string;
  readonly dir: string;
  /** Extra environment for the pack process. */
  readonly env: Record<string, string | undefined>;
}

/**
 * The environment every pack process gets: results must not depend on the machine's AWS or Azure
 * settings (the pack falls back to AWS_REGION, the shared config file …, as the providers do).
 */
export const HERMETIC_ENV: Record<string, string | undefined> = {
  AWS_REGION: undefined,
  AWS_DEFAULT_REGION: undefined,
  AWS_PROFILE: undefined,
  AWS_CONFIG_FILE: path.join(os.tmpdir(), "jurisdiction-guard-bench-no-aws-config"),
  AWS_SHARED_CREDENTIALS_FILE: path.join(os.tmpdir(), "jurisdiction-guard-bench-no-aws-creds"),
  ARM_LOCATION: undefined,
  ARM_ENVIRONMENT: undefined,
  NODE_OPTIONS: undefined,
};

/** What the baseline pack reads to mirror the real pack's policies (BENCH_BASELINE_POLICIES). */
export interface BaselinePolicy {
  name: string;
  description: string;
  enforcementLevel: string;
  configSchema?: unknown;
  /** The real policy also validates the stack. */
  stack: boolean;
}

/** The real pack's policies as the baseline mirrors them: same names, levels, schemas, phases. */
export function baselinePolicies(): BaselinePolicy[] {
  return POLICIES.map((p) => {
    const out: BaselinePolicy = {
      name: p.name,
      description: p.description,
      enforcementLevel: p.enforcementLevel ?? "mandatory",
      stack: typeof p.validateStack === "function",
    };
    // A JSON copy: the plain JSON Schema the SDK sends.
    if (p.configSchema !== undefined) out.configSchema = JSON.parse(JSON.stringify(p.configSchema));
    return out;
  });
}

/** Both packs; writes the baseline's policy snapshot into `tmpDir`. */
export function packsUnderTest(tmpDir: string): { pack: PackUnderTest; baseline: PackUnderTest } {
  const snapshot = path.join(tmpDir, "baseline-policies.json");
  fs.writeFileSync(snapshot, JSON.stringify(baselinePolicies(), null, 2));
  return {
    pack: { id: "pack", label: "jurisdiction-guard", dir: PACK_DIR, env: {} },
    baseline: {
      id: "baseline",
      label: "do-nothing baseline",
      dir: BASELINE_DIR,
      env: { BENCH_BASELINE_POLICIES: snapshot },
    },
  };
}

/** Start a pack for the workload's stack, as `pulumi preview` would. */
export function startSession(
  p: PackUnderTest,
  w: Pick<Workload, "stack" | "project" | "stackConfig">,
  extra: Partial<StartPackOptions> = {},
): Promise<PolicyPackSession> {
  return startPack({
    packDir: p.dir,
    stack: w.stack,
    project: w.project,
    organization: "bench",
    dryRun: true,
    stackConfig: w.stackConfig,
    startTimeoutMs: 60_000,
    ...extra,
    env: { ...HERMETIC_ENV, ...p.env, ...(extra.env ?? {}) },
  });
}

/** [a, b] on even rounds and [b, a] on odd ones, so neither pack always runs first. */
export function interleave<T>(round: number, a: T, b: T): [T, T] {
  return round % 2 === 0 ? [a, b] : [b, a];
}
