// Finds the listed foreign provider behind an identifier: an ASN, an IP address or range, an AWS
// account, an Azure subscription or tenant, a carrier name, a private-link service name or a Pulumi
// type token. The built-in registry (data/foreign-providers.ts) and the user's own list (the future
// `foreignProviders` setting) are indexed once; every lookup is a map hit or a short scan.
import ipaddr from "ipaddr.js";
import { makeRe } from "minimatch";
import type { MinimatchOptions } from "minimatch";
import { isValid as isIsoCountry } from "i18n-iso-countries/index";
import { BUILTIN_FOREIGN_PROVIDERS } from "../data/foreign-providers";
import type { ForeignProvider } from "../data/foreign-providers";
import type { Confidence, CountryCode } from "../data/types";
import { minimatchPrefix, PatternIndex } from "./pattern-index";
import { prefixesOverlapping } from "./provider-prefixes";
import type { ConfigError, ConfigProblem } from "../problems";

// ── ASNs ────────────────────────────────────────────────────────────────────────────────────────

/** The largest 4-byte AS number (RFC 6793). */
const MAX_ASN = 4294967295;
/** Each half of an asdot ASN ("1.10") is a 2-byte number (RFC 5396). */
const MAX_ASDOT_PART = 65535;
const ASDOT_HIGH_FACTOR = MAX_ASDOT_PART + 1;
/** "45102", "AS45102", "as 45102", "ASN45102", asdot "1.10" or "AS1.10". */
const ASN_TEXT = /^(?:ASN?\s*)?(\d+)(?:\.(\d+))?$/i;
/** ASNs that never identify a peer: 0 (RFC 7607) and the last 4-byte number (RFC 7300). */
const RESERVED_ASNS: ReadonlySet<number> = new Set([0, MAX_ASN]);

/**
 * An AS number from a number or a string, or undefined when the value is not one. Accepts
 * `45102`, `"45102"`, `"AS45102"`, `"as 45102"`, `"ASN45102"` and asdot `"1.10"` (= 65546).
 * Rejects negatives, fractions, values above 4294967295 and anything else.
 */
export function normaliseAsn(value: unknown): number | undefined {
  if (typeof value === "number") {
    return Number.isInteger(value) && value >= 0 && value <= MAX_ASN ? value : undefined;
  }
  if (typeof value === "bigint") {
    return value >= 0n && value <= BigInt(MAX_ASN) ? Number(value) : undefined;
  }
  if (typeof value !== "string") return undefined;
  const m = ASN_TEXT.exec(value.trim());
  if (!m?.[1]) return undefined;
  if (m[2] === undefined) {
    const asn = Number(m[1]);
    return asn <= MAX_ASN ? asn : undefined;
  }
  const high = Number(m[1]);
  const low = Number(m[2]);
  if (high > MAX_ASDOT_PART || low > MAX_ASDOT_PART) return undefined;
  return high * ASDOT_HIGH_FACTOR + low;
}

// ── Public shapes ───────────────────────────────────────────────────────────────────────────────

export type MatchKind =
  | "asn"
  | "ip"
  | "aws-account"
  | "azure-subscription"
  | "azure-tenant"
  | "gcp-project"
  | "carrier"
  | "service-name"
  | "package";

export interface ProviderMatch {
  readonly provider: {
    readonly id: string;
    readonly name: string;
    /** Absent for a custom provider that names no jurisdiction. */
    readonly country?: CountryCode;
    readonly builtin: boolean;
  };
  readonly by: MatchKind;
  /** The listed value that matched: "AS45102", "47.74.0.0/15", "China Telecom Global", "alicloud:". */
  readonly matched: string;
  /** For built-in ASNs and packages: how well the listed value is backed, and by which source. */
  readonly confidence?: Confidence;
  readonly source?: string;
  /** For a built-in address range: the listed ASN that announced it in the snapshot. */
  readonly asn?: number;
}

