// The differential test of the scan's two engines: in-process (the default: the pack's policies in
// worker threads of the scan, called through the pack's own handlers) and `--engine protocol` (a
// pack process over the Analyzer gRPC protocol, as `pulumi preview` runs it). Over every scan
// fixture, every example program's captured resources, a generated workload and two other packs
// (a probe pack with a remediation and a stack policy, and the benchmark's do-nothing pack), both
// must give the same reports in every format - findings, levels, messages, not-applicable answers,
// remediations - and the same exit code. Only timings may differ.
import * as fs from "fs";
import * as path from "path";
import { captureProgram } from "../../../cli/program";
import { exampleOptions, listExamples } from "../../../cli/program/evaluate";
import { readProject, readStackConfig, selectStack } from "../../../cli/program";
import { startPack } from "../../../cli/runner";
import type { Report } from "../../../cli/runner";
import { startInProcessPack } from "../../../cli/runner/in-process";
import { structJavaScript, toStruct } from "../../../cli/runner/marshal";
import type { PropertyMap } from "../../../cli/runner/types";
import { toScanJson } from "../../../cli/report/scan-json";
import { writeJunit } from "../../../cli/report/scan-junit";
import { toSarif } from "../../../cli/report/scan-sarif";
import { formatScanText } from "../../../cli/report/scan-text";
import { runScan } from "../../../cli/scan/run";
import type { EngineMode, ScanOptions } from "../../../cli/scan/scan";
import type { FailOn, ScanRun } from "../../../cli/scan/types";
import { writeLargeExport } from "../../fixtures/scan/make-large-export";
import { EXAMPLES_DIR } from "../harness";
import { FIXTURES, HERMETIC_ENV, PACK_DIR, REPO_ROOT, tmpDir, tmpFile } from "./helpers";

const PROBE_PACK = path.join(FIXTURES, "stack-pack");
const BASELINE_PACK = path.join(REPO_ROOT, "bench", "baseline-pack");

/** Every report format of a run, timings zeroed (the only thing allowed to differ). */
async function reports(run: ScanRun): Promise<Record<string, string>> {
  run.durationMs = 0;
  for (const f of run.files) {
    f.durationMs = 0;
    f.report.timings = { startupMs: 0, analyzeMs: 0, totalMs: 0 };
  }
  let junit = "";
  await writeJunit(run, (s) => {
    junit += s;
  });
  return {
    exitCode: String(run.exitCode),
    text: formatScanText(run, REPO_ROOT).join("\n"),
    json: JSON.stringify(toScanJson(run), null, 2),
    sarif: JSON.stringify(toSarif(run, REPO_ROOT), null, 2),
    junit,
    // What no format shows whole: remediations and every not-applicable answer.
    remediations: JSON.stringify(run.files.map((f) => f.report.remediations)),
    notApplicable: JSON.stringify(
      run.files.map((f) =>
        [...f.report.notApplicable].sort((a, b) =>
          `${a.urn} ${a.policyName}`.localeCompare(`${b.urn} ${b.policyName}`),
        ),
      ),
    ),
  };
}

type Case = Omit<ScanOptions, "engine"> & { failOn: FailOn; requirePolicies?: boolean };

async function bothEngines(files: string[], opts: Case) {
  const scan = (engine: EngineMode) =>
    runScan(files, { env: HERMETIC_ENV, keepResources: true, ...opts, engine });
  const protocol = await reports(await scan("protocol"));
  const inProcess = await reports(await scan("in-process"));
  return { protocol, inProcess };
}

const fixtureFiles = fs
  .readdirSync(FIXTURES)
  .filter((f) => /\.(json|jsonl)$/.test(f))
  .sort();

