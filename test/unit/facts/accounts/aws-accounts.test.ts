import type { FunctionArgs } from "@pulumi/aws/lambda/function";
import type { RolePolicyArgs } from "@pulumi/aws/iam/rolePolicy";
import {
  awsAccountFacts,
  awsPartitionCountry,
} from "../../../../policypack/src/facts/aws/accounts";
import type { AccountTie } from "../../../../policypack/src/facts/types";
import {
  COMPUTED,
  OTHER_ACCOUNT,
  OWN_ACCOUNT,
  args,
  awsProvider,
  azureProvider,
  resource,
} from "../../../support/facts/accounts";

const LAMBDA = "aws:lambda/function:Function";

/** A compliant Lambda function: own-account role, default provider in us-east-1. */
function lambda(over: Partial<FunctionArgs> = {}, provider = awsProvider()) {
  return resource(
    LAMBDA,
    args<FunctionArgs>({
      role: `arn:aws:iam::${OWN_ACCOUNT}:role/exec`,
      runtime: "nodejs20.x",
      ...over,
    }),
    provider,
  );
}

function ties(view: ReturnType<typeof lambda>, kind?: AccountTie["kind"]): readonly AccountTie[] {
  const all = awsAccountFacts(view).ties;
  return kind ? all.filter((t) => t.kind === kind) : all;
}

describe("awsAccountFacts: compliant baseline", () => {
  it("finds only the own account and the commercial partition, none with a country", () => {
    const facts = awsAccountFacts(lambda());
    expect(facts.ties).toEqual([
      { kind: "aws-partition", value: "aws", path: "provider.region" },
      { kind: "aws-account", value: OWN_ACCOUNT, path: "props.role" },
      { kind: "aws-partition", value: "aws", path: "props.role" },
    ]);
    expect(facts.computed).toEqual([]);
  });
});

describe("awsAccountFacts: provider inputs", () => {
  it("reads allowedAccountIds given as an array", () => {
    const view = lambda({}, awsProvider({ allowedAccountIds: [OWN_ACCOUNT, OTHER_ACCOUNT] }, "p"));
    expect(ties(view, "aws-account").filter((t) => t.path.startsWith("provider"))).toEqual([
      { kind: "aws-account", value: OWN_ACCOUNT, path: "provider.allowedAccountIds[0]" },
      { kind: "aws-account", value: OTHER_ACCOUNT, path: "provider.allowedAccountIds[1]" },
    ]);
  });

  it("reads allowedAccountIds sent as a JSON string by an explicit provider", () => {
    const view = lambda(
      {},
      awsProvider({ allowedAccountIds: JSON.stringify([OTHER_ACCOUNT]) }, "p"),
    );
    expect(ties(view)).toContainEqual({
      kind: "aws-account",
      value: OTHER_ACCOUNT,
      path: "provider.allowedAccountIds[0]",
    });
  });

  it("reads the account and China partition of assumeRoles[].roleArn sent as a JSON string", () => {
    const roles = JSON.stringify([{ roleArn: `arn:aws-cn:iam::${OTHER_ACCOUNT}:role/deploy` }]);
    const found = ties(lambda({}, awsProvider({ assumeRoles: roles }, "cn")));
    expect(found).toContainEqual({
      kind: "aws-account",
      value: OTHER_ACCOUNT,
      path: "provider.assumeRoles[0].roleArn",
    });
    expect(found).toContainEqual({
      kind: "aws-partition",
      value: "aws-cn",
      path: "provider.assumeRoles[0].roleArn",
      country: "CN",
    });
  });

  it("reads assumeRoles given as an array of objects", () => {
    const roles = [
      { roleArn: `arn:aws:iam::${OWN_ACCOUNT}:role/a` },
      { roleArn: `arn:aws:iam::${OTHER_ACCOUNT}:role/b` },
    ];
    expect(
      ties(lambda({}, awsProvider({ assumeRoles: roles }, "p")), "aws-account"),
    ).toContainEqual({
      kind: "aws-account",
      value: OTHER_ACCOUNT,
      path: "provider.assumeRoles[1].roleArn",
    });
  });

  it("reads assumeRoleWithWebIdentity.roleArn from a JSON string", () => {
    const web = JSON.stringify({ roleArn: `arn:aws-us-gov:iam::${OTHER_ACCOUNT}:role/ci` });
    expect(ties(lambda({}, awsProvider({ assumeRoleWithWebIdentity: web }, "p")))).toContainEqual({
      kind: "aws-partition",
      value: "aws-us-gov",
      path: "provider.assumeRoleWithWebIdentity.roleArn",
      country: "US",
    });
  });

  it("ties the provider to the China partition through its region and stsRegion", () => {
    const found = ties(
      lambda({}, awsProvider({ region: "cn-northwest-1", stsRegion: "cn-north-1" }, "p")),
    );
    expect(found).toContainEqual({
      kind: "aws-partition",
      value: "aws-cn",
      path: "provider.region",
      country: "CN",
    });
    expect(found).toContainEqual({
      kind: "aws-partition",
      value: "aws-cn",
      path: "provider.stsRegion",
      country: "CN",
    });
  });

  it("does not tie the provider to forbiddenAccountIds", () => {
    const view = lambda({}, awsProvider({ forbiddenAccountIds: [OTHER_ACCOUNT] }, "p"));
    expect(ties(view).map((t) => t.value)).not.toContain(OTHER_ACCOUNT);
  });

  it("ignores a provider that is not an AWS provider", () => {
    const view = lambda({}, { ...azureProvider(), props: { allowedAccountIds: [OTHER_ACCOUNT] } });
    expect(ties(view).some((t) => t.path.startsWith("provider"))).toBe(false);
  });

  it.each([
    ["allowedAccountIds", { allowedAccountIds: COMPUTED }, "provider.allowedAccountIds"],
    [
      "an item of allowedAccountIds",
      { allowedAccountIds: [OWN_ACCOUNT, COMPUTED] },
      "provider.allowedAccountIds[1]",
    ],
    ["assumeRoles", { assumeRoles: COMPUTED }, "provider.assumeRoles"],
    [
      "assumeRoles[].roleArn",
      { assumeRoles: [{ roleArn: COMPUTED }] },
      "provider.assumeRoles[0].roleArn",
    ],
    [
      "assumeRoleWithWebIdentity",
      { assumeRoleWithWebIdentity: COMPUTED },
      "provider.assumeRoleWithWebIdentity",
    ],
    ["region", { region: COMPUTED }, "provider.region"],
  ])("reports a computed %s", (_what, props, path) => {
    expect(awsAccountFacts(lambda({}, awsProvider(props, "p"))).computed).toEqual([path]);
  });
});

