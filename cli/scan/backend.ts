// The stacks of a Pulumi DIY state backend (`scan --backend file://DIR`), found as the Pulumi CLI
// finds them (pkg/backend/diy, v3.276: store.go ListReferences, state.go stackPath, meta.go):
//
//   DIR/.pulumi/meta.yaml                           `version: 1`: the project layout; `version: 0`
//                                                   or no file: the legacy layout
//   DIR/.pulumi/stacks/<project>/<stack>.json       a stack's checkpoint (project layout)
//   DIR/.pulumi/stacks/<stack>.json                 a stack's checkpoint (legacy layout)
//
// Each checkpoint may be `.json`, `.json.gz` (PULUMI_DIY_BACKEND_GZIP) or `.json.zst`
// (PULUMI_DIY_BACKEND_ZSTD); when more than one exists the CLI reads the most recently modified,
// and so does the audit. Other files (`.json.bak`, `.json.attrs` stack tags, history, backups,
// locks) are not stacks. An audit reads both layouts whatever meta.yaml says, so that no stack of a
// half-migrated backend goes unchecked. A checkpoint is `{"version": 3, "checkpoint": {"stack",
// "latest": <deployment>}}`, which the scan reads as it reads a `pulumi stack export`.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as yaml from "js-yaml";
import picomatch from "picomatch";
import { ScanInputError, UsageError } from "./errors";
import { InputSource } from "./source";

/** What the DIY backend calls the organization of every stack (diy/backend.go). */
export const DIY_ORGANIZATION = "organization";

export interface BackendStack {
  /** The checkpoint file (absolute). */
  file: string;
  /** The stack name, from the file name. */
  stack: string;
  /** The project: its folder (project layout); for the legacy layout, from the checkpoint's URNs. */
  project: string | undefined;
  layout: "project" | "legacy";
}

export interface Backend {
  url: string;
  dir: string;
  /** meta.yaml's version (0 when there is none). */
  version: number;
  stacks: BackendStack[];
}

/** tokens.IsName: a project name. */
const NAME = /^[A-Za-z0-9_.-]+$/;
/** tokens.ParseStackName: a stack name (letters, digits, `-`, `_`, `.`). */
const STACK = /^[A-Za-z0-9_.-]+$/;
/** The checkpoint's file name: `<stack>.json`, optionally compressed. */
const CHECKPOINT = /^(.+)\.json(\.gz|\.zst)?$/;
/** Pulumi's order of the variants: on equal modification times the later one wins. */
const VARIANTS = ["", ".gz", ".zst"];

const SYNC_HINT =
  "sync the bucket to a folder first (aws s3 sync s3://BUCKET DIR, az storage blob download-batch -s CONTAINER -d DIR, gcloud storage rsync -r gs://BUCKET DIR) and pass --backend file://DIR";

/** `file://DIR` (as `pulumi login` takes it: `~` is the home folder, relative to cwd) -> DIR. */
export function backendDir(url: string, cwd: string): string {
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(url)?.[1]?.toLowerCase();
  if (scheme === undefined) {
    throw new UsageError(
      `--backend ${JSON.stringify(url)}: expected a backend URL, file://DIR (e.g. file://./state or file:///var/pulumi)`,
    );
  }
  if (scheme !== "file") {
    throw new UsageError(
      `--backend ${url}: only file:// backends are read directly; for ${scheme}://, ${SYNC_HINT}`,
    );
  }
  // gocloud's fileblob options (`?no_tmp_dir=true`) do not change where the state is.
  let rest = url.slice("file://".length).replace(/\?.*$/, "");
  if (rest === "") throw new UsageError(`--backend ${url}: no folder; expected file://DIR`);
  if (rest === "~" || rest.startsWith("~/")) rest = path.join(os.homedir(), rest.slice(1));
  return path.resolve(cwd, rest);
}

function readMetaVersion(dir: string): number {
  const file = path.join(dir, ".pulumi", "meta.yaml");
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (e) {
    if ((e as { code?: string }).code === "ENOENT") return 0;
    throw new ScanInputError(file, `cannot read the backend's metadata: ${String(e)}`);
  }
  let doc: unknown;
  try {
    doc = yaml.load(text);
  } catch (e) {
    throw new ScanInputError(file, `not valid YAML: ${(e as { reason?: string }).reason ?? e}`);
  }
  const version = (doc as { version?: unknown } | null)?.version;
  if (version !== 0 && version !== 1) {
    throw new ScanInputError(
      file,
      `version ${JSON.stringify(version)} is not a DIY backend layout this scan knows; expected 0 (legacy) or 1 (projects), as Pulumi v3.276 writes`,
    );
  }
  return version;
}

function entries(dir: string): fs.Dirent[] {
  try {
    return fs.readdirSync(dir, { withFileTypes: true });
  } catch (e) {
    throw new ScanInputError(dir, `cannot read the folder: ${String(e)}`);
  }
}

