// Paths shared by the tests (integration, engine) and jest's global setup.
import * as path from "path";

export const REPO_ROOT = path.resolve(__dirname, "..", "..");
/** The pack under test; JURISDICTION_GUARD_PACK points elsewhere (e.g. a throwaway pack). */
export const PACK_DIR = path.resolve(
  process.env["JURISDICTION_GUARD_PACK"] ?? path.join(REPO_ROOT, "policypack"),
);
export const EXAMPLES_DIR = path.join(REPO_ROOT, "examples");
