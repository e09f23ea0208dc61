// Start a policy pack the way `pulumi preview --policy-pack <dir>` does and drive it over the
// Analyzer gRPC protocol, in the engine's call order (pulumi/pulumi plugin/analyzer_plugin.go,
// engine/update.go, deploy/step_generator.go):
//
//   spawn `node <@pulumi/pulumi>/cmd/run-policy-pack <engine-address> .` in the pack folder with
//   PULUMI_CONFIG and PULUMI_[NODEJS_]{ORGANIZATION,PROJECT,STACK,DRY_RUN}; read the port from
//   stdout -> Handshake (UNIMPLEMENTED tolerated) -> ConfigureStack -> GetAnalyzerInfo ->
//   reconcile + validate config -> Configure -> per resource Remediate then Analyze (16 at a
//   time) -> AnalyzeStack -> shut down.
import { isReportingLevel } from "jurisdiction-guard/levels";
import type { ChildProcess } from "child_process";
import * as fs from "fs";
import * as path from "path";
import type * as grpc from "@grpc/grpc-js";
import { Empty } from "google-protobuf/google/protobuf/empty_pb";
import * as yaml from "js-yaml";
import type * as analyzerGrpc from "@pulumi/pulumi/proto/analyzer_grpc_pb";
import * as pb from "@pulumi/pulumi/proto/analyzer_pb";
import type * as EngineServiceModule from "./engine-service";
import { StackRequest } from "./stack-request";
import type { StackResourceInfo } from "./stack-request";
import type { EngineServer } from "./engine-service";
import { fromStruct } from "./marshal";
import { killNow, spawnGroup, stopProcess } from "./process-group";
import {
  loadPolicyPackConfigFile,
  parsePolicyPackConfig,
  reconcilePolicyPackConfig,
  PolicyConfigError,
} from "./policy-config";
import type { PolicyPackConfigInput } from "./policy-config";
import {
  resourceName,
  toAnalyzeRequest,
  toAnalyzerInfo,
  toConfigureRequest,
  toEnforcementLevel,
  toSeverity,
  urnName,
  urnType,
} from "./protocol";
import type {
  AnalyzerInfo,
  EngineResource,
  Finding,
  NotApplicable,
  PackLogEntry,
  PolicyCount,
  PolicyPackConfig,
  PropertyMap,
  RemediationRecord,
  Report,
} from "./types";
import { errorMessage, lineSplitter, mapLimit } from "./util";
import { secretConfigFilter } from "./secret-filter";

/** The engine analyzes this many resources at once by default (`--parallel`). */
export const DEFAULT_CONCURRENCY = 16;
const MAX_MESSAGE = 1024 * 1024 * 400;

export interface StartPackOptions {
  /** The policy pack folder (what `--policy-pack` gets). */
  packDir: string;
  stack?: string;
  project?: string;
  organization?: string;
  /** `true` for preview (the default), `false` for update. */
  dryRun?: boolean;
  /** Decrypted stack config as PULUMI_CONFIG carries it: `{"aws:region": "cn-north-1"}`. */
  stackConfig?: Record<string, string>;
  configSecretKeys?: string[];
  stackTags?: Record<string, string>;
  /** A `--policy-pack-config` file. */
  policyConfigFile?: string;
  /** The same shape as the file, given directly (applied after the file). */
  policyConfig?: PolicyPackConfigInput;
  /** Extra environment for the pack process; `undefined` removes an inherited variable. */
  env?: Record<string, string | undefined>;
  startTimeoutMs?: number;
}

export interface EvaluateOptions {
  /** Resources analyzed at once (default 16, as the engine). */
  concurrency?: number;
  /** Call Remediate before Analyze, as the engine does for every resource (default true). */
  remediate?: boolean;
  /** Call AnalyzeStack at the end (default true). */
  analyzeStack?: boolean;
}

export interface ResourceContext {
  /** The provider resource of `resource.provider`, if not found in `resources`. */
  provider?: EngineResource;
  /** Other resources, used to resolve the provider reference. */
  resources?: readonly EngineResource[];
  /** The same resources by URN, when the caller has them indexed (large stacks). */
  byUrn?: ReadonlyMap<string, EngineResource>;
}

