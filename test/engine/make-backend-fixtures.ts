// Writes the org-wide audit's fixtures (test/fixtures/scan/backend/) with the REAL Pulumi CLI: DIY
// state backends (file://) as `pulumi up` leaves them, for `jurisdiction-guard scan --backend`.
//
//   backend/projects/   the project layout (.pulumi/meta.yaml `version: 1`), three stacks `up`-ed
//                       into one backend:
//       .pulumi/stacks/aws-china-gpu-training/dev.json.gz   with PULUMI_DIY_BACKEND_GZIP=true, its
//                                                           launch template's `userData` a secret
//                                                           (a ciphertext in the checkpoint)
//       .pulumi/stacks/compliant-multi-region-gpu/dev.json  compliant (explicit providers)
//       .pulumi/stacks/aks-gpu-east-asia/dev.json           an AKS GPU cluster in Hong Kong
//   backend/legacy/     the legacy layout (no meta.yaml, stacks not under a project folder):
//                       examples/sagemaker-hong-kong as .pulumi/stacks/dev.json. The CLI refuses
//                       legacy state since v3.275 ("Legacy DIY state is no longer supported",
//                       backend/diy/backend.go), so this one is `up`-ed in the project layout and
//                       moved where older CLIs kept it, its `checkpoint.stack` the bare stack name
//                       as they wrote it (a legacy reference has no project).
//
// Only `.pulumi/meta.yaml` and the stack files are kept; the backend's history, backups, locks and
// `.json.bak` and `.json.attrs` (stack tags) files are left out (the scan reads none of them). The checkpoints are normalised as
// make-scan-fixtures.ts normalises stack exports (normalise(): provider ids, times, salts,
// ciphertexts, temporary paths) and re-printed as the CLI prints them; the gzipped one is
// decompressed, normalised and compressed again by Node's zlib (no timestamp, so the bytes are the
// same on every run).
//
// Run: npm run fixtures:engine (after make-scan-fixtures.ts), or this file alone with
// `[-- --out DIR]`; the engine suite writes into a temporary folder and compares
// (backend-fixtures.test.ts).
import * as fs from "fs";
import * as path from "path";
import * as zlib from "zlib";
import * as pulumi from "@pulumi/pulumi";
import { exampleStack, setExampleConfig } from "./examples";
import type { EngineSetup } from "./harness";
import { openStack } from "./harness";
import {
  addInputs,
  canonicalJson,
  example,
  exampleDir,
  FIXTURES_DIR,
  normalise,
  runGenerator,
} from "./make-scan-fixtures";

export const BACKEND_FIXTURES_DIR = path.join(FIXTURES_DIR, "backend");

interface BackendStack {
  example: string;
  /** Write the checkpoint gzipped (PULUMI_DIY_BACKEND_GZIP=true). */
  gzip?: boolean;
  before?: () => void;
}

/** The backends this script writes: folder (under backend/) -> layout and stacks. */
export const BACKENDS: Record<string, { legacy: boolean; stacks: BackendStack[] }> = {
  projects: {
    legacy: false,
    stacks: [
      {
        example: "aws-china-gpu-training",
        gzip: true,
        before: addInputs("gpu-training-template", () => ({
          userData: pulumi.secret(Buffer.from("#!/bin/bash\necho training\n").toString("base64")),
        })),
      },
      { example: "compliant-multi-region-gpu" },
      { example: "aks-gpu-east-asia" },
    ],
  },
  legacy: { legacy: true, stacks: [{ example: "sagemaker-hong-kong" }] },
};

/**
 * The files each backend folder holds (relative to it), as the CLI names them; `asCommitted` false:
 * where the CLI writes them (the legacy copy's source, in the project layout).
 */
