// What the engine does to every message it prints (policy violations included): the plaintext of
// each secret stack config value becomes "[secret]". Pulumi v3.276 pkg/engine/events.go
// makeEventEmitter registers the decrypted `secure:` config values with
// logging.AddGlobalSecretFilter, and policyViolationEvent passes the message through
// logging.FilterString (sdk/go/common/util/logging/log.go): an exact, case-sensitive replacement;
// values shorter than 3 characters and "true"/"false" (any case) are left alone; a value's
// JSON-escaped form is replaced too. Only stack config: a secret resource input the pack echoes
// is printed as it is.

export const SECRET_REPLACEMENT = "[secret]";

/** The engine's filter for these secret config values (the identity when there are none). */
export function secretConfigFilter(
  config: Record<string, string>,
  secretKeys: readonly string[],
): (text: string) => string {
  const needles: string[] = [];
  for (const key of secretKeys) {
    const value = config[key];
    if (value === undefined || value.length < 3) continue;
    if (/^(true|false)$/i.test(value)) continue;
    needles.push(value);
    const escaped = JSON.stringify(value).slice(1, -1);
    if (escaped !== value) needles.push(escaped);
  }
  if (needles.length === 0) return (text) => text;
  // Go's strings.Replacer: at each position the first pair (in order) that matches wins.
  const pattern = new RegExp(
    needles.map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|"),
    "g",
  );
  return (text) => text.replace(pattern, SECRET_REPLACEMENT);
}
