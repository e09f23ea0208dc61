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
const DECOMMISSIONED =
  "Marked 'Decommissioned' on Alibaba Cloud's endpoint pages (Cloud Control API, Simple Log Service; read 2026-12-07); kept, retired, so old programs still resolve to China.";
const INDUSTRY = "Industry-cloud region, not on the ECS endpoint page read.";

export const ALICLOUD_REGIONS: readonly RegionEntry[] = [
  // Mainland China
  region("cn-qingdao", "CN", "China (Qingdao)", "2026-11-22"),
  region("cn-beijing", "CN", "China (Beijing)", "2026-11-22"),
  region("cn-zhangjiakou", "CN", "China (Zhangjiakou)", "2026-11-22"),
  region("cn-huhehaote", "CN", "China (Hohhot)", "2026-11-22"),
  region("cn-wulanchabu", "CN", "China (Ulanqab)", "2026-11-22"),
  region("cn-hangzhou", "CN", "China (Hangzhou)", "2026-11-22"),
  region("cn-shanghai", "CN", "China (Shanghai)", "2026-11-22"),
  {
    ...region(
      "cn-nanjing",
      "CN",
      "China East 5 (Nanjing - Local Region)",
      "2026-12-07",
      "verified",
      DECOMMISSIONED,
    ),
    source: "alicloud-endpoint-pages-2026",
    retired: true,
  },
  {
    ...region(
      "cn-fuzhou",
      "CN",
      "China East 6 (Fuzhou - Local Region)",
      "2026-12-07",
      "verified",
      DECOMMISSIONED,
    ),
    source: "alicloud-endpoint-pages-2026",
    retired: true,
  },
  region("cn-shenzhen", "CN", "China (Shenzhen)", "2026-11-22"),
  region("cn-heyuan", "CN", "China (Heyuan)", "2026-11-22"),
  region("cn-guangzhou", "CN", "China (Guangzhou)", "2026-11-22"),
  region("cn-chengdu", "CN", "China (Chengdu)", "2026-11-22"),
  region("cn-wuhan-lr", "CN", "China (Wuhan - Local Region)", "2026-11-22", "third-party"),
  region(
    "cn-zhengzhou-jva",
    "CN",
    "Zhengzhou (China Unicom joint venture)",
    "2026-11-22",
    "third-party",
  ),
  region("cn-zhongwei", "CN", "China (Zhongwei)", "2026-11-22", "third-party"),
  region(
    "cn-shanghai-finance-1",
    "CN",
    "China East 2 Finance",
    "2026-11-22",
    "third-party",
    INDUSTRY,
  ),
  region(
    "cn-shenzhen-finance-1",
    "CN",
    "China South 1 Finance",
    "2026-11-22",
    "uncertain",
    INDUSTRY,
  ),
  region(
    "cn-beijing-finance-1",
    "CN",
    "China North 2 Finance",
    "2026-11-22",
    "uncertain",
    INDUSTRY,
  ),
  region(
    "cn-north-2-gov-1",
    "CN",
    "Beijing Government Cloud",
    "2026-11-22",
    "third-party",
    INDUSTRY,
  ),
  // Hong Kong
  region(
    "cn-hongkong",
    "HK",
    "China (Hong Kong)",
    "2026-11-22",
    "verified",
    "Hong Kong: treated as China under the EAR since 85 FR 83765; the jurisdiction groups carry HK.",
  ),
  // Asia Pacific, other
  region("ap-northeast-1", "JP", "Japan (Tokyo)", "2026-11-22"),
  region("ap-northeast-2", "KR", "South Korea (Seoul)", "2026-11-22"),
  region("ap-southeast-1", "SG", "Singapore", "2026-11-22"),
  {
    ...region("ap-southeast-2", "AU", "Australia (Sydney)", "2026-12-07", "verified", CLOSED),
    retired: true,
  },
  region("ap-southeast-3", "MY", "Malaysia (Kuala Lumpur)", "2026-11-22"),
  region("ap-southeast-5", "ID", "Indonesia (Jakarta)", "2026-11-22"),
  region("ap-southeast-6", "PH", "Philippines (Manila)", "2026-11-22"),
  region("ap-southeast-7", "TH", "Thailand (Bangkok)", "2026-11-22"),
  region("ap-southeast-8", "MY", "Malaysia (Johor)", "2026-11-22", "third-party"),
  {
    ...region("ap-south-1", "IN", "India (Mumbai)", "2026-12-07", "verified", CLOSED),
    retired: true,
  },
  // Europe and Americas
  region("us-west-1", "US", "US (Silicon Valley)", "2026-11-22"),
  region("us-east-1", "US", "US (Virginia)", "2026-11-22"),
  region("us-southeast-1", "US", "US Southeast 1 (Atlanta)", "2026-11-22", "third-party"),
  region(
    "na-south-1",
    "MX",
    "Mexico",
    "2026-12-07",
    "uncertain",
    "Reported in Alibaba Cloud's endpoint lists by a data audit (2026-12-06); not found on the endpoint pages searched on 2026-12-07. The `na-` prefix and the audit place it in Mexico.",
  ),
  region("eu-central-1", "DE", "Germany (Frankfurt)", "2026-11-22"),
  region("eu-west-1", "GB", "UK (London)", "2026-11-22"),
  // Middle East
  region("me-east-1", "AE", "UAE (Dubai)", "2026-11-22"),
  region("me-central-1", "SA", "Saudi Arabia (Riyadh)", "2026-11-22", "third-party"),
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
