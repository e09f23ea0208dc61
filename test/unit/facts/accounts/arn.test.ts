import {
  DEFAULT_WALK_LIMITS,
  findArns,
  findSubscriptionIds,
  isAwsAccountId,
  isGuid,
  parseArmId,
  parseArn,
  walkStrings,
} from "../../../../policypack/src/facts/arn";
import { OTHER_SUB, OWN_SUB } from "../../../support/facts/accounts";

describe("parseArn", () => {
  it("splits a China-partition role ARN into partition, service, empty region, account and resource", () => {
    expect(parseArn("arn:aws-cn:iam::210987654321:role/deployer")).toEqual({
      partition: "aws-cn",
      service: "iam",
      region: "",
      account: "210987654321",
      resource: "role/deployer",
    });
  });

  it("keeps colons inside the resource part", () => {
    const arn = parseArn("arn:aws:logs:us-east-1:111122223333:log-group:/app:log-stream:x");
    expect(arn?.resource).toBe("log-group:/app:log-stream:x");
    expect(arn?.region).toBe("us-east-1");
  });

  it("accepts account-less ARNs (S3) and the `aws` account of managed policies", () => {
    expect(parseArn("arn:aws:s3:::my-bucket/*")?.account).toBe("");
    expect(parseArn("arn:aws-us-gov:iam::aws:policy/ReadOnlyAccess")).toMatchObject({
      partition: "aws-us-gov",
      account: "aws",
    });
  });

  it("ignores surrounding blanks", () => {
    expect(parseArn("  arn:aws-iso-b:ec2:us-isob-east-1:111122223333:vpc/vpc-1 ")?.partition).toBe(
      "aws-iso-b",
    );
  });

  it.each([
    ["not an ARN", "role/deployer"],
    ["an unknown partition", "arn:azure:iam::111122223333:role/x"],
    ["a short account", "arn:aws:iam::12345:role/x"],
    ["too few parts", "arn:aws:iam::111122223333"],
    ["an empty resource", "arn:aws:iam::111122223333:"],
    ["blanks in the resource", "arn:aws:iam::111122223333:role/a b"],
  ])("rejects %s", (_what, text) => {
    expect(parseArn(text)).toBeUndefined();
  });
});

describe("isAwsAccountId", () => {
  it("accepts exactly twelve digits", () => {
    expect(isAwsAccountId("111122223333")).toBe(true);
    expect(isAwsAccountId("11112222333")).toBe(false);
    expect(isAwsAccountId("aws")).toBe(false);
  });
});

describe("findArns", () => {
  it("finds every ARN inside longer text, stopping at quotes and commas", () => {
    const text =
      'principals="arn:aws:iam::111122223333:root",arn:aws-cn:iam::210987654321:role/r and more';
    expect(findArns(text).map((a) => `${a.partition}/${a.account}/${a.resource}`)).toEqual([
      "aws/111122223333/root",
      "aws-cn/210987654321/role/r",
    ]);
  });

  it("finds nothing in text without ARNs", () => {
    expect(findArns("arnold: aws iam role")).toEqual([]);
  });
});

