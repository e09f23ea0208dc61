// The scan reads the input on while the pack loads (in-process): what is reported must not depend
// on it. A pack that cannot start is the error even when the input turns out bad further on, and
// an input error past the resources read ahead is still reported with its position.
import * as fs from "fs";
import * as path from "path";
import { FIXTURES, runCli, tmpFile } from "./helpers";

const FAILING_PACK = path.join(FIXTURES, "failing-pack");
const INFO_FAILING_PACK = path.join(FIXTURES, "info-failing-pack");

/** A stack export of `n` S3 buckets, cut `cut` characters before its end (a syntax error). */
function export_(n: number, cut: number): string {
  const resources = Array.from({ length: n }, (_, i) => ({
    urn: `urn:pulumi:dev::p::aws:s3/bucket:Bucket::b${i}`,
    custom: true,
    type: "aws:s3/bucket:Bucket",
    inputs: { bucket: `bucket-${i}-${"x".repeat(200)}` },
    outputs: {},
  }));
  const text = JSON.stringify({ version: 3, deployment: { resources } });
  return text.slice(0, text.length - cut);
}

describe("reading ahead while the pack loads", () => {
  it("reports a pack that cannot start, not an input error further on", async () => {
    const file = tmpFile("truncated.json", export_(3000, 40));
    const { code, stderr } = await runCli(["scan", file, "--policy-pack", FAILING_PACK]);
    expect(code).toBe(2);
    expect(stderr).toContain("the policy pack could not start");
    expect(stderr).toContain("this pack cannot load");
  });

  it("reports a pack that loads but cannot describe itself as its failed GetAnalyzerInfo, alike in both engines", async () => {
    const file = tmpFile("small.json", export_(3, 0));
    const args = (engine: string) => [
      "scan",
      file,
      "--policy-pack",
      INFO_FAILING_PACK,
      "--engine",
      engine,
    ];
    const inProcess = await runCli(args("in-process"));
    const protocol = await runCli(args("protocol"));
    expect(inProcess.code).toBe(2);
    expect(inProcess.stdout).toBe("");
    expect(inProcess.stderr).toContain(
      "the policy pack failed: GetAnalyzerInfo failed: Error: Unexpected struct type.",
    );
    expect(inProcess).toEqual(protocol);
  });

  it.each(["in-process", "protocol"])(
    "reports an input error past the resources read ahead, with its position (%s)",
    async (engine) => {
      const file = tmpFile("truncated.json", export_(12000, 40));
      const { code, stderr, stdout } = await runCli(["scan", file, "--engine", engine]);
      expect(code).toBe(2);
      expect(stdout).toBe("");
      expect(stderr).toMatch(/truncated\.json:1:\d+/);
      expect(fs.statSync(file).size).toBeGreaterThan(1 << 20);
    },
  );
});