describe("in-process and --engine protocol give identical reports", () => {
  it("covers every scan fixture", () => {
    expect(fixtureFiles.length).toBeGreaterThanOrEqual(6);
  });

  it.each(fixtureFiles)(
    "scan fixture %s",
    async (name) => {
      const { protocol, inProcess } = await bothEngines([path.join(FIXTURES, name)], {
        packDir: PACK_DIR,
        failOn: "advisory",
      });
      expect(inProcess).toEqual(protocol);
    },
    120_000,
  );

  it("every fixture at once, with stack tags, --config and a policy config that changes levels", async () => {
    const policyConfig = tmpFile(
      "modes-policy-config.json",
      JSON.stringify({
        "gpu-in-restricted-jurisdiction": { enforcementLevel: "advisory" },
        "listed-foreign-provider-resource": "disabled",
      }),
    );
    const { protocol, inProcess } = await bothEngines(
      fixtureFiles.map((f) => path.join(FIXTURES, f)),
      {
        packDir: PACK_DIR,
        failOn: "mandatory",
        requirePolicies: true,
        policyConfigFile: policyConfig,
        stackTags: { environment: "production", owner: "ml" },
        config: { "aws:region": "cn-north-1" },
      },
    );
    expect(inProcess).toEqual(protocol);
    expect(inProcess["exitCode"]).toBe("1");
  }, 180_000);

  it("a generated workload of 1,000 resources, over three workers", async () => {
    const file = path.join(tmpDir(), "modes-large.json");
    writeLargeExport(1000, file);
    // More workers than the default on a small machine: batches spread over them, each sent the
    // providers its items name.
    const { protocol, inProcess } = await bothEngines([file], {
      packDir: PACK_DIR,
      failOn: "mandatory",
      workers: 3,
    });
    expect(inProcess).toEqual(protocol);
    expect(JSON.parse(inProcess["json"] ?? "{}")).toMatchObject({ exitCode: 1 });
  }, 180_000);

  describe("any pack", () => {
    it.each(fixtureFiles)(
      "the probe pack (remediation, stack policy, stack tags): %s",
      async (name) => {
        const { protocol, inProcess } = await bothEngines([path.join(FIXTURES, name)], {
          packDir: PROBE_PACK,
          failOn: "advisory",
          stackTags: { team: "platform" },
        });
        expect(inProcess).toEqual(protocol);
      },
      120_000,
    );

    it("the benchmark's do-nothing pack over the generated workload", async () => {
      const file = path.join(tmpDir(), "modes-baseline.json");
      writeLargeExport(500, file);
      const { protocol, inProcess } = await bothEngines([file], {
        packDir: BASELINE_PACK,
        failOn: "mandatory",
      });
      expect(inProcess).toEqual(protocol);
    }, 120_000);
  });

  describe.each(listExamples(EXAMPLES_DIR))("example %s (its captured resources)", (name) => {
    it("evaluates to the same report", async () => {
      const dir = path.join(EXAMPLES_DIR, name);
      const project = readProject(dir);
      const stack = selectStack(dir, undefined);
      const { config, secretKeys } = readStackConfig(dir, project, stack);
      const program = await captureProgram(dir, {
        stack,
        organization: "organization",
        env: HERMETIC_ENV,
      });
      const packOptions = {
        packDir: PACK_DIR,
        stack,
        project: project.name,
        organization: "organization",
        dryRun: true,
        stackConfig: config,
        configSecretKeys: secretKeys,
        env: HERMETIC_ENV,
        ...exampleOptions(dir),
      };
      const evaluate = async (session: {
        evaluate: (r: typeof program.resources) => Promise<Report>;
        close: () => Promise<void>;
      }) => {
        try {
          const report = await session.evaluate(program.resources);
          report.timings = { startupMs: 0, analyzeMs: 0, totalMs: 0 };
          return report;
        } finally {
          await session.close();
        }
      };
      const protocol = await evaluate(await startPack(packOptions));
      const inProcess = await evaluate(await startInProcessPack(packOptions));
      expect(program.resources.length).toBeGreaterThan(0);
      expect(inProcess).toEqual(protocol);
    }, 120_000);
  });
});

describe("the properties the pack reads in-process are what it reads back from a Struct", () => {
  const cases: Record<string, PropertyMap> = {
    "keys sorted at every depth": { b: 1, a: { z: [{ y: 1, x: null }], c: "s" }, "10": 1, "9": 2 },
    "internal keys dropped": { __defaults: ["a"], name: "n" },
    secrets: {
      password: {
        "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270",
        value: { b: 1, a: 2 },
      },
    },
    "unknowns and resource references": {
      id: "04da6b54-80e4-46f7-96ec-b56ff0331ba9",
      vpc: {
        "4dabf18193072939515e22adb298388d": "5cf8f73096256a8f31e491e813e4eb8e",
        urn: "urn:x",
        id: "vpc-1",
      },
    },
    "numbers, booleans, empty containers": { n: -0.5, t: true, e: [], o: {} },
  };
  it.each(Object.entries(cases))("%s", (_name, props) => {
    const opts = { skipInternalKeys: true };
    expect(JSON.stringify(structJavaScript(props, opts))).toBe(
      JSON.stringify(toStruct(props, opts).toJavaScript()),
    );
  });
});
