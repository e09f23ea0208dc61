// The scan encodes each resource into the AnalyzeStack request as it completes (runner/
// stack-request.ts) instead of keeping the resources for one request at the end. Its verdicts must
// be those of the runner's own sequence over the same resources (PolicyPackSession.evaluate, the
// path of `npm run demo`), stack-level findings included.
import * as fs from "fs";
import * as path from "path";
import { generateWorkload, toStackExport } from "../../../bench/workload";
import { startPack } from "../../../cli/runner";
import type { EngineResource, Finding } from "../../../cli/runner";
import { runScan } from "../../../cli/scan/run";
import { ResourceFactory, TYPES } from "../../support/engine";
import { HERMETIC_ENV, PACK_DIR, tmpDir } from "./helpers";

const f = new ResourceFactory("ci", "fleet");

/**
 * A generated stack, then an AKS cluster in East Asia with a GPU pool that has no location of its
 * own: only AnalyzeStack can place the pool (through the cluster it names).
 */
function stack(): { resources: EngineResource[]; config: Record<string, string> } {
  const w = generateWorkload({ count: 600, seed: 3, stack: f.stack, project: f.project });
  const provider: EngineResource = {
    urn: f.urn("pulumi:providers:azure-native", "hk"),
    type: "pulumi:providers:azure-native",
    custom: true,
    inputs: { location: "eastasia" },
  };
  const { group, cluster, pool } = f.aksGpuPoolInEastAsia(provider);
  return {
    resources: [...w.resources, provider, group, cluster, pool],
    config: w.stackConfig,
  };
}

/** `pulumi stack export` of the resources (property dependencies too). */
function writeExport(resources: readonly EngineResource[], file: string): void {
  const doc = toStackExport({
    resources: [...resources],
    categories: [],
    stack: f.stack,
    project: f.project,
    stackConfig: {},
  }) as { deployment: { resources: Record<string, unknown>[] } };
  const byUrn = new Map(resources.map((r) => [r.urn, r]));
  for (const out of doc.deployment.resources) {
    const deps = byUrn.get(out["urn"] as string)?.propertyDependencies;
    if (deps !== undefined) out["propertyDependencies"] = deps;
  }
  fs.writeFileSync(file, JSON.stringify(doc));
}

const verdict = (x: Finding) => [
  x.phase,
  x.urn,
  x.policyName,
  x.enforcementLevel,
  x.resourceType,
  x.resourceName,
  x.message,
];

describe("AnalyzeStack assembled resource by resource", () => {
  it("gives the scan the verdicts of the runner's own sequence, stack findings included", async () => {
    const { resources, config } = stack();
    const file = path.join(tmpDir(), "stack-request.json");
    writeExport(resources, file);

    const run = await runScan([file], {
      packDir: PACK_DIR,
      failOn: "mandatory",
      env: HERMETIC_ENV,
      config,
    });
    const scanned = run.files[0];
    expect(scanned?.report.resourcesAnalyzed).toBe(resources.length);

    const session = await startPack({
      packDir: PACK_DIR,
      stack: f.stack,
      project: f.project,
      organization: "organization",
      stackConfig: config,
      env: HERMETIC_ENV,
    });
    let report;
    try {
      report = await session.evaluate(resources);
    } finally {
      await session.close();
    }

    expect(scanned?.findings.map(verdict)).toEqual(report.findings.map(verdict));
    const pool = f.urn(TYPES.azureAgentPool, "a100");
    const fromStack = scanned?.findings.filter((x) => x.phase === "analyzeStack") ?? [];
    expect(fromStack.map((x) => [x.urn, x.resourceType, x.resourceName, x.line])).toContainEqual([
      pool,
      TYPES.azureAgentPool,
      "a100",
      // The export is written on one line.
      1,
    ]);
    expect(scanned?.findings.some((x) => x.phase === "analyze")).toBe(true);
  }, 120_000);
});
