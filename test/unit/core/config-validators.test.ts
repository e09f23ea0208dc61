// The policies' settings validators are compiled ahead of time (scripts/gen-validators.ts writes
// policypack/src/config-validators.ts): this fails `npm test` when the file drifts from the
// settings' schemas, and checks that each validator says and fills in exactly what ajv's run-time
// compilation of the same schema does.
import * as fs from "fs";
import Ajv from "ajv";
import type { ValidateFunction } from "ajv";
import fc from "fast-check";
import type * as ConfigModule from "../../../policypack/src/config";
import type { SettingName } from "../../../policypack/src/config";
import {
  CONFIG_AJV_OPTIONS,
  SETTINGS,
  configSchemaFor,
  validatorKey,
} from "../../../policypack/src/config";
import { POLICY_DEFINITIONS } from "../../../policypack/src/policies";
import { settingsOf } from "../../../policypack/src/policies/rule";
import {
  VALIDATORS_FILE,
  generateValidators,
  validatedSettings,
} from "../../../scripts/gen-validators";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const generated = require("../../../policypack/src/config-validators") as Record<
  string,
  ValidateFunction
>;

describe("precompiled settings validators", () => {
  it("config-validators.ts matches what scripts/gen-validators.ts generates", () => {
    const expected = generateValidators();
    const actual = fs.readFileSync(VALIDATORS_FILE, "utf8");
    expect(actual === expected ? "up to date" : "stale: run npm run validators").toBe("up to date");
  });

  it("has a validator for every policy's settings", () => {
    const keys = POLICY_DEFINITIONS.map((d) => validatorKey(settingsOf(d)));
    expect(keys.filter((k) => typeof generated[k] !== "function")).toEqual([]);
    expect(Object.keys(generated).sort()).toEqual(
      validatedSettings()
        .map((names) => validatorKey(names))
        .sort(),
    );
  });

  const ajv = new Ajv(CONFIG_AJV_OPTIONS);
  const sets = validatedSettings().map((names) => {
    const precompiled = generated[validatorKey(names)];
    if (precompiled === undefined) throw new Error(`no validator for ${validatorKey(names)}`);
    return {
      names,
      precompiled,
      compiled: ajv.compile({ type: "object", ...configSchemaFor(names) }),
    };
  });

  /** What a validator answers for `config`: verdict, errors, and the config with defaults filled. */
  function outcome(validate: ValidateFunction, config: unknown) {
    const data = structuredClone(config);
    const valid = validate(data);
    return { valid, errors: validate.errors ?? null, data };
  }

  function expectSame(names: readonly SettingName[], config: unknown): void {
    const set = sets.find((s) => s.names === names);
    if (set === undefined) throw new Error("unknown set");
    expect(outcome(set.precompiled, config)).toEqual(outcome(set.compiled, config));
  }

  const HAND_MADE: unknown[] = [
    {},
    { restrictedJurisdictions: ["CN", "CN", ""], allowedRegions: "us-east-1" },
    { acceleratorScope: "some", maxExemptionDays: 0, unknownSetting: true },
    { maxExemptionDays: 1.5, exemptions: [{ resource: "", expires: "2026-1-1", extra: 1 }] },
    { exemptions: [{}], restrictedAccounts: [{ jurisdiction: 3 }, "x"] },
    {
      foreignProviders: [{ name: "", asns: [1, "AS2", 2.5, null], cidrs: [1], other: [] }],
      builtinForeignProviders: "yes",
    },
    { jurisdictionStackTag: "", restrictedRegions: [null, "a", "a"] },
    [],
    null,
    "config",
  ];

  it.each(sets.map((s) => [validatorKey(s.names), s.names] as const))(
    "%s: the same errors and defaults as ajv compiles at run time",
    (_key, names) => {
      for (const config of HAND_MADE) expectSame(names, config);
      const value = fc.oneof(
        fc.jsonValue({ maxDepth: 3 }),
        fc.array(fc.string(), { maxLength: 4 }),
        fc.array(
          fc.dictionary(
            fc.constantFrom("id", "name", "resource", "reason", "expires", "x"),
            fc.jsonValue({ maxDepth: 1 }),
          ),
          { maxLength: 3 },
        ),
      );
      const key = fc.constantFrom(...(Object.keys(SETTINGS) as string[]), "other");
      fc.assert(
        fc.property(fc.dictionary(key, value, { maxKeys: 5 }), (config) => {
          expectSame(names, config);
        }),
        { numRuns: 300 },
      );
    },
  );

  it("parseSettings checks the policies' settings without loading ajv", () => {
    jest.isolateModules(() => {
      jest.doMock("ajv", () => {
        throw new Error("ajv was loaded");
      });
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const config = require("../../../policypack/src/config") as typeof ConfigModule;
      for (const d of POLICY_DEFINITIONS) {
        const parsed = config.parseSettings(settingsOf(d), { maxExemptionDays: 0 }, "2026-11-22");
        expect(parsed.ok ? [] : parsed.errors.map((e) => e.field)).toEqual(["maxExemptionDays"]);
      }
      // A set no policy declares is compiled at run time.
      expect(() => config.parseSettings(["maxExemptionDays"], {}, "2026-11-22")).toThrow(
        "ajv was loaded",
      );
    });
  });
});
