// Yandex Cloud (Pulumi package @pulumi/yandex, token prefix `yandex:`): regions with their
// countries. Zones are `<region>-<letter>` ("ru-central1-a"); the provider places a resource by
// its `zone`, else the provider's `zone` (stack config `yandex:zone`), else YC_ZONE.
//
// ru-central1 (Moscow area data centres) is Yandex Cloud's main region. The Kazakhstan region
// (kz1) and the Israel installation (il1) are named in Yandex Cloud's documentation sources as
// separate installations; their codes are recalled, so marked uncertain.
import { regionRows } from "../table-rows";
import type { ListedCloudRegionRule, RegionEntry } from "../types";

const region = regionRows("yandex", "yandex", "yandex-cloud-regions", "verified");

export const YANDEX_REGIONS: readonly RegionEntry[] = [
  region("ru-central1", "RU", "Russia (Central, Moscow area)", "2026-12-07"),
  region(
    "ru-central2",
    "RU",
    "Russia (Central 2)",
    "2026-12-07",
    "uncertain",
    "Named as an example zone prefix (ru-central2-c) in the provider's `zone` description.",
  ),
  region("kz1", "KZ", "Kazakhstan (Almaty)", "2026-12-07", "uncertain"),
  region("il1", "IL", "Israel (Tel Aviv)", "2026-12-07", "uncertain"),
];

/** A `ru-*` region or zone not listed above is still in Russia. */
export const YANDEX_REGION_RULES: readonly ListedCloudRegionRule[] = [
  {
    cloud: "yandex",
    pattern: /^ru-/,
    country: "RU",
    source: "yandex-cloud-regions",
    reviewed: "2026-12-07",
    confidence: "uncertain",
    note: "Every listed ru-* region is in Russia; the rule extends that to new ones.",
  },
];
