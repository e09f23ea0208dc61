// Secret values (never printed), stack config layers, and JSON error positions.
import {
  emptyLayer,
  layerFromInputConfig,
  mergeConfig,
  parseKeyValues,
  readStackConfigFile,
} from "../../../cli/scan/config";
import { ScanInputError, UsageError } from "../../../cli/scan/errors";
import { jsonSyntaxPosition } from "../../../cli/scan/json-position";
import { Redactor, toWireMap, toWireValue } from "../../../cli/scan/values";
import { SECRET_SIG, SIG_KEY, UNKNOWN } from "../../../cli/runner/marshal";
import { tmpFile } from "./tmp-files";

const secret = (value: unknown) => ({ [SIG_KEY]: SECRET_SIG, value });

describe("secret values", () => {
  it("turns a state ciphertext into a secret whose value is unknown", () => {
    const v = toWireValue(
      { [SIG_KEY]: SECRET_SIG, ciphertext: "v1:abc:def" },
      { blindedStrings: false },
    );
    expect(v).toEqual(secret(UNKNOWN));
    expect(JSON.stringify(v)).not.toContain("v1:abc");
  });

  it("decodes plaintext secrets (stack export --show-secrets) and reports them for redaction", () => {
    const seen: string[] = [];
    const v = toWireMap(
      { token: { [SIG_KEY]: SECRET_SIG, plaintext: '{"user":"ci","pass":"hunter22"}' } },
      { blindedStrings: false, onPlaintextSecret: (s) => seen.push(s) },
    );
    expect(v).toEqual({ token: secret({ user: "ci", pass: "hunter22" }) });
    expect(seen.sort()).toEqual(["ci", "hunter22"]);
  });

  it('reads a blinded "[secret]" as an unknown secret only in preview and event-log input', () => {
    expect(toWireValue(["[secret]"], { blindedStrings: true })).toEqual([secret(UNKNOWN)]);
    expect(toWireValue(["[secret]"], { blindedStrings: false })).toEqual(["[secret]"]);
    expect(
      toWireValue({ [SIG_KEY]: SECRET_SIG, ciphertext: "[secret]" }, { blindedStrings: true }),
    ).toEqual(secret(UNKNOWN));
  });

  it("redacts known secrets from report text, longest first, ignoring very short ones", () => {
    const r = new Redactor();
    r.add("hunter22");
    r.add("hunter22-prod");
    r.add("ab");
    expect(r.redact("pw hunter22-prod and hunter22, ab")).toBe("pw [secret] and [secret], ab");
  });
});

describe("stack config", () => {
  it("reads Pulumi.<stack>.yaml, keeping secure values as unknown secrets", () => {
    const file = tmpFile(
      "Pulumi.prod.yaml",
      [
        "encryptionsalt: v1:abc",
        "config:",
        "  aws:region: cn-north-1",
        "  replicas: 3",
        "  fleet:tags:",
        "    team: ml",
        "  fleet:dbPassword:",
        "    secure: v1:AAAABBBB",
        "",
      ].join("\n"),
    );
    expect(readStackConfigFile(file)).toEqual({
      values: { "aws:region": "cn-north-1", replicas: "3", "fleet:tags": '{"team":"ml"}' },
      secretKeys: [],
      unknownSecretKeys: ["fleet:dbPassword"],
    });
  });

  it("names the line and column of invalid YAML, and a missing file", () => {
    let e: unknown;
    try {
      readStackConfigFile(tmpFile("bad.yaml", "config:\n  a: [1,\n"));
    } catch (x) {
      e = x;
    }
    expect(e).toBeInstanceOf(ScanInputError);
    expect((e as ScanInputError).problem).toMatch(
      /^not valid YAML: .*expected a Pulumi\.<stack>\.yaml/,
    );
    expect((e as ScanInputError).position.line).toBe(3);
    expect(() => readStackConfigFile("/nonexistent/Pulumi.x.yaml")).toThrow(/no such file/);
  });

  it("merges layers in order and namespaces keys with the project", () => {
    const merged = mergeConfig("fleet", [
      layerFromInputConfig({ "aws:region": "eu-west-1", token: "[secret]" }, "p.json", ["config"]),
      { ...emptyLayer(), values: { "aws:region": "cn-north-1" } },
      { ...emptyLayer(), values: { token: "from-cli" } },
    ]);
    expect(merged).toEqual({
      config: { "aws:region": "cn-north-1", "fleet:token": "from-cli" },
      secretKeys: [],
      unknownSecretKeys: [],
    });
    const unknown = mergeConfig("fleet", [
      { ...emptyLayer(), values: { "aws:accessKey": "x" } },
      { ...emptyLayer(), unknownSecretKeys: ["aws:accessKey"] },
    ]);
    expect(unknown).toEqual({ config: {}, secretKeys: [], unknownSecretKeys: ["aws:accessKey"] });
  });

  it("parses key=value options and rejects others", () => {
    expect(parseKeyValues(["aws:region=eu-west-1", "a=b=c"], "--config")).toEqual({
      "aws:region": "eu-west-1",
      a: "b=c",
    });
    expect(() => parseKeyValues(["novalue"], "--stack-tags")).toThrow(UsageError);
    expect(() => parseKeyValues(["=x"], "--stack-tags")).toThrow(
      '--stack-tags expects key=value, got "=x"',
    );
  });
});

describe("jsonSyntaxPosition", () => {
  it("accepts valid JSON", () => {
    for (const t of ['{"a":[1,-2.5e3,true,null,"\\u00e9\\n"]}', " 3 ", '""']) {
      expect(jsonSyntaxPosition(t)).toBeUndefined();
    }
  });

  it("points at the first character a parser cannot accept", () => {
    expect(jsonSyntaxPosition('{"a": }')).toEqual({ offset: 6, atEnd: false });
    expect(jsonSyntaxPosition('{"a": [1 2]}')).toEqual({ offset: 9, atEnd: false });
    expect(jsonSyntaxPosition('{"a": 1} x')).toEqual({ offset: 9, atEnd: false });
    expect(jsonSyntaxPosition('{"a": "\\x"}')).toEqual({ offset: 8, atEnd: false });
  });

  it("says when the text ends too early", () => {
    expect(jsonSyntaxPosition('{"a": [1, 2')).toEqual({ offset: 11, atEnd: true });
    expect(jsonSyntaxPosition('{"a": "unterminated')).toEqual({ offset: 19, atEnd: true });
  });
});
