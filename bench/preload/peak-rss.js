// Preloaded into the `jurisdiction-guard scan` process by the bench (node --require <this file>):
// writes the process's peak resident set size, in kB (getrusage ru_maxrss), to BENCH_PEAK_RSS_OUT
// when it exits. Exact, unlike polling /proc, which can miss the last moments of a process.
//
// Plain JavaScript: it runs before ts-node is registered.
"use strict";
const fs = require("fs");

const out = process.env["BENCH_PEAK_RSS_OUT"];
if (out) {
  process.on("exit", () => {
    try {
      fs.writeFileSync(out, String(process.resourceUsage().maxRSS));
    } catch {
      // The bench reports the figure as unknown.
    }
  });
}
