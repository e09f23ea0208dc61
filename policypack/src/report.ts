// The one place that words findings: what was found, where, why, and how to fix it.
// Policies decide and hand a Finding here; nothing else composes user-facing text.
import type { ConfigError } from "./config";
import { countryName } from "./data/jurisdictions";
import type { ChipEntry } from "./data/types";
import type { AcceleratorUse, AiServiceFacts, Placement } from "./facts/types";
import type { PlacementVerdict } from "./policies/placement-verdict";

/** What the resource is, for the policy at hand. */
export type Subject =
  | {
      readonly kind: "accelerator";
      readonly uses: readonly AcceleratorUse[];
      /** Properties that would name an instance type but are computed during preview. */
      readonly computed: readonly string[];
    }
  | { readonly kind: "ai-service"; readonly service: AiServiceFacts };

export interface ResourceRef {
  readonly type: string;
  readonly name: string;
}

export type Finding =
  | {
      readonly kind: "placement";
      readonly subject: Subject;
      readonly verdict: Extract<
        PlacementVerdict,
        { kind: "restricted" | "unknown-region" | "unresolved" }
      >;
    }
  /** Something needed for the decision is computed during preview: an advisory note. */
  | {
      readonly kind: "computed";
      readonly subject: Subject;
      readonly verdict: PlacementVerdict;
    }
  | {
      readonly kind: "invalid-config";
      readonly policy: string;
      readonly errors: readonly ConfigError[];
    }
  | { readonly kind: "internal-error"; readonly policy: string; readonly detail: string };

const MAX_LISTED = 3;

function listed<T>(items: readonly T[], word: (t: T) => string): string {
  const shown = items.slice(0, MAX_LISTED).map(word);
  const more = items.length - shown.length;
  return shown.join("; ") + (more > 0 ? `; and ${more} more` : "");
}

function chipText(chip: ChipEntry): string {
  const control =
    chip.exportControl === "controlled"
      ? "export-controlled, ECCN 3A090"
      : chip.exportControl === "uncertain"
        ? "export-control status unsettled, treated as controlled"
        : "not export-controlled";
  return `${chip.name}, ${control}`;
}

function useText(u: AcceleratorUse): string {
  const family = u.info.catalogued ? "" : ` (uncatalogued ${u.info.family} family)`;
  return `${u.value}${family} [${chipText(u.info.chip)}] at \`${u.path}\``;
}

function subjectText(s: Subject): string {
  if (s.kind === "accelerator") {
    if (s.uses.length === 0) {
      return `may select accelerator hardware: ${s.computed.map((p) => `\`${p}\``).join(", ")} is computed`;
    }
    return `selects accelerator hardware ${listed(s.uses, useText)}`;
  }
  const detail = s.service.detail ? ` (${s.service.detail})` : "";
  return `is an AI service: ${s.service.entry.service} ${s.service.entry.kind}${detail}`;
}

function countryText(code: string): string {
  const name = countryName(code);
  return name ? `${name} (${code})` : code;
}

function whereText(p: Extract<Placement, { status: "resolved" }>): string {
  const place = p.entry ? `${p.entry.place}, ` : "";
  const country = p.country ? countryText(p.country) : "country unknown";
  const written = p.written !== p.region ? ` (written "${p.written}")` : "";
  return `${p.region}${written} (${place}${country}), from ${p.origin.detail}`;
}

const FIX_PLACE =
  "place it in a region outside the restricted jurisdictions (set the region/location on the " +
  "resource or its provider)";

function fixFor(subject: Subject): string {
  return subject.kind === "accelerator"
    ? `${FIX_PLACE}, or choose an instance type or size without accelerators`
    : `${FIX_PLACE}, or remove the AI service from this stack`;
}

function headline(ref: ResourceRef, subject: Subject): string {
  return `${ref.type} "${ref.name}" ${subjectText(subject)}.`;
}

function placementFinding(ref: ResourceRef, f: Extract<Finding, { kind: "placement" }>): string {
  const v = f.verdict;
  const lines = [headline(ref, f.subject)];
  switch (v.kind) {
    case "restricted": {
      lines.push(`Where: ${whereText(v.placement)}.`);
      if (v.rule.by === "restrictedRegions") {
        lines.push(`Why: region ${v.placement.region} is listed in restrictedRegions.`);
        lines.push(`Fix: ${fixFor(f.subject)}.`);
      } else {
        const via = v.rule.via.map((i) => `"${i}"`).join(", ");
        lines.push(
          `Why: ${countryText(v.rule.country)} is a restricted jurisdiction (restrictedJurisdictions: ${via}).`,
        );
        lines.push(
          `Fix: ${fixFor(f.subject)}; if this placement has been approved, add "${v.placement.region}" to allowedRegions in the policy config.`,
        );
      }
      break;
    }
    case "unknown-region":
      lines.push(`Where: ${whereText(v.placement)}.`);
      lines.push(
        `Why: jurisdiction-guard cannot tell which country region "${v.placement.region}" is in, so it cannot show the placement is allowed.`,
      );
      lines.push(
        `Fix: check the region name; if it is a new region, update jurisdiction-guard, or add it to allowedRegions or restrictedRegions in the policy config.`,
      );
      break;
    case "unresolved":
      lines.push(`Where: unknown; looked at ${v.placement.tried.join(", ")}.`);
      lines.push(
        "Why: a GPU or AI resource whose region cannot be resolved could land in a restricted jurisdiction.",
      );
      lines.push(
        "Fix: make the placement explicit: set the region/location on the resource or its explicit provider, or set the stack config (aws:region, azure-native:location).",
      );
      break;
  }
  return lines.join("\n");
}

function computedFinding(ref: ResourceRef, f: Extract<Finding, { kind: "computed" }>): string {
  const v = f.verdict;
  const lines = [headline(ref, f.subject)];
  if (v.kind === "computed") {
    lines.push(
      `Where: not known during preview: \`${v.placement.path}\` (${v.placement.origin.detail}) is computed.`,
    );
  } else if (v.kind === "restricted" || v.kind === "allowed" || v.kind === "unknown-region") {
    lines.push(`Where: ${whereText(v.placement)}.`);
  }
  lines.push(
    "Note: the decision depends on a value computed during preview; it is checked again at `pulumi up`, where a restricted placement is denied.",
  );
  return lines.join("\n");
}

/** The message of a finding (the SDK prefixes the policy description). */
export function wordFinding(ref: ResourceRef, f: Finding): string {
  switch (f.kind) {
    case "placement":
      return placementFinding(ref, f);
    case "computed":
      return computedFinding(ref, f);
    case "invalid-config":
      return [
        `The configuration of policy ${f.policy} is invalid, so ${ref.type} "${ref.name}" cannot be shown to be allowed:`,
        ...f.errors.map((e) => `- ${e.field}: ${e.problem}; fix: ${e.fix}.`),
      ].join("\n");
    case "internal-error":
      return [
        `Policy ${f.policy} could not evaluate ${ref.type} "${ref.name}", so it is not let through: ${f.detail}`,
        "Fix: report this to the jurisdiction-guard maintainers with the resource's type and inputs (no secrets).",
      ].join("\n");
  }
}
