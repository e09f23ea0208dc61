// The pack's entry point defers @pulumi/pulumi's closure code paths (policypack/sdk-startup.ts): the
// SDK then loads without npm's Arborist, and computeCodePaths still answers when a program calls it.
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { exportedFunctions } from "../../../policypack/sdk-startup";

const REPO = path.resolve(__dirname, "..", "..", "..");
const ESM = 'Object.defineProperty(exports, "__esModule", { value: true });\n';

describe("exportedFunctions", () => {
  it("names a compiled module's exported top-level functions", () => {
    const source = `${ESM}async function a(x) {}\nexports.a = a;\nfunction b() {}\nexports.b = b;\n`;
    expect(exportedFunctions(source)).toEqual(["a", "b"]);
  });

  it.each([
    ["a value", `${ESM}function a() {}\nexports.a = a;\nexports.limit = 3;\n`],
    ["an alias", `${ESM}function a() {}\nexports.b = a;\n`],
    ["a variable", `${ESM}const a = () => 1;\nexports.a = a;\n`],
    ["module.exports", `${ESM}function a() {}\nexports.a = a;\nmodule.exports.c = 1;\n`],
    ["no __esModule", `function a() {}\nexports.a = a;\n`],
  ])("defers nothing for a module that exports %s", (_what, source) => {
    expect(exportedFunctions(source)).toBeUndefined();
  });
});

describe("the pack process with sdk-startup imported first", () => {
  it("loads @pulumi/policy without Arborist, and computeCodePaths loads it when called", () => {
    // Outside the repository (an npm workspace): code paths there need Node 22's fs.promises.glob.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jg-sdk-startup-"));
    try {
      fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: "probe" }));
      fs.writeFileSync(path.join(dir, "index.js"), "");
      const script = `
        require(${JSON.stringify(path.join(REPO, "policypack", "sdk-startup.ts"))});
        require("@pulumi/policy");
        const arborist = () =>
          Object.keys(require.cache).some((f) => f.includes("/node_modules/@npmcli/arborist/"));
        const before = arborist();
        process.chdir(${JSON.stringify(dir)});
        require("@pulumi/pulumi").runtime
          .computeCodePaths({ extraIncludePaths: ["index.js"] })
          .then((paths) => {
            const found = [...paths].map(([k, v]) => [k, v.constructor.name]);
            console.log(JSON.stringify({ before, found, after: arborist() }));
          });
      `;
      const run = spawnSync(
        process.execPath,
        ["-r", "ts-node/register/transpile-only", "-e", script],
        { cwd: path.join(REPO, "policypack"), encoding: "utf8", timeout: 60_000 },
      );
      expect(run.stderr).toBe("");
      expect(JSON.parse(run.stdout)).toEqual({
        before: false,
        found: [["index.js", "FileAsset"]],
        after: true,
      });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
