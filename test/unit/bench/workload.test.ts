// The benchmark's workload generator: deterministic, and the mix the benchmark claims to measure.
// No timings here: performance is measured only by `npm run bench`.
import type { EngineResource } from "../../../cli/runner";
import {
  AWS_REGIONS,
  AZURE_LOCATIONS,
  generateWorkload,
  MIX,
  mixOf,
  toStackExport,
} from "../../../bench/workload";

const COUNT = 20_000;
const workload = generateWorkload({ count: COUNT, seed: 1 });
const { resources } = workload;

const providerUrn = (r: EngineResource) => r.provider?.slice(0, r.provider.lastIndexOf("::"));

describe("determinism", () => {
  test("the same seed gives the same resources", () => {
    expect(generateWorkload({ count: 2_000, seed: 7 })).toEqual(
      generateWorkload({ count: 2_000, seed: 7 }),
    );
  });

  test("another seed gives other resources", () => {
    const a = generateWorkload({ count: 500, seed: 1 }).resources.map((r) => r.urn);
    const b = generateWorkload({ count: 500, seed: 2 }).resources.map((r) => r.urn);
    expect(a).not.toEqual(b);
  });

  test("a smaller workload is a prefix of a larger one with the same seed", () => {
    const small = generateWorkload({ count: 3_000, seed: 1 });
    expect(small.resources).toEqual(resources.slice(0, 3_000));
  });

  test("the stack export of a workload is the same every time", () => {
    const w = generateWorkload({ count: 1_000, seed: 3 });
    expect(JSON.stringify(toStackExport(w))).toBe(JSON.stringify(toStackExport(w)));
  });
});

describe("shape", () => {
  test("exactly the requested number of resources, root stack first, URNs unique", () => {
    expect(resources).toHaveLength(COUNT);
    expect(resources[0]?.type).toBe("pulumi:pulumi:Stack");
    expect(new Set(resources.map((r) => r.urn)).size).toBe(COUNT);
  });

  test("every provider reference names a provider registered earlier", () => {
    const seen = new Set<string>();
    const dangling: string[] = [];
    for (const r of resources) {
      const p = providerUrn(r);
      if (p !== undefined && !seen.has(p)) dangling.push(r.urn);
      if (r.type.startsWith("pulumi:providers:")) seen.add(r.urn);
    }
    expect(dangling).toEqual([]);
  });

  test("categories line up with resources", () => {
    expect(workload.categories).toHaveLength(COUNT);
    resources.forEach((r, i) => {
      const cat = workload.categories[i];
      if (cat === "provider") expect(r.type.startsWith("pulumi:providers:")).toBe(true);
      if (cat === "component") expect(r.custom).toBe(false);
    });
  });
});

describe("the intended mix", () => {
  const mix = mixOf(workload);
  const generated = COUNT - mix.stack - mix.provider;

  test.each(Object.entries(MIX))("%s resources make up their share (±1.5 points)", (cat, share) => {
    const actual = mix[cat as keyof typeof MIX] / generated;
    expect(Math.abs(actual - share)).toBeLessThan(0.015);
  });

  test("mostly plain resources of both clouds: buckets, roles, security groups, storage accounts", () => {
    const types = new Set(resources.map((r) => r.type));
    for (const t of [
      "aws:s3/bucket:Bucket",
      "aws:iam/role:Role",
      "aws:ec2/securityGroup:SecurityGroup",
      "azure-native:storage:StorageAccount",
    ]) {
      expect(types).toContain(t);
    }
  });

  test("instances and VMs, GPU ones among them", () => {
    const instanceTypes = resources
      .filter((r) => r.type === "aws:ec2/instance:Instance")
      .map((r) => String(r.inputs["instanceType"]));
    expect(instanceTypes.some((t) => t.startsWith("p") || t.startsWith("g"))).toBe(true);
    expect(instanceTypes.some((t) => t.startsWith("m") || t.startsWith("t"))).toBe(true);
    expect(resources.some((r) => r.type === "azure-native:compute:VirtualMachine")).toBe(true);
  });

  test("AI services of both clouds", () => {
    const types = new Set(resources.map((r) => r.type));
    expect(types).toContain("aws:sagemaker/endpoint:Endpoint");
    expect(types).toContain("azure-native:cognitiveservices:Account");
  });

  test("peerings, customer gateways and interconnects", () => {
    const types = new Set(resources.map((r) => r.type));
    expect(types).toContain("aws:ec2/vpcPeeringConnection:VpcPeeringConnection");
    expect(types).toContain("aws:ec2/customerGateway:CustomerGateway");
    expect(types).toContain("azure-native:network:VirtualNetworkPeering");
  });

  test("explicit providers in every region and default providers, for both clouds", () => {
    const providers = resources.filter((r) => r.type.startsWith("pulumi:providers:"));
    const explicit = providers.filter((p) => !(p.name ?? "").startsWith("default_"));
    const defaults = providers.filter((p) => (p.name ?? "").startsWith("default_"));
    expect(explicit).toHaveLength(AWS_REGIONS.length + AZURE_LOCATIONS.length);
    expect(defaults.map((p) => p.type).sort()).toEqual([
      "pulumi:providers:aws",
      "pulumi:providers:azure-native",
    ]);
    const used = new Set(resources.map(providerUrn).filter((u) => u !== undefined));
    for (const p of providers) expect(used).toContain(p.urn);
  });

  test("explicit AWS providers carry allowedAccountIds as JSON text, as the engine sends it", () => {
    const p = resources.find(
      (r) => r.type === "pulumi:providers:aws" && r.inputs["allowedAccountIds"],
    );
    expect(JSON.parse(String(p?.inputs["allowedAccountIds"]))).toEqual([expect.any(String)]);
  });
});
