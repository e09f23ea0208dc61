// Every example in examples/ previewed by the REAL Pulumi engine with our pack, against the
// engine-faithful runner (`evaluateProgram`, what `npm run demo` uses) on the same example options:
// the same (pack, version, policy, enforcement level, severity, resource URN) rows with the same
// message texts (examples.ts: engineMessage is the one normalisation), the same resources, and the
// verdicts of expected.json. The example's index.ts runs as an Automation API inline program in
// this process (see harness.ts, examples.ts) with the example's project name, its stack config
// (`stack.setAllConfig`), its stack tags (`stack.setTag`) and its policy-config.json
// (`--policy-pack-config`). Sequential: one preview takes a few seconds.
import * as fs from "fs";
import * as path from "path";
import type { PolicyEvent } from "@pulumi/pulumi/automation";
import { listExamples, verdictsByName } from "../../cli/program/evaluate";
import type { ProgramEvaluation, Verdict } from "../../cli/program/evaluate";
import type { EnforcementLevel } from "../../cli/runner/types";
import { EXAMPLES_DIR } from "../integration/harness";
import {
  engineRows,
  evaluateExample,
  PROVIDERS,
  previewExample,
  runnerRows,
  useHermeticEnv,
} from "./examples";
import type { PreviewOutcome } from "./harness";
import { useEngine } from "./harness";

interface Expected {
  stack: string;
  verdicts: Record<string, Verdict>;
}

const names = listExamples(EXAMPLES_DIR);

useHermeticEnv();

const engine = useEngine(PROVIDERS);

const RANK: Record<string, number> = { disabled: 0, advisory: 1, remediate: 2, mandatory: 3 };

/** expected.json's shape from the engine's events: resource name -> policy -> most severe level. */
function engineVerdicts(urns: string[], events: PolicyEvent[]): Record<string, Verdict> {
  const out: Record<string, Verdict> = {};
  for (const urn of urns) {
    const v: Record<string, EnforcementLevel> = {};
    for (const p of events) {
      if (p.resourceUrn !== urn) continue;
      const prev = v[p.policyName];
      if (prev === undefined || RANK[p.enforcementLevel]! > RANK[prev]!)
        v[p.policyName] = p.enforcementLevel as EnforcementLevel;
    }
    out[urn.split("::").slice(3).join("::")] = Object.keys(v).length > 0 ? v : "none";
  }
  return out;
}

test("every example folder is previewed", () => {
  expect(names.length).toBeGreaterThanOrEqual(10);
});

test("the examples' providers load the @pulumi/pulumi the Automation API runs the inline program with", () => {
  const automation = require.resolve("@pulumi/pulumi/automation");
  for (const name of PROVIDERS) {
    const pkg = path.dirname(require.resolve(`@pulumi/${name}/package.json`));
    expect(require.resolve("@pulumi/pulumi/automation", { paths: [pkg] })).toBe(automation);
  }
});

describe.each(names)("example %s", (name) => {
  const dir = path.join(EXAMPLES_DIR, name);
  const expected = JSON.parse(fs.readFileSync(path.join(dir, "expected.json"), "utf8")) as Expected;
  let real: PreviewOutcome | undefined;
  let runner: ProgramEvaluation | undefined;

  beforeAll(async () => {
    real = await previewExample(engine(), dir);
    runner = await evaluateExample(dir);
  });

  const get = (): { real: PreviewOutcome; runner: ProgramEvaluation } => {
    if (real === undefined || runner === undefined) throw new Error(`${name} was not evaluated`);
    return { real, runner };
  };

  test("the real engine reports the runner's findings: same policies, levels, URNs and messages", () => {
    const { real, runner } = get();
    expect(engineRows(real.policyEvents)).toEqual(runnerRows(runner));
  });

  test("the real engine registers the runner's resources", () => {
    const { real, runner } = get();
    const urns = real.events.flatMap((e) =>
      e.resourcePreEvent !== undefined ? [e.resourcePreEvent.metadata.urn] : [],
    );
    expect([...new Set(urns)].sort()).toEqual(runner.program.resources.map((r) => r.urn).sort());
  });

  test("the real engine's verdicts equal expected.json; a mandatory finding fails the preview", () => {
    const { real, runner } = get();
    const urns = runner.program.resources.map((r) => r.urn);
    expect(engineVerdicts(urns, real.policyEvents)).toEqual(expected.verdicts);
    expect(verdictsByName(runner.program.resources, runner.report)).toEqual(expected.verdicts);
    const mandatory = real.policyEvents.some((p) => p.enforcementLevel === "mandatory");
    // v3.276 exits 1 on a mandatory violation (see policy-events.test.ts).
    expect({
      ok: real.ok,
      exit1: /Command failed with exit code 1:/.test(real.error ?? ""),
    }).toEqual({ ok: !mandatory, exit1: mandatory });
  });
});
