// One input file through the engine-faithful runner: read it as it streams, start the pack for the
// file's stack as soon as the first resource names it (stack and project come from URNs; config
// from the input, --stack-config and --config), and evaluate resources while the rest is read.
//
// Like `pulumi preview` and `pulumi policy analyze`, every resource goes through Analyze - the root
// `pulumi:pulumi:Stack` and provider resources included (step_generator.go, analyze_snapshot.go);
// provider resources are also each resource's `provider` in its requests, and default providers
// missing from preview JSON and event logs are rebuilt from config as the engine builds them.
import * as fs from "fs";
import { startPack } from "../runner";
import type { AnalyzerSession } from "../runner";
import { startInProcessPack } from "../runner/in-process";
import type { Report } from "../runner/types";
import type { ConfigLayer } from "./config";
import { emptyLayer, mergeConfig, readStackConfigFile } from "./config";
import { ScanInputError } from "./errors";
import { scanPackEnvironment, withUnreadableSecrets } from "./environment";
import { StreamingEvaluation } from "./evaluate";
import type { ProgressStage } from "./types";
import { readError } from "./errors";
import { InputSource, STDIN } from "./source";
import { detectFormat, readEventLog, readJsonInput } from "./inputs";
import type { InputSink } from "./inputs";
import type { InputFormat, RecordedPolicyEvent } from "./types";
import { isProviderType, ProviderIndex, stackAndProject } from "./resources";
import type { RecordContext, ScanStackConfig } from "./resources";
import type { EngineResource } from "../runner/types";
import { Redactor } from "./values";
import type { ValueOptions } from "./values";
import type { FileScanResult } from "./types";

/**
 * How the pack is run: its policies in this process, in worker threads ("in-process", the
 * default), or a pack process driven over the Analyzer gRPC protocol as the engine does
 * ("protocol", `--engine protocol`).
 */
export type EngineMode = "in-process" | "protocol";

export const ENGINE_MODES: readonly EngineMode[] = ["in-process", "protocol"];

/** Resources in flight at once in-process: enough to keep every worker's batches full. */
const IN_PROCESS_WINDOW = 2048;
/**
 * Resources read ahead while the pack loads (in-process): the input is read and prepared on the
 * main thread while the pack's worker threads load it, instead of one waiting for the other.
 */
const READ_AHEAD = 8192;

export interface ScanOptions {
  /** The policy pack folder (`--policy-pack`). */
  packDir: string;
  /** `--engine` (default "in-process"). */
  engine?: EngineMode;
  /** Worker threads in-process (default: every core but one, up to 8). */
  workers?: number;
  /** `--policy-pack-config`. */
  policyConfigFile?: string;
  /** `--stack-tags k=v`. */
  stackTags?: Record<string, string>;
  /** `--stack-config Pulumi.<stack>.yaml`. */
  stackConfigFile?: string;
  /** `--config k=v` (applied last). */
  config?: Record<string, string>;
  /** Resources in flight with `engine: "protocol"` (default 16, as the engine). */
  concurrency?: number;
  /** Keep every analyzed resource and not-applicable answer (for JUnit). */
  keepResources?: boolean;
  /** Send Remediate even when no policy is at the remediate level (see evaluate.ts). */
  allRpcs?: boolean;
  organization?: string;
  /**
   * Let the scanning machine's cloud settings (AWS_REGION, AWS_PROFILE, ~/.aws/config, ARM_*,
   * GOOGLE_* …) decide stack exports and event logs too (`--use-environment`).
   */
  useEnvironment?: boolean;
  /** Extra environment for the pack process (`undefined` removes a variable). */
  env?: Record<string, string | undefined>;
  /** Progress while a file is evaluated: after each resource, and when AnalyzeStack starts. */
  onProgress?: (file: string, done: number, findings: number, stage: ProgressStage) => void;
}

/** Fail early, naming the file, when an input cannot be opened. */
export function checkReadable(file: string): void {
  if (file === STDIN) return;
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch (e) {
    throw readError(file, e);
  }
  if (stat.isDirectory())
    throw new ScanInputError(file, "cannot read the file: is a directory, expected a file");
  try {
    fs.accessSync(file, fs.constants.R_OK);
  } catch (e) {
    throw readError(file, e);
  }
}

