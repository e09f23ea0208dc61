// The provider matcher: ASN normalisation, lookups by every identifier kind, custom providers and
// their validation errors, and switching the built-ins off.
import { BUILTIN_FOREIGN_PROVIDERS } from "../../../policypack/src/data/foreign-providers";
import { wordConfigError } from "../../../policypack/src/report";
import {
  buildProviderIndex,
  builtinProviderIndex,
  normaliseAsn,
} from "../../../policypack/src/catalogue/provider-matcher";
import type {
  CustomProvider,
  ProviderMatch,
} from "../../../policypack/src/catalogue/provider-matcher";

const ids = (matches: readonly ProviderMatch[]): string[] =>
  matches.map((m) => m.provider.id).sort();

/** Builds an index over custom entries only; fails the test if building reported errors. */
function customIndex(custom: CustomProvider[], builtin = false) {
  const { index, errors } = buildProviderIndex({ builtin, custom });
  expect(errors).toEqual([]);
  return index;
}

/** Errors for one custom entry given as raw config (it may be malformed on purpose). */
/** The errors as users read them (report.ts words them). */
function errorsFor(custom: unknown[]) {
  return buildProviderIndex({ builtin: false, custom: custom as CustomProvider[] }).errors.map(
    wordConfigError,
  );
}

describe("normaliseAsn", () => {
  test.each<[string, unknown, number]>([
    ["a number", 45102, 45102],
    ["a numeric string", "45102", 45102],
    ["an AS-prefixed string", "AS45102", 45102],
    ["a lower-case prefix with a space", "as 45102", 45102],
    ["an ASN-prefixed string", "ASN 4134", 4134],
    ["surrounding whitespace", "  AS4809 ", 4809],
    ["asdot 1.10", "1.10", 65546],
    ["asdot with a prefix", "AS1.10", 65546],
    ["asdot 0.100", "0.100", 100],
    ["asdot at its top", "65535.65535", 4294967295],
    ["a 4-byte number", 4200000000, 4200000000],
    ["a 4-byte numeric string", "4294967295", 4294967295],
    ["a bigint", 45102n, 45102],
    ["zero (syntactically an ASN)", 0, 0],
  ])("accepts %s", (_what, input, expected) => {
    expect(normaliseAsn(input)).toBe(expected);
  });

  test.each<[string, unknown]>([
    ["a negative number", -1],
    ["a negative string", "-45102"],
    ["a fraction", 451.02],
    ["NaN", Number.NaN],
    ["infinity", Number.POSITIVE_INFINITY],
    ["a number above 4294967295", 4294967296],
    ["a string above 4294967295", "4294967296"],
    ["asdot with a half above 65535", "65536.1"],
    ["asdot with three parts", "1.2.3"],
    ["an empty string", ""],
    ["only the prefix", "AS"],
    ["hex", "0x10"],
    ["exponent notation", "1e3"],
    ["trailing text", "45102abc"],
    ["a dash after the prefix", "AS-45102"],
    ["null", null],
    ["undefined", undefined],
    ["a boolean", true],
    ["an object", { asn: 45102 }],
  ])("rejects %s", (_what, input) => {
    expect(normaliseAsn(input)).toBeUndefined();
  });
});

describe("built-in index", () => {
  test("the built-in registry indexes without errors", () => {
    expect(buildProviderIndex({ builtin: true, custom: [] }).errors).toEqual([]);
  });

  test("builtinProviderIndex is built once and shared", () => {
    expect(builtinProviderIndex()).toBe(builtinProviderIndex());
  });

  test.each(
    BUILTIN_FOREIGN_PROVIDERS.flatMap((p) => p.asns.map((a) => [p.id, a.asn] as [string, number])),
  )("%s is found by AS%s", (id, asn) => {
    const matches = builtinProviderIndex().byAsn(asn);
    expect(ids(matches)).toEqual([id]);
    expect(matches[0]).toMatchObject({
      by: "asn",
      matched: `AS${asn}`,
      provider: { builtin: true },
    });
  });

  test.each([
    [45102, "alibaba-cloud", "CN"],
    [4134, "china-telecom", "CN"],
    [9929, "china-unicom", "CN"],
    [58453, "china-mobile", "CN"],
    [200350, "yandex", "RU"],
    [8359, "mts", "RU"],
  ])("AS%s belongs to %s (%s), with its source and confidence", (asn, id, country) => {
    const [m] = builtinProviderIndex().byAsn(asn);
    expect(m?.provider).toMatchObject({ id, country });
    expect(m?.source).toBeDefined();
    expect(m?.confidence).toBeDefined();
  });

  test("an ASN that is not listed (Amazon's 16509) matches nothing", () => {
    expect(builtinProviderIndex().byAsn(16509)).toEqual([]);
  });
});

