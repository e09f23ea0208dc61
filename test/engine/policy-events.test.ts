// The real Pulumi engine (`pulumi preview --policy-pack`) with our pack: the policy events it
// streams and whether the preview fails. `npm run test:engine`; see harness.ts for the offline
// setup. Without a CLI (no PULUMI_CLI, no pulumi v3.270+ on PATH, and no `go` to build one) this
// fails with the reason: nothing is skipped.
import type { EngineSetup } from "./harness";
import { packExecutable, previewWithPacks, setUpEngine } from "./harness";
import { gpuInChina } from "./scenarios";

let setup: EngineSetup | undefined;

beforeAll(async () => {
  setup = await setUpEngine({
    providers: ["aws"],
    progress: (l) => process.stderr.write(`[engine] ${l}\n`),
  });
});

afterAll(() => setup?.cleanup());

function engine(): EngineSetup {
  if (setup === undefined) throw new Error("the engine setup failed (see beforeAll)");
  return setup;
}

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
});
