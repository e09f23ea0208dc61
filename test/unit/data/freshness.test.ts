// Freshness: every region and EC2 family the project's provider packages name offline is classified
// by a data table, so a package upgrade that brings a new region fails here, naming it, until a
// person adds a row. The same functions drive `npm run data:check`.
//
// Read offline: @aws-sdk/core's partitions data, @pulumi/aws's Region and InstanceType enums and
// @pulumi/azure-native's AzureLocation enum. No package of GCP, Alibaba, Tencent or Huawei Cloud is
// installed, so their tables have no such check.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { Region } from "@pulumi/aws/types/enums";
import { lookupAwsRegion, lookupAzureLocation } from "../../../policypack/src/catalogue/regions";
import {
  azureNativeLocations,
  citedRows,
  missingClassifications,
  parseArgs,
  readAwsSdkPartitions,
  reviewDates,
  staleRows,
  unclassifiedAwsFamilies,
  unclassifiedAwsSdkRegions,
  unclassifiedNames,
  type SdkPartition,
} from "../../../scripts/data-check";

describe("offline package data", () => {
  const partitions = readAwsSdkPartitions();

  it("reads the AWS SDK's partitions, with the commercial and China partitions", () => {
    const ids = partitions.map((p) => p.id);
    expect(ids).toEqual(expect.arrayContaining(["aws", "aws-cn", "aws-us-gov"]));
    expect(Object.keys(partitions.find((p) => p.id === "aws")?.regions ?? {})).toContain(
      "us-east-1",
    );
  });

  it("every region of @aws-sdk/core's partitions is classified", () => {
    expect(unclassifiedAwsSdkRegions(partitions)).toEqual([]);
  });

  it.each(
    partitions.flatMap((p) =>
      Object.keys(p.regions)
        .filter((name) => new RegExp(p.regionRegex).test(name))
        .map((name) => [name, p.id, p.regions[name]?.description ?? ""] as const),
    ),
  )("AWS SDK region %s (%s, '%s') has a row", (name, partition) => {
    expect(lookupAwsRegion(name)?.partition).toBe(partition);
  });

  it("every region of @pulumi/aws's Region enum is classified", () => {
    expect(unclassifiedNames(Object.values(Region), lookupAwsRegion, "aws region", "enum")).toEqual(
      [],
    );
  });

  it("reads @pulumi/azure-native's AzureLocation enum", () => {
    expect(azureNativeLocations()).toEqual(expect.arrayContaining(["westeurope", "chinaeast2"]));
  });

  it("every location of @pulumi/azure-native's AzureLocation enum is classified", () => {
    expect(
      unclassifiedNames(azureNativeLocations(), lookupAzureLocation, "azure location", "enum"),
    ).toEqual([]);
  });

  it("nothing at all is missing (what `npm run data:check` reports)", () => {
    expect(missingClassifications()).toEqual([]);
  });
});

describe("the checks can fail", () => {
  const withFake: SdkPartition[] = [
    {
      id: "aws",
      regionRegex: "^(us|eu|ap|sa|ca|me|af|il|mx)\\-\\w+\\-\\d+$",
      regions: {
        "us-east-1": { description: "US East (N. Virginia)" },
        "ap-mars-1": { description: "Asia Pacific (Mars)" },
        "aws-global": { description: "aws global region" },
      },
    },
  ];

  it("names an AWS SDK region no table holds, and ignores pseudo-regions", () => {
    expect(unclassifiedAwsSdkRegions(withFake)).toEqual([
      { what: "aws region", name: "ap-mars-1", from: "@aws-sdk/core partitions (aws)" },
    ]);
  });

  it("names an Azure location no table holds", () => {
    expect(
      unclassifiedNames(["westeurope", "marscentral"], lookupAzureLocation, "azure location", "x"),
    ).toEqual([{ what: "azure location", name: "marscentral", from: "x" }]);
  });

  it("names an EC2 family of an unknown series, not a CPU family or a catalogued GPU family", () => {
    const missing = unclassifiedAwsFamilies(
      ["m7i.large", "p5.48xlarge", "zz9.large", "c7gn.xlarge"],
      "enum",
    );
    expect(missing.map((m) => m.name)).toEqual(["zz9"]);
  });

  it("throws, naming the paths, when the partitions data is not where the SDK keeps it", () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), "jg-data-check-"));
    try {
      expect(() => readAwsSdkPartitions(empty)).toThrow(/partitions data not found; tried: .*/);
    } finally {
      fs.rmSync(empty, { recursive: true, force: true });
    }
  });

  it("reads partitions kept as an ES module literal", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jg-data-check-"));
    try {
      const file = path.join(dir, "dist-es/submodules/client/util-endpoints/lib/aws/partitions.js");
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(
        file,
        `export const partitionsInfo = ${JSON.stringify({ partitions: withFake })};\n`,
      );
      expect(unclassifiedAwsSdkRegions(readAwsSdkPartitions(dir)).map((m) => m.name)).toEqual([
        "ap-mars-1",
      ]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("review dates", () => {
  const rows = citedRows();

  it("collects the cited rows of every table, with ASNs and packages of providers", () => {
    const ids = rows.map((r) => r.id);
    expect(ids).toContain("regions/aws.ts AWS_REGIONS me-west-1");
    expect(ids).toContain("provider alibaba-cloud AS45102");
    expect(ids).toContain("provider alibaba-cloud alicloud:");
  });

  it("lists rows older than the limit, oldest first, and none when the limit is wide", () => {
    const sample = [
      { id: "a", row: { source: "s", reviewed: "2026-01-01" } },
      { id: "b", row: { source: "s", reviewed: "2026-06-01" } },
      { id: "c", row: { source: "s", reviewed: "2026-12-01" } },
    ];
    const today = new Date(Date.UTC(2026, 11, 7));
    expect(staleRows(sample, today, 100).map((r) => r.row)).toEqual(["a", "b"]);
    expect(staleRows(sample, today, 1000)).toEqual([]);
  });

  it("counts rows per review date", () => {
    expect(
      reviewDates([
        { row: { source: "s", reviewed: "2026-11-22" } },
        { row: { source: "s", reviewed: "2026-12-07" } },
        { row: { source: "s", reviewed: "2026-12-07" } },
      ]),
    ).toEqual([
      ["2026-12-07", 2],
      ["2026-11-22", 1],
    ]);
  });

  it.each([
    [[], { maxAgeDays: 365 }],
    [["--max-age", "30"], { maxAgeDays: 30 }],
    [["--max-age"], "--max-age needs a whole number of days, got nothing"],
    [["--max-age", "-3"], "--max-age needs a whole number of days, got '-3'"],
    [["--verbose"], "unknown argument '--verbose'"],
  ] as const)("parses %j", (argv, expected) => {
    expect(parseArgs(argv)).toEqual(expected);
  });
});
