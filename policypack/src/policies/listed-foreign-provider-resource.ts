// listed-foreign-provider-resource: a resource managed through a listed provider's own Pulumi
// package (alicloud:, tencentcloud:, huaweicloud:, yandex: …), found by type token alone.
import { builtinProviderIndex } from "../catalogue/provider-matcher";
import type { Outcome } from "../findings";
import { definePolicy } from "./rule";
import { COVERAGE } from "../facts";
import { notApplicableBecause, policyTexts } from "../report";
import { policyUrl } from "./docs-url";

const NAME = "listed-foreign-provider-resource";
const TEXT = policyTexts(COVERAGE).listedPackage;

const ECS_GPU = {
  type: "alicloud:ecs/instance:Instance",
  name: "gpu-box",
  props: { instanceType: "ecs.gn7i-c8g1.2xlarge" },
};

export const listedForeignProviderResource = definePolicy({
  metadata: {
    name: NAME,
    displayName: "Resource in a listed foreign provider's cloud",
    description: TEXT.description,
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
    remediationSteps: TEXT.remediationSteps,
    url: policyUrl(NAME),
  },
  settings: ["builtinForeignProviders"],
  // Whatever the settings: builtinForeignProviders can only narrow the built-in registry.
  rule: {
    concerns: (view) => builtinProviderIndex().byPackage(view.type).length > 0,
    evaluate(view, _env, settings): Outcome {
      const matches = settings.providers.byPackage(view.type);
      if (matches.length === 0) return notApplicableBecause("not-listed-package");
      return { kind: "violation", finding: { kind: "listed-package", matches } };
    },
  },
  examples: [
    { title: "An Alibaba Cloud ECS instance", resource: ECS_GPU, expect: "violation" },
    {
      title: "An Alibaba Cloud ECS instance with builtinForeignProviders turned off",
      resource: ECS_GPU,
      config: { builtinForeignProviders: false },
      expect: "not-applicable",
    },
  ],
});
