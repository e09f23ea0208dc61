import {
  DEFAULT_RESTRICTED_JURISDICTIONS,
  JURISDICTION_GROUPS,
  countryName,
  expandJurisdictions,
  groupsOf,
  isCountryCode,
  lookupJurisdictionGroup,
} from "../../../policypack/src/catalogue/jurisdictions";
import { wordJurisdictionHint } from "../../../policypack/src/report";

function members(name: string): ReadonlySet<string> {
  const group = JURISDICTION_GROUPS.get(name);
  if (group === undefined) throw new Error(`no group ${name}`);
  return new Set(group.members);
}

describe("country codes", () => {
  it.each([
    ["CN", true],
    ["cn", true],
    [" hk ", true],
    ["MO", true],
    ["XK", true],
    ["CHN", false],
    ["ZZ", false],
    ["UK", false],
    ["", false],
    ["China", false],
  ])("isCountryCode('%s') is %s", (code, expected) => {
    expect(isCountryCode(code)).toBe(expected);
  });

  it.each([
    ["MO", "Macao"],
    ["hk", "Hong Kong"],
    ["KP", "North Korea"],
    ["zz", undefined],
    ["CHN", undefined],
  ])("countryName('%s') is %s", (code, name) => {
    expect(countryName(code)).toBe(name);
  });
});

describe("jurisdiction groups", () => {
  const required = [
    "ear-d1",
    "ear-d4",
    "ear-d5",
    "ear-e1",
    "ear-e2",
    "ofac-comprehensive",
    "advanced-computing",
    "default",
  ];

  it("has every required group, keyed by its lower-case name", () => {
    for (const name of required) expect(JURISDICTION_GROUPS.get(name)?.name).toBe(name);
    for (const key of JURISDICTION_GROUPS.keys()) expect(key).toBe(key.toLowerCase());
  });

  it.each([...JURISDICTION_GROUPS.values()].map((g) => [g.name, g] as const))(
    "%s lists only upper-case ISO codes, each once, and says what it is",
    (_name, group) => {
      expect(group.members.length).toBeGreaterThan(0);
      expect(new Set(group.members).size).toBe(group.members.length);
      for (const code of group.members) {
        expect(code).toBe(code.toUpperCase());
        expect(isCountryCode(code)).toBe(true);
      }
      expect(group.title).not.toBe("");
      expect(group.description).not.toBe("");
    },
  );

  it.each<[string, string, boolean]>([
    ["default", "CN", true],
    ["default", "HK", true],
    ["default", "MO", true],
    ["default", "RU", true],
    ["default", "IR", true],
    ["default", "KP", true],
    ["default", "CU", true],
    ["default", "SY", true],
    ["default", "BY", true],
    ["default", "NI", true],
    ["default", "KH", false], // removed from D:5 on 3 Feb 2026
    ["default", "IL", false],
    ["default", "AE", false],
    ["default", "TW", false],
    ["default", "US", false],
    ["ear-d5", "NI", true],
    ["ear-d5", "KH", false],
    ["ear-d5", "HK", true],
    ["ear-d5", "MO", false],
    ["ear-d1", "UA", false], // moved to Country Group B in 2020
    ["ear-d1", "MO", true],
    ["ear-d4", "IL", true],
    ["ear-e2", "CU", true],
    ["ear-e1", "CU", false],
    ["ofac-comprehensive", "SY", false], // programme ended 1 Jul 2025
    ["ofac-comprehensive", "CU", true],
    ["advanced-computing", "AE", false], // A:5, out of D:3/D:4 since 10 Jul 2026
    ["ear-d4", "AE", false],
    ["ear-d4", "BY", true],
    ["ear-d4", "VE", true],
    ["advanced-computing", "SA", true],
    ["advanced-computing", "VN", true],
    ["advanced-computing", "HK", true],
    ["advanced-computing", "MO", true],
    ["advanced-computing", "IL", false], // A:6
  ])("%s contains %s: %s", (group, code, expected) => {
    expect(members(group).has(code)).toBe(expected);
  });

  it("advanced-computing is (D:1 ∪ D:4 ∪ D:5 ∪ {MO, HK}) without Israel", () => {
    const expected = new Set([
      ...members("ear-d1"),
      ...members("ear-d4"),
      ...members("ear-d5"),
      "MO",
      "HK",
    ]);
    expected.delete("IL");
    expect([...members("advanced-computing")].sort()).toEqual([...expected].sort());
  });

  it("default is D:5 ∪ E:1 ∪ E:2 ∪ {HK, MO}", () => {
    const expected = new Set([
      ...members("ear-d5"),
      ...members("ear-e1"),
      ...members("ear-e2"),
      "HK",
      "MO",
    ]);
    expect([...members("default")].sort()).toEqual([...expected].sort());
  });

  it("every group that contains China contains Hong Kong", () => {
    for (const group of JURISDICTION_GROUPS.values()) {
      if (group.members.includes("CN")) expect(group.members).toContain("HK");
    }
  });

  it.each([
    ["D:5", "ear-d5"],
    ["d5", "ear-d5"],
    ["EAR D:5", "ear-d5"],
    ["Ear-D5", "ear-d5"],
    ["D:1", "ear-d1"],
    ["d4", "ear-d4"],
    ["E:1", "ear-e1"],
    ["e2", "ear-e2"],
    ["OFAC", "ofac-comprehensive"],
    ["Default", "default"],
    ["advanced computing", "advanced-computing"],
  ])("alias '%s' names %s", (alias, name) => {
    expect(lookupJurisdictionGroup(alias)?.name).toBe(name);
  });

  it.each(["D:6", "", "china", "cn"])("'%s' names no group", (value) => {
    expect(lookupJurisdictionGroup(value)).toBeUndefined();
  });

  it("lists the groups a country belongs to", () => {
    expect(groupsOf("hk")).toEqual(
      expect.arrayContaining(["default", "advanced-computing", "ear-d5"]),
    );
    expect(groupsOf("US")).toEqual([]);
  });
});

