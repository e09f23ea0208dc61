// The built-in registry of listed foreign providers: every fact cites a source that exists, with a
// real review date; identifiers are well formed and not claimed by two providers.
import { isValid as isIsoCountry } from "i18n-iso-countries/index";
import { BUILTIN_FOREIGN_PROVIDERS } from "../../../policypack/src/data/foreign-providers";
import { SOURCES } from "../../../policypack/src/data/sources";

const ALL_SOURCES = SOURCES;
const CONFIDENCES = new Set(["verified", "third-party", "uncertain"]);
const MAX_PUBLIC_ASN = 4294967294;

function isRealPastDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return (
    date.getUTCFullYear() === y &&
    date.getUTCMonth() === mo - 1 &&
    date.getUTCDate() === d &&
    date.getTime() <= Date.now()
  );
}

/** Every (where, source key, confidence) this registry cites. */
const citations: [string, string, string][] = BUILTIN_FOREIGN_PROVIDERS.flatMap((p) => [
  [p.id, p.source, p.confidence] as [string, string, string],
  [`${p.id} carrierNames`, p.carrierSource, "verified"] as [string, string, string],
  ...p.asns.map((a) => [`${p.id} AS${a.asn}`, a.source, a.confidence] as [string, string, string]),
  ...p.pulumiPackages.map(
    (k) => [`${p.id} ${k.prefix}`, k.source, k.confidence] as [string, string, string],
  ),
]);

describe("citations", () => {
  test.each(citations)("%s cites a known source (%s) with a known confidence", (_w, src, conf) => {
    expect(Object.prototype.hasOwnProperty.call(ALL_SOURCES, src)).toBe(true);
    expect(CONFIDENCES.has(conf)).toBe(true);
  });

  test.each(BUILTIN_FOREIGN_PROVIDERS.map((p) => [p.id, p.reviewed]))(
    "%s has a review date that is a real day, not in the future",
    (_id, reviewed) => {
      expect(isRealPastDate(reviewed)).toBe(true);
    },
  );
});

describe("providers", () => {
  test.each([
    "alibaba-cloud",
    "tencent-cloud",
    "huawei-cloud",
    "baidu",
    "bytedance",
    "kingsoft-cloud",
    "ucloud",
    "china-telecom",
    "china-unicom",
    "china-mobile",
    "yandex",
    "vk",
    "selectel",
    "rostelecom",
    "mts",
  ])("%s is in the built-in registry", (id) => {
    expect(BUILTIN_FOREIGN_PROVIDERS.map((p) => p.id)).toContain(id);
  });

  test("provider ids are unique and kebab-case", () => {
    const ids = BUILTIN_FOREIGN_PROVIDERS.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  test.each(BUILTIN_FOREIGN_PROVIDERS.map((p) => [p.id, p.country]))(
    "%s has an ISO 3166-1 alpha-2 country (%s)",
    (_id, country) => {
      expect(country).toMatch(/^[A-Z]{2}$/);
      expect(isIsoCountry(country)).toBe(true);
    },
  );

  test.each(BUILTIN_FOREIGN_PROVIDERS.map((p) => [p.id, p] as const))(
    "%s lists at least one ASN, or says in its note why none",
    (_id, p) => {
      expect(p.asns.length > 0 || /\bNo ASN is listed\b/.test(p.note ?? "")).toBe(true);
    },
  );

  test.each(
    BUILTIN_FOREIGN_PROVIDERS.flatMap((p) => [
      ...p.asns.map((a) => [`${p.id} AS${a.asn}`, a] as const),
      ...p.pulumiPackages.map((k) => [`${p.id} ${k.prefix}`, k] as const),
    ]),
  )("%s names a known source and a real, past review date", (_id, row) => {
    expect(Object.prototype.hasOwnProperty.call(ALL_SOURCES, row.source)).toBe(true);
    expect(isRealPastDate(row.reviewed)).toBe(true);
  });
});

describe("identifiers", () => {
  test("every ASN is a public 4-byte number with a named holder", () => {
    for (const p of BUILTIN_FOREIGN_PROVIDERS) {
      for (const a of p.asns) {
        expect(Number.isInteger(a.asn)).toBe(true);
        expect(a.asn).toBeGreaterThan(0);
        expect(a.asn).toBeLessThanOrEqual(MAX_PUBLIC_ASN);
        expect(a.holder.trim().length).toBeGreaterThan(0);
      }
    }
  });

  test("no ASN is claimed by two providers (or twice by one)", () => {
    const owners = new Map<number, string[]>();
    for (const p of BUILTIN_FOREIGN_PROVIDERS) {
      for (const a of p.asns) owners.set(a.asn, [...(owners.get(a.asn) ?? []), p.id]);
    }
    const shared = [...owners].filter(([, ids]) => ids.length > 1);
    expect(shared).toEqual([]);
  });

  test("uncertain ASNs say why in a note", () => {
    for (const p of BUILTIN_FOREIGN_PROVIDERS) {
      for (const a of p.asns.filter((x) => x.confidence === "uncertain")) {
        expect(a.note ?? "").not.toBe("");
      }
    }
  });

  test("package prefixes are a package name and one colon; npm names are npm names", () => {
    for (const p of BUILTIN_FOREIGN_PROVIDERS) {
      for (const k of p.pulumiPackages) {
        expect(k.prefix).toMatch(/^[a-z][a-z0-9-]*:$/);
        if (k.npm !== undefined) expect(k.npm).toMatch(/^(@[a-z0-9_.-]+\/)?[a-z0-9_.-]+$/);
      }
    }
  });

  test("carrier names are non-empty and not repeated within a provider", () => {
    for (const p of BUILTIN_FOREIGN_PROVIDERS) {
      const lower = p.carrierNames.map((n) => n.trim().toLowerCase());
      expect(lower.every((n) => n.length > 0)).toBe(true);
      expect(new Set(lower).size).toBe(lower.length);
    }
  });

  test.each([
    ["china-telecom", "China Telecom Global"],
    ["china-mobile", "China Mobile International"],
    ["china-unicom", "China Unicom Global"],
  ])("%s carries the ExpressRoute partner name %s", (id, name) => {
    const p = BUILTIN_FOREIGN_PROVIDERS.find((x) => x.id === id);
    expect(p?.carrierNames).toContain(name);
    expect(p?.carrierSource).toBe("ms-expressroute-locations");
  });
});
