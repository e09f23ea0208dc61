// Every data entry names a source that exists and a review date that is real and not in the future.
import { AI_SERVICE_MODULES, lookupAiService } from "../../../policypack/src/catalogue/ai-services";
import {
  AWS_ACCELERATOR_FAMILIES,
  AZURE_ACCELERATOR_SERIES,
  AZURE_CONTAINER_APPS_GPU_PROFILES,
  AZURE_CONTAINER_GPU_SKUS,
  AZURE_DEDICATED_HOST_SERIES,
  CHIPS,
} from "../../../policypack/src/catalogue/accelerators";
import { AWS_PLATFORM_HINTS } from "../../../policypack/src/data/accelerators/aws-platform-hints";
import { AWS_REGIONS } from "../../../policypack/src/data/regions/aws";
import { AZURE_LOCATIONS } from "../../../policypack/src/data/regions/azure";
import { JURISDICTION_GROUPS } from "../../../policypack/src/catalogue/jurisdictions";
import { AWS_PARTITION_RULES, AZURE_ENVIRONMENTS } from "../../../policypack/src/catalogue/regions";
import { SOURCES } from "../../../policypack/src/data/sources";

interface Cited {
  readonly source: string;
  readonly reviewed: string;
  readonly confidence: string;
}

const CONFIDENCES = new Set(["verified", "third-party", "uncertain"]);

/** Everything wrong with one entry's citation; empty when it is fine. */
function citationProblems(entry: Cited, today: Date): string[] {
  const problems: string[] = [];
  if (!Object.prototype.hasOwnProperty.call(SOURCES, entry.source)) {
    problems.push(`source '${entry.source}' is not a key of SOURCES`);
  }
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(entry.reviewed);
  if (match === null) {
    problems.push(`reviewed '${entry.reviewed}' is not YYYY-MM-DD`);
  } else {
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const date = new Date(Date.UTC(year, month - 1, day));
    if (
      date.getUTCFullYear() !== year ||
      date.getUTCMonth() !== month - 1 ||
      date.getUTCDate() !== day
    ) {
      problems.push(`reviewed '${entry.reviewed}' is not a calendar date`);
    } else if (date.getTime() > today.getTime()) {
      problems.push(`reviewed '${entry.reviewed}' is in the future`);
    }
  }
  if (!CONFIDENCES.has(entry.confidence))
    problems.push(`confidence '${entry.confidence}' is unknown`);
  return problems;
}

const today = new Date();

const tables: [string, readonly (Cited & { readonly id: string })[]][] = [
  ["AWS_REGIONS", AWS_REGIONS.map((e) => ({ ...e, id: e.name }))],
  ["AZURE_LOCATIONS", AZURE_LOCATIONS.map((e) => ({ ...e, id: e.name }))],
  ["AWS_PARTITION_RULES", AWS_PARTITION_RULES.map((e) => ({ ...e, id: e.partition }))],
  ["AZURE_ENVIRONMENTS", AZURE_ENVIRONMENTS.map((e) => ({ ...e, id: e.name }))],
  ["JURISDICTION_GROUPS", [...JURISDICTION_GROUPS.values()].map((e) => ({ ...e, id: e.name }))],
  ["CHIPS", [...CHIPS].map(([key, e]) => ({ ...e, id: key }))],
  ["AWS_ACCELERATOR_FAMILIES", AWS_ACCELERATOR_FAMILIES.map((e) => ({ ...e, id: e.family }))],
  ["AZURE_ACCELERATOR_SERIES", AZURE_ACCELERATOR_SERIES.map((e) => ({ ...e, id: e.example }))],
  [
    "AZURE_DEDICATED_HOST_SERIES",
    AZURE_DEDICATED_HOST_SERIES.map((e) => ({ ...e, id: e.example })),
  ],
  [
    "AZURE_CONTAINER_APPS_GPU_PROFILES",
    AZURE_CONTAINER_APPS_GPU_PROFILES.map((e) => ({ ...e, id: e.profile })),
  ],
  [
    "AWS_PLATFORM_HINTS",
    AWS_PLATFORM_HINTS.map((e) => ({
      ...e,
      id: "value" in e ? e.value : `pattern ${String(e.pattern)}`,
    })),
  ],
  [
    "AI services (one looked-up token per module)",
    AI_SERVICE_MODULES.map((m) => {
      const token = m.module.startsWith("aws:") ? `${m.module}/thing:Thing` : `${m.module}:Thing`;
      const entry = lookupAiService(token);
      if (entry === undefined) throw new Error(`no AI service for ${token}`);
      return { ...entry, id: m.module };
    }),
  ],
];

describe("data citations", () => {
  describe.each(tables)("%s", (_name, entries) => {
    it("has entries", () => {
      expect(entries.length).toBeGreaterThan(0);
    });

    it.each(entries.map((e) => [e.id, e] as const))(
      "%s cites a known source, a past review date and a known confidence",
      (_id, entry) => {
        expect(citationProblems(entry, today)).toEqual([]);
      },
    );
  });

  it("every ACI GPU SKU cites a known source", () => {
    for (const { source } of AZURE_CONTAINER_GPU_SKUS.values()) {
      expect(Object.keys(SOURCES)).toContain(source);
    }
  });

  it("every source has a title, and a URL that is absolute http(s) when given", () => {
    for (const [key, ref] of Object.entries(SOURCES)) {
      expect(`${key}: ${ref.title.trim()}`).not.toBe(`${key}: `);
      if (ref.url !== undefined) expect(ref.url).toMatch(/^https?:\/\/\S+$/);
    }
  });
});

describe("the citation check itself", () => {
  const good: Cited = {
    source: "botocore-partitions",
    reviewed: "2026-01-31",
    confidence: "verified",
  };
  const reference = new Date(Date.UTC(2026, 10, 22));

  it.each<[string, Cited, string]>([
    ["an unknown source", { ...good, source: "no-such-source" }, "is not a key of SOURCES"],
    ["a future date", { ...good, reviewed: "2026-11-23" }, "is in the future"],
    ["an impossible date", { ...good, reviewed: "2026-02-30" }, "is not a calendar date"],
    ["a date in another format", { ...good, reviewed: "22/11/2026" }, "is not YYYY-MM-DD"],
    ["an unknown confidence", { ...good, confidence: "probably" }, "is unknown"],
  ])("rejects %s", (_what, entry, message) => {
    expect(citationProblems(entry, reference).join("; ")).toContain(message);
  });

  it("accepts a sound citation reviewed today", () => {
    expect(citationProblems({ ...good, reviewed: "2026-11-22" }, reference)).toEqual([]);
  });
});
