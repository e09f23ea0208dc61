import type { VirtualNetworkPeeringArgs } from "@pulumi/azure-native/network/virtualNetworkPeering";
import type { VaultArgs } from "@pulumi/azure-native/keyvault/vault";
import { lookupMetadataHost, metadataHostName } from "../../../../policypack/src/catalogue/regions";
import { azureAccountFacts } from "../../../../policypack/src/facts/azure/accounts";
import type { AccountTie, ResourceView } from "../../../../policypack/src/facts/types";
import {
  COMPUTED,
  OTHER_SUB,
  OTHER_TENANT,
  OWN_SUB,
  TENANT,
  args,
  awsProvider,
  azureProvider,
  fakeContext,
  resource,
  vnetId,
} from "./fixtures";

const PEERING = "azure-native:network:VirtualNetworkPeering";
const ctx = fakeContext();

/** A compliant peering to a VNet of the own subscription, through an explicit public-cloud provider. */
function peering(
  over: Partial<VirtualNetworkPeeringArgs> = {},
  provider = azureProvider(
    { subscriptionId: OWN_SUB, tenantId: TENANT, environment: "public", location: "westeurope" },
    "prod",
  ),
): ResourceView {
  return resource(
    PEERING,
    args<VirtualNetworkPeeringArgs>({
      resourceGroupName: "rg-net",
      virtualNetworkName: "vnet-a",
      remoteVirtualNetwork: { id: vnetId(OWN_SUB, "vnet-b") },
      ...over,
    }),
    provider,
  );
}

function ties(view: ResourceView, kind?: AccountTie["kind"], c = ctx): readonly AccountTie[] {
  const all = azureAccountFacts(view, c).ties;
  return kind ? all.filter((t) => t.kind === kind) : all;
}

describe("azureAccountFacts: compliant baseline", () => {
  it("finds the own subscription and tenant and the public cloud, none with a country", () => {
    const facts = azureAccountFacts(peering(), ctx);
    expect(facts.ties).toEqual([
      { kind: "azure-subscription", value: OWN_SUB, path: "provider.subscriptionId" },
      { kind: "azure-tenant", value: TENANT, path: "provider.tenantId" },
      { kind: "azure-environment", value: "public", path: "provider.environment" },
      { kind: "azure-subscription", value: OWN_SUB, path: "props.remoteVirtualNetwork.id" },
    ]);
    expect(facts.computed).toEqual([]);
  });
});

describe("azureAccountFacts: provider inputs", () => {
  it("lower-cases subscription and tenant GUIDs", () => {
    const view = peering({}, azureProvider({ subscriptionId: OTHER_SUB.toUpperCase() }, "p"));
    expect(ties(view, "azure-subscription")[0]).toEqual({
      kind: "azure-subscription",
      value: OTHER_SUB,
      path: "provider.subscriptionId",
    });
  });

  it("reads auxiliaryTenantIds sent as a JSON string", () => {
    const view = peering(
      {},
      azureProvider({ auxiliaryTenantIds: JSON.stringify([OTHER_TENANT]) }, "p"),
    );
    expect(ties(view, "azure-tenant")).toEqual([
      { kind: "azure-tenant", value: OTHER_TENANT, path: "provider.auxiliaryTenantIds[0]" },
    ]);
  });

  it("reads auxiliaryTenantIds given as an array", () => {
    const view = peering({}, azureProvider({ auxiliaryTenantIds: [TENANT, OTHER_TENANT] }, "p"));
    expect(ties(view, "azure-tenant").map((t) => t.path)).toEqual([
      "provider.auxiliaryTenantIds[0]",
      "provider.auxiliaryTenantIds[1]",
    ]);
  });

  it.each([
    ["china", "CN"],
    ["AzureChinaCloud", "CN"],
    ["usgovernment", "US"],
  ])("gives environment %s the country %s", (environment, country) => {
    expect(ties(peering({}, azureProvider({ environment }, "p")), "azure-environment")).toEqual([
      { kind: "azure-environment", value: environment, path: "provider.environment", country },
    ]);
  });

  it.each([
    ["management.chinacloudapi.cn", "management.chinacloudapi.cn", "CN"],
    ["https://management.usgovcloudapi.net/", "management.usgovcloudapi.net", "US"],
  ])("gives metadataHost %s its cloud's country", (metadataHost, value, country) => {
    expect(ties(peering({}, azureProvider({ metadataHost }, "p")), "azure-metadata-host")).toEqual([
      { kind: "azure-metadata-host", value, path: "provider.metadataHost", country },
    ]);
  });

  it("gives the public metadata host no country", () => {
    const found = ties(peering({}, azureProvider({ metadataHost: "management.azure.com" }, "p")));
    expect(found).toContainEqual({
      kind: "azure-metadata-host",
      value: "management.azure.com",
      path: "provider.metadataHost",
    });
  });

  it.each([
    ["computed subscriptionId", { subscriptionId: COMPUTED }, "provider.subscriptionId"],
    ["computed tenantId", { tenantId: COMPUTED }, "provider.tenantId"],
    [
      "computed auxiliaryTenantIds",
      { auxiliaryTenantIds: COMPUTED },
      "provider.auxiliaryTenantIds",
    ],
    ["computed environment", { environment: COMPUTED }, "provider.environment"],
    ["computed metadataHost", { metadataHost: COMPUTED }, "provider.metadataHost"],
  ])("reports a %s", (_what, props, path) => {
    expect(azureAccountFacts(peering({}, azureProvider(props, "p")), ctx).computed).toEqual([path]);
  });

  it("ignores a provider that is not an azure-native provider", () => {
    const aws = { ...awsProvider(), name: "p", props: { subscriptionId: OTHER_SUB } };
    expect(ties(peering({}, aws)).some((t) => t.path.startsWith("provider"))).toBe(false);
  });
});

