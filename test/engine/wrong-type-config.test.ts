// A `--policy-pack-config` whose setting has the wrong type (`allowedRegions` is an array of
// region names; a string is given): the REAL engine rejects it before previewing anything
// (ReconcilePolicyPackConfig validates the file against the schema the pack reports), naming the
// pack, the policy and the property, and so does our runner, both the config check of the
// commands (`checkPolicyPackConfigFile`, with the pack's own policies) and `startPack`.
import * as fs from "fs";
import * as path from "path";
import { checkPolicyPackConfigFile, PolicyConfigError, startPack } from "../../cli/runner";
import { ownPolicies } from "../../cli/own-pack";
import { packOptions } from "../integration/harness";
import { useHermeticEnv } from "./examples";
import { PACK_DIR, packExecutable, previewWithPacks, useEngine } from "./harness";
import { gpuInChina } from "./scenarios";

useHermeticEnv();

const engine = useEngine(["aws"]);

const WRONG = { "gpu-in-restricted-jurisdiction": { allowedRegions: "cn-north-1" } };

function writeWrong(): string {
  const file = path.join(engine().dir, "wrong-type.policy-config.json");
  fs.writeFileSync(file, JSON.stringify(WRONG));
  return file;
}

async function rejection(f: () => unknown): Promise<unknown> {
  try {
    await f();
  } catch (e) {
    return e;
  }
  throw new Error("not rejected");
}

test("a string where allowedRegions needs an array: the engine rejects the config before previewing, naming pack, policy and property; the runner's config check and startPack reject it too", async () => {
  const file = writeWrong();
  const o = await previewWithPacks(engine(), {
    program: gpuInChina,
    policyPacks: [packExecutable(engine())],
    policyPackConfigs: [file],
  });
  expect(o.ok).toBe(false);
  // v3.276: exit code 1 (no dedicated exit code for a config error), and the JSON schema
  // validator's text behind the pack's name and version (two spaces before the policy).
  const text =
    "validating policy config: jurisdiction-guard 0.1.0  gpu-in-restricted-jurisdiction: allowedRegions: Invalid type. Expected: array, given: string";
  expect(o.error).toMatch(/Command failed with exit code 1:/);
  expect(o.error).toContain(`error: ${text}`);
  // Nothing was previewed: the packs were loading, then one error diagnostic and the cancel.
  expect(o.events.flatMap((e) => Object.keys(e).filter((k) => k.endsWith("Event")))).toEqual([
    "policyLoadEvent",
    "diagnosticEvent",
    "cancelEvent",
  ]);
  expect(o.policyEvents).toEqual([]);
  const diagnostic = o.events.find((e) => e.diagnosticEvent !== undefined)?.diagnosticEvent;
  expect(diagnostic?.severity).toBe("error");
  expect(diagnostic?.message).toContain(text);

  // The runner, on the same file: the same verdict (rejected, naming the policy and the
  // property) in its own words. The engine's text is its JSON schema validator's ("Invalid type.
  // Expected: array, given: string"); the runner's is Ajv's ("must be array"), with the file and
  // the setting's description.
  const runnerText = `validating policy config:\n  - file ${file}, policy "gpu-in-restricted-jurisdiction", field "allowedRegions": must be array; expected: Region names`;
  const checked = await rejection(() => checkPolicyPackConfigFile(file, ownPolicies(PACK_DIR)));
  expect(checked).toBeInstanceOf(PolicyConfigError);
  expect((checked as Error).message).toContain(runnerText);
  const started = await rejection(() => startPack(packOptions({ policyConfigFile: file })));
  expect(started).toBeInstanceOf(PolicyConfigError);
  expect((started as Error).message).toContain(runnerText);
});
