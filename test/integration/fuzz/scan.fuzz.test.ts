// Property-based tests of the scan's public path (`main(argv, io)` of cli/commands/scan.ts, in
// process, with the real pack): random stack exports with random names, URNs and values (control
// characters, U+FFFF, bidi marks, deep nesting, secrets) never crash the CLI, its SARIF is JSON
// with SARIF's basic shape, its JUnit is well-formed XML, its text holds no terminal control
// characters, and a GPU in China placed anywhere among them always fails the scan.
//
// Seeded and short inside `npm test`; `npm run fuzz -- --runs N [--seed S]` runs it longer.
import * as fs from "fs";
import * as path from "path";
import { PassThrough } from "stream";
import fc from "fast-check";
import { XMLValidator } from "fast-xml-parser";
import { main } from "../../../cli/commands/scan";
import { REPO_ROOT } from "../harness";
import { tmpDir } from "../scan/helpers";
import { UNKNOWN_STRING } from "../../../policypack/src/values";

const RUNS = Number(process.env["FUZZ_RUNS"] ?? "3");
const SEED = Number(process.env["FUZZ_SEED"] ?? "20261207");
const SIG = "4dabf18193072939515e22adb298388d";
const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";

/** Characters that have broken reports elsewhere: controls, noncharacters, bidi, XML specials. */
const NASTY = [
  "\u0000",
  "\u0007",
  "\u001b[31m",
  "\u001b]8;;http://x\u0007",
  "\r",
  "\u007f",
  "\u0085",
  "\uFFFF",
  "\uFFFE",
  "\uD800",
  "\u202E",
  "\u200F",
  "\u2066",
  "]]>",
  "<&>\"'",
  "::",
  "*",
];

const nastyString = fc
  .array(fc.oneof(fc.string({ unit: "binary", maxLength: 8 }), fc.constantFrom(...NASTY)), {
    maxLength: 4,
  })
  .map((parts) => parts.join(""));
const name = fc.oneof(fc.stringMatching(/^[a-z][a-z0-9-]{0,12}$/), nastyString);

const { value } = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.constant(null),
    fc.boolean(),
    fc.double(),
    fc.integer(),
    nastyString,
    fc.constant(UNKNOWN_STRING),
    fc.array(tie("value"), { maxLength: 4 }),
    fc.dictionary(name, tie("value"), { maxKeys: 4 }),
    fc.record({ [SIG]: fc.constant(SECRET_SIG), ciphertext: nastyString }),
    tie("value").map((v) => ({ [SIG]: SECRET_SIG, plaintext: JSON.stringify(v) ?? "null" })),
  ),
}));

/** A chain of objects `depth` deep. */
const deep = fc.integer({ min: 1, max: 200 }).map((depth) => {
  let v: unknown = "bottom";
  for (let i = 0; i < depth; i++) v = { nested: v };
  return v;
});

const TYPES = [
  "aws:ec2/instance:Instance",
  "aws:s3/bucket:Bucket",
  "azure-native:compute:VirtualMachine",
  "gcp:compute/instance:Instance",
  "alicloud:ecs/instance:Instance",
  "pulumi:pulumi:Stack",
];
const type = fc.oneof(
  fc.constantFrom(...TYPES),
  nastyString.filter((s) => s !== ""),
);

interface Res {
  urn: string;
  type: string;
  custom: boolean;
  inputs: Record<string, unknown>;
  outputs?: Record<string, unknown>;
  id?: string;
  provider?: string;
}

const STACK = "fuzz";
const PROJECT = "prop";
const urnOf = (t: string, n: string) => `urn:pulumi:${STACK}::${PROJECT}::${t}::${n}`;

const randomResource = fc
  .record({
    type,
    name,
    custom: fc.boolean(),
    inputs: fc.dictionary(name, fc.oneof(value, deep), { maxKeys: 5 }),
    outputs: fc.option(fc.dictionary(name, value, { maxKeys: 3 }), { nil: undefined }),
  })
  .map((r): Omit<Res, "urn"> & { name: string } => ({
    type: r.type,
    name: r.name,
    custom: r.custom,
    inputs: r.inputs,
    ...(r.outputs !== undefined ? { outputs: r.outputs } : {}),
  }));

/** The fixed violation: p4d.24xlarge through an explicit aws provider in cn-north-1. */
function violator(): Res[] {
  const provider = urnOf("pulumi:providers:aws", "jg-fuzz-cn");
  const id = "11111111-2222-4333-8444-555555555555";
  return [
    {
      urn: provider,
      type: "pulumi:providers:aws",
      custom: true,
      id,
      inputs: { region: "cn-north-1" },
    },
    {
      urn: urnOf("aws:ec2/instance:Instance", "jg-fuzz-gpu"),
      type: "aws:ec2/instance:Instance",
      custom: true,
      id: "i-0123456789abcdef0",
      inputs: { instanceType: "p4d.24xlarge" },
      provider: `${provider}::${id}`,
    },
  ];
}

function exportOf(resources: Res[]): string {
  return JSON.stringify({
    version: 3,
    deployment: {
      manifest: { time: "2026-12-07T00:00:00Z", magic: "x", version: "v3.190.0" },
      resources,
    },
  });
}

