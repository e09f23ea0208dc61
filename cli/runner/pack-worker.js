// One worker thread of the in-process evaluation (in-process.ts): it loads the policy pack the way
// `pulumi preview --policy-pack` starts it (@pulumi/pulumi's cmd/run-policy-pack `run`, in the
// pack folder, with the engine's environment given as this thread's `env`), but the pack's
// `serve()` registers its Analyzer handlers without opening a port: the thread calls those very
// handlers (@pulumi/policy server.js: deserialisation, the unknown-checking proxy, secrets, config,
// stack tags, not-applicable and violations) with requests that read as the protobuf messages the
// engine sends - the properties already as `Struct.toJavaScript()` gives them back.
//
// Plain JavaScript (no build step), like tokenizer-worker.js: it runs from the sources in tests.
"use strict";
const Module = require("module");
const { createRequire } = Module;
const path = require("path");
const v8 = require("v8");
const vm = require("vm");
const { parentPort, workerData } = require("worker_threads");

const { packDir, configureStack, info: wantInfo, notApplicable: keepNotApplicable } = workerData;

/**
 * Above this much heap, a full garbage collection between the phases of AnalyzeStack is worth its
 * time (see `collectLargeGarbage`). At 20k resources this thread's heap stays well below it.
 */
const LARGE_HEAP = 192 * 1024 * 1024;
let gcFunction;

/**
 * A full garbage collection now, if this thread's heap has grown large: V8 lets the heap grow to a
 * multiple of what is live before it collects, and in AnalyzeStack what is live is already most of
 * the scan's memory (the SDK deserialises every resource once per stack policy and keeps the last
 * policy's copies until the next policy's are complete). Collecting where a phase's garbage is
 * known to be dead keeps the peak near what is live.
 */
function collectLargeGarbage() {
  if (v8.getHeapStatistics().total_heap_size < LARGE_HEAP) return;
  if (gcFunction === undefined) {
    if (typeof globalThis.gc === "function") {
      gcFunction = globalThis.gc;
    } else {
      // `gc` of a fresh context, exposed only while that context is created.
      v8.setFlagsFromString("--expose-gc");
      gcFunction = vm.runInNewContext("gc");
      v8.setFlagsFromString("--no-expose-gc");
    }
  }
  gcFunction();
}

/** The first resource of AnalyzeStack: each read of its properties starts one policy's copies. */
let firstStackResource;
let stackPasses = 0;

// run-policy-pack runs in the pack folder; a worker thread cannot chdir, so it answers for it
// (PolicyPack reads `${process.cwd()}/package.json` for the pack's version).
process.cwd = () => packDir;

/** The Analyzer service implementation the pack's `serve()` registered. */
let handlers;
/** The pack's own copy of the protocol messages (@pulumi/pulumi/proto/analyzer_pb). */
let proto;

/** Resolve `request` as a module in `dir` would (the pack's dependencies, not the CLI's). */
function resolveFrom(dir, request) {
  return createRequire(path.join(dir, "index.js")).resolve(request);
}

/** `resolveFrom`, or undefined when `request` is not there (an SDK version without that module). */
function tryResolveFrom(dir, request) {
  try {
    return resolveFrom(dir, request);
  } catch {
    return undefined;
  }
}

/**
 * A module object that stands in for `file` in `require.cache`, and `load`, which replaces it with
 * the real module on first use and gives the real module's exports.
 */
function standIn(file) {
  const stand = new Module(file, module);
  stand.filename = file;
  stand.loaded = true;
  stand.paths = Module._nodeModulePaths(path.dirname(file));
  let real;
  const load = () => {
    if (real === undefined) {
      if (require.cache[file] === stand) delete require.cache[file];
      real = require(file);
    }
    return real;
  };
  return { stand, load };
}

/**
 * Let `require(file)` answer a stand-in that loads the module the first time anything reads it, and
 * from then on reads (and writes) through to the module's own exports.
 */
