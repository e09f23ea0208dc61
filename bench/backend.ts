// `npm run bench:backend [-- STACKS RESOURCES]`: the org-wide audit's wall time. Writes a DIY state
// backend (project layout) of STACKS stacks (default 200) of RESOURCES resources each (default
// 100; test/fixtures/scan/make-large-export.ts's workload, one project per stack, every fourth
// checkpoint gzipped), then times `jurisdiction-guard scan --backend file://DIR --format json`
// (the compiled CLI) over it and over the committed fixture backend (test/fixtures/scan/backend/).
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as zlib from "zlib";
import { writeLargeExport } from "../test/fixtures/scan/make-large-export";

const ROOT = path.resolve(__dirname, "..");
const BIN = path.join(ROOT, "bin", "jurisdiction-guard.js");

/** A backend of `stacks` x `resources`; returns its folder. */
export function writeBackend(dir: string, stacks: number, resources: number): string {
  const tmp = path.join(dir, "export.json");
  writeLargeExport(resources, tmp);
  const exported = fs.readFileSync(tmp, "utf8");
  fs.mkdirSync(path.join(dir, ".pulumi", "stacks"), { recursive: true });
  fs.writeFileSync(path.join(dir, ".pulumi", "meta.yaml"), "version: 1\n");
  for (let i = 0; i < stacks; i++) {
    const project = `fleet-${String(i).padStart(3, "0")}`;
    const deployment = (
      JSON.parse(exported.split("::fleet::").join(`::${project}::`)) as {
        deployment: unknown;
      }
    ).deployment;
    const text = JSON.stringify(
      { version: 3, checkpoint: { stack: `organization/${project}/perf`, latest: deployment } },
      null,
      4,
    );
    const folder = path.join(dir, ".pulumi", "stacks", project);
    fs.mkdirSync(folder);
    if (i % 4 === 3) fs.writeFileSync(path.join(folder, "perf.json.gz"), zlib.gzipSync(text));
    else fs.writeFileSync(path.join(folder, "perf.json"), text);
  }
  fs.rmSync(tmp);
  return dir;
}

function audit(dir: string): { seconds: number; code: number | null; stacks: number } {
  const started = process.hrtime.bigint();
  const r = spawnSync(
    process.execPath,
    [BIN, "scan", "--backend", `file://${dir}`, "--format", "json", "--no-progress"],
    { cwd: ROOT, encoding: "utf8", maxBuffer: 1024 * 1024 * 1024 },
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (r.status !== 0 && r.status !== 1) throw new Error(`scan exited ${r.status}: ${r.stderr}`);
  const report = JSON.parse(r.stdout) as { inputs: unknown[] };
  return { seconds, code: r.status, stacks: report.inputs.length };
}

function main(): void {
  const stacks = Number(process.argv[2] ?? "200");
  const resources = Number(process.argv[3] ?? "100");
  const fixture = audit(path.join(ROOT, "test", "fixtures", "scan", "backend", "projects"));
  process.stdout.write(
    `fixture backend (${fixture.stacks} stacks, 32 resources): ${fixture.seconds.toFixed(1)} s (exit ${fixture.code})\n`,
  );
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jg-bench-backend-"));
  try {
    writeBackend(dir, stacks, resources);
    const r = audit(dir);
    process.stdout.write(
      `generated backend (${r.stacks} stacks x ${resources} resources): ${r.seconds.toFixed(1)} s, ` +
        `${((r.seconds / r.stacks) * 1000).toFixed(0)} ms per stack (exit ${r.code}); ${os.cpus().length} CPUs, Node ${process.version}\n`,
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) main();