export interface ProviderIndex {
  byAsn(asn: number): ProviderMatch[];
  /** IPv4 or IPv6 address, or a CIDR (matches when it overlaps a listed range). */
  byIp(ip: string): ProviderMatch[];
  byAccount(id: string): ProviderMatch[];
  bySubscription(id: string): ProviderMatch[];
  byTenant(id: string): ProviderMatch[];
  /** A Google Cloud project ID ("acme-net-prod"), case-insensitive. */
  byProject(id: string): ProviderMatch[];
  /** Case- and space-insensitive; a listed name found inside the given one matches. */
  byCarrier(name: string): ProviderMatch[];
  byServiceName(name: string): ProviderMatch[];
  /** A resource type token ("alicloud:ecs/instance:Instance") or provider type ("pulumi:providers:alicloud"). */
  byPackage(typeToken: string): ProviderMatch[];
}

/** One entry of the `foreignProviders` setting: a provider the user lists in addition to (or instead of) the built-ins. */
export interface CustomProvider {
  name: string;
  asns?: (number | string)[];
  accountIds?: string[];
  subscriptionIds?: string[];
  tenantIds?: string[];
  /** Google Cloud project IDs. */
  projectIds?: string[];
  cidrs?: string[];
  serviceNames?: string[];
  /** Carrier or link-provider names, as in `carrierNames` of the built-ins. */
  carrierNames?: string[];
  /** ISO 3166-1 alpha-2 code of the provider's jurisdiction. */
  jurisdiction?: string;
}

/** A problem of a custom provider, at the path of the offending value ("foreignProviders[2].cidrs[0]"). */
export type ProviderIndexError = ConfigError;

// ── Normalisation of identifiers ────────────────────────────────────────────────────────────────

/** The setting that CustomProvider entries come from; error paths start with it. */
const SETTING = "foreignProviders";
const AWS_ACCOUNT_ID = /^\d{12}$/;
/** A Google Cloud project ID: 6 to 30 lower-case letters, digits and hyphens, from a letter. */
export const GCP_PROJECT_ID = /^[a-z][a-z0-9-]{4,28}[a-z0-9]$/;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const ISO_ALPHA2 = /^[A-Z]{2}$/;
const PROVIDER_TYPE_PREFIX = "pulumi:providers:";
const TOKEN_SEPARATOR = ":";

/** An AWS account ID (only AWS: GUIDs go through guidKey) as its 12 digits: "1234-5678-9012" = "123456789012". */
function awsAccountKey(id: string): string {
  return id.replace(/[\s-]/g, "");
}

/** GUIDs compare lower-case, without braces. */
function guidKey(id: string): string {
  return id
    .trim()
    .replace(/^\{(.*)\}$/, "$1")
    .toLowerCase();
}

function serviceKey(name: string): string {
  return name.trim().toLowerCase();
}

/** The Pulumi package a type token belongs to: "alicloud" for both "alicloud:ecs/…" and "pulumi:providers:alicloud". */
function packageOf(typeToken: string): string {
  const token = typeToken.trim().toLowerCase();
  const rest = token.startsWith(PROVIDER_TYPE_PREFIX)
    ? token.slice(PROVIDER_TYPE_PREFIX.length)
    : token;
  const end = rest.indexOf(TOKEN_SEPARATOR);
  return end < 0 ? rest : rest.slice(0, end);
}

// Carrier names: words compare case-insensitively ("CHINA TELECOM" = "China Telecom"), camel case
// splits ("ChinaTelecom" = "China Telecom"), and punctuation separates ("China-Telecom").

/** A listed name also matches inside run-together text ("CHINANET-BACKBONE" holds "ChinaNet") when
 * it is at least this long once spaces are removed; shorter names (MTS, KSYUN) hide inside unrelated
 * words, so they must match as whole words. */
const MIN_RUN_TOGETHER_LENGTH = 6;

function words(name: string): string[] {
  return name
    .replace(/(\p{Ll})(\p{Lu})/gu, "$1 $2")
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0);
}

// ── IP ranges ───────────────────────────────────────────────────────────────────────────────────

type Family = "ipv4" | "ipv6";

const FAMILY_BITS: Readonly<Record<Family, number>> = { ipv4: 32, ipv6: 128 };
/** An IPv4-mapped IPv6 address (::ffff:a.b.c.d) carries its IPv4 address in the last 32 bits. */
const IPV4_MAPPED_PREFIX = FAMILY_BITS.ipv6 - FAMILY_BITS.ipv4;
const BITS_PER_BYTE = 8n;
const PREFIX_TEXT = /^\d{1,3}$/;
const IPV6_GROUP_SEPARATOR = ":";