export interface AnalyzeResult {
  findings: Finding[];
  notApplicable: NotApplicable[];
}

export interface RemediateResult extends AnalyzeResult {
  remediations: RemediationRecord[];
  /** The properties after all remediations (the inputs if none applied). */
  properties: PropertyMap;
}

/** An RPC the pack answered with an error (a policy threw, the request was malformed …). */
export class PackRpcError extends Error {
  readonly method: string;
  readonly code: number | undefined;
  readonly urn: string | undefined;
  constructor(method: string, err: unknown, urn?: string) {
    const code = (err as { code?: number }).code;
    const details = (err as { details?: string }).details ?? errorMessage(err);
    super(`${method}${urn !== undefined ? ` (${urn})` : ""} failed: ${details}`);
    this.name = "PackRpcError";
    this.method = method;
    this.code = code;
    this.urn = urn;
  }
}

/** The pack could not be started (missing dependencies, crashed, no port …). */
export class PackStartError extends Error {
  /** The pack process's id, when one was started (it has been stopped). */
  readonly pid: number | undefined;
  constructor(message: string, pid?: number) {
    super(message);
    this.name = "PackStartError";
    this.pid = pid;
  }
}

export interface PolicyProject {
  name?: string;
  version?: string;
  description?: string;
  runtime: string;
  options: Record<string, unknown>;
}

export function readPolicyProject(packDir: string): PolicyProject {
  const file = path.join(packDir, "PulumiPolicy.yaml");
  let doc: unknown;
  try {
    doc = yaml.load(fs.readFileSync(file, "utf8"));
  } catch (e) {
    throw new PackStartError(
      `failed to load Pulumi policy project located at "${packDir}": ${errorMessage(e)}`,
    );
  }
  const d = (doc ?? {}) as Record<string, unknown>;
  const runtime = d["runtime"];
  let name = "nodejs";
  let options: Record<string, unknown> = {};
  if (typeof runtime === "string") name = runtime;
  else if (runtime !== null && typeof runtime === "object") {
    const r = runtime as Record<string, unknown>;
    if (typeof r["name"] === "string") name = r["name"];
    if (r["options"] !== null && typeof r["options"] === "object") {
      options = r["options"] as Record<string, unknown>;
    }
  }
  const str = (k: string) => (typeof d[k] === "string" ? (d[k] as string) : undefined);
  const out: PolicyProject = { runtime: name, options };
  const n = str("name");
  const v = str("version");
  const desc = str("description");
  if (n !== undefined) out.name = n;
  if (v !== undefined) out.version = v;
  if (desc !== undefined) out.description = desc;
  return out;
}

/** `<@pulumi/pulumi resolved from the pack folder>/cmd/run-policy-pack`. */
export function resolveRunPolicyPack(packDir: string): string {
  let pkg: string;
  try {
    pkg = require.resolve("@pulumi/pulumi/package.json", { paths: [packDir] });
  } catch {
    throw new PackStartError(
      `it looks like the policy pack's dependencies are not installed; try running npm install or yarn install in "${packDir}"`,
    );
  }
  return path.join(path.dirname(pkg), "cmd", "run-policy-pack");
}

/** The environment the engine gives the pack (`constructEnv`). */
export function packEnvironment(opts: StartPackOptions): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const [k, v] of Object.entries(opts.env ?? {})) {
    if (v === undefined) delete env[k];
    else env[k] = v;
  }
  const set = (k: string, v: string | undefined) => {
    if (v !== undefined && v !== "") env[k] = v;
  };
  if (opts.stackConfig) set("PULUMI_CONFIG", JSON.stringify(opts.stackConfig));
  const dryRun = String(opts.dryRun ?? true);
  set("PULUMI_NODEJS_ORGANIZATION", opts.organization);
  set("PULUMI_NODEJS_PROJECT", opts.project);
  set("PULUMI_NODEJS_STACK", opts.stack);
  set("PULUMI_NODEJS_DRY_RUN", dryRun);
  set("PULUMI_ORGANIZATION", opts.organization);
  set("PULUMI_PROJECT", opts.project);
  set("PULUMI_STACK", opts.stack);
  set("PULUMI_DRY_RUN", dryRun);
  return env;
}

