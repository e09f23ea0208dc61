// Attribute-based instance selection (`instanceRequirements`): AWS may pick an accelerated type
// unless `acceleratorCount.max` is 0, and a fixed `allowedInstanceTypes` list decides on its own.
import type { Props } from "../../../../policypack/src/values";
import { COMPUTED, CPU_TYPE, GPU_TYPE, extract, uses, withField } from "../../../support/facts/aws";

const LT = "aws:ec2/launchTemplate:LaunchTemplate";
const REQ = "instanceRequirements";

/** Compliant: accelerators excluded with `acceleratorCount.max = 0`. */
const compliant: Props = {
  imageId: "ami-1",
  instanceRequirements: {
    vcpuCount: { min: 2, max: 8 },
    memoryMib: { min: 4096 },
    acceleratorCount: { max: 0 },
  },
};

const withoutLimit = withField(compliant, `${REQ}.acceleratorCount`, undefined);

describe("launch template instanceRequirements", () => {
  it("reports nothing when acceleratorCount.max is 0", () => {
    expect(extract(LT, compliant)).toEqual({ accelerators: [], computed: [] });
  });

  it("reads acceleratorCount.max 0 given as a string", () => {
    const facts = extract(LT, withField(compliant, `${REQ}.acceleratorCount.max`, "0"));
    expect(facts.accelerators).toEqual([]);
  });

  it("reports a possible accelerator when no accelerator limit is set", () => {
    const facts = extract(LT, withoutLimit);
    expect(uses(facts)).toEqual([{ path: REQ, value: "acceleratorCount 0..unbounded" }]);
  });

  it("reports a possible accelerator when acceleratorCount.max is above 0", () => {
    const facts = extract(LT, withField(compliant, `${REQ}.acceleratorCount`, { min: 1, max: 4 }));
    expect(uses(facts)).toEqual([{ path: REQ, value: "acceleratorCount 1..4" }]);
  });

  it("reports acceleratorCount.max as computed when it is unknown", () => {
    const facts = extract(LT, withField(compliant, `${REQ}.acceleratorCount.max`, COMPUTED));
    expect(facts).toEqual({ accelerators: [], computed: [`${REQ}.acceleratorCount.max`] });
  });

  it("reports the whole block as computed when it is unknown", () => {
    const facts = extract(LT, withField(compliant, REQ, COMPUTED));
    expect(facts).toEqual({ accelerators: [], computed: [REQ] });
  });

  it("describes accelerator names and manufacturers in the use", () => {
    const props = withField(
      withField(withoutLimit, `${REQ}.acceleratorNames`, ["a100", "h100"]),
      `${REQ}.acceleratorManufacturers`,
      ["nvidia"],
    );
    expect(uses(extract(LT, props))).toEqual([
      {
        path: REQ,
        value:
          "acceleratorCount 0..unbounded; acceleratorNames a100, h100; acceleratorManufacturers nvidia",
      },
    ]);
  });

  it("classifies named accelerators through the catalogue", () => {
    const facts = extract(LT, withField(withoutLimit, `${REQ}.acceleratorNames`, ["a100"]));
    expect(facts.accelerators[0]?.info.chip.vendor).toMatch(/NVIDIA/i);
  });

  it("reports nothing when the accelerator filters rule every accelerator out", () => {
    const props = withField(
      withField(withoutLimit, `${REQ}.acceleratorNames`, ["a100"]),
      `${REQ}.acceleratorManufacturers`,
      ["amd"],
    );
    expect(extract(LT, props)).toEqual({ accelerators: [], computed: [] });
  });

  it("ignores a value that is not an object instead of reading it as open requirements", () => {
    expect(extract(LT, withField(compliant, REQ, "not-an-object"))).toEqual({
      accelerators: [],
      computed: [],
    });
  });

  it("reports computed accelerator names as computed instead of guessing", () => {
    const facts = extract(LT, withField(withoutLimit, `${REQ}.acceleratorNames`, COMPUTED));
    expect(facts).toEqual({ accelerators: [], computed: [`${REQ}.acceleratorNames`] });
  });

  it("decides by allowedInstanceTypes alone when every entry fixes the family (CPU only)", () => {
    const facts = extract(
      LT,
      withField(withoutLimit, `${REQ}.allowedInstanceTypes`, ["m5.*", "c5.large"]),
    );
    expect(facts).toEqual({ accelerators: [], computed: [] });
  });

  it("reports an accelerated entry of allowedInstanceTypes at its index", () => {
    const facts = extract(
      LT,
      withField(withoutLimit, `${REQ}.allowedInstanceTypes`, [CPU_TYPE, "p4d.*"]),
    );
    expect(uses(facts)).toEqual([{ path: `${REQ}.allowedInstanceTypes[1]`, value: "p4d.*" }]);
  });

  it("keeps the attribute-based use when allowedInstanceTypes has a family wildcard", () => {
    const facts = extract(
      LT,
      withField(withoutLimit, `${REQ}.allowedInstanceTypes`, ["m5.*", "g*"]),
    );
    expect(facts.accelerators.map((u) => u.path)).toEqual([REQ]);
  });

  it("lets acceleratorCount.max 0 win over an accelerated allowedInstanceTypes entry", () => {
    const facts = extract(LT, withField(compliant, `${REQ}.allowedInstanceTypes`, [GPU_TYPE]));
    expect(facts.accelerators).toEqual([]);
  });

  it("reports a computed allowedInstanceTypes list as computed", () => {
    const facts = extract(LT, withField(withoutLimit, `${REQ}.allowedInstanceTypes`, COMPUTED));
    expect(facts).toEqual({ accelerators: [], computed: [`${REQ}.allowedInstanceTypes`] });
  });

  it("does not treat excludedInstanceTypes as a decision (AWS may still pick other GPU families)", () => {
    const facts = extract(LT, withField(withoutLimit, `${REQ}.excludedInstanceTypes`, ["p4d.*"]));
    expect(facts.accelerators.map((u) => u.path)).toEqual([REQ]);
  });
});

