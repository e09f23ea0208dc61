// Listed foreign providers: clouds and carriers tied to restricted jurisdictions, with the
// identifiers that reveal a peering, interconnect or deployment with them (ASNs, carrier names as
// clouds spell them, Pulumi packages). Data only: the matcher (catalogue/provider-matcher.ts) indexes it.
//
// How much to trust each identifier is recorded per identifier. No RIR (APNIC/RIPE/ARIN) record
// was read for any ASN: a "verified" ASN is one the holder itself publishes as its own; a
// "third-party" ASN is one that independent public renderings of registry or routing data agree
// on (named in `note`); an "uncertain" ASN rests on one rendering, on renderings that disagree,
// or on recollection. Re-check holders at the RIR (e.g. RIPEstat) when reviewing.
import type { Confidence, CountryCode, Sourced } from "./types";

/** One autonomous system a provider operates. */
export interface ProviderAsn {
  readonly asn: number;
  /** The registered holder, with the AS name where one was seen: "Byteplus Pte. Ltd. (BYTEPLUS-AS-AP)". */
  readonly holder: string;
  readonly confidence: Confidence;
  /** Key into SOURCES. */
  readonly source: string;
  readonly note?: string;
}

/** A Pulumi package whose resources and provider create infrastructure at this provider. */
export interface ProviderPackage {
  /** Type-token prefix, with its colon: "alicloud:". Provider resources are "pulumi:providers:alicloud". */
  readonly prefix: string;
  /** The npm package of the Node.js SDK, where known. */
  readonly npm?: string;
  readonly confidence: Confidence;
  readonly source: string;
  readonly note?: string;
}

export interface ForeignProvider extends Sourced {
  /** Stable kebab-case id: "alibaba-cloud". */
  readonly id: string;
  readonly name: string;
  /** Where the provider (or its parent) is established. */
  readonly country: CountryCode;
  readonly asns: readonly ProviderAsn[];
  /**
   * Names as clouds spell them in partner and link-provider fields, e.g. Azure ExpressRoute
   * `serviceProviderName` "China Telecom Global". Matched case- and space-insensitively, so list
   * each distinct name once.
   */
  readonly carrierNames: readonly string[];
  /** Key into the sources for `carrierNames`. */
  readonly carrierSource: string;
  readonly pulumiPackages: readonly ProviderPackage[];
  /** AWS account IDs (12 digits) the provider is known to operate. */
  readonly accountIds?: readonly string[];
  /** Azure subscription IDs (GUIDs). */
  readonly subscriptionIds?: readonly string[];
  /** Azure tenant IDs (GUIDs). */
  readonly tenantIds?: readonly string[];
  /** Address ranges (IPv4 or IPv6 CIDR) the provider announces. */
  readonly cidrs?: readonly string[];
  /** PrivateLink / Private Link service names or aliases, exact or with `*` wildcards. */
  readonly serviceNames?: readonly string[];
}

/** Shorthand for the common case: an ASN backed by third-party renderings. */
function thirdParty(asn: number, holder: string, source: string, note?: string): ProviderAsn {
  return { asn, holder, confidence: "third-party", source, ...(note ? { note } : {}) };
}

