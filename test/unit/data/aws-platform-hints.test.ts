// The AWS settings that imply accelerators without naming an instance type: the tables agree with
// their own patterns, the patterns leave standard values alone, and the aggregate that the
// citation tests read holds every table of the module.
import * as hints from "../../../policypack/src/data/accelerators/aws-platform-hints";
import {
  ACCELERATED_EKS_AMI_PATTERNS,
  ACCELERATED_EKS_AMI_TYPES,
  AWS_PLATFORM_HINTS,
  GPU_CODEBUILD_ENVIRONMENT_PATTERNS,
  GPU_CODEBUILD_ENVIRONMENT_TYPES,
} from "../../../policypack/src/data/accelerators/aws-platform-hints";

function matchesAny(value: string, patterns: readonly { readonly pattern: RegExp }[]): boolean {
  return patterns.some((p) => p.pattern.test(value));
}

describe("accelerated EKS AMI types", () => {
  it.each(ACCELERATED_EKS_AMI_TYPES.map((e) => [e.value, e.vendor] as const))(
    "the listed AMI type %s follows the accelerated naming scheme (vendor %s)",
    (value, vendor) => {
      const hit = ACCELERATED_EKS_AMI_PATTERNS.find((p) => p.pattern.test(value));
      expect(hit?.vendor).toBe(vendor);
    },
  );

  it.each([
    "AL2_x86_64",
    "AL2_ARM_64",
    "AL2023_x86_64_STANDARD",
    "AL2023_ARM_64_STANDARD",
    "BOTTLEROCKET_x86_64",
    "BOTTLEROCKET_ARM_64_FIPS",
    "WINDOWS_CORE_2022_x86_64",
    "WINDOWS_FULL_2019_x86_64",
    "CUSTOM",
  ])("the standard AMI type %s matches no accelerated pattern", (value) => {
    expect(matchesAny(value, ACCELERATED_EKS_AMI_PATTERNS)).toBe(false);
  });

  it("lists each AMI type once, whatever the case", () => {
    const values = ACCELERATED_EKS_AMI_TYPES.map((e) => e.value.toLowerCase());
    expect(new Set(values).size).toBe(values.length);
  });
});

describe("CodeBuild GPU environment types", () => {
  it.each(GPU_CODEBUILD_ENVIRONMENT_TYPES.map((e) => [e.value] as const))(
    "the listed environment type %s matches the GPU pattern",
    (value) => {
      expect(matchesAny(value, GPU_CODEBUILD_ENVIRONMENT_PATTERNS)).toBe(true);
    },
  );

  it.each([
    "LINUX_CONTAINER",
    "ARM_CONTAINER",
    "LINUX_LAMBDA_CONTAINER",
    "ARM_LAMBDA_CONTAINER",
    "WINDOWS_SERVER_2022_CONTAINER",
    "LINUX_EC2",
    "MAC_ARM",
  ])("the CPU environment type %s matches no GPU pattern", (value) => {
    expect(matchesAny(value, GPU_CODEBUILD_ENVIRONMENT_PATTERNS)).toBe(false);
  });
});

describe("AWS_PLATFORM_HINTS", () => {
  it("holds every setting and pattern the module exports, so each is cited", () => {
    const exported = Object.entries(hints)
      .filter(([name]) => name !== "AWS_PLATFORM_HINTS")
      .flatMap(([, v]) => (Array.isArray(v) ? (v as unknown[]) : [v]))
      .filter((v): v is object => typeof v === "object" && v !== null && "source" in v);
    expect(exported.length).toBeGreaterThan(0);
    for (const entry of exported) expect(AWS_PLATFORM_HINTS).toContain(entry);
  });
});