describe("IP ranges", () => {
  const index = customIndex([
    {
      name: "Example Telecom",
      cidrs: ["203.0.113.0/24", "198.51.100.128/25", "192.0.2.7", "2001:db8:abcd::/48"],
    },
  ]);

  test.each([
    ["the first address of a /24", "203.0.113.0", "203.0.113.0/24"],
    ["the last address of a /24", "203.0.113.255", "203.0.113.0/24"],
    ["the first address of a /25", "198.51.100.128", "198.51.100.128/25"],
    ["the last address of a /25", "198.51.100.255", "198.51.100.128/25"],
    ["a listed single address", "192.0.2.7", "192.0.2.7/32"],
    ["an IPv4-mapped IPv6 address", "::ffff:203.0.113.9", "203.0.113.0/24"],
    ["the first address of an IPv6 /48", "2001:db8:abcd::", "2001:db8:abcd::/48"],
    [
      "the last address of an IPv6 /48",
      "2001:db8:abcd:ffff:ffff:ffff:ffff:ffff",
      "2001:db8:abcd::/48",
    ],
    ["an IPv6 address written in upper case", "2001:DB8:ABCD::1", "2001:db8:abcd::/48"],
    ["a peer CIDR inside a listed range", "203.0.113.128/26", "203.0.113.0/24"],
    ["a peer CIDR that contains a listed range", "203.0.0.0/16", "203.0.113.0/24"],
    ["a peer CIDR equal to a listed range", "198.51.100.128/25", "198.51.100.128/25"],
    ["a peer IPv6 CIDR that contains a listed range", "2001:db8::/32", "2001:db8:abcd::/48"],
    ["a peer IPv6 CIDR inside a listed range", "2001:db8:abcd:12::/64", "2001:db8:abcd::/48"],
  ])("matches %s", (_what, query, matched) => {
    const matches = index.byIp(query);
    expect(matches).toHaveLength(1);
    expect(matches[0]).toMatchObject({ by: "ip", matched, provider: { name: "Example Telecom" } });
  });

  test.each([
    ["the address just below a /24", "203.0.112.255"],
    ["the address just above a /24", "203.0.114.0"],
    ["the address just below a /25", "198.51.100.127"],
    ["the address next to a listed single address", "192.0.2.8"],
    ["the IPv6 address just below a /48", "2001:db8:abcc:ffff:ffff:ffff:ffff:ffff"],
    ["the IPv6 address just above a /48", "2001:db8:abce::"],
    ["a peer CIDR beside a listed range", "203.0.114.0/24"],
    ["an IPv6 address whose low bits spell a listed IPv4 range", "::cb00:7109"],
    ["text that is not an address", "not-an-ip"],
    ["a three-part IPv4 address", "203.0.113"],
    ["a prefix longer than the family allows", "203.0.113.0/33"],
    ["an empty string", ""],
  ])("does not match %s", (_what, query) => {
    expect(index.byIp(query)).toEqual([]);
  });

  test("a peer CIDR covering everything overlaps every listed range of its family", () => {
    expect(
      index
        .byIp("0.0.0.0/0")
        .map((m) => m.matched)
        .sort(),
    ).toEqual(["192.0.2.7/32", "198.51.100.128/25", "203.0.113.0/24"]);
    expect(index.byIp("::/0").map((m) => m.matched)).toEqual(["2001:db8:abcd::/48"]);
  });

  test("a large list is looked up by prefix buckets: the right one of 20,000 /24s is found", () => {
    const cidrs = Array.from({ length: 20000 }, (_, i) => `10.${i >> 8}.${i & 255}.0/24`);
    const big = customIndex([{ name: "Many Ranges", cidrs }]);
    expect(big.byIp("10.77.32.200").map((m) => m.matched)).toEqual(["10.77.32.0/24"]);
    expect(big.byIp("11.0.0.1")).toEqual([]);
  });
});

