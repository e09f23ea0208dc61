// The matcher for AWS settings that imply accelerators, and the names facts/aws keeps exporting
// now that the tables live in data/aws-platform-hints.ts.
import * as data from "../../../../policypack/src/data/accelerators/aws-platform-hints";
import * as awsFacts from "../../../../policypack/src/facts/aws";
import { matchSetting } from "../../../../policypack/src/facts/aws/platforms";

const TABLE = data.ACCELERATED_EKS_AMI_TYPES;
const PATTERNS = data.ACCELERATED_EKS_AMI_PATTERNS;

describe("matchSetting", () => {
  it("returns a listed value as catalogued, with its description and vendor", () => {
    expect(matchSetting("AL2023_x86_64_NEURON", TABLE, PATTERNS)).toEqual({
      description: "EKS accelerated AMI AL2023_x86_64_NEURON (Inferentia/Trainium instance types)",
      vendor: "AWS",
      catalogued: true,
    });
  });

  it("compares case-insensitively and ignores surrounding blanks", () => {
    expect(matchSetting("  al2023_X86_64_nvidia ", TABLE, PATTERNS)?.catalogued).toBe(true);
  });

  it("returns a pattern match as not catalogued, naming the value", () => {
    expect(matchSetting("BOTTLEROCKET_x86_64_NVIDIA_FIPS", TABLE, PATTERNS)).toEqual({
      description: "EKS accelerated AMI (GPU): BOTTLEROCKET_x86_64_NVIDIA_FIPS",
      vendor: "NVIDIA",
      catalogued: false,
    });
  });

  it("prefers the listed entry to a pattern that also matches", () => {
    expect(matchSetting("AL2_x86_64_GPU", TABLE, PATTERNS)?.catalogued).toBe(true);
  });

  it("returns undefined for a value neither listed nor matching a pattern", () => {
    expect(matchSetting("AL2023_x86_64_STANDARD", TABLE, PATTERNS)).toBeUndefined();
  });

  it("uses no patterns when none are given", () => {
    expect(matchSetting("BOTTLEROCKET_x86_64_NVIDIA_FIPS", TABLE)).toBeUndefined();
  });
});

describe("facts/aws exports", () => {
  it.each([
    "ACCELERATED_EKS_AMI_PATTERNS",
    "ACCELERATED_EKS_AMI_TYPES",
    "EC2_CAPACITY_BLOCK",
    "GPU_CODEBUILD_ENVIRONMENT_PATTERNS",
    "GPU_CODEBUILD_ENVIRONMENT_TYPES",
    "GPU_KUBERNETES_RESOURCES",
    "GPU_RESOURCE_REQUIREMENT_TYPE",
  ] as const)("still exports %s, the very table in data/", (name) => {
    expect(awsFacts[name]).toBe(data[name]);
  });
});
