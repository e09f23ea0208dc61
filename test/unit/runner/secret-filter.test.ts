// The runner hides secret stack config values in messages the way the engine's
// logging.FilterString does (cli/runner/secret-filter.ts).
import { secretConfigFilter } from "../../../cli/runner/secret-filter";

const config = {
  "aws:region": "cn-northwest-1",
  "app:flag": "true",
  "app:short": "ab",
  "app:quoted": 'say "hi"',
  "app:plain": "eu-west-1",
};

test("replaces each secret config value, exactly and case-sensitively, with [secret]", () => {
  const filter = secretConfigFilter(config, ["aws:region"]);
  expect(filter('Where: cn-northwest-1; add "cn-northwest-1" to allowedRegions')).toBe(
    'Where: [secret]; add "[secret]" to allowedRegions',
  );
  expect(filter("CN-NORTHWEST-1 stays, as in the engine")).toBe(
    "CN-NORTHWEST-1 stays, as in the engine",
  );
});

test("leaves values that are not secret, shorter than 3 characters, or true/false", () => {
  const filter = secretConfigFilter(config, ["app:flag", "app:short", "app:missing"]);
  expect(filter("true ab eu-west-1")).toBe("true ab eu-west-1");
  expect(secretConfigFilter(config, [])("eu-west-1")).toBe("eu-west-1");
});

test("replaces a value's JSON-escaped form too", () => {
  const filter = secretConfigFilter(config, ["app:quoted"]);
  expect(filter('{"v":"say \\"hi\\""} and say "hi"')).toBe('{"v":"[secret]"} and [secret]');
});
