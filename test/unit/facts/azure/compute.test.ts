// Where each azure-native kind selects VM sizes, GPU SKUs or accelerator attributes. The catalogue
// is replaced by a small fake (fake-catalogue.ts): these tests prove which values reach it and
// from which paths, not what the catalogue says about them.
import { AZURE_COMPUTE_EXTRACTORS } from "../../../../policypack/src/facts/azure";
import { asked, askedHosts, askedProfiles, resetAsked } from "./fake-catalogue";
import type { CompliantKind } from "./fixtures";
import { COMPLIANT, UNKNOWN, azureResource, compliant, extract, uses, withField } from "./fixtures";

jest.mock("../../../../policypack/src/catalogue/accelerators", () =>
  jest.requireActual("./fake-catalogue"),
);

const GPU = "Standard_ND96asr_v4";
const GPU2 = "Standard_NC24ads_A100_v4";

beforeEach(() => {
  resetAsked();
});

describe("compliant starting points", () => {
  it.each(Object.keys(COMPLIANT) as CompliantKind[])("%s selects no accelerator", (kind) => {
    const facts = extract(compliant(kind));
    expect(facts.accelerators).toEqual([]);
    expect(facts.computed).toEqual([]);
  });

  it("every compliant kind has an extractor and every extractor has a compliant kind", () => {
    expect([...AZURE_COMPUTE_EXTRACTORS.keys()].filter((k) => !(k in COMPLIANT)).sort()).toEqual([
      "azure-native:containerinstance:CGProfile",
      "azure-native:containerinstance:ContainerGroupProfile",
    ]);
  });
});

describe("azure-native:compute:VirtualMachine", () => {
  const kind = "azure-native:compute:VirtualMachine";

  it("finds a GPU size in hardwareProfile.vmSize", () => {
    expect(uses(extract(compliant(kind, "hardwareProfile.vmSize", GPU)))).toEqual([
      { path: "hardwareProfile.vmSize", value: GPU },
    ]);
  });

  it("hands the size to the catalogue exactly as written", () => {
    extract(compliant(kind, "hardwareProfile.vmSize", "nd96asr_v4"));
    expect(asked).toEqual(["nd96asr_v4"]);
  });

  it("reads a versioned token through the same extractor", () => {
    const r = azureResource("azure-native:compute/v20240701:VirtualMachine", {
      ...COMPLIANT[kind],
      hardwareProfile: { vmSize: GPU },
    });
    expect(uses(extract(r))).toEqual([{ path: "hardwareProfile.vmSize", value: GPU }]);
  });

  it("reports a computed size as computed, not as compliant", () => {
    const facts = extract(compliant(kind, "hardwareProfile.vmSize", UNKNOWN));
    expect(facts.accelerators).toEqual([]);
    expect(facts.computed).toEqual(["hardwareProfile.vmSize"]);
  });

  it("reports a computed hardwareProfile as computed", () => {
    expect(extract(compliant(kind, "hardwareProfile", UNKNOWN)).computed).toEqual([
      "hardwareProfile",
    ]);
  });
});

describe("azure-native:compute:VirtualMachineScaleSet", () => {
  const kind = "azure-native:compute:VirtualMachineScaleSet";

  it("finds a GPU size in sku.name", () => {
    expect(uses(extract(compliant(kind, "sku.name", GPU)))).toEqual([
      { path: "sku.name", value: GPU },
    ]);
  });

  it("finds a GPU size among the multi-size skuProfile.vmSizes", () => {
    expect(uses(extract(compliant(kind, "skuProfile.vmSizes[1].name", GPU2)))).toEqual([
      { path: "skuProfile.vmSizes[1].name", value: GPU2 },
    ]);
  });

  it("reports a computed skuProfile size with its index", () => {
    expect(extract(compliant(kind, "skuProfile.vmSizes[0].name", UNKNOWN)).computed).toEqual([
      "skuProfile.vmSizes[0].name",
    ]);
  });

  it("reports a computed skuProfile.vmSizes list", () => {
    expect(extract(compliant(kind, "skuProfile.vmSizes", UNKNOWN)).computed).toEqual([
      "skuProfile.vmSizes",
    ]);
  });

  it("accepts skuProfile.vmSizes given as a JSON string", () => {
    const facts = extract(compliant(kind, "skuProfile.vmSizes", JSON.stringify([{ name: GPU }])));
    expect(uses(facts)).toEqual([{ path: "skuProfile.vmSizes[0].name", value: GPU }]);
  });
});

