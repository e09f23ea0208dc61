// A typed factory for synthetic engine resources: what the engine would send for a resource,
// with its provider (default or explicit), parent and dependencies. Start from a compliant
// resource and change one field per case with `with`.
import { defaultProviderName, installedPackageVersion } from "../../cli/program/engine-resources";
import { UNKNOWN } from "../../cli/runner";
import type { EngineResource, PropertyMap, PropertyValue } from "../../cli/runner";
import type { PolicyExample } from "../../policypack/src/policies/rule";
import { defaultProviderProps } from "./policies";
import { REPO_ROOT } from "./paths";

export const TYPES = {
  awsInstance: "aws:ec2/instance:Instance",
  awsLaunchTemplate: "aws:ec2/launchTemplate:LaunchTemplate",
  awsVpc: "aws:ec2/vpc:Vpc",
  sagemakerEndpointConfig: "aws:sagemaker/endpointConfiguration:EndpointConfiguration",
  sagemakerModel: "aws:sagemaker/model:Model",
  azureResourceGroup: "azure-native:resources:ResourceGroup",
  azureManagedCluster: "azure-native:containerservice:ManagedCluster",
  azureAgentPool: "azure-native:containerservice:AgentPool",
  azureCognitiveAccount: "azure-native:cognitiveservices:Account",
} as const;

export type Package = "aws" | "azure-native";

export interface ResourceSpec {
  inputs?: PropertyMap;
  /** The provider resource; omitted means none (components, providers). */
  provider?: EngineResource;
  /** Defaults to the root stack. */
  parent?: EngineResource | null;
  dependsOn?: EngineResource[];
  propertyDependencies?: Record<string, EngineResource[]>;
  custom?: boolean;
}

export class ResourceFactory {
  readonly stack: string;
  readonly project: string;

  constructor(stack = "test", project = "factory") {
    this.stack = stack;
    this.project = project;
  }

  /** A URN as the engine builds it (children of the root stack get no type prefix). */
  urn(type: string, name: string, parent?: EngineResource | null): string {
    let qualified = type;
    if (parent && parent.type !== "pulumi:pulumi:Stack") {
      qualified = `${parent.urn.split("::")[2] ?? parent.type}$${type}`;
    }
    return `urn:pulumi:${this.stack}::${this.project}::${qualified}::${name}`;
  }

  rootStack(): EngineResource {
    const name = `${this.project}-${this.stack}`;
    return {
      urn: this.urn("pulumi:pulumi:Stack", name),
      type: "pulumi:pulumi:Stack",
      name,
      custom: false,
      inputs: {},
    };
  }

  /** The provider reference a resource carries: `<urn>::<id>` (unknown ID in preview). */
  ref(provider: EngineResource): string {
    return `${provider.urn}::${UNKNOWN}`;
  }

  /** The engine's default provider for `pkg`: config-derived inputs plus `version` (when installed). */
  defaultProvider(pkg: Package | string, config: PropertyMap): EngineResource {
    const version = installedPackageVersion(pkg, REPO_ROOT);
    const name = defaultProviderName(version);
    const inputs: PropertyMap = { ...config };
    if (version !== undefined) inputs["version"] = version;
    return {
      urn: this.urn(`pulumi:providers:${pkg}`, name),
      type: `pulumi:providers:${pkg}`,
      name,
      custom: true,
      inputs,
    };
  }

  /** An explicit provider (`new aws.Provider(name, inputs)`); list inputs arrive as JSON text. */
  explicitProvider(pkg: Package, name: string, inputs: PropertyMap): EngineResource {
    const version = installedPackageVersion(pkg, REPO_ROOT);
    const all: PropertyMap = { ...inputs };
    if (version !== undefined) all["version"] = version;
    return {
      urn: this.urn(`pulumi:providers:${pkg}`, name, this.rootStack()),
      type: `pulumi:providers:${pkg}`,
      name,
      custom: true,
      inputs: all,
      parent: this.rootStack().urn,
    };
  }

