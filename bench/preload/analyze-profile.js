// Preloaded into a pack process by the bench's analyze-profile phase (NODE_OPTIONS=--require <this
// file>): a V8 CPU profile of the measured part of the run only. SIGUSR2 starts profiling (after
// start-up and warm-up); SIGINT, which the runner sends to stop the pack, writes it and exits.
//
//   BENCH_ANALYZE_PROFILE=<file>   where to write the .cpuprofile
//
// Plain JavaScript: it runs in the pack process, before anything else and without ts-node.
"use strict";
const fs = require("fs");
const inspector = require("inspector");

const out = process.env["BENCH_ANALYZE_PROFILE"];
let session;

if (out) {
  process.on("SIGUSR2", () => {
    if (session) return;
    session = new inspector.Session();
    session.connect();
    session.post("Profiler.enable");
    session.post("Profiler.setSamplingInterval", { interval: 200 });
    session.post("Profiler.start");
  });
  const writeAndExit = () => {
    if (!session) process.exit(0);
    session.post("Profiler.stop", (err, res) => {
      if (!err && res) fs.writeFileSync(out, JSON.stringify(res.profile));
      process.exit(0);
    });
  };
  process.once("SIGINT", writeAndExit);
  process.once("SIGTERM", writeAndExit);
}
