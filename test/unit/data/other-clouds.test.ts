// The data tables of the clouds beyond AWS and Azure: every entry sourced and reviewed, every chip
// catalogued, region names unique, the jurisdiction-relevant regions in the right country.
import { ALICLOUD_ACCELERATOR_FAMILIES } from "../../../policypack/src/data/accelerators/alicloud-families";
import { ALICLOUD_REGIONS } from "../../../policypack/src/data/regions/alicloud";
import { lookupAiService } from "../../../policypack/src/catalogue/ai-services";
import { CHIP_ROWS } from "../../../policypack/src/data/accelerators/chips";
import { chipEntry } from "../../../policypack/src/catalogue/chips";
import {
  GCP_ACCELERATOR_TYPES,
  GCP_MACHINE_FAMILIES,
  GCP_TPU_TYPES,
} from "../../../policypack/src/data/accelerators/gcp-families";
import { GCP_REGIONS } from "../../../policypack/src/data/regions/gcp";
import { HUAWEICLOUD_ACCELERATOR_FAMILIES } from "../../../policypack/src/data/accelerators/huaweicloud-families";
import { HUAWEICLOUD_REGIONS } from "../../../policypack/src/data/regions/huaweicloud";
import {
  classifyGcpAcceleratorType,
  classifyGcpMachineType,
  classifyGcpTpuType,
} from "../../../policypack/src/catalogue/other-accelerators";
import {
  LISTED_CLOUD_REGION_RULES,
  gcpRegionOfZone,
  isKnownRegionName,
  lookupGcpLocation,
  lookupListedCloudRegion,
} from "../../../policypack/src/catalogue/regions";
import { SOURCES } from "../../../policypack/src/data/sources";
import { TENCENTCLOUD_ACCELERATOR_FAMILIES } from "../../../policypack/src/data/accelerators/tencentcloud-families";
import { TENCENTCLOUD_REGIONS } from "../../../policypack/src/data/regions/tencentcloud";
import type { Sourced } from "../../../policypack/src/data/types";

const REGION_TABLES = {
  gcp: GCP_REGIONS,
  alicloud: ALICLOUD_REGIONS,
  tencentcloud: TENCENTCLOUD_REGIONS,
  huaweicloud: HUAWEICLOUD_REGIONS,
};
const FAMILY_TABLES = {
  "gcp machine families": GCP_MACHINE_FAMILIES,
  "gcp accelerator types": GCP_ACCELERATOR_TYPES,
  "gcp TPU types": GCP_TPU_TYPES,
  alicloud: ALICLOUD_ACCELERATOR_FAMILIES,
  tencentcloud: TENCENTCLOUD_ACCELERATOR_FAMILIES,
  huaweicloud: HUAWEICLOUD_ACCELERATOR_FAMILIES,
};

const sourced: [string, Sourced][] = [
  ...Object.values(REGION_TABLES).flatMap((t) => t.map((e): [string, Sourced] => [e.name, e])),
  ...Object.values(FAMILY_TABLES).flatMap((t) => t.map((e): [string, Sourced] => [e.family, e])),
  ...CHIP_ROWS.map((e): [string, Sourced] => [e.key, e]),
  ...LISTED_CLOUD_REGION_RULES.map((r): [string, Sourced] => [r.pattern.source, r]),
];