  awsProvider(region: PropertyValue): EngineResource {
    return this.defaultProvider("aws", { region });
  }

  azureProvider(location: PropertyValue): EngineResource {
    return this.defaultProvider("azure-native", { location });
  }

  resource(type: string, name: string, spec: ResourceSpec = {}): EngineResource {
    const parent = spec.parent === undefined ? this.rootStack() : spec.parent;
    const r: EngineResource = {
      urn: this.urn(type, name, parent),
      type,
      name,
      custom: spec.custom ?? true,
      inputs: spec.inputs ?? {},
      dependencies: (spec.dependsOn ?? []).map((d) => d.urn),
      propertyDependencies: Object.fromEntries(
        Object.entries(spec.propertyDependencies ?? {}).map(([k, v]) => [k, v.map((d) => d.urn)]),
      ),
    };
    if (parent) r.parent = parent.urn;
    if (spec.provider) r.provider = this.ref(spec.provider);
    return r;
  }

  awsLaunchTemplate(
    name: string,
    provider: EngineResource,
    inputs: PropertyMap = {},
  ): EngineResource {
    return this.resource(TYPES.awsLaunchTemplate, name, {
      provider,
      inputs: { imageId: "ami-0a1b2c3d4e5f60718", instanceType: "p4d.24xlarge", ...inputs },
    });
  }

  /**
   * An AKS cluster in East Asia (Hong Kong) and an A100 node pool with no location of its own: the
   * pool lives in the cluster it names through `resourceName` (a property dependency on it).
   */
  aksGpuPoolInEastAsia(provider: EngineResource): {
    group: EngineResource;
    cluster: EngineResource;
    pool: EngineResource;
  } {
    const group = this.resource(TYPES.azureResourceGroup, "rg", {
      provider,
      inputs: { resourceGroupName: "rg-hk", location: "eastasia" },
    });
    const cluster = this.resource(TYPES.azureManagedCluster, "aks", {
      provider,
      inputs: {
        resourceName: "aks-hk",
        resourceGroupName: "rg-hk",
        location: "eastasia",
        dnsPrefix: "aks-hk",
        agentPoolProfiles: [
          { name: "system", mode: "System", vmSize: "Standard_D4s_v5", count: 1 },
        ],
      },
      dependsOn: [group],
      propertyDependencies: { resourceGroupName: [group] },
    });
    const pool = this.resource(TYPES.azureAgentPool, "a100", {
      provider,
      inputs: {
        resourceName: "aks-hk",
        resourceGroupName: "rg-hk",
        vmSize: "Standard_NC24ads_A100_v4",
        count: 1,
        mode: "User",
      },
      dependsOn: [cluster, group],
      propertyDependencies: { resourceName: [cluster], resourceGroupName: [group] },
    });
    return { group, cluster, pool };
  }

  /**
   * A policy's doc example as the engine sends it: the resource and its package's default provider
   * (the example's provider inputs, or test/support's compliant defaults).
   */
  example(example: PolicyExample["resource"]): {
    resource: EngineResource;
    provider: EngineResource;
  } {
    const pkg = example.provider?.package ?? example.type.split(":")[0] ?? "";
    const props = example.provider?.props ?? defaultProviderProps(pkg);
    const provider = this.defaultProvider(pkg, { ...props } as PropertyMap);
    const resource = this.resource(example.type, example.name, {
      provider,
      inputs: { ...example.props } as PropertyMap,
    });
    return { resource, provider };
  }

  /** A copy of `r` with some inputs replaced (`undefined` removes one). */
  with(r: EngineResource, inputs: Record<string, PropertyValue | undefined>): EngineResource {
    const next: PropertyMap = { ...r.inputs };
    for (const [k, v] of Object.entries(inputs)) {
      if (v === undefined) delete next[k];
      else next[k] = v;
    }
    return { ...r, inputs: next };
  }
}
