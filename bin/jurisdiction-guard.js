#!/usr/bin/env node
// `jurisdiction-guard` (npx jurisdiction-guard scan …): loads the TypeScript CLI through ts-node in
// transpile-only mode (no type checking at start-up; `npm run typecheck` does that), so a fresh
// clone needs only `npm ci` (and `npm run build` for the policy pack it runs).
"use strict";
const path = require("path");

const root = path.resolve(__dirname, "..");
require("ts-node").register({
  project: path.join(root, "tsconfig.json"),
  transpileOnly: true,
  compilerOptions: { module: "commonjs" },
});
require(path.join(root, "cli", "main.ts"));
