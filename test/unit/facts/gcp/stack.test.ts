// Google Cloud resources that the stack decides: managed instance groups running their instance
// template's machine type where the group is (not where the global template is), GKE node pools
// placed by their cluster's ID or by the cluster of the same stack, and placement inputs computed
// from another resource (propertyDependencies), resolved at AnalyzeStack.
import { gpuInRestrictedJurisdiction as gpu } from "../../../../policypack/src/policies/gpu-in-restricted-jurisdiction";
import {
  indexStack,
  resolveComputeLinks,
  resolveInheritedPlacement,
} from "../../../../policypack/src/facts";
import type { ResourceView } from "../../../../policypack/src/facts/types";
import type { Outcome } from "../../../../policypack/src/findings";
import { wordFinding } from "../../../../policypack/src/report";
import { evaluate, evaluateStackPhase } from "../../../support/policies";
import {
  UNKNOWN,
  context,
  defaultProvider,
  factsOf,
  placementOf,
  resource,
  where,
} from "../../../support/facts/packages";

const TEMPLATE = "gcp:compute/instanceTemplate:InstanceTemplate";
const REGION_MIG = "gcp:compute/regionInstanceGroupManager:RegionInstanceGroupManager";
const ZONE_MIG = "gcp:compute/instanceGroupManager:InstanceGroupManager";
const CLUSTER = "gcp:container/cluster:Cluster";
const NODE_POOL = "gcp:container/nodePool:NodePool";

// The provider is in the US: only the group's or the cluster's own location places them in HK.
const us = defaultProvider("gcp", { region: "us-central1" });
const ctx = context();

function template(machineType: string, name = "tmpl"): ResourceView {
  return resource(TEMPLATE, { machineType }, { name, provider: us });
}

function regionalGroup(region: string, tmpl: ResourceView): ResourceView {
  return resource(
    REGION_MIG,
    { region, baseInstanceName: "w", versions: [{ instanceTemplate: UNKNOWN }] },
    { name: "mig", provider: us, propertyDependencies: { versions: [tmpl.urn] } },
  );
}

function stackOutcome(stack: ResourceView[], name: string): Outcome | undefined {
  return evaluateStackPhase(gpu, stack).find((r) => r.view.name === name)?.outcome;
}

function text(view: ResourceView, outcome: Outcome | undefined): string {
  if (outcome?.kind !== "violation" && outcome?.kind !== "advisory") {
    throw new Error(`expected a finding, got ${outcome?.kind ?? "none"}`);
  }
  return wordFinding({ type: view.type, name: view.name }, outcome.finding);
}

describe("managed instance groups run their template's hardware where the group is", () => {
  it("waits for the stack during Analyze, then denies a regional group in Hong Kong whose template is an A100", () => {
    const tmpl = template("a2-highgpu-1g");
    const mig = regionalGroup("asia-east2", tmpl);
    expect(evaluate(gpu, mig, {}, ctx).kind).toBe("deferred");
    const outcome = stackOutcome([tmpl, mig], "mig");
    expect(outcome?.kind).toBe("violation");
    const message = text(mig, outcome);
    expect(message).toContain("a2-highgpu-1g");
    expect(message).toContain("`versions[0].instanceTemplate → tmpl.machineType`");
    expect(message).toContain("asia-east2");
    expect(message).toContain("(HK)");
  });

  it("passes the same group in the US (decided at Analyze: the placement is allowed)", () => {
    const tmpl = template("a2-highgpu-1g");
    const mig = regionalGroup("us-east1", tmpl);
    expect(evaluate(gpu, mig, {}, ctx).kind).toBe("pass");
    expect(stackOutcome([tmpl, mig], "mig")).toBeUndefined();
  });

  it("passes a group in Hong Kong whose template is CPU-only", () => {
    const tmpl = template("n2-standard-8");
    const mig = regionalGroup("asia-east2", tmpl);
    // Decided at AnalyzeStack (the group waits for its template): a pass, nothing reported.
    expect(stackOutcome([tmpl, mig], "mig")).toEqual({ kind: "pass" });
  });

  it("reads guest accelerators of the template and finds it by its written self link", () => {
    const tmpl = resource(
      TEMPLATE,
      {
        machineType: "n1-standard-8",
        guestAccelerators: [{ type: "nvidia-tesla-t4", count: 1 }],
        selfLink: "https://www.googleapis.com/compute/v1/projects/p/global/instanceTemplates/gpu",
        name: "gpu",
      },
      { name: "tmpl", provider: us },
    );
    const mig = resource(
      ZONE_MIG,
      {
        zone: "asia-east2-a",
        versions: [{ instanceTemplate: "projects/p/global/instanceTemplates/gpu" }],
      },
      { name: "mig", provider: us },
    );
    const facts = resolveComputeLinks(mig, factsOf(mig), indexStack([tmpl, mig], ctx), ctx);
    expect(facts.compute?.accelerators.map((u) => u.info.chip.name)).toEqual(["NVIDIA T4"]);
    expect(stackOutcome([tmpl, mig], "mig")?.kind).toBe("violation");
  });

  it("fails closed on a template outside the stack in a restricted region, saying it cannot be read", () => {
    const mig = resource(
      ZONE_MIG,
      {
        zone: "asia-east2-a",
        versions: [{ instanceTemplate: "projects/p/global/instanceTemplates/x" }],
      },
      { name: "mig", provider: us },
    );
    const outcome = stackOutcome([mig], "mig");
    expect(outcome?.kind).toBe("violation");
    expect(text(mig, outcome)).toContain("not in this stack (machine type unreadable)");
  });
});

