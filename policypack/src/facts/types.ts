// What a resource means for the policies. facts/ turns the engine's view of a resource into these
// shapes; policies decide on nothing else.
import type { AcceleratorInfo, AiServiceEntry, Cloud, RegionEntry } from "../data/types";
import type { Props } from "../values";

/**
 * Where a package's resources run: a cloud, or Kubernetes, whose resources run on a cluster in
 * some cloud (a Kubernetes placement, once resolved, names that cloud).
 */
export type Platform = Cloud | "kubernetes";

/** A resource as the engine sends it (props unwrapped from the SDK proxy where possible). */
export interface ResourceView {
  readonly type: string;
  readonly urn: string;
  readonly name: string;
  readonly props: Props;
  readonly provider?: ProviderView;
  /** URN of the parent resource, when known. */
  readonly parent?: string;
  /** Stack phase only: URNs this resource depends on, overall and per property. */
  readonly dependencies?: readonly string[];
  readonly propertyDependencies?: Readonly<Record<string, readonly string[]>>;
}

export interface ProviderView {
  readonly type: string;
  readonly urn: string;
  readonly name: string;
  readonly props: Props;
}

/** What the pack process knows about its surroundings (built once at start-up, never per resource). */
export interface EvalContext {
  /** Stack config as the engine passes it in PULUMI_CONFIG ("aws:region" -> "us-east-1"). */
  readonly stackConfig: ReadonlyMap<string, string>;
  /**
   * Why PULUMI_CONFIG could not be read (not JSON, not an object), without its content: then every
   * resource a policy decides gets a finding that says so, since its placement may be in it.
   */
  readonly stackConfigProblem?: string;
  /** Process environment (AWS_REGION, AWS_DEFAULT_REGION, AWS_PROFILE, AWS_CONFIG_FILE …). */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** The region of an AWS profile in the shared config file, read lazily and cached. */
  awsProfileRegion(profile: string | undefined): { region: string; file: string } | undefined;
  /** The current time (exemption expiry); injectable for tests. Defaults to the clock. */
  now?(): Date;
  /**
   * What an unknown value stands for. "computed" (the default): a value computed during preview,
   * checked again at `pulumi up`, so an advisory note (the engine's semantics). "unreadable": a
   * secret the caller could not decrypt, with no `pulumi up` after it (an offline scan of a
   * deployed stack's export), so a violation: the check fails closed.
   */
  readonly unknowns?: UnknownValues;
}

export type UnknownValues = "computed" | "unreadable";

/** Where a placement came from, for messages: "resource input `region`". */
export interface PlacementOrigin {
  /** Short machine label: "resource", "provider", "stack-config", "env", "profile", "parent". */
  readonly kind:
    "resource" | "provider" | "stack-config" | "env" | "profile" | "parent" | "environment";
  /** Human wording: "resource input `location`", "stack config `aws:region`". */
  readonly detail: string;
}

export type Placement =
  | {
      readonly status: "resolved";
      readonly cloud: Cloud;
      /** The region as written. */
      readonly written: string;
      /** Canonical region name ("chinaeast2" for "China East 2"). */
      readonly region: string;
      /** The catalogued region, if known. */
      readonly entry?: RegionEntry;
      /** Country when known from the catalogue or, for an uncatalogued region, from its partition. */
      readonly country?: string;
      readonly origin: PlacementOrigin;
    }
  | {
      readonly status: "computed";
      readonly cloud: Platform;
      readonly path: string;
      readonly origin: PlacementOrigin;
    }
  | {
      /** Placement comes from a parent resource (AKS cluster, Batch account …), decided at stack level. */
      readonly status: "inherited";
      readonly cloud: Platform;
      /** Property that names the parent, e.g. "resourceName". */
      readonly via: string;
      /** Parent resource type tokens that can carry the location. */
      readonly parentTypes: readonly string[];
    }
  | { readonly status: "unresolved"; readonly cloud: Platform; readonly tried: readonly string[] };

/** One place in a resource that selects accelerator hardware. */
export interface AcceleratorUse {
  /** Property path: "launchTemplateConfigs[0].overrides[1].instanceType". */
  readonly path: string;
  /** The value as written: "p4d.24xlarge", "Standard_ND96asr_v4", or a description for attributes. */
  readonly value: string;
  readonly info: AcceleratorInfo;
  /** Set when the selection is declared inside a CloudFormation template (path is then relative to it). */
  readonly template?: TemplateResourceRef;
}

export interface ComputeFacts {
  readonly accelerators: readonly AcceleratorUse[];
  /** Paths that would name an instance type but are computed during preview. */
  readonly computed: readonly string[];
  /**
   * Values that would name an instance type but that the pack can never read, not even at
   * `pulumi up` (a template parameter with no value, a template behind a URL, a malformed
   * template): the resource may be GPU capacity, and is judged as such (fails closed).
   */
  readonly unresolved?: readonly UnresolvedValue[];
  /**
   * The resource runs on accelerator nodes that another resource provisions (a Kubernetes
   * workload on its cluster's nodes), rather than being accelerator capacity itself.
   */
  readonly workload?: boolean;
  /**
   * Places where another resource selects the hardware (a managed instance group's instance
   * template): decided at AnalyzeStack from the linked resource's own accelerators.
   */
  readonly links?: readonly ComputeLink[];
}

