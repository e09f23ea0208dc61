// The policies of this repository's pack, when a command runs it (the default `--policy-pack`):
// then a config file can be checked whole, with every check the pack makes, before anything
// starts. For another pack only its reported schemas are known (the runner checks those).
import * as fs from "fs";
import * as path from "path";
import type * as PackLibrary from "jurisdiction-guard";
import type { DeclaredPolicy } from "jurisdiction-guard";
import { ROOT } from "./paths";

export const OWN_PACK = path.join(ROOT, "policypack");

function real(dir: string): string {
  try {
    return fs.realpathSync(dir);
  } catch {
    return path.resolve(dir);
  }
}

/** This pack's policies when `packDir` is this repository's pack, else undefined. */
export function ownPolicies(packDir: string): readonly DeclaredPolicy[] | undefined {
  if (real(packDir) !== real(OWN_PACK)) return undefined;
  // Loaded only when there is a config to check: the policies bring the whole pack.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require("jurisdiction-guard") as typeof PackLibrary).POLICIES;
}
