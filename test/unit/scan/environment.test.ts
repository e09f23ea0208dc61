import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { UNKNOWN_VALUES_ENV as PACK_NAME, makeContext } from "../../../policypack/src/context";
import {
  UNKNOWN_VALUES_ENV,
  isCloudVariable,
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

/** Every environment variable the pack's sources name: string literals and `env.NAME` reads. */
function variablesThePackReads(): string[] {
  const names = new Set<string>();
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith(".ts")) {
        const text = fs.readFileSync(p, "utf8");
        for (const m of text.matchAll(/"([A-Z][A-Z0-9]*_[A-Z0-9_]+)"/g))
          if (/_(REGION|ZONE|PROFILE|ENVIRONMENT|LOCATION|FILE)(_NAME)?$/.test(m[1] ?? ""))
            names.add(m[1] ?? "");
        for (const m of text.matchAll(/\benv\.([A-Z][A-Z0-9_]+)/g)) names.add(m[1] ?? "");
      }
    }
  };
  walk(path.join(__dirname, "../../../policypack/src"));
  // HOME and USERPROFILE only locate ~/.aws/config, which AWS_CONFIG_FILE overrides.
  return [...names].filter((n) => n !== "HOME" && n !== "USERPROFILE").sort();
}

describe("stack exports and event logs are decided without the machine's cloud settings", () => {
  const names = variablesThePackReads();
  const inherited = Object.fromEntries(names.map((n) => [n, "set-by-the-machine"]));

  it("finds the variables the pack reads", () => {
    expect(names).toEqual(
      expect.arrayContaining(["AWS_REGION", "AWS_PROFILE", "AWS_CONFIG_FILE", "ARM_ENVIRONMENT"]),
    );
  });

  it.each(["stack-export", "event-log"] as const)("%s: none of them reaches the pack", (format) => {
    const env = scanPackEnvironment(format, { inherited });
    for (const n of names) {
      expect([n, isCloudVariable(n)]).toEqual([n, true]);
      expect([n, env[n]]).toEqual([n, n.endsWith("_FILE") ? os.devNull : undefined]);
      expect(n in env).toBe(true);
    }
  });

  it("previews, and --use-environment, keep them", () => {
    for (const env of [
      scanPackEnvironment("preview", { inherited }),
      scanPackEnvironment("stack-export", { inherited, useEnvironment: true }),
    ]) {
      expect(names.filter((n) => n in env)).toEqual([]);
    }
  });
});
