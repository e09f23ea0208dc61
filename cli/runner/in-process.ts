// In-process evaluation (the scan's default): the pack's policies run in this process, in worker
// threads, called through the pack's own @pulumi/policy Analyzer handlers (pack-worker.js) with
// requests that read as the engine's messages. The engine's sequence, config reconciliation and the
// reading of answers are the runner's own (pack.ts AnalyzerSession), shared with the gRPC path.
//
// What differs from `--engine protocol` is only the transport: no pack process, no protobuf
// encoding per resource. Each request carries the properties as the pack would read them back from
// a `Struct` (marshal.ts structJavaScript: marshalled, keys sorted as protobuf maps sort them).
// Resources go to the workers in batches; AnalyzeStack runs once, in the first worker, over the
// resources it was sent as they completed (as JSON text, read once when AnalyzeStack starts; the SDK
// copies each resource's properties for every stack policy, as it copies a `Struct`'s).
import * as os from "os";
import * as path from "path";
import { Worker } from "worker_threads";
import * as pb from "@pulumi/pulumi/proto/analyzer_pb";
import {
  AnalyzerSession,
  configureStackRequest,
  effectiveConfig,
  loadUserConfig,
  packEnvironment,
  PackRpcError,
  PackStartError,
  readPolicyProject,
  resolveRunPolicyPack,
} from "./pack";
import type { AnalyzeAnswer, RemediateAnswer, StackCollector, StartPackOptions } from "./pack";
import { structJavaScript, structJson } from "./marshal";
import { resourceName, toAnalyzerInfo, toConfigureRequest } from "./protocol";
import type { StackResourceInfo } from "./stack-request";
import type { EngineResource, PackLogEntry, PropertyMap } from "./types";
import { collectLargeGarbage, lineSplitter } from "./util";
import { secretConfigFilter } from "./secret-filter";
import { preloadConfigValidation } from "./policy-config";

const WORKER = path.join(__dirname, "pack-worker.js");
/** Resources per message to a worker. */
const BATCH = 64;
/** AnalyzeStack resources per message to the stack worker. */
const STACK_BATCH = 512;

export interface InProcessOptions extends StartPackOptions {
  /** Worker threads (default: the machine's cores but one, at least 1 and at most 8). */
  workers?: number;
  /**
   * Whether answers carry the policies that were not applicable (default true). The scan keeps
   * them for JUnit only; without them, about 5 objects a resource are neither built nor copied.
   */
  notApplicable?: boolean;
}

/**
 * The default number of workers: every core but one, at least one and up to 8. The main thread
 * (reading and preparing the input, the engine's bookkeeping) and the input's tokenizer keep about
 * a core busy; on 2 cores a second pack worker only adds its pack load (~0.3 s CPU) and its heap.
 */
export function defaultWorkers(): number {
  return Math.max(1, Math.min(8, os.availableParallelism() - 1));
}

interface WireProvider {
  urn: string;
  type: string;
  name: string;
  props: PropertyMap;
}

/**
 * One Analyze or Remediate request as pack-worker.js reads it: `[phase, urn, type, name, options,
 * parent, provider id (-1 for none), properties]`.
 */
type Item = [
  "analyze" | "remediate",
  string,
  string,
  string,
  EngineResource["options"] | null,
  string | null,
  number,
  PropertyMap,
];
/** A provider as the workers are sent it once: `[urn, type, name, properties]`. */
type ItemProvider = [string, string, string, PropertyMap | string];

interface Queued {
  /** The item as JSON text, or the item itself when JSON cannot carry it exactly. */
  item: string | Item;
  /** The provider id of the item (-1 for none). */
  provider: number;
  resolve: (r: ItemResult) => void;
  reject: (e: unknown) => void;
}

interface ItemResult {
  answer?: AnalyzeAnswer | RemediateAnswer;
  unimplemented?: boolean;
  error?: { code: number; details: string };
}

interface Reply {
  id: number;
  fatal?: string;
  results?: ItemResult[];
  /** `results` as JSON text (a batch of Analyze answers only). */
  json?: string;
  /** GetAnalyzerInfo's answer, with "ready". */
  info?: Uint8Array;
  /** With "ready": ConfigureStack or GetAnalyzerInfo failed, as gRPC reports a failed call. */
  refused?: { method: string; error: { code: number; details: string } };
  answer?: AnalyzeAnswer;
  unimplemented?: boolean;
  error?: { code: number; details: string };
}