export function backendFiles(name: string, asCommitted = true): string[] {
  const b = BACKENDS[name];
  if (b === undefined) throw new Error(`no backend ${name}`);
  const legacy = b.legacy && asCommitted;
  const files = b.stacks.map((s) => {
    const { projectName, stackName } = exampleStack(exampleDir(s.example));
    const base = legacy ? stackName : `${projectName}/${stackName}`;
    return `.pulumi/stacks/${base}.json${s.gzip === true ? ".gz" : ""}`;
  });
  return legacy ? files : [".pulumi/meta.yaml", ...files];
}

/** A project-layout checkpoint as a legacy CLI wrote it: `checkpoint.stack` the bare stack name. */
function legacyCheckpoint(raw: Buffer): Buffer {
  const doc = JSON.parse(raw.toString("utf8")) as { checkpoint: { stack: string } };
  doc.checkpoint.stack = doc.checkpoint.stack.split("/").pop() ?? doc.checkpoint.stack;
  return Buffer.from(JSON.stringify(doc), "utf8");
}

async function upInto(setup: EngineSetup, backendDir: string, s: BackendStack): Promise<void> {
  const dir = exampleDir(s.example);
  const { projectName, stackName } = exampleStack(dir);
  const env: Record<string, string> = {
    ...setup.env,
    PULUMI_BACKEND_URL: `file://${backendDir}`,
    ...(s.gzip === true ? { PULUMI_DIY_BACKEND_GZIP: "true" } : {}),
  };
  const stack = await openStack(
    { ...setup, env },
    {
      projectName,
      stackName,
      program: example(s.example, s.before),
      workDir: fs.mkdtempSync(path.join(setup.dir, `${s.example}-`)),
    },
  );
  await setExampleConfig(stack, dir);
  await stack.up({ parallel: 1 });
}

/** A checkpoint as committed: normalised, re-printed (and gzipped again for .gz). */
function canonicalCheckpoint(raw: Buffer, gzip: boolean, tmpDir: string): Buffer {
  const text = (gzip ? zlib.gunzipSync(raw) : raw).toString("utf8");
  const out = normalise(canonicalJson(text), tmpDir);
  return gzip ? zlib.gzipSync(Buffer.from(out, "utf8"), { level: 9 }) : Buffer.from(out, "utf8");
}

export async function generateBackends(setup: EngineSetup, out: string): Promise<void> {
  for (const [name, b] of Object.entries(BACKENDS)) {
    const backendDir = path.join(setup.dir, `backend-${name}`);
    fs.mkdirSync(backendDir, { recursive: true });
    for (const s of b.stacks) await upInto(setup, backendDir, s);
    const target = path.join(out, name);
    fs.rmSync(target, { recursive: true, force: true });
    // Where the CLI wrote each committed file (the legacy copy has no meta.yaml).
    const written = backendFiles(name, false).filter((f) => !b.legacy || !f.endsWith("meta.yaml"));
    backendFiles(name).forEach((rel, i) => {
      const from = path.join(backendDir, written[i] ?? rel);
      const to = path.join(target, rel);
      fs.mkdirSync(path.dirname(to), { recursive: true });
      let raw: Buffer = fs.readFileSync(from);
      if (b.legacy) raw = legacyCheckpoint(raw);
      fs.writeFileSync(
        to,
        rel.endsWith("meta.yaml") ? raw : canonicalCheckpoint(raw, rel.endsWith(".gz"), setup.dir),
      );
      process.stderr.write(`wrote ${to}\n`);
    });
    // Nothing else the CLI left in the stacks folder (a layout we do not know) may go unnoticed.
    const stacksDir = path.join(backendDir, ".pulumi", "stacks");
    const expected = new Set(backendFiles(name, false).map((f) => path.join(backendDir, f)));
    for (const f of walk(stacksDir)) {
      if (!expected.has(f) && !/\.json(\.gz)?(\.bak)?(\.attrs)?$/.test(f)) {
        throw new Error(`the CLI wrote ${f}, which this script does not expect`);
      }
    }
  }
}

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? walk(p) : [p];
  });
}

if (require.main === module) runGenerator(BACKEND_FIXTURES_DIR, generateBackends);
