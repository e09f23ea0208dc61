// examples/org-pack (ACME's pack: the library with settings baked in, built to
// examples/org-pack/bin/ by ensurePackBuilt, named acme-jurisdiction-guard in its
// PulumiPolicy.yaml) as the policy pack of the REAL engine. The harness's pack shim starts any
// pack folder: it copies that folder's PulumiPolicy.yaml and runs run-policy-pack (resolved from
// the folder, here the workspace's @pulumi/pulumi) with the folder as working directory, where
// run-policy-pack loads package.json's main, bin/index.js.
import * as path from "path";
import { EXAMPLES_DIR } from "../integration/harness";
import { useHermeticEnv } from "./examples";
import type { PreviewOutcome } from "./harness";
import { packExecutable, previewWithPacks, useEngine } from "./harness";
import { gpuInSingapore } from "./scenarios";

const ORG_PACK_DIR = path.join(EXAMPLES_DIR, "org-pack");
const TRAINER = "urn:pulumi:org::engine-smoke::aws:ec2/instance:Instance::trainer";

useHermeticEnv();

const engine = useEngine(["aws"]);

function gpuEvents(o: PreviewOutcome): Record<string, string | undefined>[] {
  return o.policyEvents
    .filter((p) => p.policyName === "gpu-in-restricted-jurisdiction")
    .map((p) => ({
      policyPackName: p.policyPackName,
      policyPackVersion: p.policyPackVersion,
      enforcementLevel: p.enforcementLevel,
      resourceUrn: p.resourceUrn,
    }));
}

test("the org pack fails a p5.48xlarge in ap-southeast-1 (Singapore, restricted by ACME's baked settings) with a mandatory gpu-in-restricted-jurisdiction event; the stock pack passes it", async () => {
  const org = await previewWithPacks(engine(), {
    stackName: "org",
    program: gpuInSingapore,
    policyPacks: [packExecutable(engine(), ORG_PACK_DIR)],
  });
  expect(gpuEvents(org)).toEqual([
    {
      policyPackName: "acme-jurisdiction-guard",
      policyPackVersion: "1.0.0",
      enforcementLevel: "mandatory",
      resourceUrn: TRAINER,
    },
  ]);
  const message = org.policyEvents.find(
    (p) => p.policyName === "gpu-in-restricted-jurisdiction",
  )?.message;
  expect(message).toContain("ap-southeast-1");
  expect(org.ok).toBe(false);
  // v3.276 exits 1 on a mandatory violation (see policy-events.test.ts).
  expect(org.error).toMatch(/Command failed with exit code 1:/);

  const stock = await previewWithPacks(engine(), {
    stackName: "stock",
    program: gpuInSingapore,
    policyPacks: [packExecutable(engine())],
  });
  expect(stock.error).toBeUndefined();
  expect(stock.ok).toBe(true);
  expect(gpuEvents(stock)).toEqual([]);
  expect(stock.policyEvents.filter((p) => p.enforcementLevel === "mandatory")).toEqual([]);
  // The stock pack ran: its name is on the preview's policy packs.
  expect(stock.result?.stdout ?? "").toContain("jurisdiction-guard");
});
