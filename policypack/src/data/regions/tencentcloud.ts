// Tencent Cloud (Pulumi package @tencentcloud_iac/pulumi, token prefix `tencentcloud:`): regions
// with their countries, and the CVM instance families that carry accelerators.
//
// Regions follow Tencent Cloud's "Regions and Availability Zones" pages (China: ap-guangzhou,
// ap-shanghai, ap-nanjing, ap-beijing, ap-chengdu, ap-chongqing, ap-hongkong; others:
// ap-singapore, ap-seoul, ap-tokyo, ap-bangkok, ap-mumbai, na-siliconvalley, eu-frankfurt). Zones
// are `<region>-<n>` ("ap-guangzhou-3").
//
// Instance types read `<FAMILY>.<SIZE>` ("GN7.2XLARGE32"); the family table follows Tencent
// Cloud's GPU instance-type pages as recalled: the chips are "uncertain" unless noted.
import { regionRows } from "../table-rows";
import type { RegionEntry } from "../types";

const region = regionRows("tencentcloud", "tencentcloud", "tencentcloud-regions", "verified");
const FSI = "Financial-industry region; not on the general region page read.";

export const TENCENTCLOUD_REGIONS: readonly RegionEntry[] = [
  region("ap-guangzhou", "CN", "South China (Guangzhou)", "2026-11-22"),
  region("ap-shanghai", "CN", "East China (Shanghai)", "2026-11-22"),
  region("ap-nanjing", "CN", "East China (Nanjing)", "2026-11-22"),
  region("ap-beijing", "CN", "North China (Beijing)", "2026-11-22"),
  region("ap-chengdu", "CN", "Southwest China (Chengdu)", "2026-11-22"),
  region("ap-chongqing", "CN", "Southwest China (Chongqing)", "2026-11-22"),
  region("ap-shanghai-fsi", "CN", "East China (Shanghai Finance)", "2026-11-22", "uncertain", FSI),
  region("ap-shenzhen-fsi", "CN", "South China (Shenzhen Finance)", "2026-11-22", "uncertain", FSI),
  region("ap-beijing-fsi", "CN", "North China (Beijing Finance)", "2026-11-22", "uncertain", FSI),
  region(
    "ap-hongkong",
    "HK",
    "Hong Kong, China",
    "2026-11-22",
    "verified",
    "Hong Kong: treated as China under the EAR since 85 FR 83765; the jurisdiction groups carry HK.",
  ),
  region("ap-singapore", "SG", "Southeast Asia (Singapore)", "2026-11-22"),
  region("ap-seoul", "KR", "Northeast Asia (Seoul)", "2026-11-22"),
  region("ap-tokyo", "JP", "Northeast Asia (Tokyo)", "2026-11-22"),
  region("ap-bangkok", "TH", "Southeast Asia (Bangkok)", "2026-11-22"),
  region("ap-mumbai", "IN", "South Asia Pacific (Mumbai)", "2026-11-22"),
  region("ap-jakarta", "ID", "Southeast Asia (Jakarta)", "2026-11-22", "third-party"),
  region("ap-taipei", "TW", "Taipei", "2026-11-22", "uncertain"),
  region("na-siliconvalley", "US", "US West (Silicon Valley)", "2026-11-22"),
  region("na-ashburn", "US", "US East (Virginia)", "2026-11-22", "third-party"),
  region("na-toronto", "CA", "North America (Toronto)", "2026-11-22", "uncertain"),
  region("sa-saopaulo", "BR", "South America (São Paulo)", "2026-11-22", "third-party"),
  region("eu-frankfurt", "DE", "Europe (Frankfurt)", "2026-11-22"),
  region("eu-moscow", "RU", "Europe (Northeastern Europe, Moscow)", "2026-11-22", "uncertain"),
];
