// Long-lived capture workers (child.ts): a process that has loaded ts-node and the Pulumi SDK once
// runs one program after another, instead of paying that start-up for every program. Programs
// share a worker only when their process setup is the same (shape.ts: SDK, node arguments,
// TypeScript loader and tsconfig). A worker is replaced after a program fails or times out, and
// after it has run an ES module program that is asked for again (ES modules cannot be unloaded).
// Idle workers do not keep this process alive, and they die with it (process-group.ts).
import type { ChildProcess } from "child_process";
import * as path from "path";
import type { Readable } from "stream";
import { killNow, spawnGroup } from "../runner/process-group";
import { errorMessage, lineSplitter } from "../runner/util";
import { setupKey } from "./shape";
import type { ProcessSetup } from "./shape";
import type { CaptureMessage, CaptureRequest, Registration, WorkerMessage } from "./types";

/** The worker next to this file: child.ts from sources, child.js once compiled. */
const CHILD = path.join(__dirname, `child${path.extname(__filename)}`);
const FROM_SOURCES = path.extname(__filename) === ".ts";

export interface RunOptions {
  timeoutMs: number;
  signal?: AbortSignal;
}

/** Why a program produced no registrations. */
export interface WorkerFailure {
  message: string;
  location?: string;
  stack?: string;
}

export class CaptureFailed extends Error {
  readonly failure: WorkerFailure;
  readonly output: string[];
  constructor(failure: WorkerFailure, output: string[]) {
    super(failure.message);
    this.name = "CaptureFailed";
    this.failure = failure;
    this.output = output;
  }
}

interface Job {
  id: number;
  key: string;
  setup: ProcessSetup;
  request: CaptureRequest;
  opts: RunOptions;
  output: string[];
  resolve(r: { registrations: Registration[]; output: string[] }): void;
  reject(e: CaptureFailed): void;
  timer?: NodeJS.Timeout;
  onAbort?: () => void;
}

/** The node arguments and script that start a worker (ts-node for our own sources only). */
function workerCommand(setup: ProcessSetup): string[] {
  if (!FROM_SOURCES) return [...setup.nodeArgs, CHILD];
  // Running from TypeScript sources (tests, ts-node): compile our own files, scoped to cli/, with
  // options given here rather than TS_NODE_* variables, which a program's own loader would read.
  const tsNode = require.resolve("ts-node");
  const options = {
    transpileOnly: true,
    project: path.join(__dirname, "..", "..", "tsconfig.json"),
    scope: true,
    scopeDir: path.join(__dirname, ".."),
  };
  const code = `require(${JSON.stringify(tsNode)}).register(${JSON.stringify(options)});require(${JSON.stringify(CHILD)});`;
  return [...setup.nodeArgs, "-e", code];
}

class Worker {
  readonly key: string;
  readonly child: ChildProcess;
  /** ES module programs run here (they stay loaded). */
  readonly esmPrograms = new Set<string>();
  job: Job | undefined;
  /** Stops the worker when it has been idle for a while. */
  idleTimer: NodeJS.Timeout | undefined;
  ready = false;
  dead = false;
  retired = false;
  /** Why the worker could not start or stopped, when known. */
  startError: WorkerFailure | undefined;
  /** What it printed before it was ready. */
  readonly startOutput: string[] = [];