export const BUILTIN_FOREIGN_PROVIDERS: readonly ForeignProvider[] = [
  {
    id: "alibaba-cloud",
    name: "Alibaba Cloud",
    country: "CN",
    source: "project-domain-notes",
    reviewed: "2026-11-22",
    confidence: "third-party",
    asns: [
      thirdParty(
        45102,
        "Alibaba (US) Technology Co., Ltd. (ALIBABA-CN-NET)",
        "asn-name-renderings",
        "Also rendered as 'CNNIC-ALIBABA-CN-NET-AP Alibaba China Technology Co.' (RPKI-Observatory, 2018).",
      ),
      thirdParty(
        37963,
        "Hangzhou Alibaba Advertising Co., Ltd. (CNNIC-ALIBABA-CN-NET-AP)",
        "asn-name-renderings",
        "Alibaba Cloud mainland ECS; many independent tables agree.",
      ),
      thirdParty(
        134963,
        "Alibaba Cloud (Singapore) Private Limited",
        "cloudcheck-provider-orgs",
        "APNIC org ORG-ASEP1-AP-APNIC.",
      ),
      thirdParty(
        24429,
        "Zhejiang Taobao Network Co., Ltd. (TAOBAO)",
        "asn-name-renderings",
        "Alibaba group's e-commerce network rather than the cloud.",
      ),
    ],
    carrierNames: ["Alibaba Cloud", "Aliyun"],
    carrierSource: "provider-trading-names",
    pulumiPackages: [
      {
        prefix: "alicloud:",
        npm: "@pulumi/alicloud",
        confidence: "verified",
        source: "pulumi-alicloud",
      },
    ],
  },
  {
    id: "tencent-cloud",
    name: "Tencent Cloud",
    country: "CN",
    source: "project-domain-notes",
    reviewed: "2026-11-22",
    confidence: "third-party",
    asns: [
      thirdParty(
        45090,
        "Shenzhen Tencent Computer Systems Company Limited (TENCENT-NET-AP)",
        "asn-name-renderings",
      ),
      thirdParty(
        132203,
        "Tencent Building, Kejizhongyi Avenue (TENCENT-NET-AP-CN)",
        "cloudcheck-provider-orgs",
        "Under APNIC org ORG-STCS1-AP-APNIC (Shenzhen Tencent Computer Systems).",
      ),
      thirdParty(
        132591,
        "Shenzhen Tencent Computer Systems Company Limited",
        "cloudcheck-provider-orgs",
        "Under APNIC org ORG-STCS1-AP-APNIC.",
      ),
      thirdParty(
        133478,
        "Tencent Cloud Computing (Beijing) Co., Ltd",
        "cloudcheck-provider-orgs",
        "APNIC org ORG-TCCC1-AP-APNIC.",
      ),
      thirdParty(
        137876,
        "Tencent (Thailand) Company Limited",
        "cloudcheck-provider-orgs",
        "APNIC org ORG-TCL14-AP-APNIC.",
      ),
    ],
    carrierNames: ["Tencent Cloud"],
    carrierSource: "provider-trading-names",
    pulumiPackages: [
      {
        prefix: "tencentcloud:",
        npm: "@tencentcloud_iac/pulumi",
        confidence: "verified",
        source: "pulumi-tencentcloud-repo",
      },
    ],
  },
  {
    id: "huawei-cloud",
    name: "Huawei Cloud",
    country: "CN",
    source: "project-domain-notes",
    reviewed: "2026-11-22",
    confidence: "third-party",
    note: "AS136907 is registered in Hong Kong to Huawei's Singapore entity; the parent is in CN.",
    asns: [
      thirdParty(
        136907,
        "HUAWEI CLOUDS (HWCLOUDS-AS-AP), Hong Kong",
        "cloudcheck-provider-orgs",
        "APNIC org ORG-HIPL2-AP-APNIC (HUAWEI INTERNATIONAL PTE. LTD.); renderings agree.",
      ),
      thirdParty(
        55990,
        "Huawei Cloud Service data center (HWCSNET)",
        "asn-name-renderings",
        "Huawei Cloud mainland China.",
      ),
    ],
    carrierNames: ["Huawei Cloud", "HUAWEI CLOUDS"],
    carrierSource: "provider-trading-names",
    pulumiPackages: [
      {
        prefix: "huaweicloud:",
        npm: "@pulumi/huaweicloud",
        confidence: "verified",
        source: "pulumi-huaweicloud-repo",
        note:
          "The prefix is verified in provider/resources.go; the npm name is the repository's " +
          "package.json and was not found in the npm listing checked.",
      },
    ],
  },
  {
    id: "baidu",
    name: "Baidu (Baidu AI Cloud)",
    country: "CN",
    source: "project-domain-notes",
    reviewed: "2026-11-22",
    confidence: "third-party",
    asns: [
      thirdParty(
        38365,
        "Beijing Baidu Netcom Science and Technology Co., Ltd.",
        "asn-name-renderings",
      ),
      thirdParty(
        55967,
        "Beijing Baidu Netcom Science and Technology Co., Ltd.",
        "asn-name-renderings",
        "Most renderings say Baidu; one game-network list labels it otherwise.",
      ),
      thirdParty(
        133746,
        "Baidu (Hong Kong) Limited",
        "cloudcheck-provider-orgs",
        "APNIC org ORG-BKL1-AP-APNIC.",
      ),
      thirdParty(
        199506,
        "Baidu (Hong Kong) Limited",
        "cloudcheck-provider-orgs",
        "RIPE org ORG-BKL4-RIPE.",
      ),
      thirdParty(63288, "Baidu USA LLC", "cloudcheck-provider-orgs", "ARIN org BUL-5-ARIN."),
    ],
    carrierNames: ["Baidu AI Cloud", "Baidu Cloud"],
    carrierSource: "provider-trading-names",
    pulumiPackages: [],
  },
  {
    id: "bytedance",
    name: "ByteDance (Volcano Engine, BytePlus)",
    country: "CN",
    source: "project-domain-notes",
    reviewed: "2026-11-22",
    confidence: "third-party",
    note: "BytePlus operates from Singapore; Volcano Engine and the parent's operations are in CN.",
    asns: [
      thirdParty(137718, "Beijing Volcano Engine Technology Co., Ltd.", "asn-name-renderings"),
      thirdParty(150436, "Byteplus Pte. Ltd. (BYTEPLUS-AS-AP), Singapore", "asn-name-renderings"),
      thirdParty(
        396986,
        "ByteDance Inc. (US)",
        "asn-name-renderings",
        "Two renderings only (iptoasn description, a crawler-ASN list).",
      ),
    ],
    carrierNames: ["Volcano Engine", "Volcengine", "BytePlus"],
    carrierSource: "provider-trading-names",
    pulumiPackages: [
      {
        prefix: "volcengine:",
        npm: "@volcengine/pulumi",
        confidence: "verified",
        source: "pulumi-volcengine-repo",
      },
      {
        prefix: "volcenginecc:",
        npm: "@volcengine/pulumi-volcenginecc",
        confidence: "verified",
        source: "pulumi-volcengine-repo",
        note: "The Cloud Control flavour; its schema name is `volcenginecc`.",
      },
    ],
  },
  {
    id: "kingsoft-cloud",
    name: "Kingsoft Cloud",
    country: "CN",
    source: "project-domain-notes",
    reviewed: "2026-11-22",
    confidence: "uncertain",
    asns: [
      {
        asn: 59019,
        holder: "Beijing Kingsoft Cloud (ksyun)",
        confidence: "uncertain",
        source: "asn-name-renderings",
        note:
          "Renderings disagree: most say Kingsoft Cloud (and a Xiaomi endpoint, a Kingsoft " +
          "affiliate, sits in it), one says Baidu Cloud. Re-check at APNIC.",
      },
      {
        asn: 137280,
        holder: "Kingsoft Cloud",
        confidence: "uncertain",
        source: "asn-name-renderings",
        note: "One table only.",
      },
    ],
    carrierNames: ["Kingsoft Cloud", "KSYUN"],
    carrierSource: "provider-trading-names",
    pulumiPackages: [],
  },
  {
    id: "ucloud",
    name: "UCloud",
    country: "CN",
    source: "project-domain-notes",
    reviewed: "2026-11-22",
    confidence: "third-party",
    asns: [
      thirdParty(
        135377,
        "UCLOUD INFORMATION TECHNOLOGY (HK) LIMITED",
        "asn-name-renderings",
        "Team Cymru whois and ipinfo renderings agree ('UCloud (HK) Holdings Group Limited').",
      ),
      {
        asn: 59077,
        holder: "UCloud (mainland; holder name not seen)",
        confidence: "uncertain",
        source: "asn-name-renderings",
        note: "Two lists put it under UCloud without naming the registered holder.",
      },
    ],
    carrierNames: ["UCloud"],
    carrierSource: "provider-trading-names",
    pulumiPackages: [],
  },
  {
    id: "china-telecom",
    name: "China Telecom",
    country: "CN",
    source: "project-domain-notes",
    reviewed: "2026-11-22",
    confidence: "verified",
    asns: [
      {
        asn: 4134,
        holder: "China Telecom (CHINANET-BACKBONE)",
        confidence: "verified",
        source: "china-telecom-manrs-2021",
      },
      {
        asn: 4809,
        holder: "China Telecom Next Generation Carrier Network (CN2)",
        confidence: "verified",
        source: "china-telecom-manrs-2021",
      },
      {
        asn: 23764,
        holder: "China Telecom Global (CTGNet)",
        confidence: "verified",
        source: "china-telecom-manrs-2021",
      },
      {
        asn: 36678,
        holder: "China Telecom (Americas) Corporation",
        confidence: "verified",
        source: "china-telecom-manrs-2021",
      },
      thirdParty(4812, "China Telecom Group (CHINANET-SH-AP)", "rpki-observatory-as-names"),
      thirdParty(4811, "China Telecom (Group)", "asn-name-renderings"),
      thirdParty(
        58519,
        "Cloud Computing Corporation (CHINATELECOM-CTCLOUD)",
        "rpki-observatory-as-names",
        "China Telecom's cloud (CTyun).",
      ),
      thirdParty(
        23724,
        "China Telecom IDC (CHINANET IDC)",
        "asn-name-renderings",
        "Holder name not seen; two tables list it as China Telecom's data-centre network.",
      ),
    ],
    carrierNames: ["China Telecom Global", "China Telecom", "China Telecom Americas", "ChinaNet"],
    carrierSource: "ms-expressroute-locations",
    pulumiPackages: [],
  },
  {
    id: "china-unicom",
    name: "China Unicom",
    country: "CN",
    source: "project-domain-notes",
    reviewed: "2026-11-22",
    confidence: "third-party",
    asns: [
      thirdParty(4837, "CHINA UNICOM China169 Backbone (CHINA169-BACKBONE)", "asn-name-renderings"),
      thirdParty(
        9929,
        "China Unicom Industrial Internet Backbone (CUII, 'A-net')",
        "asn-name-renderings",
      ),
      thirdParty(10099, "China Unicom Global Limited (CUG)", "asn-name-renderings"),
      thirdParty(
        4808,
        "China Unicom Beijing Province Network (CHINA169-BJ)",
        "rpki-observatory-as-names",
      ),
    ],
    carrierNames: ["China Unicom Global", "China Unicom"],
    carrierSource: "ms-expressroute-locations",
    pulumiPackages: [],
  },
  {
    id: "china-mobile",
    name: "China Mobile",
    country: "CN",
    source: "project-domain-notes",
    reviewed: "2026-11-22",
    confidence: "third-party",
    asns: [
      thirdParty(
        9808,
        "China Mobile Communications Group Co., Ltd. (CMNET)",
        "asn-name-renderings",
      ),
      thirdParty(
        58453,
        "China Mobile International Limited (CMI-INT)",
        "asn-name-renderings",
        "Traceroute annotations: cmi.chinamobile.com.",
      ),
      thirdParty(
        58807,
        "China Mobile International (CMIN2-NET)",
        "asn-name-renderings",
        "Traceroute annotations: cmi.chinamobile.com.",
      ),
      thirdParty(
        56040,
        "China Mobile Guangdong (provincial network)",
        "asn-name-renderings",
        "Traceroute annotations: gd.10086.cn, chinamobile.com.",
      ),
      {
        asn: 56048,
        holder: "China Mobile (provincial network)",
        confidence: "uncertain",
        source: "project-domain-notes",
        note: "From the reference brief; holder not checked.",
      },
    ],
    carrierNames: ["China Mobile International", "China Mobile"],
    carrierSource: "ms-expressroute-locations",
    pulumiPackages: [],
  },
  {
    id: "yandex",
    name: "Yandex (incl. Yandex Cloud)",
    country: "RU",
    source: "project-domain-notes",
    reviewed: "2026-11-22",
    confidence: "third-party",
    asns: [
      thirdParty(
        13238,
        "YANDEX LLC (YANDEX)",
        "cloudcheck-provider-orgs",
        "RIPE org ORG-YA1-RIPE.",
      ),
      thirdParty(44534, "YANDEX LLC (yandex-office)", "cloudcheck-provider-orgs"),
      thirdParty(
        200350,
        "Yandex.Cloud LLC (YANDEXCLOUD)",
        "cloudcheck-provider-orgs",
        "RIPE org ORG-YL62-RIPE; the AS name also appears in RPKI-Observatory RU pages.",
      ),
      thirdParty(210656, "Yandex.Cloud LLC (YACLOUDBMS)", "cloudcheck-provider-orgs"),
      thirdParty(215013, "Yandex.Cloud LLC (YACLOUDCDN)", "cloudcheck-provider-orgs"),
      thirdParty(
        202611,
        "Yandex.Telecom LLC (YCTL)",
        "cloudcheck-provider-orgs",
        "RIPE org ORG-YCTL2-RIPE.",
      ),
      thirdParty(213952, "Yandex.Telecom LLC (YACLOUDII)", "cloudcheck-provider-orgs"),
    ],
    carrierNames: ["Yandex Cloud", "Yandex"],
    carrierSource: "provider-trading-names",
    pulumiPackages: [
      {
        prefix: "yandex:",
        npm: "@pulumi/yandex",
        confidence: "verified",
        source: "pulumi-yandex-repo",
        note: "Whether the package is still maintained is uncertain.",
      },
    ],
  },
  {
    id: "vk",
    name: "VK (VK Cloud, Mail.ru)",
    country: "RU",
    source: "project-domain-notes",
    reviewed: "2026-11-22",
    confidence: "third-party",
    asns: [
      thirdParty(
        47764,
        "LLC VK (formerly Mail.Ru)",
        "asn-name-renderings",
        "MaxMind GeoLite2-ASN rendering 'LLC VK'.",
      ),
      thirdParty(47541, "LLC VK (VKontakte)", "asn-name-renderings"),
      thirdParty(47542, "LLC VK (VKontakte)", "asn-name-renderings"),
      thirdParty(28709, "LLC VK", "asn-name-renderings", "One list notes it as little used."),
    ],
    carrierNames: ["VK Cloud", "Mail.ru"],
    carrierSource: "provider-trading-names",
    pulumiPackages: [],
  },
  {
    id: "selectel",
    name: "Selectel",
    country: "RU",
    source: "project-domain-notes",
    reviewed: "2026-11-22",
    confidence: "third-party",
    asns: [
      thirdParty(
        49505,
        'OOO "Network of data-centers "Selectel"" (SELECTEL)',
        "rpki-observatory-as-names",
      ),
      thirdParty(50340, "Selectel (Moscow network)", "asn-name-renderings"),
    ],
    carrierNames: ["Selectel"],
    carrierSource: "provider-trading-names",
    pulumiPackages: [],
  },
  {
    id: "rostelecom",
    name: "Rostelecom",
    country: "RU",
    source: "project-domain-notes",
    reviewed: "2026-11-22",
    confidence: "third-party",
    asns: [thirdParty(12389, "PJSC Rostelecom (ROSTELECOM-AS)", "asn-name-renderings")],
    carrierNames: ["Rostelecom"],
    carrierSource: "provider-trading-names",
    pulumiPackages: [],
  },
  {
    id: "mts",
    name: "MTS (Mobile TeleSystems)",
    country: "RU",
    source: "project-domain-notes",
    reviewed: "2026-11-22",
    confidence: "third-party",
    asns: [
      thirdParty(
        8359,
        "MTS PJSC",
        "asn-name-renderings",
        "ipinfo rendering 'AS8359 MTS PJSC'; a RIPE whois rendering shows origin AS8359 " +
          "maintained by MTSNET-MNT. One third-party file mislabels it as Rostelecom.",
      ),
    ],
    carrierNames: ["MTS", "Mobile TeleSystems"],
    carrierSource: "provider-trading-names",
    pulumiPackages: [],
  },
];
