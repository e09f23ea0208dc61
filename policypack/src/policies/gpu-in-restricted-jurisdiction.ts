// gpu-in-restricted-jurisdiction: accelerator capacity (GPU, AI ASIC, FPGA) placed in a
// restricted jurisdiction.
import { policyUrl } from "./docs-url";
import type { PlacementRuleSpec } from "./placement-rule";
import { placementRule } from "./placement-rule";
import { toPolicy } from "./rule";
import { acceleratorSubject, mayBeGpuOrAi } from "./subjects";

export const gpuInRestrictedJurisdictionSpec: PlacementRuleSpec = {
  metadata: {
    name: "gpu-in-restricted-jurisdiction",
    displayName: "GPU or AI accelerator in a restricted jurisdiction",
    description:
      "Denies GPU, AI-accelerator and FPGA capacity (instance types, VM sizes, accelerator " +
      "attributes) placed in a region of a restricted jurisdiction.",
    enforcementLevel: "mandatory",
    severity: "critical",
    tags: ["jurisdiction", "export-control", "accelerator"],
    framework: {
      name: "jurisdiction-guard",
      version: "1",
      reference: "EAR 15 CFR 744.23, ECCN 3A090/4A090 (corporate control, not legal advice)",
      specification:
        "Corporate control derived from the US Export Administration Regulations on advanced computing items (ECCN 3A090/4A090, 15 CFR 744.23); not legal advice.",
    },
    remediationSteps:
      "1. Move the resource to a region outside the restricted jurisdictions: set `region` " +
      "(AWS) or `location` (Azure) on the resource or its provider. 2. Or choose an instance " +
      "type / VM size without accelerators. 3. If legal has approved this placement, add the " +
      "region to the policy's `allowedRegions` in the central pack config.",
    url: policyUrl("gpu-in-restricted-jurisdiction"),
  },
  settings: ["restrictedJurisdictions", "allowedRegions", "restrictedRegions", "acceleratorScope"],
  concerns: (facts) =>
    facts.compute !== undefined && mayBeGpuOrAi({ ...facts, aiService: undefined }),
  select(facts, settings) {
    if (!facts.compute) {
      return { kind: "not-applicable", reason: "resource kind does not select instance types" };
    }
    const subject = acceleratorSubject(facts, settings);
    return subject ? { kind: "subject", subject } : { kind: "clear" };
  },
};

export const gpuInRestrictedJurisdiction = toPolicy(placementRule(gpuInRestrictedJurisdictionSpec));