/** Random resources with unique URNs, and the violator at `at` (a fraction of the length). */
const stackWithViolator = fc
  .record({
    random: fc.array(randomResource, { maxLength: 12 }),
    at: fc.double({ min: 0, max: 1, noNaN: true }),
  })
  .map(({ random, at }) => {
    const resources: Res[] = random.map((r, i) => {
      const { name: n, ...rest } = r;
      return { ...rest, urn: urnOf(r.type, `${n}-${i}`) };
    });
    resources.splice(Math.floor(at * resources.length), 0, ...violator());
    return exportOf(resources);
  });

/** Anything JSON-ish, including documents that are not stack exports at all. */
const anyDocument = fc.oneof(
  stackWithViolator,
  fc
    .array(randomResource, { maxLength: 8 })
    .map((rs) => exportOf(rs.map((r, i) => ({ ...r, urn: urnOf(r.type, `${r.name}-${i}`) })))),
  value.map((v) => JSON.stringify({ version: 3, deployment: { resources: v } })),
  value.map((v) => JSON.stringify(v) ?? "null"),
  nastyString,
);

const FORMATS = ["text", "json", "sarif", "junit"] as const;
type Format = (typeof FORMATS)[number];

let counter = 0;

async function scan(
  doc: string,
  format: Format,
): Promise<{ code: number; stdout: string; stderr: string }> {
  const file = path.join(tmpDir(), `fuzz-${counter++}.json`);
  fs.writeFileSync(file, doc);
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = "";
  let err = "";
  stdout.setEncoding("utf8").on("data", (c: string) => (out += c));
  stderr.setEncoding("utf8").on("data", (c: string) => (err += c));
  const code = await main(
    ["node", "jurisdiction-guard", "scan", "--no-build", "--format", format, file],
    {
      stdout,
      stderr,
      cwd: REPO_ROOT,
    },
  );
  fs.rmSync(file, { force: true });
  return { code, stdout: out, stderr: err };
}

const STACK_TRACE = /\n\s+at .+(:\d+:\d+\)?|\(native\))$/m;

function checkSarif(text: string): void {
  const log = JSON.parse(text) as {
    version?: unknown;
    runs?: {
      tool?: { driver?: { name?: unknown } };
      results?: { ruleId?: unknown; level?: unknown; message?: { text?: unknown } }[];
    }[];
  };
  expect(log.version).toBe("2.1.0");
  expect(Array.isArray(log.runs)).toBe(true);
  for (const run of log.runs ?? []) {
    expect(typeof run.tool?.driver?.name).toBe("string");
    for (const r of run.results ?? []) {
      expect(typeof r.ruleId).toBe("string");
      expect(typeof r.message?.text).toBe("string");
      expect(["error", "warning", "note", "none"]).toContain(r.level);
    }
  }
}

/** What a terminal would act on: C0/C1 controls (but tab and newline), bidi overrides. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const TERMINAL_CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

function checkOutput(format: Format, r: { code: number; stdout: string; stderr: string }): void {
  expect([0, 1, 2]).toContain(r.code);
  expect(r.stderr).not.toMatch(STACK_TRACE);
  if (r.code === 2) return;
  switch (format) {
    case "sarif":
      checkSarif(r.stdout);
      break;
    case "json":
      JSON.parse(r.stdout);
      break;
    case "junit":
      expect(XMLValidator.validate(r.stdout)).toBe(true);
      break;
    case "text":
      expect(r.stdout).not.toMatch(TERMINAL_CONTROLS);
      break;
  }
}

const params = { numRuns: RUNS, seed: SEED, endOnFailure: true } as const;
const timeout = Math.max(120_000, RUNS * 15_000);

describe("fuzzing the scan through main(argv, io)", () => {
  it(
    "a p4d.24xlarge in cn-north-1 anywhere among random resources always fails the scan (exit 1)",
    async () => {
      await fc.assert(
        fc.asyncProperty(
          stackWithViolator,
          fc.constantFrom<Format>("json", "sarif"),
          async (doc, format) => {
            const r = await scan(doc, format);
            checkOutput(format, r);
            expect(r.code).toBe(1);
          },
        ),
        params,
      );
    },
    timeout,
  );

  it.each(FORMATS)(
    "%s: names with control characters, noncharacters and bidi marks reach the report well-formed",
    async (format) => {
      const nastyName = fc
        .tuple(nastyString, fc.constantFrom(...NASTY), nastyString)
        .map((p) => p.join(""));
      await fc.assert(
        fc.asyncProperty(nastyName, async (n) => {
          const listed: Res = {
            urn: urnOf("alicloud:oss/bucket:Bucket", n),
            type: "alicloud:oss/bucket:Bucket",
            custom: true,
            inputs: { bucket: n },
          };
          const r = await scan(exportOf([...violator(), listed]), format);
          checkOutput(format, r);
          expect(r.code).toBe(1);
        }),
        params,
      );
    },
    timeout,
  );

  it.each(FORMATS)(
    "%s: any document exits 0, 1 or 2 without a stack trace, and the report is well-formed",
    async (format) => {
      await fc.assert(
        fc.asyncProperty(anyDocument, async (doc) => checkOutput(format, await scan(doc, format))),
        params,
      );
    },
    timeout,
  );
});
