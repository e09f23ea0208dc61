// Kubernetes (@pulumi/kubernetes, `kubernetes:`) facts: which node pools and workloads select
// accelerators (compute.ts), and on which cluster, in which region, they run (placement.ts, and
// stack.ts at AnalyzeStack).
export { KUBERNETES_COMPUTE_EXTRACTORS } from "./compute";
export {
  CLUSTER_TOKENS,
  KUBERNETES_PROVIDER_TYPE,
  kubeconfigPlacement,
  kubernetesPlacement,
  regionOfKubeconfig,
} from "./placement";
export { resolveKubernetesInherited } from "./stack";
export type { KubernetesStackView } from "./stack";
