// The engine's per-resource sequence over resources that arrive as a file is read, through the
// runner's own RPC calls (PolicyPackSession.remediate / analyze / analyzeStackRequest, the code
// path of `npm run demo` and the integration tests): per resource Remediate then Analyze on the remediated
// properties, at most `concurrency` resources in flight (16, the engine's default), then
// AnalyzeStack over every resource.
//
// Memory stays bounded by what AnalyzeStack needs, and nothing is held twice: each resource is
// encoded into the AnalyzeStack request (runner/stack-request.ts) as soon as its Analyze is done -
// its outputs, or its remediated inputs when it has none, its relations and its provider - and then
// only those bytes and its URN, type and name are kept. Provider resources are kept whole too
// (their inputs go into every request of the resources they manage); a resource is encoded once its
// provider's own Remediate and Analyze are done, so AnalyzeStack sees the provider's final inputs.
//
// Remediate is skipped when it cannot change anything: the pack's server runs only policies whose
// effective level is "remediate" in Remediate (@pulumi/policy server.js makeRemediateRpcFun), so
// for any other config it answers nothing - and skipping it halves the RPCs of a large input.
// `always: true` sends it anyway, exactly as the engine does. AnalyzeStack is always sent: a
// policy can have both validateResource and validateStack (this pack's do) while GetAnalyzerInfo
// reports it as a resource policy, so the policy type cannot tell that AnalyzeStack is a no-op.
import { isReportingLevel } from "jurisdiction-guard/levels";
import type { AnalyzerSession, ResourceContext, StackCollector } from "../runner";
import type {
  EngineResource,
  NotApplicable,
  PolicyCount,
  RemediationRecord,
  Report,
} from "../runner/types";
import { urnName } from "../runner/protocol";
import { isProviderType, parseProviderReference } from "./resources";
import type { AnalyzedResource, ProgressStage, ScanFinding } from "./types";

export interface StreamingOptions {
  concurrency: number;
  /** Send Remediate even when no policy is at the remediate level (as the engine does). */
  always?: boolean;
  /** Keep every analyzed resource and not-applicable answer (JUnit needs them). */
  keepResources: boolean;
  /** Called after each resource completes ("analyze"), and once AnalyzeStack is sent. */
  onProgress?: (done: number, findings: number, stage: ProgressStage) => void;
}

export interface StreamingResult {
  report: Report;
  findings: ScanFinding[];
  resources: AnalyzedResource[];
}

interface Slot {
  seq: number;
  findings: ScanFinding[];
}

export class StreamingEvaluation {
  /** AnalyzeStack's request, filled as resources complete. */
  private readonly stack: StackCollector;
  /** Provider resources by URN, in their final (remediated) form, and their pending work. */
  private readonly providers = new Map<string, EngineResource>();
  private readonly providerTasks = new Map<string, Promise<void>>();
  private readonly lines = new Map<string, number>();
  private readonly slots: Slot[] = [];
  private readonly remediations: RemediationRecord[] = [];
  private readonly notApplicable: NotApplicable[] = [];
  private readonly resources: AnalyzedResource[] = [];
  private readonly inFlight = new Set<Promise<void>>();
  /** Callers of `add` waiting for a place in the window. */
  private readonly waiting: (() => void)[] = [];
  private failure: unknown;
  private seq = 0;
  private done = 0;
  private findingCount = 0;
  private readonly started = Date.now();
  /** Whether Remediate can do anything for this pack and config. */
  readonly remediates: boolean;

  constructor(
    private readonly session: AnalyzerSession,
    private readonly opts: StreamingOptions,
  ) {
    this.stack = session.newStackRequest();
    const level = (name: string, fallback: string) =>
      session.config[name]?.enforcementLevel ?? fallback;
    const active = session.info.policies.filter(
      (p) => level(p.name, p.enforcementLevel) !== "disabled",
    );
    this.remediates =
      opts.always === true || active.some((p) => level(p.name, p.enforcementLevel) === "remediate");
  }

  /** Resources handed in so far. */
  get count(): number {
    return this.seq;
  }

