// Capture a Pulumi TypeScript program's resources without the Pulumi CLI: run it under the SDK's
// mocks in preview mode, in a child process of its own, and rebuild what the engine would hold.
import * as path from "path";
import { forkGroup, killNow } from "../runner/process-group";
import type { EngineResource } from "../runner/types";
import { errorMessage, lineSplitter } from "../runner/util";
import { toEngineResources } from "./engine-resources";
import { readProject, readStackConfig, selectStack } from "./stack-config";
import type { CaptureMessage, CaptureRequest, Registration } from "./types";

export { ProgramConfigError, readProject, readStackConfig, selectStack } from "./stack-config";
export type { ProjectFile, StackConfig } from "./stack-config";
export {
  defaultProviderName,
  packageConfigInputs,
  packageOf,
  toEngineResources,
} from "./engine-resources";
export type { Registration } from "./types";

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

const CHILD = path.join(__dirname, "child.ts");
const TSCONFIG = path.join(__dirname, "..", "..", "tsconfig.json");

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
  const request: CaptureRequest = {
    programDir,
    entry: project.main !== undefined ? path.resolve(programDir, project.main) : programDir,
    project: project.name,
    stack,
    organization,
  };

  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const [k, v] of Object.entries(opts.env ?? {})) {
    if (v === undefined) delete env[k];
    else env[k] = v;
  }
  // What the Node.js language host gives a program.
  Object.assign(env, {
    PULUMI_CONFIG: JSON.stringify(stackConfig.config),
    PULUMI_CONFIG_SECRET_KEYS: JSON.stringify(stackConfig.secretKeys),
    PULUMI_NODEJS_PROJECT: project.name,
    PULUMI_NODEJS_STACK: stack,
    PULUMI_NODEJS_ORGANIZATION: organization,
    PULUMI_NODEJS_DRY_RUN: "true",
    JURISDICTION_GUARD_CAPTURE: JSON.stringify(request),
    TS_NODE_PROJECT: TSCONFIG,
    TS_NODE_TRANSPILE_ONLY: "true",
  });
  // Jest and other hosts may set these; the child is a plain Node.js process.
  delete env["NODE_OPTIONS"];

  const output: string[] = [];
  const registrations = await new Promise<Registration[]>((resolve, reject) => {
    const child = forkGroup(CHILD, [], {
      cwd: programDir,
      env,
      execArgv: ["-r", require.resolve("ts-node/register/transpile-only")],
      stdio: ["ignore", "pipe", "pipe", "ipc"],
    });
    let result: Registration[] | undefined;
    let error: string | undefined;
    let more: { location?: string; detail?: string } = {};
    const timer = setTimeout(() => {
      error = `the program did not finish within ${opts.timeoutMs ?? 60000} ms`;
      void killNow(child);
    }, opts.timeoutMs ?? 60000);
    const onAbort = () => {
      error ??= "the capture was cancelled";
      void killNow(child);
    };
    if (opts.signal?.aborted) onAbort();
    opts.signal?.addEventListener("abort", onAbort, { once: true });
    const lines = lineSplitter((l) => output.push(l));
    const errLines = lineSplitter((l) => output.push(l));
    child.stdout?.setEncoding("utf8").on("data", (c: string) => lines.push(c));
    child.stderr?.setEncoding("utf8").on("data", (c: string) => errLines.push(c));
    child.on("message", (m: CaptureMessage) => {
      if (m.kind === "result") result = m.registrations;
      else {
        error = m.message;
        more = {
          ...(m.location !== undefined ? { location: m.location } : {}),
          ...(m.stack !== undefined ? { detail: m.stack } : {}),
        };
      }
    });
    child.on("error", (e) => {
      error ??= errorMessage(e);
    });
    child.on("exit", (code, signal) => {
      clearTimeout(timer);
      opts.signal?.removeEventListener("abort", onAbort);
      lines.flush();
      errLines.flush();
      if (result !== undefined && error === undefined) resolve(result);
      else
        reject(
          new ProgramCaptureError(
            programDir,
            error ?? `the program exited (code ${code}, signal ${signal}) without results`,
            output,
            more,
          ),
        );
    });
  });

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
