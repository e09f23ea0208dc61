// Capture a Pulumi program's resources without the Pulumi CLI: run it under the SDK's mocks in
// preview mode, in a capture worker (pool.ts) set up as `pulumi` sets up the program's process
// (shape.ts), and rebuild what the engine would hold.
import * as path from "path";
import type { EngineResource } from "../runner/types";
import { errorMessage } from "../runner/util";
import { toEngineResources } from "./engine-resources";
import { CaptureFailed, CapturePool } from "./pool";
import { programShape } from "./shape";
import type { ProgramShape } from "./shape";
import { readProject, readStackConfig, selectStack } from "./stack-config";
import type { CaptureRequest, Registration } from "./types";

export { ProgramConfigError, readProject, readStackConfig, selectStack } from "./stack-config";
export type { ProjectFile, StackConfig } from "./stack-config";
export {
  defaultProviderName,
  packageConfigInputs,
  packageOf,
  toEngineResources,
} from "./engine-resources";
export type { Registration } from "./types";
export { CapturePool } from "./pool";
export { programShape, ProgramShapeError } from "./shape";
export type { ProcessSetup, ProgramShape } from "./shape";

export interface CaptureOptions {
  /** Stack name; defaults to the only `Pulumi.<stack>.yaml` in the folder. */
  stack?: string;
  /** Defaults to "organization", the name local backends use. */
  organization?: string;
  timeoutMs?: number;
  /** Extra environment for the program; `undefined` removes an inherited variable. */
  env?: Record<string, string | undefined>;
  /** Stops the program (its process is killed) and rejects the capture. */
  signal?: AbortSignal;
  /** The workers to run it in (default: one pool for the whole process). */
  pool?: CapturePool;
}

export interface CapturedProgram {
  programDir: string;
  project: string;
  stack: string;
  organization: string;
  /** Namespaced stack config as PULUMI_CONFIG carries it. */
  config: Record<string, string>;
  configSecretKeys: string[];
  /** Engine resources in registration order (root stack, default providers included). */
  resources: EngineResource[];
  registrations: Registration[];
  /** What the program printed. */
  output: string[];
  captureMs: number;
}

/** The program failed to run. */
export class ProgramCaptureError extends Error {
  readonly programDir: string;
  /** What went wrong, in one line where the program's error has one: its own message. */
  readonly reason: string;
  /** `file:line:column` in the program, relative to its folder, when known. */
  readonly location: string | undefined;
  /** The program's stack trace, when it threw (shown with DEBUG). */
  readonly detail: string | undefined;
  readonly output: string[];
  constructor(
    programDir: string,
    reason: string,
    output: string[],
    more: { location?: string; detail?: string } = {},
  ) {
    super(`${programDir}: ${reason}${more.location !== undefined ? ` (at ${more.location})` : ""}`);
    this.name = "ProgramCaptureError";
    this.programDir = programDir;
    this.reason = reason;
    this.location = more.location;
    this.detail = more.detail;
    this.output = output;
  }
}

let defaultPool: CapturePool | undefined;

/** The pool `captureProgram` uses unless given one. */
export function capturePool(): CapturePool {
  defaultPool ??= new CapturePool();
  return defaultPool;
}

/** Stop the default pool's workers (they do not keep the process alive in any case). */
export async function closeCapturePool(): Promise<void> {
  const pool = defaultPool;
  defaultPool = undefined;
  await pool?.close();
}

/** The environment the Node.js language host gives a program, plus `changes`. */
function programEnv(
  changes: Record<string, string | undefined> | undefined,
  vars: Record<string, string>,
): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined) env[k] = v;
  for (const [k, v] of Object.entries(changes ?? {})) {
    if (v === undefined) delete env[k];
    else env[k] = v;
  }
  Object.assign(env, vars);
  // Jest and other hosts may set this; the program runs in a plain Node.js process.
  delete env["NODE_OPTIONS"];
  return env;
}

export async function captureProgram(
  dir: string,
  opts: CaptureOptions = {},
): Promise<CapturedProgram> {
  const started = Date.now();
  const programDir = path.resolve(dir);
  const project = readProject(programDir);
  const stack = selectStack(programDir, opts.stack);
  const stackConfig = readStackConfig(programDir, project, stack);
  const organization = opts.organization ?? "organization";
  let shape: ProgramShape;
  try {
    shape = programShape(programDir, project);
  } catch (e) {
    throw new ProgramCaptureError(programDir, errorMessage(e), []);
  }
  const request: CaptureRequest = {
    programDir,
    cwd: shape.cwd,
    entry: shape.entry,
    esm: shape.esm,
    project: project.name,
    stack,
    organization,
    config: stackConfig.config,
    secretKeys: stackConfig.secretKeys,
    // What the Node.js language host gives a program.
    env: programEnv(opts.env, {
      PULUMI_CONFIG: JSON.stringify(stackConfig.config),
      PULUMI_CONFIG_SECRET_KEYS: JSON.stringify(stackConfig.secretKeys),
      PULUMI_NODEJS_PROJECT: project.name,
      PULUMI_NODEJS_STACK: stack,
      PULUMI_NODEJS_ORGANIZATION: organization,
      PULUMI_NODEJS_DRY_RUN: "true",
      PULUMI_NODEJS_TYPESCRIPT: String(shape.setup.typescript !== undefined),
    }),
  };

  let registrations: Registration[];
  let output: string[];
  try {
    ({ registrations, output } = await (opts.pool ?? capturePool()).run(shape.setup, request, {
      timeoutMs: opts.timeoutMs ?? 60000,
      ...(opts.signal ? { signal: opts.signal } : {}),
    }));
  } catch (e) {
    if (!(e instanceof CaptureFailed)) throw e;
    const more: { location?: string; detail?: string } = {};
    if (e.failure.location !== undefined) more.location = e.failure.location;
    if (e.failure.stack !== undefined) more.detail = e.failure.stack;
    throw new ProgramCaptureError(programDir, e.failure.message, e.output, more);
  }

  const resources = toEngineResources(registrations, {
    project: project.name,
    stack,
    config: stackConfig.config,
    secretKeys: stackConfig.secretKeys,
    programDir,
  });
  return {
    programDir,
    project: project.name,
    stack,
    organization,
    config: stackConfig.config,
    configSecretKeys: stackConfig.secretKeys,
    resources,
    registrations,
    output,
    captureMs: Date.now() - started,
  };
}