describe("azureAccountFacts: stack config for default providers", () => {
  const config = fakeContext({
    "azure-native:subscriptionId": OTHER_SUB,
    "azure-native:tenantId": OTHER_TENANT,
    "azure-native:environment": "china",
    "azure-native:auxiliaryTenantIds": JSON.stringify([TENANT]),
  });

  it("fills a default provider's missing inputs from stack config", () => {
    const found = ties(peering({}, azureProvider({})), undefined, config);
    expect(found.filter((t) => t.path.startsWith("config"))).toEqual([
      { kind: "azure-subscription", value: OTHER_SUB, path: "config.azure-native:subscriptionId" },
      { kind: "azure-tenant", value: OTHER_TENANT, path: "config.azure-native:tenantId" },
      { kind: "azure-tenant", value: TENANT, path: "config.azure-native:auxiliaryTenantIds[0]" },
      {
        kind: "azure-environment",
        value: "china",
        path: "config.azure-native:environment",
        country: "CN",
      },
    ]);
  });

  it("uses stack config when the view has no provider", () => {
    const view: ResourceView = { ...peering(), provider: undefined };
    expect(ties(view, "azure-environment", config)).toEqual([
      {
        kind: "azure-environment",
        value: "china",
        path: "config.azure-native:environment",
        country: "CN",
      },
    ]);
  });

  it("reads the older `azure-native:config:<key>` form", () => {
    const old = fakeContext({ "azure-native:config:subscriptionId": OTHER_SUB });
    expect(ties(peering({}, azureProvider({})), "azure-subscription", old)[0]?.path).toBe(
      "config.azure-native:config:subscriptionId",
    );
  });

  it("prefers the default provider's own input over stack config", () => {
    const found = ties(
      peering({}, azureProvider({ subscriptionId: OWN_SUB })),
      "azure-subscription",
      config,
    );
    expect(found.map((t) => t.path)).toEqual([
      "provider.subscriptionId",
      "props.remoteVirtualNetwork.id",
    ]);
  });

  it("never reads stack config for an explicit provider", () => {
    const found = ties(peering({}, azureProvider({}, "explicit")), undefined, config);
    expect(found.some((t) => t.path.startsWith("config"))).toBe(false);
  });

  it("reports a computed stack config value", () => {
    const computed = fakeContext({ "azure-native:subscriptionId": COMPUTED });
    expect(azureAccountFacts(peering({}, azureProvider({})), computed).computed).toEqual([
      "config.azure-native:subscriptionId",
    ]);
  });
});

describe("azureAccountFacts: subscriptions among the resource's props", () => {
  it("finds the foreign subscription of a remote virtual network ID", () => {
    expect(ties(peering({ remoteVirtualNetwork: { id: vnetId(OTHER_SUB) } }))).toContainEqual({
      kind: "azure-subscription",
      value: OTHER_SUB,
      path: "props.remoteVirtualNetwork.id",
    });
  });

  it("finds subscriptions in IDs inside JSON strings and text", () => {
    const view = resource(
      "azure-native:resources:Deployment",
      {
        properties: JSON.stringify({
          parameters: { target: { value: `see /subscriptions/${OTHER_SUB}/x` } },
        }),
      },
      azureProvider({}, "p"),
    );
    expect(ties(view, "azure-subscription")).toEqual([
      {
        kind: "azure-subscription",
        value: OTHER_SUB,
        path: "props.properties.parameters.target.value",
      },
    ]);
  });

  it("finds a tenant under a `tenantId` key", () => {
    const view = resource(
      "azure-native:keyvault:Vault",
      args<VaultArgs>({
        resourceGroupName: "rg",
        properties: {
          tenantId: OTHER_TENANT.toUpperCase(),
          sku: { family: "A", name: "standard" },
        },
      }),
      azureProvider({}, "p"),
    );
    expect(ties(view, "azure-tenant")).toEqual([
      { kind: "azure-tenant", value: OTHER_TENANT, path: "props.properties.tenantId" },
    ]);
  });

  it("reports a computed `tenantId` prop but not a computed resource ID", () => {
    const view = resource(
      "azure-native:keyvault:Vault",
      { properties: { tenantId: COMPUTED }, remote: { id: COMPUTED } },
      azureProvider({}, "p"),
    );
    expect(azureAccountFacts(view, ctx).computed).toEqual(["props.properties.tenantId"]);
  });
});

describe("metadata hosts", () => {
  it("reduces URLs to host names", () => {
    expect(metadataHostName(" HTTPS://Management.ChinaCloudAPI.cn:443/metadata/endpoints ")).toBe(
      "management.chinacloudapi.cn",
    );
  });

  it("matches a sovereign domain only at a label boundary", () => {
    expect(lookupMetadataHost("management.chinacloudapi.cn")?.country).toBe("CN");
    expect(lookupMetadataHost("chinacloudapi.cn.example.com")).toBeUndefined();
    expect(lookupMetadataHost("notchinacloudapi.cn")).toBeUndefined();
  });
});
