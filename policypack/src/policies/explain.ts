// `jurisdiction-guard explain TERM`: what the pack knows of one term (a region of any cloud, an
// instance type / VM size / machine type, an ASN, an IP address, a country code or a jurisdiction
// group) and whether a policy config restricts it. Every fact comes from the catalogue; the
// restriction is decided by the same code the policies use (judgePlacement, peerReasons), under the
// settings of the policy that would decide it.
import ipaddr from "ipaddr.js";
import { AWS_ACCELERATOR_FAMILIES, AZURE_ACCELERATOR_SERIES } from "../catalogue/accelerators";
import {
  classifyAwsInstanceType,
  classifyAzureVmSize,
  countsAsExportControlled,
} from "../catalogue/accelerators";
import {
  classifyAlicloudInstanceType,
  classifyGcpAcceleratorType,
  classifyGcpMachineType,
  classifyGcpTpuType,
  classifyHuaweicloudFlavor,
  classifyTencentcloudInstanceType,
} from "../catalogue/other-accelerators";
import {
  countryName,
  groupsOf,
  isCountryCode,
  JURISDICTION_GROUPS,
  lookupJurisdictionGroup,
} from "../catalogue/jurisdictions";
import { normaliseAsn } from "../catalogue/provider-matcher";
import type { ProviderMatch } from "../catalogue/provider-matcher";
import {
  prefixesReviewed,
  prefixGroupOf,
  PROVIDER_PREFIX_SNAPSHOT,
} from "../catalogue/provider-prefixes";
import {
  awsPartitionOf,
  catalogedRegions,
  lookupAwsRegion,
  lookupAzureLocation,
  lookupGcpLocation,
  lookupListedCloudRegion,
} from "../catalogue/regions";
import { closest } from "../catalogue/suggest";
import type { ResolvedSettings, SettingName } from "../config";
import { parseSettings } from "../config";
import { BUILTIN_FOREIGN_PROVIDERS } from "../data/foreign-providers";
import { SOURCES } from "../data/sources";
import type { AcceleratorInfo, Cloud, Confidence, RegionEntry } from "../data/types";
import type { ListingReason } from "../findings";
import { peerReasons } from "./listing";
import { judgePlacement } from "./placement-verdict";

export const EXPLAIN_KINDS = [
  "region",
  "instance-type",
  "asn",
  "ip",
  "country",
  "jurisdiction-group",
] as const;
export type ExplainKind = (typeof EXPLAIN_KINDS)[number];

export interface ExplainAccelerator {
  readonly family: string;
  readonly chip: string;
  readonly vendor: string;
  readonly exportControl: "controlled" | "not-controlled" | "uncertain";
  readonly basis: string;
  /** False when only a series pattern matched (a family the catalogue does not list yet). */
  readonly catalogued: boolean;
}

export interface ExplainProvider {
  readonly id: string;
  readonly name: string;
  readonly country?: string;
  /** How the term matched: "AS45102", "47.74.0.0/15 of AS45102". */
  readonly matched: string;
  readonly confidence?: Confidence;
}

export interface ExplainAnswer {
  readonly kind: ExplainKind;
  /** The term as the answer understood it: "cn-north-1", "AS45102", "47.74.1.1", "CN". */
  readonly name: string;
  readonly cloud?: Cloud;
  /** ISO 3166-1 alpha-2 code of the region, provider or country. */
  readonly country?: string;
  readonly countryName?: string;
  /** A region's place, an ASN's registered holder. */
  readonly detail?: string;
  readonly accelerators?: readonly ExplainAccelerator[];
  /** For an ASN or an address: the listed provider(s) it belongs to (empty: none). */
  readonly providers?: readonly ExplainProvider[];
  /** For a jurisdiction group: its countries; for a country: the groups it belongs to. */
  readonly members?: readonly string[];
  readonly groups?: readonly string[];
  /** Whether the config restricts it (see `why`), under the settings of `policy`. */
  readonly restricted: boolean;
  readonly why: string;
  readonly policy: string;
  /** Key of the source (SOURCES in data/sources.ts), its title and address. */
  readonly source: string;
  readonly sourceTitle?: string;
  readonly sourceUrl?: string;
  /** YYYY-MM-DD: when the data behind the answer was last checked against its source. */
  readonly reviewed: string;
  readonly confidence?: Confidence;
  readonly note?: string;
}

