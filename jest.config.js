/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  transform: { "^.+\\.ts$": ["ts-jest", { isolatedModules: true, tsconfig: "tsconfig.json" }] },
  testTimeout: 60000,
  // Integration tests drive the compiled pack (policypack/bin); build it once, when stale.
  globalSetup: "<rootDir>/test/integration/global-setup.ts",
};
