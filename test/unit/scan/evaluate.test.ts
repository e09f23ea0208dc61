// The streaming evaluation over a fake pack session: bounded concurrency, input order, which RPCs
// are sent, and what AnalyzeStack receives (the request's bytes, decoded as the pack decodes them).
import * as pb from "@pulumi/pulumi/proto/analyzer_pb";
import type {
  AnalyzeResult,
  PolicyPackSession,
  RemediateResult,
  ResourceContext,
} from "../../../cli/runner";
import { StackRequest } from "../../../cli/runner";
import type {
  EngineResource,
  Finding,
  PolicyInfo,
  PolicyPackConfig,
  PropertyMap,
} from "../../../cli/runner/types";
import { StreamingEvaluation } from "../../../cli/scan/evaluate";

function policy(name: string, enforcementLevel: PolicyInfo["enforcementLevel"]): PolicyInfo {
  return {
    name,
    displayName: name,
    description: `${name} description`,
    enforcementLevel,
    type: "resource",
    severity: "high",
    tags: [],
    remediationSteps: "",
    url: "",
  };
}

function finding(
  r: Pick<EngineResource, "urn" | "type">,
  policyName: string,
  phase: Finding["phase"],
): Finding {
  return {
    policyName,
    policyPackName: "fake",
    policyPackVersion: "1.0.0",
    enforcementLevel: "mandatory",
    severity: "high",
    message: `${policyName} on ${r.urn}`,
    description: "",
    urn: r.urn,
    resourceType: r.type,
    resourceName: r.urn.split("::").pop() ?? "",
    phase,
  };
}

class FakeSession {
  inFlight = 0;
  maxInFlight = 0;
  remediateCalls = 0;
  analyzed: { urn: string; props: PropertyMap; provider?: string }[] = [];
  stack: pb.AnalyzerResource[] | undefined;
  /** Remediate provider resources too (slowly, so that resources using them finish first). */
  remediateProviders = false;
  readonly logs = [];
  readonly startupMs = 5;
  readonly packDir = "/packs/fake";
  info: { name: string; version: string; policies: PolicyInfo[] };
  config: PolicyPackConfig;

  constructor(policies: PolicyInfo[], config: PolicyPackConfig = {}) {
    this.info = { name: "fake", version: "1.0.0", policies };
    this.config = config;
  }

  private async work(r: EngineResource): Promise<void> {
    this.inFlight++;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    // Later resources finish first, to prove the report keeps the input order.
    const n = Number(r.urn.split("-").pop());
    let ms = Number.isNaN(n) ? 1 : (n % 7) * 2;
    if (this.remediateProviders && r.type === provider.type) ms = 40;
    await new Promise((resolve) => setTimeout(resolve, ms));
    this.inFlight--;
  }

  async remediate(r: EngineResource): Promise<RemediateResult> {
    this.remediateCalls++;
    await this.work(r);
    const remediates =
      r.type === "test:index:Tagged" || (this.remediateProviders && r.type === provider.type);
    if (!remediates) {
      return { findings: [], notApplicable: [], remediations: [], properties: r.inputs };
    }
    const after = { ...r.inputs, owner: "platform" };
    return {
      findings: [],
      notApplicable: [],
      remediations: [
        {
          urn: r.urn,
          policyName: "tag",
          policyPackName: "fake",
          policyPackVersion: "1.0.0",
          description: "",
          before: r.inputs,
          after,
        },
      ],
      properties: after,
    };
  }

  async analyze(
    r: EngineResource,
    ctx?: ResourceContext,
    props?: PropertyMap,
  ): Promise<AnalyzeResult> {
    await this.work(r);
    const entry: { urn: string; props: PropertyMap; provider?: string } = {
      urn: r.urn,
      props: props ?? r.inputs,
    };
    if (ctx?.provider) entry.provider = ctx.provider.urn;
    this.analyzed.push(entry);
    const bad = r.inputs["gpu"] === true;
    return {
      findings: bad ? [finding(r, "gpu", "analyze")] : [],
      notApplicable: bad ? [] : [{ urn: r.urn, policyName: "gpu", reason: "no GPU" }],
    };
  }

  newStackRequest(): StackRequest {
    return new StackRequest();
  }