describe("awsAccountFacts: ARNs among the resource's props", () => {
  it("finds a foreign account in a role ARN", () => {
    expect(ties(lambda({ role: `arn:aws:iam::${OTHER_ACCOUNT}:role/x` }))).toContainEqual({
      kind: "aws-account",
      value: OTHER_ACCOUNT,
      path: "props.role",
    });
  });

  it("finds accounts and partitions inside a JSON policy document", () => {
    const policy = JSON.stringify({
      Version: "2012-10-17",
      Statement: [
        {
          Effect: "Allow",
          Action: "sts:AssumeRole",
          Resource: [`arn:aws-cn:iam::${OTHER_ACCOUNT}:role/r`],
        },
      ],
    });
    const view = resource(
      "aws:iam/rolePolicy:RolePolicy",
      args<RolePolicyArgs>({ role: "exec", policy }),
      awsProvider(),
    );
    const found = awsAccountFacts(view).ties;
    expect(found).toContainEqual({
      kind: "aws-account",
      value: OTHER_ACCOUNT,
      path: "props.policy.Statement[0].Resource[0]",
    });
    expect(found).toContainEqual({
      kind: "aws-partition",
      value: "aws-cn",
      path: "props.policy.Statement[0].Resource[0]",
      country: "CN",
    });
  });

  it("gives a partition but no account for an AWS-managed policy ARN", () => {
    const view = lambda({ layers: ["arn:aws-cn:iam::aws:policy/ReadOnlyAccess"] });
    const found = ties(view).filter((t) => t.path === "props.layers[0]");
    expect(found).toEqual([
      { kind: "aws-partition", value: "aws-cn", path: "props.layers[0]", country: "CN" },
    ]);
  });

  it("reports each partition of the props once", () => {
    const view = lambda({
      layers: [
        `arn:aws:lambda:us-east-1:${OWN_ACCOUNT}:layer:a:1`,
        `arn:aws:lambda:us-east-1:${OWN_ACCOUNT}:layer:b:1`,
      ],
    });
    expect(ties(view, "aws-partition").filter((t) => t.path.startsWith("props"))).toHaveLength(1);
  });

  it("does not report a computed ARN among the props", () => {
    expect(awsAccountFacts(lambda({ role: COMPUTED })).computed).toEqual([]);
  });

  it("skips strings too large to scan", () => {
    const big = `${"x".repeat(300 * 1024)} arn:aws:iam::${OTHER_ACCOUNT}:role/r`;
    expect(ties(lambda({ description: big })).map((t) => t.value)).not.toContain(OTHER_ACCOUNT);
  });
});

describe("awsPartitionCountry", () => {
  it("gives the country of single-country partitions and none for the commercial one", () => {
    expect(awsPartitionCountry("aws-cn")).toBe("CN");
    expect(awsPartitionCountry("aws-us-gov")).toBe("US");
    expect(awsPartitionCountry("aws")).toBeUndefined();
    expect(awsPartitionCountry("aws-unknown")).toBeUndefined();
  });
});