/** One worker thread with the pack loaded, and the requests it has not answered yet. */
class PackWorker {
  private readonly pending = new Map<
    number,
    { resolve: (r: Reply) => void; reject: (e: unknown) => void }
  >();
  private nextId = 0;
  private failure: Error | undefined;
  /** Batch items sent and not answered. */
  load = 0;
  /** Ids of the item providers this worker has been sent. */
  readonly providers = new Set<number>();
  /** What the first calls answered: GetAnalyzerInfo's bytes, or which of them failed and how. */
  started: Pick<Reply, "info" | "refused"> = {};

  private constructor(readonly worker: Worker) {}

  /**
   * Start a worker and wait until it has loaded the pack and called ConfigureStack with
   * `configureStack` (and GetAnalyzerInfo, when `info`: its answer is then `started.info`).
   */
  static start(
    packDir: string,
    env: NodeJS.ProcessEnv,
    logs: PackLogEntry[],
    keepLoadOutput: boolean,
    timeoutMs: number,
    calls: { configureStack: Uint8Array; info: boolean; notApplicable: boolean },
  ): Promise<PackWorker> {
    const worker = new Worker(WORKER, {
      workerData: { packDir, ...calls },
      env,
      // As the pack process: none of the CLI's own Node options (preloads, inspector flags).
      execArgv: [],
      stdout: true,
      stderr: true,
    });
    const self = new PackWorker(worker);
    let ready = false;
    const stderr: string[] = [];
    // Every worker loads the pack: what it prints while loading is kept once (the first worker's).
    const keep = () => ready || keepLoadOutput;
    const out = lineSplitter((line) => {
      if (keep()) logs.push({ source: "stdout", message: line });
    });
    const err = lineSplitter((line) => {
      stderr.push(line);
      if (keep()) logs.push({ source: "stderr", message: line });
    });
    worker.stdout.setEncoding("utf8").on("data", (c: string) => out.push(c));
    worker.stderr.setEncoding("utf8").on("data", (c: string) => err.push(c));
    return new Promise((resolve, reject) => {
      const fail = (message: string) => {
        if (ready) return;
        ready = true;
        clearTimeout(timer);
        const tail = stderr.slice(-30).join("\n");
        void worker.terminate();
        reject(new PackStartError(tail !== "" ? `${message}\n${tail}` : message));
      };
      const timer = setTimeout(
        () => fail(`policy pack "${packDir}" did not load within ${timeoutMs} ms`),
        timeoutMs,
      );
      worker.on("message", (msg: Reply & { kind?: string; message?: string }) => {
        if (msg.kind === "ready") {
          ready = true;
          clearTimeout(timer);
          self.started = msg;
          resolve(self);
        } else if (msg.kind === "failed") {
          fail(`policy pack "${packDir}" failed to load: ${msg.message ?? ""}`);
        } else {
          self.settle(msg);
        }
      });
      worker.on("error", (e) => {
        fail(`policy pack "${packDir}" failed to load: ${e.stack ?? e.message}`);
        self.abort(e);
      });
      worker.on("exit", (code) => {
        out.flush();
        err.flush();
        fail(`policy pack "${packDir}" exited before it was ready (code ${code})`);
        self.abort(new Error(`the policy pack's worker thread exited (code ${code})`));
      });
    });
  }

  private settle(msg: Reply): void {
    const p = this.pending.get(msg.id);
    if (!p) return;
    this.pending.delete(msg.id);
    if (msg.fatal !== undefined) p.reject(new Error(msg.fatal));
    else p.resolve(msg);
  }

  private abort(e: Error): void {
    this.failure ??= e;
    for (const p of this.pending.values()) p.reject(e);
    this.pending.clear();
  }

  /** Send a message that gets a reply. */
  request(msg: Record<string, unknown>, transfer: ArrayBuffer[] = []): Promise<Reply> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ ...msg, id }, transfer);
    });
  }

  /** Send a message that gets no reply. */
  post(msg: Record<string, unknown>): void {
    if (!this.failure) this.worker.postMessage(msg);
  }

  async close(): Promise<void> {
    await this.worker.terminate();
  }

  /**
   * End the thread without waiting for it: freeing its heap takes ~50 ms at 20k resources, which
   * nothing needs to wait for once the answers are in (unreferenced, it keeps no process alive).
   */
  closeInBackground(): void {
    this.worker.unref();
    this.worker.terminate().catch(() => undefined);
  }
}

