// The benchmark's baseline: a real CrossGuard pack with the same policies as jurisdiction-guard
// (names, enforcement levels, config schemas with their defaults, and a stack phase where the real
// policy has one) whose validations do nothing. Plain JavaScript, so that it loads nothing but
// @pulumi/policy (resolved from the repository's node_modules).
//
// The policy list comes from the snapshot the bench writes from the real pack
// (BENCH_BASELINE_POLICIES=<file>); without it, the five policy names with no config schema.
"use strict";
const fs = require("fs");
const { PolicyPack } = require("@pulumi/policy");

const DEFAULT_POLICIES = [
  "gpu-in-restricted-jurisdiction",
  "ai-service-in-restricted-jurisdiction",
  "gpu-or-ai-in-restricted-account",
  "peering-with-listed-foreign-provider",
  "listed-foreign-provider-resource",
].map((name) => ({ name, description: name, enforcementLevel: "mandatory", stack: false }));

function loadPolicies() {
  const file = process.env["BENCH_BASELINE_POLICIES"];
  if (file === undefined || file === "") return DEFAULT_POLICIES;
  return JSON.parse(fs.readFileSync(file, "utf8"));
}

const doNothing = () => {};

new PolicyPack("jurisdiction-guard-baseline", {
  enforcementLevel: "mandatory",
  policies: loadPolicies().map((p) => {
    const policy = {
      name: p.name,
      description: p.description,
      enforcementLevel: p.enforcementLevel,
      validateResource: doNothing,
    };
    if (p.configSchema !== undefined) policy.configSchema = p.configSchema;
    if (p.stack) policy.validateStack = doNothing;
    return policy;
  }),
});
