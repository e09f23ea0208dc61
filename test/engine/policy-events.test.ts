// The real Pulumi engine (`pulumi preview --policy-pack`) with our pack: the policy events it
// streams and whether the preview fails. `npm run test:engine`; see harness.ts for the offline
// setup. Without a CLI (no PULUMI_CLI, no pulumi v3.270+ on PATH, and no `go` to build one) this
// fails with the reason: nothing is skipped.
import * as fs from "fs";
import * as path from "path";
import type { PreviewOutcome } from "./harness";
import { packExecutable, previewWithPacks, useEngine } from "./harness";
import { gpuInChina } from "./scenarios";

const engine = useEngine(["aws"]);

test("a p4d.24xlarge through a cn-north-1 provider fails the preview with a mandatory gpu-in-restricted-jurisdiction event", async () => {
  const o = await previewWithPacks(engine(), {
    program: gpuInChina,
    policyPacks: [packExecutable(engine())],
  });
  const summary = o.policyEvents.map((p) => ({
    policyName: p.policyName,
    policyPackName: p.policyPackName,
    enforcementLevel: p.enforcementLevel,
    resourceUrn: p.resourceUrn,
  }));
  expect(summary).toContainEqual({
    policyName: "gpu-in-restricted-jurisdiction",
    policyPackName: "jurisdiction-guard",
    enforcementLevel: "mandatory",
    resourceUrn: "urn:pulumi:dev::engine-smoke::aws:ec2/instance:Instance::trainer",
  });
  expect(o.ok).toBe(false);
  // v3.276 exits 1 on a mandatory violation (cmdutil.ExitPolicyViolation = 5 exists, unused here).
  expect(o.error).toMatch(/Command failed with exit code 1:/);
});

async function previewWithConfig(stackName: string, config: unknown): Promise<PreviewOutcome> {
  const file = path.join(engine().dir, `${stackName}.policy-config.json`);
  fs.writeFileSync(file, JSON.stringify(config));
  return previewWithPacks(engine(), {
    program: gpuInChina,
    stackName,
    policyPacks: [packExecutable(engine())],
    policyPackConfigs: [file],
  });
}

test("--policy-pack-config: an allowed region and an advisory level let the preview pass with one advisory event", async () => {
  const o = await previewWithConfig("allowed", {
    "gpu-in-restricted-jurisdiction": { allowedRegions: ["cn-north-1"] },
    "gpu-or-ai-in-restricted-account": "advisory",
  });
  expect(o.policyEvents.map((p) => [p.policyName, p.enforcementLevel])).toEqual([
    ["gpu-or-ai-in-restricted-account", "advisory"],
  ]);
  expect(o.ok).toBe(true);
});

test("--policy-pack-config: the engine passes a misspelt setting on (it validates only properties and required); the pack rejects it", async () => {
  const o = await previewWithConfig("misspelt", {
    "gpu-in-restricted-jurisdiction": { allowedRegion: ["cn-north-1"] },
  });
  const event = o.policyEvents.find((p) => p.policyName === "gpu-in-restricted-jurisdiction");
  expect(event?.enforcementLevel).toBe("mandatory");
  expect(event?.message).toContain("allowedRegion: is not a setting of this policy");
  expect(event?.message).toContain('did you mean "allowedRegions"?');
  expect(o.ok).toBe(false);
});