  async analyzeStackRequest(request: StackRequest): Promise<AnalyzeResult> {
    this.stack = pb.AnalyzeStackRequest.deserializeBinary(request.toBuffer()).getResourcesList();
    const last = this.stack[this.stack.length - 1];
    return {
      findings: last
        ? [finding({ urn: last.getUrn(), type: last.getType() }, "stack-check", "analyzeStack")]
        : [],
      notApplicable: [],
    };
  }
}

const provider: EngineResource = {
  urn: "urn:pulumi:dev::p::pulumi:providers:test::default",
  type: "pulumi:providers:test",
  custom: true,
  inputs: { region: "eu" },
};

function resources(n: number): EngineResource[] {
  return Array.from({ length: n }, (_, i) => ({
    urn: `urn:pulumi:dev::p::test:index:Thing::thing-${i}`,
    type: "test:index:Thing",
    custom: true,
    inputs: { gpu: i % 10 === 0, big: "x".repeat(100) },
    outputs: { id: `id-${i}` },
    provider: `${provider.urn}::id`,
    dependencies: i > 0 ? [`urn:pulumi:dev::p::test:index:Thing::thing-${i - 1}`] : [],
  }));
}

async function run(
  session: FakeSession,
  list: EngineResource[],
  opts: { concurrency?: number; keepResources?: boolean; always?: boolean } = {},
) {
  const ev = new StreamingEvaluation(session as unknown as PolicyPackSession, {
    concurrency: opts.concurrency ?? 16,
    keepResources: opts.keepResources ?? false,
    ...(opts.always !== undefined ? { always: opts.always } : {}),
  });
  await ev.add(provider, undefined, 3);
  for (const [i, r] of list.entries()) await ev.add(r, provider, 10 + i);
  return { ev, result: await ev.finish() };
}

