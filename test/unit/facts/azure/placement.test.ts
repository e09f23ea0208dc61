// Where one azure-native resource lands: each step of the precedence, display names, computed
// values, the cloud (environment), and child kinds whose location belongs to a parent. Uses the
// real location catalogue (data/azure-locations).
import { azureAdditionalPlacements, azurePlacement } from "../../../../policypack/src/facts/azure";
import type { Placement, ResourceView } from "../../../../policypack/src/facts/types";
import {
  COMPLIANT,
  UNKNOWN,
  azureProviderView,
  azureResource,
  compliant,
  fakeContext,
  withField,
} from "./fixtures";

const VM = "azure-native:compute:VirtualMachine";
const NO_CONTEXT = fakeContext();

function vmWithout(
  location: "location" = "location",
  provider: Record<string, unknown> = {},
): ResourceView {
  return azureResource(VM, withField(COMPLIANT[VM], location, undefined), {
    provider: azureProviderView(provider),
  });
}

function resolved(p: Placement): Extract<Placement, { status: "resolved" }> {
  if (p.status !== "resolved")
    throw new Error(`expected a resolved placement, got ${JSON.stringify(p)}`);
  return p;
}

describe("the resource's own location", () => {
  it("resolves a programmatic name from the catalogue", () => {
    const p = resolved(azurePlacement(compliant(VM), VM, NO_CONTEXT));
    expect(p).toMatchObject({ region: "westeurope", written: "westeurope", country: "NL" });
    expect(p.origin).toEqual({ kind: "resource", detail: "resource input `location`" });
    expect(p.entry?.name).toBe("westeurope");
  });

  it("normalises a display name such as `China East 2`", () => {
    const p = resolved(azurePlacement(compliant(VM, "location", "China East 2"), VM, NO_CONTEXT));
    expect(p).toMatchObject({ written: "China East 2", region: "chinaeast2", country: "CN" });
  });

  it("normalises a Government display name", () => {
    const p = resolved(azurePlacement(compliant(VM, "location", "USGov Virginia"), VM, NO_CONTEXT));
    expect(p).toMatchObject({ region: "usgovvirginia", country: "US" });
  });

  it("keeps an uncatalogued location without inventing a country", () => {
    const p = resolved(azurePlacement(compliant(VM, "location", "newregion9"), VM, NO_CONTEXT));
    expect(p.region).toBe("newregion9");
    expect(p.country).toBeUndefined();
    expect(p.entry).toBeUndefined();
  });

  it("wins over the provider's location and the stack config", () => {
    const r = azureResource(VM, COMPLIANT[VM], {
      provider: azureProviderView({ location: "eastasia" }),
    });
    const p = resolved(azurePlacement(r, VM, fakeContext({ "azure-native:location": "uaenorth" })));
    expect(p.region).toBe("westeurope");
  });

  it("is read the same way under a versioned token", () => {
    const token = "azure-native:compute/v20240701:VirtualMachine";
    const r = azureResource(token, withField(COMPLIANT[VM], "location", "chinanorth3"));
    expect(resolved(azurePlacement(r, token, NO_CONTEXT)).country).toBe("CN");
  });

  it("stops at a computed location instead of falling through to the provider", () => {
    const r = azureResource(VM, withField(COMPLIANT[VM], "location", UNKNOWN), {
      provider: azureProviderView({ location: "westeurope" }),
    });
    expect(azurePlacement(r, VM, NO_CONTEXT)).toEqual({
      status: "computed",
      cloud: "azure",
      path: "location",
      origin: { kind: "resource", detail: "resource input `location`" },
    });
  });
});

describe("Machine Learning computeLocation", () => {
  const kind = "azure-native:machinelearningservices:Compute";

  it("wins over the resource's location", () => {
    const r = compliant(kind, "properties.computeLocation", "chinaeast2");
    const p = resolved(azurePlacement(r, kind, NO_CONTEXT));
    expect(p).toMatchObject({ region: "chinaeast2", country: "CN" });
    expect(p.origin.detail).toBe("resource input `properties.computeLocation`");
  });

  it("stops at a computed computeLocation", () => {
    const r = compliant(kind, "properties.computeLocation", UNKNOWN);
    expect(azurePlacement(r, kind, NO_CONTEXT)).toMatchObject({
      status: "computed",
      path: "properties.computeLocation",
    });
  });

  it("falls back to the resource's location when computeLocation is not set", () => {
    expect(resolved(azurePlacement(compliant(kind), kind, NO_CONTEXT)).region).toBe("westeurope");
  });
});