/** AnalyzeStack's resources, sent to the stack worker as each one's final form is known. */
export class InProcessStackRequest implements StackCollector {
  private readonly info = new Map<string, StackResourceInfo>();
  private readonly providerIds = new Map<EngineResource, number>();
  private providers: [number, string][] = [];
  private entries: [number, string, string][] = [];
  private count = 0;
  private missing = 0;
  private sent = false;

  /**
   * @param texts Analyze's properties as JSON text, by properties object (in-process.ts `call`):
   * AnalyzeStack sends a resource without outputs the properties its Analyze got, and reuses it.
   */
  constructor(
    private readonly worker: PackWorker,
    private readonly texts = new WeakMap<PropertyMap, string>(),
  ) {}

  get length(): number {
    return this.count;
  }

  reserve(r: Pick<EngineResource, "urn" | "type" | "name">): number {
    if (this.sent) throw new Error("internal error: the AnalyzeStack request was already sent");
    this.info.set(r.urn, { type: r.type, name: resourceName(r) });
    this.missing++;
    return this.count++;
  }

  set(position: number, r: EngineResource, provider: EngineResource | undefined): void {
    if (this.sent) throw new Error("internal error: the AnalyzeStack request was already sent");
    if (position < 0 || position >= this.count)
      throw new Error(`internal error: no AnalyzeStack position ${position}`);
    let providerId: number | undefined;
    if (provider) {
      providerId = this.providerIds.get(provider);
      if (providerId === undefined) {
        providerId = this.providerIds.size;
        this.providerIds.set(provider, providerId);
        this.providers.push([providerId, JSON.stringify(wireProvider(provider))]);
      }
    }
    const meta = {
      urn: r.urn,
      type: r.type,
      name: resourceName(r),
      options: r.options,
      parent: r.parent,
      dependencies: r.dependencies,
      propertyDependencies: r.propertyDependencies,
      provider: providerId,
    };
    const source = r.outputs ?? r.inputs;
    const props =
      this.texts.get(source) ??
      JSON.stringify(structJavaScript(source, { skipInternalKeys: true }));
    this.entries.push([position, JSON.stringify(meta), props]);
    this.missing--;
    this.info.set(r.urn, { type: r.type, name: resourceName(r) });
    if (this.entries.length >= STACK_BATCH) this.flush();
  }

  add(r: EngineResource, provider: EngineResource | undefined): void {
    this.set(this.reserve(r), r, provider);
  }

  resource(urn: string): StackResourceInfo | undefined {
    return this.info.get(urn);
  }

  private flush(): void {
    if (this.entries.length === 0 && this.providers.length === 0) return;
    this.worker.post({ kind: "stackAdd", entries: this.entries, providers: this.providers });
    this.entries = [];
    this.providers = [];
  }

  /** Send what is left; the request is complete. */
  finish(): number {
    if (this.sent) throw new Error("internal error: the AnalyzeStack request was already sent");
    if (this.missing > 0) {
      throw new Error(
        `internal error: ${this.missing} of ${this.count} resources were not encoded for AnalyzeStack`,
      );
    }
    this.flush();
    this.sent = true;
    this.providerIds.clear();
    return this.count;
  }
}

/** Whether JSON carries resource options exactly (their only numbers are the timeouts). */
function exactOptions(o: EngineResource["options"]): boolean {
  const t = o?.customTimeouts;
  if (t === undefined) return true;
  const exact = (n: number | undefined) =>
    n === undefined || (Number.isFinite(n) && !Object.is(n, -0));
  return exact(t.create) && exact(t.update) && exact(t.delete);
}

const providerCache = new WeakMap<EngineResource, WireProvider>();

/** `AnalyzerProviderResource` as the pack reads it: URN, type, name and marshalled inputs. */
function wireProvider(provider: EngineResource): WireProvider {
  let w = providerCache.get(provider);
  if (w === undefined) {
    w = {
      urn: provider.urn,
      type: provider.type,
      name: resourceName(provider),
      props: structJavaScript(provider.inputs, { skipInternalKeys: true }),
    };
    providerCache.set(provider, w);
  }
  return w;
}

/** A pack loaded in worker threads of this process, configured for one stack. */
export class InProcessSession extends AnalyzerSession<InProcessStackRequest> {
  private readonly workers: PackWorker[];
  private queue: Queued[] = [];
  private scheduled = false;
  private closed = false;
  /** Item providers by resource (each a worker is sent once, by id). */
  private readonly providerIds = new WeakMap<EngineResource, number>();
  private readonly providers: ItemProvider[] = [];
  /** Analyze's properties as JSON text, for AnalyzeStack requests (InProcessStackRequest). */
  private readonly analyzed = new WeakMap<PropertyMap, string>();

