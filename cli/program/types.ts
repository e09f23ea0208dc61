// What the capture child sends back: each `RegisterResource` request as the SDK made it.
import type { PropertyMap } from "../runner/types";

export interface Registration {
  urn: string;
  type: string;
  name: string;
  parent: string;
  custom: boolean;
  /** `RegisterResourceRequest.object` in wire form (unknowns, secrets, resource references). */
  object: PropertyMap;
  dependencies: string[];
  propertyDependencies: Record<string, string[]>;
  /** Provider reference `<urn>::<id>`, "" when none was given. */
  provider: string;
  /** Package version the SDK sent (`opts.version`), "" when none. */
  version: string;
  pluginDownloadURL: string;
  protect?: boolean;
  ignoreChanges: string[];
  deleteBeforeReplace?: boolean;
  additionalSecretOutputs: string[];
  aliasURNs: string[];
  /** Go duration strings as the SDK sends them ("10m"). */
  customTimeouts?: { create: string; update: string; delete: string };
  remote: boolean;
}

/** One program for a capture worker to run. */
export interface CaptureRequest {
  /** The Pulumi project folder. */
  programDir: string;
  /** The working directory to run in (the program directory). */
  cwd: string;
  /** The module to load: a file, or a folder. */
  entry: string;
  /** Load with `import()` (ES module package) rather than `require()`. */
  esm: boolean;
  project: string;
  stack: string;
  organization: string;
  /** Namespaced stack config (PULUMI_CONFIG) and its secret keys. */
  config: Record<string, string>;
  secretKeys: string[];
  /** The program's whole environment. */
  env: Record<string, string>;
}

/** Parent to worker. */
export type WorkerMessage = { kind: "run"; id: number; request: CaptureRequest };

/** Worker to parent. */
export type CaptureMessage =
  | { kind: "ready" }
  | { kind: "result"; id: number; registrations: Registration[] }
  | {
      kind: "error";
      /** The request that failed; -1 when the worker failed outside one. */
      id: number;
      /** The error's own message. */
      message: string;
      /** `file:line:column` in the program, relative to its folder, when the stack shows it. */
      location?: string;
      /** The full stack, for DEBUG. */
      stack?: string;
    };
