// Temporary input files for the scan unit tests, removed after each test file.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

let dir: string | undefined;

afterAll(() => {
  if (dir !== undefined) fs.rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

/** Write `text` to a new file in a per-test-file temporary folder and return its path. */
export function tmpFile(name: string, text: string): string {
  dir ??= fs.mkdtempSync(path.join(os.tmpdir(), "jg-scan-unit-"));
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
}

export const FIXTURES = path.resolve(__dirname, "..", "..", "fixtures", "scan");

export function fixture(name: string): string {
  return path.join(FIXTURES, name);
}
