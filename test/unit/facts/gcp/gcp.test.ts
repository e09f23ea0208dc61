// Google Cloud facts: machine types, attached accelerators, TPUs, Vertex AI, and placement from
// zone / region / location, provider, stack config and environment.
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
} from "../packages/fixtures";

const INSTANCE = "gcp:compute/instance:Instance";
const NODE_POOL = "gcp:container/nodePool:NodePool";
const CLUSTER = "gcp:container/cluster:Cluster";

const gpuVm = resource(INSTANCE, { machineType: "a2-highgpu-1g", zone: "us-central1-a" });

describe("GCP machine types and accelerators", () => {
  it("reads the A100 of an a2 machine type", () => {
    expect(chipsOf(gpuVm)).toEqual(["NVIDIA A100 (40/80 GB)"]);
    expect(pathsOf(gpuVm)).toEqual(["machineType"]);
  });

  it("reads a machine type given as a self link", () => {
    const r = withProps(gpuVm, { machineType: "zones/us-central1-a/machineTypes/a3-highgpu-8g" });
    expect(chipsOf(r)).toEqual(["NVIDIA H100 (SXM, PCIe, NVL)"]);
  });

  it("tells a3-ultragpu (H200) from other a3 shapes", () => {
    expect(chipsOf(withProps(gpuVm, { machineType: "a3-ultragpu-8g" }))).toEqual(["NVIDIA H200"]);
  });

  it("finds no accelerator in a CPU machine type", () => {
    expect(chipsOf(withProps(gpuVm, { machineType: "e2-standard-4" }))).toEqual([]);
  });

  it("reads GPUs attached to an N1 VM through guestAccelerators", () => {
    const r = withProps(gpuVm, {
      machineType: "n1-standard-8",
      guestAccelerators: [{ type: "nvidia-tesla-t4", count: 1 }],
    });
    expect(chipsOf(r)).toEqual(["NVIDIA T4"]);
    expect(pathsOf(r)).toEqual(["guestAccelerators[0].type"]);
  });

  it("reports an NVIDIA accelerator type it does not know as uncertain", () => {
    const r = withProps(gpuVm, {
      machineType: "n1-standard-8",
      guestAccelerators: [{ type: "nvidia-future-gpu" }],
    });
    const use = factsOf(r).compute?.accelerators[0];
    expect(use?.info.catalogued).toBe(false);
    expect(use?.info.chip.exportControl).toBe("uncertain");
  });

  it("notes a computed machine type", () => {
    expect(factsOf(withProps(gpuVm, { machineType: UNKNOWN })).compute?.computed).toEqual([
      "machineType",
    ]);
  });

  it("reads GKE node pool GPUs and the zones in nodeLocations", () => {
    const pool = resource(NODE_POOL, {
      location: "us-east1",
      nodeLocations: ["asia-east2-a"],
      nodeConfig: { machineType: "n1-standard-4", guestAccelerators: [{ type: "nvidia-l4" }] },
    });
    const facts = factsOf(pool);
    expect(chipsOf(pool)).toEqual(["NVIDIA L4"]);
    expect(where(facts.placement)).toBe("us-east1 US");
    expect(facts.additionalPlacements.map(where)).toEqual(["asia-east2 HK"]);
  });

  it("reads GPU limits of node auto-provisioning, not CPU or memory limits", () => {
    const cluster = resource(CLUSTER, {
      location: "us-east1",
      clusterAutoscaling: {
        enabled: true,
        resourceLimits: [
          { resourceType: "cpu", maximum: 100 },
          { resourceType: "nvidia-h100-80gb", maximum: 8 },
        ],
      },
    });
    expect(pathsOf(cluster)).toEqual(["clusterAutoscaling.resourceLimits[1].resourceType"]);
  });

  it("reports an Autopilot cluster as possible GPU capacity", () => {
    const cluster = resource(CLUSTER, { location: "asia-east2", enableAutopilot: true });
    expect(pathsOf(cluster)).toEqual(["enableAutopilot"]);
    expect(where(placementOf(cluster))).toBe("asia-east2 HK");
  });

  it("reads TPU VMs by accelerator type and by accelerator config", () => {
    const v5p = resource("gcp:tpu/v2Vm:V2Vm", { zone: "us-east5-a", acceleratorType: "v5p-8" });
    expect(chipsOf(v5p)).toEqual(["Google Cloud TPU v5p"]);
    const v5e = resource("gcp:tpu/v2Vm:V2Vm", {
      zone: "us-east5-a",
      acceleratorConfig: { type: "V5LITE_POD", topology: "2x2" },
    });
    expect(chipsOf(v5e)).toEqual(["Google Cloud TPU v5e"]);
    const node = resource("gcp:tpu/node:Node", { zone: "asia-east2-a", acceleratorType: "v3-8" });
    expect(chipsOf(node)).toEqual(["Google Cloud TPU v3"]);
    expect(where(placementOf(node))).toBe("asia-east2 HK");
  });

  it("reads TPU node pools by their ct machine types", () => {
    const pool = resource(NODE_POOL, {
      location: "us-west4",
      nodeConfig: { machineType: "ct5lp-hightpu-4t" },
    });
    expect(chipsOf(pool)).toEqual(["Google Cloud TPU v5e"]);
  });

  it("treats every Vertex AI resource as an AI service and reads its machine spec", () => {
    const endpoint = resource("gcp:vertex/aiEndpoint:AiEndpoint", { region: "asia-east2" });
    expect(factsOf(endpoint).aiService?.entry.service).toBe("Google Cloud Vertex AI");
    expect(where(placementOf(endpoint))).toBe("asia-east2 HK");
    const pool = resource("gcp:vertex/aiDeploymentResourcePool:AiDeploymentResourcePool", {
      region: "us-central1",
      dedicatedResources: {
        machineSpec: { machineType: "n1-standard-8", acceleratorType: "NVIDIA_TESLA_A100" },
      },
    });
    expect(chipsOf(pool)).toEqual(["NVIDIA A100 (40/80 GB)"]);
  });
});

