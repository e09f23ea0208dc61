// Inputs that must never pass by accident, through the CLI as CI calls it: duplicate URNs and
// duplicate keys, piped input, ambiguous or empty documents, and nesting deeper than the scan reads.
// Each is exit 2 with the file and the position, or (an empty stack) a plain "0 resources".
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { FIXTURES, fixture, runCli, tmpFile } from "./helpers";

const URN = (type: string, name: string) => `urn:pulumi:prod::ml::${type}::${name}`;
const STACK = URN("pulumi:pulumi:Stack", "ml-prod");
const PROVIDER = URN("pulumi:providers:aws", "cn");
const PROVIDER_ID = "5b2a1c3e-0000-4000-8000-000000000001";
const TRAINER = URN("aws:ec2/instance:Instance", "trainer");

function instance(instanceType: string, extra: Record<string, unknown> = {}) {
  return {
    urn: TRAINER,
    custom: true,
    id: "i-0a1b2c3d4e5f60001",
    type: "aws:ec2/instance:Instance",
    inputs: { ami: "ami-0abcdef1234567890", instanceType },
    outputs: {},
    parent: STACK,
    provider: `${PROVIDER}::${PROVIDER_ID}`,
    ...extra,
  };
}

const STACK_RESOURCE = { urn: STACK, custom: false, type: "pulumi:pulumi:Stack" };
const PROVIDER_RESOURCE = {
  urn: PROVIDER,
  custom: true,
  id: PROVIDER_ID,
  type: "pulumi:providers:aws",
  inputs: { region: "cn-north-1", version: "7.48.0" },
  outputs: { region: "cn-north-1", version: "7.48.0" },
};

function preview(steps: { op: string; newState?: unknown; urn?: string }[]): string {
  return JSON.stringify(
    {
      config: {},
      steps: [
        { op: "same", urn: STACK, newState: STACK_RESOURCE },
        { op: "same", urn: PROVIDER, newState: PROVIDER_RESOURCE },
        ...steps.map((s) => ({ urn: TRAINER, ...s })),
      ],
      changeSummary: {},
    },
    null,
    2,
  );
}

function event(sequence: number, body: Record<string, unknown>): string {
  return JSON.stringify({ sequence, timestamp: 1778577243, ...body });
}

function preEvent(sequence: number, op: string, state: unknown, planning = true): string {
  return event(sequence, {
    resourcePreEvent: {
      metadata: { op, urn: (state as { urn: string }).urn, old: null, new: state },
      planning,
    },
  });
}

function eventLog(lines: string[]): string {
  return `${[
    event(0, { preludeEvent: { config: {} } }),
    preEvent(1, "same", { ...STACK_RESOURCE, inputs: {}, outputs: {} }),
    preEvent(2, "same", PROVIDER_RESOURCE),
    ...lines,
  ].join("\n")}\n`;
}

async function scan(...args: string[]) {
  return runCli(["scan", "--no-build", ...args]);
}

async function expectInputError(file: string, pattern: RegExp): Promise<string> {
  const r = await scan(file);
  expect(r.stdout).toBe("");
  expect(r.stderr).toMatch(pattern);
  expect(r.stderr).not.toMatch(/\n\s+at /);
  expect(r.code).toBe(2);
  return r.stderr;
}

