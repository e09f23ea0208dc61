// The decision vocabulary: what a policy makes of a resource (its outcome), what it found (a
// finding, with the subject and the reasons), and the placement verdicts findings carry. Policies
// decide in these terms; report.ts words them; nothing here decides or words anything.
import type { ConfigError, Exemption, Settings } from "./config";
import type { ProviderMatch } from "./catalogue/provider-matcher";
import type {
  AcceleratorUse,
  AccountTie,
  AiServiceFacts,
  PeerIdentifier,
  Placement,
  UnresolvedValue,
} from "./facts/types";

/** One resource's outcome for one policy. */
export type Outcome =
  | { readonly kind: "not-applicable"; readonly reason: string }
  | { readonly kind: "pass" }
  /** Decided at the stack phase (placement comes from a parent resource). */
  | { readonly kind: "deferred" }
  | { readonly kind: "violation"; readonly finding: Finding }
  | { readonly kind: "advisory"; readonly finding: Finding };

type Of<S extends Placement["status"]> = Extract<Placement, { status: S }>;

export type PlacementVerdict =
  | {
      readonly kind: "allowed";
      readonly placement: Of<"resolved">;
      readonly by: "allowedRegions" | "jurisdiction";
    }
  | {
      readonly kind: "restricted";
      readonly placement: Of<"resolved">;
      /** restrictedRegions, or the restricted country with the config items that restrict it. */
      readonly rule:
        | { readonly by: "restrictedRegions" }
        | {
            readonly by: "jurisdiction";
            readonly country: string;
            readonly via: readonly string[];
          };
    }
  /** A region the catalogue does not know, with no partition that tells the country. */
  | { readonly kind: "unknown-region"; readonly placement: Of<"resolved"> }
  | { readonly kind: "computed"; readonly placement: Of<"computed"> }
  | { readonly kind: "unresolved"; readonly placement: Of<"unresolved"> }
  | { readonly kind: "inherited"; readonly placement: Of<"inherited"> };

/** What the resource is, for the policy at hand. */
export type Subject =
  | {
      readonly kind: "accelerator";
      readonly uses: readonly AcceleratorUse[];
      /** Properties that would name an instance type but are computed during preview. */
      readonly computed: readonly string[];
      /** Values that would name an instance type but can never be read (a template's). */
      readonly unresolved: readonly UnresolvedValue[];
      /**
       * Runs on accelerator nodes another resource provisions (a Kubernetes workload): a placement
       * that cannot be resolved is an advisory note, not a violation; the nodes are judged where
       * they are declared.
       */
      readonly workload?: boolean;
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
