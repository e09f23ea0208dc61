// The shared decision: is a placement inside a restricted jurisdiction under these settings?
import type { ResolvedSettings } from "../config";
import { regionKey } from "../config";
import type { Placement } from "../facts/types";
import type { PlacementVerdict } from "../findings";

export function judgePlacement(placement: Placement, settings: ResolvedSettings): PlacementVerdict {
  switch (placement.status) {
    case "computed":
      return { kind: "computed", placement };
    case "unresolved":
      return { kind: "unresolved", placement };
    case "inherited":
      return { kind: "inherited", placement };
    case "resolved": {
      const key = regionKey(placement.region);
      if (settings.allowedRegions.has(key)) {
        return { kind: "allowed", placement, by: "allowedRegions" };
      }
      if (settings.restrictedRegions.has(key)) {
        return { kind: "restricted", placement, rule: { by: "restrictedRegions" } };
      }
      if (placement.country === undefined) return { kind: "unknown-region", placement };
      const via = settings.restricted.get(placement.country);
      if (via) {
        return {
          kind: "restricted",
          placement,
          rule: { by: "jurisdiction", country: placement.country, via },
        };
      }
      return { kind: "allowed", placement, by: "jurisdiction" };
    }
  }
}

/** How strongly a verdict stands against the resource: the worst of several placements decides. */
const SEVERITY: Readonly<Record<PlacementVerdict["kind"], number>> = {
  restricted: 5,
  "unknown-region": 4,
  unresolved: 3,
  computed: 2,
  inherited: 1,
  allowed: 0,
};

/** The verdict over every place a resource runs in. */
export function judgePlacements(
  placements: readonly Placement[],
  settings: ResolvedSettings,
): PlacementVerdict {
  let worst: PlacementVerdict | undefined;
  for (const p of placements) {
    const v = judgePlacement(p, settings);
    if (!worst || SEVERITY[v.kind] > SEVERITY[worst.kind]) worst = v;
  }
  if (!worst) throw new Error("judgePlacements needs at least one placement");
  return worst;
}
