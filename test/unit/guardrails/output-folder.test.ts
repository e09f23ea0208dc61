// `guardrails -o DIR` writes into a new or empty folder, refreshes one it wrote before (removing
// files no longer generated) and refuses any other folder rather than mix with its content.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { MANIFEST, writeGuardrailFiles } from "../../../cli/commands/guardrails";

let root: string;
beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), "jg-guardrails-out-"));
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

const files = (...paths: string[]) => paths.map((p) => ({ path: p, content: `${p}\n` }));

function listed(dir: string): string[] {
  return fs.readdirSync(dir, { recursive: true, encoding: "utf8" }).sort();
}

describe("writeGuardrailFiles", () => {
  it("creates a new folder with the files and a manifest naming them", () => {
    const dir = path.join(root, "out", "aws");
    writeGuardrailFiles(dir, "aws-scp", files("COVERAGE.md", "aws/scp-1.json"));
    expect(listed(dir)).toEqual([MANIFEST, "COVERAGE.md", "aws", "aws/scp-1.json"].sort());
    expect(fs.readFileSync(path.join(dir, "aws", "scp-1.json"), "utf8")).toBe("aws/scp-1.json\n");
    expect(JSON.parse(fs.readFileSync(path.join(dir, MANIFEST), "utf8"))).toEqual({
      tool: "jurisdiction-guard guardrails",
      target: "aws-scp",
      files: ["COVERAGE.md", "aws/scp-1.json"],
    });
  });

  it("refreshes a folder it wrote: a file no longer generated is removed", () => {
    writeGuardrailFiles(root, "aws-scp", files("COVERAGE.md", "scp-1.json", "scp-2.json"));
    writeGuardrailFiles(root, "aws-scp", files("COVERAGE.md", "scp-1.json"));
    expect(listed(root)).toEqual([MANIFEST, "COVERAGE.md", "scp-1.json"].sort());
  });

  it("refuses a folder with content it did not write, and leaves it untouched", () => {
    fs.writeFileSync(path.join(root, "notes.txt"), "mine");
    expect(() => writeGuardrailFiles(root, "aws-scp", files("scp-1.json"))).toThrow(
      /the folder is not empty and was not written by this command; give a new or empty folder/,
    );
    expect(listed(root)).toEqual(["notes.txt"]);
  });

  it("refuses a folder another target wrote", () => {
    writeGuardrailFiles(root, "aws-scp", files("scp-1.json"));
    expect(() => writeGuardrailFiles(root, "gcp-org-policy", files("c.yaml"))).toThrow(
      /holds aws-scp guardrails; give each target its own folder/,
    );
  });

  it("refuses a file given as the folder and a manifest it cannot read", () => {
    const file = path.join(root, "file");
    fs.writeFileSync(file, "x");
    expect(() => writeGuardrailFiles(file, "aws-scp", files("a"))).toThrow(/not a folder/);
    fs.writeFileSync(path.join(root, MANIFEST), "{not json");
    expect(() => writeGuardrailFiles(root, "aws-scp", files("a"))).toThrow(
      /not a manifest this command wrote/,
    );
  });

  it("never removes a file outside the folder that a tampered manifest names", () => {
    const outside = path.join(root, "outside.txt");
    fs.writeFileSync(outside, "keep");
    const dir = path.join(root, "out");
    writeGuardrailFiles(dir, "aws-scp", files("a.json"));
    fs.writeFileSync(
      path.join(dir, MANIFEST),
      JSON.stringify({
        tool: "jurisdiction-guard guardrails",
        target: "aws-scp",
        files: ["../outside.txt"],
      }),
    );
    writeGuardrailFiles(dir, "aws-scp", files("b.json"));
    expect(fs.readFileSync(outside, "utf8")).toBe("keep");
  });
});
