// SIGTERM or SIGINT to a running scan leaves no policy pack process behind: with --engine protocol
// the pack runs in a process group of its own (cli/runner/process-group.ts), which the CLI kills on
// the signal; in-process (the default) the pack runs in the CLI's worker threads, and no process.
import { execFileSync, spawn } from "child_process";
import * as path from "path";
import { writeLargeExport } from "../../fixtures/scan/make-large-export";
import { BIN, HERMETIC_ENV, REPO_ROOT, tmpDir } from "./helpers";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The direct children of `pid` (`ps --ppid`), empty when it has none. */
function childrenOf(pid: number): number[] {
  try {
    return execFileSync("ps", ["--ppid", String(pid), "-o", "pid="], { encoding: "utf8" })
      .split("\n")
      .map((l) => Number(l.trim()))
      .filter((n) => Number.isInteger(n) && n > 0);
  } catch {
    return []; // ps exits 1 when nothing matches
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitFor<T>(what: string, probe: () => T | undefined, ms = 30_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const v = probe();
    if (v !== undefined) return v;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

const posix = process.platform === "linux" ? describe : describe.skip;

posix("a scan interrupted by a signal", () => {
  let file = "";
  /** Pack processes seen, killed after each test should one have been left behind. */
  const seen: number[] = [];
  afterEach(() => {
    for (const pid of seen.splice(0)) {
      try {
        process.kill(-pid, "SIGKILL");
      } catch {
        // gone, as it should be
      }
    }
  });
  beforeAll(() => {
    file = path.join(tmpDir(), "signals-large.json");
    writeLargeExport(20_000, file);
  });

  it.each(["SIGTERM", "SIGINT"] as const)(
    "%s: the CLI exits and no process of the pack remains",
    async (signal) => {
      const env: NodeJS.ProcessEnv = { ...process.env };
      for (const [k, v] of Object.entries(HERMETIC_ENV)) {
        if (v === undefined) delete env[k];
        else env[k] = v;
      }
      delete env["NODE_OPTIONS"];
      const cli = spawn(
        process.execPath,
        [BIN, "scan", "--no-build", "--engine", "protocol", file],
        {
          cwd: REPO_ROOT,
          env,
          stdio: ["ignore", "ignore", "pipe"],
        },
      );
      let stderr = "";
      cli.stderr.setEncoding("utf8").on("data", (c: string) => (stderr += c));
      const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((r) =>
        cli.on("exit", (code, sig) => r({ code, signal: sig })),
      );
      const cliPid = cli.pid ?? 0;
      // The pack is the CLI's child process; wait until it has started and children of its own
      // (if any) are listed, then give it a moment to be busy analysing.
      const pack = await waitFor("the pack process", () => childrenOf(cliPid)[0]);
      seen.push(pack);
      await sleep(1500);
      const packChildren = childrenOf(pack);
      expect(alive(pack)).toBe(true);

      cli.kill(signal);
      const end = await exited;
      expect([end.code, end.signal]).not.toEqual([0, null]);
      await waitFor("the pack to be gone", () => (alive(pack) ? undefined : true), 5000);
      for (const p of packChildren) expect([p, alive(p)]).toEqual([p, false]);
      // Nothing is left in the pack's process group either.
      expect(() => process.kill(-pack, 0)).toThrow();
      expect(stderr).not.toMatch(/at .*\.js:\d+/);
    },
    60_000,
  );

  it("in-process: the CLI starts no process and exits on SIGTERM", async () => {
    const env: NodeJS.ProcessEnv = { ...process.env };
    for (const [k, v] of Object.entries(HERMETIC_ENV)) {
      if (v === undefined) delete env[k];
      else env[k] = v;
    }
    delete env["NODE_OPTIONS"];
    const cli = spawn(process.execPath, [BIN, "scan", "--no-build", file], {
      cwd: REPO_ROOT,
      env,
      stdio: ["ignore", "ignore", "ignore"],
    });
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((r) =>
      cli.on("exit", (code, sig) => r({ code, signal: sig })),
    );
    await sleep(2500);
    expect(childrenOf(cli.pid ?? 0)).toEqual([]);
    cli.kill("SIGTERM");
    const end = await exited;
    expect([end.code, end.signal]).not.toEqual([0, null]);
  }, 60_000);
});
