// Alibaba Cloud (Pulumi package @pulumi/alicloud, token prefix `alicloud:`): regions with their
// countries, and the ECS instance families that carry accelerators.
//
// Regions are those of the ECS API endpoint list (Alibaba Cloud Help Center, "Elastic Compute
// Service: Endpoints", updated Jan 2026), plus the finance and government industry-cloud
// regions. Every `cn-*` region except cn-hongkong is in mainland China; a `cn-*` region not
// listed here still resolves to CN (`ALICLOUD_MAINLAND_PATTERN`).
//
// Instance types read `ecs.<family>[-<variant>].<size>` ("ecs.gn7i-c8g1.2xlarge"); bare-metal and
// super-computing variants prefix the family with `ebm` / `scc` ("ecs.ebmgn7e.32xlarge"). The
// family-to-GPU table follows Alibaba Cloud's GPU-accelerated instance family pages as recalled
// and rendered by third parties: the chips are "third-party" or "uncertain".
import { regionRows } from "../table-rows";
import type { ListedCloudRegionRule, RegionEntry } from "../types";

const region = regionRows("alicloud", "alicloud", "alicloud-ecs-endpoints", "verified");
const CLOSED = "Listed as closed on the endpoint page; kept so old programs still resolve.";
const INDUSTRY = "Industry-cloud region, not on the ECS endpoint page read.";

export const ALICLOUD_REGIONS: readonly RegionEntry[] = [
  // Mainland China
  region("cn-qingdao", "CN", "China (Qingdao)"),
  region("cn-beijing", "CN", "China (Beijing)"),
  region("cn-zhangjiakou", "CN", "China (Zhangjiakou)"),
  region("cn-huhehaote", "CN", "China (Hohhot)"),
  region("cn-wulanchabu", "CN", "China (Ulanqab)"),
  region("cn-hangzhou", "CN", "China (Hangzhou)"),
  region("cn-shanghai", "CN", "China (Shanghai)"),
  region("cn-nanjing", "CN", "China (Nanjing - Local Region)"),
  region("cn-fuzhou", "CN", "China (Fuzhou - Local Region)"),
  region("cn-shenzhen", "CN", "China (Shenzhen)"),
  region("cn-heyuan", "CN", "China (Heyuan)"),
  region("cn-guangzhou", "CN", "China (Guangzhou)"),
  region("cn-chengdu", "CN", "China (Chengdu)"),
  region("cn-wuhan-lr", "CN", "China (Wuhan - Local Region)", "third-party"),
  region("cn-zhengzhou-jva", "CN", "Zhengzhou (China Unicom joint venture)", "third-party"),
  region("cn-zhongwei", "CN", "China (Zhongwei)", "third-party"),
  region("cn-shanghai-finance-1", "CN", "China East 2 Finance", "third-party", INDUSTRY),
  region("cn-shenzhen-finance-1", "CN", "China South 1 Finance", "uncertain", INDUSTRY),
  region("cn-beijing-finance-1", "CN", "China North 2 Finance", "uncertain", INDUSTRY),
  region("cn-north-2-gov-1", "CN", "Beijing Government Cloud", "third-party", INDUSTRY),
  // Hong Kong
  region(
    "cn-hongkong",
    "HK",
    "China (Hong Kong)",
    "verified",
    "Hong Kong: treated as China under the EAR since 85 FR 83765; the jurisdiction groups carry HK.",
  ),
  // Asia Pacific, other
  region("ap-northeast-1", "JP", "Japan (Tokyo)"),
  region("ap-northeast-2", "KR", "South Korea (Seoul)"),
  region("ap-southeast-1", "SG", "Singapore"),
  region("ap-southeast-2", "AU", "Australia (Sydney)", "verified", CLOSED),
  region("ap-southeast-3", "MY", "Malaysia (Kuala Lumpur)"),
  region("ap-southeast-5", "ID", "Indonesia (Jakarta)"),
  region("ap-southeast-6", "PH", "Philippines (Manila)"),
  region("ap-southeast-7", "TH", "Thailand (Bangkok)"),
  region("ap-southeast-8", "MY", "Malaysia (Johor)", "third-party"),
  region("ap-south-1", "IN", "India (Mumbai)", "third-party", CLOSED),
  // Europe and Americas
  region("us-west-1", "US", "US (Silicon Valley)"),
  region("us-east-1", "US", "US (Virginia)"),
  region("us-southeast-1", "US", "US Southeast 1 (Atlanta)", "third-party"),
  region("eu-central-1", "DE", "Germany (Frankfurt)"),
  region("eu-west-1", "GB", "UK (London)"),
  // Middle East
  region("me-east-1", "AE", "UAE (Dubai)"),
  region("me-central-1", "SA", "Saudi Arabia (Riyadh)", "third-party"),
];

/** Every Alibaba Cloud `cn-*` region other than cn-hongkong is in mainland China. */
export const ALICLOUD_MAINLAND_PATTERN = /^cn-(?!hongkong$)[a-z0-9-]+$/;

export const ALICLOUD_REGION_RULES: readonly ListedCloudRegionRule[] = [
  {
    cloud: "alicloud",
    pattern: ALICLOUD_MAINLAND_PATTERN,
    country: "CN",
    source: "alicloud-ecs-endpoints",
    reviewed: "2026-11-22",
    confidence: "third-party",
    note: "Every listed cn-* region except cn-hongkong is in mainland China.",
  },
];
