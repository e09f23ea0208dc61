// Stack tags reach the pack through the real engine (ConfigureStack's tags, from the stack the
// backend keeps): compliant-multi-region-gpu, tagged jurisdiction=CN with `stack.setTag`, is
// denied by gpu-or-ai-in-restricted-account on every GPU and AI resource, exactly as the runner
// reports it with the same tags. A test file of its own: an example's module runs once per jest
// module registry, and examples.test.ts previews this example untagged.
import * as path from "path";
import { EXAMPLES_DIR } from "../integration/harness";
import {
  engineRows,
  evaluateExample,
  PROVIDERS,
  previewExample,
  runnerRows,
  useHermeticEnv,
} from "./examples";
import { useEngine } from "./harness";

useHermeticEnv();

const engine = useEngine(PROVIDERS);

test("compliant-multi-region-gpu in a stack tagged jurisdiction=CN: the engine reports the runner's findings, all from the stack tag", async () => {
  const setup = engine();
  const dir = path.join(EXAMPLES_DIR, "compliant-multi-region-gpu");
  const stackTags = { jurisdiction: "CN" };
  const real = await previewExample(setup, dir, { stackTags });
  const runner = await evaluateExample(dir, { stackTags });
  const rows = engineRows(real.policyEvents);
  expect(rows).toEqual(runnerRows(runner));
  expect(rows.length).toBeGreaterThan(0);
  for (const r of rows) {
    expect(r).toMatchObject({
      policyName: "gpu-or-ai-in-restricted-account",
      enforcementLevel: "mandatory",
    });
    expect(r.message).toContain("through the stack's tag jurisdiction=CN");
  }
  expect(real.ok).toBe(false);
});
