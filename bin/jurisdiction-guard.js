#!/usr/bin/env node
// `jurisdiction-guard` (npx jurisdiction-guard scan …): the compiled CLI, dist/commands/main.js.
"use strict";
require("./compiled").run("commands/main");