/** The policy whose settings decide each kind, with the settings it declares. */
export const EXPLAIN_POLICIES = {
  placement: {
    name: "gpu-in-restricted-jurisdiction",
    settings: [
      "restrictedJurisdictions",
      "allowedRegions",
      "restrictedRegions",
      "acceleratorScope",
    ],
  },
  peering: {
    name: "peering-with-listed-foreign-provider",
    settings: [
      "restrictedJurisdictions",
      "restrictedAccounts",
      "foreignProviders",
      "builtinForeignProviders",
    ],
  },
} as const satisfies Record<string, { name: string; settings: readonly SettingName[] }>;

/** A policy's entry in a policy pack config (`{}` when the config sets none: the defaults). */
export type PolicyEntry = (policy: string) => {
  readonly enforcementLevel?: string;
  readonly properties?: Readonly<Record<string, unknown>>;
};

export class ExplainConfigError extends Error {
  override readonly name = "ExplainConfigError";
}

export interface ExplainResult {
  readonly term: string;
  readonly answers: readonly ExplainAnswer[];
  /** For a term nothing knows: the closest known name, if one is close. */
  readonly suggestion?: string;
}

function settingsOf(
  which: keyof typeof EXPLAIN_POLICIES,
  entry: PolicyEntry,
  today?: string,
): ResolvedSettings {
  const policy = EXPLAIN_POLICIES[which];
  const parsed = parseSettings(policy.settings, entry(policy.name).properties ?? {}, today);
  if (!parsed.ok) {
    const fields = parsed.errors.map((e) => e.field).join(", ");
    throw new ExplainConfigError(`${policy.name}: invalid settings (${fields})`);
  }
  return parsed.settings;
}

function sourced(
  key: string,
  reviewed: string,
): Pick<ExplainAnswer, "source" | "sourceTitle" | "sourceUrl" | "reviewed"> {
  const ref = SOURCES[key];
  return {
    source: key,
    ...(ref ? { sourceTitle: ref.title } : {}),
    ...(ref?.url ? { sourceUrl: ref.url } : {}),
    reviewed,
  };
}

function country(code: string | undefined): Pick<ExplainAnswer, "country" | "countryName"> {
  if (code === undefined) return {};
  const name = countryName(code);
  return { country: code, ...(name ? { countryName: name } : {}) };
}

function viaText(via: readonly string[]): string {
  return `restrictedJurisdictions: ${via.map((v) => `"${v}"`).join(", ")}`;
}

// ── regions ──────────────────────────────────────────────────────────────────────────────────

const LISTED_CLOUDS: readonly Cloud[] = ["alicloud", "tencentcloud", "huaweicloud"];

function regionAnswer(
  cloud: Cloud,
  region: string,
  entry: RegionEntry | undefined,
  code: string | undefined,
  settings: ResolvedSettings,
  note?: string,
): ExplainAnswer {
  // Placements of the listed providers' clouds are named "cloud:region" in config lists.
  const placed = LISTED_CLOUDS.includes(cloud) ? `${cloud}:${region}` : region;
  const verdict = judgePlacement(
    {
      status: "resolved",
      cloud,
      written: region,
      region: placed,
      ...(entry ? { entry } : {}),
      ...(code !== undefined ? { country: code } : {}),
      origin: { kind: "resource", detail: "explain" },
    },
    settings,
  );
  let restricted = false;
  let why: string;
  if (verdict.kind === "restricted") {
    restricted = true;
    why =
      verdict.rule.by === "restrictedRegions"
        ? `listed in restrictedRegions`
        : `${verdict.rule.country} is restricted (${viaText(verdict.rule.via)})`;
  } else if (verdict.kind === "unknown-region") {
    restricted = true;
    why = "the country is unknown: GPU and AI resources there are denied (fail closed)";
  } else if (verdict.kind === "allowed" && verdict.by === "allowedRegions") {
    why = "listed in allowedRegions";
  } else {
    why = `${code ?? "its country"} is not a restricted jurisdiction`;
  }
  const base = entry
    ? sourced(entry.source, entry.reviewed)
    : sourced(cloud === "aws" ? "botocore-partitions" : "project-domain-notes", "");
  return {
    kind: "region",
    name: placed,
    cloud,
    ...country(code),
    ...(entry ? { detail: entry.place } : {}),
    restricted,
    why: `${why}; GPU/AI resources there are ${restricted ? "denied" : "allowed"}`,
    policy: EXPLAIN_POLICIES.placement.name,
    ...base,
    ...(entry ? { confidence: entry.confidence } : {}),
    ...(note ? { note } : entry?.note ? { note: entry.note } : {}),
  };
}

