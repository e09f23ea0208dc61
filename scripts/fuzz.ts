// `npm run fuzz -- [--runs N] [--seed S] [-t PATTERN]`: the scan's property-based tests
// (test/integration/fuzz) with more runs than `npm test` gives them (3), and a chosen or random seed.
import { spawnSync } from "child_process";
import * as path from "path";

function option(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const runs = option("--runs") ?? "200";
const seed = option("--seed") ?? String(Date.now() % 2 ** 31);
const pattern = option("-t");
if (!/^\d+$/.test(runs) || !/^-?\d+$/.test(seed)) {
  process.stderr.write("usage: npm run fuzz -- [--runs N] [--seed S] [-t PATTERN]\n");
  process.exit(2);
}
process.stdout.write(`fuzz: ${runs} runs per property, seed ${seed}\n`);
const root = path.resolve(__dirname, "..");
const jest = require.resolve("jest/bin/jest", { paths: [root] });
const result = spawnSync(
  process.execPath,
  [
    jest,
    "--selectProjects",
    "integration",
    "test/integration/fuzz",
    ...(pattern ? ["-t", pattern] : []),
  ],
  { cwd: root, stdio: "inherit", env: { ...process.env, FUZZ_RUNS: runs, FUZZ_SEED: seed } },
);
process.exit(result.status ?? 1);