/**
 * gRPC and the engine service: loaded when a pack process is started, as the in-process scan
 * never needs them (about 60 ms of module loading before it can start).
 */
function transport(): {
  grpc: typeof grpc;
  analyzerGrpc: typeof analyzerGrpc;
  engineService: typeof EngineServiceModule;
} {
  /* eslint-disable @typescript-eslint/no-require-imports */
  return {
    grpc: require("@grpc/grpc-js") as typeof grpc,
    analyzerGrpc: require("@pulumi/pulumi/proto/analyzer_grpc_pb") as typeof analyzerGrpc,
    engineService: require("./engine-service") as typeof EngineServiceModule,
  };
  /* eslint-enable @typescript-eslint/no-require-imports */
}

function unary<Res>(
  method: string,
  invoke: (cb: (err: grpc.ServiceError | null, res: Res) => void) => unknown,
  urn?: string,
): Promise<Res> {
  return new Promise((resolve, reject) => {
    invoke((err, res) => (err ? reject(new PackRpcError(method, err, urn)) : resolve(res)));
  });
}

function isUnimplemented(e: unknown): boolean {
  return e instanceof PackRpcError && e.code === transport().grpc.status.UNIMPLEMENTED;
}

interface StartedProcess {
  child: ChildProcess;
  port: number;
}

function spawnPack(
  packDir: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  logs: PackLogEntry[],
  timeoutMs: number,
): Promise<StartedProcess> {
  return new Promise((resolve, reject) => {
    // A process group of its own: giving up on the pack stops whatever it started too.
    const child = spawnGroup(process.execPath, args, {
      cwd: packDir,
      env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let port: number | undefined;
    const stderr: string[] = [];
    let settled = false;
    const fail = (message: string) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      const tail = stderr.slice(-30).join("\n");
      const error = new PackStartError(tail !== "" ? `${message}\n${tail}` : message, child.pid);
      // Reject once the pack (and its group) is gone.
      void killNow(child).then(() => reject(error));
    };
    const timer = setTimeout(
      () => fail(`policy pack "${packDir}" did not print its port within ${timeoutMs} ms`),
      timeoutMs,
    );
    const out = lineSplitter((line) => {
      if (port === undefined) {
        const n = Number.parseInt(line.trim(), 10);
        if (!Number.isInteger(n) || n <= 0 || String(n) !== line.trim()) {
          fail(`policy pack "${packDir}" failed to start: expected a port on stdout, got: ${line}`);
          return;
        }
        port = n;
        settled = true;
        clearTimeout(timer);
        resolve({ child, port: n });
        return;
      }
      logs.push({ source: "stdout", message: line });
    });
    const err = lineSplitter((line) => {
      stderr.push(line);
      logs.push({ source: "stderr", message: line });
    });
    child.stdout?.setEncoding("utf8").on("data", (c: string) => out.push(c));
    child.stderr?.setEncoding("utf8").on("data", (c: string) => err.push(c));
    child.on("error", (e) => fail(`policy pack "${packDir}" failed to start: ${e.message}`));
    child.on("exit", (code, signal) => {
      out.flush();
      err.flush();
      fail(`policy pack "${packDir}" exited before it was ready (code ${code}, signal ${signal})`);
    });
  });
}

/** One diagnostic as the pack answers it (the fields of `AnalyzeDiagnostic`). */
export interface DiagnosticAnswer {
  policyName: string;
  policyPackName: string;
  policyPackVersion: string;
  message: string;
  description: string;
  urn: string;
  /** `pb.EnforcementLevel`. */
  enforcementLevel: number;
  /** `pb.PolicySeverity`. */
  severity: number;
}

export interface NotApplicableAnswer {
  policyName: string;
  reason: string;
}

/** What `Analyze` and `AnalyzeStack` answer (`AnalyzeResponse`), as plain data. */
export interface AnalyzeAnswer {
  diagnostics: DiagnosticAnswer[];
  notApplicable: NotApplicableAnswer[];
}

/** One entry of `RemediateResponse.remediations`, as plain data. */
export interface RemediationAnswer {
  policyName: string;
  policyPackName: string;
  policyPackVersion: string;
  description: string;
  /** Non-empty when the remediation could not run (an unknown value during preview). */
  diagnostic: string;
  /** The remediated properties (wire form), when the policy changed them. */
  properties?: PropertyMap;
}

export interface RemediateAnswer {
  remediations: RemediationAnswer[];
  notApplicable: NotApplicableAnswer[];
}

/** `AnalyzeResponse` as plain data. */
export function analyzeAnswer(resp: pb.AnalyzeResponse): AnalyzeAnswer {
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
    notApplicable: resp
      .getNotApplicableList()
      .map((n) => ({ policyName: n.getPolicyName(), reason: n.getReason() })),
  };
}

