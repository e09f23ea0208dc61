// Where each policy's documentation lives (the SDK's `url` metadata). One constant, so an
// organisation that republishes the pack can point it at its own copy of docs/policies.md.
export const POLICY_DOCS_URL =
  "https://github.com/jurisdiction-guard/jurisdiction-guard/blob/main/docs/policies.md";

export function policyUrl(policyName: string): string {
  return `${POLICY_DOCS_URL}#${policyName}`;
}
