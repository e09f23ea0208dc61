// The built-in address prefixes of listed providers' ASNs (a dated public snapshot): the generated
// table's shape, its coverage of the registry, the range-to-CIDR conversion of its generator, and
// lookups through the provider index (an address of a listed ASN names its provider; others none).
import ipaddr from "ipaddr.js";
import {
  buildProviderIndex,
  builtinProviderIndex,
} from "../../../policypack/src/catalogue/provider-matcher";
import {
  PROVIDER_PREFIX_SNAPSHOT,
  prefixesOverlapping,
  prefixGroupOf,
  providerPrefixTables,
} from "../../../policypack/src/catalogue/provider-prefixes";
import { ASN_PREFIXES } from "../../../policypack/src/data/foreign-provider-ranges";
import { BUILTIN_FOREIGN_PROVIDERS } from "../../../policypack/src/data/foreign-providers";
import { SOURCES } from "../../../policypack/src/data/sources";
import { rangeToCidrs } from "../../../scripts/gen-provider-ranges";

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The unsigned integer of an address. */
function num(text: string): bigint {
  return ipaddr
    .parse(text)
    .toByteArray()
    .reduce((acc, b) => (acc << 8n) | BigInt(b), 0n);
}

describe("the generated prefix table", () => {
  test("every group names a known source, a snapshot date and a review date", () => {
    for (const g of ASN_PREFIXES) {
      expect(SOURCES[g.source]).toBeDefined();
      expect(g.snapshot).toMatch(ISO_DAY);
      expect(g.snapshot).toBe(PROVIDER_PREFIX_SNAPSHOT.date);
      expect(g.reviewed).toMatch(ISO_DAY);
      expect(g.reviewed >= g.snapshot).toBe(true);
    }
  });

  test("every ASN of the built-in registry was read from the snapshot (run npm run data:ranges)", () => {
    const read = new Set(ASN_PREFIXES.map((g) => g.asn));
    const missing = BUILTIN_FOREIGN_PROVIDERS.flatMap((p) =>
      p.asns.filter((a) => !read.has(a.asn)).map((a) => `${p.id} AS${a.asn}`),
    );
    expect(missing).toEqual([]);
  });

  test("every prefix is a canonical CIDR of its family (no host bits)", () => {
    const bad: string[] = [];
    for (const g of ASN_PREFIXES) {
      for (const [family, list] of [
        ["ipv4", g.ipv4],
        ["ipv6", g.ipv6],
      ] as const) {
        for (const cidr of list.split(" ").filter(Boolean)) {
          const [addr, len] = ipaddr.parseCIDR(cidr);
          const network = ipaddr.IPv4.isValidFourPartDecimal(cidr.split("/")[0] ?? "")
            ? ipaddr.IPv4.networkAddressFromCIDR(cidr).toString()
            : ipaddr.IPv6.networkAddressFromCIDR(cidr).toRFC5952String();
          const text = "toRFC5952String" in addr ? addr.toRFC5952String() : addr.toString();
          if (addr.kind() !== family || text !== network || `${text}/${len}` !== cidr) {
            bad.push(`AS${g.asn} ${cidr}`);
          }
        }
      }
    }
    expect(bad).toEqual([]);
  });

  test("the major listed providers have prefixes (the snapshot was read, not left empty)", () => {
    for (const asn of [45102, 37963, 45090, 4134, 4837, 9808, 13238, 136907]) {
      expect(prefixGroupOf(asn)?.ipv4.length).toBeGreaterThan(0);
    }
    const tables = providerPrefixTables();
    expect(tables.ipv4.size).toBeGreaterThan(10000);
    expect(tables.ipv6.size).toBeGreaterThan(1000);
  });
});

describe("the prefix tables", () => {
  test("every prefix is found at its first and last address (the tables parse each one right)", () => {
    const lost: string[] = [];
    for (const g of ASN_PREFIXES) {
      for (const [family, list] of [
        ["ipv4", g.ipv4],
        ["ipv6", g.ipv6],
      ] as const) {
        for (const cidr of list.split(" ").filter(Boolean)) {
          const [addr, len] = ipaddr.parseCIDR(cidr);
          const first = num(addr.toString());
          const bits = family === "ipv4" ? 32 : 128;
          const last = first + (1n << BigInt(bits - len)) - 1n;
          for (const at of [first, last]) {
            const hits = prefixesOverlapping(family, at, at).map((h) => h.cidr);
            if (!hits.includes(cidr)) lost.push(`${cidr} at ${at}`);
          }
        }
      }
    }
    expect(lost).toEqual([]);
  });
});

