import { InstanceType } from "@pulumi/aws/types/enums/ec2";
import {
  AWS_ACCELERATOR_ATTRIBUTE_VOCABULARY,
  AWS_ACCELERATOR_FAMILIES,
  AZURE_ACCELERATOR_SERIES,
  AZURE_CONTAINER_APPS_GPU_PROFILES,
  AZURE_DEDICATED_HOST_SERIES,
  CHIPS,
  classifyAwsAcceleratorAttributes,
  classifyAwsInstanceType,
  classifyAzureContainerGpuSku,
  classifyAzureDedicatedHostSku,
  classifyAzureVmSize,
  classifyAzureWorkloadProfile,
  countsAsExportControlled,
  unspecifiedAccelerator,
} from "../../../policypack/src/catalogue/accelerators";
import { AWS_NON_ACCELERATOR_SERIES } from "../../../policypack/src/data/accelerators/aws-families";
import type { ExportControl } from "../../../policypack/src/data/types";

describe("chip catalogue", () => {
  // Every chip of the reference brief §C1, §C2 and §C3.
  const expected = [
    "m2050",
    "k520",
    "m60",
    "k80",
    "p100",
    "p40",
    "v100",
    "t4",
    "t4g",
    "a10",
    "a10g",
    "a100",
    "a800",
    "h100",
    "h800",
    "h200",
    "h20",
    "b200",
    "b300",
    "gb200",
    "gb300",
    "l4",
    "l40",
    "l40s",
    "rtx-pro-6000-bse",
    "rtx-pro-4500-bse",
    "radeon-pro-v520",
    "radeon-pro-v620",
    "radeon-pro-v710",
    "mi25",
    "mi210",
    "mi250",
    "mi250x",
    "mi300x",
    "mi308",
    "inferentia",
    "inferentia2",
    "trainium",
    "trainium2",
    "gaudi-hl-205",
    "qualcomm-cloud-ai-100",
    "vu9p",
    "vu47p",
    "u250",
    "u30",
  ];

  it.each(expected)("has chip %s with a vendor and a basis", (key) => {
    const chip = CHIPS.get(key);
    expect(chip).toBeDefined();
    expect(chip?.vendor).not.toBe("");
    expect(chip?.basis).not.toBe("");
  });

  it.each<[string, ExportControl]>([
    ["a100", "controlled"],
    ["a800", "controlled"],
    ["h100", "controlled"],
    ["h200", "controlled"],
    ["b200", "controlled"],
    ["gb200", "controlled"],
    ["l40s", "controlled"],
    ["l40", "controlled"],
    ["mi300x", "controlled"],
    ["l4", "uncertain"],
    ["h20", "uncertain"],
    ["trainium", "uncertain"],
    ["t4", "not-controlled"],
    ["t4g", "not-controlled"],
    ["v100", "not-controlled"],
    ["k80", "not-controlled"],
    ["inferentia", "not-controlled"],
    ["u30", "not-controlled"],
  ])("classifies %s as %s", (key, exportControl) => {
    expect(CHIPS.get(key)?.exportControl).toBe(exportControl);
  });

  it("holds every chip a family or series names", () => {
    for (const { chip } of [...AWS_ACCELERATOR_FAMILIES, ...AZURE_ACCELERATOR_SERIES]) {
      expect(CHIPS.has(chip)).toBe(true);
    }
  });

  it("marks every chip classified on recalled figures as less than verified", () => {
    for (const chip of CHIPS.values()) {
      if (chip.exportControl === "uncertain") expect(chip.confidence).not.toBe("verified");
    }
  });

  it.each<[ExportControl, boolean]>([
    ["controlled", true],
    ["uncertain", true],
    ["not-controlled", false],
  ])("counts %s as export-controlled: %s", (exportControl, expected) => {
    expect(countsAsExportControlled(exportControl)).toBe(expected);
  });
});