/** `RemediateResponse` as plain data. */
export function remediateAnswer(resp: pb.RemediateResponse): RemediateAnswer {
  return {
    remediations: resp.getRemediationsList().map((r) => {
      const out: RemediationAnswer = {
        policyName: r.getPolicyname(),
        policyPackName: r.getPolicypackname(),
        policyPackVersion: r.getPolicypackversion(),
        description: r.getDescription(),
        diagnostic: r.getDiagnostic(),
      };
      if (r.getProperties() !== undefined) out.properties = fromStruct(r.getProperties());
      return out;
    }),
    notApplicable: resp
      .getNotApplicableList()
      .map((n) => ({ policyName: n.getPolicyName(), reason: n.getReason() })),
  };
}

/**
 * What AnalyzeStack is sent, filled resource by resource: a position reserved per resource in
 * input order (`reserve`), filled once the resource's final form is known (`set`, any order).
 */
export interface StackCollector {
  readonly length: number;
  reserve(r: Pick<EngineResource, "urn" | "type" | "name">): number;
  set(position: number, r: EngineResource, provider: EngineResource | undefined): void;
  add(r: EngineResource, provider: EngineResource | undefined): void;
  /** Type and name of a resource of the request (what a finding against it shows). */
  resource(urn: string): StackResourceInfo | undefined;
}

export interface SessionArgs {
  startupMs: number;
  info: AnalyzerInfo;
  config: PolicyPackConfig;
  logs: PackLogEntry[];
  packDir: string;
  stack: string;
  project: string;
  filter?: (text: string) => string;
}

/**
 * A pack configured for one stack, whatever carries the calls to it: the engine's sequence and the
 * way the engine reads the answers (findings, not-applicable policies, remediations). Subclasses
 * carry the calls: PolicyPackSession over gRPC to a pack process (`--engine protocol`), and
 * InProcessSession (in-process.ts) to the pack's own handlers in worker threads.
 */
export abstract class AnalyzerSession<S extends StackCollector = StackCollector> {
  /** Milliseconds from start to configured. */
  readonly startupMs: number;
  readonly info: AnalyzerInfo;
  /** The reconciled config sent in `Configure`. */
  readonly config: PolicyPackConfig;
  readonly logs: PackLogEntry[];
  readonly packDir: string;
  protected readonly stack: string;
  protected readonly project: string;
  private readonly severityByPolicy: Map<string, Finding["severity"]>;
  /** The engine's "[secret]" filter of secret stack config values (secret-filter.ts). */
  private readonly filter: (text: string) => string;

  constructor(args: SessionArgs) {
    this.startupMs = args.startupMs;
    this.info = args.info;
    this.config = args.config;
    this.logs = args.logs;
    this.packDir = args.packDir;
    this.stack = args.stack;
    this.project = args.project;
    this.severityByPolicy = new Map(args.info.policies.map((p) => [p.name, p.severity]));
    this.filter = args.filter ?? ((text) => text);
  }

  /** `Analyze` (or, with phase "remediate", the request `Remediate` gets) of one resource. */
  protected abstract analyzeCall(
    resource: EngineResource,
    properties: PropertyMap,
    provider: EngineResource | undefined,
  ): Promise<AnalyzeAnswer>;

  /** `Remediate` of one resource; `undefined` when the pack does not implement it. */
  protected abstract remediateCall(
    resource: EngineResource,
    provider: EngineResource | undefined,
  ): Promise<RemediateAnswer | undefined>;

