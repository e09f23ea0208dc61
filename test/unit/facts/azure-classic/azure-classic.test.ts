// Classic Azure (@pulumi/azure) facts: VM sizes through the Azure catalogue, placement through the
// azure-native logic (location, provider, `azure:location`, `environment`), and children whose
// location is their parent's (AKS node pools, ML computes, Cognitive deployments).
import {
  describeAccounts,
  indexStack,
  resolveInheritedPlacement,
} from "../../../../policypack/src/facts";
import type { ResourceView } from "../../../../policypack/src/facts/types";
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
} from "../../../support/facts/packages";

const VM = "azure:compute/linuxVirtualMachine:LinuxVirtualMachine";
const AKS = "azure:containerservice/kubernetesCluster:KubernetesCluster";
const POOL = "azure:containerservice/kubernetesClusterNodePool:KubernetesClusterNodePool";

const vm = resource(VM, { size: "Standard_ND96asr_v4", location: "westeurope" });

function stackPlacement(child: ResourceView, stack: ResourceView[], ctx = context()): string {
  const facts = factsOf(child, ctx);
  return where(resolveInheritedPlacement(child, facts, indexStack(stack, ctx), ctx));
}

describe("classic Azure compute", () => {
  it("reads a VM size with the Azure catalogue", () => {
    expect(chipsOf(vm)).toEqual(["NVIDIA A100 (40/80 GB)"]);
    expect(factsOf(vm).cloud).toBe("azure");
  });

  it("reads scale set SKUs and the AKS default node pool", () => {
    const vmss = resource("azure:compute/linuxVirtualMachineScaleSet:LinuxVirtualMachineScaleSet", {
      sku: "Standard_NC24ads_A100_v4",
      location: "eastus",
    });
    expect(pathsOf(vmss)).toEqual(["sku"]);
    const aks = resource(AKS, {
      location: "eastus",
      defaultNodePool: { vmSize: "Standard_NC6s_v3" },
    });
    expect(pathsOf(aks)).toEqual(["defaultNodePool.vmSize"]);
  });

  it("reads a MIG profile on a node pool whose size it does not know", () => {
    const pool = resource(POOL, { vmSize: "Standard_XYZ9", gpuInstance: "MIG1g" });
    expect(pathsOf(pool)).toEqual(["gpuInstance"]);
  });

  it("finds no accelerator in a CPU size", () => {
    expect(chipsOf(withProps(vm, { size: "Standard_D4s_v5" }))).toEqual([]);
  });

  it("treats Cognitive accounts as an AI service", () => {
    const account = resource("azure:cognitive/account:Account", {
      kind: "OpenAI",
      location: "eastus",
    });
    expect(factsOf(account).aiService?.entry.service).toBe(
      "Azure AI services (Azure OpenAI / Cognitive Services)",
    );
  });
});

describe("classic Azure placement", () => {
  it("normalises display names", () => {
    expect(where(placementOf(withProps(vm, { location: "China East 2" })))).toBe("chinaeast2 CN");
  });

  it("places every resource of a provider with environment china in CN", () => {
    const r = withProvider(vm, explicitProvider("azure", "cn", { environment: "china" }));
    expect(where(placementOf(withProps(r, { location: "eastus" })))).toContain("CN");
  });

  it("reads stack config azure:location, not azure-native:location", () => {
    const r = withProps(vm, { location: undefined });
    const p = placementOf(
      r,
      context({ "azure-native:location": "eastus", "azure:location": "chinanorth3" }),
    );
    expect(where(p)).toBe("chinanorth3 CN");
    expect(p.status === "resolved" && p.origin.detail).toBe("stack config `azure:location`");
  });

  it("stops at a computed location", () => {
    expect(placementOf(withProps(vm, { location: UNKNOWN })).status).toBe("computed");
  });
});

describe("classic Azure children at stack level", () => {
  const cluster = resource(
    AKS,
    { location: "chinaeast2", defaultNodePool: { vmSize: "Standard_D4s_v5" } },
    { name: "aks" },
  );
  const pool = resource(
    POOL,
    { kubernetesClusterId: UNKNOWN, vmSize: "Standard_NC24ads_A100_v4" },
    { name: "gpu", propertyDependencies: { kubernetesClusterId: [cluster.urn] } },
  );

  it("defers a node pool to its cluster", () => {
    expect(placementOf(pool).status).toBe("inherited");
  });

  it("takes the cluster's location through the property dependency", () => {
    expect(stackPlacement(pool, [cluster, pool])).toBe("chinaeast2 CN");
  });

  it("finds the cluster by the name in a literal ID", () => {
    const named = withProps(resource(POOL, { vmSize: "Standard_NC6s_v3" }, { name: "p2" }), {
      kubernetesClusterId:
        "/subscriptions/0000/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/aks1",
    });
    const aks1 = withProps(cluster, { name: "aks1" });
    expect(stackPlacement(named, [aks1, named])).toBe("chinaeast2 CN");
  });

  it("falls back to stack config when the cluster is not in the stack", () => {
    expect(stackPlacement(pool, [pool], context({ "azure:location": "eastus" }))).toBe("eastus US");
  });

  it("is unresolved, saying what it tried, when nothing names a location", () => {
    const facts = factsOf(pool);
    const p = resolveInheritedPlacement(pool, facts, indexStack([pool], context()), context());
    expect(p.status).toBe("unresolved");
    expect(p.status === "unresolved" && p.tried.join("; ")).toContain("KubernetesCluster");
  });

  it("gives a Cognitive deployment its account's location", () => {
    const account = resource(
      "azure:cognitive/account:Account",
      { location: "eastasia", kind: "OpenAI" },
      { name: "oai" },
    );
    const deployment = resource(
      "azure:cognitive/deployment:Deployment",
      { cognitiveAccountId: UNKNOWN },
      { name: "gpt", dependencies: [account.urn] },
    );
    expect(stackPlacement(deployment, [account, deployment])).toBe("eastasia HK");
  });

  it("lets an ML compute instance with its own location keep it", () => {
    const ci = resource("azure:machinelearning/computeInstance:ComputeInstance", {
      machineLearningWorkspaceId: UNKNOWN,
      virtualMachineSize: "Standard_NC4as_T4_v3",
      location: "westus2",
    });
    expect(where(placementOf(ci))).toBe("westus2 US");
  });
});

describe("classic Azure accounts", () => {
  it("reads the subscription of the classic provider", () => {
    const provider = defaultProvider("azure", {
      subscriptionId: "11111111-2222-3333-4444-555555555555",
    });
    const ties = describeAccounts(withProvider(vm, provider), context())?.ties ?? [];
    expect(ties.map((t) => t.kind)).toContain("azure-subscription");
  });
});
