// Entry point of the `jurisdiction-guard` command (bin/jurisdiction-guard.js loads this file).
import { main } from "./scan/command";

main(process.argv).then(
  (code) => {
    // Let stdout drain (it is asynchronous when piped on some platforms) before exiting.
    process.stdout.write("", () => process.exit(code));
  },
  (e: unknown) => {
    console.error(`error: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(2);
  },
);