describe("classifyAwsInstanceType", () => {
  it.each<[string, string, string, boolean]>([
    ["p4d.24xlarge", "p4d", "a100", true],
    ["P4D.24XLARGE", "p4d", "a100", true],
    ["ml.p4d.24xlarge", "p4d", "a100", true],
    ["ml.p5.48xlarge", "p5", "h100", true],
    ["ml.g4dn.xlarge", "g4dn", "t4", true],
    ["ml.inf2.xlarge", "inf2", "inferentia2", true],
    ["ml.trn1.32xlarge", "trn1", "trainium", true],
    ["ml.eia2.medium", "eia2", "elastic-inference", true],
    ["eia1.large", "eia1", "elastic-inference", true],
    ["stream.graphics.g4dn.xlarge", "g4dn", "t4", true],
    ["stream.graphics.g5.2xlarge", "g5", "a10g", true],
    ["stream.graphics-pro.4xlarge", "stream.graphics-pro", "m60", true],
    ["stream.graphics-design.large", "stream.graphics-design", "firepro-s7150x2", true],
    ["p3", "p3", "v100", true],
    ["g5g", "g5g", "t4g", true],
    ["p6-b200", "p6-b200", "b200", true],
    ["p6e-gb200.36xlarge", "p6e-gb200", "gb200", true],
    ["p5en.48xlarge", "p5en", "h200", true],
    ["g6e.xlarge", "g6e", "l40s", true],
    ["gr6.4xlarge", "gr6", "l4", true],
    ["g4ad.xlarge", "g4ad", "radeon-pro-v520", true],
    ["dl1.24xlarge", "dl1", "gaudi-hl-205", true],
    ["dl2q.24xlarge", "dl2q", "qualcomm-cloud-ai-100", true],
    ["f2.12xlarge", "f2", "vu47p", true],
    ["vt1.3xlarge", "vt1", "u30", true],
    ["cg1.4xlarge", "cg1", "m2050", true],
  ])("%s is family %s with chip %s", (value, family, chipKey, catalogued) => {
    const info = classifyAwsInstanceType(value);
    expect(info).toMatchObject({ family, catalogued });
    expect(info?.chip).toBe(CHIPS.get(chipKey));
  });

  it.each([
    ["p7.48xlarge", "p7"],
    ["p7e-gb400.72xlarge", "p7e-gb400"],
    ["g8.xlarge", "g8"],
    ["gr7.2xlarge", "gr7"],
    ["trn3.48xlarge", "trn3"],
    ["ml.trn3.48xlarge", "trn3"],
    ["inf3.xlarge", "inf3"],
    ["f3.4xlarge", "f3"],
    ["dl3.24xlarge", "dl3"],
  ])("recognises %s as an uncatalogued family of a known series", (value, family) => {
    const info = classifyAwsInstanceType(value);
    expect(info).toMatchObject({ family, catalogued: false });
    expect(info?.chip.exportControl).toBe("uncertain");
  });

  it.each([
    "t4g.micro",
    "t4g",
    "m7g.large",
    "c7gn.xlarge",
    "r8g.large",
    "x2gd.xlarge",
    "m5",
    "m5.large",
    "gr",
    "g",
    "grx.large",
    "optimal",
    "ml.m5.large",
    "ml.t3.medium",
    "ml",
    "stream.standard.small",
    "stream.compute.large",
    "graphics-pro.4xlarge",
    "hpc7g.16xlarge",
    "i4g.large",
    "inf.large",
    "d3en.xlarge",
    "",
  ])("does not take CPU type '%s' for an accelerator", (value) => {
    expect(classifyAwsInstanceType(value)).toBeUndefined();
  });
});