  /** `AnalyzeStack`; `undefined` when the pack does not implement it. */
  protected abstract analyzeStackCall(request: S): Promise<AnalyzeAnswer | undefined>;

  /** An empty AnalyzeStack request for this session. */
  abstract newStackRequest(): S;

  /** Stop the pack. */
  abstract close(): Promise<void>;

  /** The root stack URN the engine reports stack-level diagnostics against. */
  get rootStackUrn(): string {
    return `urn:pulumi:${this.stack}::${this.project}::pulumi:pulumi:Stack::${this.project}-${this.stack}`;
  }

  protected findProvider(
    r: EngineResource,
    ctx: ResourceContext | undefined,
  ): EngineResource | undefined {
    if (r.provider === undefined || r.provider === "") return undefined;
    const sep = r.provider.lastIndexOf("::");
    const urn = sep > 0 ? r.provider.slice(0, sep) : r.provider;
    if (ctx?.provider && ctx.provider.urn === urn) return ctx.provider;
    const found = ctx?.byUrn ? ctx.byUrn.get(urn) : ctx?.resources?.find((x) => x.urn === urn);
    if (found) return found;
    throw new Error(`provider ${r.provider} of ${r.urn} is not among the resources`);
  }

  private toFinding(
    d: DiagnosticAnswer,
    urn: string,
    resource: StackResourceInfo | undefined,
    phase: Finding["phase"],
  ): Finding {
    let level = toEnforcementLevel(d.enforcementLevel);
    // The engine reports a violation of a remediating policy as mandatory.
    if (level === "remediate") level = "mandatory";
    let severity = toSeverity(d.severity);
    if (severity === "unspecified")
      severity = this.severityByPolicy.get(d.policyName) ?? "unspecified";
    return {
      policyName: d.policyName,
      policyPackName: d.policyPackName,
      policyPackVersion: this.info.version !== "" ? this.info.version : d.policyPackVersion,
      enforcementLevel: level,
      severity,
      message: this.filter(d.message),
      description: d.description,
      urn,
      resourceType: resource?.type ?? urnType(urn),
      resourceName: resource?.name ?? urnName(urn),
      phase,
    };
  }

  private notApplicable(urn: string, list: NotApplicableAnswer[]): NotApplicable[] {
    return list.map((n) => ({ urn, policyName: n.policyName, reason: n.reason }));
  }

  /** `Analyze` one resource with the given (or its own) input properties. */
  async analyze(
    resource: EngineResource,
    ctx?: ResourceContext,
    properties: PropertyMap = resource.inputs,
  ): Promise<AnalyzeResult> {
    const provider = this.findProvider(resource, ctx);
    const resp = await this.analyzeCall(resource, properties, provider);
    const about: StackResourceInfo = { type: resource.type, name: resourceName(resource) };
    return {
      // The engine reports every Analyze diagnostic against the analyzed resource.
      findings: resp.diagnostics.map((d) => this.toFinding(d, resource.urn, about, "analyze")),
      notApplicable: this.notApplicable(resource.urn, resp.notApplicable),
    };
  }

  /** `Remediate` one resource; remediations apply in order, as the engine applies them. */
  async remediate(resource: EngineResource, ctx?: ResourceContext): Promise<RemediateResult> {
    const provider = this.findProvider(resource, ctx);
    const resp = await this.remediateCall(resource, provider);
    // Packs without Remediate are skipped by the engine.
    if (resp === undefined) {
      return { findings: [], notApplicable: [], remediations: [], properties: resource.inputs };
    }
    let properties = resource.inputs;
    const findings: Finding[] = [];
    const remediations: RemediationRecord[] = [];
    for (const r of resp.remediations) {
      if (r.diagnostic !== "") {
        findings.push({
          policyName: r.policyName,
          policyPackName: r.policyPackName,
          policyPackVersion: this.info.version !== "" ? this.info.version : r.policyPackVersion,
          enforcementLevel: "advisory",
          severity: this.severityByPolicy.get(r.policyName) ?? "unspecified",
          message: this.filter(r.diagnostic),
          description: r.description,
          urn: resource.urn,
          resourceType: resource.type,
          resourceName: resourceName(resource),
          phase: "remediate",
        });
      } else if (r.properties !== undefined) {
        const after = r.properties;
        remediations.push({
          urn: resource.urn,
          policyName: r.policyName,
          policyPackName: r.policyPackName,
          policyPackVersion: this.info.version !== "" ? this.info.version : r.policyPackVersion,
          description: r.description,
          before: properties,
          after,
        });
        properties = after;
      }
    }
    return {
      findings,
      notApplicable: this.notApplicable(resource.urn, resp.notApplicable),
      remediations,
      properties,
    };
  }

