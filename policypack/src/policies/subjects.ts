// What a GPU or AI resource is, for every policy that asks "is this accelerator capacity or an AI
// service?" (placement, accounts). One definition, so the policies agree.
import { countsAsExportControlled } from "../catalogue/accelerators";
import type { ResolvedSettings } from "../config";
import type { ResourceNature } from "../facts/types";
import type { Subject } from "../findings";

/** Accelerator selections that count under the acceleratorScope setting. */
export function acceleratorSubject(
  facts: ResourceNature,
  settings: Pick<ResolvedSettings, "acceleratorScope">,
): Subject | undefined {
  if (!facts.compute) return undefined;
  const uses =
    settings.acceleratorScope === "export-controlled"
      ? facts.compute.accelerators.filter((u) =>
          countsAsExportControlled(u.info.chip.exportControl),
        )
      : facts.compute.accelerators;
  const unresolved = facts.compute.unresolved ?? [];
  const linked = (facts.compute.links?.length ?? 0) > 0;
  if (
    uses.length === 0 &&
    facts.compute.computed.length === 0 &&
    unresolved.length === 0 &&
    !linked
  ) {
    return undefined;
  }
  return {
    kind: "accelerator",
    uses,
    computed: facts.compute.computed,
    unresolved,
    ...(facts.compute.workload === true ? { workload: true } : {}),
  };
}

export function aiServiceSubject(facts: ResourceNature): Subject | undefined {
  return facts.aiService ? { kind: "ai-service", service: facts.aiService } : undefined;
}

/**
 * Whether the subject is judged as GPU/AI for certain: it is, or it may be through a value the pack
 * can never read (unresolved: fails closed), not merely through a value computed during preview.
 */
export function isDefinite(subject: Subject): boolean {
  return subject.kind === "ai-service" || subject.uses.length > 0 || subject.unresolved.length > 0;
}

/** Whether the facts could concern a GPU/AI policy at all, whatever the settings. */
export function mayBeGpuOrAi(facts: ResourceNature): boolean {
  return (
    facts.aiService !== undefined ||
    (facts.compute !== undefined &&
      (facts.compute.accelerators.length > 0 ||
        facts.compute.computed.length > 0 ||
        (facts.compute.unresolved?.length ?? 0) > 0 ||
        (facts.compute.links?.length ?? 0) > 0))
  );
}
