// Stack phase: children whose location belongs to a parent (AKS AgentPool -> ManagedCluster,
// Cognitive Services Deployment -> Account …), found through property dependencies, the Pulumi
// parent, the parent's name, or a single dependency; and what happens when no parent is found.
import { indexStack, resolveInherited } from "../../../../policypack/src/facts/azure";
import type { Placement, ResourceView } from "../../../../policypack/src/facts/types";
import {
  UNKNOWN,
  azureProviderView,
  azureResource,
  fakeContext,
} from "../../../support/facts/azure";

const POOL = "azure-native:containerservice:AgentPool";
const AKS = "azure-native:containerservice:ManagedCluster";
const ctx = fakeContext();

function cluster(name: string, props: Record<string, unknown> = {}): ResourceView {
  return azureResource(
    AKS,
    { resourceGroupName: "rg", resourceName: name, location: "chinaeast2", ...props },
    { name },
  );
}

function pool(
  props: Record<string, unknown> = {},
  opts: Parameters<typeof azureResource>[2] = {},
): ResourceView {
  return azureResource(
    POOL,
    { resourceGroupName: "rg", resourceName: UNKNOWN, vmSize: "Standard_ND96asr_v4", ...props },
    { name: "gpu-pool", ...opts },
  );
}

function resolved(p: Placement): Extract<Placement, { status: "resolved" }> {
  if (p.status !== "resolved")
    throw new Error(`expected a resolved placement, got ${JSON.stringify(p)}`);
  return p;
}

