// The one place that words findings: what was found, where, why, and how to fix it.
// Policies decide and hand a Finding here; nothing else composes user-facing text.
import type { ConfigError, Exemption, Settings } from "./config";
import type { ProviderMatch } from "./catalogue/provider-matcher";
import { countryName } from "./catalogue/jurisdictions";
import type { ChipEntry } from "./data/types";
import type {
  AcceleratorUse,
  AccountTie,
  AiServiceFacts,
  PeerIdentifier,
  Placement,
} from "./facts/types";
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

/** Why an identifier (account, ASN, region, carrier …) is restricted or listed. */
export type ListingReason =
  | { readonly by: "jurisdiction"; readonly country: string; readonly via: readonly string[] }
  | { readonly by: "restrictedAccounts"; readonly entry: Settings["restrictedAccounts"][number] }
  | { readonly by: "provider"; readonly match: ProviderMatch };

/** An account tie, or the stack's jurisdiction tag, with the reason it is restricted. */
export interface TieMatch {
  readonly tie:
    AccountTie | { readonly kind: "stack-tag"; readonly value: string; readonly path: string };
  readonly reason: ListingReason;
}

export interface PeerMatch {
  readonly peer: PeerIdentifier;
  readonly reason: ListingReason;
}

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
      readonly kind: "restricted-account";
      readonly subject: Subject;
      readonly ties: readonly TieMatch[];
    }
  | {
      readonly kind: "invalid-stack-tag";
      readonly subject: Subject;
      readonly tag: string;
      readonly value: string;
    }
  | {
      readonly kind: "listed-peer";
      readonly interconnect: string;
      readonly matches: readonly PeerMatch[];
    }
  | { readonly kind: "listed-package"; readonly matches: readonly ProviderMatch[] }
  /** Identifiers needed for the decision are computed during preview: an advisory note. */
  | {
      readonly kind: "computed-identifiers";
      readonly about:
        | { readonly kind: "account"; readonly subject: Subject }
        | { readonly kind: "peer"; readonly interconnect: string };
      readonly paths: readonly string[];
    }
  /**
   * A decision that waits for unknown values, where those values are secrets the caller could not
   * decrypt and no `pulumi up` follows (an offline scan of a stack export): a violation.
   */
  | { readonly kind: "unreadable"; readonly finding: Finding }
  /** A violation turned into an advisory note by a matching, unexpired exemption. */
  | { readonly kind: "exempted"; readonly exemption: Exemption; readonly finding: Finding }
  /** A violation whose only matching exemption has expired. */
  | { readonly kind: "exemption-expired"; readonly exemption: Exemption; readonly finding: Finding }
  | {
      readonly kind: "invalid-config";
      readonly policy: string;
      readonly errors: readonly ConfigError[];
    }
  /** PULUMI_CONFIG could not be read; `problem` says why, never what it holds (it may hold secrets). */
  | { readonly kind: "unreadable-stack-config"; readonly policy: string; readonly problem: string }
  | { readonly kind: "internal-error"; readonly policy: string; readonly detail: string };

/** Initialisms read as words, so their article follows the sound of the word ("a RAM share"). */
const READ_AS_WORDS: ReadonlySet<string> = new Set(["RAM", "NAT", "SAML", "SQL"]);

/**
 * "a" or "an" for a noun phrase, by its first sound: "an ExpressRoute circuit", "a VPC peering
 * connection", "an AWS account" (initialisms by their letter names), "a unit", "an hour".
 */
export function articleFor(noun: string): "a" | "an" {
  const word = noun.trim().split(/[\s-]/)[0] ?? "";
  if (/^[A-Z]{2,}s?$/.test(word) && !READ_AS_WORDS.has(word)) {
    return /^[AEFHILMNORSX]/.test(word) ? "an" : "a";
  }
  if (/^(uni|use|usa|usu|eu|one|once)/i.test(word)) return "a";
  if (/^(hour|honest|honou?r|heir)/i.test(word)) return "an";
  return /^[aeiou]/i.test(word) ? "an" : "a";
}

