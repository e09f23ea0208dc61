// Small statistics and process probes for the benchmark: medians and spread of repeated samples,
// and what /proc says about a process (peak RSS, CPU time).
import * as fs from "fs";
import * as os from "os";

/** Repeated measurements of one quantity, summarised. */
export interface Sample {
  median: number;
  min: number;
  max: number;
  /** Every measurement, in the order taken. */
  values: number[];
}

export function summarise(values: readonly number[]): Sample {
  if (values.length === 0)
    return { median: Number.NaN, min: Number.NaN, max: Number.NaN, values: [] };
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median =
    sorted.length % 2 === 1
      ? (sorted[mid] as number)
      : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
  return {
    median,
    min: sorted[0] as number,
    max: sorted[sorted.length - 1] as number,
    values: [...values],
  };
}

/** "1234 (1180–1390, n=7)" */
export function formatSample(s: Sample, digits = 0): string {
  if (s.values.length === 0) return "n/a";
  const f = (x: number) => x.toFixed(digits);
  if (s.values.length === 1) return `${f(s.median)} (n=1)`;
  return `${f(s.median)} (${f(s.min)}–${f(s.max)}, n=${s.values.length})`;
}

/** Peak resident set size of a live process in MiB (`VmHWM` in /proc/<pid>/status). */
export function peakRssMiB(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const m = /VmHWM:\s+(\d+)\s+kB/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
    return m?.[1] !== undefined ? Number(m[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** User + system CPU time of a live process in milliseconds (/proc/<pid>/stat), if readable. */
export function cpuMs(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    // Fields after the command (which may contain spaces) start at state; utime/stime are the
    // 14th and 15th fields overall, i.e. the 12th and 13th after ") ".
    const rest = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const ticks = Number(rest[11]) + Number(rest[12]);
    return Number.isFinite(ticks) ? (ticks * 1000) / CLOCK_TICKS : undefined;
  } catch {
    return undefined;
  }
}

/** USER_HZ; 100 on every Linux the bench is meant for. */
const CLOCK_TICKS = 100;

/** CPU time of this process in milliseconds. */
export function selfCpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

export interface Machine {
  cpu: string;
  cores: number;
  node: string;
  platform: string;
  memoryGiB: number;
  /** 1-minute load average when the run started: other jobs on the machine. */
  loadAverage: number[];
}

export function machine(): Machine {
  return {
    cpu: os.cpus()[0]?.model ?? "unknown",
    cores: os.cpus().length,
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    loadAverage: os.loadavg().map((x) => Math.round(x * 100) / 100),
  };
}

export function formatMachine(m: Machine): string {
  return `${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB, node ${m.node}, ${m.platform}, load average ${m.loadAverage.join(" / ")}`;
}