describe("duplicate URNs are an input error (exit 2, both positions named)", () => {
  it("a stack export listing one URN twice (t3.micro, then p4d.24xlarge)", async () => {
    const file = fixture("invalid/stack-export-duplicate-urn.json");
    const stderr = await expectInputError(
      file,
      /^error: .*stack-export-duplicate-urn\.json:29 \(at \/deployment\/resources\/3\): duplicate URN "urn:pulumi:prod::ml::aws:ec2\/instance:Instance::trainer": this resource has the URN of the one at line 19, \/deployment\/resources\/2; /,
    );
    expect(stderr.split("\n")).toHaveLength(2);
  });

  it("a resource pending deletion (delete: true) may share the URN of the live one", async () => {
    const text = JSON.stringify({
      version: 3,
      deployment: {
        resources: [
          STACK_RESOURCE,
          PROVIDER_RESOURCE,
          instance("p4d.24xlarge", { delete: true }),
          instance("t3.micro"),
        ],
      },
    });
    const r = await scan(tmpFile("pending-delete.json", text));
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
  });

  it("a preview: a replacement's steps share a URN; two steps that each analyse it do not", async () => {
    const replaced = await scan(
      tmpFile(
        "replacement.json",
        preview([
          { op: "create-replacement", newState: instance("p4d.24xlarge") },
          { op: "replace", newState: instance("p4d.24xlarge") },
          { op: "delete-replaced" },
        ]),
      ),
    );
    expect(replaced.stderr).toBe("");
    expect(replaced.code).toBe(1);
    expect(replaced.stdout).toContain("p4d.24xlarge");

    await expectInputError(
      tmpFile(
        "preview-dup.json",
        preview([
          { op: "create", newState: instance("t3.micro") },
          { op: "update", newState: instance("p4d.24xlarge") },
        ]),
      ),
      /^error: .*preview-dup\.json:\d+ \(at \/steps\/3\/newState\): duplicate URN ".*::trainer": this step has the URN of the one at line \d+, \/steps\/2\/newState \(op "update" after "create"\)/,
    );
    await expectInputError(
      tmpFile(
        "preview-replacement-differs.json",
        preview([
          { op: "create-replacement", newState: instance("t3.micro") },
          { op: "replace", newState: instance("p4d.24xlarge") },
        ]),
      ),
      /duplicate URN ".*::trainer": this step has the URN of the one at line \d+, \/steps\/2\/newState: the two steps of one replacement carry different new states/,
    );
  });

  it("an event log: pre and outputs events share a URN; two resourcePreEvents of one phase do not", async () => {
    const ok = eventLog([
      preEvent(3, "create", instance("t3.micro")),
      event(4, {
        resOutputsEvent: {
          metadata: { op: "create", urn: TRAINER, new: instance("t3.micro") },
          planning: true,
        },
      }),
      // The update after the preview (`pulumi up`): the same URN in the other phase, agreeing.
      preEvent(5, "create", instance("t3.micro"), false),
    ]);
    const r = await scan(tmpFile("events-ok.jsonl", ok));
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);

    await expectInputError(
      tmpFile(
        "events-dup.jsonl",
        eventLog([
          preEvent(3, "create", instance("t3.micro")),
          preEvent(4, "create", instance("p4d.24xlarge")),
        ]),
      ),
      /^error: .*events-dup\.jsonl:5 \(at \/resourcePreEvent\/metadata\/new\): duplicate URN ".*::trainer": this resourcePreEvent has the URN of the one at line 4, /,
    );
    await expectInputError(
      tmpFile(
        "events-phases-disagree.jsonl",
        eventLog([
          preEvent(3, "create", instance("t3.micro")),
          preEvent(4, "create", instance("p4d.24xlarge"), false),
        ]),
      ),
      /events-phases-disagree\.jsonl:5 .*duplicate URN .* with a different type or inputs/,
    );
  });
});

