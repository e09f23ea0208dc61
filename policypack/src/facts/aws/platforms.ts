// Matching AWS settings that imply accelerator hardware (EKS AMI types, CodeBuild environment
// types, Kubernetes GPU resources) against their tables in data/aws-platform-hints.ts.
import type {
  AcceleratedPattern,
  AcceleratedSetting,
} from "../../data/accelerators/aws-platform-hints";

// The tables live in data/; re-exported so that facts/aws/index.ts keeps its public names.
export type {
  AcceleratedPattern,
  AcceleratedSetting,
} from "../../data/accelerators/aws-platform-hints";
export {
  ACCELERATED_EKS_AMI_PATTERNS,
  ACCELERATED_EKS_AMI_TYPES,
  EC2_CAPACITY_BLOCK,
  GPU_CODEBUILD_ENVIRONMENT_PATTERNS,
  GPU_CODEBUILD_ENVIRONMENT_TYPES,
  GPU_KUBERNETES_RESOURCES,
  GPU_RESOURCE_REQUIREMENT_TYPE,
} from "../../data/accelerators/aws-platform-hints";

/** The matching entry, or a pattern match (`catalogued: false`), or undefined. */
export function matchSetting(
  value: string,
  table: readonly AcceleratedSetting[],
  patterns: readonly AcceleratedPattern[] = [],
): { description: string; vendor: string; catalogued: boolean } | undefined {
  const v = value.trim().toLowerCase();
  const hit = table.find((e) => e.value.toLowerCase() === v);
  if (hit) return { description: hit.description, vendor: hit.vendor, catalogued: true };
  const p = patterns.find((e) => e.pattern.test(value.trim()));
  if (p)
    return {
      description: `${p.description}: ${value.trim()}`,
      vendor: p.vendor,
      catalogued: false,
    };
  return undefined;
}
