// Runs the REAL Pulumi engine (the CLI from engine/cli/, see cli/engine/pulumi-cli.ts) on an
// Automation API inline program with our policy pack, offline:
//
// - the program runs in this process (LocalWorkspace with `program`): the CLI gets `--client`
//   and starts no language host, so no `pulumi-language-nodejs` is needed;
// - resource providers are stubs (stub-provider.ts) behind `pulumi-resource-<name>` shims on
//   PATH, reporting the version of the @pulumi/<name> package the program uses;
// - the policy pack: in v3.276 a folder given to `--policy-pack` is always started through the
//   `nodejs` language plugin's RunPlugin (pkg/resource/plugin/plugin.go ExecPlugin), which is not
//   to be had here. An executable given to `--policy-pack` is started directly instead
//   (analyzer_plugin.go NewPolicyAnalyzer), with the engine address as its last argument and its
//   folder's PulumiPolicy.yaml read for the version. So the harness writes a folder with a copy of
//   the pack's PulumiPolicy.yaml and an executable `pulumi-analyzer-policy-nodejs` that runs
//   `node <@pulumi/pulumi>/cmd/run-policy-pack <engine-address> .` in the pack folder (what the
//   nodejs language host does), and passes that executable as the policy pack;
// - a private PULUMI_HOME, a file backend, automatic plugin acquisition off.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { EngineEvent, PolicyEvent, PreviewResult, Stack } from "@pulumi/pulumi/automation";
import { LocalWorkspace, PulumiCommand } from "@pulumi/pulumi/automation";
import { ensurePackBuilt } from "../../cli/build";
import { resolvePulumiCli } from "../../cli/engine/pulumi-cli";
import type { ResolvedCli } from "../../cli/engine/pulumi-cli";
import { resolveRunPolicyPack } from "../../cli/runner/pack";

export const REPO_ROOT = path.resolve(__dirname, "..", "..");
export const PACK_DIR = path.join(REPO_ROOT, "policypack");

export interface EngineSetup {
  dir: string;
  cli: ResolvedCli;
  command: PulumiCommand;
  /** The environment every CLI run gets (on top of process.env). */
  env: Record<string, string>;
  cleanup(): void;
}

export interface SetupOptions {
  /** Provider packages to stub, e.g. ["aws"]; the version comes from @pulumi/<name>. */
  providers: string[];
  /** Progress of a CLI build (it can take minutes the first time). */
  progress?: (line: string) => void;
}

function shellQuote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

function writeExecutable(file: string, body: string): void {
  fs.writeFileSync(file, `#!/bin/sh\n${body}\n`, { mode: 0o755 });
}

/**
 * What the stubs of packages not installed here report as their version (nominal: programs register
 * those resources without a version, so the engine asks for none).
 */
export const UNINSTALLED_VERSIONS: Record<string, string> = {
  alicloud: "3.0.0",
  "aws-native": "1.0.0",
  azure: "6.0.0",
  gcp: "8.0.0",
  kubernetes: "4.0.0",
};

/**
 * The version of @pulumi/<name> the program loads (what the engine asks the provider for), or for
 * a package not installed, its UNINSTALLED_VERSIONS entry.
 */
export function providerPackageVersion(name: string): string {
  let file: string;
  try {
    file = require.resolve(`@pulumi/${name}/package.json`, { paths: [REPO_ROOT] });
  } catch (e) {
    const nominal = UNINSTALLED_VERSIONS[name];
    if (nominal !== undefined) return nominal;
    throw new Error(
      `no stub version for provider "${name}": install @pulumi/${name} or add it to UNINSTALLED_VERSIONS (${String(e)})`,
    );
  }
  return (JSON.parse(fs.readFileSync(file, "utf8")) as { version: string }).version;
}

export async function setUpEngine(opts: SetupOptions): Promise<EngineSetup> {
  const cli = await resolvePulumiCli({ progress: opts.progress });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jg-engine-"));
  try {
    // PulumiCommand.get({ root }) runs <root>/bin/pulumi.
    const cliRoot = path.join(dir, "cli");
    fs.mkdirSync(path.join(cliRoot, "bin"), { recursive: true });
    fs.symlinkSync(cli.path, path.join(cliRoot, "bin", "pulumi"));

    const plugins = path.join(dir, "plugins");
    fs.mkdirSync(plugins);
    const tsNode = require.resolve("ts-node/register/transpile-only", { paths: [REPO_ROOT] });
    for (const name of opts.providers) {
      writeExecutable(
        path.join(plugins, `pulumi-resource-${name}`),
        `STUB_PROVIDER_NAME=${shellQuote(name)} STUB_PROVIDER_VERSION=${shellQuote(providerPackageVersion(name))} ` +
          `exec ${shellQuote(process.execPath)} -r ${shellQuote(tsNode)} ` +
          `${shellQuote(path.join(__dirname, "stub-provider.ts"))} "$@"`,
      );
    }
    const home = path.join(dir, "home");
    const backend = path.join(dir, "backend");
    fs.mkdirSync(home);
    fs.mkdirSync(backend);
    const env: Record<string, string> = {
      PATH: [plugins, path.dirname(process.execPath), process.env.PATH ?? ""].join(path.delimiter),
      PULUMI_HOME: home,
      PULUMI_BACKEND_URL: `file://${backend}`,
      PULUMI_CONFIG_PASSPHRASE: "x",
      PULUMI_SKIP_UPDATE_CHECK: "true",
      PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
    };
    const command = await PulumiCommand.get({ root: cliRoot, skipVersionCheck: false });
    return {
      dir,
      cli,
      command,
      env,
      cleanup: () => fs.rmSync(dir, { recursive: true, force: true }),
    };
  } catch (e) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw e;
  }
}