describe("accounts, subscriptions and tenants", () => {
  const sub = "0b1f6471-1bf0-4dda-aec3-cb9272f09590";
  const tenant = "72f988bf-86f1-41af-91ab-2d7cd011db47";
  const index = customIndex([
    {
      name: "Example Cloud",
      accountIds: ["123456789012"],
      subscriptionIds: [sub],
      tenantIds: [tenant],
    },
  ]);

  test.each([
    ["the 12 digits", "123456789012", 1],
    ["the digits with console dashes", "1234-5678-9012", 1],
    ["another account", "123456789013", 0],
  ])("an AWS account given as %s", (_what, id, count) => {
    const matches = index.byAccount(id);
    expect(matches).toHaveLength(count);
    if (count) expect(matches[0]).toMatchObject({ by: "aws-account", matched: "123456789012" });
  });

  test.each([
    ["lower case", sub, 1],
    ["upper case", sub.toUpperCase(), 1],
    ["in braces", `{${sub}}`, 1],
    ["the tenant GUID instead", tenant, 0],
  ])("a subscription given in %s", (_what, id, count) => {
    expect(index.bySubscription(id)).toHaveLength(count);
  });

  test("a tenant is found case-insensitively, and a subscription GUID is not a tenant", () => {
    expect(index.byTenant(tenant.toUpperCase())[0]).toMatchObject({
      by: "azure-tenant",
      matched: tenant,
    });
    expect(index.byTenant(sub)).toEqual([]);
  });
});

describe("Google Cloud projects", () => {
  const index = customIndex([{ name: "Example Cloud", projectIds: ["Sino-Partner-Prod"] }]);

  test.each([
    ["as listed", "sino-partner-prod", 1],
    ["in upper case", "SINO-PARTNER-PROD", 1],
    ["another project", "sino-partner-dev", 0],
  ])("a project given %s", (_what, id, count) => {
    const matches = index.byProject(id);
    expect(matches).toHaveLength(count);
    if (count)
      expect(matches[0]).toMatchObject({ by: "gcp-project", matched: "sino-partner-prod" });
  });
});

describe("carrier names", () => {
  test.each([
    ["the ExpressRoute spelling", "China Telecom Global", "china-telecom", "China Telecom Global"],
    ["upper case", "CHINA TELECOM", "china-telecom", "China Telecom"],
    ["extra spaces", "  china   telecom   global ", "china-telecom", "China Telecom Global"],
    ["camel case", "ChinaTelecom", "china-telecom", "China Telecom"],
    ["run together in capitals", "CHINATELECOMGLOBAL", "china-telecom", "China Telecom Global"],
    [
      "a longer company name",
      "China Telecom Americas Corporation",
      "china-telecom",
      "China Telecom Americas",
    ],
    ["an AS name", "CHINANET-BACKBONE", "china-telecom", "ChinaNet"],
    [
      "China Mobile's ExpressRoute name",
      "China Mobile International",
      "china-mobile",
      "China Mobile International",
    ],
    [
      "China Unicom's ExpressRoute name",
      "China Unicom Global",
      "china-unicom",
      "China Unicom Global",
    ],
    ["a short name as a whole word", "MTS", "mts", "MTS"],
    ["a dotted brand", "Yandex.Cloud", "yandex", "Yandex Cloud"],
    ["a run-together brand", "BYTEPLUS", "bytedance", "BytePlus"],
  ])("matches %s (%s)", (_what, name, id, matched) => {
    const matches = builtinProviderIndex().byCarrier(name);
    expect(ids(matches)).toEqual([id]);
    expect(matches[0]).toMatchObject({ by: "carrier", matched });
  });

  test.each([
    ["another carrier", "Equinix"],
    ["a Hong Kong carrier not on the list", "PCCW Global Limited"],
    ["a short listed name hidden inside a word", "Comtsat Networks"],
    ["only the country", "China"],
    ["only a generic word", "Telecom"],
    ["an empty string", ""],
  ])("does not match %s (%s)", (_what, name) => {
    expect(builtinProviderIndex().byCarrier(name)).toEqual([]);
  });

  test("a custom carrier name matches like a built-in one", () => {
    const index = customIndex([
      { name: "Example Telecom", carrierNames: ["Example Telecom Global"] },
    ]);
    expect(ids(index.byCarrier("EXAMPLE TELECOM GLOBAL LIMITED"))).toEqual([
      "custom-example-telecom",
    ]);
  });
});

