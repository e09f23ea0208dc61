// Commands run as a user runs them in a folder of their own: no Jest NODE_OPTIONS, none of the
// npm_* variables of the `npm test` that started us (they would point npm at this repository).
import { spawnSync } from "child_process";

/** Run `cmd args` in `cwd`; throws with its output when it fails. Returns its stdout. */
export function runIsolated(cmd: string, args: readonly string[], cwd: string): string {
  const env = { ...process.env };
  delete env["NODE_OPTIONS"];
  for (const k of Object.keys(env)) if (k.startsWith("npm_")) delete env[k];
  const r = spawnSync(cmd, args, { cwd, env, encoding: "utf8" });
  if (r.status !== 0) {
    throw new Error(
      `${cmd} ${args.join(" ")} in ${cwd} exited ${r.status}:\n${r.stdout}\n${r.stderr}`,
    );
  }
  return r.stdout;
}
