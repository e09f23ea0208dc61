// A secret stack config value reaches the pack through the REAL engine: `aws:region` set with
// `stack.setAllConfig({ "aws:region": { value, secret: true } })` (a ciphertext in
// Pulumi.dev.yaml), a p4d.24xlarge through the default provider. The engine decrypts it for the
// default provider's `region` input, which stays a secret; the pack decides on it (China, Ningxia:
// mandatory) and words the place as "[secret]", never the value. The runner, given the same
// resources with the region secret and the config key secret, reports the same events.
import * as fs from "fs";
import * as path from "path";
import { evaluate, secret } from "../../cli/runner";
import { ResourceFactory, TYPES } from "../support/engine";
import { packOptions } from "../integration/harness";
import { engineRows, runnerRows, useHermeticEnv } from "./examples";
import { packExecutable, previewWithPacks, useEngine } from "./harness";
import { gpuThroughDefaultProvider } from "./scenarios";

useHermeticEnv();

const engine = useEngine(["aws"]);

const REGION = "cn-northwest-1";

test("a secret aws:region: the pack denies the p4d.24xlarge in China without printing the region, as the runner does", async () => {
  let configFile = "";
  const o = await previewWithPacks(engine(), {
    stackName: "secret",
    program: gpuThroughDefaultProvider,
    policyPacks: [packExecutable(engine())],
    prepare: async (stack) => {
      await stack.setAllConfig({ "aws:region": { value: REGION, secret: true } });
      configFile = path.join(stack.workspace.workDir, "Pulumi.secret.yaml");
    },
  });
  // Stored encrypted: the stack file holds a ciphertext, not the region.
  const stored = fs.readFileSync(configFile, "utf8");
  expect(stored).toMatch(/aws:region:\s*\n\s*secure: v1:/);
  expect(stored).not.toContain(REGION);

  expect(o.ok).toBe(false);
  const rows = engineRows(o.policyEvents);
  expect(rows.map((r) => [r.policyName, r.enforcementLevel, r.urn])).toEqual([
    [
      "gpu-in-restricted-jurisdiction",
      "mandatory",
      "urn:pulumi:secret::engine-smoke::aws:ec2/instance:Instance::trainer",
    ],
    [
      "gpu-or-ai-in-restricted-account",
      "mandatory",
      "urn:pulumi:secret::engine-smoke::aws:ec2/instance:Instance::trainer",
    ],
  ]);
  expect(rows[0]?.message).toContain("Where: [secret] (China (Ningxia)");
  for (const r of rows) expect(r.message).not.toContain(REGION);
  // Nor anywhere else the engine printed (events, text output).
  expect(JSON.stringify(o.events)).not.toContain(REGION);

  const f = new ResourceFactory("secret", "engine-smoke");
  const provider = f.defaultProvider("aws", { region: secret(REGION) });
  const trainer = f.resource(TYPES.awsInstance, "trainer", {
    provider,
    inputs: { instanceType: "p4d.24xlarge", ami: "ami-0123456789abcdef0" },
  });
  const report = await evaluate(
    [f.rootStack(), provider, trainer],
    packOptions({
      stack: "secret",
      project: "engine-smoke",
      stackConfig: { "aws:region": REGION },
      configSecretKeys: ["aws:region"],
    }),
  );
  expect(rows).toEqual(runnerRows({ report }));
});