describe("the provider and the stack config", () => {
  it("uses the provider's location when the resource has none", () => {
    const p = resolved(
      azurePlacement(vmWithout("location", { location: "East Asia" }), VM, NO_CONTEXT),
    );
    expect(p).toMatchObject({ region: "eastasia", country: "HK" });
    expect(p.origin).toEqual({ kind: "provider", detail: "provider `location`" });
  });

  it("reports a computed provider location", () => {
    expect(
      azurePlacement(vmWithout("location", { location: UNKNOWN }), VM, NO_CONTEXT),
    ).toMatchObject({
      status: "computed",
      origin: { kind: "provider" },
    });
  });

  it("prefers the provider's location over the stack config", () => {
    const ctx = fakeContext({ "azure-native:location": "chinaeast2" });
    expect(
      resolved(azurePlacement(vmWithout("location", { location: "westeurope" }), VM, ctx)).region,
    ).toBe("westeurope");
  });

  it("uses stack config `azure-native:location` when the provider has none", () => {
    const ctx = fakeContext({ "azure-native:location": "qatarcentral" });
    const p = resolved(azurePlacement(vmWithout(), VM, ctx));
    expect(p).toMatchObject({ region: "qatarcentral", country: "QA" });
    expect(p.origin).toEqual({
      kind: "stack-config",
      detail: "stack config `azure-native:location`",
    });
  });

  it("ignores a provider view that is not azure-native", () => {
    const r = azureResource(VM, withField(COMPLIANT[VM], "location", undefined), {
      provider: {
        type: "pulumi:providers:aws",
        urn: "urn:aws",
        name: "aws",
        props: { location: "eastasia" },
      },
    });
    expect(azurePlacement(r, VM, NO_CONTEXT).status).toBe("unresolved");
  });

  it("names every place it tried when nothing gives a location", () => {
    const p = azurePlacement(vmWithout(), VM, NO_CONTEXT);
    expect(p.status).toBe("unresolved");
    if (p.status !== "unresolved") return;
    expect(p.tried).toEqual([
      "resource input `location`",
      "provider `location`",
      "stack config `azure-native:location`",
      "provider `environment`, stack config `azure-native:environment`, environment variable `ARM_ENVIRONMENT`",
    ]);
  });

  it("says so when there is no provider in view", () => {
    const r = azureResource(VM, withField(COMPLIANT[VM], "location", undefined), {
      provider: null,
    });
    const p = azurePlacement(r, VM, NO_CONTEXT);
    expect(p.status === "unresolved" && p.tried).toContain(
      "provider `location` (no azure-native provider in view)",
    );
  });
});