describe("sources of the other clouds' tables", () => {
  it.each(sourced)("%s cites a known source and a review date", (_name, entry) => {
    expect(SOURCES[entry.source]).toBeDefined();
    expect(entry.reviewed).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});

describe.each(Object.entries(REGION_TABLES))("%s regions", (cloud, table) => {
  it("has unique names of the cloud", () => {
    expect(new Set(table.map((r) => r.name)).size).toBe(table.length);
    expect(table.every((r) => r.cloud === cloud)).toBe(true);
  });
  it("gives every region a two-letter country", () => {
    expect(table.filter((r) => !/^[A-Z]{2}$/.test(r.country))).toEqual([]);
  });
});

describe.each(Object.entries(FAMILY_TABLES))("%s", (_table, families) => {
  it("names only catalogued chips", () => {
    for (const f of families) expect(() => chipEntry(f.chip)).not.toThrow();
  });
  it("has unique families", () => {
    expect(new Set(families.map((f) => f.family)).size).toBe(families.length);
  });
});

describe("regions in restricted jurisdictions", () => {
  it.each([
    ["gcp", "asia-east2", "HK"],
    ["alicloud", "cn-hongkong", "HK"],
    ["alicloud", "cn-hangzhou", "CN"],
    ["tencentcloud", "ap-hongkong", "HK"],
    ["tencentcloud", "ap-guangzhou", "CN"],
    ["huaweicloud", "ap-southeast-1", "HK"],
    ["huaweicloud", "cn-north-4", "CN"],
    ["huaweicloud", "ru-moscow-1", "RU"],
  ])("%s %s is in %s", (cloud, name, country) => {
    const found =
      cloud === "gcp"
        ? lookupGcpLocation(name)?.entry?.country
        : lookupListedCloudRegion(cloud as "alicloud", name)?.country;
    expect(found).toBe(country);
  });

  it("maps GCP zones to regions and leaves multi-country locations without a country", () => {
    expect(gcpRegionOfZone("europe-west12-a")).toBe("europe-west12");
    expect(lookupGcpLocation("asia-east2-c")?.region).toBe("asia-east2");
    expect(lookupGcpLocation("eu")).toBeUndefined();
    expect(lookupGcpLocation("us")?.entry?.country).toBe("US");
  });

  it("accepts the qualified names placements use for config lists", () => {
    expect(isKnownRegionName("asia-east2")).toBe(true);
    expect(isKnownRegionName("huaweicloud:ap-southeast-1")).toBe(true);
    expect(isKnownRegionName("alicloud:cn-hongkong")).toBe(true);
    expect(isKnownRegionName("huaweicloud:nowhere-9")).toBe(false);
  });
});

describe("GCP classifiers", () => {
  it.each([
    ["a2-ultragpu-8g", "a100"],
    ["a3-megagpu-8g", "h100"],
    ["a4-highgpu-8g", "b200"],
    ["a4x-highgpu-4g", "gb200"],
    ["g2-standard-96", "l4"],
  ])("machine type %s carries %s", (type, chip) => {
    expect(classifyGcpMachineType(type)?.chip).toBe(chipEntry(chip));
  });

  it.each([["n2-standard-8"], ["c3-highcpu-4"], ["e2-micro"], ["g1-small"], ["custom-8-32768"]])(
    "machine type %s carries none",
    (type) => {
      expect(classifyGcpMachineType(type)).toBeUndefined();
    },
  );

  it.each([
    ["a5-highgpu-8g", "GPU"],
    ["g6-standard-4", "GPU"],
    ["ct7p-hightpu-4t", "TPU"],
    ["tpu8x-standard-4t", "TPU"],
  ])(
    "machine type %s of a next generation is caught by its series as an uncatalogued %s",
    (type, what) => {
      const info = classifyGcpMachineType(type);
      expect(info?.catalogued).toBe(false);
      expect(info?.chip.name).toContain(what);
      expect(info?.chip.exportControl).toBe("uncertain");
    },
  );

  it.each([
    ["nvidia-tesla-t4-vws", "t4"],
    ["NVIDIA_H100_80GB", "h100"],
    ["projects/p/zones/us-central1-a/acceleratorTypes/nvidia-l4", "l4"],
    ["TPU_V5_LITEPOD", "tpu-v5e"],
  ])("accelerator type %s is %s", (type, chip) => {
    expect(classifyGcpAcceleratorType(type)?.chip).toBe(chipEntry(chip));
  });

  it("ignores unspecified and non-accelerator resource types", () => {
    expect(classifyGcpAcceleratorType("ACCELERATOR_TYPE_UNSPECIFIED")).toBeUndefined();
    expect(classifyGcpAcceleratorType("memory")).toBeUndefined();
  });

  it.each([
    ["v2-8", "tpu-v2"],
    ["v4-32", "tpu-v4"],
    ["v5litepod-16", "tpu-v5e"],
    ["V5P", "tpu-v5p"],
    ["v6e-8", "tpu-v6e"],
  ])("TPU type %s is %s", (type, chip) => {
    expect(classifyGcpTpuType(type)?.chip).toBe(chipEntry(chip));
  });
});

describe("AI-service modules of the other packages", () => {
  it.each([
    ["aws-native:sagemaker:Endpoint", "Amazon SageMaker AI"],
    ["aws-native:bedrock:Agent", "Amazon Bedrock"],
    ["azure:cognitive/account:Account", "Azure AI services (Azure OpenAI / Cognitive Services)"],
    ["azure:machinelearning/workspace:Workspace", "Azure Machine Learning"],
    ["gcp:vertex/aiEndpoint:AiEndpoint", "Google Cloud Vertex AI"],
    ["alicloud:pai/service:Service", "Alibaba Cloud Platform for AI (PAI)"],
  ])("%s is %s", (token, service) => {
    expect(lookupAiService(token)?.service).toBe(service);
  });

  it("does not take other modules of those packages for AI services", () => {
    expect(lookupAiService("gcp:compute/instance:Instance")).toBeUndefined();
    expect(lookupAiService("aws-native:ec2:Instance")).toBeUndefined();
  });
});
