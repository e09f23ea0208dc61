// Jest global setup: compile the policy pack (when its sources are newer than bin/) and the CLI
// (when cli/ is newer than dist/) once, so integration tests drive the current code. A pack that
// cannot be built only fails the integration tests (they cannot start it); unit tests still run.
import { ensurePackBuilt } from "../../cli/build";
import * as path from "path";
import { EXAMPLES_DIR, PACK_DIR } from "../support/paths";

// The CLI's launcher (plain JavaScript, what `jurisdiction-guard` and `npm run demo` run).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const cli = require("../../bin/compiled") as {
  ensureBuilt(name?: string): string | false | undefined;
};

export default function globalSetup(): void {
  const cliBuilt = cli.ensureBuilt();
  if (cliBuilt === false)
    process.stderr.write("\n[global-setup] could not compile the CLI (cli/)\n");
  else if (cliBuilt !== undefined)
    process.stderr.write(`\n[global-setup] compiled the CLI (${cliBuilt})\n`);
  // The stock pack first: the org pack compiles against its declarations.
  for (const dir of [PACK_DIR, path.join(EXAMPLES_DIR, "org-pack")]) buildPack(dir);
}

function buildPack(dir: string): void {
  try {
    const result = ensurePackBuilt(dir);
    if (result.built) {
      process.stderr.write(
        `\n[global-setup] built ${path.basename(dir)} in ${result.ms} ms (${result.reason})\n`,
      );
    }
    if (result.diagnostics !== undefined) {
      process.stderr.write(`[global-setup] warning: tsc reported errors:\n${result.diagnostics}\n`);
    }
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    process.stderr.write(`\n[global-setup] could not build ${dir}: ${message}\n`);
  }
}
