// The table of supported Pulumi packages that README renders, and the token-prefix dispatch it
// describes.
import { SUPPORTED_PACKAGES, cloudOfToken, packageOfToken } from "../../../../policypack/src/facts";

describe("SUPPORTED_PACKAGES", () => {
  it("lists every package once, by prefix", () => {
    expect(SUPPORTED_PACKAGES.map((p) => p.prefix)).toEqual([
      "aws:",
      "aws-native:",
      "eks:",
      "awsx:",
      "azure-native:",
      "azure:",
      "gcp:",
      "alicloud:",
      "tencentcloud:",
      "huaweicloud:",
      "kubernetes:",
      "yandex:",
    ]);
  });

  it("counts compute kinds and AI-service modules for each package", () => {
    for (const p of SUPPORTED_PACKAGES) {
      expect(p.computeTokens).toBeGreaterThan(0);
      expect(p.npm).not.toBe("");
    }
    const byPrefix = new Map(SUPPORTED_PACKAGES.map((p) => [p.prefix, p]));
    expect(byPrefix.get("gcp:")?.aiServiceModules).toBeGreaterThan(0);
    expect(byPrefix.get("tencentcloud:")?.aiServiceModules).toBe(0);
  });

  it.each([
    ["aws:ec2/instance:Instance", "aws"],
    ["aws-native:ec2:Instance", "aws"],
    ["azure-native:compute:VirtualMachine", "azure"],
    ["azure:compute/linuxVirtualMachine:LinuxVirtualMachine", "azure"],
    ["gcp:compute/instance:Instance", "gcp"],
    ["alicloud:ecs/instance:Instance", "alicloud"],
    ["tencentcloud:Instance/instance:Instance", "tencentcloud"],
    ["huaweicloud:Ecs/instance:Instance", "huaweicloud"],
    ["kubernetes:karpenter.sh/v1:NodePool", "kubernetes"],
  ])("dispatches %s to %s", (token, cloud) => {
    expect(cloudOfToken(token)).toBe(cloud);
  });

  it("knows no package for other tokens", () => {
    expect(packageOfToken("random:index/randomId:RandomId")).toBeUndefined();
    expect(cloudOfToken("azurerm")).toBeUndefined();
  });
});