/** The noun phrase with its article: "an ExpressRoute circuit". */
export function withArticle(noun: string): string {
  return `${articleFor(noun)} ${noun}`;
}

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

/** How a value that cannot be known is described: computed during preview, or encrypted. */
type UnknownWord = "computed" | "encrypted";

function subjectText(s: Subject, unknown: UnknownWord = "computed"): string {
  if (s.kind === "accelerator") {
    if (s.uses.length === 0) {
      return `may select accelerator hardware: ${s.computed.map((p) => `\`${p}\``).join(", ")} is ${unknown}`;
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
  const written = p.written !== p.region ? `; written "${p.written}"` : "";
  return `${p.region} (${place}${country}${written}), from ${p.origin.detail}`;
}

const FIX_PLACE =
  "place it in a region outside the restricted jurisdictions (set the region/location on the " +
  "resource or its provider)";

function fixFor(subject: Subject): string {
  return subject.kind === "accelerator"
    ? `${FIX_PLACE}, or choose an instance type or size without accelerators`
    : `${FIX_PLACE}, or remove the AI service from this stack`;
}

function headline(ref: ResourceRef, subject: Subject, unknown: UnknownWord = "computed"): string {
  return `${ref.type} "${ref.name}" ${subjectText(subject, unknown)}.`;
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
        "Fix: make the placement explicit: set the region/location on the resource or its explicit provider, or set the provider's region in stack config (e.g. aws:region, azure-native:location, gcp:region).",
      );
      break;
  }
  return lines.join("\n");
}

function computedFinding(ref: ResourceRef, f: Extract<Finding, { kind: "computed" }>): string {
  const v = f.verdict;
  const lines = [headline(ref, f.subject)];
  if (v.kind === "computed") {
    const { path, origin } = v.placement;
    const at = origin.detail.includes(`\`${path}\``) ? "" : ` (at \`${path}\`)`;
    lines.push(`Where: not known during preview: ${origin.detail}${at} is computed.`);
  } else if (v.kind === "restricted" || v.kind === "allowed" || v.kind === "unknown-region") {
    lines.push(`Where: ${whereText(v.placement)}.`);
  }
  lines.push(
    "Note: the decision depends on a value computed during preview; it is checked again at `pulumi up`, where a restricted placement is denied.",
  );
  return lines.join("\n");
}

const UNREADABLE_WHY =
  "Why: an offline scan cannot read a secret that is encrypted in a stack export (or a `secure:` stack config value), and no `pulumi up` checks it after the scan, so the resource cannot be shown to be allowed and is not let through.";
const UNREADABLE_FIX =
  "Fix: scan an export whose secrets are readable (`pulumi stack export --show-secrets --file stack.json`; that file holds plaintext secrets, so keep it out of logs and build artifacts; jurisdiction-guard does not print them), or make the deciding value a plain, non-secret input or config value.";

