// Every example program, captured under mocks and evaluated by the real pack over gRPC, gets
// exactly the verdicts its expected.json lists (resource name -> policy -> level, or "none").
// An example may carry the organisation's pack config (`policy-config.json`) and the stack's
// tags (`stack-tags.json`); `exampleOptions` reads both, as `npm run demo` does.
import * as fs from "fs";
import * as path from "path";
import {
  evaluateProgram,
  exampleOptions,
  listExamples,
  verdictsByName,
} from "../../cli/program/evaluate";
import type { ProgramEvaluation, Verdict } from "../../cli/program/evaluate";
import { mapLimit } from "../../cli/runner/util";
import { EXAMPLES_DIR, HERMETIC_ENV, PACK_DIR } from "./harness";

interface Expected {
  stack: string;
  verdicts: Record<string, Verdict>;
}

function readExpected(name: string): Expected {
  return JSON.parse(
    fs.readFileSync(path.join(EXAMPLES_DIR, name, "expected.json"), "utf8"),
  ) as Expected;
}

const names = listExamples(EXAMPLES_DIR);
const evaluations = new Map<string, ProgramEvaluation>();

beforeAll(async () => {
  // Each example is its own stack, so each gets its own pack process (as each preview does).
  await mapLimit(names, 3, async (name) => {
    const dir = path.join(EXAMPLES_DIR, name);
    const evaluation = await evaluateProgram(dir, {
      packDir: PACK_DIR,
      env: HERMETIC_ENV,
      ...exampleOptions(dir),
    });
    evaluations.set(name, evaluation);
  });
}, 180_000);

test("the example programs of issues #2 and #3 are present", () => {
  expect(names).toEqual([
    "aks-gpu-east-asia",
    "aws-china-gpu-training",
    "azure-openai-china",
    "compliant-multi-region-gpu",
    "compliant-peering",
    "expressroute-chinese-carrier",
    "gpu-in-restricted-account",
    "sagemaker-hong-kong",
    "vnet-peering-listed-subscription",
    "vpn-to-alibaba-asn",
  ]);
});

describe.each(names)("example %s", (name) => {
  const expected = readExpected(name);

  const get = (): ProgramEvaluation => {
    const e = evaluations.get(name);
    if (!e) throw new Error(`${name} was not evaluated`);
    return e;
  };

  test("resource names are unique, so verdicts can be keyed by name", () => {
    const resourceNames = get().program.resources.map((r) => r.name);
    expect(new Set(resourceNames).size).toBe(resourceNames.length);
  });

  test("verdicts equal expected.json", () => {
    const { program, report } = get();
    expect(program.stack).toBe(expected.stack);
    expect(verdictsByName(program.resources, report)).toEqual(expected.verdicts);
  });

  test("every finding carries the pack's wording and the policy's severity", () => {
    const { report } = get();
    for (const f of report.findings) {
      expect(f.message.trim()).not.toBe("");
      expect(f.severity).not.toBe("unspecified");
    }
  });
});