function deferModule(file) {
  if (require.cache[file] !== undefined) return;
  const { stand, load } = standIn(file);
  // The target holds only what the proxy invariants need: the non-configurable properties read.
  const target = {};
  stand.exports = new Proxy(target, {
    get: (_, key) => Reflect.get(load(), key),
    set: (_, key, value) => Reflect.set(load(), key, value),
    has: (_, key) => Reflect.has(load(), key),
    ownKeys: () => Reflect.ownKeys(load()),
    getPrototypeOf: () => Reflect.getPrototypeOf(load()),
    defineProperty: (_, key, d) => Reflect.defineProperty(load(), key, d),
    deleteProperty: (_, key) => Reflect.deleteProperty(load(), key),
    getOwnPropertyDescriptor: (_, key) => {
      const d = Reflect.getOwnPropertyDescriptor(load(), key);
      if (d !== undefined && !d.configurable && !Object.hasOwn(target, key)) {
        Object.defineProperty(target, key, d);
      }
      return d;
    },
  });
  require.cache[file] = stand;
}

/**
 * Let `require(file)` answer a stand-in whose exported functions load the module at their first
 * call, for a TypeScript-compiled module its importers only take functions from at load time
 * (`exports.f = f;` for a top-level `function f`, and nothing else exported). Returns false, and
 * defers nothing, when the module's source does not read that way (a new SDK may export more).
 */
function deferFunctions(file) {
  if (require.cache[file] !== undefined) return false;
  let source;
  try {
    source = require("fs").readFileSync(file, "utf8");
  } catch {
    return false;
  }
  if (!source.includes('Object.defineProperty(exports, "__esModule", { value: true });')) {
    return false;
  }
  const names = [];
  for (const m of source.matchAll(/\bexports\b(.{0,80})/g)) {
    const rest = m[1];
    if (rest.startsWith(', "__esModule"')) continue;
    const assign = /^\.([A-Za-z_$][\w$]*) = \1;/.exec(rest);
    if (assign === null) return false;
    const name = assign[1];
    if (
      !new RegExp(`^(?:async )?function\\*? ?${name.replace(/\$/g, "\\$")}\\(`, "m").test(source)
    ) {
      return false;
    }
    names.push(name);
  }
  if (names.length === 0 || /\bmodule\.exports\b/.test(source)) return false;
  const { stand, load } = standIn(file);
  const exports = {};
  Object.defineProperty(exports, "__esModule", { value: true });
  for (const name of names) {
    const f = function (...args) {
      return load()[name].apply(this, args);
    };
    Object.defineProperty(f, "name", { value: name });
    exports[name] = f;
  }
  stand.exports = exports;
  require.cache[file] = stand;
  return true;
}

async function loadPack() {
  const server = resolveFrom(packDir, "@pulumi/policy/server.js");
  const serverDir = path.dirname(server);
  proto = require(resolveFrom(serverDir, "@pulumi/pulumi/proto/analyzer_pb"));
  // `serve()` builds a gRPC server, adds the Analyzer service and binds a port: keep the handlers
  // and bind nothing (this thread's grpc-js, which nothing else in the thread uses).
  const grpc = require(resolveFrom(serverDir, "@grpc/grpc-js"));
  grpc.Server.prototype.addService = function (_service, implementation) {
    handlers = implementation;
  };
  grpc.Server.prototype.bindAsync = function () {};

  const pulumiDir = path.dirname(resolveFrom(packDir, "@pulumi/pulumi/package.json"));
  try {
    require(resolveFrom(pulumiDir, "source-map-support/register"));
  } catch {
    // As run-policy-pack, but not required: only stack traces read differently without it.
  }
  let main;
  try {
    main = createRequire(path.join(packDir, "index.js")).resolve(packDir);
  } catch {
    main = undefined;
  }
  const typeScript = main === undefined || !/\.(c?js|json|node)$/.test(main);
  if (!typeScript) {
    // @pulumi/pulumi loads the TypeScript compiler (about 9 MB of source: ~0.2 s and ~45 MiB a
    // thread) for closure serialisation only, which a compiled pack's policies do not use: it loads
    // when first used instead. A TypeScript pack needs it anyway (ts-node).
    const shim = tryResolveFrom(pulumiDir, "./typescript-shim");
    if (shim !== undefined) deferModule(shim);
  }
  // @pulumi/pulumi's closure code paths (computeCodePaths, for function serialisation's archives)
  // load npm's Arborist and normalize-package-data: ~0.25 s a thread that no policy of a compiled or
  // TypeScript pack needs unless it calls them. They load at the first call instead.
  const codePaths = tryResolveFrom(pulumiDir, "./runtime/closure/codePaths");
  if (codePaths !== undefined) deferFunctions(codePaths);
  await require(path.join(pulumiDir, "cmd", "run-policy-pack", "run.js")).run({
    argv: { _: [packDir] },
    programStarted: () => {},
    reportLoggedError: () => {},
    // TypeScript packs are compiled on the fly by ts-node, as run-policy-pack does.
    typeScript,
  });
  if (handlers === undefined) {
    throw new Error(`policy pack "${packDir}" did not construct a PolicyPack`);
  }
}