describe.each([
  ["azure-native:compute:VirtualMachineScaleSetVM", "hardwareProfile.vmSize"],
  ["azure-native:compute:CapacityReservation", "sku.name"],
  ["azure-native:compute:DedicatedHost", "sku.name"],
  ["azure-native:machinelearningservices:BatchDeployment", "properties.resources.instanceType"],
  ["azure-native:batch:Pool", "vmSize"],
  ["azure-native:servicefabric:NodeType", "vmSize"],
] as const)("%s", (kind, path) => {
  it(`finds a GPU size in ${path}`, () => {
    expect(uses(extract(compliant(kind, path, GPU)))).toEqual([{ path, value: GPU }]);
  });

  it(`reports a computed ${path}`, () => {
    const facts = extract(compliant(kind, path, UNKNOWN));
    expect(facts.accelerators).toEqual([]);
    expect(facts.computed).toEqual([path]);
  });
});

describe("azure-native:compute:DedicatedHost", () => {
  const kind = "azure-native:compute:DedicatedHost";

  it("finds a GPU host SKU through the host catalogue", () => {
    const facts = extract(compliant(kind, "sku.name", "NCsv3-Type1"));
    expect(uses(facts)).toEqual([{ path: "sku.name", value: "NCsv3-Type1" }]);
    expect(facts.accelerators[0]?.info.family).toBe("host NCsv3-Type1");
  });

  it("hands the host SKU to the host catalogue exactly as written", () => {
    extract(compliant(kind, "sku.name", "nvasv4-TYPE1"));
    expect(askedHosts).toEqual(["nvasv4-TYPE1"]);
  });

  it("does not ask the VM-size catalogue when the host catalogue knows the SKU", () => {
    extract(compliant(kind, "sku.name", "NVASv4-Type1"));
    expect(asked).toEqual([]);
  });

  it("falls back to the VM-size catalogue for a value the host catalogue does not know", () => {
    const facts = extract(compliant(kind, "sku.name", "Standard_NC6s_v3"));
    expect(askedHosts).toEqual(["Standard_NC6s_v3"]);
    expect(asked).toEqual(["Standard_NC6s_v3"]);
    expect(uses(facts)).toEqual([{ path: "sku.name", value: "Standard_NC6s_v3" }]);
  });

  it("reports nothing for a CPU host that neither catalogue knows", () => {
    const facts = extract(compliant(kind, "sku.name", "ESv3-Type1"));
    expect(facts).toEqual({ accelerators: [], computed: [] });
    expect(askedHosts).toEqual(["ESv3-Type1"]);
  });
});

describe("azure-native:batch:Pool", () => {
  it("keeps an upper-case size as written", () => {
    const facts = extract(compliant("azure-native:batch:Pool", "vmSize", "STANDARD_NC6S_V3"));
    expect(uses(facts)).toEqual([{ path: "vmSize", value: "STANDARD_NC6S_V3" }]);
  });
});

