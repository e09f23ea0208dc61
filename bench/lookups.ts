// Micro-benchmark: does the per-resource cost depend on the size of the configured tables?
//
// For growing tables (N custom `foreignProviders`, each with an ASN, a CIDR, an account, a carrier
// name and a service name; N `restrictedAccounts`; N `exemptions`), the same representative
// resources are decided over and over, in this process, two ways:
//
//   decision     describe() and each policy's decision on already-resolved settings, plus its
//                exemptions: the table lookups alone;
//   policy call  each policy's validateResource exactly as the SDK calls it per resource (a fresh
//                getConfig() copy, the unknown-checking proxy, notApplicable throwing): what a
//                pack process really pays per resource and policy.
//
// Flat cost means the cost at the largest N is within noise of the cost at N = 0.
import type { ResourceValidationArgs } from "@pulumi/policy";
import { parseSettings, POLICIES, POLICY_DEFINITIONS } from "../policypack/lib";
import type { ResolvedSettings } from "../policypack/lib";
import { isoDay } from "../policypack/src/config";
import { makeContext } from "../policypack/src/context";
import type { ResourceView } from "../policypack/src/facts/types";
import { applyExemptions, settingsOf } from "../policypack/src/policies/rule";
import type { RuleEnv, RuleSpec } from "../policypack/src/policies/rule";
import { HERMETIC_ENV } from "./packs";
import type { Sample } from "./stats";
import { summarise } from "./stats";

// The SDK's own proxy (what validateResource gets as props); internal, so untyped.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { unknownCheckingProxy } = require("@pulumi/policy/proxy") as {
  unknownCheckingProxy<T extends object>(o: T): T;
};

const RULES: readonly RuleSpec[] = POLICY_DEFINITIONS;

const STACK = "bench";
const PROJECT = "lookups";
const urnOf = (type: string, name: string) => `urn:pulumi:${STACK}::${PROJECT}::${type}::${name}`;

const AWS_PROVIDER = {
  type: "pulumi:providers:aws",
  urn: urnOf("pulumi:providers:aws", "default_7_48_0"),
  name: "default_7_48_0",
  props: { region: "us-east-1", version: "7.48.0" },
};
const AZURE_PROVIDER = {
  type: "pulumi:providers:azure-native",
  urn: urnOf("pulumi:providers:azure-native", "default_3_28_0"),
  name: "default_3_28_0",
  props: { location: "westeurope", version: "3.28.0" },
};

/** One resource per lookup the policies make. */
export const LOOKUP_CASES: readonly { kind: string; view: ResourceView }[] = [
  // Lookups that find nothing (the common case): each probes one table.
  ["plain bucket", "aws:s3/bucket:Bucket", { bucket: "logs" }, AWS_PROVIDER],
  ["CPU instance", "aws:ec2/instance:Instance", { instanceType: "m5.large" }, AWS_PROVIDER],
  [
    "customer gateway: ASN, IP",
    "aws:ec2/customerGateway:CustomerGateway",
    { bgpAsn: "64512", ipAddress: "52.94.1.10", type: "ipsec.1" },
    AWS_PROVIDER,
  ],
  [
    "Direct Connect: carrier name",
    "aws:directconnect/connection:Connection",
    { bandwidth: "10Gbps", location: "EqDC2", providerName: "Equinix Fabric Services" },
    AWS_PROVIDER,
  ],
  [
    "VPC peering: account, region",
    "aws:ec2/vpcPeeringConnection:VpcPeeringConnection",
    { vpcId: "vpc-1", peerVpcId: "vpc-2", peerOwnerId: "210987654321", peerRegion: "eu-west-1" },
    AWS_PROVIDER,
  ],
  [
    "VPC endpoint: service name",
    "aws:ec2/vpcEndpoint:VpcEndpoint",
    { vpcId: "vpc-1", serviceName: "com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0" },
    AWS_PROVIDER,
  ],
  [
    "VNet peering: subscription",
    "azure-native:network:VirtualNetworkPeering",
    {
      resourceGroupName: "rg",
      virtualNetworkName: "vnet",
      remoteVirtualNetwork: {
        id: "/subscriptions/0b1f6471-1bf0-4dda-aec3-111122223333/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v",
      },
    },
    AZURE_PROVIDER,
  ],
  // Violations: each also looks for an exemption of the resource.
  [
    "violation: GPU in cn-north-1",
    "aws:ec2/instance:Instance",
    { instanceType: "p5.48xlarge", region: "cn-north-1" },
    AWS_PROVIDER,
  ],
  [
    "violation: peer ASN 4134",
    "aws:ec2/customerGateway:CustomerGateway",
    { bgpAsn: "4134", ipAddress: "10.1.2.3", type: "ipsec.1" },
    AWS_PROVIDER,
  ],
  [
    "violation: alicloud package",
    "alicloud:ecs/instance:Instance",
    { instanceType: "ecs.g7.large" },
  ],
].map(([kind, type, props, provider], i) => {
  const name = `case-${i}`;
  const view: ResourceView = {
    type: type as string,
    urn: urnOf(type as string, name),
    name,
    props: props as Record<string, unknown>,
    ...(provider !== undefined ? { provider: provider as ResourceView["provider"] & object } : {}),
  };
  return { kind: kind as string, view };
});

