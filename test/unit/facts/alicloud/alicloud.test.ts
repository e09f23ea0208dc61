// Alibaba Cloud facts: ECS GPU families (including bare-metal and vGPU variants) and regions,
// qualified by the cloud so AWS region names in config never match them by accident.
import {
  chipsOf,
  context,
  defaultProvider,
  explicitProvider,
  factsOf,
  pathsOf,
  placementOf,
  resource,
  where,
  withProps,
  withProvider,
} from "../../../support/facts/packages";

const INSTANCE = "alicloud:ecs/instance:Instance";
const vm = resource(
  INSTANCE,
  { instanceType: "ecs.gn7i-c8g1.2xlarge" },
  { provider: defaultProvider("alicloud", { region: "us-west-1" }) },
);

describe("Alibaba Cloud instance types", () => {
  it("reads the A10 of gn7i", () => {
    expect(chipsOf(vm)).toEqual(["NVIDIA A10"]);
  });

  it("reads bare-metal (ebm) variants as their family", () => {
    expect(chipsOf(withProps(vm, { instanceType: "ecs.ebmgn7e.32xlarge" }))).toEqual([
      "NVIDIA A100 (40/80 GB)",
    ]);
  });

  it("reports a GPU family it does not list as uncatalogued", () => {
    const use = factsOf(withProps(vm, { instanceType: "ecs.gn9x.8xlarge" })).compute
      ?.accelerators[0];
    expect(use?.info.catalogued).toBe(false);
  });

  it("finds no accelerator in a CPU family", () => {
    expect(chipsOf(withProps(vm, { instanceType: "ecs.g7.large" }))).toEqual([]);
  });

  it("reads node pool and scaling configuration type lists", () => {
    const pool = resource("alicloud:cs/nodePool:NodePool", {
      instanceTypes: ["ecs.g7.large", "ecs.gn6i-c4g1.xlarge"],
    });
    expect(pathsOf(pool)).toEqual(["instanceTypes[1]"]);
  });

  it("reads ECI containers that ask for GPUs", () => {
    const group = resource("alicloud:eci/containerGroup:ContainerGroup", {
      containers: [
        { name: "a", gpu: 0 },
        { name: "b", gpu: 1 },
      ],
    });
    expect(pathsOf(group)).toEqual(["containers[1].gpu"]);
  });

  it("treats PAI resources as an AI service", () => {
    expect(factsOf(resource("alicloud:pai/service:Service", {})).aiService?.entry.service).toBe(
      "Alibaba Cloud Platform for AI (PAI)",
    );
  });
});

describe("Alibaba Cloud placement", () => {
  it("qualifies the region by the cloud", () => {
    expect(where(placementOf(vm))).toBe("alicloud:us-west-1 US");
  });

  it("places cn-hongkong in HK and other cn-* regions in CN", () => {
    const hk = withProvider(vm, defaultProvider("alicloud", { region: "cn-hongkong" }));
    expect(where(placementOf(hk))).toBe("alicloud:cn-hongkong HK");
    const future = withProvider(vm, defaultProvider("alicloud", { region: "cn-newcity" }));
    expect(where(placementOf(future))).toBe("alicloud:cn-newcity CN");
  });

  it("reads the zone of the resource first", () => {
    expect(where(placementOf(withProps(vm, { availabilityZone: "cn-shanghai-b" })))).toBe(
      "alicloud:cn-shanghai CN",
    );
  });

  it("reads stack config alicloud:region for the default provider", () => {
    const r = withProvider(vm, defaultProvider("alicloud"));
    expect(where(placementOf(r, context({ "alicloud:region": "cn-hangzhou" })))).toBe(
      "alicloud:cn-hangzhou CN",
    );
  });

  it("uses the provider's default region cn-beijing when nothing names one", () => {
    const r = withProvider(vm, explicitProvider("alicloud", "p"));
    const p = placementOf(r);
    expect(where(p)).toBe("alicloud:cn-beijing CN");
    expect(p.status === "resolved" && p.origin.detail).toContain("default region");
  });
});
