// The one checker of a whole pack config (checkPackConfig), as scan, demo, runner and library use
// it, and the did-you-mean helper it shares with the jurisdiction hints.
import type { DeclaredPolicy, PackConfigProblem } from "../../../policypack/src/config";
import { checkPackConfig, parseSettings } from "../../../policypack/src/config";
import {
  packConfigProblemText,
  wordConfigError,
  wordConfigProblem,
} from "../../../policypack/src/report";
import { POLICIES } from "../../../policypack/src/policies";
import { closest, levenshtein } from "../../../policypack/src/catalogue/suggest";
import { didYouMean } from "../../../policypack/src/report";

const TODAY = "2026-11-22";
const GPU = "gpu-in-restricted-jurisdiction";

const check = (config: unknown) => checkPackConfig(config, POLICIES, TODAY);
const texts = (problems: readonly PackConfigProblem[]) => problems.map(packConfigProblemText);

describe("did you mean", () => {
  it("measures edits", () => {
    expect(levenshtein("cn-nrth-1", "cn-north-1")).toBe(1);
    expect(levenshtein("", "abc")).toBe(3);
  });

  it("suggests the closest name, ignoring case, and nothing for a far-off name", () => {
    expect(closest("restrictedJurisdiction", ["allowedRegions", "restrictedJurisdictions"])).toBe(
      "restrictedJurisdictions",
    );
    expect(closest("ALL", ["all", "gpu"])).toBe("all");
    expect(didYouMean("zzzzzzzz", ["allowedRegions", "restrictedRegions"])).toBeUndefined();
  });
});

describe("checkPackConfig over the pack's policies", () => {
  it('accepts levels, "all" and declared settings', () => {
    expect(
      check({
        all: "advisory",
        [GPU]: { enforcementLevel: "mandatory", restrictedJurisdictions: ["CN"] },
        "listed-foreign-provider-resource": "disabled",
      }),
    ).toEqual([]);
    expect(check({ all: { enforcementLevel: "advisory" } })).toEqual([]);
  });

  it("names a misspelled setting with the closest setting of that policy", () => {
    expect(
      check({ [GPU]: { restrictedJurisdiction: ["RU"] } }).map(({ cause, ...at }) => ({
        ...at,
        ...wordConfigProblem(cause),
      })),
    ).toEqual([
      {
        policy: GPU,
        field: "restrictedJurisdiction",
        problem: "is not a setting of this policy",
        fix: 'did you mean "restrictedJurisdictions"? (its settings: restrictedJurisdictions, allowedRegions, restrictedRegions, acceleratorScope, exemptions, maxExemptionDays)',
      },
    ]);
  });

  it('names a misspelled policy, and a misspelled "all", with the closest name', () => {
    expect(texts(check({ "gpu-in-restricted-jurisdictions": "advisory" }))[0]).toMatch(
      /^gpu-in-restricted-jurisdictions: is neither "all" nor a policy of this pack; did you mean "gpu-in-restricted-jurisdiction"\?/,
    );
    expect(texts(check({ al: "advisory" }))[0]).toMatch(/^al: .*did you mean "all"\?/);
  });

  it("lists the known names when nothing is close", () => {
    expect(texts(check({ "something-else-entirely": "advisory" }))[0]).toMatch(
      /use one of the known names: all, gpu-in-restricted-jurisdiction, /,
    );
  });

  it('names a setting put at the top level, and settings put under "all"', () => {
    expect(texts(check({ allowedRegions: ["me-central-1"] }))).toEqual([
      `allowedRegions: is a setting, not a policy: settings go inside a policy's entry; write {"${GPU}": {"allowedRegions": …}}; policies that declare it: ${GPU}, ai-service-in-restricted-jurisdiction`,
    ]);
    expect(texts(check({ all: { enforcementLevel: "advisory", allowedRegions: [] } }))[0]).toMatch(
      /^all\.allowedRegions: "all" sets only the enforcement level of every policy/,
    );
  });

  it("names a bad level at the top, in an entry, and a value of the wrong kind", () => {
    expect(texts(check({ all: "strict", [GPU]: { enforcementLevel: "loud" }, x: 1 }))).toEqual([
      'all: "strict" is not an enforcement level; use one of advisory, mandatory, remediate, disabled',
      `${GPU}.enforcementLevel: "loud" is not an enforcement level; use one of advisory, mandatory, remediate, disabled`,
      expect.stringMatching(/^x: is neither "all" nor a policy/) as unknown as string,
    ]);
  });

  it("applies the pack's own checks to its settings (jurisdictions)", () => {
    expect(texts(check({ [GPU]: { restrictedJurisdictions: ["Chna"] } }))[0]).toMatch(
      /^gpu-in-restricted-jurisdiction\.restrictedJurisdictions\[0\]: /,
    );
  });

  it("applies them too to a schema that came back through GetAnalyzerInfo (compared by value)", () => {
    const reported: DeclaredPolicy[] = POLICIES.map((p) => ({
      name: p.name,
      configSchema: JSON.parse(JSON.stringify(p.configSchema)) as DeclaredPolicy["configSchema"],
    }));
    const config = { [GPU]: { restrictedJurisdictions: ["Chna"] } };
    expect(checkPackConfig(config, reported, TODAY).map((p) => p.field)).toEqual([
      "restrictedJurisdictions[0]",
    ]);
    expect(checkPackConfig(config, reported, TODAY, "schema")).toEqual([]);
  });

  it("checks another pack's policies by their closed schemas", () => {
    const other: DeclaredPolicy[] = [
      {
        name: "tags",
        configSchema: {
          properties: { requiredTags: { type: "array", items: { type: "string" } } },
          required: ["requiredTags"],
        },
      },
    ];
    expect(texts(checkPackConfig({ tags: { requiredTag: ["owner"] } }, other, TODAY))).toEqual([
      "tags.requiredTags: is required",
      'tags.requiredTag: is not a setting of this policy; did you mean "requiredTags"? (its settings: requiredTags)',
    ]);
    expect(texts(checkPackConfig({ tags: { requiredTags: [1] } }, other, TODAY))).toEqual([
      "tags.requiredTags[0]: must be string",
    ]);
  });
});

describe("parseSettings, as the pack runs it on every resource", () => {
  it("rejects a key the policy does not declare, with the closest setting", () => {
    const parsed = parseSettings(["allowedRegions", "restrictedRegions"], { allowedRegion: [] });
    expect(parsed.ok ? [] : parsed.errors.map(wordConfigError)).toEqual([
      {
        field: "allowedRegion",
        problem: "is not a setting of this policy",
        fix: 'did you mean "allowedRegions"? (its settings: allowedRegions, restrictedRegions)',
      },
    ]);
  });
});