/** A decision that waits for encrypted values the scan cannot read (never their ciphertext). */
function unreadableFinding(ref: ResourceRef, inner: Finding): string {
  switch (inner.kind) {
    case "computed": {
      const v = inner.verdict;
      const lines = [headline(ref, inner.subject, "encrypted")];
      if (v.kind === "computed") {
        const { path, origin } = v.placement;
        const at = origin.detail.includes(`\`${path}\``) ? "" : ` (at \`${path}\`)`;
        lines.push(`Where: cannot be read: ${origin.detail}${at} is encrypted.`);
      } else if (v.kind === "unresolved") {
        lines.push(`Where: unknown; looked at ${v.placement.tried.join(", ")}.`);
      } else if (v.kind !== "inherited") {
        lines.push(`Where: ${whereText(v.placement)}.`);
      }
      return [...lines, UNREADABLE_WHY, UNREADABLE_FIX].join("\n");
    }
    case "computed-identifiers":
      return [
        inner.about.kind === "account"
          ? headline(ref, inner.about.subject, "encrypted")
          : `${ref.type} "${ref.name}" is ${withArticle(inner.about.interconnect)}.`,
        `Where: the ${inner.about.kind} identifiers at ${inner.paths.map((p) => `\`${p}\``).join(", ")} are encrypted.`,
        UNREADABLE_WHY,
        UNREADABLE_FIX,
      ].join("\n");
    case "restricted-account": {
      const [, ...rest] = wordFinding(ref, inner).split("\n");
      return [headline(ref, inner.subject, "encrypted"), ...rest, UNREADABLE_WHY].join("\n");
    }
    default:
      return [wordFinding(ref, inner), UNREADABLE_WHY, UNREADABLE_FIX].join("\n");
  }
}

const MATCH_NAMES: Readonly<Record<ProviderMatch["by"], string>> = {
  asn: "ASN",
  ip: "address range",
  "aws-account": "AWS account",
  "azure-subscription": "Azure subscription",
  "azure-tenant": "Azure tenant",
  carrier: "carrier name",
  "service-name": "service name",
  package: "Pulumi package",
};

function providerText(m: ProviderMatch): string {
  const country = m.provider.country ? `, ${countryText(m.provider.country)}` : "";
  const listed = m.provider.builtin ? "built-in list" : "foreignProviders config";
  const confidence =
    m.confidence && m.confidence !== "verified" ? `, ${m.confidence} attribution` : "";
  return `${m.provider.name}${country} (listed ${MATCH_NAMES[m.by]} ${m.matched}, ${listed}${confidence})`;
}

function reasonText(r: ListingReason): string {
  switch (r.by) {
    case "jurisdiction":
      return `${countryText(r.country)} is a restricted jurisdiction (restrictedJurisdictions: ${r.via.map((v) => `"${v}"`).join(", ")})`;
    case "restrictedAccounts": {
      const j = r.entry.jurisdiction
        ? `, tied to ${countryText(r.entry.jurisdiction.toUpperCase())}`
        : "";
      const note = r.entry.note ? `: ${r.entry.note}` : "";
      return `listed in restrictedAccounts${j}${note}`;
    }
    case "provider":
      return `belongs to listed provider ${providerText(r.match)}`;
  }
}

const TIE_NAMES: Readonly<Record<TieMatch["tie"]["kind"], string>> = {
  "aws-account": "AWS account",
  "aws-partition": "AWS partition",
  "azure-subscription": "Azure subscription",
  "azure-tenant": "Azure tenant",
  "azure-environment": "Azure cloud environment",
  "azure-metadata-host": "Azure metadata host",
  "stack-tag": "stack tag",
};

const PEER_NAMES: Readonly<Record<PeerIdentifier["kind"], string>> = {
  asn: "ASN",
  ip: "address",
  "aws-account": "AWS account",
  "azure-subscription": "Azure subscription",
  "azure-tenant": "Azure tenant",
  region: "region",
  "service-name": "service",
  carrier: "carrier",
  fqdn: "host name",
};

function tieText(m: TieMatch): string {
  if (m.tie.kind === "stack-tag") {
    return `the stack's tag ${m.tie.path.replace(/^stack tag /, "")}=${m.tie.value}: ${reasonText(m.reason)}`;
  }
  return `${TIE_NAMES[m.tie.kind]} ${m.tie.value} (from \`${m.tie.path}\`): ${reasonText(m.reason)}`;
}

function peerText(m: PeerMatch): string {
  const value = m.peer.kind === "asn" ? `AS${m.peer.value}` : m.peer.value;
  return `${PEER_NAMES[m.peer.kind]} ${value} at \`${m.peer.path}\`: ${reasonText(m.reason)}`;
}

function exemptionText(e: Exemption): string {
  const by = e.approvedBy ? `, approved by ${e.approvedBy}` : "";
  return `exemptions[${e.index}] for "${e.resource}" (reason: ${e.reason}${by}; expires ${e.expires})`;
}

