// A capture worker: runs Pulumi programs one after another under
// `pulumi.runtime.setMocks(..., preview=true)` and sends every RegisterResource request back to the
// parent over IPC. The process is set up once, as the Node.js language host sets up a program's
// process (see shape.ts): TypeScript through ts-node's require hook or the SDK's ESM hooks, and
// the SDK the programs resolve. Between programs the SDK's runtime state is reset the way
// Automation API inline programs reset it (resetOptions through setMocks, setAllConfig), the
// environment and working directory are the next program's, and the previous program's own
// modules leave the require cache (so running the same program again runs it again).
//
// Each program runs inside the root `pulumi:pulumi:Stack` resource, as the language host runs it,
// and URNs are built as the engine builds them (a root-stack parent adds no type prefix; other
// parents add their full qualified type). A program that fails is reported and the worker exits:
// whatever state it left behind goes with the process.
import { createRequire, register } from "module";
import * as fs from "fs";
import * as path from "path";
import { pathToFileURL } from "url";
import type * as PulumiModule from "@pulumi/pulumi";
import type * as resproto from "@pulumi/pulumi/proto/resource_pb";
import type { PropertyMap } from "../runner/types";
import { programLocation } from "./error-location";
import type { ProcessSetup } from "./shape";
import type { CaptureMessage, CaptureRequest, Registration, WorkerMessage } from "./types";

const ROOT_STACK_TYPE = "pulumi:pulumi:Stack";

type Callback = (err: unknown, resp: resproto.RegisterResourceResponse | undefined) => void;

interface PatchableMonitor {
  newUrn(parent: string, type: string, name: string): string;
  registerResource(req: resproto.RegisterResourceRequest, cb: Callback): Promise<void>;
}

interface SettingsModule {
  getMonitor(): unknown;
  waitForRPCs(): Promise<void>;
}

interface StackModule {
  runInPulumiStack(init: () => Promise<unknown>): Promise<unknown>;
}

interface ConfigModule {
  setAllConfig(c: Record<string, string>, secretKeys?: string[]): void;
}

interface StateModule {
  getStore(): { settings: { options: { rootDirectory?: string } } };
}

interface Sdk {
  pulumi: typeof PulumiModule;
  settings: SettingsModule;
  stack: StackModule;
  config: ConfigModule;
  state: StateModule;
}

// `import()` as written: TypeScript compiling to CommonJS would turn it into `require()`.
const dynamicImport = new Function("specifier", "return import(specifier)") as (
  specifier: string,
) => Promise<Record<string, unknown>>;

function send(msg: CaptureMessage): Promise<void> {
  return new Promise((resolve) => {
    if (!process.send) {
      process.stdout.write(`${JSON.stringify(msg)}\n`, () => resolve());
      return;
    }
    process.send(msg, undefined, {}, () => resolve());
  });
}

/** The request being run, if any: an uncaught error belongs to it. */
let current: { id: number; programDir: string } | undefined;

function fail(e: unknown): void {
  const id = current?.id ?? -1;
  let message = e instanceof Error ? e.message || e.name : String(e);
  // Node appends the chain of requiring files to "Cannot find module"; the location says enough.
  if ((e as { code?: unknown } | undefined)?.code === "MODULE_NOT_FOUND")
    message = message.split("\nRequire stack:")[0] ?? message;
  const location =
    e instanceof Error && current ? programLocation(e.stack, current.programDir) : undefined;
  const stack = e instanceof Error ? e.stack : undefined;
  current = undefined;
  void send({
    kind: "error",
    id,
    message,
    ...(location !== undefined ? { location } : {}),
    ...(stack !== undefined ? { stack } : {}),
  }).then(() => process.exit(1));
}

function engineUrn(
  stack: string,
  project: string,
  parent: string,
  type: string,
  name: string,
): string {
  let qualified = type;
  if (parent !== "") {
    const parentQualified = parent.split("::")[2] ?? "";
    if (parentQualified !== ROOT_STACK_TYPE) qualified = `${parentQualified}$${type}`;
  }
  return `urn:pulumi:${stack}::${project}::${qualified}::${name}`;
}