function addDays(day: string, days: number): string {
  return isoDay(new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000));
}

/** Every setting at table size `n` (deterministic; nothing in it matches the cases by accident). */
export function tablesOfSize(n: number, today: string): Record<string, unknown> {
  const foreignProviders = [];
  const restrictedAccounts = [];
  const exemptions = [];
  for (let i = 0; i < n; i++) {
    const account = String(300_000_000_000 + i);
    foreignProviders.push({
      name: `Example Carrier ${i}`,
      asns: [4_200_000_000 + i],
      cidrs: [`100.${64 + ((i >> 8) & 63)}.${i & 255}.0/24`],
      accountIds: [account],
      carrierNames: [`Examplenet${i} Global`],
      serviceNames:
        i % 10 === 0
          ? [`com.example.vpce.*.svc-${i}-*`]
          : [`com.example.vpce.eu-west-1.vpce-svc-${i.toString(16).padStart(17, "0")}`],
      jurisdiction: "CN",
    });
    restrictedAccounts.push({
      id: String(400_000_000_000 + i),
      jurisdiction: "CN",
      note: `listed account ${i}`,
    });
    exemptions.push({
      resource:
        i % 10 === 0
          ? `urn:pulumi:other-${i}::*::aws:ec2/instance:Instance::gpu-*`
          : urnOf("aws:ec2/instance:Instance", `exempt-${i}`),
      reason: `benchmark exemption ${i}`,
      expires: addDays(today, 30),
      approvedBy: "bench",
    });
  }
  return { foreignProviders, restrictedAccounts, exemptions };
}

function configFor(spec: RuleSpec, tables: Record<string, unknown>): Record<string, unknown> {
  const names: readonly string[] = settingsOf(spec);
  return Object.fromEntries(Object.entries(tables).filter(([k]) => names.includes(k)));
}

class NotApplicable extends Error {}

/**
 * µs per call of `fn`, over `iterations` calls or as many as fit in `budgetMs` (at least 8, the
 * clock being read every 8 calls), so that a cost that grows with the tables cannot stretch the run.
 */
function timeIt(iterations: number, budgetMs: number, fn: (i: number) => void): number {
  const t0 = process.hrtime.bigint();
  const deadline = t0 + BigInt(Math.round(budgetMs * 1e6));
  let i = 0;
  while (i < iterations) {
    fn(i++);
    if ((i & 7) === 0 && process.hrtime.bigint() > deadline) break;
  }
  return Number(process.hrtime.bigint() - t0) / 1000 / i;
}

export interface LookupSize {
  size: number;
  /** µs per resource (all five policies), over every case. */
  decisionUs: Sample;
  policyCallUs: Sample;
  /** µs per resource, per case (median of repetitions). */
  decisionByKindUs: Record<string, number>;
  policyCallByKindUs: Record<string, number>;
}

export interface LookupResult {
  sizes: LookupSize[];
  /** Cost at the largest size / cost at size 0 (medians). */
  decisionRatio: number;
  policyCallRatio: number;
  /** Per case, largest / smallest, for the path that grows most. */
  worstKinds: { kind: string; path: "decision" | "policy call"; ratio: number }[];
}

