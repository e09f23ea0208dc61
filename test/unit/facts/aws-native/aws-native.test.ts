// aws-native (Cloud Control) facts: the AWS extractors applied where aws-native nests the same
// shapes, and AWS region resolution through the `aws-native` provider and stack config.
import { describeAccounts } from "../../../../policypack/src/facts";
import {
  UNKNOWN,
  chipsOf,
  context,
  defaultProvider,
  explicitProvider,
  factsOf,
  pathsOf,
  placementOf,
  resource,
  where,
  withProps,
  withProvider,
} from "../../../support/facts/packages";

const usEast = defaultProvider("aws-native", { region: "us-east-1" });
const instance = resource(
  "aws-native:ec2:Instance",
  { instanceType: "p4d.24xlarge" },
  { provider: usEast },
);

describe("aws-native compute", () => {
  it("reads an EC2 instance type with the AWS catalogue", () => {
    expect(chipsOf(instance)).toEqual(["NVIDIA A100 (40/80 GB)"]);
    expect(factsOf(instance).cloud).toBe("aws");
  });

  it("reads a launch template's type inside launchTemplateData", () => {
    const lt = resource(
      "aws-native:ec2:LaunchTemplate",
      { launchTemplateData: { instanceType: "g6e.xlarge" } },
      { provider: usEast },
    );
    expect(pathsOf(lt)).toEqual(["launchTemplateData.instanceType"]);
  });

  it("reads attribute-based selection inside launchTemplateData", () => {
    const lt = resource(
      "aws-native:ec2:LaunchTemplate",
      {
        launchTemplateData: {
          instanceRequirements: { acceleratorCount: { min: 1 }, acceleratorNames: ["h100"] },
        },
      },
      { provider: usEast },
    );
    expect(pathsOf(lt)).toEqual(["launchTemplateData.instanceRequirements"]);
    expect(chipsOf(lt)).toEqual(["NVIDIA H100 (SXM, PCIe, NVL)"]);
  });

  it("notes computed launch template data", () => {
    const lt = resource("aws-native:ec2:LaunchTemplate", { launchTemplateData: UNKNOWN });
    expect(factsOf(lt).compute?.computed).toEqual(["launchTemplateData"]);
  });

  it("reads spot fleet launch specifications inside spotFleetRequestConfigData", () => {
    const fleet = resource("aws-native:ec2:SpotFleet", {
      spotFleetRequestConfigData: { launchSpecifications: [{ instanceType: "p5.48xlarge" }] },
    });
    expect(pathsOf(fleet)).toEqual([
      "spotFleetRequestConfigData.launchSpecifications[0].instanceType",
    ]);
  });

  it("reads EKS node group instance types and SageMaker HyperPod instance groups", () => {
    const ng = resource("aws-native:eks:Nodegroup", { instanceTypes: ["m5.large", "g5.2xlarge"] });
    expect(pathsOf(ng)).toEqual(["instanceTypes[1]"]);
    const hyperpod = resource("aws-native:sagemaker:Cluster", {
      instanceGroups: [{ instanceGroupName: "workers", instanceType: "ml.p5.48xlarge" }],
    });
    expect(chipsOf(hyperpod)).toEqual(["NVIDIA H100 (SXM, PCIe, NVL)"]);
    expect(factsOf(hyperpod).aiService?.entry.service).toBe("Amazon SageMaker AI");
  });

  it("finds no accelerator in a CPU instance", () => {
    expect(chipsOf(withProps(instance, { instanceType: "m7i.large" }))).toEqual([]);
  });

  it("treats Bedrock resources as an AI service", () => {
    const kb = resource("aws-native:bedrock:KnowledgeBase", {});
    expect(factsOf(kb).aiService?.entry.service).toBe("Amazon Bedrock");
  });
});

describe("aws-native placement", () => {
  it("reads the aws-native provider's region", () => {
    const r = withProvider(instance, defaultProvider("aws-native", { region: "cn-north-1" }));
    expect(where(placementOf(r))).toBe("cn-north-1 CN");
  });

  it("reads stack config aws-native:region and ignores aws:region", () => {
    const r = withProvider(instance, defaultProvider("aws-native"));
    const p = placementOf(
      r,
      context({ "aws:region": "us-east-1", "aws-native:region": "cn-northwest-1" }),
    );
    expect(where(p)).toBe("cn-northwest-1 CN");
    expect(p.status === "resolved" && p.origin.detail).toBe("stack config `aws-native:region`");
  });

  it("ignores a `region` property: aws-native resources have no per-resource region", () => {
    expect(where(placementOf(withProps(instance, { region: "cn-north-1" })))).toBe("us-east-1 US");
  });

  it("reads AWS_REGION when nothing else names a region", () => {
    const r = withProvider(instance, explicitProvider("aws-native", "p"));
    expect(where(placementOf(r, context({}, { AWS_REGION: "ap-east-1" })))).toBe("ap-east-1 HK");
  });

  it("names aws-native config when it finds nothing", () => {
    const p = placementOf(withProvider(instance, defaultProvider("aws-native")));
    expect(p.status === "unresolved" && p.tried).toContain("stack config `aws-native:region`");
  });
});

describe("aws-native accounts", () => {
  it("reads allowed accounts and the partition of the role to assume", () => {
    const provider = explicitProvider("aws-native", "cn", {
      region: "us-east-1",
      allowedAccountIds: JSON.stringify(["123456789012"]),
      assumeRole: { roleArn: "arn:aws-cn:iam::210987654321:role/deployer" },
    });
    const facts = describeAccounts(withProvider(instance, provider), context());
    const ties = (facts?.ties ?? []).map((t) => `${t.kind} ${t.value} ${t.path}`);
    expect(ties).toEqual(
      expect.arrayContaining([
        "aws-account 123456789012 provider.allowedAccountIds[0]",
        "aws-partition aws-cn provider.assumeRole.roleArn",
      ]),
    );
  });
});