describe("parseArmId", () => {
  it("reads subscription, resource group, provider, type and name of a resource ID", () => {
    const id = `/subscriptions/${OWN_SUB}/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet-a`;
    expect(parseArmId(id)).toEqual({
      subscriptionId: OWN_SUB,
      resourceGroup: "rg-net",
      provider: "Microsoft.Network",
      type: "virtualNetworks",
      name: "vnet-a",
    });
  });

  it("matches the segment keywords in any case and lower-cases the subscription", () => {
    const id = `/SUBSCRIPTIONS/${OTHER_SUB.toUpperCase()}/RESOURCEGROUPS/RG/PROVIDERS/Microsoft.Network/expressRouteCircuits/c1`;
    expect(parseArmId(id)).toMatchObject({ subscriptionId: OTHER_SUB, resourceGroup: "RG" });
  });

  it("joins child types and names", () => {
    const id = `/subscriptions/${OWN_SUB}/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/s`;
    expect(parseArmId(id)).toMatchObject({ type: "virtualNetworks/subnets", name: "v/s" });
  });

  it("describes the extension resource when an ID holds several providers segments", () => {
    const id = `/subscriptions/${OWN_SUB}/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm/providers/Microsoft.Insights/diagnosticSettings/d`;
    expect(parseArmId(id)).toMatchObject({
      provider: "Microsoft.Insights",
      type: "diagnosticSettings",
      name: "d",
    });
  });

  it("reads subscription-scope IDs with and without a provider", () => {
    expect(parseArmId(`/subscriptions/${OWN_SUB}`)).toEqual({ subscriptionId: OWN_SUB });
    expect(
      parseArmId(`/subscriptions/${OWN_SUB}/providers/Microsoft.Peering/peerAsns/contoso`),
    ).toEqual({
      subscriptionId: OWN_SUB,
      provider: "Microsoft.Peering",
      type: "peerAsns",
      name: "contoso",
    });
  });

  it.each([
    ["a subscription that is not a GUID", "/subscriptions/not-a-guid/resourceGroups/rg"],
    ["a missing leading slash", `subscriptions/${OWN_SUB}`],
    ["a management-group ID", "/providers/Microsoft.Management/managementGroups/mg"],
    ["an unexpected segment", `/subscriptions/${OWN_SUB}/somethingElse/x`],
    [
      "a private link alias",
      "svc.2bd2bd14-3e84-4d36-9d3a-e2b7e1f2a1d1.chinaeast2.azure.privatelinkservice",
    ],
  ])("rejects %s", (_what, text) => {
    expect(parseArmId(text)).toBeUndefined();
  });
});

describe("findSubscriptionIds", () => {
  it("finds subscriptions of IDs inside text", () => {
    const text = `scope: "/subscriptions/${OWN_SUB}/resourceGroups/a" and /Subscriptions/${OTHER_SUB.toUpperCase()}`;
    expect(findSubscriptionIds(text)).toEqual([OWN_SUB, OTHER_SUB]);
  });

  it("ignores GUID-like text that is not a whole GUID", () => {
    expect(findSubscriptionIds(`/subscriptions/${OWN_SUB}0`)).toEqual([]);
  });
});

describe("isGuid", () => {
  it("accepts the 8-4-4-4-12 form only", () => {
    expect(isGuid(OWN_SUB)).toBe(true);
    expect(isGuid(OWN_SUB.slice(1))).toBe(false);
  });
});

describe("walkStrings", () => {
  function collect(root: unknown, limits = DEFAULT_WALK_LIMITS): Record<string, string> {
    const out: Record<string, string> = {};
    walkStrings(root, "props", (value, path) => (out[path] = value), limits);
    return out;
  }

  it("visits nested strings with their paths and decodes JSON strings on the way", () => {
    const policy = JSON.stringify({ Statement: [{ Resource: "arn:aws:s3:::b" }] });
    expect(collect({ a: { b: ["x", { c: "y" }] }, policy, n: 3 })).toEqual({
      "props.a.b[0]": "x",
      "props.a.b[1].c": "y",
      "props.policy.Statement[0].Resource": "arn:aws:s3:::b",
    });
  });

  it("visits a string that only looks like JSON as text", () => {
    expect(collect({ s: "[not json" })).toEqual({ "props.s": "[not json" });
  });

  it("skips strings beyond the length limit and stops below the depth limit", () => {
    const limits = { ...DEFAULT_WALK_LIMITS, maxDepth: 2, maxStringLength: 10 };
    expect(collect({ long: "x".repeat(11), a: { b: { c: "deep" } }, ok: "short" }, limits)).toEqual(
      {
        "props.ok": "short",
      },
    );
  });

  it("stops after the node limit", () => {
    const many = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`k${i}`, "v"]));
    const limits = { ...DEFAULT_WALK_LIMITS, maxNodes: 10 };
    expect(Object.keys(collect(many, limits)).length).toBeLessThan(10);
  });
});
