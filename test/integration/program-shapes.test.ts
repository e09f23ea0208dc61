// Programs in every shape `pulumi` runs for Node.js are captured: ES module TypeScript with
// NodeNext imports (the SDK's ESM hooks), ES module JavaScript whose default export is an async
// function, CommonJS JavaScript in the folder `main` names, ES module TypeScript through a loader
// in `runtime.options.nodeargs` (ts-node's `--loader`, tsx's `--import`). A capture worker runs
// several programs one after another; the same program captured again (CommonJS or ES module)
// runs again.
import * as path from "path";
import { captureProgram } from "../../cli/program";
import { demo } from "./demo/helpers";
import { HERMETIC_ENV, REPO_ROOT } from "./harness";

const PROGRAMS = path.join(REPO_ROOT, "test", "fixtures", "programs");

const INSTANCE_TYPES: Record<string, string> = {
  "esm-ts-nodenext": "p4d.24xlarge",
  "esm-js-default-export": "p5.48xlarge",
  "cjs-js-main-subfolder": "g5.12xlarge",
  "esm-ts-loader-nodeargs": "p4d.24xlarge",
  "esm-ts-tsx-import": "g6e.12xlarge",
};

async function trainer(name: string) {
  const program = await captureProgram(path.join(PROGRAMS, name), { env: HERMETIC_ENV });
  return { program, trainer: program.resources.find((r) => r.name === "trainer") };
}

describe.each(Object.entries(INSTANCE_TYPES))("%s", (name, instanceType) => {
  test("is captured with its resources", async () => {
    const { program, trainer: t } = await trainer(name);
    expect(t).toMatchObject({ type: "aws:ec2/instance:Instance", inputs: { instanceType } });
    expect(program.resources.map((r) => r.type)).toEqual([
      "pulumi:pulumi:Stack",
      "pulumi:providers:aws",
      "aws:ec2/instance:Instance",
    ]);
  });

  test("captured a second time, runs again", async () => {
    const { trainer: t } = await trainer(name);
    expect(t?.inputs["instanceType"]).toBe(instanceType);
  });
});

test("the demo evaluates all of them: each GPU instance in Beijing is a mandatory violation", async () => {
  const r = await demo(["--examples", PROGRAMS, "--no-build"]);
  expect(r.stderr).toBe("");
  expect(r.code).toBe(1);
  for (const name of Object.keys(INSTANCE_TYPES)) {
    expect(r.stdout).toContain(`Previewing ${name} (stack dev, project ${name})`);
  }
  const violations = r.stdout.match(
    /- \[mandatory\] {2}gpu-in-restricted-jurisdiction {2}\(aws:ec2\/instance:Instance: trainer\)/g,
  );
  expect(violations).toHaveLength(Object.keys(INSTANCE_TYPES).length);
}, 120_000);
