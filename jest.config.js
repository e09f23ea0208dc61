/** @type {import('jest').Config} */
const shared = {
  testEnvironment: "node",
  testMatch: ["**/*.test.ts"],
  transform: { "^.+\\.ts$": ["ts-jest", { tsconfig: "tsconfig.json" }] },
  testTimeout: 60000,
  // Tests run the pack library from its sources, as the CLI's sources import it.
  moduleNameMapper: {
    "^jurisdiction-guard$": "<rootDir>/policypack/lib.ts",
    "^jurisdiction-guard/values$": "<rootDir>/policypack/src/values.ts",
    "^jurisdiction-guard/levels$": "<rootDir>/policypack/src/levels.ts",
    "^jurisdiction-guard/explain$": "<rootDir>/policypack/src/policies/explain.ts",
    "^jurisdiction-guard/guardrails$": "<rootDir>/policypack/src/guardrails/model.ts",
  },
};

/** @type {import('jest').Config} */
module.exports = {
  testTimeout: 60000,
  projects: [
    {
      ...shared,
      displayName: "unit",
      roots: ["<rootDir>/test"],
      // test/engine/ is the real-CLI suite: `npm run test:engine` (jest.engine.config.js).
      testPathIgnorePatterns: [
        "/node_modules/",
        "<rootDir>/test/integration/",
        "<rootDir>/test/engine/",
      ],
    },
    {
      ...shared,
      displayName: "integration",
      roots: ["<rootDir>/test/integration"],
      // The integration tests drive the compiled pack (policypack/bin): build it once, when
      // stale. A project's global setup runs only when one of its tests is selected.
      globalSetup: "<rootDir>/test/integration/global-setup.ts",
    },
  ],
};