describe("azure-native:azurefleet:Fleet", () => {
  const kind = "azure-native:azurefleet:Fleet";

  it("finds a GPU size in vmSizesProfile", () => {
    expect(uses(extract(compliant(kind, "vmSizesProfile[1].name", GPU)))).toEqual([
      { path: "vmSizesProfile[1].name", value: GPU },
    ]);
  });

  it("treats acceleratorSupport Required as an unspecified accelerator", () => {
    const facts = extract(compliant(kind, "vmAttributes.acceleratorSupport", "Required"));
    expect(uses(facts)).toEqual([{ path: "vmAttributes", value: "acceleratorSupport=Required" }]);
    expect(facts.accelerators[0]?.info.catalogued).toBe(false);
  });

  it("treats acceleratorSupport Included as an unspecified accelerator", () => {
    const facts = extract(compliant(kind, "vmAttributes.acceleratorSupport", "Included"));
    expect(facts.accelerators).toHaveLength(1);
  });

  it("names the vendor when a single accelerator manufacturer is required", () => {
    let props = withField(COMPLIANT[kind], "vmAttributes.acceleratorSupport", "Required");
    props = withField(props, "vmAttributes.acceleratorManufacturers", ["Nvidia"]);
    const facts = extract(azureResource(kind, props));
    expect(facts.accelerators[0]?.info.chip.vendor).toBe("Nvidia");
    expect(facts.accelerators[0]?.value).toBe(
      "acceleratorSupport=Required, acceleratorManufacturers=Nvidia",
    );
  });

  it("treats accelerator types without acceleratorSupport as an accelerator", () => {
    let props = withField(COMPLIANT[kind], "vmAttributes.acceleratorSupport", undefined);
    props = withField(props, "vmAttributes.acceleratorTypes", ["GPU"]);
    expect(uses(extract(azureResource(kind, props)))).toEqual([
      { path: "vmAttributes", value: "acceleratorTypes=GPU" },
    ]);
  });

  it("treats a GPU-accelerated VM category as an accelerator", () => {
    let props = withField(COMPLIANT[kind], "vmAttributes.acceleratorSupport", undefined);
    props = withField(props, "vmAttributes.vmCategories", ["GeneralPurpose", "GpuAccelerated"]);
    expect(uses(extract(azureResource(kind, props)))).toEqual([
      { path: "vmAttributes", value: "vmCategories=GpuAccelerated" },
    ]);
  });

  it("takes attributes without any accelerator attribute as excluding accelerators", () => {
    const facts = extract(compliant(kind, "vmAttributes.acceleratorSupport", undefined));
    expect(facts.accelerators).toEqual([]);
  });

  it("takes acceleratorCount max 0 as excluding accelerators even when Included", () => {
    let props = withField(COMPLIANT[kind], "vmAttributes.acceleratorSupport", "Included");
    props = withField(props, "vmAttributes.acceleratorCount", { max: 0 });
    expect(extract(azureResource(kind, props)).accelerators).toEqual([]);
  });

  it("reports a computed acceleratorSupport", () => {
    expect(extract(compliant(kind, "vmAttributes.acceleratorSupport", UNKNOWN)).computed).toEqual([
      "vmAttributes.acceleratorSupport",
    ]);
  });

  it("reports computed vmAttributes", () => {
    expect(extract(compliant(kind, "vmAttributes", UNKNOWN)).computed).toEqual(["vmAttributes"]);
  });
});