function record(req: resproto.RegisterResourceRequest, urn: string): Registration {
  const propertyDependencies: Record<string, string[]> = {};
  req.getPropertydependenciesMap().forEach((v, k) => {
    propertyDependencies[k] = v.getUrnsList();
  });
  const reg: Registration = {
    urn,
    type: req.getType(),
    name: req.getName(),
    parent: req.getParent(),
    custom: req.getCustom(),
    object: (req.getObject()?.toJavaScript() ?? {}) as PropertyMap,
    dependencies: req.getDependenciesList(),
    propertyDependencies,
    provider: req.getProvider(),
    version: req.getVersion(),
    pluginDownloadURL: req.getPlugindownloadurl(),
    ignoreChanges: req.getIgnorechangesList(),
    additionalSecretOutputs: req.getAdditionalsecretoutputsList(),
    aliasURNs: req.getAliasurnsList(),
    remote: req.getRemote(),
  };
  const protect = req.getProtect();
  if (protect !== undefined) reg.protect = protect;
  if (req.getDeletebeforereplacedefined()) reg.deleteBeforeReplace = req.getDeletebeforereplace();
  const t = req.getCustomtimeouts();
  if (t)
    reg.customTimeouts = { create: t.getCreate(), update: t.getUpdate(), delete: t.getDelete() };
  return reg;
}

/** TypeScript as the SDK's `run` sets it up (cmd/run/run.ts), type checking off. */
function setUpTypeScript(setup: ProcessSetup): void {
  const ts = setup.typescript;
  if (!ts) return;
  const fromSdk = createRequire(path.join(setup.sdkDir, "package.json"));
  const tsutils = fromSdk(path.join(setup.sdkDir, "tsutils")) as {
    loadTypeScriptCompilerOptions(file: string): Record<string, unknown>;
  };
  const loaded = ts.project !== undefined ? tsutils.loadTypeScriptCompilerOptions(ts.project) : {};
  const base = {
    compiler: ts.compiler,
    transpileOnly: true,
    ...(ts.project !== undefined ? { project: ts.project } : {}),
    skipProject: ts.project === undefined,
  };
  if (ts.esmHooks) {
    const options = {
      ...base,
      compilerOptions: {
        target: "ES2022",
        module: "nodenext",
        moduleResolution: "nodenext",
        sourceMap: "true",
        ...loaded,
      },
    };
    register(pathToFileURL(path.join(setup.sdkDir, "cmd", "run", "hooks.js")), { data: options });
    return;
  }
  const [major = 0, minor = 0] = ts.compilerVersion.split(".").map(Number);
  const nodeNext = major > 4 || (major === 4 && minor >= 7);
  const tsNode = createRequire(__filename)(ts.tsNode) as { register(o: unknown): unknown };
  tsNode.register({
    ...base,
    compilerOptions: {
      target: "ES2020",
      module: nodeNext ? "nodenext" : "commonjs",
      moduleResolution: nodeNext ? "nodenext" : "node",
      sourceMap: "true",
      ...loaded,
    },
  });
}

function loadSdk(sdkDir: string): Sdk {
  const fromSdk = createRequire(path.join(sdkDir, "package.json"));
  return {
    pulumi: fromSdk(sdkDir) as typeof PulumiModule,
    settings: fromSdk(path.join(sdkDir, "runtime", "settings")) as SettingsModule,
    stack: fromSdk(path.join(sdkDir, "runtime", "stack")) as StackModule,
    config: fromSdk(path.join(sdkDir, "runtime", "config")) as ConfigModule,
    state: fromSdk(path.join(sdkDir, "runtime", "state")) as StateModule,
  };
}

/** Make `env` this process's whole environment. */
function replaceEnv(env: Record<string, string>): void {
  for (const k of Object.keys(process.env)) if (!(k in env)) delete process.env[k];
  Object.assign(process.env, env);
}

/** The file `import()` loads for a folder, as the SDK picks it for ES module programs. */
function esmEntry(entry: string): string {
  let main = fs.realpathSync(entry);
  if (fs.statSync(main).isDirectory()) {
    const index = ["index.js", "index.mjs", "index.ts", "index.mts"].find((f) =>
      fs.existsSync(path.join(main, f)),
    );
    if (index === undefined) throw new Error(`No entrypoint found in ${main}`);
    main = path.join(main, index);
  }
  return pathToFileURL(main).href;
}

