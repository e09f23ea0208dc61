// The CLI's library surface, for tests, a `scan` command and benchmarks:
//   - runner/   start a pack as the engine does and drive it over the Analyzer protocol;
//   - program/  capture a Pulumi TypeScript program's resources under the SDK's mocks;
//   - program/evaluate  both together for one program folder;
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
export { evaluateProgram, listExamples, verdictsByName } from "./program/evaluate";
export type { EvaluateProgramOptions, ProgramEvaluation, Verdict } from "./program/evaluate";
export { ensurePackBuilt } from "./build";
export type { PackBuildResult } from "./build";
export { formatCounts, formatPolicies, formatPolicyTable, sumCounts } from "./report/text";
// `jurisdiction-guard scan`: stack exports, preview JSON and event logs through the runner.
export { runScan } from "./scan/run";
export { exitCodeOf, isFailing } from "./scan/types";
export type { FailOn, ScanRun } from "./scan/types";
export { scanFile } from "./scan/scan";
export type { ScanOptions } from "./scan/scan";
export type { FileScanResult } from "./scan/types";
export { ScanInputError, UsageError } from "./scan/errors";
export { main as scanCommand } from "./commands/scan";
export { toSarif } from "./report/scan-sarif";
export { writeJunit } from "./report/scan-junit";
export { toScanJson, SCAN_JSON_VERSION } from "./report/scan-json";
export type { ScanJsonReport } from "./report/scan-json";
export { formatScanText } from "./report/scan-text";
