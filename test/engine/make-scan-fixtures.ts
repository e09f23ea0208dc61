// Writes the scan's fixtures (test/fixtures/scan/) with the REAL Pulumi CLI (the engine suite's
// set-up, harness.ts: stub providers, the pack as an executable policy pack, a file backend):
//
//   stack-export-aws-china.json       `pulumi up` of examples/aws-china-gpu-training, with its
//                                     launch template's `userData` made a secret input (a resource
//                                     transform), then `pulumi stack export` (a ciphertext secret)
//   stack-export-compliant.json       `pulumi up` of examples/compliant-multi-region-gpu (explicit
//                                     providers), then `pulumi stack export`
//   preview-aks-east-asia.json        `pulumi up` of examples/aks-gpu-east-asia plus a GPU VM
//                                     `legacy-gpu-vm`; then `pulumi preview --json` of the example
//                                     alone with a secret `servicePrincipalProfile` on the cluster:
//                                     an update step with a "[secret]" input and a delete step
//   events-sagemaker-hong-kong.jsonl  `pulumi preview --policy-pack … --event-log FILE` of
//                                     examples/sagemaker-hong-kong
//
// Each example runs with its stack config (Pulumi.dev.yaml) and `--parallel 1`, so the stub
// providers' ids and the order of events are the same on every run. The other files in
// test/fixtures/scan/ (stack-export-alicloud-advisory.json, stack-export-show-secrets.json) are
// written by hand.
//
// Normalised after the CLI writes them (only what differs between machines or runs):
//   - provider ids: the engine gives each provider a random UUID; replaced (wherever it occurs) by
//     a UUID derived from the provider's URN (not the unknown value, a preview's id of a provider
//     not yet created);
//   - times: "created", "modified" (RFC 3339) -> 2026-01-01T00:00:00.000000000Z, the manifest's
//     "time" -> 2026-01-01T00:00:00Z, events' "timestamp" -> 1767225600, "durationSeconds" and
//     the preview's "duration" -> 0;
//   - the passphrase secrets provider's random "salt" and each secret's "ciphertext" (a random
//     nonce) -> fixed values of the same form ("v1:…");
//   - source positions (`sourcePosition`, `stackTrace`, relative to the stack's temporary
//     workspace folder): "project:///<relative path of the repo>/" -> "project:///REPO/"; this run's
//     temporary folder -> /tmp/jg-engine (if it appears anywhere else); the local policy pack's
//     path in the event log summary's "<name>|local|<path>" key (the engine shortens long paths
//     with "...") -> /tmp/jg-engine/pack-XXXXXX/pulumi-analyzer-policy-nodejs; the line and
//     column of a frame inside node_modules -> "#1,1" (they move with every dependency update);
//   - order that varies between runs: "dependencies" and "propertyDependencies" lists sorted; in
//     the event log, the SDK's debug diagnostics and the "using pulumi-resource-<name> from
//     $PATH" warnings (about the stub plugins) left out and "sequence" renumbered from 0;
//   - JSON re-printed as the CLI prints it (Go's escapes, 4-space indent; one event a line), with
//     a final newline.
//
// Run: npm run fixtures:engine [-- --out DIR] (the engine suite writes into a temporary folder and
// compares with the committed files: scan-fixtures.test.ts). `--events FILE` also writes, for each
// fixture, the policy events of the real `pulumi preview --policy-pack` of the same program.
import { createHash } from "crypto";
import * as fs from "fs";
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import type { EngineEvent, PolicyEvent, Stack } from "@pulumi/pulumi/automation";
import { HERMETIC_ENV } from "../integration/harness";
import { exampleStack, PROVIDERS, setExampleConfig } from "./examples";
import type { EngineSetup } from "./harness";
import { openStack, packExecutable, REPO_ROOT, rewritingArgs, setUpEngine } from "./harness";
import { AnyResource } from "./scenarios";
import { UNKNOWN_STRING } from "../../policypack/src/values";

export const FIXTURES_DIR = path.join(REPO_ROOT, "test", "fixtures", "scan");

