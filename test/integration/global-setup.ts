// Jest global setup: compile the policy pack once (when its sources are newer than bin/), so
// integration tests drive the current pack. A pack that cannot be built only fails the
// integration tests (they cannot start it); unit tests still run.
import { ensurePackBuilt } from "../../cli/build";
import { PACK_DIR } from "./paths";

export default function globalSetup(): void {
  try {
    const result = ensurePackBuilt(PACK_DIR);
    if (result.built) {
      process.stderr.write(
        `\n[global-setup] built the policy pack in ${result.ms} ms (${result.reason})\n`,
      );
    }
    if (result.diagnostics !== undefined) {
      process.stderr.write(`[global-setup] warning: tsc reported errors:\n${result.diagnostics}\n`);
    }
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    process.stderr.write(`\n[global-setup] could not build the policy pack: ${message}\n`);
  }
}
