// Processes we start (policy packs, program capture workers) and everything they start in turn:
// each runs in a process group of its own (POSIX), so stopping it stops its children too, and none
// outlives us — the groups still alive when this process exits or is interrupted are killed.
//
// A group of its own also means a terminal's Ctrl-C no longer reaches the child directly, so this
// module forwards SIGINT/SIGTERM/SIGHUP to the live groups, then lets the signal take its usual
// course (unless the host program handles it itself). On Windows children are killed one by one.
import { fork, spawn } from "child_process";
import type { ChildProcess, ForkOptions, SpawnOptions } from "child_process";

const POSIX = process.platform !== "win32";
const live = new Set<ChildProcess>();
const SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"] as const;
let hooked = false;

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (POSIX && child.pid !== undefined) {
    try {
      // The whole group, even when its leader has already exited and left children behind.
      process.kill(-child.pid, signal);
      return;
    } catch {
      // No such group any more (ESRCH): fall back to the process itself.
    }
  }
  if (child.exitCode === null && child.signalCode === null) child.kill(signal);
}

function onExit(): void {
  for (const child of live) killGroup(child, "SIGKILL");
  live.clear();
}

function onSignal(signal: NodeJS.Signals): void {
  onExit();
  // Only this module listens: behave as if it did not (the default action ends the process).
  if (process.listenerCount(signal) === 1) {
    unhook();
    process.kill(process.pid, signal);
  }
}

function hook(): void {
  if (hooked) return;
  hooked = true;
  process.on("exit", onExit);
  for (const s of SIGNALS) process.on(s, onSignal);
}

function unhook(): void {
  if (!hooked) return;
  hooked = false;
  process.off("exit", onExit);
  for (const s of SIGNALS) process.off(s, onSignal);
}

function track(child: ChildProcess): ChildProcess {
  if (child.pid === undefined) return child; // failed to spawn; its "error" event says why
  live.add(child);
  hook();
  child.once("exit", () => {
    // The leader is gone; anything it left in its group goes with it.
    killGroup(child, "SIGKILL");
    live.delete(child);
    if (live.size === 0) unhook();
  });
  return child;
}

/** `spawn`, in a process group of its own (POSIX), killed with us. */
export function spawnGroup(command: string, args: string[], opts: SpawnOptions): ChildProcess {
  return track(spawn(command, args, { ...opts, detached: POSIX }));
}

/** `fork`, in a process group of its own (POSIX), killed with us. */
export function forkGroup(modulePath: string, args: string[], opts: ForkOptions): ChildProcess {
  return track(fork(modulePath, args, { ...opts, detached: POSIX }));
}

/** Kill the child and its process group at once (SIGKILL) and wait until the child has exited. */
export function killNow(child: ChildProcess): Promise<void> {
  return stopProcess(child, 0);
}

/**
 * Stop the child and its group: `signal` first, SIGKILL after `graceMs` (at once when 0); resolves
 * when the child has exited.
 */
export function stopProcess(
  child: ChildProcess,
  graceMs = 1000,
  signal: NodeJS.Signals = "SIGINT",
): Promise<void> {
  if (child.pid === undefined) return Promise.resolve();
  if (child.exitCode !== null || child.signalCode !== null) {
    killGroup(child, "SIGKILL");
    return Promise.resolve();
  }
  return new Promise<void>((resolve) => {
    const timer = graceMs > 0 ? setTimeout(() => killGroup(child, "SIGKILL"), graceMs) : undefined;
    child.once("exit", () => {
      if (timer) clearTimeout(timer);
      resolve();
    });
    killGroup(child, graceMs > 0 ? signal : "SIGKILL");
  });
}

/** Children started here and still running (for tests). */
export function liveChildren(): number {
  return live.size;
}