/** The files this script writes, each with the example it comes from. */
export const GENERATED: Record<string, string> = {
  "stack-export-aws-china.json": "aws-china-gpu-training",
  "stack-export-compliant.json": "compliant-multi-region-gpu",
  "preview-aks-east-asia.json": "aks-gpu-east-asia",
  "events-sagemaker-hong-kong.jsonl": "sagemaker-hong-kong",
};

/** Per fixture file: the policy events of the real preview of the same program and stack. */
export type PreviewEvents = Record<string, PolicyEvent[]>;

export type Program = () => Promise<void>;

export function exampleDir(name: string): string {
  return path.join(REPO_ROOT, "examples", name);
}

/** Runs the example's index.ts (afresh: a stack runs its program once per command). */
export function example(name: string, before?: () => void): Program {
  const index = require.resolve(path.join(exampleDir(name), "index.ts"));
  return async () => {
    before?.();
    delete require.cache[index];
    await import(index);
  };
}

/**
 * A stack transformation that adds `extra` to the inputs of the resource named `name`. (Not a
 * resource transform, `registerResourceTransform`: through v3.276's transform callback a
 * `pulumi.secret` input arrived in the state as plaintext.)
 */
export function addInputs(name: string, extra: () => Record<string, unknown>): () => void {
  return () =>
    pulumi.runtime.registerStackTransformation((args) =>
      args.name === name ? { props: { ...args.props, ...extra() }, opts: args.opts } : undefined,
    );
}

class Run {
  readonly events: PreviewEvents = {};
  constructor(
    readonly setup: EngineSetup,
    readonly out: string,
  ) {}

  /** One example's stack in its own workspace folder (which keeps the stack config). */
  async stack(name: string): Promise<{
    open: (program: Program, rewrite?: (args: string[]) => string[]) => Promise<Stack>;
  }> {
    const workDir = fs.mkdtempSync(path.join(this.setup.dir, `${name}-`));
    const { projectName, stackName } = exampleStack(exampleDir(name));
    const open = (program: Program, rewrite?: (args: string[]) => string[]) =>
      openStack(this.setup, {
        projectName,
        stackName,
        program,
        workDir,
        command: rewrite ? rewritingArgs(this.setup.command, rewrite) : this.setup.command,
      });
    await setExampleConfig(await open(example(name)), exampleDir(name));
    return { open };
  }

  /** `pulumi preview --policy-pack` of the program: its policy events (it may fail: mandatory). */
  async policyEvents(stack: Stack): Promise<PolicyEvent[]> {
    const events: EngineEvent[] = [];
    try {
      await stack.preview({
        parallel: 1,
        policyPacks: [packExecutable(this.setup)],
        onEvent: (e) => events.push(e),
      });
    } catch (e) {
      if (!/exit code 1:/.test(String(e))) throw e;
    }
    return events.flatMap((e) => (e.policyEvent !== undefined ? [e.policyEvent] : []));
  }

  async exportStack(stack: Stack, file: string): Promise<void> {
    const { stdout } = await this.cli(["stack", "export", "--stack", stack.name], stack);
    this.write(file, stdout);
  }

  async cli(args: string[], stack: Stack): Promise<{ stdout: string }> {
    const cmd = this.setup.command as unknown as {
      run: (a: string[], cwd: string, env: Record<string, string>) => Promise<{ stdout: string }>;
    };
    return cmd.run(args, stack.workspace.workDir, this.setup.env);
  }

  write(file: string, text: string): void {
    const canonical = file.endsWith(".jsonl") ? canonicalLog(text) : canonicalJson(text);
    fs.writeFileSync(path.join(this.out, file), normalise(canonical, this.setup.dir));
    process.stderr.write(`wrote ${path.join(this.out, file)}\n`);
  }
}

async function stackExport(run: Run, file: string, before?: () => void): Promise<void> {
  const name = GENERATED[file]!;
  const { open } = await run.stack(name);
  const stack = await open(example(name, before));
  await stack.up({ parallel: 1 });
  run.events[file] = await run.policyEvents(stack);
  await run.exportStack(stack, file);
}