describe("every EC2 instance type of @pulumi/aws", () => {
  const families = new Set(Object.values(InstanceType).map((t) => t.split(".")[0] ?? ""));
  const catalogue = new Set(
    AWS_ACCELERATOR_FAMILIES.filter(
      (f) => f.prefix === undefined && !f.family.startsWith("eia"),
    ).map((f) => f.family),
  );
  // Leading letters of the EC2 families known to carry no accelerator (data/accelerators).
  const cpuSeries = new Set(AWS_NON_ACCELERATOR_SERIES.map((s) => s.series));

  it("is classified as a catalogued family or not as an accelerator at all", () => {
    const uncatalogued = [...families].filter(
      (f) => classifyAwsInstanceType(f)?.catalogued === false,
    );
    expect(uncatalogued).toEqual([]);
  });

  it("yields exactly the catalogued EC2 accelerator families", () => {
    const found = new Set([...families].filter((f) => classifyAwsInstanceType(f) !== undefined));
    expect([...found].sort()).toEqual([...catalogue].sort());
  });

  it("classifies whole instance types the same as their family", () => {
    for (const type of Object.values(InstanceType)) {
      const family = type.split(".")[0] ?? "";
      expect(classifyAwsInstanceType(type)?.family).toBe(classifyAwsInstanceType(family)?.family);
    }
  });

  it("has no non-accelerator family of an unknown series", () => {
    const unknown = [...families]
      .filter((f) => classifyAwsInstanceType(f) === undefined)
      .filter((f) => !cpuSeries.has(/^[a-z]+/.exec(f)?.[0] ?? ""));
    expect(unknown).toEqual([]);
  });
});

describe("classifyAwsAcceleratorAttributes", () => {
  const none = { names: [], manufacturers: [], types: [] };

  it("names every attribute value the catalogue uses in the API vocabulary", () => {
    for (const family of AWS_ACCELERATOR_FAMILIES) {
      const a = family.attributes ?? {};
      if (a.name !== undefined)
        expect(AWS_ACCELERATOR_ATTRIBUTE_VOCABULARY.names.has(a.name)).toBe(true);
      // Qualcomm (dl2q) has no AcceleratorManufacturer value: the only one allowed outside the API.
      if (a.manufacturer !== undefined && a.manufacturer !== "qualcomm") {
        expect(AWS_ACCELERATOR_ATTRIBUTE_VOCABULARY.manufacturers.has(a.manufacturer)).toBe(true);
      }
      if (a.type !== undefined)
        expect(AWS_ACCELERATOR_ATTRIBUTE_VOCABULARY.types.has(a.type)).toBe(true);
    }
  });

  it.each<[string, { names: string[]; manufacturers: string[]; types: string[] }, ExportControl]>([
    ["a100 by name", { ...none, names: ["a100"] }, "controlled"],
    ["h100 by name, upper case", { ...none, names: ["H100"] }, "controlled"],
    ["t4 or a100 (the stricter wins)", { ...none, names: ["t4", "a100"] }, "controlled"],
    ["only t4 and k80", { ...none, names: ["t4", "k80"] }, "not-controlled"],
    ["l4 by name", { ...none, names: ["l4"] }, "uncertain"],
    ["a name the vocabulary lacks", { ...none, names: ["h200"] }, "uncertain"],
    ["nothing named", none, "uncertain"],
    ["only NVIDIA GPUs", { ...none, manufacturers: ["nvidia"], types: ["gpu"] }, "uncertain"],
    [
      "only Xilinx FPGAs",
      { ...none, manufacturers: ["xilinx"], types: ["fpga"] },
      "not-controlled",
    ],
    [
      "only Xilinx media",
      { ...none, manufacturers: ["xilinx"], types: ["media"] },
      "not-controlled",
    ],
  ])("%s → %s", (_what, attrs, exportControl) => {
    const info = classifyAwsAcceleratorAttributes(attrs);
    expect(info?.family).toBe("attribute-based selection");
    expect(info?.chip.exportControl).toBe(exportControl);
  });

  it("returns the catalogued chip itself when one name is given", () => {
    expect(classifyAwsAcceleratorAttributes({ ...none, names: ["a100"] })).toEqual({
      family: "attribute-based selection",
      chip: CHIPS.get("a100"),
      catalogued: true,
    });
  });

  it.each([
    ["a100 made by AMD", { ...none, names: ["a100"], manufacturers: ["amd"] }],
    ["t4 as an FPGA", { ...none, names: ["t4"], types: ["fpga"] }],
    ["Xilinx GPUs", { ...none, manufacturers: ["xilinx"], types: ["gpu"] }],
  ])("returns undefined when the filters rule every accelerator out: %s", (_what, attrs) => {
    expect(classifyAwsAcceleratorAttributes(attrs)).toBeUndefined();
  });
});

