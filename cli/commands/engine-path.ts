// `npm run engine:path`: prints the absolute path of the Pulumi CLI the engine suite uses
// (PULUMI_CLI, else a `pulumi` v3.270+ on PATH, else the pinned build of engine/cli/, built
// when missing or stale). Progress goes to stderr when it is a terminal; nothing otherwise.
//
// Exit codes: 0 printed, 2 no CLI (go missing, the build failed: the message names the command
// and quotes the end of its output).
import { EngineCliError, resolvePulumiCli } from "../engine/pulumi-cli";

export interface EnginePathIO {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  env: NodeJS.ProcessEnv;
}

const USAGE = "usage: npm run engine:path [-- --verbose]\n";

export async function main(
  argv: readonly string[],
  io: EnginePathIO = { stdout: process.stdout, stderr: process.stderr, env: process.env },
): Promise<number> {
  const args = argv.slice(2);
  if (args.includes("--help") || args.includes("-h")) {
    io.stdout.write(USAGE);
    return 0;
  }
  const unknown = args.filter((a) => a !== "--verbose");
  if (unknown.length > 0) {
    io.stderr.write(`error: unknown argument ${unknown[0]}\n${USAGE}`);
    return 2;
  }
  const verbose = args.includes("--verbose") || io.stderr.isTTY === true;
  try {
    const cli = await resolvePulumiCli({
      env: io.env,
      progress: verbose ? (line) => io.stderr.write(`engine:path: ${line}\n`) : undefined,
    });
    if (verbose) io.stderr.write(`engine:path: using ${cli.path} (from ${cli.source})\n`);
    io.stdout.write(`${cli.path}\n`);
    return 0;
  } catch (e) {
    if (!(e instanceof EngineCliError)) throw e;
    io.stderr.write(`error: ${e.message}\n`);
    return 2;
  }
}