/**
 * An executable policy pack for `--policy-pack` that starts the pack in `packDir` (built first
 * when stale) the way the nodejs language host's RunPlugin does.
 */
export function packExecutable(setup: EngineSetup, packDir: string = PACK_DIR): string {
  const built = ensurePackBuilt(packDir);
  if (built.diagnostics !== undefined) throw new Error(`tsc failed:\n${built.diagnostics}`);
  const dir = fs.mkdtempSync(path.join(setup.dir, "pack-"));
  fs.copyFileSync(path.join(packDir, "PulumiPolicy.yaml"), path.join(dir, "PulumiPolicy.yaml"));
  const exe = path.join(dir, "pulumi-analyzer-policy-nodejs");
  writeExecutable(
    exe,
    [
      `# The engine passes [logging flags...] <engine-address>.`,
      `for a in "$@"; do last="$a"; done`,
      `cd ${shellQuote(packDir)} || exit 1`,
      `exec ${shellQuote(process.execPath)} ${shellQuote(resolveRunPolicyPack(packDir))} "$last" .`,
    ].join("\n"),
  );
  return exe;
}

export interface PreviewOptions extends StackOptions {
  /** What `--policy-pack` gets: paths of executables (packExecutable) or folders. */
  policyPacks: string[];
  policyPackConfigs?: string[];
  /** Runs on the stack before the preview (stack config, stack tags). */
  prepare?: (stack: Stack) => Promise<void>;
}

export interface PreviewOutcome {
  ok: boolean;
  result?: PreviewResult;
  /** The CommandError's message when the preview failed (it quotes the CLI's stdout/stderr). */
  error?: string;
  events: EngineEvent[];
  policyEvents: PolicyEvent[];
  ms: number;
}

/**
 * The CLI with each command's arguments rewritten (e.g. `--json`, or `--event-log FILE` in place of
 * the Automation API's event stream). The Automation API calls PulumiCommand's `run(args, ...)`,
 * which its typings keep internal.
 */
export function rewritingArgs(
  command: PulumiCommand,
  rewrite: (args: string[]) => string[],
): PulumiCommand {
  const base = command as unknown as { run: (args: string[], ...rest: unknown[]) => unknown };
  const wrapped = Object.create(command) as { run: typeof base.run };
  wrapped.run = (args, ...rest) => base.run.call(command, rewrite(args), ...rest);
  return wrapped as unknown as PulumiCommand;
}

export interface StackOptions {
  projectName?: string;
  stackName?: string;
  program: () => Promise<Record<string, unknown> | void>;
  /** The workspace folder (its Pulumi.<stack>.yaml keeps the stack config between commands). */
  workDir?: string;
  /** The CLI to run, e.g. rewritingArgs(setup.command, ...); setup.command when undefined. */
  command?: PulumiCommand;
}

/** The stack (created when new) as an Automation API inline-program stack on the engine. */
export async function openStack(setup: EngineSetup, opts: StackOptions): Promise<Stack> {
  return LocalWorkspace.createOrSelectStack(
    {
      projectName: opts.projectName ?? "engine-smoke",
      stackName: opts.stackName ?? "dev",
      program: opts.program,
    },
    {
      workDir: opts.workDir ?? fs.mkdtempSync(path.join(setup.dir, "work-")),
      pulumiHome: setup.env.PULUMI_HOME,
      pulumiCommand: opts.command ?? setup.command,
      envVars: setup.env,
    },
  );
}

export async function previewWithPacks(
  setup: EngineSetup,
  opts: PreviewOptions,
): Promise<PreviewOutcome> {
  const stack = await openStack(setup, opts);
  if (opts.prepare !== undefined) await opts.prepare(stack);
  const events: EngineEvent[] = [];
  const started = Date.now();
  try {
    const result = await stack.preview({
      policyPacks: opts.policyPacks,
      policyPackConfigs: opts.policyPackConfigs,
      onEvent: (e) => events.push(e),
    });
    return {
      ok: true,
      result,
      events,
      policyEvents: policyEventsOf(events),
      ms: Date.now() - started,
    };
  } catch (e) {
    return {
      ok: false,
      error: e instanceof Error ? e.message : String(e),
      events,
      policyEvents: policyEventsOf(events),
      ms: Date.now() - started,
    };
  }
}

function policyEventsOf(events: EngineEvent[]): PolicyEvent[] {
  return events.flatMap((e) => (e.policyEvent !== undefined ? [e.policyEvent] : []));
}

/**
 * Set the engine up in `beforeAll` and clean up in `afterAll` (call at the top of a test file);
 * the returned function gives the setup, or throws when `beforeAll` failed.
 */
export function useEngine(providers: string[]): () => EngineSetup {
  let setup: EngineSetup | undefined;
  beforeAll(async () => {
    setup = await setUpEngine({
      providers,
      progress: (l) => process.stderr.write(`[engine] ${l}\n`),
    });
  });
  afterAll(() => setup?.cleanup());
  return () => {
    if (setup === undefined) throw new Error("the engine setup failed (see beforeAll)");
    return setup;
  };
}