  /** `AnalyzeStack` over every resource (outputs, parents, dependencies, providers). */
  async analyzeStack(resources: readonly EngineResource[]): Promise<AnalyzeResult> {
    const byUrn = new Map(resources.map((r) => [r.urn, r]));
    const request = this.newStackRequest();
    for (const r of resources) request.add(r, this.findProvider(r, { byUrn }));
    return this.analyzeStackRequest(request);
  }

  /** `AnalyzeStack` with a request assembled resource by resource (`newStackRequest`). */
  async analyzeStackRequest(request: S): Promise<AnalyzeResult> {
    const resp = await this.analyzeStackCall(request);
    if (resp === undefined) return { findings: [], notApplicable: [] };
    const findings = resp.diagnostics.map((d) => {
      // A URN that is not in the stack falls back to the root stack, as in the engine.
      const known = request.resource(d.urn);
      const urn = known ? d.urn : this.rootStackUrn;
      return this.toFinding(d, urn, known ?? request.resource(urn), "analyzeStack");
    });
    return { findings, notApplicable: this.notApplicable("", resp.notApplicable) };
  }

  /**
   * The engine's whole sequence over a list of resources in registration order: per resource
   * Remediate then Analyze (on the remediated properties), `concurrency` resources at a time,
   * then AnalyzeStack.
   */
  async evaluate(
    resources: readonly EngineResource[],
    opts: EvaluateOptions = {},
  ): Promise<Report> {
    const started = Date.now();
    const ctx: ResourceContext = { resources, byUrn: new Map(resources.map((r) => [r.urn, r])) };
    const remediateFirst = opts.remediate ?? true;
    const perResource = await mapLimit(
      resources,
      opts.concurrency ?? DEFAULT_CONCURRENCY,
      async (r): Promise<RemediateResult & { after: EngineResource }> => {
        let rem: RemediateResult = {
          findings: [],
          notApplicable: [],
          remediations: [],
          properties: r.inputs,
        };
        if (remediateFirst) rem = await this.remediate(r, ctx);
        const res = await this.analyze(r, ctx, rem.properties);
        const after: EngineResource =
          rem.remediations.length > 0 ? { ...r, inputs: rem.properties } : r;
        return {
          findings: [...rem.findings, ...res.findings],
          notApplicable: [...rem.notApplicable, ...res.notApplicable],
          remediations: rem.remediations,
          properties: rem.properties,
          after,
        };
      },
    );
    const findings = perResource.flatMap((p) => p.findings);
    const notApplicable = perResource.flatMap((p) => p.notApplicable);
    if (opts.analyzeStack ?? true) {
      const stack = await this.analyzeStack(perResource.map((p) => p.after));
      findings.push(...stack.findings);
      notApplicable.push(...stack.notApplicable);
    }
    const counts: PolicyCount = { mandatory: 0, advisory: 0 };
    const countsByPolicy: Record<string, PolicyCount> = {};
    for (const p of this.info.policies) countsByPolicy[p.name] = { mandatory: 0, advisory: 0 };
    for (const f of findings) {
      if (!isReportingLevel(f.enforcementLevel)) continue;
      counts[f.enforcementLevel]++;
      const c = (countsByPolicy[f.policyName] ??= { mandatory: 0, advisory: 0 });
      c[f.enforcementLevel]++;
    }
    const analyzeMs = Date.now() - started;
    return {
      policyPack: { name: this.info.name, version: this.info.version, path: this.packDir },
      resourcesAnalyzed: resources.length,
      findings,
      remediations: perResource.flatMap((p) => p.remediations),
      notApplicable,
      counts,
      countsByPolicy,
      logs: [...this.logs],
      timings: { startupMs: this.startupMs, analyzeMs, totalMs: this.startupMs + analyzeMs },
    };
  }
}

