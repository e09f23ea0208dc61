// Wording that report.ts chooses from the data: the article before a resource kind's label, the
// providers a description names, and the reasons a policy gives for not deciding a resource.
import { AWS_INTERCONNECT_EXTRACTORS } from "../../../policypack/src/facts/aws/interconnect";
import { AWS_NATIVE_INTERCONNECT_EXTRACTORS } from "../../../policypack/src/facts/aws-native/interconnect";
import { AZURE_INTERCONNECT_EXTRACTORS } from "../../../policypack/src/facts/azure/interconnect";
import { AZURE_CLASSIC_INTERCONNECT_EXTRACTORS } from "../../../policypack/src/facts/azure-classic/interconnect";
import { GCP_INTERCONNECT_EXTRACTORS } from "../../../policypack/src/facts/gcp/interconnect";
import { BUILTIN_FOREIGN_PROVIDERS } from "../../../policypack/src/data/foreign-providers";
import { COVERAGE } from "../../../policypack/src/facts";
import {
  articleFor,
  notApplicableBecause,
  policyTexts,
  withArticle,
  wordFinding,
} from "../../../policypack/src/report";

/** Every kind label the interconnect extractors give (each extractor names its kind). */
const LABELS = [
  ...new Set(
    [
      AWS_INTERCONNECT_EXTRACTORS,
      AZURE_INTERCONNECT_EXTRACTORS,
      GCP_INTERCONNECT_EXTRACTORS,
      AWS_NATIVE_INTERCONNECT_EXTRACTORS,
      AZURE_CLASSIC_INTERCONNECT_EXTRACTORS,
    ].flatMap((table) => [...table.values()].map((extract) => extract.kind)),
  ),
];

// The labels that start with a vowel sound, written out so the rule is checked, not restated.
const AN = new Set([
  "exclusive set of RAM resource share associations",
  "OpenSearch outbound connection",
  "ExpressRoute circuit",
  "ExpressRoute circuit peering",
  "ExpressRoute cross-connection peering",
  "ExpressRoute Global Reach connection",
  "ExpressRoute gateway connection",
  "Azure peering",
  "external VPN gateway",
]);

describe("the article before a kind label", () => {
  it("covers the labels of every cloud", () => {
    expect(LABELS.length).toBeGreaterThan(50);
    expect(LABELS.filter((l) => AN.has(l)).sort()).toEqual([...AN].sort());
  });

  it.each(LABELS)("%s", (label) => {
    expect(withArticle(label)).toBe(`${AN.has(label) ? "an" : "a"} ${label}`);
  });

  it.each([
    ["AWS account", "an"],
    ["SQL server", "a"],
    ["RAM share", "a"],
    ["MSK cluster", "an"],
    ["VPN site", "a"],
    ["unit", "a"],
    ["hour", "an"],
    ["European region", "a"],
    ["interconnect", "an"],
  ] as const)("%s takes %s", (noun, article) => {
    expect(articleFor(noun)).toBe(article);
  });

  it("is used when a finding names the kind", () => {
    const text = wordFinding(
      { type: "azure-native:network:ExpressRouteCircuit", name: "er" },
      { kind: "listed-peer", interconnect: "ExpressRoute circuit", matches: [] },
    );
    expect(text.split("\n")[0]).toMatch(
      /^azure-native:network:ExpressRouteCircuit "er" is an ExpressRoute circuit that reaches/,
    );
  });
});

describe("policy descriptions worded from the data", () => {
  test("the listed-package description names each listed provider that has a Pulumi package", () => {
    const text = policyTexts(COVERAGE).listedPackage.description;
    const withPackages = BUILTIN_FOREIGN_PROVIDERS.filter((p) => p.pulumiPackages.length > 0);
    expect(withPackages.length).toBeGreaterThan(0);
    for (const p of withPackages) expect(text).toContain(p.name.split(" (")[0]);
    for (const p of BUILTIN_FOREIGN_PROVIDERS.filter((x) => x.pulumiPackages.length === 0)) {
      expect(text).not.toContain(p.name.split(" (")[0]);
    }
  });
});

describe("not-applicable reasons", () => {
  test("are worded in report.ts and reach the engine as the SDK's notApplicable reason", () => {
    expect(notApplicableBecause("not-listed-package")).toEqual({
      kind: "not-applicable",
      reason: "not a listed provider's package",
    });
  });
});