export async function scanFile(file: string, opts: ScanOptions): Promise<FileScanResult> {
  const started = Date.now();
  checkReadable(file);
  const optionLayers: ConfigLayer[] = [];
  if (opts.stackConfigFile !== undefined)
    optionLayers.push(readStackConfigFile(opts.stackConfigFile));
  if (opts.config) optionLayers.push({ ...emptyLayer(), values: { ...opts.config } });

  const redactor = new Redactor();
  const valueOptions = (format: InputFormat): ValueOptions => ({
    blindedStrings: format !== "stack-export",
    onPlaintextSecret: (s) => redactor.add(s),
  });

  let format: InputFormat | undefined;
  let inputLayer = emptyLayer();
  let stackHint: string | undefined;
  let stack = "dev";
  let project = "project";
  let config: ScanStackConfig | undefined;
  let session: AnalyzerSession | undefined;
  const engine = opts.engine ?? "in-process";
  let evaluation: StreamingEvaluation | undefined;
  /** The pack starting (the first resource was read), until the evaluation exists. */
  let starting: Promise<StreamingEvaluation> | undefined;
  const pending: { r: EngineResource; ctx: RecordContext }[] = [];
  const recorded: RecordedPolicyEvent[] = [];
  let recordedPacks: Record<string, string> = {};
  const providers = new ProviderIndex(
    () => config ?? mergeConfig(project, [inputLayer, ...optionLayers]),
  );

  const start = async (first?: {
    r: EngineResource;
    ctx: RecordContext;
  }): Promise<StreamingEvaluation> => {
    if (first) {
      const sp = stackAndProject(first.r.urn);
      if (sp) {
        stack = sp.stack;
        project = sp.project;
      }
    }
    if (stackHint !== undefined && first === undefined) stack = stackHint;
    config = mergeConfig(project, [inputLayer, ...optionLayers]);
    const launch = engine === "protocol" ? startPack : startInProcessPack;
    session = await launch({
      ...(opts.workers !== undefined ? { workers: opts.workers } : {}),
      // Only JUnit reports what was not applicable (in-process answers leave it out otherwise).
      notApplicable: opts.keepResources ?? false,
      packDir: opts.packDir,
      stack,
      project,
      organization: opts.organization ?? "organization",
      dryRun: true,
      stackConfig: format === "stack-export" ? withUnreadableSecrets(config) : config.config,
      configSecretKeys: config.secretKeys,
      ...(opts.stackTags ? { stackTags: opts.stackTags } : {}),
      ...(opts.policyConfigFile !== undefined ? { policyConfigFile: opts.policyConfigFile } : {}),
      env: {
        ...scanPackEnvironment(format, { useEnvironment: opts.useEnvironment ?? false }),
        ...(opts.env ?? {}),
      },
    });
    evaluation = new StreamingEvaluation(session, {
      concurrency: engine === "protocol" ? (opts.concurrency ?? 16) : IN_PROCESS_WINDOW,
      keepResources: opts.keepResources ?? false,
      always: opts.allRpcs ?? false,
      ...(opts.onProgress
        ? {
            onProgress: (done: number, n: number, stage: ProgressStage) =>
              opts.onProgress?.(file, done, n, stage),
          }
        : {}),
    });
    return evaluation;
  };

  const sink: InputSink = {
    format(f) {
      format = f;
    },
    config(layer, position) {
      if (evaluation !== undefined || pending.length > 0) {
        throw new ScanInputError(
          file,
          "the stack config comes after resources; expected it before them (as Pulumi writes it), since the pack is configured before the first resource is analyzed",
          position,
        );
      }
      inputLayer = layer;
    },
    stackName(s) {
      stackHint = s;
    },
    resource(r, ctx) {
      pending.push({ r, ctx });
    },
    policyEvent(e) {
      recorded.push(e);
    },
    policyPacks(p) {
      recordedPacks = p;
    },
    async drain() {
      if (evaluation === undefined && pending.length > 0) {
        // The pack is configured for the stack the first resource names: it starts loading now,
        // and the input is read on while it loads, up to READ_AHEAD resources.
        const first = pending[0] as (typeof pending)[number];
        starting ??= start(first);
        // Nothing may be left unhandled if reading fails first (the failure is reported instead).
        starting.catch(() => undefined);
        if (engine === "in-process" && pending.length < READ_AHEAD) return;
        await starting;
      }
      while (pending.length > 0) {
        const item = pending.shift();
        if (!item) break;
        const ev = evaluation ?? (await start(item));
        const { provider, synthesized } = providers.resolve(item.r, item.ctx);
        if (synthesized) await ev.add(synthesized, undefined);
        if (isProviderType(item.r.type)) providers.add(item.r);
        await ev.add(item.r, provider, item.ctx.line);
      }
    },
  };

  try {
    // Opened once and read once: detection looks at the buffered head, the reader continues.
    const source = InputSource.open(file);
    try {
      const kind = await detectFormat(source);
      if (kind === "event-log") await readEventLog(source, sink, valueOptions("event-log"));
      else await readJsonInput(source, sink, valueOptions);
    } catch (e) {
      // Reported as if the input had not been read ahead: a pack that failed to start, or what the
      // resources read before the failure raise, comes first.
      if (starting !== undefined) {
        await starting;
        await sink.drain();
      }
      throw e;
    } finally {
      source.close();
    }
    if (starting !== undefined) await starting;
    // What was read ahead while the pack loaded.
    if (pending.length > 0) await sink.drain();
    const ev = evaluation ?? (await start());
    const result = await ev.finish();
    if (!session || format === undefined) throw new Error("internal error: no pack session");
    const findings = result.findings.map((f) =>
      redactor.size > 0
        ? { ...f, message: redactor.redact(f.message), description: redactor.redact(f.description) }
        : f,
    );
    const report: Report = { ...result.report, findings };
    return {
      file,
      format,
      stack,
      project,
      report,
      findings,
      resources: result.resources,
      info: session.info,
      policyConfig: session.config,
      recordedPolicyEvents: recorded.map((e) =>
        redactor.size > 0 ? { ...e, message: redactor.redact(e.message) } : e,
      ),
      recordedPolicyPacks: recordedPacks,
      durationMs: Date.now() - started,
    };
  } catch (e) {
    await evaluation?.settle();
    throw e;
  } finally {
    await session?.close();
  }
}
