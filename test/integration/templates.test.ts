// CloudFormation templates through the real pack process: every kind that carries a template is
// denied by gpu-in-restricted-jurisdiction when a GPU instance it declares lands in a restricted
// region (a stack through its provider, a StackSet through its instances, at AnalyzeStack) and
// allowed in us-east-1; the message names the template's logical ID. A CPU-only template passes;
// an unresolvable instance type, a template URL and a malformed body fail closed in China.
// A secret template parameter is unwrapped by the SDK and judged (test/integration/secret-inputs).
import type { EngineResource, Finding, PropertyMap } from "../../cli/runner";
import { secret } from "../../cli/runner";
import { PACKAGES } from "../../policypack/src/facts";
import {
  CFN_CPU_TEMPLATE,
  CFN_GPU_TEMPLATE,
  CFN_PARAM_TEMPLATE,
  CFN_TEMPLATE_KINDS,
} from "../fixtures/resource-kinds";
import type { TemplateKindCase } from "../fixtures/resource-kinds";
import { ResourceFactory } from "../support/engine";
import { GPU_POLICY, usePack } from "./harness";

const pack = usePack();
const f = new ResourceFactory("dev", "templates");

const STACK = "aws:cloudformation/stack:Stack";

function providerFor(type: string, region: string): EngineResource {
  return f.defaultProvider(type.split(":")[0] ?? "aws", { region });
}

/** The kind's resource and what places it, in the engine's order, with the provider in `region`. */
function program(
  k: TemplateKindCase,
  region: string,
): { resources: EngineResource[]; subject: EngineResource } {
  // A stack lands in its provider's region; a StackSet is managed from us-east-1.
  const provider = providerFor(
    k.type,
    k.placedBy || k.type.endsWith("StackSet") ? "us-east-1" : region,
  );
  const subject = f.resource(k.type, "templated", { provider, inputs: k.props(region) });
  const placers = (k.placedBy?.(region) ?? []).map((p, i) =>
    f.resource(p.type, `placer-${i}`, {
      provider: providerFor(p.type, "us-east-1"),
      inputs: p.props,
      dependsOn: [subject],
      propertyDependencies: { stackSetName: [subject] },
    }),
  );
  const providers = [
    ...new Map(
      [provider, ...placers.map(() => providerFor(STACK, "us-east-1"))].map((p) => [p.urn, p]),
    ).values(),
  ];
  return { resources: [f.rootStack(), ...providers, subject, ...placers], subject };
}

async function gpuFindings(
  resources: EngineResource[],
  subject: EngineResource,
): Promise<Finding[]> {
  const report = await pack.get().evaluate(resources);
  return report.findings.filter((x) => x.urn === subject.urn && x.policyName === GPU_POLICY);
}

describe.each(CFN_TEMPLATE_KINDS.map((k) => [`${k.title} (${k.type})`, k] as const))(
  "%s",
  (_label, k) => {
    test.each(["cn-north-1", "ap-east-1"])("is denied when deployed to %s", async (region) => {
      const { resources, subject } = program(k, region);
      const found = await gpuFindings(resources, subject);
      expect(found.map((x) => x.enforcementLevel)).toEqual(["mandatory"]);
      expect(found[0]?.message).toContain(region);
      expect(found[0]?.message).toMatch(
        /of AWS::[A-Za-z0-9:]+ "(Trainer|Nodes)" in `templateBody`/,
      );
    });

    test("is allowed in us-east-1", async () => {
      const { resources, subject } = program(k, "us-east-1");
      expect(await gpuFindings(resources, subject)).toEqual([]);
    });
  },
);

describe("template outcomes through Analyze", () => {
  const beijing = f.awsProvider("cn-north-1");
  const stack = (inputs: PropertyMap) => f.resource(STACK, "stack", { provider: beijing, inputs });
  const analyze = async (inputs: PropertyMap) => {
    const { findings } = await pack.get().analyze(stack(inputs), { provider: beijing });
    return findings.filter((x) => x.policyName === GPU_POLICY);
  };

  test("a CPU-only template in Beijing passes", async () => {
    expect(await analyze({ templateBody: CFN_CPU_TEMPLATE })).toEqual([]);
  });

  test("the GPU template names the logical ID and the resolved type", async () => {
    const [found] = await analyze({ templateBody: CFN_GPU_TEMPLATE });
    expect(found?.message).toContain(
      'p5.48xlarge [NVIDIA H100 (SXM, PCIe, NVL), export-controlled, ECCN 3A090] at `Properties.InstanceType` of AWS::EC2::Instance "Trainer" in `templateBody`',
    );
  });

  test("a parameter the stack does not give, with no default, fails closed and says so", async () => {
    const found = await analyze({ templateBody: CFN_PARAM_TEMPLATE });
    expect(found.map((x) => x.enforcementLevel)).toEqual(["mandatory"]);
    expect(found[0]?.message).toContain("template parameter `InstanceType` has no value");
    expect(
      await analyze({ templateBody: CFN_PARAM_TEMPLATE, parameters: { InstanceType: "m5.large" } }),
    ).toEqual([]);
  });

  test("a template URL and a malformed body fail closed, naming the problem and position", async () => {
    const url = await analyze({ templateUrl: "https://templates.s3.amazonaws.com/gpu.yaml" });
    expect(url.map((x) => x.enforcementLevel)).toEqual(["mandatory"]);
    expect(url[0]?.message).toContain("does not fetch");
    const bad = await analyze({ templateBody: "Resources:\n  Trainer: {Type: [\n" });
    expect(bad.map((x) => x.enforcementLevel)).toEqual(["mandatory"]);
    expect(bad[0]?.message).toMatch(/the template cannot be read: YAML: .+ at line 3, column 1/);
  });

  test("a secret template parameter is still judged", async () => {
    const found = await analyze({
      templateBody: CFN_PARAM_TEMPLATE,
      parameters: { InstanceType: secret("g5.xlarge") },
    });
    expect(found.map((x) => x.enforcementLevel)).toEqual(["mandatory"]);
  });
});

describe("the template cases cover the pack's tables", () => {
  test("every kind that carries a template has a case", () => {
    const kinds = [...PACKAGES.values()].flatMap((m) => [...(m.templates?.keys() ?? [])]).sort();
    expect(CFN_TEMPLATE_KINDS.map((k) => k.type).sort()).toEqual(kinds);
  });
});
