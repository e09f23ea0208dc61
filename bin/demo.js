#!/usr/bin/env node
// `npm run demo`: the compiled demo, dist/demo.js.
"use strict";
require("./compiled").run("demo");
