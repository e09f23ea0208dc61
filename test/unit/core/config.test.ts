import { configSchemaFor, parseSettings } from "../../../policypack/src/config";
import { wordConfigError } from "../../../policypack/src/report";

const ALL = [
  "restrictedJurisdictions",
  "allowedRegions",
  "restrictedRegions",
  "acceleratorScope",
] as const;

describe("policy settings", () => {
  it("fills every default when nothing is configured", () => {
    const parsed = parseSettings(ALL, {});
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.settings.acceleratorScope).toBe("any");
    for (const c of ["CN", "HK", "MO", "RU", "IR", "KP", "CU"]) {
      expect(parsed.settings.restricted.has(c)).toBe(true);
    }
    expect(parsed.settings.restricted.has("US")).toBe(false);
  });

  it("rejects a string where a list is expected, naming the field", () => {
    const parsed = parseSettings(ALL, { restrictedJurisdictions: "CN" });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.errors[0]?.field).toBe("restrictedJurisdictions");
  });

  it("rejects an unknown acceleratorScope value", () => {
    const parsed = parseSettings(ALL, { acceleratorScope: "some" });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.errors[0]?.field).toBe("acceleratorScope");
  });

  it("rejects a code that is neither ISO 3166-1 nor a group, with its index", () => {
    const parsed = parseSettings(ALL, { restrictedJurisdictions: ["CN", "China"] });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.errors.map((e) => e.field)).toEqual(["restrictedJurisdictions[1]"]);
  });

  it("accepts group names and codes in any case", () => {
    const parsed = parseSettings(ALL, { restrictedJurisdictions: ["ear-e1", "hk"] });
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect([...parsed.settings.restricted.keys()].sort()).toEqual(
      expect.arrayContaining(["HK", "IR", "KP"]),
    );
    expect(parsed.settings.restricted.has("CN")).toBe(false);
  });

  it("rejects an unknown region name in restrictedRegions", () => {
    const parsed = parseSettings(ALL, { restrictedRegions: ["narnia"] });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.errors[0]?.field).toBe("restrictedRegions[0]");
  });

  it.each([
    ["restrictedRegions", "cn-nrth-1", 'did you mean "cn-north-1"?'],
    ["allowedRegions", "cn-nrth-1", 'did you mean "cn-north-1"?'],
    ["allowedRegions", "chinaest2", 'did you mean "chinaeast2"?'],
    ["restrictedRegions", "asia-eest2", 'did you mean "asia-east2"?'],
    ["restrictedRegions", "alicloud:cn-hongkng", 'did you mean "alicloud:cn-hongkong"?'],
    [
      "restrictedRegions",
      "cn-hongkong",
      'regions of listed providers\' clouds take the cloud prefix: did you mean "alicloud:cn-hongkong"?',
    ],
  ] as const)("rejects %s %j with the closest known region", (field, name, fix) => {
    const parsed = parseSettings(ALL, { [field]: [name] });
    expect(parsed.ok ? [] : parsed.errors.map(wordConfigError)).toEqual([
      { field: `${field}[0]`, problem: `"${name}" is not a known region name`, fix },
    ]);
  });

  it("accepts catalogued names of every cloud, and a new AWS region of a known partition", () => {
    const names = [
      "cn-north-1",
      "China East 2",
      "asia-east2",
      "alicloud:cn-hongkong",
      "huaweicloud:ap-southeast-1",
      "cn-south-9",
      "us-gov-west-1",
    ];
    expect(parseSettings(ALL, { restrictedRegions: names }).ok).toBe(true);
    expect(parseSettings(ALL, { allowedRegions: names }).ok).toBe(true);
  });

  it("rejects a region listed as both allowed and restricted", () => {
    const parsed = parseSettings(ALL, {
      allowedRegions: ["eastasia"],
      restrictedRegions: ["East Asia"],
    });
    expect(parsed.ok).toBe(false);
  });

  it("normalises Azure display names in region lists", () => {
    const parsed = parseSettings(ALL, { allowedRegions: ["China East 2"] });
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.settings.allowedRegions.has("chinaeast2")).toBe(true);
  });

  it("builds a config schema holding exactly the named settings", () => {
    expect(Object.keys(configSchemaFor(["allowedRegions"]).properties)).toEqual(["allowedRegions"]);
  });
});
