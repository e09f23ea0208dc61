// Huawei Cloud (Pulumi package from huaweicloud/pulumi-huaweicloud, token prefix
// `huaweicloud:`): regions with their countries, and the ECS flavor families that carry
// accelerators.
//
// Region IDs are those of the Huawei Cloud Go SDK's ECS region list (huaweicloud-sdk-go-v3
// services/ecs/v2/region); the places are Huawei Cloud's region names as recalled
// (ap-southeast-1 is CN-Hong Kong, ap-southeast-3 AP-Singapore), so they are "third-party"
// unless the name is plain from the ID. Every `cn-*` region is in mainland China.
//
// Flavors read `<family>.<size>.<ratio>` ("p2s.2xlarge.8", "pi2.4xlarge.4"); bare-metal flavors
// may carry a `physical.` prefix.
import { regionRows } from "../table-rows";
import type { ListedCloudRegionRule, RegionEntry } from "../types";

const region = regionRows(
  "huaweicloud",
  "huaweicloud",
  "huaweicloud-sdk-ecs-regions",
  "third-party",
);

export const HUAWEICLOUD_REGIONS: readonly RegionEntry[] = [
  region("cn-north-1", "CN", "CN North-Beijing1", "2026-11-22"),
  region("cn-north-2", "CN", "CN North-Beijing2", "2026-11-22"),
  region("cn-north-4", "CN", "CN North-Beijing4", "2026-11-22"),
  region("cn-north-9", "CN", "CN North-Ulanqab1", "2026-11-22"),
  region("cn-north-11", "CN", "CN North (Ulanqab)", "2026-11-22", "uncertain"),
  region("cn-north-12", "CN", "CN North", "2026-11-22", "uncertain"),
  region("cn-east-2", "CN", "CN East-Shanghai2", "2026-11-22"),
  region("cn-east-3", "CN", "CN East-Shanghai1", "2026-11-22"),
  region("cn-east-4", "CN", "CN East2 (Wuhu)", "2026-11-22"),
  region("cn-east-5", "CN", "CN East-Qingdao", "2026-11-22"),
  region("cn-south-1", "CN", "CN South-Guangzhou", "2026-11-22"),
  region("cn-south-2", "CN", "CN South-Shenzhen", "2026-11-22", "uncertain"),
  region("cn-south-4", "CN", "CN South-Guangzhou-InvitationOnly", "2026-11-22"),
  region("cn-southwest-2", "CN", "CN Southwest-Guiyang1", "2026-11-22"),
  region("cn-southwest-3", "CN", "CN Southwest", "2026-11-22", "uncertain"),
  region(
    "ap-southeast-1",
    "HK",
    "CN-Hong Kong",
    "2026-11-22",
    "third-party",
    "Not Singapore as in AWS: Huawei Cloud's ap-southeast-1 is Hong Kong. Hong Kong is treated as China under the EAR since 85 FR 83765.",
  ),
  region("ap-southeast-2", "TH", "AP-Bangkok", "2026-11-22"),
  region("ap-southeast-3", "SG", "AP-Singapore", "2026-11-22"),
  region("ap-southeast-4", "ID", "AP-Jakarta", "2026-11-22"),
  region("ap-southeast-5", "PH", "AP-Manila", "2026-11-22"),
  region("my-kualalumpur-1", "MY", "AP-Kuala Lumpur", "2026-11-22"),
  region("af-south-1", "ZA", "AF-Johannesburg", "2026-11-22"),
  region("af-north-1", "EG", "AF-Cairo", "2026-11-22"),
  region("sa-brazil-1", "BR", "LA-Sao Paulo1", "2026-11-22"),
  region("na-mexico-1", "MX", "LA-Mexico City1", "2026-11-22"),
  region("la-north-2", "MX", "LA-Mexico City2", "2026-11-22"),
  region("la-south-2", "CL", "LA-Santiago", "2026-11-22"),
  region("tr-west-1", "TR", "TR-Istanbul", "2026-11-22"),
  region("me-east-1", "SA", "ME-Riyadh", "2026-11-22"),
  region("ae-ad-1", "AE", "ME-Abu Dhabi", "2026-11-22", "uncertain"),
  region("eu-west-101", "IE", "EU-Dublin", "2026-11-22"),
  region("eu-west-0", "FR", "EU-Paris", "2026-11-22"),
  region("ru-moscow-1", "RU", "RU-Moscow", "2026-11-22", "uncertain"),
];

/** Every Huawei Cloud `cn-*` region is in mainland China (Hong Kong is ap-southeast-1). */
export const HUAWEICLOUD_MAINLAND_PATTERN = /^cn-[a-z]+-\d+$/;

export const HUAWEICLOUD_REGION_RULES: readonly ListedCloudRegionRule[] = [
  {
    cloud: "huaweicloud",
    pattern: HUAWEICLOUD_MAINLAND_PATTERN,
    country: "CN",
    source: "huaweicloud-sdk-ecs-regions",
    reviewed: "2026-11-22",
    confidence: "third-party",
    note: "Every listed cn-* region is in mainland China; Hong Kong is ap-southeast-1.",
  },
];
