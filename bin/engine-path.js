#!/usr/bin/env node
// `npm run engine:path`: the compiled dist/commands/engine-path.js (see cli/commands/engine-path.ts).
"use strict";
require("./compiled").run("commands/engine-path");