/** A running pack process, configured for one stack, driven over the Analyzer gRPC protocol. */
export class PolicyPackSession extends AnalyzerSession<StackRequest> {
  private readonly client: analyzerGrpc.AnalyzerClient;
  private readonly child: ChildProcess;
  private readonly engine: EngineServer;
  private closed = false;

  constructor(
    args: SessionArgs & {
      client: analyzerGrpc.AnalyzerClient;
      child: ChildProcess;
      engine: EngineServer;
    },
  ) {
    super(args);
    this.client = args.client;
    this.child = args.child;
    this.engine = args.engine;
  }

  /** The process id of the pack. */
  get pid(): number | undefined {
    return this.child.pid;
  }

  newStackRequest(): StackRequest {
    return new StackRequest();
  }

  protected async analyzeCall(
    resource: EngineResource,
    properties: PropertyMap,
    provider: EngineResource | undefined,
  ): Promise<AnalyzeAnswer> {
    const req = toAnalyzeRequest(resource, properties, provider, "analyze");
    const resp = await unary<pb.AnalyzeResponse>(
      "Analyze",
      (cb) => this.client.analyze(req, cb),
      resource.urn,
    );
    return analyzeAnswer(resp);
  }

  protected async remediateCall(
    resource: EngineResource,
    provider: EngineResource | undefined,
  ): Promise<RemediateAnswer | undefined> {
    const req = toAnalyzeRequest(resource, resource.inputs, provider, "remediate");
    try {
      const resp = await unary<pb.RemediateResponse>(
        "Remediate",
        (cb) => this.client.remediate(req, cb),
        resource.urn,
      );
      return remediateAnswer(resp);
    } catch (e) {
      if (isUnimplemented(e)) return undefined;
      throw e;
    }
  }

  /** The request's bytes are sent as they are, through the same RPC method. */
  protected async analyzeStackCall(request: StackRequest): Promise<AnalyzeAnswer | undefined> {
    const method = transport().analyzerGrpc.AnalyzerService.analyzeStack;
    const bytes = request.toBuffer();
    try {
      const resp = await unary<pb.AnalyzeResponse>("AnalyzeStack", (cb) =>
        this.client.makeUnaryRequest(
          method.path,
          (b: Buffer) => b,
          method.responseDeserialize,
          bytes,
          // grpc-js leaves the response undefined only along with an error.
          (err, res) => cb(err, res as pb.AnalyzeResponse),
        ),
      );
      return analyzeAnswer(resp);
    } catch (e) {
      if (isUnimplemented(e)) return undefined;
      throw e;
    }
  }

  /** Close the connection and stop the pack (SIGINT, then SIGKILL after a second). */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.client.close();
    await stopProcess(this.child);
    await this.engine.close();
  }
}

/** The user's policy config: `--policy-pack-config`, then `policyConfig` over it. */
export function loadUserConfig(opts: StartPackOptions): PolicyPackConfig | undefined {
  let userConfig: PolicyPackConfig | undefined;
  if (opts.policyConfigFile !== undefined)
    userConfig = loadPolicyPackConfigFile(opts.policyConfigFile);
  if (opts.policyConfig !== undefined) {
    userConfig = { ...(userConfig ?? {}), ...parsePolicyPackConfig(opts.policyConfig) };
  }
  return userConfig;
}

/** `ConfigureStack` as the engine sends it. */
export function configureStackRequest(opts: StartPackOptions): pb.AnalyzerStackConfigureRequest {
  const req = new pb.AnalyzerStackConfigureRequest()
    .setStack(opts.stack ?? "dev")
    .setProject(opts.project ?? "project")
    .setOrganization(opts.organization ?? "")
    .setDryRun(opts.dryRun ?? true)
    .setConfigSecretKeysList(opts.configSecretKeys ?? []);
  for (const [k, v] of Object.entries(opts.stackConfig ?? {})) req.getConfigMap().set(k, v);
  for (const [k, v] of Object.entries(opts.stackTags ?? {})) req.getTagsMap().set(k, v);
  return req;
}