  constructor(args: ConstructorParameters<typeof AnalyzerSession>[0] & { workers: PackWorker[] }) {
    super(args);
    this.workers = args.workers;
  }

  newStackRequest(): InProcessStackRequest {
    // The first worker runs AnalyzeStack.
    return new InProcessStackRequest(this.workers[0] as PackWorker, this.analyzed);
  }

  private enqueue(item: string | Item, provider: number): Promise<ItemResult> {
    return new Promise((resolve, reject) => {
      this.queue.push({ item, provider, resolve, reject });
      if (this.queue.length >= BATCH) this.flush();
      else if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => {
          this.scheduled = false;
          this.flush();
        });
      }
    });
  }

  private flush(): void {
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0, BATCH);
      let worker = this.workers[0] as PackWorker;
      for (const w of this.workers) if (w.load < worker.load) worker = w;
      worker.load += batch.length;
      const target = worker;
      // One JSON text per batch (one string to copy, one JSON.parse in the worker); an item JSON
      // cannot carry exactly goes as itself.
      const texts: string[] = [];
      const objects: [number, Item][] = [];
      const providers: [number, ItemProvider][] = [];
      const settle: Pick<Queued, "resolve" | "reject">[] = [];
      for (const [i, q] of batch.entries()) {
        if (typeof q.item === "string") texts.push(q.item);
        else {
          texts.push("null");
          objects.push([i, q.item]);
        }
        if (q.provider >= 0 && !target.providers.has(q.provider)) {
          target.providers.add(q.provider);
          providers.push([q.provider, this.providers[q.provider] as ItemProvider]);
        }
        settle.push({ resolve: q.resolve, reject: q.reject });
      }
      const msg = { kind: "batch", text: `[${texts.join(",")}]`, objects, providers };
      target.request(msg).then(
        (reply) => {
          target.load -= settle.length;
          const results =
            reply.json !== undefined
              ? (JSON.parse(reply.json) as ItemResult[])
              : (reply.results ?? []);
          settle.forEach((b, i) => b.resolve(results[i] ?? {}));
        },
        (e: unknown) => {
          target.load -= settle.length;
          for (const b of settle) b.reject(e);
        },
      );
    }
  }

  /** The id of a provider's item form, registered the first time. */
  private providerId(provider: EngineResource | undefined): number {
    if (provider === undefined) return -1;
    let id = this.providerIds.get(provider);
    if (id === undefined) {
      id = this.providers.length;
      const props = { skipInternalKeys: true };
      this.providers.push([
        provider.urn,
        provider.type,
        resourceName(provider),
        structJson(provider.inputs, props) ?? structJavaScript(provider.inputs, props),
      ]);
      this.providerIds.set(provider, id);
    }
    return id;
  }

  /** Queue one item: as JSON text, unless its properties or options need the object itself. */
  private call(
    phase: Item[0],
    resource: EngineResource,
    properties: PropertyMap,
    provider: EngineResource | undefined,
  ): Promise<ItemResult> {
    const id = this.providerId(provider);
    // Analyze drops `__`-prefixed keys; Remediate keeps them (as toAnalyzeRequest).
    const opts = { skipInternalKeys: phase === "analyze" };
    const head: Item = [
      phase,
      resource.urn,
      resource.type,
      resourceName(resource),
      resource.options ?? null,
      resource.parent ?? null,
      id,
      {},
    ];
    const props = exactOptions(resource.options) ? structJson(properties, opts) : undefined;
    if (props === undefined) {
      head[7] = structJavaScript(properties, opts);
      return this.enqueue(head, id);
    }
    // AnalyzeStack sends a resource without outputs these very properties (evaluate.ts).
    if (phase === "analyze" && resource.outputs === undefined) this.analyzed.set(properties, props);
    const text = JSON.stringify(head);
    // The head's JSON ends with `{}]`: the properties take the place of the empty object.
    return this.enqueue(`${text.slice(0, -3)}${props}]`, id);
  }

  protected async analyzeCall(
    resource: EngineResource,
    properties: PropertyMap,
    provider: EngineResource | undefined,
  ): Promise<AnalyzeAnswer> {
    const r = await this.call("analyze", resource, properties, provider);
    if (r.error) throw new PackRpcError("Analyze", r.error, resource.urn);
    return r.answer as AnalyzeAnswer;
  }

  protected async remediateCall(
    resource: EngineResource,
    provider: EngineResource | undefined,
  ): Promise<RemediateAnswer | undefined> {
    const r = await this.call("remediate", resource, resource.inputs, provider);
    if (r.error) throw new PackRpcError("Remediate", r.error, resource.urn);
    if (r.unimplemented) return undefined;
    return r.answer as RemediateAnswer;
  }

  protected async analyzeStackCall(
    request: InProcessStackRequest,
  ): Promise<AnalyzeAnswer | undefined> {
    const length = request.finish();
    // AnalyzeStack is the last call: the other workers' memory goes back before it runs (the
    // stack phase holds every resource, deserialised by the SDK, at once).
    const [first, ...others] = this.workers;
    if (first === undefined) throw new Error("internal error: no worker");
    await this.idle();
    this.workers.splice(1);
    await Promise.all(others.map((w) => w.close()));
    const replied = first.request({ kind: "stack", length });
    // This thread waits for AnalyzeStack: what the resource phase grew its heap to goes back now.
    collectLargeGarbage();
    const reply = await replied;
    if (reply.error) throw new PackRpcError("AnalyzeStack", reply.error);
    if (reply.unimplemented) return undefined;
    return reply.answer;
  }

  /** Resolves once no batch is queued or unanswered. */
  private async idle(): Promise<void> {
    this.flush();
    while (this.workers.some((w) => w.load > 0)) {
      await new Promise((r) => setTimeout(r, 5));
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const w of this.workers) w.closeInBackground();
  }
}

