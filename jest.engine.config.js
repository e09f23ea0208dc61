// `npm run test:engine`: the real Pulumi engine suite (test/engine/), apart from `npm test`
// because it builds the Pulumi CLI from Go modules when there is none (minutes the first time)
// and starts real engine processes. Nothing is skipped: without a CLI the suite fails, saying why.
/** @type {import('jest').Config} */
module.exports = {
  displayName: "engine",
  testEnvironment: "node",
  roots: ["<rootDir>/test/engine"],
  testMatch: ["**/*.test.ts"],
  transform: { "^.+\\.ts$": ["ts-jest", { tsconfig: "tsconfig.json" }] },
  moduleNameMapper: {
    "^jurisdiction-guard$": "<rootDir>/policypack/lib.ts",
    "^jurisdiction-guard/values$": "<rootDir>/policypack/src/values.ts",
    "^jurisdiction-guard/levels$": "<rootDir>/policypack/src/levels.ts",
    "^jurisdiction-guard/explain$": "<rootDir>/policypack/src/policies/explain.ts",
    "^jurisdiction-guard/guardrails$": "<rootDir>/policypack/src/guardrails/model.ts",
  },
  // A first CLI build takes minutes; one engine preview takes seconds.
  testTimeout: 30 * 60 * 1000,
  maxWorkers: 1,
};
