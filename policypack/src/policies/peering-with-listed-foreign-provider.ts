// peering-with-listed-foreign-provider: a peering, VPN, BGP session, private interconnect or
// private endpoint that reaches a listed foreign provider or a restricted jurisdiction.
import { describeInterconnect } from "../facts";
import type { Outcome, PeerMatch } from "../findings";
import { policyUrl } from "./docs-url";
import { peerReasons } from "./listing";
import type { RuleSpec } from "./rule";
import { toPolicy } from "./rule";

const NAME = "peering-with-listed-foreign-provider";

export const peeringWithListedForeignProviderRule: RuleSpec = {
  metadata: {
    name: NAME,
    displayName: "Peering or interconnect with a listed foreign provider",
    description:
      "Denies VPC/VNet peering, VPN and BGP sessions, Direct Connect / ExpressRoute " +
      "interconnects and private endpoints that reach a listed foreign provider (by ASN, IP " +
      "range, account, subscription, carrier or service name) or a restricted jurisdiction.",
    enforcementLevel: "mandatory",
    severity: "high",
    tags: ["jurisdiction", "network", "foreign-provider"],
    framework: {
      name: "jurisdiction-guard",
      version: "1",
      reference:
        "EO 13984 and the 2020 draft on foreign IaaS partnering (corporate control, not legal advice)",
      specification:
        "No network interconnects with listed foreign providers or restricted jurisdictions.",
    },
    remediationSteps:
      "1. Remove the connection, or point it at an approved peer (ASN, address, account, " +
      "carrier). 2. If a match is wrong, correct `foreignProviders` / `restrictedAccounts` in the " +
      "central pack config, or set `builtinForeignProviders` to false and list providers yourself.",
    url: policyUrl(NAME),
  },
  settings: [
    "restrictedJurisdictions",
    "restrictedAccounts",
    "foreignProviders",
    "builtinForeignProviders",
  ],
  concerns: (view) => describeInterconnect(view) !== undefined,
  evaluate(view, _env, settings): Outcome {
    const ic = describeInterconnect(view);
    if (!ic)
      return { kind: "not-applicable", reason: "not a peering, VPN, interconnect or endpoint" };
    const matches: PeerMatch[] = [];
    for (const peer of ic.peers) {
      for (const reason of peerReasons(peer, settings)) matches.push({ peer, reason });
    }
    if (matches.length > 0) {
      return {
        kind: "violation",
        finding: { kind: "listed-peer", interconnect: ic.kind, matches },
      };
    }
    if (ic.computed.length > 0) {
      return {
        kind: "advisory",
        finding: {
          kind: "computed-identifiers",
          about: { kind: "peer", interconnect: ic.kind },
          paths: ic.computed,
        },
      };
    }
    return { kind: "pass" };
  },
};

export const peeringWithListedForeignProvider = toPolicy(peeringWithListedForeignProviderRule);