describe("rangeToCidrs (the generator's conversion of inclusive ranges)", () => {
  test.each<[string, string, string, string[]]>([
    ["one aligned /24", "1.2.3.0", "1.2.3.255", ["1.2.3.0/24"]],
    ["a single address", "1.2.3.4", "1.2.3.4", ["1.2.3.4/32"]],
    [
      "an unaligned start",
      "1.2.3.1",
      "1.2.3.8",
      ["1.2.3.1/32", "1.2.3.2/31", "1.2.3.4/30", "1.2.3.8/32"],
    ],
    ["two /16s across an octet", "10.0.0.0", "10.1.255.255", ["10.0.0.0/15"]],
    ["a /15 and a /24", "47.74.0.0", "47.76.0.255", ["47.74.0.0/15", "47.76.0.0/24"]],
    ["everything", "0.0.0.0", "255.255.255.255", ["0.0.0.0/0"]],
    ["an IPv6 /32", "2400:3200::", "2400:3200:ffff:ffff:ffff:ffff:ffff:ffff", ["2400:3200::/32"]],
  ])("%s", (_what, start, end, cidrs) => {
    const family = start.includes(":") ? "ipv6" : "ipv4";
    expect(rangeToCidrs(num(start), num(end), family)).toEqual(cidrs);
  });
});

describe("built-in prefixes through the provider index", () => {
  const index = builtinProviderIndex();

  test.each([
    ["an Alibaba Cloud address (AS45102)", "47.74.1.1", "alibaba-cloud", "47.74.0.0/15", 45102],
    [
      "an Alibaba Cloud IPv6 address (AS37963)",
      "2400:3200::1",
      "alibaba-cloud",
      "2400:3200::/32",
      37963,
    ],
    ["a ChinaNet address (AS4134)", "202.96.128.68", "china-telecom", undefined, 4134],
    ["a Yandex address (AS13238)", "77.88.8.8", "yandex", undefined, 13238],
    ["an IPv4-mapped Alibaba address", "::ffff:47.74.1.1", "alibaba-cloud", "47.74.0.0/15", 45102],
  ])("%s names its provider, the prefix and the ASN", (_what, ip, id, cidr, asn) => {
    const matches = index.byIp(ip);
    expect(matches.map((m) => m.provider.id)).toEqual([id]);
    const m = matches[0];
    expect(m).toMatchObject({
      by: "ip",
      asn,
      source: "ip-location-db-asn",
      confidence: "third-party",
    });
    if (cidr) expect(m?.matched).toBe(cidr);
    // The matched prefix really contains the address.
    const [net, len] = ipaddr.parseCIDR(m?.matched ?? "");
    expect(ipaddr.process(ip).match(net, len)).toBe(true);
  });

  test.each([
    ["a Google public DNS address", "8.8.8.8"],
    ["a Cloudflare address", "1.1.1.1"],
    ["a documentation address", "203.0.113.10"],
    ["a private address", "10.0.0.1"],
    ["an IPv6 documentation address", "2001:db8::1"],
  ])("%s matches no provider", (_what, ip) => {
    expect(index.byIp(ip)).toEqual([]);
  });

  test("a wide queried CIDR gives one match per provider, not one per prefix", () => {
    const ids = index.byIp("47.0.0.0/8").map((m) => m.provider.id);
    expect(ids).toContain("alibaba-cloud");
    expect(new Set(ids).size).toBe(ids.length);
  });

  test("prefixes of an ASN with uncertain attribution stay uncertain", () => {
    const uncertain = BUILTIN_FOREIGN_PROVIDERS.flatMap((p) =>
      p.asns.filter((a) => a.confidence === "uncertain").map((a) => ({ p, a })),
    ).find(({ a }) => (prefixGroupOf(a.asn)?.ipv4 ?? "") !== "");
    expect(uncertain).toBeDefined();
    const first = prefixGroupOf(uncertain?.a.asn ?? 0)?.ipv4.split(" ")[0] ?? "";
    const address = first.split("/")[0] ?? "";
    const hit = index.byIp(address).find((m) => m.provider.id === uncertain?.p.id);
    expect(hit?.confidence).toBe("uncertain");
  });

  test("builtin: false leaves the prefixes out; custom ranges still match", () => {
    const { index: own } = buildProviderIndex({
      builtin: false,
      custom: [{ name: "Own", cidrs: ["47.74.0.0/16"] }],
    });
    expect(own.byIp("47.74.1.1").map((m) => m.provider.name)).toEqual(["Own"]);
    expect(own.byIp("47.76.1.1")).toEqual([]);
  });

  test("prefixesOverlapping finds a prefix nested or overlapping a queried range", () => {
    const hits = prefixesOverlapping("ipv4", num("47.74.255.255"), num("47.75.0.0"));
    expect(hits.map((h) => h.cidr)).toEqual(["47.74.0.0/15"]);
  });
});
