// Shared by the demo tests: a throwaway examples folder (it resolves @pulumi/* from the repo's own
// node_modules, as the examples in the repo do) and the demo run in process with stand-in streams.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { Writable } from "stream";
import { main } from "../../../cli/commands/demo";
import { HERMETIC_ENV, REPO_ROOT } from "../harness";

export type Files = Record<string, string>;

/** A temporary examples folder: program name -> file name -> content. */
export function makeExamples(programs: Record<string, Files>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jg-demo-"));
  fs.symlinkSync(path.join(REPO_ROOT, "node_modules"), path.join(dir, "node_modules"), "dir");
  for (const [name, files] of Object.entries(programs)) writeProgram(path.join(dir, name), files);
  return dir;
}

export function writeProgram(dir: string, files: Files): void {
  for (const [file, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), content);
  }
}

export function removeExamples(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
}

/** A TypeScript program (CommonJS, like the examples) with its stack config. */
export function tsProgram(name: string, source: string, config: Record<string, string>): Files {
  const yaml = Object.entries(config)
    .map(([k, v]) => `  ${k}: ${v}\n`)
    .join("");
  return {
    "Pulumi.yaml": `name: ${name}\nruntime: nodejs\n`,
    "Pulumi.dev.yaml": `config:\n${yaml}`,
    "index.ts": source,
  };
}

/** A GPU instance in Beijing: one mandatory violation. */
export const GPU_IN_CHINA = tsProgram(
  "gpu-in-china",
  `import * as aws from "@pulumi/aws";\n\nnew aws.ec2.Instance("trainer", { ami: "ami-0abc", instanceType: "p4d.24xlarge" });\n`,
  { "aws:region": "cn-north-1" },
);

export interface Captured extends Writable {
  isTTY: boolean;
  text(): string;
}

/** What both streams received, in the order written. */
export type Interleaved = { stream: "stdout" | "stderr"; text: string }[];

export function stream(
  isTTY: boolean,
  log?: Interleaved,
  name: "stdout" | "stderr" = "stdout",
): Captured {
  const chunks: string[] = [];
  const w = new Writable({
    write(chunk: Buffer | string, _enc, cb) {
      chunks.push(chunk.toString());
      log?.push({ stream: name, text: chunk.toString() });
      cb();
    },
  });
  return Object.assign(w, { isTTY, text: () => chunks.join("") });
}

export interface DemoRun {
  code: number;
  stdout: string;
  stderr: string;
  /** Both streams in the order written. */
  log: Interleaved;
}

/** `npm run demo -- <args>` in process; the environment is hermetic plus `env`. */
export async function demo(
  args: string[],
  opts: { env?: Record<string, string | undefined>; stdoutTTY?: boolean; stderrTTY?: boolean } = {},
): Promise<DemoRun> {
  const log: Interleaved = [];
  const stdout = stream(opts.stdoutTTY ?? false, log, "stdout");
  const stderr = stream(opts.stderrTTY ?? false, log, "stderr");
  const env: NodeJS.ProcessEnv = { ...process.env };
  // Colour is decided by the test (jest's workers may inherit FORCE_COLOR).
  const colour = { NO_COLOR: undefined, FORCE_COLOR: undefined };
  for (const [k, v] of Object.entries({ ...HERMETIC_ENV, ...colour, ...opts.env })) {
    if (v === undefined) delete env[k];
    else env[k] = v;
  }
  const code = await main(["node", "demo", ...args], { stdout, stderr, env });
  return { code, stdout: stdout.text(), stderr: stderr.text(), log };
}
