// The address prefixes of listed providers' ASNs (data/foreign-provider-ranges.ts, a dated public
// snapshot), as sorted interval tables: one binary search finds the prefixes that overlap an
// address or a CIDR. Built on first use (about 27,000 prefixes parse in a few milliseconds), so a
// run that never looks up an address never pays for it.
import { ASN_PREFIXES, PROVIDER_PREFIX_SNAPSHOT } from "../data/foreign-provider-ranges";
import type { AsnPrefixes } from "../data/types";

export { PROVIDER_PREFIX_SNAPSHOT };

/** One listed prefix that an address or range lies in (or overlaps). */
export interface PrefixHit {
  readonly cidr: string;
  readonly group: AsnPrefixes;
}

/** Intervals [start, end] of one address family, sorted by start, with a running maximum of ends
 * so that nested or overlapping intervals are found too. */
class IntervalTable<N extends number | bigint> {
  private readonly order: number[];

  constructor(
    private readonly starts: N[],
    private readonly ends: N[],
    private readonly cidrs: string[],
    private readonly groups: AsnPrefixes[],
    private readonly maxEnd: N[] = [],
  ) {
    this.order = starts.map((_, i) => i).sort((a, b) => cmp(starts[a] as N, starts[b] as N));
    let max: N | undefined;
    for (const i of this.order) {
      const end = ends[i] as N;
      max = max === undefined || end > max ? end : max;
      this.maxEnd.push(max);
    }
  }

  get size(): number {
    return this.order.length;
  }

  /** Every interval that overlaps [from, to]. */
  overlapping(from: N, to: N): PrefixHit[] {
    // The last interval that starts at or before `to`.
    let lo = 0;
    let hi = this.order.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.starts[this.order[mid] as number] as N) <= to) lo = mid + 1;
      else hi = mid;
    }
    const hits: PrefixHit[] = [];
    for (let k = lo - 1; k >= 0 && (this.maxEnd[k] as N) >= from; k--) {
      const i = this.order[k] as number;
      if ((this.ends[i] as N) >= from) {
        hits.push({ cidr: this.cidrs[i] as string, group: this.groups[i] as AsnPrefixes });
      }
    }
    return hits.reverse();
  }
}

function cmp<N extends number | bigint>(a: N, b: N): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const IPV4_BITS = 32;
const IPV6_BITS = 128;

/** "1.2.3.0/24" → [start, end] as numbers; the generator writes canonical prefixes only. */
function ipv4Interval(cidr: string): [number, number] {
  const [addr = "", len = ""] = cidr.split("/");
  const value = addr.split(".").reduce((acc, octet) => acc * 256 + Number(octet), 0);
  const size = 2 ** (IPV4_BITS - Number(len));
  return [value, value + size - 1];
}

/** "2400:3200::/32" → [start, end]; groups are expanded by hand (no per-prefix object). */
function ipv6Interval(cidr: string): [bigint, bigint] {
  const [addr = "", len = ""] = cidr.split("/");
  const [head = "", tail] = addr.split("::");
  const left = head === "" ? [] : head.split(":");
  const right = tail === undefined || tail === "" ? [] : tail.split(":");
  const zeros = Array<string>(8 - left.length - right.length).fill("0");
  const hex = [...left, ...zeros, ...right].map((g) => g.padStart(4, "0")).join("");
  const value = BigInt(`0x${hex}`);
  const size = 1n << BigInt(IPV6_BITS - Number(len));
  return [value, value + size - 1n];
}

export interface PrefixTables {
  readonly ipv4: IntervalTable<number>;
  readonly ipv6: IntervalTable<bigint>;
}

function build(groups: readonly AsnPrefixes[]): PrefixTables {
  const v4 = {
    starts: [] as number[],
    ends: [] as number[],
    cidrs: [] as string[],
    groups: [] as AsnPrefixes[],
  };
  const v6 = {
    starts: [] as bigint[],
    ends: [] as bigint[],
    cidrs: [] as string[],
    groups: [] as AsnPrefixes[],
  };
  for (const g of groups) {
    for (const cidr of g.ipv4.split(" ")) {
      if (!cidr) continue;
      const [s, e] = ipv4Interval(cidr);
      v4.starts.push(s);
      v4.ends.push(e);
      v4.cidrs.push(cidr);
      v4.groups.push(g);
    }
    for (const cidr of g.ipv6.split(" ")) {
      if (!cidr) continue;
      const [s, e] = ipv6Interval(cidr);
      v6.starts.push(s);
      v6.ends.push(e);
      v6.cidrs.push(cidr);
      v6.groups.push(g);
    }
  }
  return {
    ipv4: new IntervalTable(v4.starts, v4.ends, v4.cidrs, v4.groups),
    ipv6: new IntervalTable(v6.starts, v6.ends, v6.cidrs, v6.groups),
  };
}

let tables: PrefixTables | undefined;

/** The tables of the built-in snapshot, built on first use and shared. */
export function providerPrefixTables(): PrefixTables {
  tables ??= build(ASN_PREFIXES);
  return tables;
}

/**
 * The snapshot's prefixes that overlap the range [start, end] of one family (an address is a range
 * of one). Values are unsigned integers of the address.
 */
export function prefixesOverlapping(
  family: "ipv4" | "ipv6",
  start: bigint,
  end: bigint,
): PrefixHit[] {
  const t = providerPrefixTables();
  return family === "ipv4"
    ? t.ipv4.overlapping(Number(start), Number(end))
    : t.ipv6.overlapping(start, end);
}

/** When a person last compared the table with the snapshot (the latest group review). */
export function prefixesReviewed(): string {
  return ASN_PREFIXES.reduce((max, g) => (g.reviewed > max ? g.reviewed : max), "");
}

/** The snapshot's group of one ASN, if the snapshot was read for it. */
export function prefixGroupOf(asn: number): AsnPrefixes | undefined {
  groupsByAsn ??= new Map(ASN_PREFIXES.map((g) => [g.asn, g]));
  return groupsByAsn.get(asn);
}
let groupsByAsn: Map<number, AsnPrefixes> | undefined;
