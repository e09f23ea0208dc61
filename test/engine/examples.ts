// The examples through both sides, shared by the engine suite's differential tests: an example
// previewed by the REAL engine (examples.test.ts explains how) and evaluated by the runner, and
// the findings of each as comparable rows.
import * as fs from "fs";
import * as path from "path";
import type { PolicyEvent, Stack } from "@pulumi/pulumi/automation";
import { evaluateProgram, exampleOptions } from "../../cli/program/evaluate";
import type { ProgramEvaluation } from "../../cli/program/evaluate";
import { readProject, readStackConfig, selectStack } from "../../cli/program/stack-config";
import { HERMETIC_ENV } from "../integration/harness";
import type { EngineSetup, PreviewOutcome } from "./harness";
import { PACK_DIR, packExecutable, previewWithPacks, REPO_ROOT } from "./harness";

/** Not provider packages: the SDK and the policy SDK. */
const NOT_PROVIDERS = new Set(["pulumi", "policy"]);

/** Every @pulumi/* provider package installed here (package.json), which examples import. */
export const PROVIDERS: string[] = (() => {
  const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, "package.json"), "utf8")) as {
    dependencies?: Record<string, string>;
    devDependencies?: Record<string, string>;
  };
  return Object.keys({ ...pkg.dependencies, ...pkg.devDependencies })
    .filter((n) => n.startsWith("@pulumi/"))
    .map((n) => n.slice("@pulumi/".length))
    .filter((n) => !NOT_PROVIDERS.has(n))
    .sort();
})();

/**
 * Packages the pack knows whose SDKs are not installed (npm cannot fetch them here): tests
 * register their resources by type token (test/engine/programs/every-package); the stubs report
 * the versions in harness.ts UNINSTALLED_VERSIONS.
 */
export const UNINSTALLED_PROVIDERS = ["alicloud", "aws-native", "azure", "gcp", "kubernetes"];

/** What an example folder carries (exampleOptions), with a test's changes on top. */
export interface ExampleOverrides {
  stackTags?: Record<string, string>;
}

/**
 * The engine's pack process inherits this process's environment (the runner gets HERMETIC_ENV
 * explicitly): hide the machine's AWS and Azure settings from both, for the test file.
 */
export function useHermeticEnv(): void {
  let saved: Record<string, string | undefined> = {};
  beforeAll(() => {
    saved = Object.fromEntries(Object.keys(HERMETIC_ENV).map((k) => [k, process.env[k]]));
    setEnv(HERMETIC_ENV);
  });
  afterAll(() => setEnv(saved));
}

function setEnv(env: Record<string, string | undefined>): void {
  for (const [k, v] of Object.entries(env)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
}

function optionsOf(dir: string, overrides: ExampleOverrides): ReturnType<typeof exampleOptions> {
  return { ...exampleOptions(dir), ...overrides };
}

/** The runner on the example, as `npm run demo` runs it (plus the overrides). */
export function evaluateExample(
  dir: string,
  overrides: ExampleOverrides = {},
): Promise<ProgramEvaluation> {
  return evaluateProgram(dir, {
    packDir: PACK_DIR,
    env: HERMETIC_ENV,
    ...optionsOf(dir, overrides),
  });
}

/**
 * The real engine's preview of the example. Its index.ts is imported inside the inline program, so
 * a test file can preview an example once (the module is cached after its first run).
 */
export async function previewExample(
  setup: EngineSetup,
  dir: string,
  overrides: ExampleOverrides = {},
): Promise<PreviewOutcome> {
  const { projectName, stackName } = exampleStack(dir);
  const opts = optionsOf(dir, overrides);
  const index = path.join(dir, "index.ts");
  return previewWithPacks(setup, {
    projectName,
    stackName,
    // The example's module runs its top level (which registers the resources) when imported here,
    // inside the inline program; its @pulumi/pulumi is the one the Automation API uses (one
    // node_modules/@pulumi/pulumi, one jest module registry; examples.test.ts checks).
    program: async () => {
      await import(index);
    },
    policyPacks: [packExecutable(setup)],
    ...(opts.policyConfigFile !== undefined ? { policyPackConfigs: [opts.policyConfigFile] } : {}),
    prepare: async (stack) => {
      await setExampleConfig(stack, dir);
      for (const [k, v] of Object.entries(opts.stackTags ?? {})) await stack.setTag(k, v);
    },
  });
}

/** The example's project name and the stack `npm run demo` previews. */
export function exampleStack(dir: string): { projectName: string; stackName: string } {
  return { projectName: readProject(dir).name, stackName: selectStack(dir, undefined) };
}

/** The example's stack config (Pulumi.<stack>.yaml; `secure:` values as secrets) on the stack. */
export async function setExampleConfig(stack: Stack, dir: string): Promise<void> {
  const project = readProject(dir);
  const { config, secretKeys } = readStackConfig(dir, project, selectStack(dir, undefined));
  await stack.setAllConfig(
    Object.fromEntries(
      Object.entries(config).map(([k, value]) => [k, { value, secret: secretKeys.includes(k) }]),
    ),
  );
}

/** One policy finding, as both sides report it. */
export interface Row {
  policyPackName: string;
  policyPackVersion: string;
  policyName: string;
  enforcementLevel: string;
  /** The engine omits an unspecified severity (apitype.PolicyEvent `severity,omitempty`). */
  severity: string;
  urn: string;
  message: string;
}

/**
 * The engine's event carries the pack's message followed by one "\n" (pkg/engine/events.go
 * policyViolationEvent writes the message, a colour reset and '\n'; the reset is stripped on the
 * way to the Automation API): the one normalisation. A message without it is kept as is, so the
 * comparison shows it.
 */
function engineMessage(message: string): string {
  return message.endsWith("\n") ? message.slice(0, -1) : message;
}

export function engineRows(events: PolicyEvent[]): Row[] {
  return sortRows(
    events.map((p) => ({
      policyPackName: p.policyPackName,
      policyPackVersion: p.policyPackVersion,
      policyName: p.policyName,
      enforcementLevel: p.enforcementLevel,
      // In the event JSON, not in @pulumi/pulumi's PolicyEvent type.
      severity: (p as PolicyEvent & { severity?: string }).severity ?? "unspecified",
      urn: p.resourceUrn ?? "",
      message: engineMessage(p.message),
    })),
  );
}

export function runnerRows(e: Pick<ProgramEvaluation, "report">): Row[] {
  return sortRows(
    e.report.findings.map((f) => ({
      policyPackName: f.policyPackName,
      policyPackVersion: f.policyPackVersion,
      policyName: f.policyName,
      enforcementLevel: f.enforcementLevel,
      severity: f.severity,
      urn: f.urn,
      message: f.message,
    })),
  );
}

function sortRows(rows: Row[]): Row[] {
  const key = (r: Row): string => [r.urn, r.policyName, r.enforcementLevel, r.message].join("\0");
  return [...rows].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}