/** Call one of the pack's handlers as gRPC would; resolves to its response. */
function call(name, request) {
  return new Promise((resolve, reject) => {
    const fn = handlers[name];
    if (typeof fn !== "function") {
      resolve(undefined);
      return;
    }
    fn.call(handlers, { request }, (err, resp) => (err ? reject(err) : resolve(resp)));
  });
}

function struct(value) {
  return { toJavaScript: () => value };
}

// The request objects below are classes, their getters on the prototype: AnalyzeStack holds one of
// each per resource of the stack at once, and closures per getter would cost about 1 KiB a resource.

const NO_TIMEOUTS = {};

/** `CustomTimeouts` of the resource options. */
class Timeouts {
  constructor(t) {
    this.t = t ?? NO_TIMEOUTS;
  }
  getCreate() {
    return this.t.create ?? 0;
  }
  getUpdate() {
    return this.t.update ?? 0;
  }
  getDelete() {
    return this.t.delete ?? 0;
  }
}

/** `AnalyzerResourceOptions` as protocol.ts toResourceOptions builds it. */
class ResourceOptions {
  constructor(o, parent) {
    const options = o || {};
    this.options = options;
    this.parent = parent;
    this.timeouts = new Timeouts(options.customTimeouts);
    this.ignoreChanges = [...(options.ignoreChanges ?? [])];
    this.additionalSecretOutputs = [...(options.additionalSecretOutputs ?? [])];
    this.aliases = [...(options.aliases ?? [])];
  }
  getProtect() {
    return this.options.protect ?? false;
  }
  getIgnorechangesList() {
    return this.ignoreChanges;
  }
  getDeletebeforereplace() {
    return this.options.deleteBeforeReplace ?? false;
  }
  getDeletebeforereplacedefined() {
    return this.options.deleteBeforeReplace !== undefined;
  }
  getAdditionalsecretoutputsList() {
    return this.additionalSecretOutputs;
  }
  getAliasesList() {
    return this.aliases;
  }
  getCustomtimeouts() {
    return this.timeouts;
  }
  getParent() {
    return this.parent ?? "";
  }
}

function optionsOf(o, parent) {
  return new ResourceOptions(o, parent);
}

/** `AnalyzerProviderResource`; `props` read by `read` the first time they are asked for. */
function providerOf(p, read) {
  if (p === undefined || p === null) return undefined;
  let props;
  return {
    getUrn: () => p.urn,
    getType: () => p.type,
    getName: () => p.name,
    getProperties: () => struct((props ??= read(p))),
  };
}

/** Item providers by id (in-process.ts sends each once): `[urn, type, name, properties]`. */
const itemProviders = new Map();