/**
 * The config `Configure` gets: schema defaults and the pack's initial config reconciled with the
 * user's, validated (throws `PolicyConfigError`); empty when the pack does not support config.
 */
export function effectiveConfig(
  info: AnalyzerInfo,
  userConfig: PolicyPackConfig | undefined,
  opts: StartPackOptions,
): PolicyPackConfig {
  if (info.supportsConfig) {
    return reconcilePolicyPackConfig(
      info.policies,
      info.initialConfig,
      userConfig,
      opts.policyConfigFile,
    );
  }
  if (userConfig !== undefined) {
    throw new PolicyConfigError([
      {
        file: opts.policyConfigFile,
        message: `policy pack "${info.name}" does not support config`,
      },
    ]);
  }
  return {};
}

/** Start and configure a pack for one stack. Throws `PolicyConfigError` for invalid config. */
export async function startPack(opts: StartPackOptions): Promise<PolicyPackSession> {
  const started = Date.now();
  const packDir = path.resolve(opts.packDir);
  const project = readPolicyProject(packDir);
  const runPolicyPack = resolveRunPolicyPack(packDir);
  // Read the user config first: a bad file should not cost a process start.
  const userConfig = loadUserConfig(opts);

  const logs: PackLogEntry[] = [];
  const { grpc, analyzerGrpc, engineService } = transport();
  const engine = await engineService.startEngineServer(logs);
  const args = [runPolicyPack, engine.address, "."];
  for (const [k, v] of Object.entries(project.options)) {
    const s = String(v);
    if (s !== "") args.push(`-${k}=${s}`);
  }
  let proc: StartedProcess;
  try {
    proc = await spawnPack(
      packDir,
      args,
      packEnvironment(opts),
      logs,
      opts.startTimeoutMs ?? 30000,
    );
  } catch (e) {
    await engine.close();
    throw e;
  }
  const client = new analyzerGrpc.AnalyzerClient(
    `127.0.0.1:${proc.port}`,
    grpc.credentials.createInsecure(),
    { "grpc.max_receive_message_length": MAX_MESSAGE, "grpc.max_send_message_length": MAX_MESSAGE },
  );
  const abort = async (e: unknown): Promise<never> => {
    client.close();
    await stopProcess(proc.child);
    await engine.close();
    throw e;
  };
  try {
    const handshake = new pb.AnalyzerHandshakeRequest()
      .setEngineAddress(engine.address)
      .setRootDirectory(packDir)
      .setProgramDirectory(packDir);
    try {
      await unary("Handshake", (cb) => client.handshake(handshake, cb));
    } catch (e) {
      if (!isUnimplemented(e)) throw e;
    }

    const stack = opts.stack ?? "dev";
    const projectName = opts.project ?? "project";
    const configureStack = configureStackRequest(opts);
    try {
      await unary("ConfigureStack", (cb) => client.configureStack(configureStack, cb));
    } catch (e) {
      if (!isUnimplemented(e)) throw e;
    }

    const rawInfo = await unary<pb.AnalyzerInfo>("GetAnalyzerInfo", (cb) =>
      client.getAnalyzerInfo(new Empty(), cb),
    );
    const info = toAnalyzerInfo(rawInfo, project);

    const config = effectiveConfig(info, userConfig, opts);
    if (Object.keys(config).length > 0) {
      const req = toConfigureRequest(config);
      await unary("Configure", (cb) => client.configure(req, cb));
    }

    return new PolicyPackSession({
      startupMs: Date.now() - started,
      info,
      config,
      logs,
      packDir,
      client,
      child: proc.child,
      engine,
      stack,
      project: projectName,
      filter: secretConfigFilter(opts.stackConfig ?? {}, opts.configSecretKeys ?? []),
    });
  } catch (e) {
    return abort(e);
  }
}

/** Start a pack, run the engine's sequence over `resources`, stop the pack. */
export async function evaluate(
  resources: readonly EngineResource[],
  opts: StartPackOptions & EvaluateOptions,
): Promise<Report> {
  const pack = await startPack(opts);
  try {
    const report = await pack.evaluate(resources, opts);
    return report;
  } finally {
    await pack.close();
  }
}