function regionAnswers(term: string, settings: ResolvedSettings): ExplainAnswer[] {
  const all = regionCandidates(term, settings);
  // A naming rule's guess only when no cloud catalogues the name.
  const catalogued = all.filter((a) => a.confidence !== undefined);
  return catalogued.length > 0 ? catalogued : all;
}

function regionCandidates(term: string, settings: ResolvedSettings): ExplainAnswer[] {
  const out: ExplainAnswer[] = [];
  const key = term.trim().toLowerCase();
  const qualified = /^([a-z]+):(.+)$/.exec(key);
  const only = qualified?.[1] as Cloud | undefined;
  const name = qualified?.[2] ?? key;
  const wants = (c: Cloud) => only === undefined || only === c;
  if (wants("aws")) {
    const entry = lookupAwsRegion(name);
    if (entry) out.push(regionAnswer("aws", entry.name, entry, entry.country, settings));
    else {
      const partition = awsPartitionOf(name);
      if (partition?.country !== undefined && /^[a-z]+(-[a-z]+)+-\d+$/.test(name)) {
        out.push({
          ...regionAnswer("aws", name, undefined, partition.country, settings),
          ...sourced("botocore-partitions", latestReviewed(catalogedRegions("aws"))),
          note: `not catalogued; placed by the ${partition.partition} partition's naming rule`,
        });
      }
    }
  }
  if (wants("azure")) {
    const entry = lookupAzureLocation(name);
    if (entry) out.push(regionAnswer("azure", entry.name, entry, entry.country, settings));
  }
  if (wants("gcp")) {
    const gcp = lookupGcpLocation(name);
    if (gcp?.entry) {
      const note = gcp.region !== name ? `${name} is a zone of ${gcp.region}` : undefined;
      out.push(regionAnswer("gcp", gcp.region, gcp.entry, gcp.entry.country, settings, note));
    }
  }
  for (const cloud of LISTED_CLOUDS) {
    if (!wants(cloud)) continue;
    const listed = lookupListedCloudRegion(cloud, name);
    if (!listed) continue;
    if (listed.entry) {
      const note = listed.region !== name ? `${name} is a zone of ${listed.region}` : undefined;
      out.push(regionAnswer(cloud, listed.region, listed.entry, listed.country, settings, note));
    } else if (/^[a-z]{2}-[a-z]+(-\d+)?$/.test(name)) {
      out.push({
        ...regionAnswer(cloud, listed.region, undefined, listed.country, settings),
        ...sourced("project-domain-notes", latestReviewed(catalogedRegions(cloud))),
        note: "not catalogued; placed by the cloud's region naming rule",
      });
    }
  }
  return out;
}

function latestReviewed(rows: readonly { reviewed: string }[]): string {
  return rows.reduce((max, r) => (r.reviewed > max ? r.reviewed : max), "");
}

// ── instance types ──────────────────────────────────────────────────────────────────────────

