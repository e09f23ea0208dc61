// Tencent Cloud facts: CVM GPU families and regions (ap-guangzhou is mainland China, ap-hongkong
// Hong Kong), with the provider's default region ap-guangzhou.
import {
  chipsOf,
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

const vm = resource(
  "tencentcloud:Instance/instance:Instance",
  { instanceType: "GN7.2XLARGE32" },
  { provider: defaultProvider("tencentcloud", { region: "na-siliconvalley" }) },
);

describe("Tencent Cloud instance types", () => {
  it("reads the T4 of GN7 and the A100 of GT4", () => {
    expect(chipsOf(vm)).toEqual(["NVIDIA T4"]);
    expect(chipsOf(withProps(vm, { instanceType: "GT4.41XLARGE948" }))).toEqual([
      "NVIDIA A100 (40/80 GB)",
    ]);
  });

  it("finds no accelerator in a CPU family", () => {
    expect(chipsOf(withProps(vm, { instanceType: "S5.LARGE8" }))).toEqual([]);
  });

  it("reports a GPU family it does not list as uncatalogued", () => {
    const use = factsOf(withProps(vm, { instanceType: "GN11.8XLARGE" })).compute?.accelerators[0];
    expect(use?.info.catalogued).toBe(false);
  });

  it("reads node pool instance types", () => {
    const pool = resource("tencentcloud:Kubernetes/nodePool:NodePool", {
      autoScalingConfig: { instanceType: "PNV4.7XLARGE116" },
    });
    expect(pathsOf(pool)).toEqual(["autoScalingConfig.instanceType"]);
  });
});

describe("Tencent Cloud placement", () => {
  it("reads the provider's region", () => {
    expect(where(placementOf(vm))).toBe("tencentcloud:na-siliconvalley US");
  });

  it("places ap-hongkong in HK", () => {
    const hk = withProvider(vm, defaultProvider("tencentcloud", { region: "ap-hongkong" }));
    expect(where(placementOf(hk))).toBe("tencentcloud:ap-hongkong HK");
  });

  it("maps a zone to its region", () => {
    expect(where(placementOf(withProps(vm, { availabilityZone: "ap-guangzhou-3" })))).toBe(
      "tencentcloud:ap-guangzhou CN",
    );
  });

  it("uses the provider's default region ap-guangzhou when nothing names one", () => {
    const r = withProvider(vm, explicitProvider("tencentcloud", "p"));
    expect(where(placementOf(r))).toBe("tencentcloud:ap-guangzhou CN");
  });
});
