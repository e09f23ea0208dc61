// Shared shapes of the interconnect-table unit tests: identifiers as the extractors give them,
// and one case per kind (the inputs of a foreign far side and of a compliant one).
import type { InterconnectExtractor } from "../../../policypack/src/facts/peers";
import type { InterconnectFacts, PeerIdentifier } from "../../../policypack/src/facts/types";
import type { Props } from "../../../policypack/src/values";

export const peer = (
  kind: PeerIdentifier["kind"],
  value: string,
  path: string,
): PeerIdentifier => ({
  kind,
  value,
  path,
});

export const regionPeer = (value: string, path: string, country?: string): PeerIdentifier => ({
  kind: "region",
  value,
  path,
  ...(country ? { country } : {}),
});

export interface KindCase {
  readonly token: string;
  /** Inputs that identify a foreign peer, and the identifiers they must give. */
  readonly found: { readonly props: Props; readonly peers: readonly PeerIdentifier[] };
  /** Compliant inputs (own account, own region, private addresses), and what they give. */
  readonly plain: { readonly props: Props; readonly peers: readonly PeerIdentifier[] };
}

export function factsOf(
  table: ReadonlyMap<string, InterconnectExtractor>,
  token: string,
  props: Props,
): InterconnectFacts {
  const extract = table.get(token);
  if (!extract) throw new Error(`no extractor for ${token}`);
  const result = extract(props);
  if (!result) throw new Error(`${token} is not read as an interconnect`);
  return result;
}

export function sortPeers(list: readonly PeerIdentifier[]): PeerIdentifier[] {
  const key = (p: PeerIdentifier) => `${p.path}|${p.kind}|${p.value}`;
  return [...list].sort((a, b) => key(a).localeCompare(key(b)));
}

/** The table-driven tests every interconnect table gets: a case per kind, found and plain. */
export function describeKindCases(
  table: ReadonlyMap<string, InterconnectExtractor>,
  cases: readonly KindCase[],
): void {
  it("has a test case for every kind it lists, and lists every kind tested", () => {
    expect(cases.map((c) => c.token).sort()).toEqual([...table.keys()].sort());
  });

  it("names every kind", () => {
    for (const [token, extract] of table) {
      expect({ token, kind: extract.kind }).toEqual({ token, kind: expect.stringMatching(/\S/) });
    }
  });

  describe.each(cases)("$token", ({ token, found, plain }) => {
    it("finds the identifiers of a foreign peer", () => {
      expect(sortPeers(factsOf(table, token, found.props).peers)).toEqual(sortPeers(found.peers));
    });

    it("finds nothing foreign in compliant inputs", () => {
      const facts = factsOf(table, token, plain.props);
      expect(sortPeers(facts.peers)).toEqual(sortPeers(plain.peers));
      expect(facts.computed).toEqual([]);
    });
  });
}