describe("unspecifiedAccelerator", () => {
  it("describes a GPU of unknown model whose status is uncertain", () => {
    const info = unspecifiedAccelerator("EKS AMI type AL2_x86_64_GPU", "NVIDIA");
    expect(info).toMatchObject({ family: "EKS AMI type AL2_x86_64_GPU", catalogued: false });
    expect(info.chip).toMatchObject({ vendor: "NVIDIA", kind: "gpu", exportControl: "uncertain" });
  });

  it("works without a vendor", () => {
    expect(unspecifiedAccelerator("GPU resource requirement").chip.vendor).toBe("unknown");
  });
});

describe("classifyAzureVmSize", () => {
  it.each<[string, string, string]>([
    ["Standard_ND96asr_v4", "ND A100 v4", "a100"],
    ["standard_nc24ads_a100_v4", "NC A100 v4", "a100"],
    ["NC6s_v3", "NCv3", "v100"],
    ["Standard_NC6", "NC", "k80"],
    ["Standard_NC6_Promo", "NC", "k80"],
    ["Standard_NC24r", "NC", "k80"],
    ["Standard_NC12s_v2", "NCv2", "p100"],
    ["Standard_ND6s", "ND", "p40"],
    ["Standard_ND40rs_v2", "NDv2", "v100"],
    ["Standard_NC4as_T4_v3", "NCasT4_v3", "t4"],
    ["Standard_ND96amsr_A100_v4", "ND A100 v4 / NDm A100 v4", "a100"],
    ["Standard_NC8ads_A10_v4", "NCads A10 v4", "a10"],
    ["Standard_NV36ads_A10_v5", "NVads A10 v5", "a10"],
    ["Standard_NC80adis_H100_v5", "NC H100 v5", "h100"],
    ["Standard_NCC40ads_H100_v5", "NCCads H100 v5", "h100"],
    ["Standard_ND96isr_H100_v5", "ND H100 v5", "h100"],
    ["Standard_ND96isr_H200_v5", "ND H200 v5", "h200"],
    ["Standard_ND96isr_MI300X_v5", "ND MI300X v5", "mi300x"],
    ["Standard_ND128isr_NDR_GB200_v6", "ND GB200 v6", "gb200"],
    ["Standard_ND128isr_GB300_v6", "ND GB300 v6", "gb300"],
    ["Standard_NC128ds_xl_RTXPRO6000BSE_v6", "NC RTX PRO 6000 BSE v6", "rtx-pro-6000-bse"],
    ["Standard_NV12s_v3", "NVv3", "m60"],
    ["Standard_NV4as_v4", "NVv4", "mi25"],
    ["Standard_NV4ads_V710_v5", "NVads V710 v5", "radeon-pro-v710"],
    ["Standard_NG8ads_V620_v1", "NGads V620", "radeon-pro-v620"],
    ["Standard_NP10s", "NP", "u250"],
  ])("%s is series %s with chip %s", (size, series, chipKey) => {
    const info = classifyAzureVmSize(size);
    expect(info).toMatchObject({ family: series, catalogued: true });
    expect(info?.chip).toBe(CHIPS.get(chipKey));
  });

  it.each(AZURE_ACCELERATOR_SERIES.map((s) => [s.example, s.series] as const))(
    "the catalogue's example %s resolves to its own series %s",
    (example, series) => {
      expect(classifyAzureVmSize(example)).toMatchObject({ family: series, catalogued: true });
    },
  );

  it("recognises a future size of a known series as uncatalogued and uncertain", () => {
    const info = classifyAzureVmSize("Standard_ND128isr_XYZ_v7");
    expect(info?.catalogued).toBe(false);
    expect(info?.chip.exportControl).toBe("uncertain");
  });

  it("takes the chip from a known accelerator token in an uncatalogued series", () => {
    const info = classifyAzureVmSize("Standard_NC96ads_H100_v9");
    expect(info?.catalogued).toBe(false);
    expect(info?.chip).toBe(CHIPS.get("h100"));
  });

  it.each([
    "Standard_D4s_v5",
    "Standard_E8",
    "Standard_B2s",
    "Standard_M128ms",
    "Standard_L8s_v3",
    "Standard_HB120rs_v3",
    "Standard_F4s_v2",
    "Standard_DC4s_v3",
    "Standard_NCasT4",
    "",
  ])("does not take %s for an accelerator size", (size) => {
    expect(classifyAzureVmSize(size)).toBeUndefined();
  });
});

