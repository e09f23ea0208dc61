// A secret stack config value decides but is never printed: the runner words it "[secret]" in
// messages, as the real engine does (cli/runner/secret-filter.ts; against the real engine in
// test/engine/secret-config.test.ts).
import { evaluate, secret } from "../../cli/runner";
import { ResourceFactory, TYPES } from "../support/engine";
import { GPU_POLICY, packOptions } from "./harness";

const REGION = "cn-northwest-1";

function program(region: ReturnType<typeof secret> | string) {
  const f = new ResourceFactory("dev", "secret-config");
  const provider = f.defaultProvider("aws", { region });
  const trainer = f.resource(TYPES.awsInstance, "trainer", {
    provider,
    inputs: { instanceType: "p4d.24xlarge", ami: "ami-0123456789abcdef0" },
  });
  return [f.rootStack(), provider, trainer];
}

test("a secret aws:region denies the GPU in China and prints as [secret]", async () => {
  const report = await evaluate(
    program(secret(REGION)),
    packOptions({
      stack: "dev",
      project: "secret-config",
      stackConfig: { "aws:region": REGION },
      configSecretKeys: ["aws:region"],
    }),
  );
  const gpu = report.findings.find((f) => f.policyName === GPU_POLICY);
  expect(gpu?.enforcementLevel).toBe("mandatory");
  expect(gpu?.message).toContain("Where: [secret] (China (Ningxia)");
  for (const f of report.findings) expect(f.message).not.toContain(REGION);
});

test("the same region, not secret, is printed", async () => {
  const report = await evaluate(
    program(REGION),
    packOptions({ stack: "dev", project: "secret-config", stackConfig: { "aws:region": REGION } }),
  );
  expect(report.findings.find((f) => f.policyName === GPU_POLICY)?.message).toContain(
    `Where: ${REGION} (China (Ningxia)`,
  );
});
