// The three input formats, read as Pulumi writes them, and rejected with a position when not.
import * as fs from "fs";
import type { ConfigLayer } from "../../../cli/scan/config";
import { jsonPointer, ScanInputError } from "../../../cli/scan/errors";
import {
  detectFormat,
  policyPackNameForEvents,
  readEventLog,
  readJsonInput,
  stripColors,
} from "../../../cli/scan/inputs";
import type { InputSink } from "../../../cli/scan/inputs";
import type { InputFormat, RecordedPolicyEvent } from "../../../cli/scan/types";
import { SECRET_SIG, SIG_KEY, UNKNOWN } from "../../../cli/runner/marshal";
import type { EngineResource } from "../../../cli/runner/types";
import { fixture, tmpFile } from "./tmp-files";

interface Read {
  format?: InputFormat;
  config: ConfigLayer[];
  resources: { r: EngineResource; line?: number; pointer: string }[];
  events: RecordedPolicyEvent[];
  packs: Record<string, string>;
  stackName?: string;
}

function recorder(): { out: Read; sink: InputSink } {
  const out: Read = { config: [], resources: [], events: [], packs: {} };
  const sink: InputSink = {
    format: (f) => {
      out.format = f;
    },
    config: (layer) => {
      out.config.push(layer);
    },
    stackName: (s) => {
      out.stackName = s;
    },
    resource: (r, ctx) => {
      const entry: Read["resources"][number] = { r, pointer: jsonPointer(ctx.path) };
      if (ctx.line !== undefined) entry.line = ctx.line;
      out.resources.push(entry);
    },
    policyEvent: (e) => {
      out.events.push(e);
    },
    policyPacks: (p) => {
      out.packs = p;
    },
    drain: async () => undefined,
  };
  return { out, sink };
}

const values = (format: InputFormat) => ({ blindedStrings: format !== "stack-export" });

async function readJson(file: string): Promise<Read> {
  const { out, sink } = recorder();
  await readJsonInput(file, sink, values);
  return out;
}

async function readLog(file: string): Promise<Read> {
  const { out, sink } = recorder();
  await readEventLog(file, sink, values("event-log"));
  return out;
}

async function rejection(p: Promise<unknown>): Promise<ScanInputError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof ScanInputError) return e;
    throw e;
  }
  throw new Error("expected a ScanInputError");
}

/** 1-based line of the first line containing `needle`, for checking reported lines. */
function lineOf(file: string, needle: string): number {
  return (
    fs
      .readFileSync(file, "utf8")
      .split("\n")
      .findIndex((l) => l.includes(needle)) + 1
  );
}

const SECRET_UNKNOWN = { [SIG_KEY]: SECRET_SIG, value: UNKNOWN };