/** The checkpoints in one folder: stack name -> the newest of its variants. */
function checkpoints(dir: string): Map<string, string> {
  const best = new Map<string, { file: string; mtime: number; variant: number }>();
  for (const e of entries(dir)) {
    if (!e.isFile() && !e.isSymbolicLink()) continue;
    const m = CHECKPOINT.exec(e.name);
    if (m === null || !STACK.test(m[1] ?? "")) continue;
    const stack = m[1] as string;
    const file = path.join(dir, e.name);
    let mtime: number;
    try {
      const st = fs.statSync(file);
      if (!st.isFile()) continue;
      mtime = st.mtimeMs;
    } catch (err) {
      throw new ScanInputError(file, `cannot read the stack file: ${String(err)}`);
    }
    const variant = VARIANTS.indexOf(m[2] ?? "");
    const seen = best.get(stack);
    if (
      seen === undefined ||
      mtime > seen.mtime ||
      (mtime === seen.mtime && variant > seen.variant)
    ) {
      best.set(stack, { file, mtime, variant });
    }
  }
  return new Map([...best].map(([s, b]) => [s, b.file]));
}

/** The project of a legacy checkpoint: its first URN's (undefined when it has no resources). */
async function projectOfCheckpoint(file: string): Promise<string | undefined> {
  const source = InputSource.open(file);
  try {
    let text = "";
    for await (const chunk of source.chunks()) {
      text += chunk;
      const m = /"urn:pulumi:[^":]*::([^":]+)::/.exec(text);
      if (m !== null) return m[1];
      if (text.length > 4 * 1024 * 1024) return undefined;
      text = text.slice(-4096);
    }
    return undefined;
  } catch {
    return undefined; // the scan of the file reports it, naming the file
  } finally {
    source.close();
  }
}

/** Every stack of the backend at `url`, in project and stack order. */
export async function openBackend(url: string, cwd: string): Promise<Backend> {
  const dir = backendDir(url, cwd);
  let st: fs.Stats;
  try {
    st = fs.statSync(dir);
  } catch {
    throw new UsageError(`--backend ${url}: no such folder ${dir}`);
  }
  if (!st.isDirectory()) throw new UsageError(`--backend ${url}: ${dir} is not a folder`);
  const stacksDir = path.join(dir, ".pulumi", "stacks");
  if (!fs.existsSync(path.join(dir, ".pulumi"))) {
    throw new UsageError(
      `--backend ${url}: ${dir} is not a Pulumi DIY backend (no .pulumi folder); pass the folder \`pulumi login file://DIR\` was given`,
    );
  }
  const version = readMetaVersion(dir);
  const stacks: BackendStack[] = [];
  if (fs.existsSync(stacksDir)) {
    for (const e of entries(stacksDir).sort((a, b) => a.name.localeCompare(b.name))) {
      if (!e.isDirectory() || !NAME.test(e.name)) continue;
      for (const [stack, file] of [...checkpoints(path.join(stacksDir, e.name))].sort()) {
        stacks.push({ file, stack, project: e.name, layout: "project" });
      }
    }
    for (const [stack, file] of [...checkpoints(stacksDir)].sort()) {
      stacks.push({ file, stack, project: await projectOfCheckpoint(file), layout: "legacy" });
    }
  }
  if (stacks.length === 0) {
    throw new UsageError(
      `--backend ${url}: no stacks in ${stacksDir} (expected <project>/<stack>.json or <stack>.json files)`,
    );
  }
  return { url, dir, version, stacks };
}

/** `organization/<project>/<stack>` (the project `unknown` for an empty legacy stack). */
export function qualifiedName(s: Pick<BackendStack, "project" | "stack">): string {
  return `${DIY_ORGANIZATION}/${s.project ?? "unknown"}/${s.stack}`;
}

/**
 * The stacks `--stacks` patterns select (all when none). A pattern is matched against the stack
 * name when it has no `/`, `<project>/<stack>` with one, `organization/<project>/<stack>` with two.
 */
export function selectStacks(
  stacks: readonly BackendStack[],
  patterns: readonly string[],
): BackendStack[] {
  if (patterns.length === 0) return [...stacks];
  const matchers = patterns.map((p) => {
    const depth = p.split("/").length - 1;
    if (depth > 2) {
      throw new UsageError(
        `--stacks ${p}: a pattern names a stack, <project>/<stack> or organization/<project>/<stack>`,
      );
    }
    const isMatch = picomatch(p, { dot: true });
    return (s: BackendStack) =>
      isMatch(
        depth === 0
          ? s.stack
          : depth === 1
            ? `${s.project ?? ""}/${s.stack}`
            : qualifiedName({ ...s, project: s.project ?? "" }),
      );
  });
  const chosen = stacks.filter((s) => matchers.some((m) => m(s)));
  if (chosen.length === 0) {
    const names = stacks.map(qualifiedName);
    const shown = names.slice(0, 20).join(", ") + (names.length > 20 ? ", …" : "");
    throw new UsageError(
      `--stacks ${patterns.join(" ")}: no stack of the backend matches; its stacks: ${shown}`,
    );
  }
  return chosen;
}

/**
 * The stack's config file in `--stack-config-dir DIR`: `DIR/<project>/Pulumi.<stack>.yaml`, else
 * `DIR/Pulumi.<stack>.yaml`, else none.
 */
export function stackConfigFile(dir: string, s: BackendStack): string | undefined {
  const name = `Pulumi.${s.stack}.yaml`;
  const candidates = [
    ...(s.project !== undefined ? [path.join(dir, s.project, name)] : []),
    path.join(dir, name),
  ];
  return candidates.find((f) => fs.existsSync(f));
}
