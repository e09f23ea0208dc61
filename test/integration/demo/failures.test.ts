// `npm run demo` over an examples folder where one program throws: the failure is reported in one
// line (the program's message and where it threw, no stack), the other example is still evaluated
// and printed, and the run exits 2 at the end.
import { demo, GPU_IN_CHINA, makeExamples, removeExamples, tsProgram } from "./helpers";

const BROKEN = tsProgram(
  "broken",
  `import * as aws from "@pulumi/aws";\n\nthrow new Error("no region configured for the training cluster");\nexport const bucket = new aws.s3.Bucket("b");\n`,
  { "aws:region": "us-east-1" },
);

let dir: string;
beforeAll(() => {
  dir = makeExamples({ "a-broken": BROKEN, "b-gpu": GPU_IN_CHINA });
});
afterAll(() => removeExamples(dir));

test("a program that throws is reported with its message, the others still run, exit 2", async () => {
  const r = await demo(["--examples", dir, "--no-build"]);
  expect(r.code).toBe(2);
  const lines = r.stdout.split("\n");
  const broken = lines.indexOf("Previewing a-broken");
  expect(broken).toBeGreaterThanOrEqual(0);
  expect(lines[broken + 1]).toBe(
    "    error: the program failed: no region configured for the training cluster (at index.ts:3:7)",
  );
  // The error on stderr too, in one line.
  expect(r.stderr).toBe(
    "error: a-broken: the program failed: no region configured for the training cluster (at index.ts:3:7)\n",
  );
  // No stack trace anywhere.
  expect(r.stdout + r.stderr).not.toMatch(/^\s+at /m);
  // The good example is evaluated and printed after the failed one.
  const good = lines.findIndex((l) => l.startsWith("Previewing b-gpu (stack dev"));
  expect(good).toBeGreaterThan(broken);
  expect(r.stdout).toContain("[mandatory]  gpu-in-restricted-jurisdiction");
  expect(r.stdout).toContain("examples that could not be evaluated: a-broken");
});

test("--json lists the failed example with its error next to the others' reports", async () => {
  const r = await demo(["--examples", dir, "--no-build", "--json"]);
  expect(r.code).toBe(2);
  const json = JSON.parse(r.stdout) as {
    examples: Record<string, { counts: { mandatory: number } }>;
    failed: Record<string, string>;
  };
  expect(json.failed["a-broken"]).toMatch(/no region configured/);
  expect(json.examples["b-gpu"]?.counts.mandatory).toBeGreaterThan(0);
});
