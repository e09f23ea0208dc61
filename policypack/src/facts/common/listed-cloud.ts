// The region reading shared by the listed providers' own clouds (Alibaba Cloud, Tencent Cloud,
// Huawei Cloud). Their region codes reuse AWS-style spellings with other meanings (Huawei Cloud's
// ap-southeast-1 is Hong Kong, AWS's is Singapore), so placements carry the region qualified by
// the cloud ("huaweicloud:ap-southeast-1"): `allowedRegions: ["ap-southeast-1"]` written for AWS
// never allows a Huawei Cloud region by accident.
import { lookupListedCloudRegion } from "../../catalogue/regions";
import type { Cloud } from "../../data/types";
import type { RegionReading } from "./placement-chain";

/** "huaweicloud:ap-southeast-1". */
export function qualifiedRegion(cloud: Cloud, region: string): string {
  return `${cloud}:${region}`;
}

/** What a region or zone code of a listed provider's cloud means. */
export function readListedCloudRegion(cloud: Cloud, written: string): RegionReading {
  const found = lookupListedCloudRegion(cloud, written);
  const region = found?.region ?? written.trim().toLowerCase();
  return {
    region: qualifiedRegion(cloud, region),
    ...(found?.entry ? { entry: found.entry } : {}),
    ...(found?.country ? { country: found.country } : {}),
  };
}
