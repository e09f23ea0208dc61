// The pack's own AnalyzeStack work, in this process: every policy's validateStack over the
// resources as the SDK hands them over (PolicyResource objects with the unknown-checking proxy,
// providers, parents), timed without the gRPC transfer and the SDK's deserialization, which the
// end-to-end AnalyzeStack rows include and which the do-nothing pack pays as well.
//
// With `--stack-baseline <pack folder>` another build of this pack (another checkout's compiled
// policypack/, say the main branch's) does the same work on the same resources, interleaved round
// by round: a change to the stack phase shows before and after side by side.
import * as path from "path";
import type { PolicyResource, StackValidationArgs } from "@pulumi/policy";
import type { EngineResource } from "../cli/runner";
import { POLICIES } from "../policypack/lib";
import type { GuardPolicy } from "../policypack/lib";
import type { Sample } from "./stats";
import { summarise } from "./stats";
import type { Workload } from "./workload";

// The SDK's own proxy (what policies get as props); internal, so untyped.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { unknownCheckingProxy } = require("@pulumi/policy/proxy") as {
  unknownCheckingProxy<T extends object>(o: T): T;
};

export interface StackPhaseResult {
  resources: number;
  ms: Sample;
  /** The same work by the `--stack-baseline` build, measured in the same rounds. */
  baseline?: { from: string; ms: Sample };
}

/** Policies to time: this build's, or another build's (`--stack-baseline`). */
export interface StackPhasePolicies {
  readonly from: string;
  readonly policies: readonly GuardPolicy[];
}

/** Another build of the pack: its compiled library (`bin/lib.js` in its pack folder). */
export function loadStackBaseline(packDir: string): StackPhasePolicies {
  const lib = path.resolve(packDir, "bin", "lib.js");
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { POLICIES: policies } = require(lib) as { POLICIES?: readonly GuardPolicy[] };
  if (!Array.isArray(policies)) throw new Error(`${lib} exports no POLICIES (is it built?)`);
  return { from: path.resolve(packDir), policies };
}

/** The config the engine sends when nothing is configured: each setting's schema default. */
function defaultConfig(policy: GuardPolicy): Record<string, unknown> {
  const props = (policy.configSchema?.properties ?? {}) as Record<string, { default?: unknown }>;
  return Object.fromEntries(
    Object.entries(props)
      .filter(([, s]) => s.default !== undefined)
      .map(([k, s]) => [k, structuredClone(s.default)]),
  );
}

/** PolicyResources as the SDK builds them for AnalyzeStack (parents and providers linked). */
function policyResources(resources: readonly EngineResource[]): PolicyResource[] {
  const byUrn = new Map(resources.map((r) => [r.urn, r]));
  const out = new Map<string, PolicyResource>();
  for (const r of resources) {
    const providerUrn = r.provider?.slice(0, r.provider.lastIndexOf("::"));
    const provider = providerUrn !== undefined ? byUrn.get(providerUrn) : undefined;
    const res = {
      type: r.type,
      props: unknownCheckingProxy({ ...(r.outputs ?? r.inputs) }),
      urn: r.urn,
      name: r.name ?? r.urn.split("::").slice(3).join("::"),
      opts: {
        protect: false,
        ignoreChanges: [],
        aliases: [],
        additionalSecretOutputs: [],
        customTimeouts: { createSeconds: 0, updateSeconds: 0, deleteSeconds: 0 },
      },
      dependencies: [],
      propertyDependencies: {},
      isType: () => false,
      asType: () => undefined,
      ...(provider
        ? {
            provider: {
              type: provider.type,
              urn: provider.urn,
              name: provider.name ?? "",
              props: unknownCheckingProxy({ ...provider.inputs }),
            },
          }
        : {}),
    } as unknown as PolicyResource;
    out.set(r.urn, res);
  }
  for (const r of resources) {
    const parent = r.parent !== undefined ? out.get(r.parent) : undefined;
    if (parent) (out.get(r.urn) as { parent?: PolicyResource }).parent = parent;
  }
  return [...out.values()];
}

function stackRunner(policies: readonly GuardPolicy[]): (resources: PolicyResource[]) => number {
  const stackPolicies = policies
    .filter((p) => typeof p.validateStack === "function")
    .map((p) => ({ policy: p, config: defaultConfig(p) }));
  return (resources) => {
    const t0 = process.hrtime.bigint();
    for (const { policy, config } of stackPolicies) {
      const args = {
        resources,
        getConfig: () => ({ ...config }),
        stackTags: new Map<string, string>(),
        notApplicable: (reason?: string): never => {
          throw new Error(reason);
        },
      } as unknown as StackValidationArgs;
      try {
        void policy.validateStack?.(args, () => undefined);
      } catch (e) {
        // Advisory notes are thrown, as the SDK expects.
        if (!(e instanceof Error)) throw e;
      }
    }
    return Number(process.hrtime.bigint() - t0) / 1e6;
  };
}

export function measureStackPhase(
  sizes: readonly { workload: Workload; rounds: number }[],
  baseline?: StackPhasePolicies,
): StackPhaseResult[] {
  const runners = [stackRunner(POLICIES), ...(baseline ? [stackRunner(baseline.policies)] : [])];
  const lists = sizes.map((s) => policyResources(s.workload.resources));
  // Warm-up (JIT, the settings cache), not counted: the smallest size, a few times.
  const smallest = lists.reduce((a, b) => (b.length < a.length ? b : a), lists[0] ?? []);
  for (let i = 0; i < 3; i++) for (const run of runners) run(smallest);
  // Sizes interleaved round by round, so drift on a busy machine weighs on all of them; with a
  // baseline, the two builds take turns going first.
  const ms = sizes.map(() => runners.map(() => [] as number[]));
  const rounds = Math.max(0, ...sizes.map((s) => s.rounds));
  for (let round = 0; round < rounds; round++) {
    sizes.forEach((s, i) => {
      if (round >= s.rounds) return;
      const order = runners.map((_, k) => k);
      if (round % 2 === 1) order.reverse();
      for (const k of order) ms[i]?.[k]?.push(runners[k]?.(lists[i] ?? []) ?? Number.NaN);
    });
  }
  return sizes.map((s, i) => ({
    resources: s.workload.resources.length,
    ms: summarise(ms[i]?.[0] ?? []),
    ...(baseline ? { baseline: { from: baseline.from, ms: summarise(ms[i]?.[1] ?? []) } } : {}),
  }));
}
