// Each setting's default is declared once, in its JSON Schema (config.ts SETTINGS): the schema the
// engine sees (a policy's configSchema, which the engine fills defaults from) and the value the
// pack decides with (for settings a policy declares and those it does not) both come from it. The
// tests change a declaration in a fresh copy of the modules and watch both follow.
import type * as ConfigModule from "../../../policypack/src/config";
import type * as PoliciesModule from "../../../policypack/src/policies";
import type * as RuleModule from "../../../policypack/src/policies/rule";
import { fakeContext, gpuInstance } from "../../support/policies";
import { wordConfigProblem } from "../../../policypack/src/report";

interface Modules {
  config: typeof ConfigModule;
  policies: typeof PoliciesModule;
  rule: typeof RuleModule;
}

/** Fresh pack modules whose declarations `change` edits before any policy is built from them. */
async function withDeclarations(change: (config: typeof ConfigModule) => void): Promise<Modules> {
  let modules: Modules | undefined;
  await jest.isolateModulesAsync(async () => {
    const config = await import("../../../policypack/src/config");
    change(config);
    const policies = await import("../../../policypack/src/policies");
    const rule = await import("../../../policypack/src/policies/rule");
    modules = { config, policies, rule };
  });
  if (!modules) throw new Error("modules not loaded");
  return modules;
}

/** Sets a declaration's default (the declarations are `as const`: readonly to the type system only). */
function setDefault(config: typeof ConfigModule, name: ConfigModule.SettingName, value: unknown) {
  (config.SETTINGS[name] as { default: unknown }).default = value;
}

const ACCOUNT_POLICY = "gpu-or-ai-in-restricted-account";

function engineSchemaDefault(m: Modules, policy: string, setting: string): unknown {
  const p = m.policies.POLICIES.find((x) => x.name === policy);
  const properties = p?.configSchema?.properties as Record<string, { default?: unknown }>;
  return properties[setting]?.default;
}

function parsed(m: Modules, names: readonly ConfigModule.SettingName[]) {
  const result = m.config.parseSettings(names, {});
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.settings;
}

describe("a setting's default, declared once", () => {
  test("as declared: the stack tag is 'jurisdiction' in the schema and the parsed settings", async () => {
    const m = await withDeclarations(() => undefined);
    expect(engineSchemaDefault(m, ACCOUNT_POLICY, "jurisdictionStackTag")).toBe("jurisdiction");
    expect(parsed(m, ["jurisdictionStackTag"]).jurisdictionStackTag).toBe("jurisdiction");
  });

  test("changing jurisdictionStackTag's default changes the engine's schema and the value decided with", async () => {
    const m = await withDeclarations((config) =>
      setDefault(config, "jurisdictionStackTag", "country"),
    );
    expect(engineSchemaDefault(m, ACCOUNT_POLICY, "jurisdictionStackTag")).toBe("country");
    // A policy that declares the setting (ajv fills the default) and one that does not.
    expect(parsed(m, ["jurisdictionStackTag"]).jurisdictionStackTag).toBe("country");
    expect(parsed(m, ["acceleratorScope"]).jurisdictionStackTag).toBe("country");
    // And the decision: a stack tagged country=RU ties a GPU to Russia; jurisdiction=RU no longer does.
    const definition = m.policies.policyDefinition(ACCOUNT_POLICY);
    const decide = (tags: Record<string, string>) =>
      m.rule.evaluateWithConfig(
        definition,
        gpuInstance(),
        { ctx: fakeContext(), stackTags: new Map(Object.entries(tags)) },
        {},
      ).kind;
    expect(decide({ country: "RU" })).toBe("violation");
    expect(decide({ jurisdiction: "RU" })).toBe("pass");
  });

  test("changing maxExemptionDays' default changes the engine's schema and the exemptions accepted", async () => {
    const m = await withDeclarations((config) => setDefault(config, "maxExemptionDays", 10));
    for (const p of m.policies.POLICIES) {
      expect(engineSchemaDefault(m, p.name, "maxExemptionDays")).toBe(10);
    }
    expect(parsed(m, ["maxExemptionDays"]).exemptions.size).toBe(0);
    const exemption = {
      resource: "urn:pulumi:dev::proj::aws:ec2/instance:Instance::trainer",
      reason: "Pilot",
      expires: "2026-03-01",
    };
    const result = m.config.parseSettings(
      ["exemptions", "maxExemptionDays"],
      { exemptions: [exemption] },
      "2026-02-01",
    );
    expect(result.ok ? [] : result.errors.map((e) => wordConfigProblem(e.cause).problem)).toEqual([
      "2026-03-01 is more than maxExemptionDays (10) days after today (2026-02-01)",
    ]);
  });
});
