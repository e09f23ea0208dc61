// How a program would be run by `pulumi`, worked out from Pulumi.yaml and package.json: working
// directory, entry point, ES module or CommonJS, node arguments, TypeScript loader.
import * as path from "path";
import { programShape, setupKey, splitNodeArgs } from "../../../cli/program/shape";
import { readProject } from "../../../cli/program/stack-config";

const ROOT = path.resolve(__dirname, "..", "..", "..");
const PROGRAMS = path.join(ROOT, "test", "fixtures", "programs");

function shape(dir: string) {
  return programShape(dir, readProject(dir));
}

test("an example (CommonJS TypeScript, no tsconfig of its own) runs in its folder through ts-node's require hook", () => {
  const dir = path.join(ROOT, "examples", "aks-gpu-east-asia");
  const s = shape(dir);
  expect(s).toMatchObject({ cwd: dir, entry: dir, esm: false });
  expect(s.setup.nodeArgs).toEqual([]);
  expect(s.setup.typescript).toMatchObject({ esmHooks: false });
  expect(s.setup.typescript?.project).toBeUndefined();
  expect(s.setup.sdkDir).toBe(path.join(ROOT, "node_modules", "@pulumi", "pulumi"));
});

test("the examples share one process setup", () => {
  const keys = ["aks-gpu-east-asia", "aws-china-gpu-training", "vpn-to-alibaba-asn"].map((n) =>
    setupKey(shape(path.join(ROOT, "examples", n)).setup),
  );
  expect(new Set(keys).size).toBe(1);
});

test("an ES module TypeScript package goes through the SDK's ESM hooks, with its own tsconfig", () => {
  const dir = path.join(PROGRAMS, "esm-ts-nodenext");
  const s = shape(dir);
  expect(s.esm).toBe(true);
  expect(s.setup.typescript).toMatchObject({
    esmHooks: true,
    project: path.join(dir, "tsconfig.json"),
  });
});

test("nodeargs with a loader go to node, and the SDK's ESM hooks stay out of the way", () => {
  const s = shape(path.join(PROGRAMS, "esm-ts-loader-nodeargs"));
  expect(s.setup.nodeArgs).toEqual(["--loader", "ts-node/esm", "--no-warnings"]);
  expect(s.esm).toBe(true);
  expect(s.setup.typescript?.esmHooks).toBe(false);
});

test("typescript: false means no TypeScript loader at all", () => {
  const s = shape(path.join(PROGRAMS, "esm-js-default-export"));
  expect(s.esm).toBe(true);
  expect(s.setup.typescript).toBeUndefined();
});

test("main naming a folder makes it the working directory and the entry point", () => {
  const dir = path.join(PROGRAMS, "cjs-js-main-subfolder");
  const s = shape(dir);
  expect(s).toMatchObject({
    projectDir: dir,
    cwd: path.join(dir, "src"),
    entry: path.join(dir, "src"),
    esm: false,
  });
});

test("nodeargs are split on whitespace, as the language host splits them", () => {
  expect(splitNodeArgs("  --import tsx/esm   --max-old-space-size=4096 ")).toEqual([
    "--import",
    "tsx/esm",
    "--max-old-space-size=4096",
  ]);
  expect(splitNodeArgs(undefined)).toEqual([]);
});