export function measureLookups(
  sizes: readonly number[],
  opts: {
    iterations: number;
    repetitions: number;
    /** Longest time one timing may take, ms. */
    budgetMs: number;
    onSize?: (s: LookupSize) => void;
  },
): LookupResult {
  const today = isoDay(new Date());
  const env: RuleEnv = { ctx: makeContext({ ...HERMETIC_ENV }), stackTags: new Map() };
  const out: LookupSize[] = [];
  // The first size is measured twice and its first pass dropped: a cold JIT would otherwise
  // inflate the baseline every other size is compared with.
  for (const [pass, size] of [sizes[0] ?? 0, ...sizes].entries()) {
    const tables = tablesOfSize(size, today);
    const resolved: { spec: RuleSpec; settings: ResolvedSettings }[] = RULES.map((spec) => {
      const parsed = parseSettings(settingsOf(spec), configFor(spec, tables), today);
      if (!parsed.ok) {
        throw new Error(
          `bench tables of size ${size} are invalid for ${spec.metadata.name}: ${JSON.stringify(parsed.errors.slice(0, 3))}`,
        );
      }
      return { spec, settings: parsed.settings };
    });
    // What the SDK keeps after Configure: one properties object per policy. getConfig() hands out
    // a fresh shallow copy of it for every resource.
    const configured = new Map(
      POLICIES.map((p) => {
        const spec = RULES.find((r) => r.metadata.name === p.name);
        return [p.name, spec ? configFor(spec, tables) : {}];
      }),
    );

    const decide = (view: ResourceView) => {
      for (const { spec, settings } of resolved) {
        const outcome = spec.rule.evaluate(view, env, settings);
        applyExemptions(outcome, view.urn, settings.exemptions, today);
      }
    };
    const sdkArgs = LOOKUP_CASES.map(({ view }) => {
      const props = unknownCheckingProxy(view.props as Record<string, unknown>);
      const provider = view.provider
        ? { ...view.provider, props: unknownCheckingProxy(view.provider.props) }
        : undefined;
      return POLICIES.map((p) => {
        const args = {
          type: view.type,
          props,
          urn: view.urn,
          name: view.name,
          opts: { protect: false, ignoreChanges: [], aliases: [], additionalSecretOutputs: [] },
          stackTags: new Map<string, string>(),
          isType: () => false,
          asType: () => undefined,
          getConfig: () => ({ ...configured.get(p.name) }),
          notApplicable: (reason?: string): never => {
            throw new NotApplicable(reason);
          },
          ...(provider ? { provider } : {}),
        } as unknown as ResourceValidationArgs;
        return { policy: p, args };
      });
    });
    const report = () => undefined;
    const callPolicies = (k: number) => {
      for (const { policy, args } of sdkArgs[k] ?? []) {
        try {
          policy.validateResource(args, report);
        } catch (e) {
          // notApplicable and advisory notes are thrown, as in the SDK.
          if (!(e instanceof Error)) throw e;
        }
      }
    };

    const k = LOOKUP_CASES.length;
    const caseAt = (i: number) => LOOKUP_CASES[i % k] as (typeof LOOKUP_CASES)[number];
    // Warm-up: JIT and the settings cache.
    timeIt(2000, opts.budgetMs, (i) => decide(caseAt(i).view));
    timeIt(2000, opts.budgetMs, (i) => callPolicies(i % k));

    const decision: number[] = [];
    const policyCall: number[] = [];
    const byKind = LOOKUP_CASES.map(() => ({ decision: [] as number[], call: [] as number[] }));
    for (let r = 0; r < opts.repetitions; r++) {
      decision.push(timeIt(opts.iterations, opts.budgetMs, (i) => decide(caseAt(i).view)));
      policyCall.push(timeIt(opts.iterations, opts.budgetMs, (i) => callPolicies(i % k)));
      LOOKUP_CASES.forEach((c, j) => {
        const per = Math.max(50, Math.floor(opts.iterations / k));
        const budget = opts.budgetMs / k;
        byKind[j]?.decision.push(timeIt(per, budget, () => decide(c.view)));
        byKind[j]?.call.push(timeIt(per, budget, () => callPolicies(j)));
      });
    }
    const entry: LookupSize = {
      size,
      decisionUs: summarise(decision),
      policyCallUs: summarise(policyCall),
      decisionByKindUs: Object.fromEntries(
        LOOKUP_CASES.map((c, j) => [c.kind, summarise(byKind[j]?.decision ?? []).median]),
      ),
      policyCallByKindUs: Object.fromEntries(
        LOOKUP_CASES.map((c, j) => [c.kind, summarise(byKind[j]?.call ?? []).median]),
      ),
    };
    if (pass === 0) continue;
    out.push(entry);
    opts.onSize?.(entry);
  }
  const first = out[0];
  const last = out[out.length - 1];
  const ratio = (a: number | undefined, b: number | undefined) =>
    a !== undefined && b !== undefined && b > 0 ? a / b : Number.NaN;
  const worstKinds: LookupResult["worstKinds"] = [];
  if (first && last) {
    for (const c of LOOKUP_CASES) {
      worstKinds.push({
        kind: c.kind,
        path: "decision",
        ratio: ratio(last.decisionByKindUs[c.kind], first.decisionByKindUs[c.kind]),
      });
      worstKinds.push({
        kind: c.kind,
        path: "policy call",
        ratio: ratio(last.policyCallByKindUs[c.kind], first.policyCallByKindUs[c.kind]),
      });
    }
    worstKinds.sort((a, b) => b.ratio - a.ratio);
  }
  return {
    sizes: out,
    decisionRatio: ratio(last?.decisionUs.median, first?.decisionUs.median),
    policyCallRatio: ratio(last?.policyCallUs.median, first?.policyCallUs.median),
    worstKinds,
  };
}