  constructor(
    key: string,
    setup: ProcessSetup,
    env: Record<string, string>,
    private readonly onIdle: (w: Worker) => void,
    private readonly onExit: (w: Worker) => void,
  ) {
    this.key = key;
    this.child = spawnGroup(process.execPath, workerCommand(setup), {
      cwd: setup.cwd,
      env: {
        // No type checking (tsc is the place for it) in ts-node loaders that read only the
        // environment: the SDK's ESM hooks and `--loader ts-node/esm` from nodeargs.
        ...(setup.typescript ? { TS_NODE_TRANSPILE_ONLY: "true" } : {}),
        ...env,
        JURISDICTION_GUARD_CAPTURE_SETUP: JSON.stringify(setup),
      },
      stdio: ["ignore", "pipe", "pipe", "ipc"],
    });
    const line = (l: string) => (this.job ? this.job.output : this.startOutput).push(l);
    const out = lineSplitter(line);
    const err = lineSplitter(line);
    this.child.stdout?.setEncoding("utf8").on("data", (c: string) => out.push(c));
    this.child.stderr?.setEncoding("utf8").on("data", (c: string) => err.push(c));
    this.child.on("message", (m: CaptureMessage) => this.onMessage(m));
    this.child.on("error", (e) => {
      this.startError ??= { message: errorMessage(e) };
    });
    this.child.on("exit", (code, signal) => {
      out.flush();
      err.flush();
      this.dead = true;
      const job = this.job;
      this.job = undefined;
      if (job) {
        this.finish(job);
        job.reject(
          new CaptureFailed(
            this.startError ?? {
              message: `the program exited (code ${code}, signal ${signal}) without results`,
            },
            job.output,
          ),
        );
      }
      this.onExit(this);
    });
  }

  private onMessage(m: CaptureMessage): void {
    if (m.kind === "ready") {
      this.ready = true;
      this.onIdle(this);
      return;
    }
    const job = this.job;
    if (!job && m.kind === "error") {
      // The worker could not set itself up (no ts-node, no SDK …).
      this.startError = {
        message: m.message,
        ...(m.stack !== undefined ? { stack: m.stack } : {}),
      };
      return;
    }
    if (!job || (m.id !== job.id && m.id !== -1)) return;
    this.job = undefined;
    this.finish(job);
    if (m.kind === "result") {
      job.resolve({ registrations: m.registrations, output: job.output });
      this.onIdle(this);
    } else {
      // The worker exits after a failure; its state is not trusted for another program.
      this.retired = true;
      const failure: WorkerFailure = { message: m.message };
      if (m.location !== undefined) failure.location = m.location;
      if (m.stack !== undefined) failure.stack = m.stack;
      job.reject(new CaptureFailed(failure, job.output));
    }
  }

  private finish(job: Job): void {
    if (job.timer) clearTimeout(job.timer);
    if (job.onAbort) job.opts.signal?.removeEventListener("abort", job.onAbort);
  }

  start(job: Job): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = undefined;
    this.job = job;
    this.ref(true);
    if (job.request.esm) this.esmPrograms.add(job.request.programDir);
    const stop = (message: string) => {
      if (this.job !== job) return;
      this.startError = { message };
      this.retired = true;
      void killNow(this.child);
    };
    job.timer = setTimeout(
      () => stop(`the program did not finish within ${job.opts.timeoutMs} ms`),
      job.opts.timeoutMs,
    );
    job.onAbort = () => stop("the capture was cancelled");
    job.opts.signal?.addEventListener("abort", job.onAbort, { once: true });
    const msg: WorkerMessage = { kind: "run", id: job.id, request: job.request };
    this.child.send(msg);
  }

  /** Whether this worker keeps our process alive: only while it runs a program. */
  ref(on: boolean): void {
    const handles: { ref?(): void; unref?(): void }[] = [
      this.child,
      this.child.channel as { ref?(): void; unref?(): void },
      this.child.stdout as Readable & { ref?(): void; unref?(): void },
      this.child.stderr as Readable & { ref?(): void; unref?(): void },
    ];
    for (const h of handles) {
      if (on) h?.ref?.();
      else h?.unref?.();
    }
  }

  stop(): Promise<void> {
    this.retired = true;
    return killNow(this.child);
  }
}

export class CapturePool {
  private readonly workers = new Set<Worker>();
  private readonly queue: Job[] = [];
  private nextId = 1;
  private readonly maxPerSetup: number;
  private readonly idleMs: number;

