import { Region } from "@pulumi/aws/types/enums";
import { AWS_REGIONS } from "../../../policypack/src/data/regions/aws";
import { AZURE_LOCATIONS } from "../../../policypack/src/data/regions/azure";
import { isCountryCode } from "../../../policypack/src/catalogue/jurisdictions";
import {
  AZURE_ENVIRONMENTS,
  awsPartitionOf,
  azureEnvironmentCountry,
  lookupAwsRegion,
  lookupAzureEnvironment,
  lookupAzureLocation,
  normaliseAzureLocation,
} from "../../../policypack/src/catalogue/regions";

describe("AWS regions", () => {
  it.each(Object.values(Region))(
    "@pulumi/aws Region '%s' is classified (a new region fails until a person adds it)",
    (code) => {
      expect(lookupAwsRegion(code)).toBeDefined();
    },
  );

  it("has no region twice", () => {
    const names = AWS_REGIONS.map((r) => r.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it.each(AWS_REGIONS.map((r) => [r.name, r] as const))(
    "%s names an ISO country and the partition botocore's regexes give it",
    (name, region) => {
      expect(isCountryCode(region.country)).toBe(true);
      expect(region.country).toBe(region.country.toUpperCase());
      expect(region.cloud).toBe("aws");
      const byRegex = awsPartitionOf(name);
      expect(byRegex?.partition).toBe(region.partition);
      if (byRegex?.country !== undefined) expect(byRegex.country).toBe(region.country);
    },
  );

  it.each([
    ["cn-north-1", "CN"],
    ["cn-northwest-1", "CN"],
    ["ap-east-1", "HK"],
    ["me-central-1", "AE"],
    ["me-south-1", "BH"],
    ["il-central-1", "IL"],
    ["eusc-de-east-1", "DE"],
    ["us-gov-west-1", "US"],
    ["ap-east-2", "TW"],
  ])("%s is in %s", (code, country) => {
    expect(lookupAwsRegion(code)?.country).toBe(country);
  });

  it("looks regions up in any case and ignores surrounding blanks", () => {
    expect(lookupAwsRegion("  CN-North-1 ")?.name).toBe("cn-north-1");
  });

  it.each(["cn-south-1x", "mars-east-1", "", "us-east"])("does not invent region '%s'", (code) => {
    expect(lookupAwsRegion(code)).toBeUndefined();
  });
});

describe("awsPartitionOf (regions not in the table)", () => {
  it.each<[string, { partition: string; country?: string } | undefined]>([
    ["cn-south-1", { partition: "aws-cn", country: "CN" }],
    ["CN-SOUTHWEST-2", { partition: "aws-cn", country: "CN" }],
    ["us-gov-central-1", { partition: "aws-us-gov", country: "US" }],
    ["us-iso-south-1", { partition: "aws-iso", country: "US" }],
    ["us-isob-north-1", { partition: "aws-iso-b", country: "US" }],
    ["us-isof-west-1", { partition: "aws-iso-f", country: "US" }],
    ["eusc-de-west-1", { partition: "aws-eusc", country: "DE" }],
    ["eu-isoe-north-1", { partition: "aws-iso-e" }],
    ["ap-south-3", { partition: "aws" }],
    ["me-west-1", { partition: "aws" }],
    ["mars-east-1", undefined],
    ["eusc-fr-east-1", undefined],
    ["", undefined],
  ])("%s → %j", (code, expected) => {
    expect(awsPartitionOf(code)).toEqual(expected);
  });
});

describe("Azure locations", () => {
  it("has no location twice and stores programmatic names in normal form", () => {
    const names = AZURE_LOCATIONS.map((l) => l.name);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(normaliseAzureLocation(name)).toBe(name);
  });

  it.each(AZURE_LOCATIONS.map((l) => [l.name, l] as const))(
    "%s has an ISO country and a display name that finds it again",
    (name, location) => {
      expect(isCountryCode(location.country)).toBe(true);
      expect(location.cloud).toBe("azure");
      expect(location.displayName).toBeDefined();
      expect(lookupAzureLocation(location.displayName ?? "")?.name).toBe(name);
    },
  );

  it.each([
    ["China East 2", "chinaeast2"],
    ["  china  east 2 ", "chinaeast2"],
    ["CHINANORTH3", "chinanorth3"],
    ["West US\t2", "westus2"],
  ])("normalises '%s' to '%s'", (input, expected) => {
    expect(normaliseAzureLocation(input)).toBe(expected);
  });

  it.each(["chinaeast", "chinaeast2", "chinaeast3", "chinanorth", "chinanorth2", "chinanorth3"])(
    "21Vianet location %s is in CN, in the china cloud",
    (name) => {
      expect(lookupAzureLocation(name)).toMatchObject({ country: "CN", partition: "china" });
    },
  );

  it.each([
    ["eastasia", "HK"],
    ["East Asia", "HK"],
    ["China East 2", "CN"],
    ["uaenorth", "AE"],
    ["qatarcentral", "QA"],
    ["israelcentral", "IL"],
    ["USGov Virginia", "US"],
    ["usdodeast", "US"],
    ["westeurope", "NL"],
  ])("%s is in %s", (name, country) => {
    expect(lookupAzureLocation(name)?.country).toBe(country);
  });

  it.each(["global", "", "chinaeast9", "mars"])("does not invent location '%s'", (name) => {
    expect(lookupAzureLocation(name)).toBeUndefined();
  });

  it("puts every Government location in the usgovernment cloud", () => {
    const gov = AZURE_LOCATIONS.filter((l) => /^us(gov|dod)/.test(l.name));
    expect(gov.length).toBeGreaterThanOrEqual(6);
    for (const location of gov)
      expect(location).toMatchObject({ partition: "usgovernment", country: "US" });
  });
});

describe("Azure environments", () => {
  it.each<[string, string | undefined]>([
    ["china", "CN"],
    ["China", "CN"],
    ["AzureChinaCloud", "CN"],
    ["usgovernment", "US"],
    ["USGovernment", "US"],
    ["AzureUSGovernment", "US"],
    ["public", undefined],
    ["PUBLIC", undefined],
    ["AzureCloud", undefined],
    ["mars", undefined],
    ["", undefined],
  ])("environment '%s' → country %s", (environment, country) => {
    expect(azureEnvironmentCountry(environment)).toBe(country);
  });

  it("tells the public cloud apart from an unknown value", () => {
    expect(lookupAzureEnvironment("public")?.cloud).toBe("public");
    expect(lookupAzureEnvironment("mars")).toBeUndefined();
  });

  it("agrees with the locations of each single-country cloud", () => {
    for (const environment of AZURE_ENVIRONMENTS) {
      if (environment.country === undefined) continue;
      const locations = AZURE_LOCATIONS.filter((l) => l.partition === environment.cloud);
      expect(locations.length).toBeGreaterThan(0);
      for (const location of locations) expect(location.country).toBe(environment.country);
    }
  });
});
