// The runner ends what it starts: when it gives up on a pack (start timeout, the pack exiting
// before it is ready), the pack process and everything the pack started are gone by the time
// startPack rejects. The pack here is a stand-in run-policy-pack that starts a child of its own.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { PackStartError, startPack } from "../../cli/runner";

/** A pack folder whose run-policy-pack starts a long-lived child, records both pids, then `then`. */
function fakePack(then: "hang" | "exit"): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jg-fake-pack-"));
  const cmd = path.join(dir, "node_modules", "@pulumi", "pulumi", "cmd", "run-policy-pack");
  fs.mkdirSync(cmd, { recursive: true });
  fs.writeFileSync(path.join(dir, "PulumiPolicy.yaml"), "runtime: nodejs\nname: fake\n");
  fs.writeFileSync(
    path.join(dir, "node_modules", "@pulumi", "pulumi", "package.json"),
    JSON.stringify({ name: "@pulumi/pulumi", version: "0.0.0" }),
  );
  fs.writeFileSync(
    path.join(cmd, "index.js"),
    `const { spawn } = require("child_process");
const fs = require("fs");
const child = spawn(process.execPath, ["-e", "setInterval(() => {}, 1000)"], { stdio: "ignore" });
fs.writeFileSync("pids.json", JSON.stringify({ pack: process.pid, child: child.pid }));
${then === "hang" ? "setInterval(() => {}, 1000);" : "process.exit(3);"}
`,
  );
  return dir;
}

function alive(pid: number): boolean {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    // A zombie has exited; only its parent has not collected it yet.
    if (stat.slice(stat.lastIndexOf(")") + 2).startsWith("Z")) return false;
  } catch {
    // No /proc: ask the kernel.
  }
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function gone(pid: number, withinMs = 2000): Promise<boolean> {
  const until = Date.now() + withinMs;
  while (alive(pid)) {
    if (Date.now() > until) return false;
    await new Promise((r) => setTimeout(r, 50));
  }
  return true;
}

const posix = process.platform === "win32" ? test.skip : test;
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

posix("after a start timeout, neither the pack nor its child is left running", async () => {
  const packDir = fakePack("hang");
  dirs.push(packDir);
  const error = await startPack({ packDir, startTimeoutMs: 1500 }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(PackStartError);
  expect((error as PackStartError).message).toMatch(/did not print its port within 1500 ms/);
  const pids = JSON.parse(fs.readFileSync(path.join(packDir, "pids.json"), "utf8")) as {
    pack: number;
    child: number;
  };
  expect((error as PackStartError).pid).toBe(pids.pack);
  // The pack is gone as soon as startPack rejects; its orphaned child within moments.
  expect(alive(pids.pack)).toBe(false);
  expect(await gone(pids.child)).toBe(true);
});

posix("a pack that exits before it is ready takes the child it started with it", async () => {
  const packDir = fakePack("exit");
  dirs.push(packDir);
  const error = await startPack({ packDir, startTimeoutMs: 10_000 }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(PackStartError);
  expect((error as PackStartError).message).toMatch(/exited before it was ready \(code 3/);
  const pids = JSON.parse(fs.readFileSync(path.join(packDir, "pids.json"), "utf8")) as {
    child: number;
  };
  expect(await gone(pids.child)).toBe(true);
});