async function loadProgram(req: CaptureRequest): Promise<unknown> {
  if (req.esm) {
    let exported = await dynamicImport(esmEntry(req.entry));
    // A default export is the program (a function or its outputs); not both kinds of export.
    if (Object.getOwnPropertyDescriptor(exported, "default") !== undefined) {
      if (Object.keys(exported).length !== 1) {
        throw new Error(
          "expected entrypoint module to have either a default export or named exports but not both",
        );
      }
      exported = exported["default"] as Record<string, unknown>;
    }
    return exported;
  }
  // A folder is required as a folder (its package main or index), not as an adjacent file.
  const isDir = fs.statSync(req.entry).isDirectory();
  const load = createRequire(path.join(req.cwd, "noop.js"));
  return load(isDir && !req.entry.endsWith(path.sep) ? req.entry + path.sep : req.entry);
}

/** Forget the program's own modules (not its dependencies), so a second run runs it again. */
function forgetProgramModules(programDir: string): void {
  const prefix = programDir.endsWith(path.sep) ? programDir : programDir + path.sep;
  let real = prefix;
  try {
    real = fs.realpathSync(programDir) + path.sep;
  } catch {
    // Keep the path as given.
  }
  for (const key of Object.keys(require.cache)) {
    if (!key.startsWith(prefix) && !key.startsWith(real)) continue;
    if (key.includes(`${path.sep}node_modules${path.sep}`)) continue;
    delete require.cache[key];
  }
}

async function runProgram(sdk: Sdk, req: CaptureRequest): Promise<Registration[]> {
  replaceEnv(req.env);
  process.chdir(req.cwd);
  await sdk.pulumi.runtime.setMocks(
    {
      // Preview: outputs are the inputs; anything else (ids, ARNs) stays unknown.
      newResource: (args) => ({ id: undefined, state: args.inputs as Record<string, unknown> }),
      call: (args) => args.inputs as Record<string, unknown>,
    },
    req.project,
    req.stack,
    true,
    req.organization,
  );
  sdk.config.setAllConfig(req.config, req.secretKeys);
  sdk.state.getStore().settings.options.rootDirectory = req.programDir;

  const monitor = sdk.settings.getMonitor() as PatchableMonitor | undefined;
  if (!monitor || typeof monitor.registerResource !== "function") {
    throw new Error("the Pulumi SDK did not install the mock monitor");
  }
  const registrations: Registration[] = [];
  const pending: Promise<void>[] = [];
  monitor.newUrn = (parent, type, name) => engineUrn(req.stack, req.project, parent, type, name);
  const register = monitor.registerResource.bind(monitor);
  monitor.registerResource = (request, cb) => {
    const urn = engineUrn(
      req.stack,
      req.project,
      request.getParent(),
      request.getType(),
      request.getName(),
    );
    registrations.push(record(request, urn));
    const done = register(request, cb);
    pending.push(done);
    return done;
  };

  try {
    await sdk.stack.runInPulumiStack(async () => {
      const program = await loadProgram(req);
      // An exported function is the program; await what it returns (its outputs).
      const result = program instanceof Function ? (program as () => unknown)() : program;
      return await result;
    });
    await sdk.settings.waitForRPCs();
    await Promise.all(pending);
  } finally {
    forgetProgramModules(req.programDir);
  }
  return registrations;
}

function main(): void {
  const raw = process.env["JURISDICTION_GUARD_CAPTURE_SETUP"];
  if (raw === undefined) throw new Error("JURISDICTION_GUARD_CAPTURE_SETUP is not set");
  const setup = JSON.parse(raw) as ProcessSetup;
  setUpTypeScript(setup);
  // The SDK the programs resolve, so the mocks apply to the instance they use.
  const sdk = loadSdk(setup.sdkDir);
  // One program at a time, in the order asked.
  let queue = Promise.resolve();
  process.on("message", (m: WorkerMessage) => {
    if (m.kind !== "run") return;
    queue = queue.then(async () => {
      current = { id: m.id, programDir: m.request.programDir };
      try {
        const registrations = await runProgram(sdk, m.request);
        if (current?.id !== m.id) return; // failed asynchronously meanwhile
        current = undefined;
        await send({ kind: "result", id: m.id, registrations });
      } catch (e) {
        if (current?.id === m.id) fail(e);
      }
    });
  });
  // Idle workers do not keep the parent waiting: it unreferences the channel between programs.
  void send({ kind: "ready" });
}

process.on("unhandledRejection", (e) => fail(e));
process.on("uncaughtException", (e) => fail(e));
try {
  main();
} catch (e) {
  fail(e);
}