describe("the cloud (environment)", () => {
  it("places a resource without any location in China when the provider's environment is china", () => {
    const p = resolved(
      azurePlacement(vmWithout("location", { environment: "china" }), VM, NO_CONTEXT),
    );
    expect(p).toMatchObject({
      country: "CN",
      written: "Azure China cloud",
      region: "Azure China cloud",
    });
    expect(p.origin).toEqual({ kind: "environment", detail: "provider `environment` `china`" });
  });

  it("uses stack config `azure-native:environment`", () => {
    const ctx = fakeContext({ "azure-native:environment": "usgovernment" });
    const p = resolved(azurePlacement(vmWithout(), VM, ctx));
    expect(p).toMatchObject({ country: "US", written: "Azure Government cloud" });
    expect(p.origin.kind).toBe("environment");
  });

  it("uses the ARM_ENVIRONMENT variable the provider itself reads", () => {
    const p = resolved(
      azurePlacement(vmWithout(), VM, fakeContext({}, { ARM_ENVIRONMENT: "AzureChinaCloud" })),
    );
    expect(p.country).toBe("CN");
    expect(p.origin.detail).toBe("environment variable `ARM_ENVIRONMENT` `AzureChinaCloud`");
  });

  it("gives no country for the public cloud, which spans countries", () => {
    const p = azurePlacement(vmWithout("location", { environment: "public" }), VM, NO_CONTEXT);
    expect(p.status === "unresolved" && p.tried).toContain(
      "provider `environment` `public` (not a single-country cloud)",
    );
  });

  // Decision: the Azure China cloud has only china* regions, so a non-China location written
  // under `environment: china` still lands in China (or fails); the environment decides.
  it("lets environment china win over a non-China location", () => {
    const r = azureResource(VM, withField(COMPLIANT[VM], "location", "eastus"), {
      provider: azureProviderView({ environment: "china" }),
    });
    const p = resolved(azurePlacement(r, VM, NO_CONTEXT));
    expect(p).toMatchObject({ country: "CN", written: "eastus", region: "eastus" });
    expect(p.entry).toBeUndefined();
    expect(p.origin.kind).toBe("environment");
  });

  it("keeps a China location under environment china as the resource's own", () => {
    const r = azureResource(VM, withField(COMPLIANT[VM], "location", "chinanorth2"), {
      provider: azureProviderView({ environment: "china" }),
    });
    const p = resolved(azurePlacement(r, VM, NO_CONTEXT));
    expect(p).toMatchObject({ region: "chinanorth2", country: "CN", origin: { kind: "resource" } });
  });

  it("knows a computed location is in China under environment china", () => {
    const r = azureResource(VM, withField(COMPLIANT[VM], "location", UNKNOWN), {
      provider: azureProviderView({ environment: "china" }),
    });
    expect(resolved(azurePlacement(r, VM, NO_CONTEXT)).country).toBe("CN");
  });

  it("lets environment usgovernment win over a public-cloud location", () => {
    const r = azureResource(VM, COMPLIANT[VM], {
      provider: azureProviderView({ environment: "usgovernment" }),
    });
    expect(resolved(azurePlacement(r, VM, NO_CONTEXT)).country).toBe("US");
  });

  it("reads an explicit provider's environment before the stack config", () => {
    const r = azureResource(VM, withField(COMPLIANT[VM], "location", "eastus"), {
      provider: azureProviderView({ environment: "public" }),
    });
    const ctx = fakeContext({ "azure-native:environment": "china" });
    expect(resolved(azurePlacement(r, VM, ctx))).toMatchObject({ region: "eastus", country: "US" });
  });

  it("makes the placement computed when the environment is computed", () => {
    const r = azureResource(VM, COMPLIANT[VM], {
      provider: azureProviderView({ environment: UNKNOWN }),
    });
    expect(azurePlacement(r, VM, NO_CONTEXT)).toMatchObject({
      status: "computed",
      origin: { kind: "environment" },
    });
  });
});