describe("GCP placement", () => {
  const noZone = withProps(gpuVm, { zone: undefined });

  it("maps a zone to its region and country", () => {
    expect(where(placementOf(withProps(gpuVm, { zone: "asia-east2-b" })))).toBe("asia-east2 HK");
  });

  it("falls back to the provider's zone", () => {
    const r = withProvider(noZone, defaultProvider("gcp", { zone: "asia-east2-c" }));
    const p = placementOf(r);
    expect(where(p)).toBe("asia-east2 HK");
    expect(p.status === "resolved" && p.origin.detail).toContain("stack config `gcp:zone`");
  });

  it("reads stack config gcp:region for the default provider", () => {
    const r = withProvider(noZone, defaultProvider("gcp"));
    expect(where(placementOf(r, context({ "gcp:region": "asia-east2" })))).toBe("asia-east2 HK");
  });

  it("never reads stack config for an explicit provider", () => {
    const r = withProvider(noZone, explicitProvider("gcp", "us", { region: "us-west1" }));
    expect(where(placementOf(r, context({ "gcp:zone": "asia-east2-a" })))).toBe("us-west1 US");
  });

  it("reads the region environment variables", () => {
    const r = withProvider(noZone, undefined);
    expect(where(placementOf(r, context({}, { CLOUDSDK_COMPUTE_REGION: "asia-east2" })))).toBe(
      "asia-east2 HK",
    );
  });

  it("stops at a computed zone", () => {
    expect(placementOf(withProps(gpuVm, { zone: UNKNOWN })).status).toBe("computed");
  });

  it("stops at an unknown stack config gcp:zone, naming the key as the unknown path", () => {
    const r = resource(
      "gcp:compute/instance:Instance",
      { machineType: "a2-highgpu-1g" },
      defaultProvider("gcp"),
    );
    const p = placementOf(r, context({ "gcp:zone": UNKNOWN, "gcp:region": "us-west1" }));
    expect(p.status === "computed" && [p.path, p.origin.detail]).toEqual([
      "gcp:zone",
      "stack config `gcp:zone`",
    ]);
  });

  it("says where it looked when nothing names a region", () => {
    const p = placementOf(withProvider(noZone, undefined));
    expect(p.status).toBe("unresolved");
    expect(p.status === "unresolved" && p.tried).toContain("environment variable GOOGLE_REGION");
  });

  it("prefers the provider region for regional kinds such as Vertex AI", () => {
    const r = resource(
      "gcp:vertex/aiEndpoint:AiEndpoint",
      {},
      { provider: explicitProvider("gcp", "p", { zone: "us-central1-a", region: "asia-east2" }) },
    );
    expect(where(placementOf(r))).toBe("asia-east2 HK");
  });

  it("resolves an unknown region with no country", () => {
    // The zone still names its region; with no country the policies treat it as unknown.
    expect(where(placementOf(withProps(gpuVm, { zone: "mars-north1-a" })))).toBe("mars-north1 ?");
  });
});