/** The message of a finding (the SDK prefixes the policy description). */
export function wordFinding(ref: ResourceRef, f: Finding): string {
  switch (f.kind) {
    case "placement":
      return placementFinding(ref, f);
    case "computed":
      return computedFinding(ref, f);
    case "restricted-account":
      return [
        headline(ref, f.subject),
        `Where: tied to a restricted jurisdiction through ${listed(f.ties, tieText)}.`,
        "Why: GPU and AI resources must not be deployed through accounts, subscriptions, tenants or partitions tied to a restricted jurisdiction.",
        f.ties.some((t) => t.tie.kind === "stack-tag")
          ? "Fix: move the resource to a stack that is not tagged with a restricted jurisdiction, or correct the stack's tag if it is wrong."
          : "Fix: deploy through an account outside the restricted jurisdictions (change the provider's account, role or subscription), or move the resource out of this stack.",
      ].join("\n");
    case "invalid-stack-tag":
      return [
        headline(ref, f.subject),
        `Where: the stack tag \`${f.tag}\` is "${f.value}", which is neither an ISO 3166-1 alpha-2 code nor a known jurisdiction group, so the stack's jurisdiction cannot be told.`,
        `Fix: set the tag to a country code (e.g. \`pulumi stack tag set ${f.tag} US\`), or remove it.`,
      ].join("\n");
    case "listed-peer":
      return [
        `${ref.type} "${ref.name}" is ${withArticle(f.interconnect)} that reaches ${listed(f.matches, peerText)}.`,
        "Why: peering, VPN, BGP sessions, interconnects and private endpoints must not reach listed foreign providers or restricted jurisdictions.",
        "Fix: remove the connection or point it at an approved peer; if the match is wrong, correct the foreignProviders/restrictedAccounts config, or set builtinForeignProviders to false and list providers yourself.",
      ].join("\n");
    case "listed-package":
      return [
        `${ref.type} "${ref.name}" is managed through a listed foreign provider's own Pulumi package: ${f.matches.map(providerText).join("; ")}.`,
        "Why: resources in listed foreign clouds are outside this organisation's approved providers.",
        "Fix: move the workload to an approved cloud, or have the security team approve it (an exemption in the pack config).",
      ].join("\n");
    case "computed-identifiers":
      return [
        f.about.kind === "account"
          ? headline(ref, f.about.subject)
          : `${ref.type} "${ref.name}" is ${withArticle(f.about.interconnect)}.`,
        `Note: the ${f.about.kind} identifiers at ${f.paths.map((p) => `\`${p}\``).join(", ")} are computed during preview; they are checked again at \`pulumi up\`.`,
      ].join("\n");
    case "unreadable":
      return unreadableFinding(ref, f.finding);
    case "exempted":
      return [
        `Exempted by ${exemptionText(f.exemption)}; this would otherwise be a violation:`,
        wordFinding(ref, f.finding),
      ].join("\n");
    case "exemption-expired":
      return [
        wordFinding(ref, f.finding),
        `Note: ${exemptionText(f.exemption)} expired on ${f.exemption.expires} and no longer applies; renew it in the pack config if the exception still stands.`,
      ].join("\n");
    case "invalid-config":
      return [
        `The configuration of policy ${f.policy} is invalid, so ${ref.type} "${ref.name}" cannot be shown to be allowed:`,
        ...f.errors.map(
          (e) => `- ${e.field}: ${e.problem}. Fix: ${/[.?!]$/.test(e.fix) ? e.fix : `${e.fix}.`}`,
        ),
      ].join("\n");
    case "unreadable-stack-config":
      return [
        `Policy ${f.policy} could not read the stack config, so ${ref.type} "${ref.name}" cannot be shown to be allowed: ${f.problem}.`,
        "Fix: let the engine pass the stack config: do not set PULUMI_CONFIG in the environment of `pulumi preview` / `pulumi up` yourself, and check that the stack's config file (Pulumi.<stack>.yaml) is valid.",
      ].join("\n");
    case "internal-error":
      return [
        `Policy ${f.policy} could not evaluate ${ref.type} "${ref.name}", so it is not let through: ${f.detail}`,
        "Fix: report this to the jurisdiction-guard maintainers with the resource's type and inputs (no secrets).",
      ].join("\n");
  }
}
