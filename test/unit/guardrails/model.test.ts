// The guardrail model judges every region as the placement policies do, under the same config.
import {
  GuardrailConfigError,
  guardrailModel,
  judgedRegions,
  judgeRegionName,
  judgeUnlistedAwsRegion,
} from "jurisdiction-guard/guardrails";
import type { PolicyEntry } from "jurisdiction-guard/guardrails";

const TODAY = "2026-12-07";
const defaults: PolicyEntry = () => ({});

function entries(byPolicy: Record<string, ReturnType<PolicyEntry>>): PolicyEntry {
  return (policy) => byPolicy[policy] ?? {};
}

describe("guardrailModel", () => {
  it("carries the three guarded policies with a deny effect under the default config", () => {
    const model = guardrailModel(defaults, TODAY);
    expect(model.accelerators?.effect).toBe("deny");
    expect(model.aiServices?.effect).toBe("deny");
    expect(model.accounts?.effect).toBe("deny");
    expect(model.skipped).toEqual([]);
  });

  it("leaves a disabled policy out and audits an advisory one", () => {
    const model = guardrailModel(
      entries({
        "gpu-in-restricted-jurisdiction": { enforcementLevel: "disabled" },
        "ai-service-in-restricted-jurisdiction": { enforcementLevel: "advisory" },
        "gpu-or-ai-in-restricted-account": { enforcementLevel: "remediate" },
      }),
      TODAY,
    );
    expect(model.accelerators).toBeUndefined();
    expect(model.skipped).toEqual([
      { policy: "gpu-in-restricted-jurisdiction", why: "disabled in the policy pack config" },
    ]);
    expect(model.aiServices?.effect).toBe("audit");
    expect(model.accounts?.effect).toBe("deny");
  });

  it("rejects settings the pack would reject, naming the policy and field", () => {
    expect(() =>
      guardrailModel(
        entries({ "gpu-in-restricted-jurisdiction": { properties: { allowedRegion: [] } } }),
        TODAY,
      ),
    ).toThrow(GuardrailConfigError);
    expect(() =>
      guardrailModel(
        entries({
          "gpu-in-restricted-jurisdiction": { properties: { restrictedRegions: ["mars-1"] } },
        }),
        TODAY,
      ),
    ).toThrow(/gpu-in-restricted-jurisdiction: invalid settings \(restrictedRegions/);
  });

  it("keeps unexpired exemptions and sets expired ones apart", () => {
    const exemptions = [
      {
        resource: "urn:pulumi:prod::p::aws:ec2/instance:Instance::a",
        reason: "r",
        expires: "2026-12-07",
      },
      {
        resource: "urn:pulumi:prod::p::aws:ec2/instance:Instance::b",
        reason: "r",
        expires: "2026-12-06",
      },
    ];
    const model = guardrailModel(
      entries({ "gpu-in-restricted-jurisdiction": { properties: { exemptions } } }),
      TODAY,
    );
    expect(model.accelerators?.exemptions.map((e) => e.resource)).toEqual([
      exemptions[0]?.resource,
    ]);
    expect(model.accelerators?.expiredExemptions.map((e) => e.resource)).toEqual([
      exemptions[1]?.resource,
    ]);
  });
});

describe("judgedRegions", () => {
  const settings = guardrailModel(defaults, TODAY).accelerators!.settings;

  it("denies Hong Kong and mainland China regions and allows US regions by default", () => {
    const aws = new Map(judgedRegions("aws", settings).map((r) => [r.name, r]));
    expect(aws.get("ap-east-1")).toMatchObject({ partition: "aws", country: "HK", denied: true });
    expect(aws.get("cn-north-1")).toMatchObject({ partition: "aws-cn", denied: true });
    expect(aws.get("us-east-1")).toMatchObject({ denied: false });
    const azure = new Map(judgedRegions("azure", settings).map((r) => [r.name, r]));
    expect(azure.get("chinaeast2")?.denied).toBe(true);
    expect(azure.get("eastasia")?.denied).toBe(true);
    expect(azure.get("westeurope")?.denied).toBe(false);
    const gcp = new Map(judgedRegions("gcp", settings).map((r) => [r.name, r]));
    expect(gcp.get("asia-east2")?.denied).toBe(true);
    expect(gcp.get("us-central1")?.denied).toBe(false);
  });

  it("follows allowedRegions and restrictedRegions, and adds config-only AWS region codes", () => {
    const custom = guardrailModel(
      entries({
        "gpu-in-restricted-jurisdiction": {
          properties: {
            allowedRegions: ["ap-east-1"],
            restrictedRegions: ["ap-southeast-1", "ap-southeast-9"],
          },
        },
      }),
      TODAY,
    ).accelerators!.settings;
    const aws = new Map(judgedRegions("aws", custom).map((r) => [r.name, r]));
    expect(aws.get("ap-east-1")).toMatchObject({ denied: false, by: "allowedRegions" });
    expect(aws.get("ap-southeast-1")).toMatchObject({
      denied: true,
      by: "restrictedRegions",
    });
    expect(aws.get("ap-southeast-9")).toMatchObject({ partition: "aws", denied: true });
    expect(aws.has("ap-southeast-9")).toBe(true);
  });

  it("judges a future region of a partition by the partition's country, else fails closed", () => {
    expect(judgeUnlistedAwsRegion("aws", settings).denied).toBe(true);
    expect(judgeUnlistedAwsRegion("aws-iso-e", settings).denied).toBe(true);
    expect(judgeUnlistedAwsRegion("aws-cn", settings)).toMatchObject({
      country: "CN",
      denied: true,
    });
    expect(judgeUnlistedAwsRegion("aws-us-gov", settings)).toMatchObject({
      country: "US",
      denied: false,
    });
    // The same verdict as a concrete unknown code of the partition.
    expect(judgeRegionName("aws", "us-gov-north-9", settings).denied).toBe(false);
    expect(judgeRegionName("aws", "eu-west-9", settings).denied).toBe(true);
  });

  it("fails closed for a region the catalogue does not know", () => {
    expect(judgeRegionName("aws", "ap-southeast-9", settings)).toMatchObject({
      denied: true,
      by: "unknown-country",
    });
    expect(judgeRegionName("aws", "cn-south-1", settings)).toMatchObject({
      partition: "aws-cn",
      country: "CN",
      denied: true,
    });
  });
});
