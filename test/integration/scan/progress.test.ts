// `scan` shows progress on stderr only when stderr is a terminal, and leaves nothing of it behind
// before the report; the command runs in process here, with a stand-in stderr.
import { Writable } from "stream";
import { main } from "../../../cli/commands/scan";
import { fixture, REPO_ROOT } from "./helpers";

function stream(isTTY: boolean): Writable & { isTTY: boolean; text: () => string } {
  const chunks: string[] = [];
  const w = new Writable({
    write(chunk: Buffer | string, _enc, cb) {
      chunks.push(chunk.toString());
      cb();
    },
  });
  return Object.assign(w, { isTTY, text: () => chunks.join("") });
}

async function scan(isTTY: boolean, ...extra: string[]) {
  const stdout = stream(false);
  const stderr = stream(isTTY);
  const args = ["scan", "--no-build", fixture("stack-export-aws-china.json"), ...extra];
  const code = await main(["node", "jurisdiction-guard", ...args], {
    stdout,
    stderr,
    cwd: REPO_ROOT,
  });
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}

describe("progress on stderr", () => {
  it("is shown on a terminal, reaches AnalyzeStack, and is cleared before the report", async () => {
    const r = await scan(true);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("stack-export-aws-china.json: ");
    expect(r.stderr).toMatch(/\d+ resources? analysed, \d+ findings?; AnalyzeStack/);
    expect(r.stderr.endsWith("\r\u001b[K")).toBe(true);
    expect(r.stderr).not.toContain("\n");
    expect(r.stdout).not.toContain("\r");
  });

  it("is not shown when stderr is not a terminal, or with --no-progress", async () => {
    const piped = await scan(false);
    expect(piped.code).toBe(1);
    expect(piped.stderr).toBe("");
    const off = await scan(true, "--no-progress");
    expect(off.code).toBe(1);
    expect(off.stderr).toBe("");
  });
});

describe("progress of a backend audit", () => {
  it("names each stack as stack i/N organization/<project>/<stack>, cleared before the report", async () => {
    const stdout = stream(false);
    const stderr = stream(true);
    const code = await main(
      [
        "node",
        "jurisdiction-guard",
        "scan",
        "--no-build",
        "--backend",
        "file://test/fixtures/scan/backend/projects",
      ],
      { stdout, stderr, cwd: REPO_ROOT },
    );
    expect(code).toBe(1);
    const shown = stderr.text();
    for (const [i, name] of [
      "aks-gpu-east-asia",
      "aws-china-gpu-training",
      "compliant-multi-region-gpu",
    ].entries()) {
      expect(shown).toMatch(
        new RegExp(`stack ${i + 1}/3 organization/${name}/dev: \\d+ resources? analysed`),
      );
    }
    expect(shown.endsWith("\r\u001b[K")).toBe(true);
    expect(shown).not.toContain("\n");
  });
});