/** An item's provider: its properties read afresh for each request, as each carries its own. */
function itemProvider(id) {
  if (id < 0) return undefined;
  const p = itemProviders.get(id);
  if (p === undefined) throw new Error(`internal error: no provider ${id}`);
  const [urn, type, name, props] = p;
  return providerOf({ urn, type, name }, () =>
    typeof props === "string" ? JSON.parse(props) : structuredClone(props),
  );
}

/**
 * `AnalyzeRequest` of one batch item: `[phase, urn, type, name, options, parent, provider id,
 * properties]` (in-process.ts).
 */
function analyzeRequest(item) {
  const [, urn, type, name, o, parent, providerId, props] = item;
  const properties = struct(props);
  const options = optionsOf(o, parent ?? undefined);
  const provider = itemProvider(providerId);
  return {
    getUrn: () => urn,
    getType: () => type,
    getName: () => name,
    getProperties: () => properties,
    getOptions: () => options,
    getProvider: () => provider,
  };
}

/** The answer's not-applicable list; empty when the scan does not keep them (only JUnit does). */
function notApplicableOf(resp) {
  if (keepNotApplicable === false) return [];
  return resp
    .getNotApplicableList()
    .map((n) => ({ policyName: n.getPolicyName(), reason: n.getReason() }));
}

/** pack.ts analyzeAnswer, over the pack's own message classes. */
function analyzeAnswer(resp) {
  return {
    diagnostics: resp.getDiagnosticsList().map((d) => ({
      policyName: d.getPolicyname(),
      policyPackName: d.getPolicypackname(),
      policyPackVersion: d.getPolicypackversion(),
      message: d.getMessage(),
      description: d.getDescription(),
      urn: d.getUrn(),
      enforcementLevel: d.getEnforcementlevel(),
      severity: d.getSeverity(),
    })),
    notApplicable: notApplicableOf(resp),
  };
}

/** pack.ts remediateAnswer, over the pack's own message classes. */
function remediateAnswer(resp) {
  return {
    remediations: resp.getRemediationsList().map((r) => {
      const out = {
        policyName: r.getPolicyname(),
        policyPackName: r.getPolicypackname(),
        policyPackVersion: r.getPolicypackversion(),
        description: r.getDescription(),
        diagnostic: r.getDiagnostic(),
      };
      const props = r.getProperties();
      if (props !== undefined) out.properties = props.toJavaScript();
      return out;
    }),
    notApplicable: notApplicableOf(resp),
  };
}

/** What gRPC would send back for a failed call (grpc-js: code UNKNOWN, the error's message). */
function failure(e) {
  return { code: typeof e?.code === "number" ? e.code : 2, details: e?.message ?? String(e) };
}

async function runItem(item) {
  try {
    if (item[0] === "remediate") {
      const resp = await call("remediate", analyzeRequest(item));
      return resp === undefined ? { unimplemented: true } : { answer: remediateAnswer(resp) };
    }
    const resp = await call("analyze", analyzeRequest(item));
    if (resp === undefined) return { error: { code: 12, details: "Analyze is not implemented" } };
    return { answer: analyzeAnswer(resp) };
  } catch (e) {
    return { error: failure(e) };
  }
}

// AnalyzeStack's resources, sent as they complete: per position the resource without its
// properties and its properties, both as JSON text (more compact than read, while the other
// workers still run); providers once each. AnalyzeStack reads each once, into a compact request: at
// 100k resources the request and the SDK's per-policy copies of it are most of the scan's memory.
const stackMeta = [];
const stackProps = [];
const stackProviders = new Map();
/** Types and parents, one string each however many resources name them. */
const interned = new Map();

function intern(s) {
  if (s === undefined) return undefined;
  const known = interned.get(s);
  if (known !== undefined) return known;
  interned.set(s, s);
  return s;
}

