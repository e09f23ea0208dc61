#!/usr/bin/env node
// `npm run engine:path`: the compiled dist/engine/path.js (see cli/engine/path.ts).
"use strict";
require("./compiled").run("engine/path");
