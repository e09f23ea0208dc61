import { JurisdictionGuardConfigError, initialConfigOf } from "../../../policypack/lib";

describe("JurisdictionGuard initial config", () => {
  it("applies top-level settings to every policy that declares them, and only those", () => {
    const config = initialConfigOf({
      restrictedJurisdictions: ["CN", "RU"],
      acceleratorScope: "export-controlled",
    });
    expect(config["gpu-in-restricted-jurisdiction"]).toEqual({
      enforcementLevel: "mandatory",
      restrictedJurisdictions: ["CN", "RU"],
      acceleratorScope: "export-controlled",
    });
    expect(config["ai-service-in-restricted-jurisdiction"]).toEqual({
      enforcementLevel: "mandatory",
      restrictedJurisdictions: ["CN", "RU"],
    });
    expect(config["listed-foreign-provider-resource"]).toBeUndefined();
  });

  it("gives every entry a level (all, else the policy's default), never the protocol's advisory default", () => {
    expect(
      initialConfigOf({ all: "advisory", restrictedJurisdictions: ["CN"] })[
        "gpu-in-restricted-jurisdiction"
      ],
    ).toMatchObject({ enforcementLevel: "advisory" });
    expect(
      initialConfigOf({ builtinForeignProviders: false })["listed-foreign-provider-resource"],
    ).toEqual({
      enforcementLevel: "advisory",
      builtinForeignProviders: false,
    });
  });

  it("lets a policy's own entry override the shared settings and set its level", () => {
    const config = initialConfigOf({
      all: "mandatory",
      restrictedJurisdictions: ["CN"],
      "gpu-in-restricted-jurisdiction": {
        enforcementLevel: "advisory",
        restrictedJurisdictions: ["RU"],
      },
      "listed-foreign-provider-resource": "mandatory",
    });
    expect(config["all"]).toBe("mandatory");
    expect(config["gpu-in-restricted-jurisdiction"]).toEqual({
      enforcementLevel: "advisory",
      restrictedJurisdictions: ["RU"],
    });
    expect(config["listed-foreign-provider-resource"]).toEqual({ enforcementLevel: "mandatory" });
  });

  it("rejects an unknown key, naming it and listing what exists", () => {
    expect(() => initialConfigOf({ restrictedJurisdiction: ["CN"] } as never)).toThrow(
      /restrictedJurisdiction: not a setting or policy .*; did you mean "restrictedJurisdictions"\?/,
    );
  });

  it("rejects a setting a policy does not declare", () => {
    expect(() =>
      initialConfigOf({ "listed-foreign-provider-resource": { acceleratorScope: "any" } }),
    ).toThrow(
      /listed-foreign-provider-resource.acceleratorScope: is not a setting of this policy; use one of its settings: builtinForeignProviders, exemptions, maxExemptionDays/,
    );
  });

  it("rejects a misspelled setting inside a policy's entry, with the closest setting", () => {
    expect(() =>
      initialConfigOf({
        "gpu-in-restricted-jurisdiction": { restrictedJurisdiction: ["RU"] } as never,
      }),
    ).toThrow(
      /gpu-in-restricted-jurisdiction.restrictedJurisdiction: is not a setting of this policy; did you mean "restrictedJurisdictions"\?/,
    );
  });

  it("rejects an invalid value with the policy and field named", () => {
    expect(() => initialConfigOf({ restrictedJurisdictions: ["Atlantis"] })).toThrow(
      JurisdictionGuardConfigError,
    );
    expect(() => initialConfigOf({ restrictedJurisdictions: ["Atlantis"] })).toThrow(
      /gpu-in-restricted-jurisdiction.restrictedJurisdictions\[0\]/,
    );
  });

  it("rejects an unknown enforcement level", () => {
    expect(() => initialConfigOf({ all: "strict" as never })).toThrow(
      /all: "strict" is not an enforcement level/,
    );
  });
});
