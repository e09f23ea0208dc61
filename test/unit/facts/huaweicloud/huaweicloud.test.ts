// Huawei Cloud facts: ECS GPU and Ascend flavors, per-resource `region`, and region codes that
// mean something else than in AWS (ap-southeast-1 is Hong Kong here).
import {
  chipsOf,
  context,
  defaultProvider,
  explicitProvider,
  factsOf,
  placementOf,
  resource,
  where,
  withProps,
  withProvider,
} from "../../../support/facts/packages";

const vm = resource(
  "huaweicloud:Ecs/instance:Instance",
  { flavorId: "p2s.2xlarge.8" },
  { provider: defaultProvider("huaweicloud", { region: "af-south-1" }) },
);

describe("Huawei Cloud flavors", () => {
  it("reads the V100 of p2s and the Ascend 910 of kat1", () => {
    expect(chipsOf(vm)).toEqual(["NVIDIA V100"]);
    expect(chipsOf(withProps(vm, { flavorId: "kat1.8xlarge.8" }))).toEqual(["Huawei Ascend 910"]);
  });

  it("finds no accelerator in a CPU flavor", () => {
    expect(chipsOf(withProps(vm, { flavorId: "s6.large.2" }))).toEqual([]);
  });

  it("reads CCE node pools and AS configurations", () => {
    const pool = resource("huaweicloud:Cce/nodePool:NodePool", { flavorId: "pi2.2xlarge.4" });
    expect(chipsOf(pool)).toEqual(["NVIDIA T4"]);
    const asc = resource("huaweicloud:As/configuration:Configuration", {
      instanceConfig: { flavor: "g6.xlarge.4" },
    });
    expect(chipsOf(asc)).toEqual(["NVIDIA T4"]);
  });

  it("treats ModelArts resources as an AI service", () => {
    const r = resource("huaweicloud:ModelArts/dataset:Dataset", {});
    expect(factsOf(r).aiService?.entry.service).toBe("Huawei Cloud ModelArts");
  });
});

describe("Huawei Cloud placement", () => {
  it("reads the provider's region", () => {
    expect(where(placementOf(vm))).toBe("huaweicloud:af-south-1 ZA");
  });

  it("places ap-southeast-1 in Hong Kong, not Singapore", () => {
    expect(where(placementOf(withProps(vm, { region: "ap-southeast-1" })))).toBe(
      "huaweicloud:ap-southeast-1 HK",
    );
  });

  it("maps a zone such as cn-north-4a to its region", () => {
    expect(where(placementOf(withProps(vm, { availabilityZone: "cn-north-4a" })))).toBe(
      "huaweicloud:cn-north-4 CN",
    );
  });

  it("reads HW_REGION_NAME and is unresolved without any region", () => {
    const r = withProvider(vm, explicitProvider("huaweicloud", "p"));
    expect(where(placementOf(r, context({}, { HW_REGION_NAME: "ru-moscow-1" })))).toBe(
      "huaweicloud:ru-moscow-1 RU",
    );
    expect(placementOf(r).status).toBe("unresolved");
  });
});