/** `map<string, URNList>` of protobuf: the non-empty lists, keys sorted. */
class PropertyDependencies {
  constructor(list) {
    this.list = list;
  }
  entries() {
    return this.list[Symbol.iterator]();
  }
  forEach(f) {
    this.list.forEach(([k, v]) => f(v, k));
  }
}

class UrnList {
  constructor(urns) {
    this.urns = urns;
  }
  getUrnsList() {
    return this.urns;
  }
}

const NO_PROPERTY_DEPENDENCIES = new PropertyDependencies([]);

function propertyDependenciesOf(deps) {
  if (deps === undefined) return NO_PROPERTY_DEPENDENCIES;
  const list = Object.keys(deps)
    .filter((k) => deps[k].length > 0)
    .sort()
    .map((k) => [k, new UrnList(deps[k])]);
  return list.length === 0 ? NO_PROPERTY_DEPENDENCIES : new PropertyDependencies(list);
}

// Read by the SDK only (it maps them to resources), never handed to a policy: shared when empty.
const NO_DEPENDENCIES = [];
const NO_OPTIONS = {};
const NO_CUSTOM_TIMEOUTS = new Timeouts(undefined);

/**
 * One resource of `AnalyzeStackRequest`, and its `AnalyzerResourceOptions` (`getOptions()` is the
 * resource itself: both answer `getParent()` alike).
 *
 * `getProperties()` answers the same object on every read. The SDK only reads it, to build its own
 * copy per stack policy (server.js deserializeProperties), as it already does for providers'
 * properties: a policy cannot tell the two apart, and the text is not read once per policy.
 */
class StackResource {
  constructor(m, props) {
    this.urn = m.urn;
    this.type = intern(m.type);
    this.name = m.name;
    this.parent = intern(m.parent);
    this.props = props;
    /** The provider's id until the request is built, then its `AnalyzerProviderResource`. */
    this.provider = m.provider;
    const options = m.options;
    this.o = options === undefined || Object.keys(options).length === 0 ? NO_OPTIONS : options;
    this.timeouts =
      this.o.customTimeouts === undefined
        ? NO_CUSTOM_TIMEOUTS
        : new Timeouts(this.o.customTimeouts);
    this.dependencies =
      m.dependencies === undefined || m.dependencies.length === 0
        ? NO_DEPENDENCIES
        : m.dependencies;
    this.propertyDependencies = propertyDependenciesOf(m.propertyDependencies);
    // The option lists a policy sees: one array each per resource, made when first read.
    this.ignoreChanges = undefined;
    this.additionalSecretOutputs = undefined;
    this.aliases = undefined;
  }
  getUrn() {
    return this.urn;
  }
  getType() {
    return this.type;
  }
  getName() {
    return this.name;
  }
  getProperties() {
    // The SDK starts the next stack policy: the previous policy's own garbage is all dead.
    if (this === firstStackResource && stackPasses++ > 0) collectLargeGarbage();
    return this;
  }
  /** As the `Struct` of `getProperties()`. */
  toJavaScript() {
    return this.props;
  }
  getOptions() {
    return this;
  }
  getProvider() {
    return this.provider;
  }
  getParent() {
    return this.parent ?? "";
  }
  getDependenciesList() {
    return this.dependencies;
  }
  getPropertydependenciesMap() {
    return this.propertyDependencies;
  }
  // AnalyzerResourceOptions, as ResourceOptions above.
  getProtect() {
    return this.o.protect ?? false;
  }
  getIgnorechangesList() {
    return (this.ignoreChanges ??= [...(this.o.ignoreChanges ?? [])]);
  }
  getDeletebeforereplace() {
    return this.o.deleteBeforeReplace ?? false;
  }
  getDeletebeforereplacedefined() {
    return this.o.deleteBeforeReplace !== undefined;
  }
  getAdditionalsecretoutputsList() {
    return (this.additionalSecretOutputs ??= [...(this.o.additionalSecretOutputs ?? [])]);
  }
  getAliasesList() {
    return (this.aliases ??= [...(this.o.aliases ?? [])]);
  }
  getCustomtimeouts() {
    return this.timeouts;
  }
}