describe("expandJurisdictions", () => {
  it("accepts alpha-2 codes in any case and reports nothing invalid", () => {
    const result = expandJurisdictions(["cn", " HK", "mo "]);
    expect([...result.countries].sort()).toEqual(["CN", "HK", "MO"]);
    expect(result.invalid).toEqual([]);
  });

  it("expands group names and aliases into their members", () => {
    const result = expandJurisdictions(["D:5", "e:2", "TW"]);
    expect(result.invalid).toEqual([]);
    expect(result.countries).toEqual(new Set([...members("ear-d5"), "CU", "TW"]));
  });

  it("expands the default configuration to the default group without complaint", () => {
    const result = expandJurisdictions(DEFAULT_RESTRICTED_JURISDICTIONS);
    expect(result.invalid).toEqual([]);
    expect(result.countries).toEqual(members("default"));
  });

  it.each<[string, RegExp]>([
    ["CHN", /did you mean "CN"\?/],
    ["UK", /did you mean "GB"\?/],
    ["China", /did you mean "CN"\?/],
    ["Russia", /did you mean "RU"\?/],
    ["ear-d55", /did you mean the group "ear-d5"\?/],
    ["defualt", /did you mean the group "default"\?/],
    ["ZZ", /not an ISO 3166-1 alpha-2 code; known groups: .*default/],
    ["nowhere-land", /known groups: .*ear-d5/],
    ["", /empty value/],
  ])("reports '%s' as invalid with a hint", (value, hint) => {
    const result = expandJurisdictions(["CN", value]);
    expect(result.invalid).toHaveLength(1);
    expect(result.invalid[0]).toMatchObject({ index: 1, value });
    expect(wordJurisdictionHint(result.invalid[0]?.hint ?? { kind: "unknown" })).toMatch(hint);
    expect([...result.countries]).toEqual(["CN"]);
  });
});