const CLASSIFIERS: readonly [Cloud, (value: string) => AcceleratorInfo | undefined][] = [
  ["aws", classifyAwsInstanceType],
  ["azure", classifyAzureVmSize],
  ["gcp", classifyGcpMachineType],
  ["gcp", classifyGcpAcceleratorType],
  ["gcp", classifyGcpTpuType],
  ["alicloud", classifyAlicloudInstanceType],
  ["tencentcloud", classifyTencentcloudInstanceType],
  ["huaweicloud", classifyHuaweicloudFlavor],
];

/** AWS instance types ("m5.large") and Azure sizes ("Standard_D4s_v5") by shape, for CPU types. */
const AWS_INSTANCE_SHAPE =
  /^[a-z][a-z0-9-]*\.(nano|micro|small|medium|large|\d*xlarge|metal(-\d+xl)?)$/;
const AZURE_SIZE_SHAPE = /^standard_[a-z][a-z0-9_-]*$/;

function instanceAnswers(term: string, settings: ResolvedSettings): ExplainAnswer[] {
  const value = term.trim();
  const out: ExplainAnswer[] = [];
  const seen = new Set<string>();
  for (const [cloud, classify] of CLASSIFIERS) {
    const info = classify(value);
    if (!info || seen.has(cloud)) continue;
    seen.add(cloud);
    const counts =
      settings.acceleratorScope === "any" || countsAsExportControlled(info.chip.exportControl);
    out.push({
      kind: "instance-type",
      name: value,
      cloud,
      accelerators: [
        {
          family: info.family,
          chip: info.chip.name,
          vendor: info.chip.vendor,
          exportControl: info.chip.exportControl,
          basis: info.chip.basis,
          catalogued: info.catalogued,
        },
      ],
      restricted: counts,
      why: counts
        ? `carries ${info.chip.name} (${info.chip.exportControl}), which counts under acceleratorScope "${settings.acceleratorScope}": denied in restricted jurisdictions, allowed elsewhere`
        : `carries ${info.chip.name} (not export-controlled), which acceleratorScope "export-controlled" does not count: allowed everywhere`,
      policy: EXPLAIN_POLICIES.placement.name,
      ...sourced(info.chip.source, info.chip.reviewed),
      confidence: info.chip.confidence,
      ...(info.catalogued
        ? {}
        : { note: "recognised by its series only: a family the catalogue does not list yet" }),
    });
  }
  // A series pattern's guess only when no cloud catalogues the family.
  const catalogued = out.filter((a) => a.accelerators?.every((x) => x.catalogued));
  if (catalogued.length > 0) return catalogued;
  if (out.length > 0) return out;
  const lower = value.toLowerCase();
  const cpu: [Cloud, string, string] | undefined = AWS_INSTANCE_SHAPE.test(lower)
    ? ["aws", "aws-ec2-accelerated", latestReviewed(AWS_ACCELERATOR_FAMILIES)]
    : AZURE_SIZE_SHAPE.test(lower)
      ? ["azure", "azure-gpu-sizes", latestReviewed(AZURE_ACCELERATOR_SERIES)]
      : undefined;
  if (!cpu) return [];
  return [
    {
      kind: "instance-type",
      name: value,
      cloud: cpu[0],
      accelerators: [],
      restricted: false,
      why: "no GPU or AI accelerator family the catalogue knows: the GPU policies do not concern it",
      policy: EXPLAIN_POLICIES.placement.name,
      ...sourced(cpu[1], cpu[2]),
    },
  ];
}

// ── ASNs and addresses ─────────────────────────────────────────────────────────────────────────

/** Private-use ASNs (RFC 6996) and the documentation ranges (RFC 5398). */
function asnNote(asn: number): string | undefined {
  if ((asn >= 64512 && asn <= 65534) || (asn >= 4200000000 && asn <= 4294967294)) {
    return "a private-use ASN (RFC 6996): it names no provider, so only the peer's address can";
  }
  if ((asn >= 64496 && asn <= 64511) || (asn >= 65536 && asn <= 65551)) {
    return "a documentation ASN (RFC 5398)";
  }
  return undefined;
}

