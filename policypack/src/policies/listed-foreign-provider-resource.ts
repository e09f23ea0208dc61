// listed-foreign-provider-resource: a resource managed through a listed provider's own Pulumi
// package (alicloud:, tencentcloud:, huaweicloud:, yandex: …), found by type token alone.
import { builtinProviderIndex } from "../catalogue/provider-matcher";
import type { Outcome, RuleSpec } from "./rule";
import { toPolicy } from "./rule";
import { policyUrl } from "./docs-url";

const NAME = "listed-foreign-provider-resource";

export const listedForeignProviderResourceRule: RuleSpec = {
  metadata: {
    name: NAME,
    displayName: "Resource in a listed foreign provider's cloud",
    description:
      "Flags resources managed through a listed foreign provider's own Pulumi package " +
      "(Alibaba Cloud, Tencent Cloud, Huawei Cloud, Volcano Engine, Yandex …). Advisory by default.",
    enforcementLevel: "advisory",
    severity: "medium",
    tags: ["foreign-provider"],
    framework: {
      name: "jurisdiction-guard",
      version: "1",
      reference:
        "National-security reviews of foreign clouds (corporate control, not legal advice)",
      specification: "Workloads in listed foreign clouds need the security team's approval.",
    },
    remediationSteps:
      "1. Move the workload to an approved cloud. 2. Or have the security team approve it; set " +
      "this policy's enforcement level to `mandatory` to block such resources outright.",
    url: policyUrl(NAME),
  },
  settings: ["builtinForeignProviders"],
  // Whatever the settings: builtinForeignProviders can only narrow the built-in registry.
  concerns: (view) => builtinProviderIndex().byPackage(view.type).length > 0,
  evaluate(view, _env, settings): Outcome {
    const matches = settings.providers.byPackage(view.type);
    if (matches.length === 0) {
      return { kind: "not-applicable", reason: "not a listed provider's package" };
    }
    return { kind: "violation", finding: { kind: "listed-package", matches } };
  },
};

export const listedForeignProviderResource = toPolicy(listedForeignProviderResourceRule);
