// The explain lookups: the settings they judge by are the deciding policies' own, a disabled
// policy restricts nothing, and an unknown term gives no answer but the closest name.
import { declaredSettings } from "../../../policypack/src/config";
import { POLICIES } from "../../../policypack/src/policies";
import { EXPLAIN_POLICIES, explain } from "../../../policypack/src/policies/explain";

describe("explain", () => {
  test.each(Object.values(EXPLAIN_POLICIES).map((p) => [p.name, p] as const))(
    "judges by the settings %s declares",
    (name, p) => {
      const policy = POLICIES.find((x) => x.name === name);
      expect(policy).toBeDefined();
      expect([...p.settings].sort()).toEqual(
        declaredSettings(policy as (typeof POLICIES)[number])
          .filter((s) => !["exemptions", "maxExemptionDays", "jurisdictionStackTag"].includes(s))
          .sort(),
      );
    },
  );

  test("a policy the config disables restricts nothing, and says so", () => {
    const [a] = explain("cn-north-1", (policy) =>
      policy === "gpu-in-restricted-jurisdiction" ? { enforcementLevel: "disabled" } : {},
    ).answers;
    expect(a).toMatchObject({ restricted: false });
    expect(a?.why).toContain("disables gpu-in-restricted-jurisdiction");
  });

  test("restrictedJurisdictions of the config decide a country", () => {
    const props = { properties: { restrictedJurisdictions: ["FR"] } };
    expect(explain("FR", () => props).answers[0]).toMatchObject({ restricted: true });
    expect(explain("CN", () => props).answers[0]).toMatchObject({ restricted: false });
  });

  test("a custom foreign provider's range is found for an address", () => {
    const entry = () => ({
      properties: {
        foreignProviders: [{ name: "Partner", cidrs: ["198.51.100.0/24"], jurisdiction: "CN" }],
      },
    });
    expect(explain("198.51.100.9", entry).answers[0]?.providers).toMatchObject([
      { name: "Partner" },
    ]);
  });

  test("an unknown term has no answer and a close suggestion", () => {
    expect(explain("chinaeast9x")).toMatchObject({ answers: [] });
    expect(explain("eastuss")).toMatchObject({ answers: [], suggestion: "eastus" });
    expect(explain("999.1.1.1").answers).toEqual([]);
  });
});