describe("GKE node pools are placed where their cluster is", () => {
  const gpuNodes = { nodeConfig: { machineType: "g2-standard-8" } };

  it("reads the location segment of a cluster ID", () => {
    const pool = resource(
      NODE_POOL,
      { cluster: "projects/p/locations/asia-east2/clusters/c", ...gpuNodes },
      { provider: us },
    );
    expect(where(placementOf(pool))).toBe("asia-east2 HK");
    expect(evaluate(gpu, pool, {}, ctx).kind).toBe("violation");
  });

  it("keeps its own location before the cluster ID's", () => {
    const pool = resource(
      NODE_POOL,
      { cluster: "projects/p/locations/asia-east2/clusters/c", location: "us-west1", ...gpuNodes },
      { provider: us },
    );
    expect(where(placementOf(pool))).toBe("us-west1 US");
  });

  it("uses the provider's region for a plain cluster name without a location", () => {
    const pool = resource(NODE_POOL, { cluster: "c", ...gpuNodes }, { provider: us });
    expect(where(placementOf(pool))).toBe("us-central1 US");
  });

  it("follows a computed `cluster` to the cluster of the same stack at AnalyzeStack", () => {
    const cluster = resource(CLUSTER, { location: "asia-east2" }, { name: "c", provider: us });
    const pool = resource(
      NODE_POOL,
      { cluster: UNKNOWN, ...gpuNodes },
      { name: "pool", provider: us, propertyDependencies: { cluster: [cluster.urn] } },
    );
    expect(placementOf(pool).status).toBe("inherited");
    const p = resolveInheritedPlacement(pool, factsOf(pool), indexStack([cluster, pool], ctx), ctx);
    expect(where(p)).toBe("asia-east2 HK");
    expect(p.status === "resolved" && p.origin.detail).toContain("Cluster `c`");
    expect(stackOutcome([cluster, pool], "pool")?.kind).toBe("violation");
  });

  it("follows a computed `location` to the resource it came from (propertyDependencies)", () => {
    const cluster = resource(CLUSTER, { location: "asia-east2" }, { name: "c", provider: us });
    const pool = resource(
      NODE_POOL,
      { cluster: UNKNOWN, location: UNKNOWN, ...gpuNodes },
      {
        name: "pool",
        provider: us,
        propertyDependencies: { cluster: [cluster.urn], location: [cluster.urn] },
      },
    );
    expect(evaluate(gpu, pool, {}, ctx).kind).toBe("deferred");
    const outcome = stackOutcome([cluster, pool], "pool");
    expect(text(pool, outcome)).toContain("`location` from Cluster `c`");
  });

  it("passes the node pool of a cluster in Europe", () => {
    const cluster = resource(CLUSTER, { location: "europe-west4" }, { name: "c", provider: us });
    const pool = resource(
      NODE_POOL,
      { cluster: UNKNOWN, location: UNKNOWN, ...gpuNodes },
      {
        name: "pool",
        provider: us,
        propertyDependencies: { cluster: [cluster.urn], location: [cluster.urn] },
      },
    );
    expect(stackOutcome([cluster, pool], "pool")).toEqual({ kind: "pass" });
  });

  it("stays computed (an advisory note) when the cluster is not in the stack", () => {
    const pool = resource(
      NODE_POOL,
      { cluster: UNKNOWN, ...gpuNodes },
      { name: "pool", provider: us },
    );
    expect(stackOutcome([pool], "pool")?.kind).toBe("advisory");
  });
});
