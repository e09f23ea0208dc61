// What the demo shows while it runs: start and finish lines per example on stderr when it is a
// terminal (nothing when it is not), each example's result on stdout as soon as it and the ones
// before it are done, and colour only where it belongs (NO_COLOR, FORCE_COLOR, a terminal).
import { demo, GPU_IN_CHINA, makeExamples, removeExamples, tsProgram } from "./helpers";
import type { DemoRun } from "./helpers";

// Compliant, and slow on purpose: the first example's result must not wait for it.
const SLOW = tsProgram(
  "slow",
  `import * as aws from "@pulumi/aws";\n\nexport = async () => {\n  await new Promise((r) => setTimeout(r, 2500));\n  new aws.s3.Bucket("logs");\n};\n`,
  { "aws:region": "us-east-1" },
);

const ESC = "\u001b[";
let dir: string;
let onTerminal: DemoRun;

beforeAll(async () => {
  dir = makeExamples({ "a-gpu": GPU_IN_CHINA, "b-slow": SLOW });
  onTerminal = await demo(["--examples", dir, "--no-build"], { stderrTTY: true });
}, 60_000);
afterAll(() => removeExamples(dir));

const plain = (s: string) => s.replace(new RegExp(`${ESC.replace("[", "\\[")}\\d+m`, "g"), "");

test("on a terminal, stderr has a start and a finish line per example", () => {
  const lines = plain(onTerminal.stderr).trimEnd().split("\n");
  expect(lines).toEqual(
    expect.arrayContaining([
      "  started  a-gpu",
      "  started  b-slow",
      expect.stringMatching(
        /^ {2}finished a-gpu: \d+ mandatory, 0 advisory in \d+\.\d s \(\d\/2 done\)$/,
      ),
      expect.stringMatching(
        /^ {2}finished b-slow: 0 mandatory, 0 advisory in \d+\.\d s \(\d\/2 done\)$/,
      ),
    ]),
  );
  expect(lines).toHaveLength(4);
  expect(onTerminal.code).toBe(1);
});

test("an example's result is printed as soon as it is done, before a slower one finishes", () => {
  const at = (stream: "stdout" | "stderr", text: string) =>
    onTerminal.log.findIndex((c) => c.stream === stream && c.text.includes(text));
  const firstResult = at("stdout", "Previewing a-gpu");
  const slowDone = at("stderr", "finished b-slow");
  expect(firstResult).toBeGreaterThanOrEqual(0);
  expect(slowDone).toBeGreaterThan(firstResult);
  // Results stay in example order.
  expect(onTerminal.stdout.indexOf("Previewing a-gpu")).toBeLessThan(
    onTerminal.stdout.indexOf("Previewing b-slow"),
  );
});

test("colour goes to the terminal (stderr) only, not to the pipe (stdout)", () => {
  expect(onTerminal.stderr).toContain(ESC);
  expect(onTerminal.stdout).not.toContain(ESC);
});

describe("colour", () => {
  test("stderr not a terminal: no progress; NO_COLOR: no colour even on a terminal", async () => {
    const r = await demo(["--examples", dir, "--no-build", "--only", "a-gpu"], {
      stdoutTTY: true,
      env: { NO_COLOR: "1" },
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe("");
    expect(r.stdout).toContain("[mandatory]  gpu-in-restricted-jurisdiction");
    expect(r.stdout).not.toContain(ESC);
  });

  test("FORCE_COLOR=1 colours output on a pipe: mandatory in red", async () => {
    const r = await demo(["--examples", dir, "--no-build", "--only", "a-gpu"], {
      env: { FORCE_COLOR: "1" },
    });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`${ESC}31m- [mandatory]  gpu-in-restricted-jurisdiction${ESC}39m`);
  });
});