describe("classifyAzureContainerGpuSku", () => {
  it.each([
    ["K80", "k80"],
    ["p100", "p100"],
    ["V100", "v100"],
  ])("ACI SKU %s is chip %s", (sku, chipKey) => {
    expect(classifyAzureContainerGpuSku(sku)).toMatchObject({
      catalogued: true,
      chip: CHIPS.get(chipKey),
    });
  });

  it("treats an unknown GPU SKU as a GPU of uncertain status", () => {
    expect(classifyAzureContainerGpuSku("A100")).toMatchObject({
      catalogued: false,
      chip: { exportControl: "uncertain" },
    });
  });

  it("returns undefined for an empty SKU", () => {
    expect(classifyAzureContainerGpuSku(" ")).toBeUndefined();
  });
});

describe("classifyAzureDedicatedHostSku", () => {
  it.each<[string, string, string]>([
    ["NVASv4-Type1", "NVv4", "mi25"],
    ["NVasv4-Type1", "NVv4", "mi25"],
    ["nvasv4-type2", "NVv4", "mi25"],
    ["NVSv3-Type1", "NVv3", "m60"],
    [" NVsv3-Type1 ", "NVv3", "m60"],
  ])("the listed GPU host %s runs VM series %s (chip %s), catalogued", (sku, series, chipKey) => {
    const info = classifyAzureDedicatedHostSku(sku);
    expect(info?.catalogued).toBe(true);
    expect(info?.family).toContain(series);
    expect(info?.chip).toBe(CHIPS.get(chipKey));
  });

  it.each(AZURE_DEDICATED_HOST_SERIES.map((h) => [h.example, h.vmSeries] as const))(
    "the catalogue's example host %s carries the chip of its VM series %s",
    (example, vmSeries) => {
      const series = AZURE_ACCELERATOR_SERIES.find((s) => s.series === vmSeries);
      expect(series).toBeDefined();
      expect(classifyAzureDedicatedHostSku(example)).toMatchObject({
        catalogued: true,
        chip: CHIPS.get(series?.chip ?? ""),
      });
    },
  );

  it.each<[string, string, string]>([
    ["NCv3-Type1", "NCv3", "v100"],
    ["NCsv3-Type1", "NCv3", "v100"],
    ["NCsv2-Type1", "NCv2", "p100"],
    ["NDv2-Type1", "NDv2", "v100"],
    ["NDAMSv4_A100-Type1", "ND A100 v4 / NDm A100 v4", "a100"],
    ["ndamsv4_a100-type2", "ND A100 v4 / NDm A100 v4", "a100"],
    ["NVADSv5_A10-Type1", "NVads A10 v5", "a10"],
  ])(
    "an unlisted N-family host %s resolves by the naming grammar to VM series %s (chip %s), not catalogued",
    (sku, series, chipKey) => {
      const info = classifyAzureDedicatedHostSku(sku);
      expect(info?.catalogued).toBe(false);
      expect(info?.family).toContain(`VM series ${series}`);
      expect(info?.chip).toBe(CHIPS.get(chipKey));
    },
  );

  it("takes the chip from the accelerator token of a host whose VM series is not catalogued", () => {
    const info = classifyAzureDedicatedHostSku("NCadsv9_H100-Type1");
    expect(info?.catalogued).toBe(false);
    expect(info?.chip).toBe(CHIPS.get("h100"));
  });

  it.each(["NCadsH100v5-Type1", "NDisrv7-Type1", "NCCadsv5-Type1"])(
    "fails closed on the N-family host %s it cannot resolve: a GPU of uncertain status",
    (sku) => {
      expect(classifyAzureDedicatedHostSku(sku)).toMatchObject({
        catalogued: false,
        chip: { kind: "gpu", exportControl: "uncertain" },
      });
    },
  );

  it("treats a host of an unknown NP series as an FPGA of uncertain status", () => {
    expect(classifyAzureDedicatedHostSku("NPSv9-Type1")).toMatchObject({
      catalogued: false,
      chip: { kind: "fpga", exportControl: "uncertain" },
    });
  });

  it.each([
    "DSv3-Type1",
    "ESv3-Type3",
    "FSv2-Type2",
    "LSv2-Type1",
    "MSv2-Type1",
    "MDMSv2MedMem-Type1",
    "DCSv2-Type1",
    "DADSv5-Type1",
    "Standard_NC6s_v3",
    "NCsv3",
    "NCsv3-TypeX",
    "",
  ])("does not take %s for a GPU host SKU", (sku) => {
    expect(classifyAzureDedicatedHostSku(sku)).toBeUndefined();
  });
});

