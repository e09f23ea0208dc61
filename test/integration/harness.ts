// Integration-test harness: the real pack process, started once per test file through the
// engine-faithful runner, plus the paths and environment every integration test shares.
import * as os from "os";
import * as path from "path";
import { startPack } from "../../cli/runner";
import type { PolicyPackSession, StartPackOptions } from "../../cli/runner";
import { PACK_DIR } from "../support/paths";

export { EXAMPLES_DIR, PACK_DIR, REPO_ROOT } from "../support/paths";

export const GPU_POLICY = "gpu-in-restricted-jurisdiction";
export const AI_POLICY = "ai-service-in-restricted-jurisdiction";

/**
 * Environment for the pack and programs that makes results independent of the machine: the pack
 * falls back to AWS_REGION, AWS_DEFAULT_REGION and the shared AWS config file, as the AWS provider
 * does, so tests hide them.
 */
export const HERMETIC_ENV: Record<string, string | undefined> = {
  AWS_REGION: undefined,
  AWS_DEFAULT_REGION: undefined,
  AWS_PROFILE: undefined,
  AWS_CONFIG_FILE: path.join(os.tmpdir(), "jurisdiction-guard-tests-no-aws-config"),
  AWS_SHARED_CREDENTIALS_FILE: path.join(
    os.tmpdir(),
    "jurisdiction-guard-tests-no-aws-credentials",
  ),
  ARM_LOCATION: undefined,
  ARM_ENVIRONMENT: undefined,
};

/** Options for a pack started by a test: the test stack, hermetic environment. */
export function packOptions(overrides: Partial<StartPackOptions> = {}): StartPackOptions {
  return {
    packDir: PACK_DIR,
    stack: "test",
    project: "factory",
    organization: "organization",
    dryRun: true,
    stackConfig: {},
    ...overrides,
    env: { ...HERMETIC_ENV, ...(overrides.env ?? {}) },
  };
}

/**
 * Start the pack in `beforeAll` and stop it in `afterAll`; `get()` returns the running session.
 * Call at the top of a test file (or describe block).
 */
export function usePack(overrides: Partial<StartPackOptions> = {}): { get(): PolicyPackSession } {
  let session: PolicyPackSession | undefined;
  beforeAll(async () => {
    session = await startPack(packOptions(overrides));
  });
  afterAll(async () => {
    await session?.close();
  });
  return {
    get(): PolicyPackSession {
      if (!session) throw new Error("the pack is not running (beforeAll failed?)");
      return session;
    },
  };
}
