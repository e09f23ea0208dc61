import { listedForeignProviderResource as rule } from "../../../policypack/src/policies/listed-foreign-provider-resource";
import { evaluate, resource } from "../../support/policies";

describe("listed-foreign-provider-resource", () => {
  it("flags an Alibaba Cloud ECS instance by its type token", () => {
    const outcome = evaluate(
      rule,
      resource("alicloud:ecs/instance:Instance", "vm", { instanceType: "ecs.gn7i-c8g1.2xlarge" }),
    );
    expect(outcome.kind).toBe("violation");
  });

  it("flags a listed provider's own provider resource", () => {
    expect(evaluate(rule, resource("pulumi:providers:yandex", "yc", {})).kind).toBe("violation");
  });

  it("is not applicable to AWS resources", () => {
    expect(evaluate(rule, resource("aws:ec2/instance:Instance", "vm", {})).kind).toBe(
      "not-applicable",
    );
  });

  it("is advisory by default", () => {
    expect(rule.metadata.enforcementLevel).toBe("advisory");
  });
});