  /**
   * `maxPerSetup` workers at most for one process setup (default 1: loading the SDK and the
   * providers costs more than running a program); a worker idle for `idleMs` (default 5 s) exits.
   */
  constructor(opts: { maxPerSetup?: number; idleMs?: number } = {}) {
    this.maxPerSetup = Math.max(1, opts.maxPerSetup ?? 1);
    this.idleMs = opts.idleMs ?? 5000;
  }

  /** Run one program in a worker set up as `setup`; resolves to its registrations and output. */
  run(
    setup: ProcessSetup,
    request: CaptureRequest,
    opts: RunOptions,
  ): Promise<{ registrations: Registration[]; output: string[] }> {
    return new Promise((resolve, reject) => {
      const job: Job = {
        id: this.nextId++,
        key: setupKey(setup),
        setup,
        request,
        opts,
        output: [],
        resolve,
        reject,
      };
      if (opts.signal?.aborted) {
        reject(new CaptureFailed({ message: "the capture was cancelled" }, []));
        return;
      }
      const onQueuedAbort = () => {
        const i = this.queue.indexOf(job);
        if (i < 0) return;
        this.queue.splice(i, 1);
        reject(new CaptureFailed({ message: "the capture was cancelled" }, []));
      };
      opts.signal?.addEventListener("abort", onQueuedAbort, { once: true });
      const settle =
        <T>(f: (v: T) => void) =>
        (v: T) => {
          opts.signal?.removeEventListener("abort", onQueuedAbort);
          f(v);
        };
      job.resolve = settle(resolve);
      job.reject = settle(reject);
      this.queue.push(job);
      this.dispatch();
    });
  }

  private dispatch(): void {
    for (let i = 0; i < this.queue.length;) {
      const job = this.queue[i] as Job;
      const key = job.key;
      const mine = [...this.workers].filter((w) => w.key === key && !w.dead && !w.retired);
      const usable = mine.filter(
        (w) => !(job.request.esm && w.esmPrograms.has(job.request.programDir)),
      );
      // Workers that ran this ES module program cannot run it again: retire them.
      for (const w of mine) if (!usable.includes(w)) this.retire(w);
      const idle = usable.find((w) => w.ready && w.job === undefined);
      if (idle) {
        this.queue.splice(i, 1);
        idle.start(job);
        continue;
      }
      const starting = usable.filter((w) => !w.ready).length;
      const waiting = this.queue.filter((j) => j.key === key).length;
      if (usable.length < this.maxPerSetup && starting < waiting) {
        this.spawn(job.setup, job.request.env);
      }
      i++;
    }
  }

  private spawn(setup: ProcessSetup, env: Record<string, string>): void {
    const w = new Worker(
      setupKey(setup),
      setup,
      env,
      (worker) => {
        if (worker.retired) {
          void worker.stop();
          return;
        }
        worker.ref(false);
        this.dispatch();
        if (worker.job === undefined) {
          worker.idleTimer = setTimeout(() => void worker.stop(), this.idleMs);
          worker.idleTimer.unref();
        }
      },
      (worker) => {
        this.workers.delete(worker);
        if (!worker.ready) {
          // It never started: the programs waiting for this setup cannot run (no retry loop).
          const failure = worker.startError ?? {
            message: `the capture process exited before it was ready${
              worker.startOutput.length > 0 ? `: ${worker.startOutput.slice(-5).join("\n")}` : ""
            }`,
          };
          for (const job of this.queue.filter((j) => j.key === worker.key)) {
            this.queue.splice(this.queue.indexOf(job), 1);
            job.reject(new CaptureFailed(failure, worker.startOutput));
          }
        }
        this.dispatch();
      },
    );
    this.workers.add(w);
  }

  private retire(w: Worker): void {
    w.retired = true;
    if (w.job === undefined) void w.stop();
  }

  /** Stop every worker (programs still running fail). */
  async close(): Promise<void> {
    await Promise.all([...this.workers].map((w) => w.stop()));
  }
}