describe("azure-native:containerservice:ManagedCluster", () => {
  const kind = "azure-native:containerservice:ManagedCluster";

  it("finds a GPU size in a node pool", () => {
    expect(uses(extract(compliant(kind, "agentPoolProfiles[1].vmSize", GPU)))).toEqual([
      { path: "agentPoolProfiles[1].vmSize", value: GPU },
    ]);
  });

  it("finds a GPU size in a VirtualMachines pool's manual scale profile", () => {
    const facts = extract(
      compliant(kind, "agentPoolProfiles[1].virtualMachinesProfile.scale.manual[0]", {
        size: GPU2,
        count: 1,
      }),
    );
    expect(uses(facts)).toEqual([
      { path: "agentPoolProfiles[1].virtualMachinesProfile.scale.manual[0].size", value: GPU2 },
    ]);
  });

  it("treats node auto-provisioning as an unspecified accelerator (sizes are chosen at run time)", () => {
    const facts = extract(compliant(kind, "nodeProvisioningProfile.mode", "Auto"));
    expect(uses(facts)).toEqual([{ path: "nodeProvisioningProfile.mode", value: "Auto" }]);
    expect(facts.accelerators[0]?.info.catalogued).toBe(false);
    expect(facts.accelerators[0]?.info.chip.exportControl).toBe("uncertain");
  });

  it("reports a computed node provisioning mode", () => {
    expect(extract(compliant(kind, "nodeProvisioningProfile.mode", UNKNOWN)).computed).toEqual([
      "nodeProvisioningProfile.mode",
    ]);
  });

  it("treats the AI toolchain operator (KAITO) as an unspecified accelerator", () => {
    expect(uses(extract(compliant(kind, "aiToolchainOperatorProfile.enabled", true)))).toEqual([
      { path: "aiToolchainOperatorProfile.enabled", value: "true" },
    ]);
  });

  it("treats a MIG profile on a size the catalogue does not know as a GPU", () => {
    expect(
      uses(extract(compliant(kind, "agentPoolProfiles[0].gpuInstanceProfile", "MIG3g"))),
    ).toEqual([{ path: "agentPoolProfiles[0].gpuInstanceProfile", value: "MIG3g" }]);
  });

  it("does not count a MIG profile twice on a catalogued GPU size", () => {
    let props = withField(COMPLIANT[kind], "agentPoolProfiles[0].vmSize", GPU);
    props = withField(props, "agentPoolProfiles[0].gpuInstanceProfile", "MIG3g");
    expect(uses(extract(azureResource(kind, props)))).toEqual([
      { path: "agentPoolProfiles[0].vmSize", value: GPU },
    ]);
  });

  it("reports a computed node pool list", () => {
    expect(extract(compliant(kind, "agentPoolProfiles", UNKNOWN)).computed).toEqual([
      "agentPoolProfiles",
    ]);
  });

  it("reports a computed pool size with its index", () => {
    expect(extract(compliant(kind, "agentPoolProfiles[1].vmSize", UNKNOWN)).computed).toEqual([
      "agentPoolProfiles[1].vmSize",
    ]);
  });
});

describe("azure-native:containerservice:AgentPool", () => {
  const kind = "azure-native:containerservice:AgentPool";

  it("finds a GPU size in vmSize", () => {
    expect(uses(extract(compliant(kind, "vmSize", GPU)))).toEqual([{ path: "vmSize", value: GPU }]);
  });

  it("finds a GPU size in virtualMachinesProfile", () => {
    const facts = extract(
      compliant(kind, "virtualMachinesProfile.scale.manual[0]", { size: GPU, count: 2 }),
    );
    expect(uses(facts)).toEqual([
      { path: "virtualMachinesProfile.scale.manual[0].size", value: GPU },
    ]);
  });

  it("treats a MIG profile as a GPU when the size is unknown to the catalogue", () => {
    expect(uses(extract(compliant(kind, "gpuInstanceProfile", "MIG1g")))).toEqual([
      { path: "gpuInstanceProfile", value: "MIG1g" },
    ]);
  });

  it("reports a computed vmSize", () => {
    expect(extract(compliant(kind, "vmSize", UNKNOWN)).computed).toEqual(["vmSize"]);
  });
});

