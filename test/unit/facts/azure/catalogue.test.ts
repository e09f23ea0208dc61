// The Azure extractors wired to the real accelerator catalogue (data/accelerators): the compliant
// starting points stay compliant, and the value shapes the extractors hand over (VM sizes,
// Container Apps profile names, Container Instances SKUs) are ones the catalogue reads.
import type { CompliantKind } from "../../../support/facts/azure";
import { COMPLIANT, compliant, extract } from "../../../support/facts/azure";

describe("with the real catalogue", () => {
  it.each(Object.keys(COMPLIANT) as CompliantKind[])(
    "the compliant %s has no accelerator",
    (kind) => {
      expect(extract(compliant(kind)).accelerators).toEqual([]);
    },
  );

  it.each([
    [
      "azure-native:compute:VirtualMachine",
      "hardwareProfile.vmSize",
      "Standard_ND96asr_v4",
      "A100",
    ],
    ["azure-native:batch:Pool", "vmSize", "standard_nc6s_v3", "V100"],
    ["azure-native:containerservice:AgentPool", "vmSize", "Standard_NC40ads_H100_v5", "H100"],
    [
      "azure-native:app:ManagedEnvironment",
      "workloadProfiles[1].workloadProfileType",
      "NC24-A100",
      "A100",
    ],
    [
      "azure-native:app:ManagedEnvironment",
      "workloadProfiles[1].workloadProfileType",
      "Consumption-GPU-NC8as-T4",
      "T4",
    ],
    [
      "azure-native:app:ManagedEnvironment",
      "workloadProfiles[1].workloadProfileType",
      "Consumption-GPU-NC24-A100",
      "A100",
    ],
    [
      "azure-native:app:ManagedEnvironment",
      "workloadProfiles[1].workloadProfileType",
      "NC96-A100",
      "A100",
    ],
    ["azure-native:compute:DedicatedHost", "sku.name", "NVASv4-Type1", "MI25"],
    ["azure-native:compute:DedicatedHost", "sku.name", "NVSv3-Type1", "M60"],
    ["azure-native:compute:DedicatedHost", "sku.name", "NCsv3-Type1", "V100"],
    ["azure-native:compute:DedicatedHost", "sku.name", "NDAMSv4_A100-Type1", "A100"],
    ["azure-native:compute:DedicatedHost", "sku.name", "Standard_NC6s_v3", "V100"],
  ] as const)("%s: %s = %s is a %s", (kind, path, value, chip) => {
    const facts = extract(compliant(kind, path, value));
    expect(facts.accelerators).toHaveLength(1);
    expect(facts.accelerators[0]?.info.chip.name).toContain(chip);
  });

  it("classifies a Container Instances GPU SKU", () => {
    const facts = extract(
      compliant(
        "azure-native:containerinstance:ContainerGroup",
        "containers[0].resources.requests.gpu",
        {
          count: 1,
          sku: "V100",
        },
      ),
    );
    expect(facts.accelerators[0]?.info).toMatchObject({
      catalogued: true,
      chip: { name: "NVIDIA V100" },
    });
  });
});
