// describeNature: what a resource is, with where it runs worked out only when `placed()` is
// called, and then exactly what describe says.
import { describe as factsOf, describeNature } from "../../../../policypack/src/facts";
import {
  CPU_TYPE,
  GPU_TYPE,
  awsContext,
  defaultProvider,
  explicitProvider,
  resource,
} from "../../../support/facts/aws";

const INSTANCE = "aws:ec2/instance:Instance";

// No region anywhere before the shared config file: placing the resource reads its profile.
const PROFILES = { profiles: { default: "sa-east-1" } };

describe("describeNature", () => {
  it.each([
    ["a GPU instance", GPU_TYPE],
    ["a CPU instance", CPU_TYPE],
  ])("tells what %s is without placing it", (_label, instanceType) => {
    const ctx = awsContext(PROFILES);
    const r = resource(INSTANCE, { instanceType }, { provider: defaultProvider() });
    const described = describeNature(r, ctx);
    expect(described?.token).toBe(INSTANCE);
    expect(described?.compute?.accelerators.length).toBe(instanceType === GPU_TYPE ? 1 : 0);
    expect(Object.keys(described ?? {})).not.toContain("placement");
    expect(ctx.profileLookups).toEqual([]);
  });

  it("places the resource once, when its facts are first asked for, as describe does", () => {
    const ctx = awsContext(PROFILES);
    const r = resource(INSTANCE, { instanceType: GPU_TYPE }, { provider: defaultProvider() });
    const described = describeNature(r, ctx);
    const facts = described?.placed();
    expect(facts?.placement).toMatchObject({ status: "resolved", region: "sa-east-1" });
    expect(described?.placed()).toBe(facts);
    expect(ctx.profileLookups).toHaveLength(1);
    expect(facts).toStrictEqual(factsOf(r, awsContext(PROFILES)));
  });

  it("gives the facts of an explicit provider's region as describe does", () => {
    const r = resource(
      INSTANCE,
      { instanceType: GPU_TYPE },
      { provider: explicitProvider("beijing", { region: "cn-north-1" }) },
    );
    const facts = describeNature(r, awsContext())?.placed();
    expect(facts?.placement).toMatchObject({ status: "resolved", region: "cn-north-1" });
    expect(facts).toStrictEqual(factsOf(r, awsContext()));
  });

  it("describes nothing that is neither compute nor an AI service", () => {
    const r = resource("aws:s3/bucket:Bucket", { bucket: "logs" });
    expect(describeNature(r, awsContext())).toBeUndefined();
    expect(factsOf(r, awsContext())).toBeUndefined();
  });
});
