// Smoke test of the real Pulumi engine with our pack (see harness.ts):
//   node -r ts-node/register/transpile-only test/engine/smoke.ts [--folder]
// Previews gpuInChina with the pack and expects a mandatory gpu-in-restricted-jurisdiction
// policyEvent and a failed preview. --folder also tries `--policy-pack <folder>`, which needs the
// nodejs language plugin, to show what the engine says without one. Exit 0 as expected, 1 not.
import { spawnSync } from "child_process";
import { gpuInChina } from "./scenarios";
import { PACK_DIR, packExecutable, previewWithPacks, setUpEngine } from "./harness";
import type { PreviewOutcome } from "./harness";

function show(label: string, o: PreviewOutcome): void {
  console.log(`\n== ${label}: ${o.ok ? "preview succeeded" : "preview failed"} in ${o.ms} ms`);
  for (const p of o.policyEvents) {
    console.log(
      `policyEvent ${p.policyPackName}@${p.policyPackVersion} ${p.policyName} ` +
        `[${p.enforcementLevel}] ${p.resourceUrn ?? ""}\n  ${p.message.split("\n")[0]}`,
    );
  }
  if (o.error !== undefined) console.log(`error:\n${o.error.slice(-4000)}`);
}

async function run(): Promise<number> {
  const setup = await setUpEngine({
    providers: ["aws"],
    progress: (l) => process.stderr.write(`${l}\n`),
  });
  try {
    const v = spawnSync(setup.cli.path, ["version"], { encoding: "utf8" });
    console.log(`CLI ${setup.cli.path} (${setup.cli.source}): ${v.stdout.trim()}`);
    if (process.argv.includes("--folder")) {
      show(
        "--policy-pack <folder>",
        await previewWithPacks(setup, {
          program: gpuInChina,
          policyPacks: [PACK_DIR],
          stackName: "folder",
        }),
      );
    }
    const o = await previewWithPacks(setup, {
      program: gpuInChina,
      policyPacks: [packExecutable(setup)],
    });
    show("--policy-pack <executable>", o);
    const hit = o.policyEvents.find(
      (p) =>
        p.policyName === "gpu-in-restricted-jurisdiction" && p.enforcementLevel === "mandatory",
    );
    const good = hit !== undefined && !o.ok;
    console.log(
      `\nexpected a mandatory gpu-in-restricted-jurisdiction event and a failed preview: ${good ? "yes" : "NO"}`,
    );
    return good ? 0 : 1;
  } finally {
    if (process.env.JG_ENGINE_KEEP === undefined) setup.cleanup();
    else console.log(`kept ${setup.dir}`);
  }
}

run().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e instanceof Error ? e.stack : String(e));
    process.exit(2);
  },
);