describe("classifyAzureWorkloadProfile", () => {
  it.each<[string, string]>([
    ["NC24-A100", "a100"],
    ["NC48-A100", "a100"],
    ["NC96-A100", "a100"],
    ["Consumption-GPU-NC24-A100", "a100"],
    ["Consumption-GPU-NC8as-T4", "t4"],
    ["consumption-gpu-nc8as-t4", "t4"],
    [" nc96-a100 ", "a100"],
  ])("the listed GPU profile %s is catalogued with chip %s", (profile, chipKey) => {
    expect(classifyAzureWorkloadProfile(profile)).toMatchObject({
      catalogued: true,
      chip: CHIPS.get(chipKey),
    });
  });

  it.each(AZURE_CONTAINER_APPS_GPU_PROFILES.map((p) => [p.profile, p.chip] as const))(
    "the catalogue's profile %s resolves to its own chip %s",
    (profile, chipKey) => {
      expect(classifyAzureWorkloadProfile(profile)).toMatchObject({
        catalogued: true,
        chip: CHIPS.get(chipKey),
      });
    },
  );

  it.each<[string, string]>([
    ["Consumption-GPU-NC40ads-H100", "h100"],
    ["NC16-A10", "a10"],
    ["NC24_A100", "a100"],
    ["Consumption-NC40ads-H100", "h100"],
  ])(
    "an unlisted profile %s with a known accelerator token has that chip (%s), not catalogued",
    (profile, chipKey) => {
      const info = classifyAzureWorkloadProfile(profile);
      expect(info?.catalogued).toBe(false);
      expect(info?.chip).toBe(CHIPS.get(chipKey));
    },
  );

  it.each(["Consumption-GPU-NC99-Z9", "Consumption-GPU-X1", "GPU-Large", "NC8-Z9"])(
    "fails closed on the GPU-labelled or N-family profile %s: a GPU of uncertain status",
    (profile) => {
      expect(classifyAzureWorkloadProfile(profile)).toMatchObject({
        catalogued: false,
        chip: { kind: "gpu", exportControl: "uncertain" },
      });
    },
  );

  it.each(["Consumption", "D4", "D32", "E16", "DC8", "DC96", "Flexible", ""])(
    "does not take the profile %s for a GPU",
    (profile) => {
      expect(classifyAzureWorkloadProfile(profile)).toBeUndefined();
    },
  );
});