describe("child kinds whose location belongs to a parent", () => {
  it.each([
    [
      "azure-native:containerservice:AgentPool",
      "resourceName",
      "azure-native:containerservice:ManagedCluster",
    ],
    [
      "azure-native:containerservice/v20250801:AgentPool",
      "resourceName",
      "azure-native:containerservice:ManagedCluster",
    ],
    ["azure-native:batch:Pool", "accountName", "azure-native:batch:BatchAccount"],
    [
      "azure-native:cognitiveservices:Deployment",
      "accountName",
      "azure-native:cognitiveservices:Account",
    ],
    [
      "azure-native:cognitiveservices:RaiPolicy",
      "accountName",
      "azure-native:cognitiveservices:Account",
    ],
    [
      "azure-native:machinelearningservices:Job",
      "workspaceName",
      "azure-native:machinelearningservices:Workspace",
    ],
    [
      "azure-native:machinelearningservices:RegistryModelVersion",
      "registryName",
      "azure-native:machinelearningservices:Registry",
    ],
    [
      "azure-native:servicefabric:NodeType",
      "clusterName",
      "azure-native:servicefabric:ManagedCluster",
    ],
    [
      "azure-native:redhatopenshift:MachinePool",
      "resourceName",
      "azure-native:redhatopenshift:OpenShiftCluster",
    ],
  ])("%s is inherited via `%s` from %s", (token, via, parent) => {
    const r = azureResource(token, { resourceGroupName: "rg", [via]: "parent" });
    expect(
      azurePlacement(r, token, fakeContext({ "azure-native:location": "westeurope" })),
    ).toEqual({
      status: "inherited",
      cloud: "azure",
      via,
      parentTypes: [parent],
    });
  });

  it("uses a child's own location when it has one", () => {
    const kind = "azure-native:machinelearningservices:OnlineDeployment";
    expect(resolved(azurePlacement(compliant(kind), kind, NO_CONTEXT)).region).toBe("westeurope");
  });

  it("defers a child without its own location to the parent, not to the provider", () => {
    const kind = "azure-native:machinelearningservices:OnlineDeployment";
    const r = azureResource(kind, withField(COMPLIANT[kind], "location", undefined), {
      provider: azureProviderView({ location: "westeurope" }),
    });
    expect(azurePlacement(r, kind, NO_CONTEXT)).toMatchObject({
      status: "inherited",
      via: "workspaceName",
    });
  });

  it("does not treat a resource whose name property is its own name as a child", () => {
    const kind = "azure-native:machinelearningservices:Workspace";
    const r = azureResource(kind, { resourceGroupName: "rg", workspaceName: "ws" });
    expect(
      azurePlacement(r, kind, fakeContext({ "azure-native:location": "westeurope" })).status,
    ).toBe("resolved");
  });

  it("places a child in China at once when its provider talks to the China cloud", () => {
    const kind = "azure-native:containerservice:AgentPool";
    const r = azureResource(kind, COMPLIANT[kind], {
      provider: azureProviderView({ environment: "china" }),
    });
    expect(resolved(azurePlacement(r, kind, NO_CONTEXT)).country).toBe("CN");
  });
});

describe("additional locations", () => {
  it("resolves each Compute Fleet additional location", () => {
    const kind = "azure-native:azurefleet:Fleet";
    const r = compliant(kind, "additionalLocationsProfile", {
      locationProfiles: [{ location: "westeurope" }, { location: "China North 3" }],
    });
    const ps = azureAdditionalPlacements(r, kind, NO_CONTEXT);
    expect(
      ps.map((p) => p.status === "resolved" && [p.region, p.country, p.origin.detail]),
    ).toEqual([
      [
        "westeurope",
        "NL",
        "resource input `additionalLocationsProfile.locationProfiles[0].location`",
      ],
      [
        "chinanorth3",
        "CN",
        "resource input `additionalLocationsProfile.locationProfiles[1].location`",
      ],
    ]);
  });

  it("resolves Cognitive Services multi-region locations and reports computed ones", () => {
    const kind = "azure-native:cognitiveservices:Account";
    const r = azureResource(kind, {
      resourceGroupName: "rg",
      location: "westeurope",
      properties: { locations: { regions: [{ name: "eastasia", value: 50 }, { name: UNKNOWN }] } },
    });
    const ps = azureAdditionalPlacements(r, kind, NO_CONTEXT);
    expect(ps[0]).toMatchObject({ status: "resolved", country: "HK" });
    expect(ps[1]).toMatchObject({
      status: "computed",
      path: "properties.locations.regions[1].name",
    });
  });

  it("has none for kinds with a single location", () => {
    expect(azureAdditionalPlacements(compliant(VM), VM, NO_CONTEXT)).toEqual([]);
  });
});

describe("the one unknown-value rule holds at every step", () => {
  it("stops at an unknown stack config `azure-native:location` (a secret the scan could not read)", () => {
    const ctx = fakeContext({ "azure-native:location": UNKNOWN });
    expect(azurePlacement(vmWithout(), VM, ctx)).toEqual({
      status: "computed",
      cloud: "azure",
      path: "azure-native:location",
      origin: { kind: "stack-config", detail: "stack config `azure-native:location`" },
    });
  });

  it("makes the placement unknown when ARM_ENVIRONMENT is unknown, as for a computed provider environment", () => {
    const ctx = fakeContext({}, { ARM_ENVIRONMENT: UNKNOWN });
    expect(azurePlacement(compliant(VM), VM, ctx)).toEqual({
      status: "computed",
      cloud: "azure",
      path: "ARM_ENVIRONMENT",
      origin: { kind: "environment", detail: "environment variable `ARM_ENVIRONMENT`" },
    });
  });
});
