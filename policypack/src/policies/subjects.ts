// What a GPU or AI resource is, for every policy that asks "is this accelerator capacity or an AI
// service?" (placement, accounts). One definition, so the policies agree.
import { countsAsExportControlled } from "../catalogue/accelerators";
import type { ResolvedSettings } from "../config";
import type { ResourceFacts } from "../facts/types";
import type { Subject } from "../findings";

/** Accelerator selections that count under the acceleratorScope setting. */
export function acceleratorSubject(
  facts: ResourceFacts,
  settings: Pick<ResolvedSettings, "acceleratorScope">,
): Subject | undefined {
  if (!facts.compute) return undefined;
  const uses =
    settings.acceleratorScope === "export-controlled"
      ? facts.compute.accelerators.filter((u) =>
          countsAsExportControlled(u.info.chip.exportControl),
        )
      : facts.compute.accelerators;
  const linked = (facts.compute.links?.length ?? 0) > 0;
  if (uses.length === 0 && facts.compute.computed.length === 0 && !linked) return undefined;
  return { kind: "accelerator", uses, computed: facts.compute.computed };
}

export function aiServiceSubject(facts: ResourceFacts): Subject | undefined {
  return facts.aiService ? { kind: "ai-service", service: facts.aiService } : undefined;
}

/** Whether the subject certainly is GPU/AI (not merely possibly, through a computed value). */
export function isDefinite(subject: Subject): boolean {
  return subject.kind === "ai-service" || subject.uses.length > 0;
}

/** Whether the facts could concern a GPU/AI policy at all, whatever the settings. */
export function mayBeGpuOrAi(facts: ResourceFacts): boolean {
  return (
    facts.aiService !== undefined ||
    (facts.compute !== undefined &&
      (facts.compute.accelerators.length > 0 ||
        facts.compute.computed.length > 0 ||
        (facts.compute.links?.length ?? 0) > 0))
  );
}
