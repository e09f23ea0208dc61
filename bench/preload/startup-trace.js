// Preloaded into a pack process by the bench (NODE_OPTIONS=--require <this file>): records every
// module the process loads with its inclusive and self load time, and optionally a V8 CPU profile,
// and writes them when the runner stops the pack (SIGINT).
//
//   BENCH_TRACE_OUT=<file>        JSON: [{ file, parent, incl, self, depth }] in load order
//   BENCH_CPU_PROFILE=<file>      a .cpuprofile of the whole process life (open it in DevTools)
//
// Plain JavaScript: it runs in the pack process, before anything else and without ts-node.
"use strict";
const fs = require("fs");
const Module = require("module");
const { performance } = require("perf_hooks");

const traceOut = process.env["BENCH_TRACE_OUT"];
const profileOut = process.env["BENCH_CPU_PROFILE"];
const rows = [];

if (traceOut) {
  const load = Module._load;
  const stack = [];
  Module._load = function tracedLoad(request, parent, isMain) {
    let file = request;
    try {
      file = Module._resolveFilename(request, parent, isMain);
    } catch {
      // Left to the real loader to report.
    }
    const cached = Object.prototype.hasOwnProperty.call(Module._cache, file);
    const frame = { children: 0 };
    stack.push(frame);
    const started = performance.now();
    try {
      return load.apply(this, arguments);
    } finally {
      const incl = performance.now() - started;
      stack.pop();
      const up = stack[stack.length - 1];
      if (up) up.children += incl;
      if (!cached) {
        rows.push({
          file,
          parent: parent && parent.filename ? parent.filename : "",
          incl,
          self: incl - frame.children,
          depth: stack.length,
        });
      }
    }
  };
}

let session;
if (profileOut) {
  const inspector = require("inspector");
  session = new inspector.Session();
  session.connect();
  session.post("Profiler.enable");
  session.post("Profiler.setSamplingInterval", { interval: 200 });
  session.post("Profiler.start");
}

function writeAndExit() {
  const finish = () => {
    if (traceOut) fs.writeFileSync(traceOut, JSON.stringify(rows));
    process.exit(0);
  };
  if (!session) return finish();
  session.post("Profiler.stop", (err, res) => {
    if (!err && res) fs.writeFileSync(profileOut, JSON.stringify(res.profile));
    finish();
  });
}

process.once("SIGINT", writeAndExit);
process.once("SIGTERM", writeAndExit);