async function previewJson(run: Run, file: string): Promise<void> {
  const name = GENERATED[file]!;
  const { open } = await run.stack(name);
  // Deployed: the example and an older GPU VM the program no longer declares.
  const withLegacyVm = example(name, () => {
    new AnyResource("azure-native:compute:VirtualMachine", "legacy-gpu-vm", {
      location: "eastasia",
      resourceGroupName: "rg-aks-hk",
      hardwareProfile: { vmSize: "Standard_NC24ads_A100_v4" },
    });
  });
  await (await open(withLegacyVm)).up({ parallel: 1 });
  // The change: the cluster gets a service principal with a secret; the VM goes.
  const changed = example(
    name,
    addInputs("gpu-aks", () => ({
      servicePrincipalProfile: { clientId: "msi", secret: pulumi.secret("aks-sp-password") },
    })),
  );
  const withJson = await open(changed, (args) =>
    args[0] === "preview" ? [...args, "--json"] : args,
  );
  run.write(file, (await withJson.preview({ parallel: 1 })).stdout);
  run.events[file] = await run.policyEvents(await open(changed));
}

async function eventLog(run: Run, file: string): Promise<void> {
  const name = GENERATED[file]!;
  const { open } = await run.stack(name);
  const log = path.join(run.setup.dir, file);
  // The Automation API streams events over gRPC (`--event-log tcp://…`); a file instead.
  const toFile = (args: string[]): string[] =>
    args.map((a, i) => (args[i - 1] === "--event-log" ? log : a));
  const stack = await open(example(name), toFile);
  try {
    await stack.preview({ parallel: 1, policyPacks: [packExecutable(run.setup)] });
  } catch (e) {
    if (!/exit code 1:/.test(String(e))) throw e;
  }
  const text = fs.readFileSync(log, "utf8");
  run.write(file, text);
  run.events[file] = text
    .split("\n")
    .filter((l) => l.trim() !== "")
    .flatMap((l) => {
      const e = JSON.parse(l) as EngineEvent;
      return e.policyEvent !== undefined ? [e.policyEvent] : [];
    });
}

/** Go's encoding/json escapes these in strings (the CLI's output); JSON.stringify does not. */
function goJson(text: string): string {
  return text.replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}

/** Dependency lists sorted (the SDK resolves them in an order that varies between runs). */
function sortDependencies(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortDependencies);
  if (v === null || typeof v !== "object") return v;
  const out: Record<string, unknown> = {};
  for (const [k, e] of Object.entries(v as Record<string, unknown>)) {
    if (k === "dependencies" && Array.isArray(e)) out[k] = [...(e as string[])].sort();
    else if (k === "propertyDependencies" && e !== null && typeof e === "object") {
      out[k] = Object.fromEntries(
        Object.entries(e as Record<string, unknown>).map(([p, d]) => [
          p,
          Array.isArray(d) ? [...(d as string[])].sort() : d,
        ]),
      );
    } else out[k] = sortDependencies(e);
  }
  return out;
}

/** A JSON document as the CLI prints it (4-space indent), dependencies sorted, a final newline. */
export function canonicalJson(text: string): string {
  return `${goJson(JSON.stringify(sortDependencies(JSON.parse(text)), null, 4))}\n`;
}

/**
 * An event log without the events whose order varies between runs and which no reader needs: the
 * SDK's debug diagnostics and the engine's "using pulumi-resource-<name> from $PATH" warnings
 * about our stub providers; `sequence` renumbered from 0; dependencies sorted.
 */
function canonicalLog(text: string): string {
  const kept = text
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((l) => JSON.parse(l) as Record<string, unknown>)
    .filter((e) => {
      const d = e["diagnosticEvent"] as { severity?: string; message?: string } | undefined;
      if (d === undefined) return true;
      return (
        d.severity !== "debug" && !/^using pulumi-resource-\S+ from \$PATH/.test(d.message ?? "")
      );
    });
  return kept
    .map((e, i) => goJson(JSON.stringify(sortDependencies({ ...e, sequence: i }))))
    .map((l) => `${l}\n`)
    .join("");
}