describe("duplicate object keys are an input error (exit 2, both lines named)", () => {
  it("two `deployment` keys in a stack export", async () => {
    const text = [
      "{",
      '  "version": 3,',
      `  "deployment": {"resources": ${JSON.stringify([STACK_RESOURCE, PROVIDER_RESOURCE, instance("t3.micro")])}},`,
      `  "deployment": {"resources": ${JSON.stringify([STACK_RESOURCE, PROVIDER_RESOURCE, instance("p4d.24xlarge")])}}`,
      "}",
    ].join("\n");
    await expectInputError(
      tmpFile("two-deployments.json", text),
      /^error: .*two-deployments\.json:4 \(at \/deployment\): duplicate key "deployment" in one object \(on lines 3 and 4\): JSON readers disagree on which one counts/,
    );
  });

  it("a key twice inside a resource's inputs", async () => {
    const text = JSON.stringify(
      { version: 3, deployment: { resources: [STACK_RESOURCE, PROVIDER_RESOURCE, instance("X")] } },
      null,
      2,
    ).replace('"instanceType": "X"', '"instanceType": "t3.micro",\n"instanceType": "p4d.24xlarge"');
    await expectInputError(
      tmpFile("two-instance-types.json", text),
      /^error: .*two-instance-types\.json:\d+ \(at \/deployment\/resources\/2\/inputs\/instanceType\): duplicate key "instanceType" in one object \(on lines \d+ and \d+\)/,
    );
  });

  it("a key twice in an event-log line", async () => {
    const line = preEvent(3, "create", instance("X")).replace(
      '"instanceType":"X"',
      '"instanceType":"t3.micro","instanceType":"p4d.24xlarge"',
    );
    await expectInputError(
      tmpFile("events-dup-key.jsonl", eventLog([line])),
      /^error: .*events-dup-key\.jsonl:4:\d+ \(at \/resourcePreEvent\/metadata\/new\/inputs\/instanceType\): duplicate key "instanceType" in one object \(columns \d+ and \d+\)/,
    );
  });
});

describe("the format is decided by the whole top level; empty inputs are said plainly", () => {
  const GPU_DEPLOYMENT = {
    resources: [STACK_RESOURCE, PROVIDER_RESOURCE, instance("p4d.24xlarge")],
  };

  it("a document with `steps` first and a GPU `deployment` after is ambiguous", async () => {
    const text = JSON.stringify({ steps: [], deployment: GPU_DEPLOYMENT }, null, 2);
    await expectInputError(
      tmpFile("steps-and-deployment.json", text),
      /^error: .*steps-and-deployment\.json:3 \(at \/deployment\): ambiguous input: the top level has `steps` \(line 2\) of pulumi preview --json and `deployment` of pulumi stack export, /,
    );
  });

  it("both `deployment` and `checkpoint` are ambiguous", async () => {
    const text = JSON.stringify({
      version: 3,
      checkpoint: { latest: { resources: [] } },
      deployment: GPU_DEPLOYMENT,
    });
    await expectInputError(
      tmpFile("deployment-and-checkpoint.json", text),
      /ambiguous input: the top level has both `deployment` and `checkpoint`/,
    );
  });

  it("a `deployment` without `resources` is malformed", async () => {
    await expectInputError(
      tmpFile("no-resources.json", JSON.stringify({ version: 3, deployment: { manifest: {} } })),
      /^error: .*no-resources\.json \(at \/deployment\): the `deployment` object has no `resources`/,
    );
  });

  it("`resources: []` is an empty stack: exit 0, and stderr says 0 resources", async () => {
    const file = tmpFile(
      "empty-stack.json",
      JSON.stringify({ version: 3, deployment: { resources: [] } }),
    );
    const r = await scan("--format", "json", file);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(
      /^note: .*empty-stack\.json: 0 resources \(an empty stack\): nothing was checked\n$/,
    );
  });
});

