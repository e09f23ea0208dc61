// The example org configs in examples/config/ are in the shape `pulumi preview
// --policy-pack-config` and `pulumi policy enable --config` read. Each must name only "all" and
// the pack's policies, use valid enforcement levels, and give each policy only settings it
// declares, valid by the same parseSettings the pack runs.
import * as fs from "fs";
import * as path from "path";
import type { PackConfigProblem } from "../../../policypack/src/config";
import {
  ENFORCEMENT_LEVELS,
  checkPackConfig as checkConfig,
  declaredSettings,
  parseSettings,
} from "../../../policypack/src/config";
import { packConfigProblemText } from "../../../policypack/src/report";
import { POLICIES } from "../../../policypack/src/policies";

// Pinned, not the clock: parseSettings rejects an exemption that expires more than
// maxExemptionDays (365 by default) after "today". The files' expiry dates were written on
// 2026-11-22; measured from the real date this test would fail once a year had passed (and its
// outcome would depend on the day it runs), which says nothing about the files' shape.
const TODAY = "2026-11-22";

const DIR = path.resolve(__dirname, "../../../examples/config");
const FILES = fs
  .readdirSync(DIR)
  .filter((f) => f.endsWith(".json"))
  .sort();

function load(file: string): Record<string, unknown> {
  return JSON.parse(fs.readFileSync(path.join(DIR, file), "utf8")) as Record<string, unknown>;
}

const checkPackConfig = (config: unknown, today: string) => checkConfig(config, POLICIES, today);
const pathOf = (p: PackConfigProblem) =>
  p.field !== undefined ? `${p.policy}.${p.field}` : p.policy;

const byName = new Map(POLICIES.map((p) => [p.name, p]));
const LEVELS: readonly string[] = ENFORCEMENT_LEVELS;

describe("examples/config", () => {
  it("holds the documented examples", () => {
    expect(FILES).toEqual(
      expect.arrayContaining([
        "export-controlled-only.json",
        "org-accounts-providers-exemptions.json",
        "strict.json",
      ]),
    );
  });

  describe.each(FILES)("%s", (file) => {
    const config = load(file);

    it('names only "all" and policies of the pack', () => {
      const strangers = Object.keys(config).filter((k) => k !== "all" && !byName.has(k));
      expect(strangers).toEqual([]);
    });

    it("sets only valid enforcement levels", () => {
      const levels = Object.entries(config).map(([key, entry]) => [
        key,
        typeof entry === "string" ? entry : (entry as Record<string, unknown>)["enforcementLevel"],
      ]);
      for (const [key, level] of levels) {
        if (level !== undefined)
          expect([key, LEVELS.includes(level as string)]).toEqual([key, true]);
      }
    });

    it("gives each policy only settings it declares, valid through parseSettings", () => {
      for (const [key, entry] of Object.entries(config)) {
        const policy = byName.get(key);
        if (!policy || typeof entry === "string") continue;
        const names = declaredSettings(policy);
        const { enforcementLevel: _level, ...settings } = entry as Record<string, unknown>;
        expect(Object.keys(settings).filter((s) => !(names as string[]).includes(s))).toEqual([]);
        const parsed = parseSettings(names, settings, TODAY);
        expect(parsed.ok ? [] : parsed.errors).toEqual([]);
      }
    });

    it("passes checkPackConfig, the check gen-docs applies to its own examples", () => {
      expect(checkPackConfig(config, TODAY)).toEqual([]);
    });
  });
});

describe("a broken copy of an example config", () => {
  const strict = load("strict.json");
  const org = load("org-accounts-providers-exemptions.json");

  function fieldsOf(config: unknown): string[] {
    return checkPackConfig(config, TODAY).map(pathOf);
  }

  function withEntry(
    base: Record<string, unknown>,
    policy: string,
    change: (entry: Record<string, unknown>) => void,
  ): Record<string, unknown> {
    const copy = structuredClone(base);
    change(copy[policy] as Record<string, unknown>);
    return copy;
  }

  it("fails naming a misspelt jurisdiction group, with the suggestion", () => {
    const broken = withEntry(strict, "gpu-in-restricted-jurisdiction", (e) => {
      e["restrictedJurisdictions"] = ["default", "advanced-computin"];
    });
    const problems = checkPackConfig(broken, TODAY);
    expect(problems.map(pathOf)).toEqual([
      "gpu-in-restricted-jurisdiction.restrictedJurisdictions[1]",
    ]);
    expect(problems.map(packConfigProblemText).join("\n")).toContain("advanced-computing");
  });

  it("fails naming an enforcement level the engine does not know", () => {
    const broken = withEntry(strict, "listed-foreign-provider-resource", (e) => {
      e["enforcementLevel"] = "blocking";
    });
    expect(fieldsOf(broken)).toEqual(["listed-foreign-provider-resource.enforcementLevel"]);
    expect(fieldsOf({ ...strict, all: "strict" })).toEqual(["all"]);
  });

  it("fails naming a key that is not a policy, such as a setting put at the top level", () => {
    expect(fieldsOf({ ...strict, restrictedJurisdictions: ["CN"] })).toEqual([
      "restrictedJurisdictions",
    ]);
    expect(fieldsOf({ ...strict, "gpu-in-restricted-region": "mandatory" })).toEqual([
      "gpu-in-restricted-region",
    ]);
  });

  it("fails naming a setting the policy does not declare", () => {
    const broken = withEntry(org, "gpu-or-ai-in-restricted-account", (e) => {
      e["allowedRegions"] = ["me-central-1"];
    });
    expect(fieldsOf(broken)).toEqual(["gpu-or-ai-in-restricted-account.allowedRegions"]);
  });

  it("fails naming an exemption without a reason, and one that expires too far ahead", () => {
    const noReason = withEntry(org, "gpu-in-restricted-jurisdiction", (e) => {
      const [first] = e["exemptions"] as Record<string, unknown>[];
      delete first?.["reason"];
    });
    expect(fieldsOf(noReason)).toEqual(["gpu-in-restricted-jurisdiction.exemptions[0].reason"]);
    const tooLate = withEntry(org, "gpu-in-restricted-jurisdiction", (e) => {
      const [first] = e["exemptions"] as Record<string, unknown>[];
      if (first) first["expires"] = "2028-01-31";
    });
    expect(fieldsOf(tooLate)).toEqual(["gpu-in-restricted-jurisdiction.exemptions[0].expires"]);
  });

  it("fails naming a listed provider's bad CIDR and an account ID that is neither AWS nor Azure", () => {
    const broken = withEntry(org, "peering-with-listed-foreign-provider", (e) => {
      const [provider] = e["foreignProviders"] as Record<string, unknown>[];
      if (provider) provider["cidrs"] = ["198.51.100.7/24"];
      e["restrictedAccounts"] = [{ id: "1234" }];
    });
    expect(fieldsOf(broken).sort()).toEqual([
      "peering-with-listed-foreign-provider.foreignProviders[0].cidrs[0]",
      "peering-with-listed-foreign-provider.restrictedAccounts[0].id",
    ]);
  });
});