describe("detectFormat", () => {
  it("recognises event logs by their first line and JSON documents otherwise", async () => {
    await expect(detectFormat(fixture("events-sagemaker-hong-kong.jsonl"))).resolves.toBe(
      "event-log",
    );
    await expect(detectFormat(fixture("stack-export-aws-china.json"))).resolves.toBe("json");
    await expect(detectFormat(fixture("preview-aks-east-asia.json"))).resolves.toBe("json");
  });

  it("rejects what is not JSON, naming the position and the accepted inputs", async () => {
    const e = await rejection(
      detectFormat(tmpFile("stack.yaml", "\n  config:\n    aws:region: x\n")),
    );
    expect(e.problem).toMatch(/^unknown input format: the file starts with "config:/);
    expect(e.problem).toContain("pulumi stack export");
    expect(e.position).toEqual({ line: 2, column: 3 });
  });

  it("rejects a JSON array and an empty file", async () => {
    expect((await rejection(detectFormat(tmpFile("a.json", "[1]")))).problem).toMatch(
      /starts with a JSON array/,
    );
    expect((await rejection(detectFormat(tmpFile("e.json", " \n")))).problem).toMatch(
      /^the file is empty/,
    );
  });
});

describe("pulumi stack export", () => {
  const file = fixture("stack-export-aws-china.json");

  it("yields every live resource in state order, root stack and providers included", async () => {
    const out = await readJson(file);
    expect(out.format).toBe("stack-export");
    const types = out.resources.map((e) => e.r.type);
    expect(types[0]).toBe("pulumi:pulumi:Stack");
    expect(types[1]).toBe("pulumi:providers:aws");
    // Every resource of the state (test/integration/scan/inputs.test.ts: one pending deletion).
    expect(out.resources).toHaveLength(11);
    expect(new Set(out.resources.map((e) => e.r.urn)).size).toBe(11);
  });

  it("keeps relations, provider references and outputs for AnalyzeStack", async () => {
    const out = await readJson(file);
    const asg = out.resources.find((e) => e.r.urn.endsWith("::gpu-training-asg"))?.r;
    expect(asg?.provider).toMatch(/::pulumi:providers:aws::default_7_48_0::[0-9a-f-]{36}$/);
    expect(asg?.parent).toMatch(/::pulumi:pulumi:Stack::/);
    expect(asg?.dependencies?.length).toBeGreaterThan(0);
    expect(Object.keys(asg?.propertyDependencies ?? {})).toContain("vpcZoneIdentifiers");
    expect(asg?.outputs?.["id"]).toBeDefined();
  });

  it("turns ciphertext secrets into unknown secrets and never keeps the ciphertext", async () => {
    const out = await readJson(file);
    const lt = out.resources.find((e) => e.r.urn.endsWith("::gpu-training-template"))?.r;
    expect(lt?.inputs["userData"]).toEqual(SECRET_UNKNOWN);
    expect(JSON.stringify(out.resources)).not.toContain("v1:normalised0:");
  });

  it("reports the line each resource starts on", async () => {
    const out = await readJson(file);
    const role = out.resources.find((e) => e.r.urn.endsWith("::eks-node-role"));
    expect(role?.line).toBe(
      lineOf(
        file,
        '"urn": "urn:pulumi:dev::aws-china-gpu-training::aws:iam/role:Role::eks-node-role"',
      ) - 1,
    );
    expect(role?.pointer).toMatch(/^\/deployment\/resources\/\d+$/);
  });

  it("reads the checkpoint envelope of file backends, with its stack name", async () => {
    const out = await readJson(
      tmpFile(
        "checkpoint.json",
        JSON.stringify({
          version: 3,
          checkpoint: {
            stack: "organization/proj/staging",
            latest: {
              resources: [
                {
                  urn: "urn:pulumi:staging::proj::pulumi:pulumi:Stack::proj-staging",
                  type: "pulumi:pulumi:Stack",
                },
              ],
            },
          },
        }),
      ),
    );
    expect(out.stackName).toBe("staging");
    expect(out.resources.map((e) => e.r.type)).toEqual(["pulumi:pulumi:Stack"]);
  });

  it("rejects an unsupported deployment version at /version", async () => {
    const e = await rejection(
      readJson(tmpFile("v1.json", '{\n  "version": 1,\n  "deployment": {"resources": []}\n}\n')),
    );
    expect(e.problem).toMatch(/^unsupported deployment version number 1; expected 3/);
    expect(e.position).toMatchObject({ line: 2, pointer: "/version" });
  });

  it("rejects resources that are not an array, or a resource without a URN", async () => {
    const notArray = await rejection(
      readJson(tmpFile("obj.json", '{"version": 3, "deployment": {"resources": {"a": 1}}}')),
    );
    expect(notArray.problem).toBe("expected an array of resources, got an object");
    expect(notArray.position.pointer).toBe("/deployment/resources");

    const noUrn = await rejection(
      readJson(
        tmpFile(
          "nourn.json",
          '{"version": 3, "deployment": {"resources": [\n{"type": "aws:s3/bucket:Bucket", "urn": 7}\n]}}',
        ),
      ),
    );
    expect(noUrn.problem).toMatch(/^expected a resource URN .*, got number 7$/);
    expect(noUrn.position).toEqual({ line: 2, pointer: "/deployment/resources/0/urn" });
  });

  it("rejects a JSON object of another kind as an unknown format", async () => {
    const e = await rejection(
      readJson(tmpFile("other.json", '{"name": "x", "runtime": "nodejs"}')),
    );
    expect(e.problem).toMatch(/^unknown input format: no top-level `deployment` or `steps`/);
  });
});

describe("pulumi preview --json", () => {
  const file = fixture("preview-aks-east-asia.json");

  it("yields the new state of each step once, and not the resources being deleted", async () => {
    const out = await readJson(file);
    expect(out.format).toBe("preview");
    const names = out.resources.map((e) => e.r.urn.split("::").pop());
    // The CLI lists no unchanged ("same") step but the root stack's (without --show-sames): the
    // resource group is not in the file.
    expect(names).toEqual(["aks-gpu-east-asia-dev", "gpu-aks", "a100-pool"]);
    expect(names).not.toContain("legacy-gpu-vm");
  });

  it("takes its config block as stack config", async () => {
    const out = await readJson(file);
    expect(out.config).toEqual([
      { values: { "azure-native:location": "eastasia" }, secretKeys: [], unknownSecretKeys: [] },
    ]);
  });

  it("reads blinded secrets as unknown secrets, and empty preview outputs as absent", async () => {
    const out = await readJson(file);
    const cluster = out.resources.find((e) => e.r.urn.endsWith("::gpu-aks"))?.r;
    expect(cluster?.inputs["servicePrincipalProfile"]).toEqual({
      clientId: "msi",
      secret: SECRET_UNKNOWN,
    });
    expect(cluster?.outputs).toBeUndefined();
    // Deployed before: the provider reference carries the provider's id from the state.
    expect(cluster?.provider).toMatch(
      /::pulumi:providers:azure-native::default_3_28_0::[0-9a-f-]{36}$/,
    );
    // A resource whose input is an output of a resource being updated: unknown.
    const pool = out.resources.find((e) => e.r.urn.endsWith("::a100-pool"))?.r;
    expect(pool?.inputs["resourceName"]).toBe(UNKNOWN);
  });

  it("rejects a step without an op", async () => {
    const e = await rejection(
      readJson(tmpFile("noop.json", '{"steps": [\n  {"urn": "urn:pulumi:a::b::c::d"}\n]}')),
    );
    expect(e.problem).toBe('expected the step\'s "op" to be a string, got nothing');
    expect(e.position).toEqual({ line: 2, pointer: "/steps/0/op" });
  });

  it("marks blinded config values as unknown secrets", async () => {
    const out = await readJson(
      tmpFile(
        "cfg.json",
        '{"config": {"aws:region": "eu-west-1", "app:token": "[secret]"}, "steps": []}',
      ),
    );
    expect(out.config[0]).toEqual({
      values: { "aws:region": "eu-west-1" },
      secretKeys: [],
      unknownSecretKeys: ["app:token"],
    });
  });
});

describe("engine event logs", () => {
  const file = fixture("events-sagemaker-hong-kong.jsonl");

  it("takes resources from resourcePreEvent metadata and config from the prelude", async () => {
    const out = await readLog(file);
    expect(out.format).toBe("event-log");
    expect(out.config[0]?.values).toEqual({ "aws:region": "ap-east-1" });
    // The event log, unlike the CLI's display, has the default provider's events.
    expect(out.resources.map((e) => e.r.urn.split("::").pop())).toEqual([
      "sagemaker-hong-kong-dev",
      "default_7_48_0",
      "sagemaker-execution-role",
      "llm-model",
      "llm-endpoint-config",
      "llm-endpoint",
    ]);
    const model = out.resources.find((e) => e.r.urn.endsWith("::llm-model"));
    expect(model?.r.provider).toMatch(/::pulumi:providers:aws::default_7_48_0::/);
    expect(model?.line).toBe(
      lineOf(
        file,
        '"resourcePreEvent":{"metadata":{"op":"create","urn":"urn:pulumi:dev::sagemaker-hong-kong::aws:sagemaker/model:Model::llm-model"',
      ),
    );
  });

  it("records the policy events of the real run, with their lines", async () => {
    const out = await readLog(file);
    expect(out.events).toHaveLength(4);
    expect(out.events[0]).toMatchObject({
      policyPackName: "jurisdiction-guard",
      enforcementLevel: "mandatory",
      severity: "high",
    });
    expect(out.events.every((e) => e.line > 0 && e.urn.startsWith("urn:pulumi:"))).toBe(true);
    // The summary keys a local pack "<name>|local|<path>" (the engine's NameForEvents).
    expect(fs.readFileSync(file, "utf8")).toContain('"jurisdiction-guard|local|/tmp/');
    expect(out.packs).toEqual({ "jurisdiction-guard": "0.1.0" });
  });

  it("names the packs of the summary: a local pack by its name, a published one as it is", () => {
    expect(policyPackNameForEvents("jurisdiction-guard|local|./policypack")).toBe(
      "jurisdiction-guard",
    );
    expect(policyPackNameForEvents("acme-guard")).toBe("acme-guard");
    expect(policyPackNameForEvents("odd|name")).toBe("odd|name");
  });

  it("names the line and column of a malformed event", async () => {
    const text = fs.readFileSync(file, "utf8").split("\n");
    text.splice(3, 0, '{"sequence": 99, "resourcePreEvent": {"metadata": }');
    const e = await rejection(readLog(tmpFile("bad.jsonl", text.join("\n"))));
    expect(e.problem).toMatch(/^not valid JSON \(.*\); expected one JSON engine event per line$/);
    expect(e.position.line).toBe(4);
    expect(e.position.column).toBe(51); // the "}" where a value was expected
  });

  it("calls a cut-off last line a truncated file", async () => {
    const text = fs.readFileSync(file, "utf8");
    const e = await rejection(readLog(tmpFile("cut.jsonl", text.slice(0, text.length - 40))));
    expect(e.problem).toMatch(/^unexpected end of input: the last event is incomplete/);
    expect(e.position.line).toBe(text.trimEnd().split("\n").length);
  });

  it("rejects a line that is not an event object, and metadata of the wrong shape", async () => {
    const notObject = await rejection(
      readLog(tmpFile("n.jsonl", '{"sequence": 1, "cancelEvent": {}}\n42\n')),
    );
    expect(notObject.problem).toBe("expected an engine event object, got number 42");
    expect(notObject.position.line).toBe(2);
    const noMeta = await rejection(
      readLog(tmpFile("m.jsonl", '{"sequence": 1, "resourcePreEvent": {"metadata": []}}\n')),
    );
    expect(noMeta.position).toEqual({ line: 1, pointer: "/resourcePreEvent/metadata" });
  });

  it("strips the CLI's colour markup from recorded messages", () => {
    expect(stripColors("<{%fg 1%}>mandatory<{%reset%}> \u001b[31mred\u001b[0m")).toBe(
      "mandatory red",
    );
  });
});