describe("StreamingEvaluation", () => {
  it("keeps at most `concurrency` resources in flight", async () => {
    const session = new FakeSession([policy("gpu", "mandatory")]);
    await run(session, resources(100), { concurrency: 16 });
    expect(session.maxInFlight).toBeLessThanOrEqual(16);
    expect(session.maxInFlight).toBeGreaterThan(1);
    const single = new FakeSession([policy("gpu", "mandatory")]);
    await run(single, resources(10), { concurrency: 1 });
    expect(single.maxInFlight).toBe(1);
  });

  it("reports findings in input order, with each resource's line, stack findings last", async () => {
    const session = new FakeSession([policy("gpu", "mandatory")]);
    const { result } = await run(session, resources(40));
    const order = result.findings.map((f) => `${f.resourceName}:${f.phase}:${f.line}`);
    expect(order).toEqual([
      "thing-0:analyze:10",
      "thing-10:analyze:20",
      "thing-20:analyze:30",
      "thing-30:analyze:40",
      "thing-39:analyzeStack:49",
    ]);
    expect(result.report.counts).toEqual({ mandatory: 5, advisory: 0 });
    expect(result.report.countsByPolicy["gpu"]).toEqual({ mandatory: 4, advisory: 0 });
    expect(result.report.resourcesAnalyzed).toBe(41);
  });

  it("sends every resource to AnalyzeStack with outputs and relations, providers whole", async () => {
    const session = new FakeSession([policy("gpu", "mandatory")]);
    await run(session, resources(3));
    const stack = session.stack ?? [];
    expect(stack.map((r) => r.getUrn().split("::").pop())).toEqual([
      "default",
      "thing-0",
      "thing-1",
      "thing-2",
    ]);
    expect(stack[0]?.getProperties()?.toJavaScript()).toEqual({ region: "eu" });
    expect(stack[0]?.getProvider()).toBeUndefined();
    const thing1 = stack[2];
    expect(thing1?.getType()).toBe("test:index:Thing");
    expect(thing1?.getProperties()?.toJavaScript()).toEqual({ id: "id-1" });
    expect(thing1?.getDependenciesList()).toEqual(["urn:pulumi:dev::p::test:index:Thing::thing-0"]);
    expect(thing1?.getProvider()?.getUrn()).toBe(provider.urn);
    expect(thing1?.getProvider()?.getProperties()?.toJavaScript()).toEqual({ region: "eu" });
    expect(session.analyzed.find((a) => a.urn.endsWith("thing-1"))?.provider).toBe(provider.urn);
  });

  it("skips Remediate unless a policy is at the remediate level (or always is set)", async () => {
    const plain = new FakeSession([policy("gpu", "mandatory")]);
    await run(plain, resources(5));
    expect(plain.remediateCalls).toBe(0);

    const configured = new FakeSession([policy("gpu", "mandatory"), policy("tag", "advisory")], {
      tag: { enforcementLevel: "remediate" },
    });
    await run(configured, resources(5));
    expect(configured.remediateCalls).toBe(6);

    const always = new FakeSession([policy("gpu", "mandatory")]);
    await run(always, resources(5), { always: true });
    expect(always.remediateCalls).toBe(6);
  });

  it("analyzes the remediated properties and sends them to AnalyzeStack", async () => {
    const session = new FakeSession([policy("tag", "remediate")]);
    const tagged: EngineResource = {
      urn: "urn:pulumi:dev::p::test:index:Tagged::t-1",
      type: "test:index:Tagged",
      custom: true,
      inputs: { name: "t" },
    };
    const { result } = await run(session, [tagged]);
    expect(session.analyzed.find((a) => a.urn === tagged.urn)?.props).toEqual({
      name: "t",
      owner: "platform",
    });
    expect(session.stack?.[1]?.getProperties()?.toJavaScript()).toEqual({
      name: "t",
      owner: "platform",
    });
    expect(result.report.remediations).toHaveLength(1);
  });

  it("sends each resource's provider to AnalyzeStack as remediated, even when it finished first", async () => {
    const session = new FakeSession([policy("tag", "remediate")]);
    session.remediateProviders = true;
    const { result } = await run(session, resources(5));
    const stack = session.stack ?? [];
    expect(stack).toHaveLength(6);
    expect(stack[0]?.getProperties()?.toJavaScript()).toEqual({ region: "eu", owner: "platform" });
    for (const r of stack.slice(1)) {
      expect(r.getProvider()?.getProperties()?.toJavaScript()).toEqual({
        region: "eu",
        owner: "platform",
      });
    }
    // Analyze got the provider as it was handed in (the engine's Analyze sees the registered one).
    expect(session.analyzed.find((a) => a.urn.endsWith("thing-0"))?.provider).toBe(provider.urn);
    expect(result.report.remediations).toHaveLength(1);
  });

  it("words AnalyzeStack findings with the type and name of the resource they concern", async () => {
    const session = new FakeSession([policy("gpu", "mandatory")]);
    const { result } = await run(session, resources(2));
    const stackFinding = result.findings.find((f) => f.phase === "analyzeStack");
    expect(stackFinding).toMatchObject({
      urn: "urn:pulumi:dev::p::test:index:Thing::thing-1",
      resourceType: "test:index:Thing",
      line: 11,
    });
  });

  it("keeps not-applicable answers and the resource list only when asked (JUnit)", async () => {
    const lean = await run(new FakeSession([policy("gpu", "mandatory")]), resources(3));
    expect(lean.result.resources).toEqual([]);
    expect(lean.result.report.notApplicable).toEqual([]);
    const full = await run(new FakeSession([policy("gpu", "mandatory")]), resources(3), {
      keepResources: true,
    });
    expect(full.result.resources.map((r) => r.name)).toEqual([
      "default",
      "thing-0",
      "thing-1",
      "thing-2",
    ]);
    expect(full.result.resources[1]?.line).toBe(10);
    expect(full.result.report.notApplicable.map((n) => n.urn.split("::").pop())).toEqual([
      "default",
      "thing-1",
      "thing-2",
    ]);
  });

  it("surfaces a failed RPC instead of a partial report", async () => {
    const session = new FakeSession([policy("gpu", "mandatory")]);
    session.analyze = async () => {
      throw new Error("Analyze failed: boom");
    };
    const ev = new StreamingEvaluation(session as unknown as PolicyPackSession, {
      concurrency: 2,
      keepResources: false,
    });
    const add = async () => {
      for (const r of resources(10)) await ev.add(r, provider);
      await ev.finish();
    };
    await expect(add()).rejects.toThrow("Analyze failed: boom");
    await ev.settle();
  });
});
