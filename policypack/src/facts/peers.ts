// Collecting the identifiers of the far side of a peering, VPN, BGP session or interconnect from a
// resource's props. Cloud extractors (facts/aws/interconnect.ts, facts/azure/interconnect.ts) say
// where the identifiers live and how to turn a value into identifiers; this collector reads them
// unknown-safely (computed values become `computed` paths, JSON-string lists are decoded) and
// normalises ASNs to digits.
import { normaliseAsn } from "../catalogue/provider-matcher";
import type { Props } from "../values";
import { Computed, read, readList } from "../values";
import type { InterconnectFacts, PeerIdentifier } from "./types";

/**
 * Extracts interconnect facts from the props of one resource kind; undefined when this resource
 * of the kind is not an interconnect (a forwarding rule of a load balancer rather than a Private
 * Service Connect endpoint).
 */
export interface InterconnectExtractor {
  (props: Props): InterconnectFacts | undefined;
  /** What the kind is, for messages and docs: "VPC peering connection". */
  readonly kind: string;
}

/** An extractor of `kind` from a function that may decide a resource is no interconnect. */
export function conditionalExtractor(
  kind: string,
  fn: (props: Props, kind: string) => InterconnectFacts | undefined,
): InterconnectExtractor {
  return Object.assign((props: Props) => fn(props, kind), { kind });
}

/** Turns one value found at `path` into zero or more identifiers. */
export type PeerMaker = (value: string, path: string) => readonly PeerIdentifier[];

function joinPath(base: string, path: string): string {
  if (!base) return path;
  if (!path) return base;
  return path.startsWith("[") ? `${base}${path}` : `${base}.${path}`;
}

/** A trimmed value as one identifier of `kind`, optionally normalised; blanks give none. */
export function peerOf(
  kind: PeerIdentifier["kind"],
  normalise: (value: string) => string = (v) => v,
): PeerMaker {
  return (value, path) => {
    const v = normalise(value.trim());
    return v === "" ? [] : [{ kind, value: v, path }];
  };
}

/** IP addresses and CIDR blocks: trimmed, lower case (IPv6 hex digits). */
export const ipPeer = peerOf("ip", (v) => v.toLowerCase());
/** Host names: trimmed, lower case, without a trailing dot. */
export const fqdnPeer = peerOf("fqdn", (v) => v.toLowerCase().replace(/\.$/, ""));
/** Carrier or partner names, as written (matching is the policy's business). */
export const carrierPeer = peerOf("carrier");
export const serviceNamePeer = peerOf("service-name");

export class PeerCollector {
  private readonly peers: PeerIdentifier[] = [];
  private readonly seen = new Set<string>();
  private readonly unknown: string[] = [];
  private readonly linked: string[] = [];

  /** A single scalar (string or number) at `path` below `root`, turned into identifiers by `make`. */
  scalar(root: unknown, path: string, make: PeerMaker, base = ""): this {
    const v = read(root, path, base);
    if (v instanceof Computed) return this.computed(v.path);
    const s = scalarText(v);
    if (s !== undefined) for (const p of make(s, joinPath(base, path))) this.add(p);
    return this;
  }

  /** A list of scalars at `path` (a JSON-string list or a single value read as one item). */
  scalars(root: unknown, path: string, make: PeerMaker, base = ""): this {
    const { items, computed } = readList(root, path, base);
    if (computed) this.computed(computed.path);
    for (const item of items) {
      const s = scalarText(item.value);
      if (s !== undefined) for (const p of make(s, item.path)) this.add(p);
    }
    return this;
  }

  /** An ASN given as a number or as text ("45102", "AS45102"); stored as digits only. */
  asn(root: unknown, path: string, base = ""): this {
    const v = read(root, path, base);
    if (v instanceof Computed) return this.computed(v.path);
    if (v === undefined || (typeof v === "string" && v.trim() === "")) return this;
    if (typeof v !== "string" && typeof v !== "number") return this;
    const n = normaliseAsn(v);
    if (n !== undefined) this.add({ kind: "asn", value: String(n), path: joinPath(base, path) });
    return this;
  }

  /** Each item of the list (objects) at `path`, with its own path, for nested reads. */
  each(
    root: unknown,
    path: string,
    fn: (item: unknown, itemPath: string) => void,
    base = "",
  ): this {
    const { items, computed } = readList(root, path, base);
    if (computed) this.computed(computed.path);
    for (const item of items) fn(item.value, item.path);
    return this;
  }

  /**
   * A top-level input that names the far side as another resource (a VPC ID) but not where it is:
   * no identifier of its own; computed, it is a computed path; either way the stack phase follows
   * it to the resource it comes from.
   */
  link(root: unknown, path: string): this {
    const v = read(root, path);
    if (v instanceof Computed) this.computed(v.path);
    if (!this.linked.includes(path)) this.linked.push(path);
    return this;
  }

  add(peer: PeerIdentifier): this {
    const key = `${peer.kind}\u0000${peer.value}\u0000${peer.path}`;
    if (!this.seen.has(key)) {
      this.seen.add(key);
      this.peers.push(peer);
    }
    return this;
  }

  computed(path: string): this {
    if (!this.unknown.includes(path)) this.unknown.push(path);
    return this;
  }

  result(kind: string): InterconnectFacts {
    return {
      kind,
      peers: [...this.peers],
      computed: [...this.unknown],
      ...(this.linked.length > 0 ? { links: [...this.linked] } : {}),
    };
  }
}

/** Reads one group of identifiers from a resource's props into the collector. */
export type Reader = (c: PeerCollector, props: Props) => void;

/** An extractor for one resource kind: runs every reader over the props. */
export function extractor(kind: string, ...readers: readonly Reader[]): InterconnectExtractor {
  return conditionalExtractor(kind, (props) => {
    const c = new PeerCollector();
    for (const read of readers) read(c, props);
    return c.result(kind);
  });
}

/** Another package's extractor for a kind of the same shape (aws-native kinds through the aws table). */
export function borrowedInterconnect(
  table: ReadonlyMap<string, InterconnectExtractor>,
  token: string,
): InterconnectExtractor {
  const found = table.get(token);
  if (!found) throw new Error(`no interconnect extractor for ${token} to reuse`);
  return found;
}

function scalarText(v: unknown): string | undefined {
  if (typeof v === "string") return v.trim() === "" ? undefined : v;
  if (typeof v === "number" && Number.isFinite(v)) return String(v);
  return undefined;
}
