// The CLI's library surface, for tests, a `scan` command and benchmarks:
//   - runner/   start a pack as the engine does and drive it over the Analyzer protocol;
//   - program/  capture a Pulumi TypeScript program's resources under the SDK's mocks;
//   - evaluate-program  both together for one program folder;
//   - report/   text formatting in the style of `pulumi preview`.
export * from "./runner";
export {
  captureProgram,
  defaultProviderName,
  packageConfigInputs,
  packageOf,
  ProgramCaptureError,
  ProgramConfigError,
  readProject,
  readStackConfig,
  selectStack,
  toEngineResources,
} from "./program";
export type {
  CaptureOptions,
  CapturedProgram,
  ProjectFile,
  Registration,
  StackConfig,
} from "./program";
export { evaluateProgram, listExamples, verdictsByName } from "./evaluate-program";
export type { EvaluateProgramOptions, ProgramEvaluation, Verdict } from "./evaluate-program";
export { ensurePackBuilt } from "./build";
export type { PackBuildResult } from "./build";
export { formatCounts, formatPolicies, formatPolicyTable, sumCounts } from "./report/text";
