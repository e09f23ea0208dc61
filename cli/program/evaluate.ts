// One Pulumi program through the whole path: capture its resources under mocks and, at the same
// time, start the pack with the program's stack config (PULUMI_CONFIG differs per stack, so each
// program gets its own pack process, as each `pulumi preview` does); then run the engine sequence.
import * as fs from "fs";
import * as path from "path";
import { captureProgram } from "./index";
import type { CapturedProgram } from "./index";
import { readProject, readStackConfig, selectStack } from "./stack-config";
import { startPack } from "../runner";
import type { EvaluateOptions, PolicyPackSession, PolicyPackConfigInput } from "../runner";
import type { EnforcementLevel, EngineResource, Report } from "../runner/types";

export interface EvaluateProgramOptions extends EvaluateOptions {
  packDir: string;
  stack?: string;
  organization?: string;
  policyConfigFile?: string;
  policyConfig?: PolicyPackConfigInput;
  stackTags?: Record<string, string>;
  /** Environment changes for both the program and the pack (`undefined` removes a variable). */
  env?: Record<string, string | undefined>;
}

export interface ProgramEvaluation {
  program: CapturedProgram;
  report: Report;
}

export async function evaluateProgram(
  programDir: string,
  opts: EvaluateProgramOptions,
): Promise<ProgramEvaluation> {
  const dir = path.resolve(programDir);
  const project = readProject(dir);
  const stack = selectStack(dir, opts.stack);
  const { config, secretKeys } = readStackConfig(dir, project, stack);
  const organization = opts.organization ?? "organization";

  const abort = new AbortController();
  const capturing = captureProgram(dir, {
    stack,
    organization,
    signal: abort.signal,
    ...(opts.env ? { env: opts.env } : {}),
  });
  const starting = startPack({
    packDir: opts.packDir,
    stack,
    project: project.name,
    organization,
    dryRun: true,
    stackConfig: config,
    configSecretKeys: secretKeys,
    ...(opts.stackTags ? { stackTags: opts.stackTags } : {}),
    ...(opts.policyConfigFile !== undefined ? { policyConfigFile: opts.policyConfigFile } : {}),
    ...(opts.policyConfig !== undefined ? { policyConfig: opts.policyConfig } : {}),
    ...(opts.env ? { env: opts.env } : {}),
  });
  let pack: PolicyPackSession | undefined;
  try {
    const [program, started] = await Promise.all([capturing, starting]);
    pack = started;
    const report = await pack.evaluate(program.resources, opts);
    return { program, report };
  } finally {
    // Whichever side failed, stop the other one before reporting.
    abort.abort();
    await capturing.catch(() => undefined);
    if (pack) await pack.close();
    else await starting.then((p) => p.close()).catch(() => undefined);
  }
}

/** Example folders (those with a Pulumi.yaml) under `examplesDir`, sorted by name. */
export function listExamples(examplesDir: string): string[] {
  return fs
    .readdirSync(examplesDir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && fs.existsSync(path.join(examplesDir, e.name, "Pulumi.yaml")))
    .map((e) => e.name)
    .sort();
}

/**
 * What an example folder carries besides its program: the organisation's pack config
 * (`policy-config.json`, as `pulumi preview --policy-pack-config` takes it) and the stack's tags
 * (`stack-tags.json`, as `pulumi stack tag set` would set them).
 */
export function exampleOptions(exampleDir: string): {
  policyConfigFile?: string;
  stackTags?: Record<string, string>;
} {
  const configFile = path.join(exampleDir, "policy-config.json");
  const tagsFile = path.join(exampleDir, "stack-tags.json");
  return {
    ...(fs.existsSync(configFile) ? { policyConfigFile: configFile } : {}),
    ...(fs.existsSync(tagsFile)
      ? { stackTags: JSON.parse(fs.readFileSync(tagsFile, "utf8")) as Record<string, string> }
      : {}),
  };
}

/** "none", or policy name -> the most severe level reported for that resource. */
export type Verdict = "none" | Record<string, EnforcementLevel>;

const RANK: Record<EnforcementLevel, number> = {
  disabled: 0,
  advisory: 1,
  remediate: 2,
  mandatory: 3,
};

/** Verdicts keyed by resource name (Analyze and AnalyzeStack findings together). */
export function verdictsByName(
  resources: readonly EngineResource[],
  report: Report,
): Record<string, Verdict> {
  const byUrn = new Map<string, Record<string, EnforcementLevel>>();
  for (const f of report.findings) {
    const v = byUrn.get(f.urn) ?? {};
    const prev = v[f.policyName];
    if (prev === undefined || RANK[f.enforcementLevel] > RANK[prev])
      v[f.policyName] = f.enforcementLevel;
    byUrn.set(f.urn, v);
  }
  const out: Record<string, Verdict> = {};
  for (const r of resources) {
    const name = r.name ?? r.urn.split("::").slice(3).join("::");
    const v = byUrn.get(r.urn);
    out[name] = v && Object.keys(v).length > 0 ? v : "none";
  }
  return out;
}