function uuidOf(seed: string): string {
  const h = createHash("sha256").update(seed).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** The normalisations the header lists, and nothing else. */
export function normalise(text: string, tmpDir: string): string {
  // Source positions are relative to the stack's workspace folder (a folder in tmpDir).
  const repo = path.relative(path.join(tmpDir, "workspace"), REPO_ROOT);
  let out = text
    .replace(
      /("[^"|]+\|local\|)[^"]*"/g,
      '$1/tmp/jg-engine/pack-XXXXXX/pulumi-analyzer-policy-nodejs"',
    )
    .split(`project:///${repo}/`)
    .join("project:///REPO/")
    // Frames inside installed packages move with every dependency update: keep the file only.
    .replace(/(project:\/\/\/REPO\/node_modules\/[^"#]*)#\d+,\d+/g, "$1#1,1")
    .split(tmpDir)
    .join("/tmp/jg-engine");
  const ids = new Map<string, string>();
  for (const m of out.matchAll(
    /(urn:pulumi:[^"\s]*?::pulumi:providers:[^:"\s]+::[^:"\s]+)::([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})/g,
  )) {
    // In preview a provider not yet created has the unknown value as its id: that one is the same
    // in every run, and replacing it would turn every unknown input into a plain string.
    if (m[2] !== UNKNOWN_STRING) ids.set(m[2]!, uuidOf(m[1]!));
  }
  for (const [from, to] of ids) out = out.split(from).join(to);
  let n = 0;
  return out
    .replace(
      /("(?:created|modified)":\s*")\d{4}-\d\d-\d\dT[^"]+"/g,
      '$12026-01-01T00:00:00.000000000Z"',
    )
    .replace(/("time":\s*")\d{4}-\d\d-\d\dT[^"]+"/g, '$12026-01-01T00:00:00Z"')
    .replace(/("timestamp":\s*)\d+/g, "$11767225600")
    .replace(/("durationSeconds":\s*)\d+/g, "$10")
    .replace(/("duration":\s*)\d+/g, "$10")
    .replace(/("salt":\s*")v1:[^"]+"/g, '$1v1:AAAAAAAAAAA=:v1:AAAAAAAAAAAAAAAA:normalisedSalt"')
    .replace(
      /("ciphertext":\s*")v1:[^"]+"/g,
      (_m, key: string) => `${key}v1:normalised${n++}:AAAAAAAAAAAAAAAAAAAAAAAAAAAA"`,
    );
}

export async function generate(setup: EngineSetup, out: string): Promise<PreviewEvents> {
  fs.mkdirSync(out, { recursive: true });
  const run = new Run(setup, out);
  // First: the SDK's debug events in the log name earlier programs' resources of this process.
  await eventLog(run, "events-sagemaker-hong-kong.jsonl");
  await stackExport(
    run,
    "stack-export-aws-china.json",
    addInputs("gpu-training-template", () => ({
      userData: pulumi.secret(Buffer.from("#!/bin/bash\necho training\n").toString("base64")),
    })),
  );
  await stackExport(run, "stack-export-compliant.json");
  await previewJson(run, "preview-aks-east-asia.json");
  return run.events;
}

export function argValue(flag: string): string | undefined {
  const i = process.argv.indexOf(flag);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

/**
 * A generator script's body: the hermetic environment, the engine set up with the stub providers,
 * `generate` into `--out DIR` (else `defaultOut`), the engine cleaned up, exit 1 with the error.
 */
export function runGenerator(
  defaultOut: string,
  generate: (setup: EngineSetup, out: string) => Promise<void>,
): void {
  const run = async (): Promise<void> => {
    for (const [k, v] of Object.entries(HERMETIC_ENV)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    const out = path.resolve(argValue("--out") ?? defaultOut);
    const setup = await setUpEngine({
      providers: PROVIDERS,
      progress: (l) => process.stderr.write(`[engine] ${l}\n`),
    });
    try {
      await generate(setup, out);
    } finally {
      setup.cleanup();
    }
  };
  run().then(
    () => process.exit(0),
    (e: unknown) => {
      process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      process.exit(1);
    },
  );
}

if (require.main === module) {
  runGenerator(FIXTURES_DIR, async (setup, out) => {
    const events = await generate(setup, out);
    const eventsFile = argValue("--events");
    if (eventsFile !== undefined) fs.writeFileSync(eventsFile, JSON.stringify(events, null, 2));
  });
}