describe("azure-native:machinelearningservices:Compute", () => {
  const kind = "azure-native:machinelearningservices:Compute";

  it.each([
    ["AmlCompute", "vmSize"],
    ["ComputeInstance", "vmSize"],
    ["VirtualMachine", "virtualMachineSize"],
    ["AKS", "agentVmSize"],
  ])("finds a GPU size of a %s compute in properties.properties.%s", (computeType, field) => {
    const props = withField(COMPLIANT[kind], "properties", {
      computeType,
      properties: { [field]: GPU },
    });
    expect(uses(extract(azureResource(kind, props)))).toEqual([
      { path: `properties.properties.${field}`, value: GPU },
    ]);
  });

  it("ignores size-like fields that do not belong to the compute type", () => {
    const props = withField(COMPLIANT[kind], "properties", {
      computeType: "Databricks",
      properties: { vmSize: GPU },
    });
    expect(extract(azureResource(kind, props)).accelerators).toEqual([]);
  });

  it("reads every size field when computeType is computed", () => {
    const props = withField(COMPLIANT[kind], "properties", {
      computeType: UNKNOWN,
      properties: { agentVmSize: GPU },
    });
    const facts = extract(azureResource(kind, props));
    expect(uses(facts)).toEqual([{ path: "properties.properties.agentVmSize", value: GPU }]);
    expect(facts.computed).toEqual(["properties.computeType"]);
  });

  it("finds a GPU request in a Kubernetes compute's instance type", () => {
    const props = withField(COMPLIANT[kind], "properties", {
      computeType: "Kubernetes",
      properties: {
        instanceTypes: {
          "gpu.small": { resources: { limits: { cpu: "4", "nvidia.com/gpu": "1" } } },
          cpu: { resources: { limits: { cpu: "4" } } },
        },
      },
    });
    const facts = extract(azureResource(kind, props));
    expect(uses(facts)).toEqual([
      {
        path: "properties.properties.instanceTypes.gpu.small.resources.limits.nvidia.com/gpu",
        value: "nvidia.com/gpu=1",
      },
    ]);
    expect(facts.accelerators[0]?.info.chip.vendor).toBe("NVIDIA");
  });

  it("reports a computed size", () => {
    expect(extract(compliant(kind, "properties.properties.vmSize", UNKNOWN)).computed).toEqual([
      "properties.properties.vmSize",
    ]);
  });
});

describe("azure-native:machinelearningservices:OnlineDeployment", () => {
  const kind = "azure-native:machinelearningservices:OnlineDeployment";

  it("finds a GPU instance type in properties.instanceType", () => {
    expect(uses(extract(compliant(kind, "properties.instanceType", GPU)))).toEqual([
      { path: "properties.instanceType", value: GPU },
    ]);
  });

  it("finds a GPU request of a Kubernetes deployment", () => {
    const props = withField(COMPLIANT[kind], "properties", {
      endpointComputeType: "Kubernetes",
      instanceType: "defaultinstancetype",
      containerResourceRequirements: { containerResourceRequests: { cpu: "1", gpu: "1" } },
    });
    expect(uses(extract(azureResource(kind, props)))).toEqual([
      {
        path: "properties.containerResourceRequirements.containerResourceRequests.gpu",
        value: "1",
      },
    ]);
  });

  it("does not count a zero GPU request", () => {
    const props = withField(
      COMPLIANT[kind],
      "properties.containerResourceRequirements.containerResourceLimits.gpu",
      "0",
    );
    expect(extract(azureResource(kind, props)).accelerators).toEqual([]);
  });

  it("reports a computed instance type", () => {
    expect(extract(compliant(kind, "properties.instanceType", UNKNOWN)).computed).toEqual([
      "properties.instanceType",
    ]);
  });
});

describe("azure-native:hdinsight:Cluster", () => {
  const kind = "azure-native:hdinsight:Cluster";

  it("finds a GPU size in a role's hardware profile", () => {
    expect(
      uses(
        extract(compliant(kind, "properties.computeProfile.roles[1].hardwareProfile.vmSize", GPU)),
      ),
    ).toEqual([{ path: "properties.computeProfile.roles[1].hardwareProfile.vmSize", value: GPU }]);
  });

  it("reports a computed role list", () => {
    expect(extract(compliant(kind, "properties.computeProfile.roles", UNKNOWN)).computed).toEqual([
      "properties.computeProfile.roles",
    ]);
  });
});

describe("azure-native:redhatopenshift:OpenShiftCluster", () => {
  const kind = "azure-native:redhatopenshift:OpenShiftCluster";

  it("finds a GPU size in a worker profile", () => {
    expect(uses(extract(compliant(kind, "workerProfiles[0].vmSize", GPU)))).toEqual([
      { path: "workerProfiles[0].vmSize", value: GPU },
    ]);
  });

  it("finds a GPU size in the master profile", () => {
    expect(uses(extract(compliant(kind, "masterProfile.vmSize", GPU)))).toEqual([
      { path: "masterProfile.vmSize", value: GPU },
    ]);
  });

  it("reports a computed worker size", () => {
    expect(extract(compliant(kind, "workerProfiles[0].vmSize", UNKNOWN)).computed).toEqual([
      "workerProfiles[0].vmSize",
    ]);
  });
});

