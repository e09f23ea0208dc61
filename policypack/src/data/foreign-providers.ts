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
  /** YYYY-MM-DD: when a person last checked this ASN against its source. */
  readonly reviewed: string;
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
  /** YYYY-MM-DD: when a person last checked this package against its source. */
  readonly reviewed: string;
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
function thirdParty(
  asn: number,
  holder: string,
  source: string,
  reviewed: string,
  note?: string,
): ProviderAsn {
  return { asn, holder, confidence: "third-party", source, reviewed, ...(note ? { note } : {}) };
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
        "2026-12-07",
        "Also rendered as 'CNNIC-ALIBABA-CN-NET-AP Alibaba China Technology Co.' (RPKI-Observatory, 2020); in nDPI's Alibaba list.",
      ),
      thirdParty(
        37963,
        "Hangzhou Alibaba Advertising Co., Ltd. (CNNIC-ALIBABA-CN-NET-AP)",
        "asn-name-renderings",
        "2026-12-07",
        "Alibaba Cloud mainland ECS; many independent tables agree (RPKI-Observatory, firewall ASN tables, nDPI).",
      ),
      thirdParty(
        134963,
        "Alibaba Cloud (Singapore) Private Limited",
        "cloudcheck-provider-orgs",
        "2026-12-07",
        "APNIC org ORG-ASEP1-AP-APNIC; also in nDPI's Alibaba list.",
      ),
      thirdParty(
        24429,
        "Zhejiang Taobao Network Co., Ltd. (TAOBAO)",
        "asn-name-renderings",
        "2026-11-22",
        "Alibaba group's e-commerce network rather than the cloud.",
      ),
      thirdParty(
        45103,
        "Alibaba (holder name not seen)",
        "ndpi-asn-lists",
        "2026-12-07",
        "In nDPI's Alibaba list; a second, independent research note names it Alibaba Cloud.",
      ),
      ...[45104, 59028, 59051, 59052, 59053, 59054, 59055, 34947, 211914].map(
        (asn): ProviderAsn => ({
          asn,
          holder: "Alibaba (holder name not seen)",
          confidence: "uncertain",
          source: "ndpi-asn-lists",
          reviewed: "2026-12-07",
          note:
            "One maintained list only (nDPI's NDPI_PROTOCOL_ALIBABA, copied by other tools); the " +
            "registered holder was not read at the RIR.",
        }),
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
        reviewed: "2026-12-07",
        note: "`npm view @pulumi/alicloud` gave version 3.108.0 on 2026-12-07.",
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
        "2026-11-22",
      ),
      thirdParty(
        132203,
        "Tencent Building, Kejizhongyi Avenue (TENCENT-NET-AP-CN)",
        "cloudcheck-provider-orgs",
        "2026-11-22",
        "Under APNIC org ORG-STCS1-AP-APNIC (Shenzhen Tencent Computer Systems).",
      ),
      thirdParty(
        132591,
        "Shenzhen Tencent Computer Systems Company Limited",
        "cloudcheck-provider-orgs",
        "2026-11-22",
        "Under APNIC org ORG-STCS1-AP-APNIC.",
      ),
      thirdParty(
        133478,
        "Tencent Cloud Computing (Beijing) Co., Ltd",
        "cloudcheck-provider-orgs",
        "2026-11-22",
        "APNIC org ORG-TCCC1-AP-APNIC.",
      ),
      thirdParty(
        137876,
        "Tencent (Thailand) Company Limited",
        "cloudcheck-provider-orgs",
        "2026-11-22",
        "APNIC org ORG-TCL14-AP-APNIC.",
      ),
    ],
    carrierNames: ["Tencent Cloud"],
    carrierSource: "provider-trading-names",
    pulumiPackages: [
      {
        prefix: "tencentcloud:",
        confidence: "verified",
        source: "pulumi-tencentcloud-repo",
        reviewed: "2026-12-07",
        note:
          "The prefix is the provider's. No npm name: the repository's README names " +
          "@tencentcloud_iac/pulumi, but `npm view` answered 404 on registry.npmjs.org (2026-12-07).",
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
        "2026-11-22",
        "APNIC org ORG-HIPL2-AP-APNIC (HUAWEI INTERNATIONAL PTE. LTD.); renderings agree.",
      ),
      thirdParty(
        55990,
        "Huawei Cloud Service data center (HWCSNET)",
        "asn-name-renderings",
        "2026-11-22",
        "Huawei Cloud mainland China.",
      ),
    ],
    carrierNames: ["Huawei Cloud", "HUAWEI CLOUDS"],
    carrierSource: "provider-trading-names",
    pulumiPackages: [
      {
        prefix: "huaweicloud:",
        confidence: "verified",
        source: "pulumi-huaweicloud-repo",
        reviewed: "2026-12-07",
        note:
          "The prefix is verified in provider/resources.go. No npm name: the repository's " +
          "package.json says @pulumi/huaweicloud, but `npm view` answered 404 on registry.npmjs.org " +
          "(2026-12-07).",
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
        "2026-11-22",
      ),
      thirdParty(
        55967,
        "Beijing Baidu Netcom Science and Technology Co., Ltd.",
        "asn-name-renderings",
        "2026-11-22",
        "Most renderings say Baidu; one game-network list labels it otherwise.",
      ),
      thirdParty(
        133746,
        "Baidu (Hong Kong) Limited",
        "cloudcheck-provider-orgs",
        "2026-11-22",
        "APNIC org ORG-BKL1-AP-APNIC.",
      ),
      thirdParty(
        199506,
        "Baidu (Hong Kong) Limited",
        "cloudcheck-provider-orgs",
        "2026-11-22",
        "RIPE org ORG-BKL4-RIPE.",
      ),
      thirdParty(
        63288,
        "Baidu USA LLC",
        "cloudcheck-provider-orgs",
        "2026-11-22",
        "ARIN org BUL-5-ARIN.",
      ),
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
      thirdParty(
        137718,
        "Beijing Volcano Engine Technology Co., Ltd.",
        "asn-name-renderings",
        "2026-11-22",
      ),
      thirdParty(
        150436,
        "Byteplus Pte. Ltd. (BYTEPLUS-AS-AP), Singapore",
        "asn-name-renderings",
        "2026-11-22",
      ),
      thirdParty(
        396986,
        "ByteDance Inc. (US)",
        "asn-name-renderings",
        "2026-11-22",
        "Two renderings only (iptoasn description, a crawler-ASN list).",
      ),
    ],
    carrierNames: ["Volcano Engine", "Volcengine", "BytePlus"],
    carrierSource: "provider-trading-names",
    pulumiPackages: [
      {
        prefix: "volcengine:",
        confidence: "verified",
        source: "pulumi-volcengine-repo",
        reviewed: "2026-12-07",
        note:
          "The prefix is the provider's. No npm name: the repository's package.json says " +
          "@volcengine/pulumi, but `npm view` answered 404 on registry.npmjs.org (2026-12-07).",
      },
      {
        prefix: "volcenginecc:",
        confidence: "verified",
        source: "pulumi-volcengine-repo",
        reviewed: "2026-12-07",
        note:
          "The Cloud Control flavour; its schema name is `volcenginecc`. No npm name: " +
          "`npm view @volcengine/pulumi-volcenginecc` answered 404 on registry.npmjs.org (2026-12-07).",
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
        reviewed: "2026-12-07",
        note:
          "Attributed to Kingsoft Cloud only. Two independent tables name Kingsoft Cloud (金山云) and a " +
          "Xiaomi endpoint (a Kingsoft affiliate) sits in it; one Chinese table says Baidu Cloud, taken as " +
          "a mistake. The holder was not read at APNIC.",
      },
      {
        asn: 137280,
        holder: "Kingsoft Cloud",
        confidence: "uncertain",
        source: "asn-name-renderings",
        reviewed: "2026-11-22",
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
        "2026-11-22",
        "Team Cymru whois and ipinfo renderings agree ('UCloud (HK) Holdings Group Limited').",
      ),
      {
        asn: 59077,
        holder: "UCloud (mainland; holder name not seen)",
        confidence: "uncertain",
        source: "asn-name-renderings",
        reviewed: "2026-11-22",
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
        reviewed: "2026-11-22",
      },
      {
        asn: 4809,
        holder: "China Telecom Next Generation Carrier Network (CN2)",
        confidence: "verified",
        source: "china-telecom-manrs-2021",
        reviewed: "2026-11-22",
      },
      {
        asn: 23764,
        holder: "China Telecom Global (CTGNet)",
        confidence: "verified",
        source: "china-telecom-manrs-2021",
        reviewed: "2026-11-22",
      },
      {
        asn: 36678,
        holder: "China Telecom (Americas) Corporation",
        confidence: "verified",
        source: "china-telecom-manrs-2021",
        reviewed: "2026-11-22",
      },
      thirdParty(
        4812,
        "China Telecom Group (CHINANET-SH-AP)",
        "rpki-observatory-as-names",
        "2026-11-22",
      ),
      thirdParty(4811, "China Telecom (Group)", "asn-name-renderings", "2026-11-22"),
      thirdParty(
        58519,
        "Cloud Computing Corporation (CHINATELECOM-CTCLOUD)",
        "rpki-observatory-as-names",
        "2026-11-22",
        "China Telecom's cloud (CTyun).",
      ),
      thirdParty(
        23724,
        "China Telecom IDC (CHINANET IDC)",
        "asn-name-renderings",
        "2026-11-22",
        "Holder name not seen; two tables list it as China Telecom's data-centre network.",
      ),
    ],
    carrierNames: [
      "China Telecom Global",
      "China Telecom",
      "China Telecom Americas",
      "ChinaNet",
      "Beijing Telecom Ethernet",
      "Shanghai Telecom Ethernet",
    ],
    carrierSource: "ms-expressroute-locations",
    note:
      "Beijing Telecom Ethernet and Shanghai Telecom Ethernet are the ExpressRoute providers of Azure " +
      "operated by 21Vianet (docs.azure.cn, read 2026-12-07), China Telecom's city networks.",
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
      thirdParty(
        4837,
        "CHINA UNICOM China169 Backbone (CHINA169-BACKBONE)",
        "asn-name-renderings",
        "2026-11-22",
      ),
      thirdParty(
        9929,
        "China Unicom Industrial Internet Backbone (CUII, 'A-net')",
        "asn-name-renderings",
        "2026-11-22",
      ),
      thirdParty(10099, "China Unicom Global Limited (CUG)", "asn-name-renderings", "2026-11-22"),
      thirdParty(
        4808,
        "China Unicom Beijing Province Network (CHINA169-BJ)",
        "rpki-observatory-as-names",
        "2026-11-22",
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
        "2026-11-22",
      ),
      thirdParty(
        58453,
        "China Mobile International Limited (CMI-INT)",
        "asn-name-renderings",
        "2026-11-22",
        "Traceroute annotations: cmi.chinamobile.com.",
      ),
      thirdParty(
        58807,
        "China Mobile International (CMIN2-NET)",
        "asn-name-renderings",
        "2026-11-22",
        "Traceroute annotations: cmi.chinamobile.com.",
      ),
      thirdParty(
        56040,
        "China Mobile Guangdong (provincial network)",
        "asn-name-renderings",
        "2026-11-22",
        "Traceroute annotations: gd.10086.cn, chinamobile.com.",
      ),
      {
        asn: 56048,
        holder: "China Mobile (provincial network)",
        confidence: "uncertain",
        source: "project-domain-notes",
        reviewed: "2026-11-22",
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
        "2026-12-07",
        "RIPE org ORG-YA1-RIPE.",
      ),
      thirdParty(44534, "YANDEX LLC (yandex-office)", "cloudcheck-provider-orgs", "2026-12-07"),
      thirdParty(
        200350,
        "Yandex.Cloud LLC (YANDEXCLOUD)",
        "cloudcheck-provider-orgs",
        "2026-12-07",
        "RIPE org ORG-YL62-RIPE; the AS name also appears in RPKI-Observatory RU pages.",
      ),
      thirdParty(210656, "Yandex.Cloud LLC (YACLOUDBMS)", "cloudcheck-provider-orgs", "2026-12-07"),
      thirdParty(215013, "Yandex.Cloud LLC (YACLOUDCDN)", "cloudcheck-provider-orgs", "2026-12-07"),
      thirdParty(
        202611,
        "Yandex.Telecom LLC (YCTL)",
        "cloudcheck-provider-orgs",
        "2026-12-07",
        "RIPE org ORG-YCTL2-RIPE.",
      ),
      thirdParty(
        213952,
        "Yandex.Telecom LLC (YACLOUDII)",
        "cloudcheck-provider-orgs",
        "2026-12-07",
      ),
      thirdParty(
        207207,
        "Yandex.OFD LLC (YL30)",
        "cloudcheck-provider-orgs",
        "2026-12-07",
        "RIPE org ORG-YL30-RIPE, a Yandex company.",
      ),
      thirdParty(
        215109,
        "YANDEX LLC (YANDEX-COM)",
        "cloudcheck-provider-orgs",
        "2026-12-07",
        "RIPE org ORG-YA1-RIPE, beside AS13238.",
      ),
    ],
    carrierNames: ["Yandex Cloud", "Yandex"],
    carrierSource: "provider-trading-names",
    pulumiPackages: [
      {
        prefix: "yandex:",
        confidence: "verified",
        source: "pulumi-yandex-repo",
        reviewed: "2026-12-07",
        note:
          "The prefix is the provider's. No npm name: `npm view @pulumi/yandex` answered 404 on " +
          "registry.npmjs.org (2026-12-07), so the SDK is not published there under that name.",
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
        "2026-11-22",
        "MaxMind GeoLite2-ASN rendering 'LLC VK'.",
      ),
      thirdParty(47541, "LLC VK (VKontakte)", "asn-name-renderings", "2026-11-22"),
      thirdParty(47542, "LLC VK (VKontakte)", "asn-name-renderings", "2026-11-22"),
      thirdParty(
        28709,
        "LLC VK",
        "asn-name-renderings",
        "2026-11-22",
        "One list notes it as little used.",
      ),
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
        "2026-11-22",
      ),
      thirdParty(50340, "Selectel (Moscow network)", "asn-name-renderings", "2026-11-22"),
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
    asns: [
      thirdParty(12389, "PJSC Rostelecom (ROSTELECOM-AS)", "asn-name-renderings", "2026-11-22"),
    ],
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
        "2026-11-22",
        "ipinfo rendering 'AS8359 MTS PJSC'; a RIPE whois rendering shows origin AS8359 " +
          "maintained by MTSNET-MNT. One third-party file mislabels it as Rostelecom.",
      ),
    ],
    carrierNames: ["MTS", "Mobile TeleSystems"],
    carrierSource: "provider-trading-names",
    pulumiPackages: [],
  },
  {
    id: "gds",
    name: "GDS (data-centre operator)",
    country: "CN",
    source: "azure-china-expressroute-locations",
    reviewed: "2026-12-07",
    confidence: "verified",
    note:
      "GDS is listed as an ExpressRoute connectivity provider (Beijing 2, Shanghai 2) of Azure operated " +
      "by 21Vianet; a data-centre operator in mainland China. No ASN is listed: none was checked.",
    asns: [],
    carrierNames: ["GDS"],
    carrierSource: "azure-china-expressroute-locations",
    pulumiPackages: [],
  },
];