function providersOf(reasons: readonly ListingReason[]): ExplainProvider[] {
  const out: ExplainProvider[] = [];
  for (const r of reasons) {
    if (r.by !== "provider") continue;
    const m: ProviderMatch = r.match;
    out.push({
      id: m.provider.id,
      name: m.provider.name,
      ...(m.provider.country ? { country: m.provider.country } : {}),
      matched: m.asn === undefined ? m.matched : `${m.matched} of AS${m.asn}`,
      ...(m.confidence ? { confidence: m.confidence } : {}),
    });
  }
  return out;
}

function peerWhy(providers: readonly ExplainProvider[], what: string): string {
  if (providers.length === 0) {
    return `no listed foreign provider: a peering, VPN or BGP session with ${what} is allowed`;
  }
  const names = providers.map((p) => `${p.name}${p.country ? ` (${p.country})` : ""}`).join(", ");
  return `belongs to ${names}: a peering, VPN or BGP session with ${what} is denied`;
}

function registryReviewed(): string {
  return latestReviewed(BUILTIN_FOREIGN_PROVIDERS);
}

function asnAnswer(asn: number, settings: ResolvedSettings): ExplainAnswer {
  const reasons = peerReasons({ kind: "asn", value: String(asn), path: "explain" }, settings);
  const providers = providersOf(reasons);
  const listed = BUILTIN_FOREIGN_PROVIDERS.flatMap((p) =>
    p.asns.filter((a) => a.asn === asn).map((a) => ({ p, a })),
  )[0];
  const group = prefixGroupOf(asn);
  const holder = listed?.a.holder ?? (group?.ipv4 || group?.ipv6 ? group.holder : undefined);
  const base = listed
    ? sourced(listed.a.source, listed.p.reviewed)
    : group
      ? sourced(group.source, group.reviewed)
      : sourced("project-domain-notes", registryReviewed());
  const prefixes = group
    ? `${count(group.ipv4)} IPv4 and ${count(group.ipv6)} IPv6 prefixes in the ${PROVIDER_PREFIX_SNAPSHOT.date} snapshot`
    : undefined;
  const note = [asnNote(asn), prefixes, listed?.a.note].filter(Boolean).join("; ");
  return {
    kind: "asn",
    name: `AS${asn}`,
    ...(providers[0]?.country ? country(providers[0].country) : {}),
    ...(holder ? { detail: holder } : {}),
    providers,
    restricted: providers.length > 0,
    why: peerWhy(providers, `AS${asn}`),
    policy: EXPLAIN_POLICIES.peering.name,
    ...base,
    ...(listed ? { confidence: listed.a.confidence } : {}),
    ...(note ? { note } : {}),
  };
}

function count(list: string): number {
  return list === "" ? 0 : list.split(" ").length;
}

const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;
const IPV6 = /^[0-9a-f:.]+$/i;

function looksLikeIp(term: string): boolean {
  const t = term.trim();
  return IPV4.test(t) || (t.includes(":") && IPV6.test(t));
}

function ipAnswer(ip: string, settings: ResolvedSettings): ExplainAnswer {
  const reasons = peerReasons({ kind: "ip", value: ip.toLowerCase(), path: "explain" }, settings);
  const providers = providersOf(reasons);
  return {
    kind: "ip",
    name: ip,
    ...(providers[0]?.country ? country(providers[0].country) : {}),
    providers,
    restricted: providers.length > 0,
    why: peerWhy(providers, ip),
    policy: EXPLAIN_POLICIES.peering.name,
    ...sourced("ip-location-db-asn", prefixesReviewed()),
    note: `address prefixes of the listed providers' ASNs as of ${PROVIDER_PREFIX_SNAPSHOT.date} (${PROVIDER_PREFIX_SNAPSHOT.package})`,
  };
}

// ── countries and groups ────────────────────────────────────────────────────────────────────

