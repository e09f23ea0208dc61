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

export interface CaptureRequest {
  programDir: string;
  /** The module to load: `main` from Pulumi.yaml, or the program folder. */
  entry: string;
  project: string;
  stack: string;
  organization: string;
}

export type CaptureMessage =
  | { kind: "result"; registrations: Registration[] }
  | {
      kind: "error";
      /** The error's own message. */
      message: string;
      /** `file:line:column` in the program, relative to its folder, when the stack shows it. */
      location?: string;
      /** The full stack, for DEBUG. */
      stack?: string;
    };
