// The region of a profile in the shared AWS config file (`AWS_CONFIG_FILE` or ~/.aws/config), the
// last step of AWS region resolution. Reading is best effort: a missing or unreadable file, or a
// profile without `region`, gives `undefined`; this module never throws.
import { readFileSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { parse } from "ini";

export const DEFAULT_AWS_PROFILE = "default";

/** The shared config file the AWS SDKs read: `AWS_CONFIG_FILE`, else `~/.aws/config`. */
export function awsConfigFilePath(env: Readonly<Record<string, string | undefined>>): string {
  const home = env.HOME || env.USERPROFILE || safeHomedir();
  const configured = env.AWS_CONFIG_FILE?.trim();
  if (configured) {
    if (configured === "~") return home;
    if (configured.startsWith("~/")) return join(home, configured.slice(2));
    return configured;
  }
  return join(home, ".aws", "config");
}

/**
 * The `region` of `profile` (else `AWS_PROFILE`, else `default`) in the shared config file.
 * Sections follow the SDKs: `[default]` (or `[profile default]`) and `[profile NAME]`.
 */
export function readAwsProfileRegion(
  profile: string | undefined,
  env: Readonly<Record<string, string | undefined>>,
): { region: string; file: string } | undefined {
  try {
    const name = profile?.trim() || env.AWS_PROFILE?.trim() || DEFAULT_AWS_PROFILE;
    const file = awsConfigFilePath(env);
    const sections = flattenSections(parse(readFileSync(file, "utf8")));
    const candidates =
      name === DEFAULT_AWS_PROFILE ? [`profile ${name}`, name] : [`profile ${name}`];
    for (const candidate of candidates) {
      const region = sections.get(candidate)?.get("region");
      if (region) return { region, file };
    }
    return undefined;
  } catch {
    return undefined;
  }
}

function safeHomedir(): string {
  try {
    return homedir();
  } catch {
    return "";
  }
}

/**
 * The `ini` package nests sections whose names contain dots (`[profile a.b]` becomes
 * `{"profile a": {b: {...}}}`); this turns the parse result back into "section name" -> keys, with
 * runs of whitespace in section names collapsed as the SDKs do.
 */
function flattenSections(parsed: Record<string, unknown>): Map<string, Map<string, string>> {
  const out = new Map<string, Map<string, string>>();
  const visit = (node: Record<string, unknown>, section: string | undefined): void => {
    for (const [key, value] of Object.entries(node)) {
      if (value !== null && typeof value === "object" && !Array.isArray(value)) {
        const child = section === undefined ? key : `${section}.${key}`;
        visit(value as Record<string, unknown>, child);
      } else if (section !== undefined && typeof value === "string") {
        const name = section.trim().replace(/\s+/g, " ");
        let keys = out.get(name);
        if (!keys) out.set(name, (keys = new Map()));
        const trimmed = value.trim();
        if (trimmed !== "") keys.set(key.trim().toLowerCase(), trimmed);
      }
    }
  };
  visit(parsed, undefined);
  return out;
}
