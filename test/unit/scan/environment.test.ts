import { UNKNOWN_VALUES_ENV as PACK_NAME, makeContext } from "../../../policypack/src/context";
import {
  UNKNOWN_VALUES_ENV,
  scanPackEnvironment,
  withUnreadableSecrets,
} from "../../../cli/scan/environment";
import { UNKNOWN } from "../../../cli/runner/marshal";

describe("the pack environment of a scan", () => {
  it("names the unknown-values variable as the pack reads it", () => {
    expect(UNKNOWN_VALUES_ENV).toBe(PACK_NAME);
    expect(makeContext({ [PACK_NAME]: "unreadable" }).unknowns).toBe("unreadable");
    expect(makeContext({}).unknowns).toBe("computed");
  });

  it("makes unknowns unreadable for stack exports only, and never inherits the setting", () => {
    expect(scanPackEnvironment("stack-export")[UNKNOWN_VALUES_ENV]).toBe("unreadable");
    for (const f of ["preview", "event-log", undefined] as const) {
      const env = scanPackEnvironment(f);
      expect(UNKNOWN_VALUES_ENV in env).toBe(true);
      expect(env[UNKNOWN_VALUES_ENV]).toBeUndefined();
    }
  });

  it("passes undecryptable secret config as unknown, not unset", () => {
    const cfg = {
      config: { "aws:profile": "ci" },
      secretKeys: [],
      unknownSecretKeys: ["aws:region"],
    };
    expect(withUnreadableSecrets(cfg)).toEqual({ "aws:profile": "ci", "aws:region": UNKNOWN });
  });
});
