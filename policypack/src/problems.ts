// The vocabulary of configuration problems: what is wrong, as a code and the facts (the value, the
// allowed values, the closest known name), never words. The catalogue and config.ts produce these;
// report.ts (wordConfigProblem) is the one place that words them. A utility so that every room,
// the catalogue included, can name a problem.

/** Why a jurisdiction item is neither a country code nor a group, and the closest fix. */
export type JurisdictionHint =
  | { readonly kind: "empty" }
  /** A common non-ISO spelling ("UK") or a country's English name ("China"). */
  | { readonly kind: "country"; readonly code: string }
  /** An ISO alpha-3 code ("CHN"). */
  | { readonly kind: "alpha-3"; readonly code: string }
  /** Close to a group's name or alias ("defualt"). */
  | { readonly kind: "group"; readonly name: string }
  /** Two letters, but not an assigned ISO code ("ZZ"). */
  | { readonly kind: "unassigned-code"; readonly code: string }
  | { readonly kind: "unknown" };

/** One configuration problem: a code and the facts it is worded from. */
export type ConfigProblem =
  // ── a policy's settings, as its JSON Schema reads them ──
  | {
      readonly code: "not-a-setting";
      readonly key: string;
      readonly declared: readonly string[];
      readonly suggestion?: string;
    }
  | {
      readonly code: "schema";
      /** The JSON Schema keyword that failed ("required", "enum", "type", …). */
      readonly keyword: string;
      readonly allowed?: readonly unknown[];
      /** The validator's own sentence for other keywords ("must be string"). */
      readonly message?: string;
      /** The setting's description, the expected shape. */
      readonly expected?: string;
      /** Whether to point to the configuration docs when there is no description. */
      readonly seeDocs: boolean;
    }
  // ── what the schema cannot say ──
  | {
      readonly code: "unknown-jurisdiction";
      readonly value: string;
      readonly hint: JurisdictionHint;
    }
  | { readonly code: "unknown-account-jurisdiction"; readonly value: string }
  | {
      readonly code: "unknown-region";
      readonly name: string;
      /** The name with a listed cloud's prefix, when such clouds have a region of that name. */
      readonly qualified: readonly string[];
      readonly suggestion?: string;
    }
  | { readonly code: "region-allowed-and-restricted"; readonly region: string }
  | { readonly code: "invalid-account-id"; readonly value: string }
  | { readonly code: "invalid-expiry-date"; readonly value: string }
  | {
      readonly code: "expiry-too-far";
      readonly expires: string;
      readonly maxDays: number;
      readonly today: string;
    }
  | { readonly code: "unpinned-exemption"; readonly pattern: string }
  | { readonly code: "invalid-exemption-glob"; readonly pattern: string; readonly reason: string }
  // ── a custom foreign provider (foreignProviders[i]) ──
  | { readonly code: "provider-not-object" }
  | { readonly code: "provider-without-name" }
  | { readonly code: "provider-without-identifiers"; readonly name: string }
  | { readonly code: "not-a-list"; readonly value: unknown }
  | { readonly code: "invalid-carrier-name"; readonly value: unknown }
  | { readonly code: "invalid-aws-account-id"; readonly value: unknown; readonly padded?: string }
  | {
      readonly code: "invalid-azure-id";
      readonly value: unknown;
      readonly what: "subscription" | "tenant";
    }
  | { readonly code: "invalid-gcp-project-id"; readonly value: unknown }
  | { readonly code: "invalid-asn"; readonly value: unknown; readonly maxAsn: number }
  | { readonly code: "reserved-asn"; readonly asn: number }
  | { readonly code: "invalid-cidr"; readonly value: unknown }
  | {
      readonly code: "cidr-host-bits";
      readonly value: unknown;
      readonly prefix: number;
      readonly network: string;
    }
  | { readonly code: "invalid-service-name"; readonly value: unknown }
  | { readonly code: "invalid-service-pattern"; readonly value: unknown }
  | { readonly code: "invalid-country-code"; readonly value: unknown }
  // ── a whole pack config file ──
  | { readonly code: "pack-config-not-object" }
  | { readonly code: "all-with-settings"; readonly policies: readonly string[] }
  | { readonly code: "invalid-level"; readonly value: unknown; readonly levels: readonly string[] }
  | {
      readonly code: "setting-as-policy";
      readonly key: string;
      readonly declaring: readonly string[];
    }
  | {
      readonly code: "unknown-policy";
      readonly key: string;
      readonly known: readonly string[];
      readonly suggestion?: string;
    }
  | { readonly code: "entry-not-object"; readonly key: string; readonly value: unknown }
  // ── the library's arguments (new JurisdictionGuard({...})) ──
  | {
      readonly code: "unknown-library-key";
      readonly key: string;
      readonly known: readonly string[];
      readonly suggestion?: string;
    }
  // ── a stack config file's top level (Pulumi.<stack>.yaml) ──
  | { readonly code: "config-keys-at-top-level"; readonly keys: readonly string[] }
  | {
      readonly code: "unknown-stack-file-key";
      readonly key: string;
      readonly known: readonly string[];
      readonly suggestion?: string;
    };

export type ConfigProblemCode = ConfigProblem["code"];

/** A problem at a place in the config: "restrictedJurisdictions[2]". */
export interface ConfigError {
  /** The setting path: "restrictedJurisdictions[2]". */
  readonly field: string;
  readonly cause: ConfigProblem;
}
