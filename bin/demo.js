#!/usr/bin/env node
// `npm run demo`: the compiled demo, dist/commands/demo.js.
"use strict";
require("./compiled").run("commands/demo");
