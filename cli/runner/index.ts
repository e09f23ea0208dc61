// The engine-faithful runner: start a CrossGuard pack as `pulumi preview --policy-pack` does and
// drive it over the Analyzer gRPC protocol.
export {
  DEFAULT_CONCURRENCY,
  evaluate,
  packEnvironment,
  PackRpcError,
  AnalyzerSession,
  PackStartError,
  PolicyPackSession,
  resolveRunPolicyPack,
  startPack,
} from "./pack";
export type {
  AnalyzeAnswer,
  AnalyzeResult,
  EvaluateOptions,
  RemediateAnswer,
  SessionArgs,
  StackCollector,
  RemediateResult,
  ResourceContext,
  StartPackOptions,
} from "./pack";
export { StackRequest } from "./stack-request";
export type { StackResourceInfo } from "./stack-request";
export {
  checkPolicyPackConfigFile,
  formatProblem,
  loadPolicyPackConfigFile,
  parsePolicyPackConfig,
  PolicyConfigError,
  reconcilePolicyPackConfig,
} from "./policy-config";
export type { PolicyConfigProblem, PolicyPackConfigInput } from "./policy-config";
export { containsUnknown, resourceReference, secret, UNKNOWN } from "./marshal";
export { urnName, urnType } from "./protocol";
export type * from "./types";
