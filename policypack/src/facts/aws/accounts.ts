// Which AWS accounts and partitions a resource is tied to.
//
// From the resource's AWS provider (`pulumi:providers:aws`, inputs as in @pulumi/aws 7.48.0
// provider.d.ts):
//   - `allowedAccountIds[]`: the only accounts the provider will work in;
//   - `assumeRoles[].roleArn` (a list; there is no singular `assumeRole`) and
//     `assumeRoleWithWebIdentity.roleArn`: the account and partition of the role it acts as;
//   - `region` and `stsRegion`: the partition their region code belongs to (catalogue/regions.ts).
// An explicit provider sends list and object inputs as JSON strings; both forms are read.
// `forbiddenAccountIds` names accounts the provider refuses, so it ties to nothing.
//
// From the resource's own props: the account and partition of every ARN found anywhere among them,
// including inside JSON strings (IAM policies, container definitions) and longer text. ARNs of
// AWS-managed resources (account `aws`) and account-less ARNs (S3 buckets) give a partition only.
//
// Computed values. A computed provider input is reported in `computed`: the account is decided by
// the provider and may be any. A computed ARN among the resource's own props is not: it is almost
// always the output of another resource of the same deployment, which the provider's ties cover;
// reporting it would make nearly every resource "unknown during preview".
import { AWS_PARTITION_RULES, awsPartitionOf } from "../../catalogue/regions";
import type { CountryCode } from "../../data/types";
import { Computed, isUnknown, read, readList, readStrings } from "../../values";
import type { Arn } from "../arn";
import { findArns, isAwsAccountId, parseArn, walkStrings } from "../arn";
import type { AccountFacts, AccountTie, ProviderView, ResourceView } from "../types";
import { providerOf } from "../common/provider";
import { AWS_PROVIDER_TYPE } from "./placement";

const PARTITION_COUNTRY: ReadonlyMap<string, CountryCode | undefined> = new Map(
  AWS_PARTITION_RULES.map((rule) => [rule.partition, rule.country]),
);

/** The country every region of an ARN partition lies in ("aws-cn" → CN), if there is one. */
export function awsPartitionCountry(partition: string): CountryCode | undefined {
  return PARTITION_COUNTRY.get(partition.trim().toLowerCase());
}

export function awsAccountFacts(resource: ResourceView): AccountFacts {
  const ties = new TieList();
  const provider = providerOf(resource, AWS_PROVIDER_TYPE);
  if (provider) providerTies(provider, ties);
  propTies(resource.props, ties);
  return ties.result();
}

function providerTies(provider: ProviderView, ties: TieList): void {
  const props = provider.props;

  const allowed = readStrings(props, "allowedAccountIds", "provider");
  if (allowed.computed) ties.computed(allowed.computed.path);
  for (const { value, path } of allowed.values) {
    const id = value.trim();
    if (id !== "") ties.add({ kind: "aws-account", value: id, path });
  }

  const roles = readList(props, "assumeRoles", "provider");
  if (roles.computed) ties.computed(roles.computed.path);
  for (const role of roles.items) roleArn(role.value, "roleArn", role.path, ties);

  roleArn(props, "assumeRoleWithWebIdentity.roleArn", "provider", ties);

  for (const key of ["region", "stsRegion"]) {
    const v = read(props, key, "provider");
    if (v instanceof Computed) ties.computed(v.path);
    else if (typeof v === "string" && v.trim() !== "") {
      const partition = awsPartitionOf(v);
      if (partition) {
        ties.add({
          kind: "aws-partition",
          value: partition.partition,
          path: `provider.${key}`,
          ...(partition.country ? { country: partition.country } : {}),
        });
      }
    }
  }
}

function roleArn(root: unknown, path: string, base: string, ties: TieList): void {
  const v = read(root, path, base);
  if (v instanceof Computed) {
    ties.computed(v.path);
    return;
  }
  if (typeof v !== "string") return;
  const arn = parseArn(v);
  if (arn) ties.arn(arn, `${base}.${path}`);
}

function propTies(props: unknown, ties: TieList): void {
  const partitions = new Set<string>();
  walkStrings(props, "props", (value, path) => {
    if (isUnknown(value)) return;
    for (const arn of findArns(value)) {
      if (isAwsAccountId(arn.account)) {
        ties.add({ kind: "aws-account", value: arn.account, path });
      }
      // One partition tie per partition is enough among the props.
      if (!partitions.has(arn.partition)) {
        partitions.add(arn.partition);
        ties.partition(arn.partition, path);
      }
    }
  });
}

class TieList {
  private readonly ties: AccountTie[] = [];
  private readonly seen = new Set<string>();
  private readonly unknown: string[] = [];

  add(tie: AccountTie): void {
    const key = `${tie.kind}\u0000${tie.value}\u0000${tie.path}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.ties.push(tie);
  }

  /** The account (when it is one) and partition an ARN names. */
  arn(arn: Arn, path: string): void {
    if (isAwsAccountId(arn.account)) this.add({ kind: "aws-account", value: arn.account, path });
    this.partition(arn.partition, path);
  }

  partition(partition: string, path: string): void {
    const country = awsPartitionCountry(partition);
    this.add({ kind: "aws-partition", value: partition, path, ...(country ? { country } : {}) });
  }

  computed(path: string): void {
    if (!this.unknown.includes(path)) this.unknown.push(path);
  }

  result(): AccountFacts {
    return { ties: [...this.ties], computed: [...this.unknown] };
  }
}
