// Runs one Pulumi program under `pulumi.runtime.setMocks(..., preview=true)` in its own process
// (cwd = the program folder, stack config in PULUMI_CONFIG) and sends every RegisterResource
// request back to the parent over IPC. The program runs inside the root `pulumi:pulumi:Stack`
// resource, as the Node.js language host runs it, and URNs are built as the engine builds them
// (a root-stack parent adds no type prefix; other parents add their full qualified type).
import { createRequire } from "module";
import * as path from "path";
import type * as PulumiModule from "@pulumi/pulumi";
import type * as resproto from "@pulumi/pulumi/proto/resource_pb";
import type { PropertyMap } from "../runner/types";
import { programLocation } from "./error-location";
import type { CaptureMessage, CaptureRequest, Registration } from "./types";

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

function send(msg: CaptureMessage): Promise<void> {
  return new Promise((resolve) => {
    if (!process.send) {
      process.stdout.write(`${JSON.stringify(msg)}\n`, () => resolve());
      return;
    }
    process.send(msg, undefined, {}, () => resolve());
  });
}

let programDir = process.cwd();

function fail(e: unknown): never {
  // The program's own message (and where it was thrown), not the whole stack.
  let message = e instanceof Error ? e.message || e.name : String(e);
  // Node appends the chain of requiring files to "Cannot find module"; the location says enough.
  if ((e as { code?: unknown } | undefined)?.code === "MODULE_NOT_FOUND")
    message = message.split("\nRequire stack:")[0] ?? message;
  const location = e instanceof Error ? programLocation(e.stack, programDir) : undefined;
  const stack = e instanceof Error ? e.stack : undefined;
  void send({
    kind: "error",
    message,
    ...(location !== undefined ? { location } : {}),
    ...(stack !== undefined ? { stack } : {}),
  }).then(() => process.exit(1));
  // Keep the process alive until the message is out.
  return undefined as never;
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

async function main(): Promise<void> {
  const raw = process.env["JURISDICTION_GUARD_CAPTURE"];
  if (raw === undefined) throw new Error("JURISDICTION_GUARD_CAPTURE is not set");
  const req = JSON.parse(raw) as CaptureRequest;
  programDir = req.programDir;
  // Load the SDK the program itself will load, so the mocks apply to it.
  const fromProgram = createRequire(path.join(req.programDir, "package.json"));
  const pulumiDir = path.dirname(fromProgram.resolve("@pulumi/pulumi/package.json"));
  const pulumi = fromProgram(pulumiDir) as typeof PulumiModule;
  const settings = fromProgram(path.join(pulumiDir, "runtime", "settings")) as SettingsModule;
  const stackModule = fromProgram(path.join(pulumiDir, "runtime", "stack")) as StackModule;

  await pulumi.runtime.setMocks(
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

  const monitor = settings.getMonitor() as PatchableMonitor | undefined;
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

  await stackModule.runInPulumiStack(async () => {
    const program = fromProgram(req.entry) as unknown;
    const result = program instanceof Function ? (program as () => unknown)() : program;
    return await result;
  });
  await settings.waitForRPCs();
  await Promise.all(pending);
  await send({ kind: "result", registrations });
  process.exit(0);
}

process.on("unhandledRejection", (e) => fail(e));
process.on("uncaughtException", (e) => fail(e));
main().catch(fail);