describe("carrier names inside run-together text", () => {
  test("of one provider, the longest wins and equal lengths resolve in config order", () => {
    const index = customIndex([
      { name: "Example Carrier", carrierNames: ["Abcdefg", "Hijklmn", "Hijklmnop"] },
    ]);
    expect(index.byCarrier("XXHIJKLMABCDEFGXX").map((m) => m.matched)).toEqual(["Abcdefg"]);
    expect(index.byCarrier("XXHIJKLMNABCDEFGXX").map((m) => m.matched)).toEqual(["Abcdefg"]);
    expect(index.byCarrier("XXHIJKLMNOPABCDEFGXX").map((m) => m.matched)).toEqual(["Hijklmnop"]);
  });

  test("are found at any position, among thousands of other names", () => {
    const index = customIndex(
      Array.from({ length: 2000 }, (_, i) => ({
        name: `Carrier ${i}`,
        carrierNames: [`Examplenet${i} Global`],
      })),
    );
    expect(ids(index.byCarrier("AS-EXAMPLENET1234GLOBAL-BACKBONE"))).toEqual([
      "custom-carrier-1234",
    ]);
    expect(ids(index.byCarrier("AS-EXAMPLENET99999GLOBAL"))).toEqual([]);
  });
});

describe("service names", () => {
  const index = customIndex([
    {
      name: "Example SaaS",
      serviceNames: [
        "com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0",
        "com.amazonaws.vpce.*.vpce-svc-0aaa*",
        "/subscriptions/11111111-1111-1111-1111-111111111111/**",
      ],
    },
  ]);

  test.each([
    ["an exact name", "com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0"],
    ["an exact name in another case", "COM.AMAZONAWS.VPCE.US-EAST-1.VPCE-SVC-0123456789ABCDEF0"],
    ["a wildcard region and suffix", "com.amazonaws.vpce.eu-west-1.vpce-svc-0aaa99"],
    [
      "a deep ARM ID under a ** pattern",
      "/subscriptions/11111111-1111-1111-1111-111111111111/resourceGroups/rg/providers/Microsoft.Network/privateLinkServices/pls",
    ],
  ])("matches %s", (_what, name) => {
    expect(index.byServiceName(name)[0]).toMatchObject({
      by: "service-name",
      provider: { name: "Example SaaS" },
    });
  });

  test.each([
    ["another service", "com.amazonaws.vpce.us-east-1.vpce-svc-0bbb"],
    ["a prefix of a listed exact name", "com.amazonaws.vpce.us-east-1.vpce-svc-0123"],
    [
      "another subscription",
      "/subscriptions/22222222-2222-2222-2222-222222222222/resourceGroups/rg",
    ],
    ["an empty string", ""],
  ])("does not match %s", (_what, name) => {
    expect(index.byServiceName(name)).toEqual([]);
  });
});

