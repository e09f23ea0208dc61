// Large inputs stream through: a generated 3,000-instance stack export and a 1,500-resource event
// log, every resource analysed once and the right ones denied. (Timings for 20k and 100k resources
// come from test/fixtures/scan/make-large-export.ts, outside the test suite.)
import * as fs from "fs";
import * as path from "path";
import { runScan } from "../../../cli/scan/run";
import { expectedMandatory, writeLargeExport } from "../../fixtures/scan/make-large-export";
import { HERMETIC_ENV, PACK_DIR, tmpDir } from "./helpers";
import { UNKNOWN_STRING } from "../../../policypack/src/values";

describe("large inputs", () => {
  it("scans a 3,000-instance stack export", async () => {
    const file = path.join(tmpDir(), "large.json");
    const count = writeLargeExport(3000, file);
    let progress = 0;
    const run = await runScan([file], {
      packDir: PACK_DIR,
      failOn: "mandatory",
      env: HERMETIC_ENV,
      onProgress: (_f, done) => {
        progress = Math.max(progress, done);
      },
    });
    const r = run.files[0];
    expect(r?.report.resourcesAnalyzed).toBe(count);
    expect(progress).toBe(count);
    expect(r?.report.counts).toEqual({ mandatory: expectedMandatory(3000), advisory: 0 });
    expect(new Set(r?.findings.map((f) => f.resourceType))).toEqual(
      new Set(["aws:ec2/instance:Instance"]),
    );
  }, 180_000);

  it("scans a 1,500-resource event log line by line", async () => {
    const file = path.join(tmpDir(), "large.jsonl");
    const urn = (t: string, n: string) => `urn:pulumi:ci::fleet::${t}::${n}`;
    const provider = urn("pulumi:providers:aws", "default_7_48_0");
    const lines = [
      JSON.stringify({
        sequence: 0,
        timestamp: 1,
        preludeEvent: { config: { "aws:region": "cn-north-1" } },
      }),
    ];
    for (let i = 0; i < 1500; i++) {
      const u = urn("aws:ec2/instance:Instance", `n-${i}`);
      const state = {
        type: "aws:ec2/instance:Instance",
        urn: u,
        custom: true,
        id: "",
        parent: "",
        inputs: { instanceType: i % 100 === 0 ? "g5.xlarge" : "t3.small" },
        outputs: {},
        provider: `${provider}::${UNKNOWN_STRING}`,
      };
      const metadata = {
        op: "create",
        urn: u,
        type: state.type,
        old: null,
        new: state,
        provider: state.provider,
      };
      lines.push(
        JSON.stringify({
          sequence: i + 1,
          timestamp: 2,
          resourcePreEvent: { metadata, planning: true },
        }),
      );
    }
    fs.writeFileSync(file, `${lines.join("\n")}\n`);
    const run = await runScan([file], {
      packDir: PACK_DIR,
      failOn: "mandatory",
      env: HERMETIC_ENV,
    });
    const r = run.files[0];
    // 1,500 instances and the default provider rebuilt from the prelude's aws:region.
    expect(r?.report.resourcesAnalyzed).toBe(1501);
    // 15 GPU instances in cn-north-1: jurisdiction and account (aws-cn partition) policies.
    expect(r?.report.counts.mandatory).toBe(30);
  }, 180_000);
});
