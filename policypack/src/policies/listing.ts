// Shared decisions about identifiers: is this country restricted, is this account listed, does
// this peer belong to a listed provider? Used by the account and peering policies.
import type { ResolvedSettings } from "../config";
import { restrictedAccountKey } from "../config";
import type { AccountTie, PeerIdentifier } from "../facts/types";
import type { ListingReason } from "../findings";

export function countryReason(
  country: string | undefined,
  settings: ResolvedSettings,
): ListingReason | undefined {
  if (country === undefined) return undefined;
  const via = settings.restricted.get(country.toUpperCase());
  return via ? { by: "jurisdiction", country: country.toUpperCase(), via } : undefined;
}

export function accountReason(id: string, settings: ResolvedSettings): ListingReason | undefined {
  const entry = settings.restrictedAccounts.get(restrictedAccountKey(id));
  return entry ? { by: "restrictedAccounts", entry } : undefined;
}

const ACCOUNT_TIES: ReadonlySet<AccountTie["kind"]> = new Set([
  "aws-account",
  "azure-subscription",
  "azure-tenant",
]);

/** Why an account tie is restricted, if it is. */
export function tieReasons(tie: AccountTie, settings: ResolvedSettings): ListingReason[] {
  const out: ListingReason[] = [];
  const byCountry = countryReason(tie.country, settings);
  if (byCountry) out.push(byCountry);
  if (ACCOUNT_TIES.has(tie.kind)) {
    const byAccount = accountReason(tie.value, settings);
    if (byAccount) out.push(byAccount);
  }
  return out;
}

/**
 * Why a peer is listed or restricted, if it is. `home` is the country the resource itself is in,
 * when its placement is known: a far-side region in that same country is not a border crossing,
 * so it is no reason (a listed provider, account or service is, wherever it is). Countries
 * compare by ISO 3166-1 code: Hong Kong (HK) and Macau (MO) are their own jurisdictions, apart
 * from mainland China (CN), although the EAR groups them together for what is restricted.
 */
export function peerReasons(
  peer: PeerIdentifier,
  settings: ResolvedSettings,
  home?: string,
): ListingReason[] {
  const idx = settings.providers;
  const provider = (matches: ReturnType<typeof idx.byAsn>): ListingReason[] =>
    matches.map((match) => ({ by: "provider", match }));
  const account = (id: string): ListingReason[] => {
    const r = accountReason(id, settings);
    return r ? [r] : [];
  };
  switch (peer.kind) {
    case "asn": {
      const asn = Number(peer.value);
      return Number.isInteger(asn) ? provider(idx.byAsn(asn)) : [];
    }
    case "ip":
      return provider(idx.byIp(peer.value));
    case "aws-account":
      return [...provider(idx.byAccount(peer.value)), ...account(peer.value)];
    case "azure-subscription":
      return [...provider(idx.bySubscription(peer.value)), ...account(peer.value)];
    case "azure-tenant":
      return [...provider(idx.byTenant(peer.value)), ...account(peer.value)];
    case "gcp-project":
      return [...provider(idx.byProject(peer.value)), ...account(peer.value)];
    case "carrier":
      return provider(idx.byCarrier(peer.value));
    case "service-name":
      return provider(idx.byServiceName(peer.value));
    case "region": {
      if (sameJurisdiction(peer.country, home)) return [];
      const r = countryReason(peer.country, settings);
      return r ? [r] : [];
    }
    case "fqdn":
      return [];
  }
}

/** Both countries known and the same ISO 3166-1 code. */
export function sameJurisdiction(a: string | undefined, b: string | undefined): boolean {
  return a !== undefined && b !== undefined && a.trim().toUpperCase() === b.trim().toUpperCase();
}
