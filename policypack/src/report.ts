// The one place that words findings: what was found, where, why, and how to fix it.
// Policies decide and hand a Finding here; nothing else composes user-facing text.
import type { Exemption, PackConfigProblem } from "./config";
import type { ProviderMatch } from "./catalogue/provider-matcher";
import { countryName, JURISDICTION_GROUPS } from "./catalogue/jurisdictions";
import { closest } from "./catalogue/suggest";
import type { ConfigError, ConfigProblem, JurisdictionHint } from "./problems";
import { BUILTIN_FOREIGN_PROVIDERS } from "./data/foreign-providers";
import type { ForeignProvider } from "./data/foreign-providers";
import type { ChipEntry } from "./data/types";
import type { Coverage } from "./facts";
import type {
  AcceleratorUse,
  PeerIdentifier,
  Placement,
  Platform,
  TemplateResourceRef,
  UnresolvedReason,
  UnresolvedValue,
} from "./facts/types";
import type {
  Finding,
  ListingReason,
  Outcome,
  PeerMatch,
  ResourceRef,
  Subject,
  TieMatch,
} from "./findings";

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

/** Where in a carried CloudFormation template: `of AWS::EC2::Instance "Trainer" in \`templateBody\``. */
function inTemplate(t: TemplateResourceRef | undefined): string {
  return t ? ` of ${t.type} "${t.logicalId}" in \`${t.source}\`` : "";
}

function useText(u: AcceleratorUse): string {
  const family = u.info.catalogued ? "" : ` (uncatalogued ${u.info.family} family)`;
  return `${u.value}${family} [${chipText(u.info.chip)}] at \`${u.path}\`${inTemplate(u.template)}`;
}

function unresolvedWhy(r: UnresolvedReason): string {
  switch (r.kind) {
    case "parameter-without-value":
      return `template parameter \`${r.parameter}\` has no value in \`parameters\` and no \`Default\``;
    case "deploy-time":
      return `${r.expression} is known only once CloudFormation deploys the template`;
    case "template-url":
      return r.url === ""
        ? "the template is behind a URL that jurisdiction-guard does not fetch"
        : `the template is at ${r.url}, which jurisdiction-guard does not fetch`;
    case "malformed-template":
      return `the template cannot be read: ${r.problem}`;
    case "not-evaluated":
      return `jurisdiction-guard does not evaluate ${r.what}`;
  }
}

function unresolvedText(u: UnresolvedValue): string {
  return `\`${u.path}\`${inTemplate(u.template)} cannot be resolved (${unresolvedWhy(u.reason)})`;
}

/** How a value that cannot be known is described: computed during preview, or encrypted. */
type UnknownWord = "computed" | "encrypted";

