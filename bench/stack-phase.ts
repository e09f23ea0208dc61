// The pack's own AnalyzeStack work, in this process: every policy's validateStack over the
// resources as the SDK hands them over (PolicyResource objects with the unknown-checking proxy,
// providers, parents), timed without the gRPC transfer and the SDK's deserialization, which the
// end-to-end AnalyzeStack rows include and which the do-nothing pack pays as well.
import type { PolicyResource, StackValidationArgs } from "@pulumi/policy";
import type { EngineResource } from "../cli/runner";
import { POLICIES } from "../policypack/lib";
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
}

/** The config the engine sends when nothing is configured: each setting's schema default. */
function defaultConfig(name: string): Record<string, unknown> {
  const policy = POLICIES.find((p) => p.name === name);
  const props = (policy?.configSchema?.properties ?? {}) as Record<string, { default?: unknown }>;
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

export function measureStackPhase(
  sizes: readonly { workload: Workload; rounds: number }[],
): StackPhaseResult[] {
  const stackPolicies = POLICIES.filter((p) => typeof p.validateStack === "function");
  const runAll = (resources: PolicyResource[]): number => {
    const t0 = process.hrtime.bigint();
    for (const p of stackPolicies) {
      const config = defaultConfig(p.name);
      const args = {
        resources,
        getConfig: () => ({ ...config }),
        stackTags: new Map<string, string>(),
        notApplicable: (reason?: string): never => {
          throw new Error(reason);
        },
      } as unknown as StackValidationArgs;
      try {
        void p.validateStack?.(args, () => undefined);
      } catch (e) {
        // Advisory notes are thrown, as the SDK expects.
        if (!(e instanceof Error)) throw e;
      }
    }
    return Number(process.hrtime.bigint() - t0) / 1e6;
  };
  const lists = sizes.map((s) => policyResources(s.workload.resources));
  // Warm-up (JIT, the settings cache), not counted: the smallest size, a few times.
  const smallest = lists.reduce((a, b) => (b.length < a.length ? b : a), lists[0] ?? []);
  for (let i = 0; i < 3; i++) runAll(smallest);
  // Sizes interleaved round by round, so drift on a busy machine weighs on all of them.
  const ms = sizes.map(() => [] as number[]);
  const rounds = Math.max(0, ...sizes.map((s) => s.rounds));
  for (let round = 0; round < rounds; round++) {
    sizes.forEach((s, i) => {
      if (round < s.rounds) ms[i]?.push(runAll(lists[i] ?? []));
    });
  }
  return sizes.map((s, i) => ({
    resources: s.workload.resources.length,
    ms: summarise(ms[i] ?? []),
  }));
}
