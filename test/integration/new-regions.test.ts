// Regions added to the data tables, through the real pack process (one start): a GPU in a newly
// listed region of a country outside the default restricted set passes (before, the region was
// unknown and fail-closed denied it), and a GPU in a retired Chinese region is still denied.
import type { EngineResource, PropertyMap } from "../../cli/runner";
import { ResourceFactory } from "../support/engine";
import { GPU_POLICY, usePack } from "./harness";

const pack = usePack();
const f = new ResourceFactory();

function defaultProvider(pkg: string, inputs: PropertyMap): EngineResource {
  return {
    urn: f.urn(`pulumi:providers:${pkg}`, "default_1_0_0", null),
    type: `pulumi:providers:${pkg}`,
    name: "default_1_0_0",
    custom: true,
    inputs,
  };
}

/** The enforcement levels of the GPU policy's findings for one resource. */
async function gpuLevels(
  pkg: string,
  token: string,
  inputs: PropertyMap,
  providerInputs: PropertyMap = {},
): Promise<string[]> {
  const provider = defaultProvider(pkg, providerInputs);
  const r = f.resource(token, "r", { provider, inputs });
  const { findings } = await pack.get().analyze(r, { provider });
  return findings.filter((x) => x.policyName === GPU_POLICY).map((x) => x.enforcementLevel);
}

const awsGpu = (region: string): Promise<string[]> =>
  gpuLevels(
    "aws",
    "aws:ec2/instance:Instance",
    { instanceType: "p5.48xlarge", ami: "ami-0a1b2c3d4e5f60718" },
    { region },
  );

const azureGpu = (location: string): Promise<string[]> =>
  gpuLevels("azure-native", "azure-native:compute:VirtualMachine", {
    resourceGroupName: "rg-gpu",
    vmName: "train-0",
    location,
    hardwareProfile: { vmSize: "Standard_ND96asr_v4" },
  });

const alicloudGpu = (region: string): Promise<string[]> =>
  gpuLevels(
    "alicloud",
    "alicloud:ecs/instance:Instance",
    { instanceType: "ecs.gn7i-c8g1.2xlarge" },
    { region },
  );

describe("GPUs in newly listed regions of unrestricted countries pass", () => {
  test.each(["me-west-1", "sa-west-1"])("AWS %s", async (region) => {
    expect(await awsGpu(region)).toEqual([]);
  });

  test.each([
    "denmarkeast",
    "taiwannorth",
    "taiwannorthwest",
    "israelnorthwest",
    "malaysiasouth",
    "singaporecentral",
    "indiasouthcentral",
    "saudiarabiaeast",
    "southeastus3",
    "usgovwyoming",
    "bleufrancecentral",
    "deloscloudgermanycentral",
  ])("Azure %s", async (location) => {
    expect(await azureGpu(location)).toEqual([]);
  });

  test("GCP us-central2 (TPU v4)", async () => {
    const levels = await gpuLevels("gcp", "gcp:tpu/v2Vm:V2Vm", {
      acceleratorType: "v4-8",
      runtimeVersion: "tpu-ubuntu2204-base",
      zone: "us-central2-b",
    });
    expect(levels).toEqual([]);
  });

  test("Alibaba na-south-1", async () => {
    expect(await alicloudGpu("na-south-1")).toEqual([]);
  });
});

describe("regions that stay restricted", () => {
  test.each(["cn-nanjing", "cn-fuzhou"])(
    "a GPU in retired Alibaba %s is still in China and denied",
    async (region) => {
      expect(await alicloudGpu(region)).toEqual(["mandatory"]);
    },
  );

  test("Azure chinanorth10 is in China", async () => {
    expect(await azureGpu("chinanorth10")).toEqual(["mandatory"]);
  });

  test("an AWS region no table knows is still denied (fail closed)", async () => {
    expect(await awsGpu("me-north-9")).toEqual(["mandatory"]);
  });
});