describe("nesting deeper than the scan reads is a positioned input error, in short lines", () => {
  const DEEP = 100_000;
  const deepValue = `${"[".repeat(DEEP)}${"]".repeat(DEEP)}`;

  it("deep nesting inside a stack export's resource inputs", async () => {
    const text = JSON.stringify(
      { version: 3, deployment: { resources: [STACK_RESOURCE, PROVIDER_RESOURCE, instance("X")] } },
      null,
      2,
    ).replace('"instanceType": "X"', `"instanceType": "t3.micro",\n"tags": ${deepValue}`);
    const stderr = await expectInputError(
      tmpFile("deep.json", text),
      /^error: .*deep\.json:\d+ \(at \/deployment\/resources\/2\/inputs\/tags\/0\/0.*\(\d+ levels deep\)\): objects and arrays nested more than 256 levels deep/,
    );
    expect(stderr.length).toBeLessThan(1000);
  });

  it("a truncated, deeply nested file", async () => {
    const text = `{"version": 3, "deployment": {"resources": [{"urn": "x", "inputs": {"a": ${"[".repeat(DEEP)}`;
    const stderr = await expectInputError(
      tmpFile("deep-truncated.json", text),
      /^error: .*deep-truncated\.json:1 \(at .*\): objects and arrays nested more than 256 levels deep/,
    );
    expect(stderr.length).toBeLessThan(1000);
  });

  it("deep nesting in an event-log line", async () => {
    const line = preEvent(3, "create", instance("X")).replace(
      '"instanceType":"X"',
      `"instanceType":"t3.micro","tags":${deepValue}`,
    );
    const stderr = await expectInputError(
      tmpFile("deep.jsonl", eventLog([line])),
      /^error: .*deep\.jsonl:4:\d+ \(at \/resourcePreEvent\/metadata\/new\/inputs\/tags\/0\/0.*\): objects and arrays nested more than 256 levels deep/,
    );
    expect(stderr.length).toBeLessThan(1000);
  });
});

describe("piped input is read once and whole: `-` and /dev/stdin scan as the file does", () => {
  const log = fs.readFileSync(path.join(FIXTURES, "events-sagemaker-hong-kong.jsonl"), "utf8");

  it("the same event log: as a file, through `-`, through /dev/stdin", async () => {
    const asFile = await scan(fixture("events-sagemaker-hong-kong.jsonl"));
    expect(asFile.code).toBe(1);
    const viaDash = await runCli(["scan", "--no-build", "-"], undefined, log);
    expect(viaDash.stderr).toBe("");
    expect(viaDash.code).toBe(1);
    expect(viaDash.stdout).toContain("Scanning <stdin> (engine event log;");
    const failing = (out: string) => out.split("\n").filter((l) => l.startsWith("Result:"));
    expect(failing(viaDash.stdout)).toEqual(failing(asFile.stdout));
    const viaDevStdin = await runCli(["scan", "--no-build", "/dev/stdin"], undefined, log);
    expect(viaDevStdin.code).toBe(1);
    expect(failing(viaDevStdin.stdout)).toEqual(failing(asFile.stdout));
  });

  it("the event log through a FIFO", async () => {
    const fifo = path.join(path.dirname(tmpFile("x", "")), "events.fifo");
    execFileSync("mkfifo", [fifo]);
    const result = runCli(["scan", "--no-build", fifo]);
    fs.createWriteStream(fifo).end(log);
    const r = await result;
    expect(r.stderr).toBe("");
    expect(r.code).toBe(1);
  });

  it("a stack export piped in several chunks (larger than one read)", async () => {
    const text = JSON.stringify(
      {
        version: 3,
        deployment: {
          resources: [
            STACK_RESOURCE,
            PROVIDER_RESOURCE,
            ...Array.from({ length: 600 }, (_, i) => ({
              ...instance(i === 599 ? "p4d.24xlarge" : "t3.micro"),
              urn: `${TRAINER}-${i}`,
            })),
          ],
        },
      },
      null,
      2,
    );
    expect(text.length).toBeGreaterThan(256 * 1024);
    const r = await runCli(["scan", "--no-build", "--format", "json", "-"], undefined, text);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as { files: { resourcesAnalyzed?: number }[] };
    expect(JSON.stringify(report)).toContain("trainer-599");
  });

  it("a syntax error in piped input names <stdin> and the line", async () => {
    const r = await runCli(
      ["scan", "--no-build", "-"],
      undefined,
      '{\n  "version": 3,\n  "deployment": {"resources": [}\n}\n',
    );
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/^error: <stdin>:3 \(at .*\): not valid JSON/);
    expect(r.code).toBe(2);
  });
});