/** A resource declared inside a CloudFormation template the Pulumi resource carries. */
export interface TemplateResourceRef {
  /** The Pulumi property that holds the template: "templateBody". */
  readonly source: string;
  /** The template's logical ID of the resource: "Trainer". */
  readonly logicalId: string;
  /** Its CloudFormation type: "AWS::EC2::Instance". */
  readonly type: string;
}

/** Why a value cannot be read (report.ts words each kind). */
export type UnresolvedReason =
  /** `!Ref` to a template parameter that has neither a value in the stack's parameters nor a default. */
  | { readonly kind: "parameter-without-value"; readonly parameter: string }
  /** Known only once deployed: `!GetAtt`, `!ImportValue`, an SSM parameter, `AWS::AccountId` … */
  | { readonly kind: "deploy-time"; readonly expression: string }
  /** The template is behind a URL (or a nested stack's TemplateURL) the pack does not fetch. */
  | { readonly kind: "template-url"; readonly url: string }
  /** The template body cannot be parsed; `problem` names what and where (line, column). */
  | { readonly kind: "malformed-template"; readonly problem: string }
  /** A construct the pack does not evaluate (a `Fn::ForEach` loop, a limit reached …). */
  | { readonly kind: "not-evaluated"; readonly what: string };

export interface UnresolvedValue {
  /** Property path: "Properties.InstanceType" inside a template resource, or "templateUrl". */
  readonly path: string;
  readonly reason: UnresolvedReason;
  readonly template?: TemplateResourceRef;
}

/** A property that names the resource whose machine type or accelerators this one runs. */
export interface ComputeLink {
  /** Property path as written: "versions[0].instanceTemplate". */
  readonly path: string;
  /** Top-level properties whose dependencies name the linked resource ("versions"). */
  readonly via: readonly string[];
  /** Type tokens the linked resource may have. */
  readonly targetTypes: readonly string[];
  /** The written value (self link, ID or name), when known during preview. */
  readonly written: readonly string[];
}

export interface AiServiceFacts {
  readonly entry: AiServiceEntry;
  /** Optional detail for messages, e.g. the model: "gpt-4o", "anthropic.claude-3". */
  readonly detail?: string;
  /** Set when the service is declared inside a CloudFormation template. */
  readonly template?: TemplateResourceRef;
}

/** What a resource is, whatever its placement. */
export interface ResourceNature {
  readonly cloud: Platform;
  /** Type token with any API version removed: "azure-native:compute:VirtualMachine". */
  readonly token: string;
  /** Present when the resource kind can select instance types or accelerators. */
  readonly compute?: ComputeFacts;
  /** Present when the resource is an AI service. */
  readonly aiService?: AiServiceFacts;
}

export interface ResourceFacts extends ResourceNature {
  readonly placement: Placement;
  /** Further places the same resource runs in (fleet extra locations, multi-region accounts). */
  readonly additionalPlacements: readonly Placement[];
}

/** Something that ties a deployment to an account, subscription, tenant, partition or cloud. */
export interface AccountTie {
  readonly kind:
    | "aws-account"
    | "aws-partition"
    | "azure-subscription"
    | "azure-tenant"
    | "azure-environment"
    | "azure-metadata-host";
  /** The identifier as found: "123456789012", "aws-cn", "china", a subscription GUID. */
  readonly value: string;
  /** Where it was found: "provider.allowedAccountIds[0]", "props.executionRoleArn". */
  readonly path: string;
  /** The country the identifier itself implies (aws-cn partition, Azure China cloud), if any. */
  readonly country?: string;
}

export interface AccountFacts {
  readonly ties: readonly AccountTie[];
  /** Paths of account-bearing values that are computed during preview. */
  readonly computed: readonly string[];
}

/** One identifier of the far side of a peering, VPN, BGP session, interconnect or endpoint. */
export interface PeerIdentifier {
  readonly kind:
    | "asn"
    | "ip"
    | "aws-account"
    | "azure-subscription"
    | "azure-tenant"
    | "gcp-project"
    | "region"
    | "service-name"
    | "carrier"
    | "fqdn";
  /** Normalised value: ASN digits only ("45102"), lower-case region, IP/CIDR text. */
  readonly value: string;
  readonly path: string;
  /** For "region": the country of that region if known (AWS region or Azure location). */
  readonly country?: string;
  /**
   * Set when the identifier is read from a resource of the same stack that `path` (a top-level
   * input) comes from, at AnalyzeStack: the far side's own placement, account or project.
   */
  readonly from?: { readonly type: string; readonly name: string };
}

export interface InterconnectFacts {
  /** What this resource is: "VPC peering connection", "customer gateway", "ExpressRoute circuit". */
  readonly kind: string;
  readonly peers: readonly PeerIdentifier[];
  readonly computed: readonly string[];
  /**
   * Top-level inputs that name the far side as another resource (a VPC ID, a network's self link)
   * without naming its place: at AnalyzeStack the resources they come from are the far side.
   */
  readonly links?: readonly string[];
}
