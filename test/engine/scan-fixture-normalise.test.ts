// The real-CLI fixtures' normalisation (test/engine/make-scan-fixtures.ts) keeps what the scan
// decides on: only machine- and run-specific values change.
import * as path from "path";
import { normalise } from "./make-scan-fixtures";
import { REPO_ROOT } from "./harness";
import { UNKNOWN_STRING } from "../../policypack/src/values";

const TMP = "/tmp/jg-engine-abc123";
const PROVIDER = "urn:pulumi:dev::p::pulumi:providers:aws::default_7_48_0";
const RANDOM_ID = "5f0c2a9e-1b7d-4c3e-9a8b-0d1e2f3a4b5c";

describe("normalise (real-CLI scan fixtures)", () => {
  it("replaces a provider's random id everywhere with one derived from its URN", () => {
    const text = JSON.stringify({ provider: `${PROVIDER}::${RANDOM_ID}`, ref: RANDOM_ID });
    const out = normalise(text, TMP);
    expect(out).not.toContain(RANDOM_ID);
    const ids = [...out.matchAll(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g)];
    expect(new Set(ids.map((m) => m[0])).size).toBe(1);
    expect(normalise(text, TMP)).toBe(out);
  });

  it("keeps the unknown value, a preview's id of a provider not yet created, and every unknown input", () => {
    const text = JSON.stringify({
      provider: `${PROVIDER}::${UNKNOWN_STRING}`,
      inputs: { region: UNKNOWN_STRING },
    });
    const out = normalise(text, TMP);
    expect(JSON.parse(out)).toEqual({
      provider: `${PROVIDER}::${UNKNOWN_STRING}`,
      inputs: { region: UNKNOWN_STRING },
    });
  });

  it("keeps the file but not the line of a frame inside node_modules, and the line of the repo's own", () => {
    const repo = path.relative(path.join(TMP, "workspace"), REPO_ROOT);
    const text = JSON.stringify([
      `project:///${repo}/node_modules/@grpc/grpc-js/src/server.ts#2054,17`,
      `project:///${repo}/examples/x/index.ts#12,3`,
    ]);
    expect(JSON.parse(normalise(text, TMP))).toEqual([
      "project:///REPO/node_modules/@grpc/grpc-js/src/server.ts#1,1",
      "project:///REPO/examples/x/index.ts#12,3",
    ]);
  });
});