describe("finding the parent", () => {
  it("follows the property dependencies of the property that names the parent", () => {
    const aks = cluster("gpu-aks");
    const child = pool({}, { propertyDependencies: { resourceName: [aks.urn] } });
    const p = resolved(resolveInherited(child, POOL, [aks, child], ctx));
    expect(p).toMatchObject({ region: "chinaeast2", country: "CN" });
    expect(p.origin).toEqual({
      kind: "parent",
      detail: "location of parent ManagedCluster `gpu-aks`",
    });
  });

  it("prefers the property dependency over a cluster of the same name", () => {
    const named = cluster("aks", { location: "westeurope" });
    const depended = azureResource(
      AKS,
      { resourceGroupName: "rg", resourceName: "other", location: "eastasia" },
      { name: "other" },
    );
    const child = pool(
      { resourceName: "aks" },
      { propertyDependencies: { resourceName: [depended.urn] } },
    );
    expect(resolved(resolveInherited(child, POOL, [named, depended, child], ctx)).country).toBe(
      "HK",
    );
  });

  it("skips property dependencies that are not of the parent kind", () => {
    const rg = azureResource(
      "azure-native:resources:ResourceGroup",
      { location: "westeurope" },
      { name: "rg" },
    );
    const aks = cluster("aks");
    const child = pool(
      { resourceName: "aks" },
      { propertyDependencies: { resourceName: [rg.urn] } },
    );
    expect(resolved(resolveInherited(child, POOL, [rg, aks, child], ctx)).country).toBe("CN");
  });

  it("follows the Pulumi parent", () => {
    const aks = cluster("gpu-aks");
    const child = pool({}, { parent: aks.urn });
    expect(resolved(resolveInherited(child, POOL, [aks, child], ctx)).origin.detail).toBe(
      "location of parent ManagedCluster `gpu-aks`",
    );
  });

  it("does not take a component parent for the cluster", () => {
    const component = azureResource("my:index:GpuCluster", {}, { name: "comp" });
    const child = pool(
      {},
      { parent: component.urn, provider: azureProviderView({ location: "westeurope" }) },
    );
    const p = resolved(resolveInherited(child, POOL, [component, child], ctx));
    expect(p.origin.kind).toBe("provider");
  });

  it("matches the parent's name case-insensitively within the resource group", () => {
    const aks = cluster("GPU-AKS");
    const child = pool({ resourceName: "gpu-aks" });
    expect(resolved(resolveInherited(child, POOL, [aks, child], ctx)).country).toBe("CN");
  });

  it("matches the output `name` when the parent has no name input (stack outputs)", () => {
    const aks = azureResource(AKS, { name: "gpu-aks", location: "eastasia" }, { name: "gpu-aks" });
    const child = pool({ resourceName: "gpu-aks" });
    expect(resolved(resolveInherited(child, POOL, [aks, child], ctx)).country).toBe("HK");
  });

  it("keeps apart clusters of the same name in different resource groups", () => {
    const inRgA = azureResource(
      AKS,
      { resourceGroupName: "rg-a", resourceName: "aks", location: "westeurope" },
      { name: "a" },
    );
    const inRgB = azureResource(
      AKS,
      { resourceGroupName: "rg-b", resourceName: "aks", location: "chinanorth3" },
      { name: "b" },
    );
    const child = pool({ resourceGroupName: "RG-B", resourceName: "aks" });
    expect(resolved(resolveInherited(child, POOL, [inRgA, inRgB, child], ctx)).region).toBe(
      "chinanorth3",
    );
  });

  it("reads the parent's resource group from its id when it has no resourceGroupName", () => {
    const id =
      "/subscriptions/0000/resourceGroups/rg-b/providers/Microsoft.ContainerService/managedClusters/aks";
    const inRgA = azureResource(
      AKS,
      { resourceGroupName: "rg-a", resourceName: "aks", location: "westeurope" },
      { name: "a" },
    );
    const inRgB = azureResource(AKS, { id, name: "aks", location: "chinanorth3" }, { name: "b" });
    const child = pool({ resourceGroupName: "rg-b", resourceName: "aks" });
    expect(resolved(resolveInherited(child, POOL, [inRgA, inRgB, child], ctx)).region).toBe(
      "chinanorth3",
    );
  });

  it("does not guess between clusters it cannot tell apart", () => {
    const a = azureResource(AKS, { resourceName: "aks", location: "westeurope" }, { name: "a" });
    const b = azureResource(AKS, { resourceName: "aks", location: "chinanorth3" }, { name: "b" });
    const child = pool({ resourceGroupName: undefined, resourceName: "aks" }, { provider: null });
    const p = resolveInherited(child, POOL, [a, b, child], ctx);
    expect(p.status).toBe("unresolved");
    expect(p.status === "unresolved" && p.tried).toContain("name `aks` (2 matching parents)");
  });

  it("takes the only dependency of the parent kind when nothing else names it", () => {
    const aks = cluster("gpu-aks");
    const child = pool({}, { dependencies: [aks.urn] });
    expect(resolved(resolveInherited(child, POOL, [aks, child], ctx)).country).toBe("CN");
  });

  it("resolves other parent kinds: a Cognitive Services deployment through its account", () => {
    const kind = "azure-native:cognitiveservices:Deployment";
    const account = azureResource(
      "azure-native:cognitiveservices:Account",
      { resourceGroupName: "rg", accountName: "oai", kind: "OpenAI", location: "UAE North" },
      { name: "oai" },
    );
    const deployment = azureResource(kind, {
      resourceGroupName: "rg",
      accountName: "oai",
      sku: { name: "Standard" },
    });
    const p = resolved(resolveInherited(deployment, kind, [account, deployment], ctx));
    expect(p).toMatchObject({ region: "uaenorth", country: "AE" });
    expect(p.origin.detail).toBe("location of parent Account `oai`");
  });

  it("resolves a Batch pool through its account under a versioned token", () => {
    const token = "azure-native:batch/v20240701:Pool";
    const account = azureResource(
      "azure-native:batch/v20240701:BatchAccount",
      { resourceGroupName: "rg", accountName: "batch1", location: "chinaeast3" },
      { name: "batch1" },
    );
    const p = azureResource(token, {
      resourceGroupName: "rg",
      accountName: "batch1",
      vmSize: "Standard_NC6s_v3",
    });
    expect(resolved(resolveInherited(p, token, [account, p], ctx)).country).toBe("CN");
  });
});

describe("what the parent gives", () => {
  it("says where the parent's own location came from when it is not its input", () => {
    const aks = azureResource(
      AKS,
      { resourceGroupName: "rg", resourceName: "aks" },
      {
        name: "aks",
        provider: azureProviderView({ location: "chinanorth2" }),
      },
    );
    const child = pool({ resourceName: "aks" });
    const p = resolved(resolveInherited(child, POOL, [aks, child], ctx));
    expect(p.origin.detail).toBe(
      "location of parent ManagedCluster `aks` (its provider `location`)",
    );
  });

  it("passes on a computed parent location", () => {
    const aks = cluster("aks", { location: UNKNOWN });
    const child = pool({ resourceName: "aks" });
    expect(resolveInherited(child, POOL, [aks, child], ctx)).toEqual({
      status: "computed",
      cloud: "azure",
      path: "location",
      origin: { kind: "parent", detail: "location of parent ManagedCluster `aks`" },
    });
  });

  it("falls back to the child's provider when the parent has no location at all", () => {
    const aks = azureResource(
      AKS,
      { resourceGroupName: "rg", resourceName: "aks" },
      { name: "aks", provider: null },
    );
    const child = pool(
      { resourceName: "aks" },
      { provider: azureProviderView({ location: "eastasia" }) },
    );
    const p = resolved(resolveInherited(child, POOL, [aks, child], ctx));
    expect(p).toMatchObject({ country: "HK", origin: { kind: "provider" } });
  });
  it("says which parent it found when that parent has no location either", () => {
    const aks = azureResource(
      AKS,
      { resourceGroupName: "rg", resourceName: "aks" },
      { name: "aks", provider: azureProviderView({}) },
    );
    const child = pool({ resourceName: "aks" }, { provider: azureProviderView({}) });
    const p = resolveInherited(child, POOL, [aks, child], ctx);
    expect(p.status === "unresolved" && p.tried).toContain(
      "parent ManagedCluster `aks`, found by name `aks` (tried resource input `location`, " +
        "provider `location`, stack config `azure-native:location`, provider `environment`, " +
        "stack config `azure-native:environment`, environment variable `ARM_ENVIRONMENT`)",
    );
  });
});

