// Which Pulumi CLI the engine suite uses (cli/engine/pulumi-cli.ts), with a fake `go` and fake
// `pulumi` executables: no real build here (`npm run test:engine` does that).
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import {
  compareVersions,
  EngineCliError,
  pinnedVersion,
  resolvePulumiCli,
} from "../../../cli/engine/pulumi-cli";

let dir: string;
let bin: string;
let cacheDir: string;
const VERSION = pinnedVersion();

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "jg-cli-"));
  bin = path.join(dir, "bin");
  cacheDir = path.join(dir, "cache");
  fs.mkdirSync(bin);
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

function script(name: string, body: string): string {
  const file = path.join(bin, name);
  fs.writeFileSync(file, `#!/bin/sh\n${body}\n`, { mode: 0o755 });
  return file;
}

function fakePulumi(version: string): string {
  return script("pulumi", `echo ${version}`);
}

/** A `go` that writes, at `-o`, a `pulumi` printing the -ldflags version; counts its builds. */
function fakeGo(opts: { fail?: string; version?: string } = {}): string {
  return script(
    "go",
    opts.fail !== undefined
      ? `echo "${opts.fail}" >&2; exit 1`
      : [
          `echo x >> "${path.join(dir, "builds")}"`,
          `while [ $# -gt 0 ]; do`,
          `  case "$1" in -o) out="$2"; shift;; -ldflags) v="\${2##*=}"; shift;; esac; shift`,
          `done`,
          `printf '#!/bin/sh\\necho %s\\n' "${opts.version ?? ""}\${v}" > "$out"`,
          `/bin/chmod +x "$out"`,
        ].join("\n"),
  );
}

function builds(): number {
  const f = path.join(dir, "builds");
  return fs.existsSync(f) ? fs.readFileSync(f, "utf8").trim().split("\n").length : 0;
}

const env = (extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv => ({
  PATH: `${bin}${path.delimiter}/usr/bin${path.delimiter}/bin`,
  ...extra,
});

test("versions compare numerically, with or without a v and a pre-release suffix", () => {
  expect(compareVersions("v3.276.0", "3.270.0")).toBeGreaterThan(0);
  expect(compareVersions("v3.99.0", "3.270.0")).toBeLessThan(0);
  expect(compareVersions("v3.270.0-alpha.1", "3.270.0")).toBe(0);
});

test("PULUMI_CLI wins over PATH and the cache, and must name a file", async () => {
  fakePulumi("v3.280.0");
  const chosen = script("my-pulumi", "echo v3.1.0");
  await expect(resolvePulumiCli({ env: env({ PULUMI_CLI: chosen }), cacheDir })).resolves.toEqual({
    path: chosen,
    source: "PULUMI_CLI",
    root: dir,
    built: false,
  });
  await expect(
    resolvePulumiCli({ env: env({ PULUMI_CLI: path.join(dir, "nope") }), cacheDir }),
  ).rejects.toThrow(/PULUMI_CLI is set to .*nope, which is not a file/);
});

test("a pulumi v3.270 or later on PATH is used as it is", async () => {
  const exe = fakePulumi("v3.270.0");
  await expect(resolvePulumiCli({ env: env(), cacheDir })).resolves.toMatchObject({
    path: exe,
    source: "PATH",
    built: false,
  });
});

test("an older pulumi on PATH is passed over (with a progress line) for the cached build", async () => {
  fakePulumi("v3.200.0");
  fakeGo();
  const lines: string[] = [];
  const cli = await resolvePulumiCli({ env: env(), cacheDir, progress: (l) => lines.push(l) });
  expect(cli).toMatchObject({ source: "cache", built: true });
  expect(cli.path).toBe(path.join(cacheDir, `pulumi-${VERSION}`, "bin", "pulumi"));
  expect(lines[0]).toMatch(
    /ignoring .*pulumi: its version \(v3\.200\.0\) is older than v3\.270\.0/,
  );
});

test("the cached build is made once, then reused until go.mod/go.sum's stamp no longer matches", async () => {
  fakeGo();
  const first = await resolvePulumiCli({ env: env(), cacheDir });
  expect(first.built).toBe(true);
  const stampFile = path.join(cacheDir, `pulumi-${VERSION}`, "stamp.json");
  const stamp = JSON.parse(fs.readFileSync(stampFile, "utf8")) as Record<string, unknown>;
  expect(stamp).toMatchObject({
    version: VERSION,
    moduleHash: expect.stringMatching(/^[0-9a-f]{64}$/),
  });
  await expect(resolvePulumiCli({ env: env(), cacheDir })).resolves.toMatchObject({ built: false });
  expect(builds()).toBe(1);
  fs.writeFileSync(stampFile, JSON.stringify({ ...stamp, moduleHash: "changed" }));
  const lines: string[] = [];
  await resolvePulumiCli({ env: env(), cacheDir, progress: (l) => lines.push(l) });
  expect(builds()).toBe(2);
  expect(lines[0]).toContain("engine/cli/go.mod or go.sum changed since the last build");
});

test("without go on PATH, the error says so and names the way out", async () => {
  await expect(resolvePulumiCli({ env: { PATH: bin }, cacheDir })).rejects.toThrow(
    new EngineCliError(
      `cannot build the Pulumi CLI ${VERSION} (no cached build at ${path.join(cacheDir, `pulumi-${VERSION}`, "bin", "pulumi")}): ` +
        "`go` is not on PATH. Install Go (the version engine/cli/go.mod names, or later), " +
        "or set PULUMI_CLI to a Pulumi CLI v3.270.0 or later.",
    ),
  );
});

test("a failed build names the command and quotes the end of its output; nothing is left behind", async () => {
  fakeGo({ fail: "go: github.com/pulumi/pulumi/pkg/v3@v3.276.0: missing go.sum entry" });
  const error = await resolvePulumiCli({ env: env(), cacheDir }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(EngineCliError);
  const message = (error as Error).message;
  expect(message).toMatch(
    /^building the Pulumi CLI failed \(exit code 1\):\n {2}cd .*engine\/cli && go build -mod=readonly /,
  );
  expect(message).toContain(
    `-ldflags '-X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=${VERSION}'`,
  );
  expect(message).toContain(
    "  | go: github.com/pulumi/pulumi/pkg/v3@v3.276.0: missing go.sum entry",
  );
  expect(fs.readdirSync(path.join(cacheDir, `pulumi-${VERSION}`, "bin"))).toEqual([]);
});

test("a build that does not report the pinned version is refused", async () => {
  fakeGo({ version: "dev-" });
  await expect(resolvePulumiCli({ env: env(), cacheDir })).rejects.toThrow(
    `reports version dev-${VERSION}, not ${VERSION}`,
  );
});