describe("instanceRequirements in fleets, groups and capacity providers", () => {
  const open = { vcpuCount: { min: 2 }, memoryMib: { min: 1024 } };
  const closed = { ...open, acceleratorCount: { max: 0 } };

  it.each([
    [
      "aws:ec2/spotFleetRequest:SpotFleetRequest",
      "launchTemplateConfigs[0].overrides[1].instanceRequirements",
    ],
    ["aws:ec2/fleet:Fleet", "launchTemplateConfigs[0].overrides[1].instanceRequirements"],
    [
      "aws:autoscaling/group:Group",
      "mixedInstancesPolicy.launchTemplate.overrides[1].instanceRequirements",
    ],
    [
      "aws:ecs/capacityProvider:CapacityProvider",
      "managedInstancesProvider.instanceLaunchTemplate.instanceRequirements",
    ],
  ])(
    "%s: open requirements at %s are a possible accelerator, closed ones are not",
    (token, path) => {
      const base = withField({}, path, closed);
      const withOther = path.includes("[1]")
        ? withField(base, path.replace("[1].instanceRequirements", "[0].instanceType"), CPU_TYPE)
        : base;
      expect(extract(token, withOther).accelerators).toEqual([]);
      const facts = extract(token, withField(withOther, path, open));
      expect(facts.accelerators.map((u) => u.path)).toEqual([path]);
    },
  );

  it("mixes a typed override and an attribute override in one ASG", () => {
    const facts = extract("aws:autoscaling/group:Group", {
      mixedInstancesPolicy: {
        launchTemplate: {
          overrides: [{ instanceType: GPU_TYPE }, { instanceRequirements: open }],
        },
      },
    });
    expect(facts.accelerators.map((u) => u.path)).toEqual([
      "mixedInstancesPolicy.launchTemplate.overrides[0].instanceType",
      "mixedInstancesPolicy.launchTemplate.overrides[1].instanceRequirements",
    ]);
  });

  it("reads Lambda capacity provider requirements as a list with fixed allowed types", () => {
    const token = "aws:lambda/capacityProvider:CapacityProvider";
    const facts = extract(token, {
      instanceRequirements: [
        { allowedInstanceTypes: [CPU_TYPE] },
        { allowedInstanceTypes: [GPU_TYPE] },
      ],
    });
    expect(uses(facts)).toEqual([
      { path: "instanceRequirements[1].allowedInstanceTypes[0]", value: GPU_TYPE },
    ]);
  });
});