describe("no parent in the stack", () => {
  it("falls back to the provider's location", () => {
    const child = pool({}, { provider: azureProviderView({ location: "westeurope" }) });
    const p = resolved(resolveInherited(child, POOL, [child], ctx));
    expect(p).toMatchObject({ region: "westeurope", origin: { kind: "provider" } });
  });

  it("falls back to stack config, then the cloud", () => {
    const child = pool({}, { provider: azureProviderView({}) });
    expect(
      resolved(
        resolveInherited(
          child,
          POOL,
          [child],
          fakeContext({ "azure-native:location": "chinanorth" }),
        ),
      ).country,
    ).toBe("CN");
    expect(
      resolved(
        resolveInherited(
          child,
          POOL,
          [child],
          fakeContext({ "azure-native:environment": "china" }),
        ),
      ).origin.kind,
    ).toBe("environment");
  });

  it("is unresolved with every step it tried", () => {
    const child = pool({ resourceName: "missing" }, { provider: azureProviderView({}) });
    const p = resolveInherited(child, POOL, [child], ctx);
    expect(p.status).toBe("unresolved");
    if (p.status !== "unresolved") return;
    expect(p.tried).toEqual([
      "resource input `location`",
      "property dependencies of `resourceName`",
      "Pulumi parent",
      "name `missing` in the stack",
      "dependencies",
      "parent ManagedCluster named by `resourceName`: not found",
      "provider `location`",
      "stack config `azure-native:location`",
      "provider `environment`, stack config `azure-native:environment`, environment variable `ARM_ENVIRONMENT`",
    ]);
  });

  it("gives a resource with its own location its ordinary placement", () => {
    const aks = cluster("aks");
    expect(resolved(resolveInherited(aks, AKS, [aks], ctx)).origin.kind).toBe("resource");
  });
});

describe("large stacks", () => {
  function bigStack(clusters: number): { stack: ResourceView[]; pools: ResourceView[] } {
    const stack: ResourceView[] = [];
    const pools: ResourceView[] = [];
    for (let i = 0; i < clusters; i++) {
      const aks = azureResource(
        AKS,
        {
          resourceGroupName: `rg${i % 50}`,
          resourceName: `aks${i}`,
          location: i % 2 ? "chinaeast2" : "westeurope",
        },
        { name: `aks${i}` },
      );
      const child = azureResource(
        POOL,
        { resourceGroupName: `rg${i % 50}`, resourceName: `aks${i}` },
        { name: `pool${i}` },
      );
      stack.push(aks, child);
      pools.push(child);
    }
    return { stack, pools };
  }

  it("resolves every child of a 100k-resource stack against one index", () => {
    const { stack, pools } = bigStack(50_000);
    const started = Date.now();
    const index = indexStack(stack);
    const countries = pools.map((child) => {
      const p = resolveInherited(child, POOL, index, ctx);
      return p.status === "resolved" ? p.country : p.status;
    });
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(countries.filter((c) => c === "CN")).toHaveLength(25_000);
    expect(countries.filter((c) => c === "NL")).toHaveLength(25_000);
  });

  it("indexes a plain array once and reuses it for later children", () => {
    const { stack, pools } = bigStack(20_000);
    const first = pools[0];
    if (!first) throw new Error("empty stack");
    resolveInherited(first, POOL, stack, ctx);
    const started = Date.now();
    for (const child of pools) resolveInherited(child, POOL, stack, ctx);
    // Re-indexing 40k resources for each of 20k children would take minutes.
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});