describe("Pulumi packages", () => {
  test.each([
    ["alicloud:ecs/instance:Instance", "alibaba-cloud", "alicloud:"],
    ["pulumi:providers:alicloud", "alibaba-cloud", "alicloud:"],
    ["tencentcloud:Instance/instance:Instance", "tencent-cloud", "tencentcloud:"],
    ["pulumi:providers:tencentcloud", "tencent-cloud", "tencentcloud:"],
    ["huaweicloud:As/group:Group", "huawei-cloud", "huaweicloud:"],
    ["yandex:index/computeInstance:ComputeInstance", "yandex", "yandex:"],
    ["pulumi:providers:yandex", "yandex", "yandex:"],
    ["volcengine:ecs/instance:Instance", "bytedance", "volcengine:"],
    ["volcenginecc:ecs/instance:Instance", "bytedance", "volcenginecc:"],
  ])("%s belongs to %s", (token, id, prefix) => {
    const matches = builtinProviderIndex().byPackage(token);
    expect(ids(matches)).toEqual([id]);
    expect(matches[0]).toMatchObject({ by: "package", matched: prefix });
  });

  test.each([
    "aws:ec2/instance:Instance",
    "pulumi:providers:aws",
    "azure-native:compute:VirtualMachine",
    "alicloudx:ecs/instance:Instance",
    "pulumi:pulumi:Stack",
    "",
  ])("%s belongs to no listed provider", (token) => {
    expect(builtinProviderIndex().byPackage(token)).toEqual([]);
  });
});

describe("custom providers", () => {
  test("a custom provider gets an id, its jurisdiction and builtin: false", () => {
    const index = customIndex([{ name: "Example Telecom", asns: ["AS64500"], jurisdiction: "ir" }]);
    expect(index.byAsn(64500)).toEqual([
      {
        by: "asn",
        matched: "AS64500",
        provider: {
          id: "custom-example-telecom",
          name: "Example Telecom",
          country: "IR",
          builtin: false,
        },
      },
    ]);
  });

  test("a custom provider without a jurisdiction has no country", () => {
    const [m] = customIndex([{ name: "Example Telecom", asns: [64500] }]).byAsn(64500);
    expect(m?.provider.country).toBeUndefined();
  });

  test("two custom providers with the same name get distinct ids", () => {
    const index = customIndex([
      { name: "Same", asns: [64500] },
      { name: "Same", asns: [64501] },
    ]);
    expect(index.byAsn(64500)[0]?.provider.id).not.toBe(index.byAsn(64501)[0]?.provider.id);
  });

  test("builtin: false turns the built-ins off and keeps the custom ones", () => {
    const index = customIndex([{ name: "Example Telecom", asns: [64500] }], false);
    expect(index.byAsn(45102)).toEqual([]);
    expect(index.byPackage("alicloud:ecs/instance:Instance")).toEqual([]);
    expect(index.byCarrier("China Telecom Global")).toEqual([]);
    expect(ids(index.byAsn(64500))).toEqual(["custom-example-telecom"]);
  });

  test("builtin: true adds custom providers next to the built-ins, both found for a shared ASN", () => {
    const index = customIndex([{ name: "Watch List", asns: [45102] }], true);
    const matches = index.byAsn(45102);
    expect(ids(matches)).toEqual(["alibaba-cloud", "custom-watch-list"]);
    expect(matches.map((m) => m.provider.builtin).sort()).toEqual([false, true]);
  });

  test("a bad value is reported while the good values of the same entry are still indexed", () => {
    const { index, errors } = buildProviderIndex({
      builtin: false,
      custom: [{ name: "Half Good", asns: [64500, "AS-1"], cidrs: ["203.0.113.0/24"] }],
    });
    expect(errors.map((e) => e.field)).toEqual(["foreignProviders[0].asns[1]"]);
    expect(index.byAsn(64500)).toHaveLength(1);
    expect(index.byIp("203.0.113.1")).toHaveLength(1);
  });
});