/**
 * Load a pack in worker threads and configure it for one stack, in the engine's order
 * (ConfigureStack, GetAnalyzerInfo, reconcile + validate config, Configure).
 */
export async function startInProcessPack(opts: InProcessOptions): Promise<InProcessSession> {
  const started = Date.now();
  const packDir = path.resolve(opts.packDir);
  const project = readPolicyProject(packDir);
  resolveRunPolicyPack(packDir);
  const userConfig = loadUserConfig(opts);
  const logs: PackLogEntry[] = [];
  const env = packEnvironment(opts);
  const count = Math.max(1, opts.workers ?? defaultWorkers());
  const timeoutMs = opts.startTimeoutMs ?? 30000;
  // The engine's first calls go with the start: ConfigureStack to every worker, GetAnalyzerInfo to
  // the first, answered as each has loaded the pack.
  const calls = {
    configureStack: configureStackRequest(opts).serializeBinary(),
    notApplicable: opts.notApplicable ?? true,
  };
  const starts = Array.from({ length: count }, (_, i) =>
    PackWorker.start(packDir, env, logs, i === 0, timeoutMs, { ...calls, info: i === 0 }),
  );
  // Config validation's modules load while the pack does (they are needed once it answers).
  preloadConfigValidation();
  const settled = await Promise.allSettled(starts);
  const workers = settled.flatMap((s) => (s.status === "fulfilled" ? [s.value] : []));
  const failed = settled.find((s) => s.status === "rejected");
  if (failed) {
    await Promise.all(workers.map((w) => w.close()));
    throw failed.reason;
  }
  try {
    const all = (msg: Record<string, unknown>) => Promise.all(workers.map((w) => w.request(msg)));
    // ConfigureStack or GetAnalyzerInfo threw in the pack: reported as the failed RPC.
    const refused = workers.find((w) => w.started.refused !== undefined)?.started.refused;
    if (refused) throw new PackRpcError(refused.method, refused.error);
    const raw = pb.AnalyzerInfo.deserializeBinary(
      (workers[0] as PackWorker).started.info ?? new Uint8Array(),
    );
    const info = toAnalyzerInfo(raw, project);
    const config = effectiveConfig(info, userConfig, opts);
    if (Object.keys(config).length > 0) {
      await all({ kind: "configure", bytes: toConfigureRequest(config).serializeBinary() });
    }
    return new InProcessSession({
      startupMs: Date.now() - started,
      info,
      config,
      logs,
      packDir,
      stack: opts.stack ?? "dev",
      project: opts.project ?? "project",
      filter: secretConfigFilter(opts.stackConfig ?? {}, opts.configSecretKeys ?? []),
      workers,
    });
  } catch (e) {
    await Promise.all(workers.map((w) => w.close()));
    throw e;
  }
}
