// Where a program failed, for a one-line error instead of a stack trace.
import * as fs from "fs";
import * as path from "path";
import { fileURLToPath } from "url";

/**
 * Where in the program an error was thrown: the first stack frame inside the program folder and
 * outside node_modules, as `file:line:column` relative to the folder.
 */
export function programLocation(stack: string | undefined, programDir: string): string | undefined {
  const dirs = [programDir];
  try {
    const real = fs.realpathSync(programDir);
    if (real !== programDir) dirs.push(real);
  } catch {
    // The folder is gone; compare with the path as given.
  }
  for (const line of (stack ?? "").split("\n").slice(1)) {
    const m = /\(?((?:file:\/\/)?[^()\s]+):(\d+):(\d+)\)?\s*$/.exec(line.trim());
    if (!m?.[1]) continue;
    const file = m[1].startsWith("file://") ? fileURLToPath(m[1]) : m[1];
    for (const dir of dirs) {
      const rel = path.relative(dir, file);
      if (rel === "" || rel.startsWith("..") || path.isAbsolute(rel)) continue;
      if (rel.split(path.sep).includes("node_modules")) break;
      return `${rel}:${m[2]}:${m[3]}`;
    }
  }
  return undefined;
}
