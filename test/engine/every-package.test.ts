// A stub provider for every provider package the tests and examples use, through the REAL engine:
// test/engine/programs/every-package registers one GPU resource of each (@pulumi/aws and
// @pulumi/azure-native with their classes; aws-native, azure, gcp, alicloud and kubernetes, whose
// SDKs are not installed, by type token). The engine creates each package's default provider from
// its stub, analyses every resource, and reports what the runner reports for the same program.
import * as fs from "fs";
import * as path from "path";
import { verdictsByName } from "../../cli/program/evaluate";
import { EXAMPLES_DIR } from "../integration/harness";
import {
  engineRows,
  evaluateExample,
  PROVIDERS,
  previewExample,
  runnerRows,
  UNINSTALLED_PROVIDERS,
  useHermeticEnv,
} from "./examples";
import { useEngine } from "./harness";

const PROGRAM = path.join(__dirname, "programs", "every-package");
const ALL = [...PROVIDERS, ...UNINSTALLED_PROVIDERS];

useHermeticEnv();

const engine = useEngine(ALL);

test("the stubs cover every provider package the examples import", () => {
  const imported = new Set<string>();
  for (const name of fs.readdirSync(EXAMPLES_DIR)) {
    const index = path.join(EXAMPLES_DIR, name, "index.ts");
    if (!fs.existsSync(index)) continue;
    for (const m of fs.readFileSync(index, "utf8").matchAll(/from "@pulumi\/([a-z0-9-]+)/g))
      imported.add(m[1]!);
  }
  imported.delete("pulumi");
  expect([...imported].filter((p) => !PROVIDERS.includes(p))).toEqual([]);
  expect(PROVIDERS).toEqual(["aws", "azure-native"]);
});

test("one GPU resource of each package: the real engine's policy events equal the runner's", async () => {
  const real = await previewExample(engine(), PROGRAM);
  const runner = await evaluateExample(PROGRAM);

  // Each package's default provider came from its stub, and each resource was analysed.
  const registered = real.events.flatMap((e) =>
    e.resourcePreEvent !== undefined ? [e.resourcePreEvent.metadata.type] : [],
  );
  for (const pkg of ALL) {
    expect(registered).toContain(`pulumi:providers:${pkg}`);
    expect(registered.some((t) => t.startsWith(`${pkg}:`))).toBe(true);
  }

  expect(engineRows(real.policyEvents)).toEqual(runnerRows(runner));

  const verdicts = verdictsByName(runner.program.resources, runner.report);
  const gpu = (name: string): string | undefined => {
    const v = verdicts[name];
    return v === undefined || v === "none" ? v : v["gpu-in-restricted-jurisdiction"];
  };
  expect(
    Object.fromEntries(
      [
        "aws-trainer",
        "azure-native-vm",
        "aws-native-trainer",
        "azure-vm",
        "gcp-trainer",
        "alicloud-trainer",
        "k8s-trainer",
      ].map((n) => [n, gpu(n)]),
    ),
  ).toEqual({
    "aws-trainer": "mandatory",
    "azure-native-vm": "mandatory",
    "aws-native-trainer": "mandatory",
    "azure-vm": "mandatory",
    "gcp-trainer": "mandatory",
    "alicloud-trainer": "mandatory",
    // A workload on a cluster whose placement nothing names (no kubeconfig): an advisory note.
    "k8s-trainer": "advisory",
  });
  expect(real.ok).toBe(false);
});