interface IpRange {
  readonly family: Family;
  /** The address as given, as an unsigned integer. */
  readonly address: bigint;
  readonly prefix: number;
  /** The address with its host bits cleared. */
  readonly network: bigint;
}

function toBigInt(bytes: readonly number[]): bigint {
  return bytes.reduce((acc, b) => (acc << BITS_PER_BYTE) | BigInt(b), 0n);
}

function maskOf(prefix: number, bits: number): bigint {
  return ((1n << BigInt(prefix)) - 1n) << BigInt(bits - prefix);
}

function lastAddress(network: bigint, prefix: number, bits: number): bigint {
  return network | ((1n << BigInt(bits - prefix)) - 1n);
}

/** Canonical text of a range's network: "47.74.0.0/15", "2400:3200::/32". */
function rangeText({ family, network, prefix }: IpRange): string {
  const bytes: number[] = [];
  const count = FAMILY_BITS[family] / Number(BITS_PER_BYTE);
  for (let i = count - 1; i >= 0; i--) {
    bytes.push(Number((network >> (BigInt(i) * BITS_PER_BYTE)) & 0xffn));
  }
  const addr = ipaddr.fromByteArray(bytes);
  const text = "toRFC5952String" in addr ? addr.toRFC5952String() : addr.toString();
  return `${text}/${prefix}`;
}

/** Parses "1.2.3.4", "1.2.3.0/24", "2400:3200::/32", "::ffff:1.2.3.4"; undefined when it is none of these. */
function parseIpRange(input: string): IpRange | undefined {
  const text = input.trim();
  const slash = text.indexOf("/");
  const addrText = slash < 0 ? text : text.slice(0, slash);
  const prefixText = slash < 0 ? undefined : text.slice(slash + 1);
  let family: Family;
  let address: bigint;
  let prefix: number;
  if (ipaddr.IPv4.isValidFourPartDecimal(addrText)) {
    family = "ipv4";
    address = toBigInt(ipaddr.IPv4.parse(addrText).toByteArray());
  } else if (addrText.includes(IPV6_GROUP_SEPARATOR) && ipaddr.IPv6.isValid(addrText)) {
    family = "ipv6";
    address = toBigInt(ipaddr.IPv6.parse(addrText).toByteArray());
  } else {
    return undefined;
  }
  const bits = FAMILY_BITS[family];
  if (prefixText === undefined) {
    prefix = bits;
  } else {
    if (!PREFIX_TEXT.test(prefixText)) return undefined;
    prefix = Number(prefixText);
    if (prefix > bits) return undefined;
  }
  // An IPv4-mapped IPv6 address or range is the IPv4 one.
  if (
    family === "ipv6" &&
    prefix >= IPV4_MAPPED_PREFIX &&
    ipaddr.IPv6.parse(addrText).isIPv4MappedAddress()
  ) {
    family = "ipv4";
    address &= maskOf(FAMILY_BITS.ipv4, FAMILY_BITS.ipv4);
    prefix -= IPV4_MAPPED_PREFIX;
  }
  const network = address & maskOf(prefix, FAMILY_BITS[family]);
  return { family, address, prefix, network };
}

/**
 * Listed ranges of one address family. A lookup of an address masks it once per prefix length in
 * use and probes a map, so it costs the number of distinct lengths (at most 33 or 129), never the
 * number of ranges. A queried CIDR also finds listed ranges inside it, through a sorted array and a
 * binary search.
 */
class RangeTable<T> {
  private readonly byPrefix = new Map<number, Map<bigint, T[]>>();
  private readonly starts: { start: bigint; prefix: number; values: T[] }[] = [];
  private prefixes: number[] = [];

  constructor(private readonly bits: number) {}

  add(range: IpRange, value: T): void {
    let table = this.byPrefix.get(range.prefix);
    if (!table) {
      table = new Map();
      this.byPrefix.set(range.prefix, table);
    }
    const existing = table.get(range.network);
    if (existing) {
      existing.push(value);
      return;
    }
    const values = [value];
    table.set(range.network, values);
    this.starts.push({ start: range.network, prefix: range.prefix, values });
  }