describe("custom provider errors name the field", () => {
  const base = { name: "Example Telecom" };
  test.each<[string, unknown, string, RegExp]>([
    [
      "a prefix too long",
      { ...base, cidrs: ["47.74.0.0/33"] },
      "foreignProviders[0].cidrs[0]",
      /not an IPv4 or IPv6/,
    ],
    [
      "a CIDR with host bits",
      { ...base, cidrs: ["47.74.1.0/15"] },
      "foreignProviders[0].cidrs[0]",
      /beyond its \/15/,
    ],
    [
      "a CIDR that is not text",
      { ...base, cidrs: [4774] },
      "foreignProviders[0].cidrs[0]",
      /not an IPv4 or IPv6/,
    ],
    [
      "cidrs that are not a list",
      { ...base, cidrs: "203.0.113.0/24" },
      "foreignProviders[0].cidrs",
      /not a list/,
    ],
    [
      "an ASN with a dash",
      { ...base, asns: ["AS-12"] },
      "foreignProviders[0].asns[0]",
      /not an AS number/,
    ],
    ["a negative ASN", { ...base, asns: [-1] }, "foreignProviders[0].asns[0]", /not an AS number/],
    [
      "an ASN above 4294967295",
      { ...base, asns: [4294967296] },
      "foreignProviders[0].asns[0]",
      /not an AS number/,
    ],
    ["the reserved AS0", { ...base, asns: [0] }, "foreignProviders[0].asns[0]", /reserved/],
    [
      "an AWS account that is too short",
      { ...base, accountIds: ["12345"] },
      "foreignProviders[0].accountIds[0]",
      /not an AWS account ID/,
    ],
    [
      "an AWS account given as a number",
      { ...base, accountIds: [123456789012] },
      "foreignProviders[0].accountIds[0]",
      /not an AWS account ID/,
    ],
    [
      "a subscription that is not a GUID",
      { ...base, subscriptionIds: ["my-sub"] },
      "foreignProviders[0].subscriptionIds[0]",
      /GUID/,
    ],
    [
      "a project ID that is a project number",
      { ...base, projectIds: ["123456789012"] },
      "foreignProviders[0].projectIds[0]",
      /not a Google Cloud project ID/,
    ],
    [
      "a tenant that is not a GUID",
      { ...base, tenantIds: ["1234"] },
      "foreignProviders[0].tenantIds[0]",
      /GUID/,
    ],
    [
      "a service pattern that matches everything",
      { ...base, serviceNames: ["*"] },
      "foreignProviders[0].serviceNames[0]",
      /not a usable pattern/,
    ],
    [
      "an empty service name",
      { ...base, serviceNames: ["  "] },
      "foreignProviders[0].serviceNames[0]",
      /not a service name/,
    ],
    [
      "an empty carrier name",
      { ...base, carrierNames: ["--"] },
      "foreignProviders[0].carrierNames[0]",
      /not a name/,
    ],
    [
      "a jurisdiction that is no country",
      { ...base, asns: [64500], jurisdiction: "XX" },
      "foreignProviders[0].jurisdiction",
      /alpha-2/,
    ],
    [
      "a jurisdiction spelled out",
      { ...base, asns: [64500], jurisdiction: "China" },
      "foreignProviders[0].jurisdiction",
      /alpha-2/,
    ],
    ["a missing name", { asns: [64500] }, "foreignProviders[0].name", /missing or empty/],
    ["no identifiers at all", { ...base }, "foreignProviders[0]", /can never match/],
    ["an entry that is not an object", "AS45102", "foreignProviders[0]", /not an object/],
  ])("%s", (_what, entry, field, problem) => {
    const errors = errorsFor([entry]);
    const error = errors.find((e) => e.field === field);
    expect(error).toBeDefined();
    expect(error?.problem).toMatch(problem);
    expect(error?.fix.length).toBeGreaterThan(0);
  });

  test("the path carries the entry's index: foreignProviders[2].cidrs[0]", () => {
    const errors = errorsFor([
      { name: "A", asns: [64500] },
      { name: "B", asns: [64501] },
      { name: "C", cidrs: ["not-a-cidr"] },
    ]);
    expect(errors.map((e) => e.field)).toEqual(["foreignProviders[2].cidrs[0]"]);
  });

  test("the fix for host bits names the network address to use", () => {
    const [error] = errorsFor([{ name: "A", cidrs: ["47.74.1.0/15"] }]);
    expect(error?.fix).toContain("47.74.0.0/15");
  });

  test("the fix for an account given as a number says to quote it, keeping leading zeros", () => {
    const [error] = errorsFor([{ name: "A", accountIds: [12345678901] }]);
    expect(error?.fix).toContain('"012345678901"');
  });
});