function stackRequest(length) {
  const resources = [];
  // Providers are read once each and shared, as the resources that name them share one.
  const providers = new Map();
  for (let i = 0; i < length; i++) {
    const meta = stackMeta[i];
    const propsJson = stackProps[i];
    if (meta === undefined || propsJson === undefined) {
      throw new Error(`internal error: AnalyzeStack resource ${i} of ${length} is missing`);
    }
    // The text goes as soon as it is read.
    stackMeta[i] = undefined;
    stackProps[i] = undefined;
    const r = new StackResource(JSON.parse(meta), JSON.parse(propsJson));
    if (r.provider !== undefined) {
      const id = r.provider;
      r.provider = providers.get(id);
      const providerJson = stackProviders.get(id);
      if (r.provider === undefined && providerJson !== undefined) {
        r.provider = providerOf(JSON.parse(providerJson), (p) => p.props);
        providers.set(id, r.provider);
      }
    }
    resources.push(r);
  }
  stackMeta.length = 0;
  stackProps.length = 0;
  return { getResourcesList: () => resources };
}

async function handle(msg) {
  switch (msg.kind) {
    case "configure":
      await call("configure", proto.ConfigureAnalyzerRequest.deserializeBinary(msg.bytes));
      return {};
    case "batch": {
      for (const [id, p] of msg.providers) itemProviders.set(id, p);
      const items = JSON.parse(msg.text);
      for (const [i, item] of msg.objects) items[i] = item;
      const results = await Promise.all(items.map(runItem));
      // Analyze answers are strings and integers, which JSON carries exactly and reads back faster
      // than a structured clone; remediated properties and errors go as they are.
      if (items.every((item, i) => item[0] === "analyze" && results[i].error === undefined)) {
        return { json: JSON.stringify(results) };
      }
      return { results };
    }
    case "stackAdd":
      for (const [id, json] of msg.providers) stackProviders.set(id, json);
      for (const [position, meta, props] of msg.entries) {
        stackMeta[position] = meta;
        stackProps[position] = props;
      }
      return undefined;
    case "stack": {
      const request = stackRequest(msg.length);
      firstStackResource = request.getResourcesList()[0];
      stackPasses = 0;
      // What the resource phase left behind, before the SDK's copies start.
      collectLargeGarbage();
      try {
        const resp = await call("analyzeStack", request);
        return resp === undefined ? { unimplemented: true } : { answer: analyzeAnswer(resp) };
      } catch (e) {
        return { error: failure(e) };
      } finally {
        firstStackResource = undefined;
      }
    }
    default:
      throw new Error(`internal error: unknown message ${msg.kind}`);
  }
}

parentPort.on("message", (msg) => {
  handle(msg).then(
    (reply) => {
      if (reply !== undefined) parentPort.postMessage({ id: msg.id, ...reply });
    },
    (e) => parentPort.postMessage({ id: msg.id, fatal: e?.stack ?? String(e) }),
  );
});

/**
 * Once the pack is loaded, what the engine calls first: ConfigureStack, then (in the first worker)
 * GetAnalyzerInfo, whose answer comes with "ready" - no round trip to the main thread between them.
 * A failure of either comes with "ready" too, as gRPC would report the failed call.
 */
async function start() {
  await loadPack();
  let method = "ConfigureStack";
  try {
    await call(
      "configureStack",
      proto.AnalyzerStackConfigureRequest.deserializeBinary(configureStack),
    );
    if (!wantInfo) return {};
    method = "GetAnalyzerInfo";
    const info = await call("getAnalyzerInfo", {});
    return { info: info.serializeBinary() };
  } catch (e) {
    return { refused: { method, error: failure(e) } };
  }
}

start().then(
  (reply) => parentPort.postMessage({ kind: "ready", ...reply }),
  (e) => parentPort.postMessage({ kind: "failed", message: e?.stack ?? String(e) }),
);