  /** Call once after the last add. */
  seal(): void {
    this.prefixes = [...this.byPrefix.keys()].sort((a, b) => a - b);
    this.starts.sort((a, b) =>
      a.start < b.start ? -1 : a.start > b.start ? 1 : a.prefix - b.prefix,
    );
  }

  /** Values of every listed range that overlaps the query. */
  overlapping(query: IpRange): T[] {
    const found = new Set<T>();
    // Listed ranges that contain the query (or equal it).
    for (const prefix of this.prefixes) {
      if (prefix > query.prefix) break;
      const hit = this.byPrefix.get(prefix)?.get(query.network & maskOf(prefix, this.bits));
      hit?.forEach((v) => found.add(v));
    }
    // Listed ranges inside a queried CIDR: aligned ranges whose first address lies within it.
    if (query.prefix < this.bits) {
      const end = lastAddress(query.network, query.prefix, this.bits);
      for (let i = this.firstAtOrAfter(query.network); i < this.starts.length; i++) {
        const entry = this.starts[i];
        if (!entry || entry.start > end) break;
        entry.values.forEach((v) => found.add(v));
      }
    }
    return [...found];
  }

  private firstAtOrAfter(start: bigint): number {
    let lo = 0;
    let hi = this.starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const entry = this.starts[mid];
      if (entry && entry.start < start) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

// ── Building the index ──────────────────────────────────────────────────────────────────────────

interface ProviderRef {
  readonly id: string;
  readonly name: string;
  readonly country?: CountryCode;
  readonly builtin: boolean;
}

/** A listed value, ready to be returned as a match. */
type Listed = Omit<ProviderMatch, "by">;

interface CarrierEntry {
  /** Position among all carrier names, so that ties resolve in registry and config order. */
  readonly order: number;
  readonly listed: Listed;
  readonly words: readonly string[];
  readonly runTogether: string;
}

/** `*` matches within one `/`-separated segment, `**` across segments, `?` one character. */
const GLOB_OPTIONS: MinimatchOptions = {
  nocase: true,
  dot: true,
  nonegate: true,
  nocomment: true,
  noext: true,
  nobrace: true,
  platform: "linux",
};
const GLOB_CHARS = /[*?[]/;
/** A pattern made only of wildcards would match every service. */
const ONLY_WILDCARDS = /^[*?/]*$/;

function listed(
  provider: ProviderRef,
  matched: string,
  confidence?: Confidence,
  source?: string,
): Listed {
  return {
    provider,
    matched,
    ...(confidence ? { confidence } : {}),
    ...(source ? { source } : {}),
  };
}

class Builder {
  readonly errors: ProviderIndexError[] = [];
  private readonly asns = new Map<number, Listed[]>();
  private readonly ranges: Record<Family, RangeTable<Listed>> = {
    ipv4: new RangeTable(FAMILY_BITS.ipv4),
    ipv6: new RangeTable(FAMILY_BITS.ipv6),
  };
  private readonly accounts = new Map<string, Listed[]>();
  private readonly subscriptions = new Map<string, Listed[]>();
  private readonly tenants = new Map<string, Listed[]>();
  private readonly projects = new Map<string, Listed[]>();
  private readonly carriersByWord = new Map<string, CarrierEntry[]>();
  /** Names long enough to match inside run-together text, by their first MIN_RUN_TOGETHER_LENGTH characters. */
  private readonly carriersRunTogether = new Map<string, CarrierEntry[]>();
  private carrierCount = 0;
  private readonly services = new PatternIndex<Listed>(minimatchPrefix);
  private readonly packages = new Map<string, Listed[]>();
  private readonly usedIds = new Set<string>();
  /** Built-in providers by the ASNs they list, for the snapshot's announced prefixes. */
  private readonly prefixOwners = new Map<number, { ref: ProviderRef; confidence: Confidence }[]>();

  addBuiltin(p: ForeignProvider): void {
    const ref: ProviderRef = { id: p.id, name: p.name, country: p.country, builtin: true };
    this.usedIds.add(p.id);
    const where = `builtin provider ${p.id}`;
    for (const a of p.asns) {
      this.addAsn(ref, a.asn, `${where} asn`, a.confidence, a.source);
      // A prefix is no better attributed than the ASN it belongs to, and at best third-party.
      const confidence = a.confidence === "uncertain" ? "uncertain" : "third-party";
      push(this.prefixOwners, a.asn, { ref, confidence });
    }
    p.carrierNames.forEach((n) => this.addCarrier(ref, n));
    for (const pkg of p.pulumiPackages) {
      push(
        this.packages,
        packageOf(pkg.prefix),
        listed(ref, pkg.prefix, pkg.confidence, pkg.source),
      );
    }
    this.addIdentifiers(ref, where, {
      accountIds: p.accountIds,
      subscriptionIds: p.subscriptionIds,
      tenantIds: p.tenantIds,
      cidrs: p.cidrs,
      serviceNames: p.serviceNames,
    });
  }

  addCustom(raw: unknown, index: number): void {
    const at = `${SETTING}[${index}]`;
    if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
      this.error(at, { code: "provider-not-object" });
      return;
    }
    const entry = raw as Record<string, unknown>;
    let name = typeof entry.name === "string" ? entry.name.trim() : "";
    if (!name) {
      this.error(`${at}.name`, { code: "provider-without-name" });
      name = `unnamed provider ${index}`;
    }
    const country = this.jurisdiction(entry.jurisdiction, `${at}.jurisdiction`);
    const ref: ProviderRef = {
      id: this.customId(name, index),
      name,
      ...(country ? { country } : {}),
      builtin: false,
    };
    const lists = {
      asns: this.list(entry.asns, `${at}.asns`),
      accountIds: this.list(entry.accountIds, `${at}.accountIds`),
      subscriptionIds: this.list(entry.subscriptionIds, `${at}.subscriptionIds`),
      tenantIds: this.list(entry.tenantIds, `${at}.tenantIds`),
      projectIds: this.list(entry.projectIds, `${at}.projectIds`),
      cidrs: this.list(entry.cidrs, `${at}.cidrs`),
      serviceNames: this.list(entry.serviceNames, `${at}.serviceNames`),
      carrierNames: this.list(entry.carrierNames, `${at}.carrierNames`),
    };
    if (Object.values(lists).every((l) => l.length === 0)) {
      this.error(at, { code: "provider-without-identifiers", name });
    }
    lists.asns.forEach((a, i) => this.addAsn(ref, a, `${at}.asns[${i}]`));
    lists.carrierNames.forEach((c, i) => {
      if (typeof c === "string" && words(c).length > 0) this.addCarrier(ref, c.trim());
      else this.error(`${at}.carrierNames[${i}]`, { code: "invalid-carrier-name", value: c });
    });
    this.addIdentifiers(ref, at, lists);
  }

  build(): ProviderIndex {
    this.ranges.ipv4.seal();
    this.ranges.ipv6.seal();
    const { asns, ranges, accounts, subscriptions, tenants, projects, packages, prefixOwners } =
      this;
    const matchCarrier = (name: string): ProviderMatch[] => this.matchCarrier(name);
    const matchService = (name: string): ProviderMatch[] => this.matchService(name);
    return {
      byAsn: (asn) => matchesOf("asn", asns.get(asn)),
      byIp: (ip) => {
        const range = parseIpRange(ip);
        if (!range) return [];
        const listedRanges = matchesOf("ip", ranges[range.family].overlapping(range));
        if (prefixOwners.size === 0) return listedRanges;
        const end = lastAddress(range.network, range.prefix, FAMILY_BITS[range.family]);
        // One match per provider: a wide queried CIDR may overlap thousands of its prefixes.
        const announced = new Map<string, ProviderMatch>();
        for (const hit of prefixesOverlapping(range.family, range.network, end)) {
          for (const { ref, confidence } of prefixOwners.get(hit.group.asn) ?? []) {
            if (announced.has(ref.id)) continue;
            announced.set(ref.id, {
              provider: ref,
              by: "ip",
              matched: hit.cidr,
              confidence,
              source: hit.group.source,
              asn: hit.group.asn,
            });
          }
        }
        return [...listedRanges, ...announced.values()];
      },
      byAccount: (id) => matchesOf("aws-account", accounts.get(awsAccountKey(id))),
      bySubscription: (id) => matchesOf("azure-subscription", subscriptions.get(guidKey(id))),
      byTenant: (id) => matchesOf("azure-tenant", tenants.get(guidKey(id))),
      byProject: (id) => matchesOf("gcp-project", projects.get(id.trim().toLowerCase())),
      byCarrier: matchCarrier,
      byServiceName: matchService,
      byPackage: (typeToken) => matchesOf("package", packages.get(packageOf(typeToken))),
    };
  }

  // ── adding identifiers ──

  private addIdentifiers(
    ref: ProviderRef,
    at: string,
    ids: {
      accountIds?: readonly unknown[];
      subscriptionIds?: readonly unknown[];
      tenantIds?: readonly unknown[];
      projectIds?: readonly unknown[];
      cidrs?: readonly unknown[];
      serviceNames?: readonly unknown[];
    },
  ): void {
    ids.accountIds?.forEach((v, i) => {
      const field = `${at}.accountIds[${i}]`;
      const key = typeof v === "string" ? awsAccountKey(v) : "";
      if (AWS_ACCOUNT_ID.test(key)) push(this.accounts, key, listed(ref, key));
      else
        this.error(field, {
          code: "invalid-aws-account-id",
          value: v,
          ...(typeof v === "number" ? { padded: String(v).padStart(12, "0") } : {}),
        });
    });
    const guids = (
      list: readonly unknown[] | undefined,
      key: string,
      map: Map<string, Listed[]>,
      what: "subscription" | "tenant",
    ) =>
      list?.forEach((v, i) => {
        const id = typeof v === "string" ? guidKey(v) : "";
        if (GUID.test(id)) push(map, id, listed(ref, id));
        else this.error(`${at}.${key}[${i}]`, { code: "invalid-azure-id", value: v, what });
      });
    guids(ids.subscriptionIds, "subscriptionIds", this.subscriptions, "subscription");
    guids(ids.tenantIds, "tenantIds", this.tenants, "tenant");
    ids.projectIds?.forEach((v, i) => {
      const id = typeof v === "string" ? v.trim().toLowerCase() : "";
      if (GCP_PROJECT_ID.test(id)) push(this.projects, id, listed(ref, id));
      else this.error(`${at}.projectIds[${i}]`, { code: "invalid-gcp-project-id", value: v });
    });
    ids.cidrs?.forEach((v, i) => this.addCidr(ref, v, `${at}.cidrs[${i}]`));
    ids.serviceNames?.forEach((v, i) => this.addService(ref, v, `${at}.serviceNames[${i}]`));
  }

  private addAsn(
    ref: ProviderRef,
    value: unknown,
    field: string,
    confidence?: Confidence,
    source?: string,
  ): void {
    const asn = normaliseAsn(value);
    if (asn === undefined) {
      this.error(field, { code: "invalid-asn", value, maxAsn: MAX_ASN });
    } else if (RESERVED_ASNS.has(asn)) {
      this.error(field, { code: "reserved-asn", asn });
    } else {
      push(this.asns, asn, listed(ref, `AS${asn}`, confidence, source));
    }
  }

  private addCidr(ref: ProviderRef, value: unknown, field: string): void {
    const range = typeof value === "string" ? parseIpRange(value) : undefined;
    if (!range) {
      this.error(field, { code: "invalid-cidr", value });
    } else if (range.network !== range.address) {
      this.error(field, {
        code: "cidr-host-bits",
        value,
        prefix: range.prefix,
        network: rangeText(range),
      });
    } else {
      this.ranges[range.family].add(range, listed(ref, rangeText(range)));
    }
  }

  private addService(ref: ProviderRef, value: unknown, field: string): void {
    const name = typeof value === "string" ? serviceKey(value) : "";
    if (!name) {
      this.error(field, { code: "invalid-service-name", value });
      return;
    }
    if (!GLOB_CHARS.test(name)) {
      this.services.add(name, listed(ref, value as string), (text) => text === name);
      return;
    }
    const re = ONLY_WILDCARDS.test(name) ? false : makeRe(name, GLOB_OPTIONS);
    if (re === false) {
      this.error(field, { code: "invalid-service-pattern", value });
      return;
    }
    this.services.add(name, listed(ref, value as string), (text) => re.test(text));
  }

  private addCarrier(ref: ProviderRef, name: string): void {
    const w = words(name);
    const first = w[0];
    if (first === undefined) return;
    const entry: CarrierEntry = {
      order: this.carrierCount++,
      listed: listed(ref, name),
      words: w,
      runTogether: w.join(""),
    };
    push(this.carriersByWord, first, entry);
    if (entry.runTogether.length >= MIN_RUN_TOGETHER_LENGTH) {
      push(this.carriersRunTogether, entry.runTogether.slice(0, MIN_RUN_TOGETHER_LENGTH), entry);
    }
  }

  // ── lookups that are more than a map hit ──

  private matchCarrier(name: string): ProviderMatch[] {
    const w = words(name);
    const runTogether = w.join("");
    const hits: CarrierEntry[] = [];
    w.forEach((word, i) => {
      for (const c of this.carriersByWord.get(word) ?? []) {
        if (c.words.every((cw, j) => w[i + j] === cw)) hits.push(c);
      }
    });
    // Names found inside the run-together text, in registry and config order.
    const inside = new Set<CarrierEntry>();
    for (let at = 0; at + MIN_RUN_TOGETHER_LENGTH <= runTogether.length; at++) {
      const head = runTogether.slice(at, at + MIN_RUN_TOGETHER_LENGTH);
      for (const c of this.carriersRunTogether.get(head) ?? []) {
        if (runTogether.startsWith(c.runTogether, at)) inside.add(c);
      }
    }
    hits.push(...[...inside].sort((a, b) => a.order - b.order));
    // One match per provider: the most specific (longest) listed name that matched.
    const best = new Map<string, CarrierEntry>();
    for (const c of hits) {
      const prev = best.get(c.listed.provider.id);
      if (!prev || c.runTogether.length > prev.runTogether.length)
        best.set(c.listed.provider.id, c);
    }
    return matchesOf(
      "carrier",
      [...best.values()].map((c) => c.listed),
    );
  }

  private matchService(name: string): ProviderMatch[] {
    const key = serviceKey(name);
    if (!key) return [];
    return matchesOf("service-name", this.services.lookup(key));
  }

  // ── helpers ──

  private list(value: unknown, field: string): unknown[] {
    if (value === undefined || value === null) return [];
    if (Array.isArray(value)) return value;
    this.error(field, { code: "not-a-list", value });
    return [];
  }

  private jurisdiction(value: unknown, field: string): CountryCode | undefined {
    if (value === undefined || value === null) return undefined;
    const code = typeof value === "string" ? value.trim().toUpperCase() : "";
    if (ISO_ALPHA2.test(code) && isIsoCountry(code)) return code;
    this.error(field, { code: "invalid-country-code", value });
    return undefined;
  }

  private customId(name: string, index: number): string {
    const slug = name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "");
    let id = slug ? `custom-${slug}` : `custom-${index}`;
    if (this.usedIds.has(id)) id = `${id}-${index}`;
    this.usedIds.add(id);
    return id;
  }

  private error(field: string, cause: ConfigProblem): void {
    this.errors.push({ field, cause });
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function matchesOf(by: MatchKind, values: readonly Listed[] | undefined): ProviderMatch[] {
  return (values ?? []).map((v) => ({ ...v, by }));
}

/**
 * Indexes the built-in registry (when `builtin` is true) and the user's own providers. Invalid
 * custom values are left out of the index and reported in `errors`, each naming its field
 * (`foreignProviders[2].cidrs[0]`), what is wrong and how to fix it.
 */
export function buildProviderIndex(opts: { builtin: boolean; custom: readonly CustomProvider[] }): {
  index: ProviderIndex;
  errors: ProviderIndexError[];
} {
  const builder = new Builder();
  if (opts.builtin) BUILTIN_FOREIGN_PROVIDERS.forEach((p) => builder.addBuiltin(p));
  opts.custom.forEach((c, i) => builder.addCustom(c, i));
  return { index: builder.build(), errors: builder.errors };
}

let builtinCache: ProviderIndex | undefined;

/** The index of the built-in registry alone, built on first use and shared. */
export function builtinProviderIndex(): ProviderIndex {
  builtinCache ??= buildProviderIndex({ builtin: true, custom: [] }).index;
  return builtinCache;
}