function subjectText(s: Subject, unknown: UnknownWord = "computed"): string {
  if (s.kind === "accelerator") {
    const computed =
      s.computed.length > 0
        ? `${s.computed.map((p) => `\`${p}\``).join(", ")} is ${unknown}`
        : undefined;
    const unresolved = s.unresolved.length > 0 ? listed(s.unresolved, unresolvedText) : undefined;
    if (s.uses.length === 0) {
      return `may select accelerator hardware: ${[unresolved, computed].filter(Boolean).join("; ")}`;
    }
    const also = unresolved ? `; and ${unresolved}` : "";
    return `selects accelerator hardware ${listed(s.uses, useText)}${also}`;
  }
  const detail = s.service.detail ? ` (${s.service.detail})` : "";
  return `is an AI service: ${s.service.entry.service} ${s.service.entry.kind}${detail}${inTemplate(s.service.template)}`;
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
  if (subject.kind !== "accelerator")
    return `${FIX_PLACE}, or remove the AI service from this stack`;
  const readable =
    subject.unresolved.length > 0
      ? "; make the template's instance types readable (inline the template in `templateBody`, give each parameter they use a value or `Default`)"
      : "";
  return `${FIX_PLACE}, or choose an instance type or size without accelerators${readable}`;
}

function headline(ref: ResourceRef, subject: Subject, unknown: UnknownWord = "computed"): string {
  return `${ref.type} "${ref.name}" ${subjectText(subject, unknown)}.`;
}

const KUBERNETES_PLACEMENT_FIX =
  "Fix: make the cluster's placement known: give the kubernetes provider a `kubeconfig` whose API server, cluster or context name, or `aws eks get-token --region` arguments name the region (for the default provider, stack config `kubernetes:kubeconfig`, optionally with `kubernetes:context`), or create the provider from the cluster resource of this stack (its kubeconfig output).";

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
      if (f.subject.kind === "accelerator" && f.subject.workload === true) {
        lines.push(
          "Note: this workload asks for accelerators on a cluster whose region cannot be resolved, so it cannot be shown to run outside the restricted jurisdictions; the cluster's accelerator nodes are checked where they are declared.",
        );
      } else {
        lines.push(
          "Why: a GPU or AI resource whose region cannot be resolved could land in a restricted jurisdiction.",
        );
      }
      lines.push(
        v.placement.cloud === "kubernetes"
          ? KUBERNETES_PLACEMENT_FIX
          : "Fix: make the placement explicit: set the region/location on the resource or its explicit provider, or set the provider's region in stack config (e.g. aws:region, azure-native:location, gcp:region).",
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
  "gcp-project": "Google Cloud project",
  carrier: "carrier name",
  "service-name": "service name",
  package: "Pulumi package",
};

function providerText(m: ProviderMatch): string {
  const country = m.provider.country ? `, ${countryText(m.provider.country)}` : "";
  const listed = m.provider.builtin ? "built-in list" : "foreignProviders config";
  const confidence =
    m.confidence && m.confidence !== "verified" ? `, ${m.confidence} attribution` : "";
  const asn = m.asn === undefined ? "" : ` of AS${m.asn}`;
  return `${m.provider.name}${country} (listed ${MATCH_NAMES[m.by]} ${m.matched}${asn}, ${listed}${confidence})`;
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
  "gcp-project": "Google Cloud project",
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
  const { from } = m.peer;
  // A far side declared in the same stack: named with the input its value comes from.
  const at = from
    ? `of ${from.type.split(":").pop() ?? from.type} "${from.name}" (the resource \`${m.peer.path}\` comes from)`
    : `at \`${m.peer.path}\``;
  return `${PEER_NAMES[m.peer.kind]} ${value} ${at}: ${reasonText(m.reason)}`;
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
        ...f.errors.map((e) => {
          const { problem, fix } = wordConfigProblem(e.cause);
          return `- ${e.field}: ${problem}. Fix: ${/[.?!]$/.test(fix) ? fix : `${fix}.`}`;
        }),
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

// ── Policy texts: descriptions and remediation, worded from what the facts cover ────────────

/** How each cloud is named, and the input that places a resource there. */
const CLOUD_WORDS: Readonly<
  Record<Platform, { readonly name: string; readonly placedBy: string }>
> = {
  aws: { name: "AWS", placedBy: "region" },
  azure: { name: "Azure", placedBy: "location" },
  gcp: { name: "Google Cloud", placedBy: "region" },
  alicloud: { name: "Alibaba Cloud", placedBy: "region" },
  tencentcloud: { name: "Tencent Cloud", placedBy: "region" },
  huaweicloud: { name: "Huawei Cloud", placedBy: "region" },
  kubernetes: { name: "Kubernetes", placedBy: "kubeconfig" },
  yandex: { name: "Yandex Cloud", placedBy: "zone" },
};

/** "AWS, Azure and Google Cloud". */
export function cloudNames(clouds: readonly Platform[]): string {
  const names = clouds.map((c) => CLOUD_WORDS[c].name);
  return names.length <= 1
    ? (names[0] ?? "")
    : `${names.slice(0, -1).join(", ")} and ${names[names.length - 1] ?? ""}`;
}

/** "`region` (AWS, Google Cloud …) or `location` (Azure)": the input that places a resource. */
export function placementInputs(clouds: readonly Platform[]): string {
  const byInput = new Map<string, Platform[]>();
  for (const c of clouds) {
    const input = CLOUD_WORDS[c].placedBy;
    byInput.set(input, [...(byInput.get(input) ?? []), c]);
  }
  return [...byInput].map(([input, cs]) => `\`${input}\` (${cloudNames(cs)})`).join(" or ");
}

/** A provider as descriptions name it: "ByteDance (Volcano Engine, BytePlus)" -> "ByteDance". */
function shortName(p: ForeignProvider): string {
  return p.name.replace(/\s*\(.*\)$/, "");
}

/** The listed providers that have Pulumi packages of their own, as the registry lists them. */
function providersWithPackages(): string {
  return BUILTIN_FOREIGN_PROVIDERS.filter((p) => p.pulumiPackages.length > 0)
    .map(shortName)
    .join(", ");
}

const ALLOWED_REGIONS_STEP =
  "If legal has approved this placement, add the region to the policy's `allowedRegions` in the central pack config.";

/** "1. … 2. …" from the steps. */
function numbered(steps: readonly string[]): string {
  return steps.map((s, i) => `${i + 1}. ${s}`).join(" ");
}

/** The description and remediation steps of each stock policy, from what the facts cover. */
export function policyTexts(coverage: Coverage) {
  const ai = [...coverage.aiServices];
  const aiExamples = ai.map(([, services]) => services[0] ?? "").filter(Boolean);
  const aiCount = ai.reduce((n, [, s]) => n + s.length, 0);
  return {
    gpuPlacement: {
      description:
        "Denies GPU, AI-accelerator and FPGA capacity (instance types, VM sizes, accelerator " +
        `attributes; read for ${cloudNames(coverage.compute)}) placed in a region of a restricted jurisdiction.`,
      remediationSteps: numbered([
        `Move the resource to a region outside the restricted jurisdictions: set ${placementInputs(coverage.compute)} on the resource or its provider.`,
        "Or choose an instance type / VM size without accelerators.",
        ALLOWED_REGIONS_STEP,
      ]),
    },
    aiServicePlacement: {
      description:
        `Denies managed AI services (${aiCount} services of ${cloudNames(ai.map(([c]) => c))}, ` +
        `such as ${aiExamples.join(", ")}) placed in a region of a restricted jurisdiction.`,
      remediationSteps: numbered([
        `Deploy the AI service in a region outside the restricted jurisdictions: set ${placementInputs(ai.map(([c]) => c))} on the resource, its parent account, or its provider.`,
        ALLOWED_REGIONS_STEP,
      ]),
    },
    account: {
      description:
        "Denies GPU, AI-accelerator and AI-service resources deployed through an account, " +
        `subscription, tenant or partition tied to a restricted jurisdiction (read for ${cloudNames(coverage.accounts)}: ` +
        "the AWS China partition, the Azure China cloud, listed accounts), or in a stack tagged with one.",
      remediationSteps: numbered([
        "Deploy through an account outside the restricted jurisdictions: change the provider's " +
          "allowedAccountIds / assumed role (AWS) or subscription / tenant / environment (Azure).",
        "If the stack is tagged with a restricted jurisdiction, move the GPU or AI resource to another stack.",
        "If an account is listed by mistake, fix `restrictedAccounts` in the central pack config.",
      ]),
    },
    peering: {
      description:
        `Denies VPC/VNet peering, VPN and BGP sessions, Direct Connect / ExpressRoute interconnects and private endpoints (read for ${cloudNames(coverage.interconnects)}) ` +
        "that reach a listed foreign provider (by ASN, IP range, account, subscription, project, carrier or service name) or cross a border into a restricted jurisdiction.",
      notes: [
        "A far-side region counts only when it crosses a border: a peering, VPN or endpoint whose far side is in the same country as the resource itself (same ISO 3166-1 code, from the region catalogue) and which reaches no listed provider, account or service is not a finding, so two of the team's own VPCs inside mainland China, or inside Hong Kong, may peer. When the resource's own region is not known, a far side in a restricted jurisdiction stays a finding.",
        "Hong Kong (HK), Macau (MO) and mainland China (CN) are separate jurisdictions for this rule: they have their own ISO codes, laws and networks, so a link between them crosses a border (and stays a finding when the far side is restricted), even though the export-control groups restrict all three together.",
        "Endpoints to the cloud's own services are not peering with a listed provider: AWS service names `com.amazonaws.<region>.<service>` and `cn.com.amazonaws.<region>.<service>` (S3 gateway endpoints, ECR interface endpoints …) name the endpoint's own region, so they give no far-side region; a cross-region endpoint names the other region in `serviceRegion`, which is judged like any far-side region. Google Cloud Private Service Connect to Google APIs (`all-apis`, `vpc-sc`) has no far side; an Azure private endpoint to a `Microsoft.*` resource is judged by the subscription it names (and by any service name listed in the configuration), and, when the target is a resource of the same stack, by where that resource is (next note).",
        "A far side declared in the same stack is judged where it is: at AnalyzeStack, each input that names the far side (a private endpoint's `privateLinkServiceConnections`, a VPC peering's `peerVpcId`, a network peering's `peerNetwork` or `remoteVirtualNetwork`, a gateway's address) is followed through the engine's `propertyDependencies` to the resources its value comes from, and their region or location, accounts, subscriptions and GCP project are judged like a written far side (the same-country rule above included; a Google Cloud VPC network is global, so it is judged by its project, never by its provider's default region). So a private endpoint to a web app of the same stack in the same subscription gives no note, and peering from us-east-1 to a VPC of the stack in cn-north-1 is a finding, at preview and at `pulumi up` alike. A far side computed during preview that the stack does not resolve (not in the stack, or its own placement unknown) stays an advisory note, checked again at `pulumi up`.",
        "Listed providers, accounts and service names are findings wherever they are: inside one jurisdiction too, and whether they come from the configuration or the built-in registry.",
      ],
      remediationSteps: numbered([
        "Remove the connection, or point it at an approved peer (ASN, address, account, carrier).",
        "If a match is wrong, correct `foreignProviders` / `restrictedAccounts` in the central pack " +
          "config, or set `builtinForeignProviders` to false and list providers yourself.",
      ]),
    },
    listedPackage: {
      description:
        "Flags resources managed through a listed foreign provider's own Pulumi package " +
        `(${providersWithPackages()}). Advisory by default.`,
      remediationSteps: numbered([
        "Move the workload to an approved cloud.",
        "Or have the security team approve it; set this policy's enforcement level to `mandatory` to block such resources outright.",
      ]),
    },
  } as const;
}

// ── Not applicable: why a policy does not decide a resource ─────────────────────────────────

const NOT_APPLICABLE = {
  "outside-concern": "resource is outside this policy's concern",
  "neither-compute-nor-ai": "neither accelerator-capable compute nor an AI service",
  "no-instance-types": "resource kind does not select instance types",
  "not-ai-service": "not an AI service",
  "not-interconnect": "not a peering, VPN, interconnect or endpoint",
  "not-listed-package": "not a listed provider's package",
} as const;

/** Why a policy does not decide a resource, as the policies state it. */
export type NotApplicableWhy = keyof typeof NOT_APPLICABLE;

/** The not-applicable outcome, with its reason worded. */
export function notApplicableBecause(
  why: NotApplicableWhy,
): Extract<Outcome, { kind: "not-applicable" }> {
  return { kind: "not-applicable", reason: NOT_APPLICABLE[why] };
}

// ── configuration problems ──────────────────────────────────────────────────────────────────

/** A value as a config problem quotes it: strings in quotes, `nothing` for a missing one. */
function shown(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value);
  if (value === undefined) return "nothing";
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

const didYouMeanText = (name: string) => `did you mean "${name}"?`;

/** `did you mean "x"?` for the candidate closest to `value`, or undefined when none is close. */
export function didYouMean(value: string, candidates: Iterable<string>): string | undefined {
  const name = closest(value, candidates);
  return name === undefined ? undefined : didYouMeanText(name);
}

/** `did you mean "x"? (its settings: a, b)`, or `use one of its settings: a, b` without a hint. */
function withHint(suggestion: string | undefined, what: string, known: readonly string[]): string {
  return suggestion !== undefined
    ? `${didYouMeanText(suggestion)} (${what}: ${known.join(", ")})`
    : `use one of ${what}: ${known.join(", ")}`;
}

const KNOWN_GROUPS = () => `known groups: ${[...JURISDICTION_GROUPS.keys()].join(", ")}`;

/** The hint for a jurisdiction item that is neither a country code nor a group. */
export function wordJurisdictionHint(hint: JurisdictionHint): string {
  switch (hint.kind) {
    case "empty":
      return `empty value; use an ISO 3166-1 alpha-2 code such as "CN", or ${KNOWN_GROUPS()}`;
    case "country":
      return didYouMeanText(hint.code);
    case "alpha-3":
      return `${didYouMeanText(hint.code)} (alpha-3 codes are not accepted)`;
    case "group":
      return `did you mean the group "${hint.name}"?`;
    case "unassigned-code":
      return `"${hint.code}" is not an ISO 3166-1 alpha-2 code; ${KNOWN_GROUPS()}`;
    case "unknown":
      return `not an ISO 3166-1 alpha-2 code or a group name; ${KNOWN_GROUPS()}`;
  }
}

const NOT_A_JURISDICTION = (value: string) =>
  `"${value}" is neither an ISO 3166-1 alpha-2 country code nor a known group`;
const URN_GLOB_EXAMPLE = "urn:pulumi:prod::*::aws:ec2/instance:Instance::gpu-*";

/** What is wrong and how to fix it, for one configuration problem: the only wording of them. */
export function wordConfigProblem(p: ConfigProblem): { problem: string; fix: string } {
  switch (p.code) {
    case "not-a-setting":
      return {
        problem: "is not a setting of this policy",
        fix: withHint(p.suggestion, "its settings", p.declared),
      };
    case "schema":
      return {
        problem:
          p.keyword === "additionalProperties"
            ? "is not a known field"
            : p.keyword === "required"
              ? "is required"
              : p.keyword === "enum" && p.allowed !== undefined
                ? `must be one of ${p.allowed.map((v) => JSON.stringify(v)).join(", ")}`
                : (p.message ?? "is invalid"),
        fix:
          p.expected !== undefined
            ? `expected: ${p.expected}`
            : p.seeDocs
              ? "see docs/configuration.md"
              : "",
      };
    case "unknown-jurisdiction":
      return { problem: NOT_A_JURISDICTION(p.value), fix: wordJurisdictionHint(p.hint) };
    case "unknown-account-jurisdiction":
      return { problem: NOT_A_JURISDICTION(p.value), fix: 'use a code such as "CN" or "RU"' };
    case "unknown-region":
      return {
        problem: `"${p.name}" is not a known region name`,
        fix:
          p.qualified.length > 0
            ? `regions of listed providers' clouds take the cloud prefix: did you mean ${p.qualified.map((q) => `"${q}"`).join(" or ")}?`
            : p.suggestion !== undefined
              ? didYouMeanText(p.suggestion)
              : 'use the programmatic name, e.g. "cn-north-1", "chinaeast2", "asia-east2" or "alicloud:cn-hongkong" (see docs/configuration.md)',
      };
    case "region-allowed-and-restricted":
      return {
        problem: `"${p.region}" is listed in both allowedRegions and restrictedRegions`,
        fix: "remove it from one of the two lists",
      };
    case "invalid-account-id":
      return {
        problem: `"${p.value}" is neither a 12-digit AWS account ID, an Azure subscription/tenant GUID nor a Google Cloud project ID`,
        fix: 'write an AWS account as "123456789012", an Azure ID as "00000000-0000-0000-0000-000000000000" or a Google Cloud project ID as "acme-net-prod"',
      };
    case "invalid-expiry-date":
      return {
        problem: `"${p.value}" is not a calendar date`,
        fix: "write the last day the exemption applies as YYYY-MM-DD",
      };
    case "expiry-too-far":
      return {
        problem: `${p.expires} is more than maxExemptionDays (${p.maxDays}) days after today (${p.today})`,
        fix: "choose an earlier expiry and renew the exemption when it runs out",
      };
    case "unpinned-exemption":
      return {
        problem: `"${p.pattern}" pins neither the stack nor the resource type, so it would exempt every resource of every stack`,
        fix: `write it as urn:pulumi:<stack>::<project>::<type>::<name> and name the stack or the type, e.g. ${URN_GLOB_EXAMPLE}`,
      };
    case "invalid-exemption-glob":
      return {
        problem: `"${p.pattern}" is not a valid URN glob (${p.reason})`,
        fix: `give a full URN, or a glob such as ${URN_GLOB_EXAMPLE}`,
      };
    case "provider-not-object":
      return {
        problem: "is not an object",
        fix: 'write an object such as { "name": "Example Telecom", "asns": [64500] }',
      };
    case "provider-without-name":
      return { problem: "is missing or empty", fix: "give the provider a name; findings quote it" };
    case "provider-without-identifiers":
      return {
        problem: `"${p.name}" lists no ASN, account, subscription, tenant, CIDR, service name or carrier name, so it can never match`,
        fix: "add at least one identifier, or remove the entry",
      };
    case "not-a-list":
      return {
        problem: `is ${shown(p.value)}, not a list`,
        fix: "write a JSON array, e.g. [64500]",
      };
    case "invalid-carrier-name":
      return {
        problem: `${shown(p.value)} is not a name`,
        fix: 'write the carrier as the cloud spells it, e.g. "Example Telecom Global"',
      };
    case "invalid-aws-account-id":
      return {
        problem: `${shown(p.value)} is not an AWS account ID`,
        fix:
          p.padded !== undefined
            ? `quote it so leading zeros survive: "${p.padded}"`
            : 'write the 12 digits as a string, e.g. "123456789012"',
      };
    case "invalid-azure-id":
      return {
        problem: `${shown(p.value)} is not an Azure ${p.what} ID (a GUID)`,
        fix: 'write it as 8-4-4-4-12 hex digits, e.g. "00000000-0000-0000-0000-000000000000"',
      };
    case "invalid-gcp-project-id":
      return {
        problem: `${shown(p.value)} is not a Google Cloud project ID`,
        fix: 'write the project ID (not its number or name): 6 to 30 lower-case letters, digits and hyphens, starting with a letter, e.g. "acme-net-prod"',
      };
    case "invalid-asn":
      return {
        problem: `${shown(p.value)} is not an AS number`,
        fix: `write a number (45102), "AS45102" or asdot "1.10"; AS numbers run from 1 to ${p.maxAsn - 1}`,
      };
    case "reserved-asn":
      return {
        problem: `AS${p.asn} is reserved and never identifies a peer`,
        fix: "remove it, or correct the number",
      };
    case "invalid-cidr":
      return {
        problem: `${shown(p.value)} is not an IPv4 or IPv6 address or CIDR`,
        fix: 'write an address range such as "47.74.0.0/15" or "2400:3200::/32"',
      };
    case "cidr-host-bits":
      return {
        problem: `${shown(p.value)} has address bits set beyond its /${p.prefix} prefix`,
        fix: `use the network address: "${p.network}"`,
      };
    case "invalid-service-name":
      return {
        problem: `${shown(p.value)} is not a service name`,
        fix: 'write the service name or alias, e.g. "com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0"',
      };
    case "invalid-service-pattern":
      return {
        problem: `${shown(p.value)} is not a usable pattern (it is empty of literal text or malformed)`,
        fix: 'use `*` within a name segment and `**` across "/", e.g. "com.amazonaws.vpce.*.vpce-svc-0123*"',
      };
    case "invalid-country-code":
      return {
        problem: `${shown(p.value)} is not an ISO 3166-1 alpha-2 country code`,
        fix: 'write a two-letter code such as "CN" or "RU"',
      };
    case "pack-config-not-object":
      return {
        problem: "is not a JSON object",
        fix: 'write {"all": "<level>", "<policy>": {"<setting>": …}}',
      };
    case "all-with-settings":
      return {
        problem: '"all" sets only the enforcement level of every policy',
        fix: `put settings inside each policy's entry (policies: ${p.policies.join(", ")})`,
      };
    case "invalid-level":
      return {
        problem: `${JSON.stringify(p.value)} is not an enforcement level`,
        fix: `use one of ${p.levels.join(", ")}`,
      };
    case "setting-as-policy":
      return {
        problem: "is a setting, not a policy: settings go inside a policy's entry",
        fix: `write {"${p.declaring[0] ?? ""}": {"${p.key}": …}}; policies that declare it: ${p.declaring.join(", ")}`,
      };
    case "unknown-policy":
      return {
        problem: 'is neither "all" nor a policy of this pack',
        fix: withHint(p.suggestion, "the known names", p.known),
      };
    case "entry-not-object":
      return {
        problem: `${JSON.stringify(p.value)} is neither an enforcement level nor an object`,
        fix: `write "${p.key}": "<level>" or "${p.key}": {"enforcementLevel": "<level>", "<setting>": …}`,
      };
    case "unknown-library-key":
      return {
        problem: "not a setting or policy of jurisdiction-guard",
        fix: withHint(p.suggestion, "known keys", p.known),
      };
    case "config-keys-at-top-level": {
      const one = p.keys.length === 1;
      return {
        problem:
          `${p.keys.map((k) => `"${k}"`).join(", ")} ${one ? "is a config key" : "are config keys"} at the top level, ` +
          `where Pulumi does not read config; indent ${one ? "it" : "them"} under a top-level \`config:\` key`,
        fix: "",
      };
    }
    case "unknown-stack-file-key":
      return {
        problem:
          `"${p.key}" is not a key of a stack config file; ${p.suggestion !== undefined ? didYouMeanText(p.suggestion) : "put stack config under `config:`;"} ` +
          `(top-level keys: ${p.known.join(", ")})`,
        fix: "",
      };
  }
}

/** One config error as users read it: the field, what is wrong, how to fix it. */
export function wordConfigError(e: ConfigError): { field: string; problem: string; fix: string } {
  return { field: e.field, ...wordConfigProblem(e.cause) };
}

/** "is not a setting of this policy; did you mean …?" (the fix left out when there is none). */
export function problemAndFix(p: ConfigProblem): string {
  const { problem, fix } = wordConfigProblem(p);
  return fix === "" ? problem : `${problem}; ${fix}`;
}

/** "gpu-in-restricted-jurisdiction.restrictedRegions[0]: … ; fix: …" for one pack config problem. */
export function packConfigProblemText(p: PackConfigProblem): string {
  const where = p.field !== undefined ? `${p.policy}.${p.field}` : p.policy;
  return `${where}: ${problemAndFix(p.cause)}`;
}
