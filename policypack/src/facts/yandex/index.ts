// Yandex Cloud (@pulumi/yandex, `yandex:`) facts: which GPUs a resource selects and where it
// lands. Tokens and inputs were checked against pulumi/pulumi-yandex sdk/nodejs (ComputeInstance
// `platformId`, `resources.gpus`, `zone`; ComputeInstanceGroup and KubernetesNodeGroup
// `instanceTemplate.{platformId, resources.gpus}`, `allocationPolicy.zones[]` /
// `allocationPolicy.locations[].zone`).
//
// A GPU platform decides by its chip ("gpu-standard-v3" → A100); a GPU count above zero on any
// other platform is a GPU of unspecified model. Zone: the resource's own, else the provider's
// `zone` (stack config `yandex:zone` for the default provider), else YC_ZONE; the provider has
// no default zone, so nothing named is unresolved.
import { unspecifiedAccelerator } from "../../catalogue/accelerators";
import { classifyYandexPlatform } from "../../catalogue/other-accelerators";
import { Computed, read } from "../../values";
import type { ComputeExtractor } from "../compute";
import type { Part } from "../common/paths";
import { extractor, typesAt } from "../common/paths";
import { readListedCloudRegion } from "../common/listed-cloud";
import { chainPlacement, declaredChain } from "../common/placement-chain";
import type { EvalContext, Placement, ResourceView } from "../types";

function asCount(v: unknown): number | undefined {
  const n = typeof v === "number" ? v : typeof v === "string" ? Number(v) : Number.NaN;
  return Number.isFinite(n) ? n : undefined;
}

/** A GPU count above zero at `path`, as a GPU of unspecified model. */
function gpuCount(path: string): Part {
  return (c, root) => {
    const v = read(root, path);
    if (v instanceof Computed) c.computed(v.path);
    else if ((asCount(v) ?? 0) > 0) {
      c.use({
        path,
        value: String(v),
        info: unspecifiedAccelerator("Yandex Cloud VM GPU count", "NVIDIA"),
      });
    }
  };
}

/** The platform under `base` decides; failing that, a GPU count above zero. */
function compute(base: string): ComputeExtractor {
  const at = (p: string): string => (base ? `${base}.${p}` : p);
  const byPlatform = extractor(classifyYandexPlatform, typesAt(at("platformId")));
  const byCount = extractor(classifyYandexPlatform, gpuCount(at("resources.gpus")));
  return (props) => {
    const platform = byPlatform(props);
    if (platform.accelerators.length > 0) return platform;
    const count = byCount(props);
    return {
      accelerators: count.accelerators,
      computed: [...new Set([...platform.computed, ...count.computed])],
    };
  };
}

export const YANDEX_COMPUTE_EXTRACTORS: ReadonlyMap<string, ComputeExtractor> = new Map<
  string,
  ComputeExtractor
>([
  ["yandex:index/computeInstance:ComputeInstance", compute("")],
  ["yandex:index/computeInstanceGroup:ComputeInstanceGroup", compute("instanceTemplate")],
  ["yandex:index/kubernetesNodeGroup:KubernetesNodeGroup", compute("instanceTemplate")],
]);

export const YANDEX_PROVIDER_TYPE = "pulumi:providers:yandex";

const CHAIN = declaredChain({
  cloud: "yandex",
  providerType: YANDEX_PROVIDER_TYPE,
  resourceInputs: ["zone", "allocationPolicy.zones[0]", "allocationPolicy.locations[0].zone"],
  providerInputs: ["zone"],
  configKeys: ["yandex:zone"],
  envVars: ["YC_ZONE"],
  read: (written) => readListedCloudRegion("yandex", written),
});

export function yandexPlacement(
  resource: ResourceView,
  _token: string,
  ctx: EvalContext,
): Placement {
  return chainPlacement(resource, ctx, CHAIN);
}
