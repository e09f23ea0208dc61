// A value computed during preview reaches the pack as unknown through the REAL engine: an explicit
// aws provider whose `region` is an output of a new resource (a VPC; the stub provider leaves a
// new resource's id unknown in preview, and `apply` on an unknown output is unknown), and a
// p4d.24xlarge through that provider. The pack cannot place the GPU, so it gives advisory notes
// ("computed during preview", checked again at `pulumi up`) and the preview passes; the runner,
// given the same resources with the region UNKNOWN, reports the same events.
import { evaluate, UNKNOWN } from "../../cli/runner";
import type { EngineResource } from "../../cli/runner";
import { ResourceFactory, TYPES } from "../support/engine";
import { packOptions } from "../integration/harness";
import { engineRows, runnerRows, useHermeticEnv } from "./examples";
import { packExecutable, previewWithPacks, useEngine } from "./harness";
import { gpuInComputedRegion } from "./scenarios";

useHermeticEnv();

const engine = useEngine(["aws"]);

/** What the engine registers for gpuInComputedRegion (its resourcePreEvents), for the runner. */
function runnerResources(): EngineResource[] {
  const f = new ResourceFactory("dev", "engine-smoke");
  const defaultProvider = f.defaultProvider("aws", {});
  const net = f.resource(TYPES.awsVpc, "net", {
    provider: defaultProvider,
    inputs: { cidrBlock: "10.0.0.0/16" },
  });
  // @pulumi/aws's Provider adds these two defaults (the engine's event shows them).
  const computed = f.explicitProvider("aws", "computed", {
    region: UNKNOWN,
    skipCredentialsValidation: "false",
    skipRegionValidation: "true",
  });
  const trainer = f.resource(TYPES.awsInstance, "trainer", {
    provider: computed,
    inputs: { instanceType: "p4d.24xlarge", ami: "ami-0123456789abcdef0" },
  });
  return [f.rootStack(), defaultProvider, net, computed, trainer];
}

test("a p4d.24xlarge through a provider whose region is computed: advisory 'computed during preview' notes, the preview passes, and the runner reports the same", async () => {
  const o = await previewWithPacks(engine(), {
    program: gpuInComputedRegion,
    policyPacks: [packExecutable(engine())],
  });
  expect(o.error).toBeUndefined();
  expect(o.ok).toBe(true);

  // The engine shows the provider's region as the unknown sentinel in its resource event.
  const providerEvent = o.events.find(
    (e) =>
      e.resourcePreEvent?.metadata.urn ===
      "urn:pulumi:dev::engine-smoke::pulumi:providers:aws::computed",
  );
  expect(providerEvent?.resourcePreEvent?.metadata.new?.inputs["region"]).toBe(UNKNOWN);

  const rows = engineRows(o.policyEvents);
  const gpu = rows.find((r) => r.policyName === "gpu-in-restricted-jurisdiction");
  expect(gpu).toMatchObject({
    enforcementLevel: "advisory",
    urn: "urn:pulumi:dev::engine-smoke::aws:ec2/instance:Instance::trainer",
  });
  expect(gpu?.message).toContain(
    "Where: not known during preview: provider `computed` input `region` is computed.",
  );
  expect(gpu?.message).toContain(
    "Note: the decision depends on a value computed during preview; it is checked again at `pulumi up`, where a restricted placement is denied.",
  );
  // Each note arrives behind @pulumi/policy's "can't run policy ... during preview: " prefix, and
  // gpu-or-ai-in-restricted-account notes the region too (it derives the account's partition).
  expect(gpu?.message).toMatch(
    /^can't run policy 'gpu-in-restricted-jurisdiction' from policy pack 'jurisdiction-guard@v0\.1\.0' during preview: aws:ec2\/instance:Instance "trainer" selects accelerator hardware p4d\.24xlarge/,
  );
  expect(rows.map((r) => [r.policyName, r.enforcementLevel, r.severity])).toEqual([
    ["gpu-in-restricted-jurisdiction", "advisory", "critical"],
    ["gpu-or-ai-in-restricted-account", "advisory", "critical"],
  ]);
  expect(rows[1]?.message).toContain(
    "Note: the account identifiers at `provider.region` are computed during preview; they are checked again at `pulumi up`.",
  );

  const report = await evaluate(
    runnerResources(),
    packOptions({ stack: "dev", project: "engine-smoke" }),
  );
  expect(rows).toEqual(runnerRows({ report }));
});
