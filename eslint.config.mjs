// ESLint flat config: TypeScript-aware rules, zero warnings allowed in CI (--max-warnings 0).
import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: [
      "**/node_modules/**",
      "policypack/bin/**",
      "dist/**",
      "coverage/**",
      "**/*.js",
      "**/*.mjs",
      // ajv's standalone code, generated (scripts/gen-validators.ts)
      "policypack/src/config-validators.ts",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_" },
      ],
      "@typescript-eslint/consistent-type-imports": "error",
      eqeqeq: ["error", "always", { null: "ignore" }],
      "no-console": "off",
    },
  },
);