  /**
   * Start one resource (its provider, if any, given resolved). Resolves once fewer than
   * `concurrency` resources are in flight, so the caller can keep reading.
   */
  async add(r: EngineResource, provider: EngineResource | undefined, line?: number): Promise<void> {
    this.throwIfFailed();
    while (this.inFlight.size >= this.opts.concurrency) {
      // Woken when a resource completes (not `Promise.race` over the window, which would attach a
      // reaction to every in-flight task each time).
      await new Promise<void>((resolve) => this.waiting.push(resolve));
      this.throwIfFailed();
    }
    const seq = this.seq++;
    if (line !== undefined) this.lines.set(r.urn, line);
    // Reserve the AnalyzeStack position now (input order); filled when the resource is done.
    const index = this.stack.reserve(r);
    if (isProviderType(r.type)) this.providers.set(r.urn, r);
    if (this.opts.keepResources) {
      const entry: AnalyzedResource = { urn: r.urn, type: r.type, name: r.name ?? urnName(r.urn) };
      if (line !== undefined) entry.line = line;
      this.resources.push(entry);
    }
    const ctx: ResourceContext = provider ? { provider } : {};
    const task = this.run(r, ctx, seq, index, line).then(
      () => undefined,
      (e: unknown) => {
        this.failure ??= e;
      },
    );
    this.inFlight.add(task);
    if (isProviderType(r.type)) this.providerTasks.set(r.urn, task);
    void task.finally(() => {
      this.inFlight.delete(task);
      if (this.providerTasks.get(r.urn) === task) this.providerTasks.delete(r.urn);
      this.waiting.shift()?.();
    });
  }

  private async run(
    r: EngineResource,
    ctx: ResourceContext,
    seq: number,
    index: number,
    line: number | undefined,
  ): Promise<void> {
    const rem = this.remediates
      ? await this.session.remediate(r, ctx)
      : { findings: [], notApplicable: [], remediations: [], properties: r.inputs };
    const res = await this.session.analyze(r, ctx, rem.properties);
    const after: EngineResource =
      rem.remediations.length > 0 ? { ...r, inputs: rem.properties } : r;
    if (this.providers.has(r.urn)) this.providers.set(r.urn, after);
    this.stack.set(index, after, await this.stackProvider(r, ctx));
    const findings: ScanFinding[] = [...rem.findings, ...res.findings].map((f) =>
      line !== undefined ? { ...f, line } : f,
    );
    if (findings.length > 0) this.slots.push({ seq, findings });
    this.remediations.push(...rem.remediations);
    if (this.opts.keepResources)
      this.notApplicable.push(...rem.notApplicable, ...res.notApplicable);
    this.done++;
    this.findingCount += findings.length;
    this.opts.onProgress?.(this.done, this.findingCount, "analyze");
  }

  /** The provider AnalyzeStack gets with `r`: the provider resource once its own work is done. */
  private async stackProvider(
    r: EngineResource,
    ctx: ResourceContext,
  ): Promise<EngineResource | undefined> {
    if (r.provider === undefined || r.provider === "") return undefined;
    const { urn } = parseProviderReference(r.provider);
    if (urn !== r.urn) await this.providerTasks.get(urn);
    return this.providers.get(urn) ?? ctx.provider;
  }

  private throwIfFailed(): void {
    if (this.failure !== undefined) throw this.failure;
  }

  /** Wait for every resource, run AnalyzeStack, and build the report. */
  async finish(): Promise<StreamingResult> {
    while (this.inFlight.size > 0) await Promise.all([...this.inFlight]);
    this.throwIfFailed();
    this.slots.sort((a, b) => a.seq - b.seq);
    const findings: ScanFinding[] = this.slots.flatMap((s) => s.findings);
    if (this.stack.length > 0) {
      this.opts.onProgress?.(this.done, this.findingCount, "analyzeStack");
      const stack = await this.session.analyzeStackRequest(this.stack);
      for (const f of stack.findings) {
        const line = this.lines.get(f.urn);
        findings.push(line !== undefined ? { ...f, line } : f);
      }
      if (this.opts.keepResources) this.notApplicable.push(...stack.notApplicable);
    }
    const counts: PolicyCount = { mandatory: 0, advisory: 0 };
    const countsByPolicy: Record<string, PolicyCount> = {};
    for (const p of this.session.info.policies)
      countsByPolicy[p.name] = { mandatory: 0, advisory: 0 };
    for (const f of findings) {
      if (!isReportingLevel(f.enforcementLevel)) continue;
      counts[f.enforcementLevel]++;
      const c = (countsByPolicy[f.policyName] ??= { mandatory: 0, advisory: 0 });
      c[f.enforcementLevel]++;
    }
    const analyzeMs = Date.now() - this.started;
    const report: Report = {
      policyPack: {
        name: this.session.info.name,
        version: this.session.info.version,
        path: this.session.packDir,
      },
      resourcesAnalyzed: this.seq,
      findings,
      remediations: this.remediations,
      notApplicable: this.notApplicable,
      counts,
      countsByPolicy,
      logs: [...this.session.logs],
      timings: {
        startupMs: this.session.startupMs,
        analyzeMs,
        totalMs: this.session.startupMs + analyzeMs,
      },
    };
    return { report, findings, resources: this.resources };
  }

  /** Let in-flight requests settle (after a failure elsewhere), ignoring their errors. */
  async settle(): Promise<void> {
    await Promise.allSettled([...this.inFlight]);
  }
}
