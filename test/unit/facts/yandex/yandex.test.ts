// Yandex Cloud (@pulumi/yandex): GPU platforms and GPU counts of VMs, instance groups and Managed
// Kubernetes node groups, placed by zone (resource, provider, stack config, YC_ZONE) in Russia.
import { gpuInRestrictedJurisdiction as gpu } from "../../../../policypack/src/policies/gpu-in-restricted-jurisdiction";
import { evaluate } from "../../../support/policies";
import {
  UNKNOWN,
  chipsOf,
  context,
  defaultProvider,
  factsOf,
  pathsOf,
  placementOf,
  resource,
  where,
} from "../../../support/facts/packages";

const VM = "yandex:index/computeInstance:ComputeInstance";
const GROUP = "yandex:index/computeInstanceGroup:ComputeInstanceGroup";
const NODES = "yandex:index/kubernetesNodeGroup:KubernetesNodeGroup";

const a100 = { platformId: "gpu-standard-v3", resources: { cores: 28, memory: 119, gpus: 1 } };

describe("Yandex Cloud GPU platforms and counts", () => {
  it.each([
    ["gpu-standard-v1", "NVIDIA V100"],
    ["gpu-standard-v3", "NVIDIA A100 (40/80 GB)"],
    ["standard-v3-t4", "NVIDIA T4"],
  ])("reads platform %s as %s", (platformId, chip) => {
    const r = resource(VM, {
      zone: "ru-central1-a",
      platformId,
      resources: { cores: 8, memory: 32 },
    });
    expect(chipsOf(r)).toEqual([expect.stringContaining(chip.split(" (")[0] ?? chip)]);
  });

  it("catches an uncatalogued GPU platform by its name, and a GPU count on another platform", () => {
    const v4 = resource(VM, {
      zone: "ru-central1-a",
      platformId: "gpu-standard-v4",
      resources: {},
    });
    expect(factsOf(v4).compute?.accelerators[0]?.info.catalogued).toBe(false);
    const count = resource(VM, { platformId: "standard-v3", resources: { gpus: 2 } });
    expect(pathsOf(count)).toEqual(["resources.gpus"]);
  });

  it("reads instance templates of instance groups and Kubernetes node groups", () => {
    expect(pathsOf(resource(GROUP, { instanceTemplate: a100 }))).toEqual([
      "instanceTemplate.platformId",
    ]);
    expect(pathsOf(resource(NODES, { instanceTemplate: { resources: { gpus: 1 } } }))).toEqual([
      "instanceTemplate.resources.gpus",
    ]);
  });

  it("passes a CPU VM and notes a computed platform", () => {
    expect(pathsOf(resource(VM, { platformId: "standard-v3", resources: { cores: 2 } }))).toEqual(
      [],
    );
    expect(factsOf(resource(VM, { platformId: UNKNOWN, resources: {} })).compute?.computed).toEqual(
      ["platformId"],
    );
  });
});

describe("Yandex Cloud placement", () => {
  it("reads the resource's zone, the group's allocation zones and the provider's zone", () => {
    expect(where(placementOf(resource(VM, { zone: "ru-central1-b", ...a100 })))).toBe(
      "yandex:ru-central1 RU",
    );
    const group = resource(GROUP, {
      instanceTemplate: a100,
      allocationPolicy: { zones: ["kz1-a"] },
    });
    expect(where(placementOf(group))).toBe("yandex:kz1 KZ");
    const viaProvider = resource(VM, a100, {
      provider: defaultProvider("yandex", { zone: "ru-central1-d" }),
    });
    expect(where(placementOf(viaProvider))).toBe("yandex:ru-central1 RU");
    expect(where(placementOf(resource(VM, a100), context({}, { YC_ZONE: "ru-central1-a" })))).toBe(
      "yandex:ru-central1 RU",
    );
  });

  it("denies an A100 VM in ru-central1 and fails closed when no zone is named", () => {
    expect(evaluate(gpu, resource(VM, { zone: "ru-central1-a", ...a100 })).kind).toBe("violation");
    expect(evaluate(gpu, resource(VM, a100)).kind).toBe("violation");
  });

  it("passes a CPU VM in ru-central1, and a GPU VM placed by an allowed region", () => {
    const cpu = resource(VM, { zone: "ru-central1-a", platformId: "standard-v3", resources: {} });
    expect(evaluate(gpu, cpu).kind).toBe("pass");
    const allowed = resource(VM, { zone: "ru-central1-a", ...a100 });
    expect(evaluate(gpu, allowed, { allowedRegions: ["yandex:ru-central1"] }).kind).toBe("pass");
  });
});
