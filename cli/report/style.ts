// Colour for terminal output: whether a stream gets colour (NO_COLOR, FORCE_COLOR, a terminal) and
// the few styles the reports use. Colours come from picocolors; without colour every style is the
// identity, so the text is the same either way.
import { createColors } from "picocolors";

/** The styles of a report: mandatory red, advisory yellow, pass green, dim for detail. */
export interface Style {
  mandatory(s: string): string;
  advisory(s: string): string;
  pass(s: string): string;
  dim(s: string): string;
  bold(s: string): string;
}

const identity = (s: string) => s;

export const PLAIN: Style = {
  mandatory: identity,
  advisory: identity,
  pass: identity,
  dim: identity,
  bold: identity,
};

/**
 * Colour for `stream`? NO_COLOR (non-empty) turns it off (https://no-color.org); FORCE_COLOR
 * (non-empty) turns it on even on a pipe, except FORCE_COLOR=0 or false, which turn it off, as in
 * Node.js and chalk; otherwise only on a terminal that is not TERM=dumb.
 */
export function colorEnabled(
  stream: { isTTY?: boolean },
  env: Readonly<Record<string, string | undefined>>,
): boolean {
  if ((env["NO_COLOR"] ?? "") !== "") return false;
  const force = env["FORCE_COLOR"] ?? "";
  if (force !== "") return force !== "0" && force.toLowerCase() !== "false";
  return stream.isTTY === true && env["TERM"] !== "dumb";
}

export function styleFor(enabled: boolean): Style {
  if (!enabled) return PLAIN;
  const c = createColors(true);
  return { mandatory: c.red, advisory: c.yellow, pass: c.green, dim: c.dim, bold: c.bold };
}
