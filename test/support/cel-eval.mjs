// Evaluates CEL conditions with @marcbachmann/cel-js (ESM only), for tests that run under
// CommonJS jest: the test spawns this file with `node` and writes JSON to its stdin,
// {"conditions": ["…"], "resources": [{…}]}; it prints [[true, false, …], …] (one row per
// resource, one value per condition), or "error: …" where an evaluation failed.
import { parse } from "@marcbachmann/cel-js";

let input = "";
process.stdin.setEncoding("utf8");
for await (const chunk of process.stdin) input += chunk;
const { conditions, resources } = JSON.parse(input);
const compiled = conditions.map((c) => parse(c));
const rows = resources.map((resource) =>
  compiled.map((f) => {
    try {
      const v = f({ resource });
      return typeof v === "boolean" ? v : `error: not a boolean (${typeof v})`;
    } catch (e) {
      return `error: ${e instanceof Error ? e.message.split("\n")[0] : String(e)}`;
    }
  }),
);
process.stdout.write(JSON.stringify(rows));