describe("azure-native:containerinstance:ContainerGroup", () => {
  const kind = "azure-native:containerinstance:ContainerGroup";
  const gpuPath = "containers[0].resources.requests.gpu";

  it("finds a catalogued GPU SKU in a container's requests", () => {
    const facts = extract(compliant(kind, gpuPath, { count: 1, sku: "V100" }));
    expect(uses(facts)).toEqual([{ path: gpuPath, value: "V100" }]);
    expect(facts.accelerators[0]?.info.catalogued).toBe(true);
  });

  it("finds a GPU in a container's limits", () => {
    const path = "containers[0].resources.limits.gpu";
    expect(uses(extract(compliant(kind, path, { count: 2, sku: "K80" })))).toEqual([
      { path, value: "K80" },
    ]);
  });

  it("treats a GPU SKU the catalogue does not know as an unspecified GPU", () => {
    const facts = extract(compliant(kind, gpuPath, { count: 1, sku: "A100" }));
    expect(uses(facts)).toEqual([{ path: gpuPath, value: "A100" }]);
    expect(facts.accelerators[0]?.info.catalogued).toBe(false);
  });

  it("does not count zero GPUs", () => {
    expect(extract(compliant(kind, gpuPath, { count: 0, sku: "V100" })).accelerators).toEqual([]);
  });

  it("reports a computed GPU count", () => {
    const facts = extract(compliant(kind, gpuPath, { count: UNKNOWN, sku: "V100" }));
    expect(facts.accelerators).toEqual([]);
    expect(facts.computed).toEqual([`${gpuPath}.count`]);
  });

  it("reports a computed GPU SKU", () => {
    expect(extract(compliant(kind, gpuPath, { count: 1, sku: UNKNOWN })).computed).toEqual([
      `${gpuPath}.sku`,
    ]);
  });

  it("reads the same containers on a versioned ContainerGroupProfile token", () => {
    const r = azureResource(
      "azure-native:containerinstance/v20241101preview:ContainerGroupProfile",
      withField(COMPLIANT[kind], gpuPath, { count: 1, sku: "V100" }),
    );
    expect(uses(extract(r))).toEqual([{ path: gpuPath, value: "V100" }]);
  });
});

describe("azure-native:app:ManagedEnvironment", () => {
  const kind = "azure-native:app:ManagedEnvironment";
  const path = "workloadProfiles[1].workloadProfileType";

  it("finds a dedicated GPU workload profile", () => {
    expect(uses(extract(compliant(kind, path, "NC24-A100")))).toEqual([
      { path, value: "NC24-A100" },
    ]);
  });

  it("finds a serverless GPU profile by its whole name", () => {
    const facts = extract(compliant(kind, path, "Consumption-GPU-NC8as-T4"));
    expect(uses(facts)).toEqual([{ path, value: "Consumption-GPU-NC8as-T4" }]);
    expect(facts.accelerators[0]?.info.chip.name).toBe("T4");
  });

  it("hands each profile type to the profile catalogue once, as written, and nothing else", () => {
    extract(compliant(kind, path, "NC48-A100"));
    expect(askedProfiles).toEqual(["Consumption", "NC48-A100"]);
    expect(asked).toEqual([]);
  });

  it("reports nothing for a profile the catalogue does not take for a GPU", () => {
    expect(extract(compliant(kind, path, "Consumption-GPU-NC99-Z9")).accelerators).toEqual([]);
  });

  it("reports a computed profile type", () => {
    expect(extract(compliant(kind, path, UNKNOWN)).computed).toEqual([path]);
  });
});