function countryAnswer(code: string, settings: ResolvedSettings): ExplainAnswer {
  const upper = code.toUpperCase();
  const groups = groupsOf(upper);
  const via = settings.restricted.get(upper);
  const rows = groups.map((g) => JURISDICTION_GROUPS.get(g)).filter((g) => g !== undefined);
  return {
    kind: "country",
    name: upper,
    ...country(upper),
    groups,
    restricted: via !== undefined,
    why: via
      ? `restricted (${viaText(via)}): GPU/AI resources in its regions are denied`
      : "not a restricted jurisdiction: GPU/AI resources in its regions are allowed",
    policy: EXPLAIN_POLICIES.placement.name,
    ...sourced("iso-3166-1", latestReviewed(rows)),
  };
}

function groupAnswer(name: string, settings: ResolvedSettings): ExplainAnswer | undefined {
  const group = lookupJurisdictionGroup(name);
  if (!group) return undefined;
  const restrictedMembers = group.members.filter((m) => settings.restricted.has(m));
  const all = restrictedMembers.length === group.members.length && group.members.length > 0;
  return {
    kind: "jurisdiction-group",
    name: group.name,
    detail: group.title,
    members: group.members,
    restricted: all,
    why: all
      ? "every member is restricted under restrictedJurisdictions"
      : restrictedMembers.length > 0
        ? `${restrictedMembers.length} of ${group.members.length} members are restricted (${restrictedMembers.join(", ")})`
        : "no member is restricted under restrictedJurisdictions",
    policy: EXPLAIN_POLICIES.placement.name,
    ...sourced(group.source, group.reviewed),
    confidence: group.confidence,
    ...(group.note ? { note: group.note } : {}),
  };
}

// ── the entry point ─────────────────────────────────────────────────────────────────────────

/** Every name a term could be, for "did you mean …?". */
function knownNames(): string[] {
  const names: string[] = [];
  for (const cloud of ["aws", "azure", "gcp", ...LISTED_CLOUDS] as Cloud[]) {
    for (const r of catalogedRegions(cloud)) names.push(r.name);
  }
  for (const g of JURISDICTION_GROUPS.keys()) names.push(g);
  for (const f of AWS_ACCELERATOR_FAMILIES) names.push(f.family);
  return names;
}

/**
 * What the pack knows of `term`, with the restriction under each policy's config entry (the
 * default config when `entry` returns `{}`). No answer: the term is unknown, and `suggestion` is
 * the closest known name when one is close.
 */
export function explain(
  term: string,
  entry: PolicyEntry = () => ({}),
  today?: string,
): ExplainResult {
  const t = term.trim();
  const answers = lookUp(t, entry, today).map((a) =>
    entry(a.policy).enforcementLevel === "disabled"
      ? { ...a, restricted: false, why: `${a.why}; but the config disables ${a.policy}` }
      : a,
  );
  // A term only a naming rule places (no cloud catalogues it) may be a misspelling.
  const guessed = answers.every((a) => a.confidence === undefined && a.kind === "region");
  const suggestion = answers.length === 0 || guessed ? closest(t, knownNames()) : undefined;
  return {
    term: t,
    answers,
    ...(suggestion !== undefined && suggestion !== t.toLowerCase() ? { suggestion } : {}),
  };
}

function lookUp(t: string, entry: PolicyEntry, today?: string): ExplainAnswer[] {
  if (looksLikeIp(t)) {
    return validIp(t) ? [ipAnswer(t, settingsOf("peering", entry, today))] : [];
  }
  const asn = /^as/i.test(t) || /^\d+$/.test(t) ? normaliseAsn(t) : undefined;
  if (asn !== undefined) return [asnAnswer(asn, settingsOf("peering", entry, today))];
  const placement = settingsOf("placement", entry, today);
  const answers: ExplainAnswer[] = [];
  if (t.length === 2 && isCountryCode(t)) answers.push(countryAnswer(t, placement));
  const group = groupAnswer(t, placement);
  if (group) answers.push(group);
  answers.push(...regionAnswers(t, placement));
  answers.push(...instanceAnswers(t, placement));
  return answers;
}

function validIp(t: string): boolean {
  return IPV4.test(t) ? ipaddr.IPv4.isValidFourPartDecimal(t) : ipaddr.IPv6.isValid(t);
}
