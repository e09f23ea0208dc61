// Colour for terminal output: whether a stream gets colour (NO_COLOR, FORCE_COLOR, a terminal) and
// the few styles the reports use. Colours come from picocolors; without colour every style is the
// identity, so the text is the same either way.
//
// A line reaches the terminal only through `Style.render`, the one place that escapes control and
// bidi characters (terminal.ts). Styles do not write ESC into the text they build: a colour style
// marks its spans with tokens that carry a random per-process nonce, and `render` escapes the line
// first, then turns exactly those tokens into picocolors' SGR codes.
import { randomBytes } from "crypto";
import { createColors } from "picocolors";
import type { ReportingLevel } from "../runner/types";
import { escapeControls } from "./terminal";

/** The styles of a report: mandatory red, advisory yellow, pass green, dim for detail. */
export interface Style {
  mandatory(s: string): string;
  advisory(s: string): string;
  pass(s: string): string;
  dim(s: string): string;
  bold(s: string): string;
  /**
   * One line as the terminal gets it: every control and bidi character escaped visibly (a newline
   * too: split multi-line text first), then this style's colours applied.
   */
  render(line: string): string;
}

const identity = (s: string) => s;

export const PLAIN: Style = {
  mandatory: identity,
  advisory: identity,
  pass: identity,
  dim: identity,
  bold: identity,
  render: escapeControls,
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

type StyleName = ReportingLevel | "pass" | "dim" | "bold";

// Printable, so escaping leaves a token intact; unguessable, so input cannot forge one.
const NONCE = randomBytes(12).toString("hex");
const TOKEN = new RegExp(`\u{F8FF}${NONCE}:(\\w+):([01])\u{F8FF}`, "gu");

export function styleFor(enabled: boolean): Style {
  if (!enabled) return PLAIN;
  const c = createColors(true);
  const sgr: Record<StyleName, (s: string) => string> = {
    mandatory: c.red,
    advisory: c.yellow,
    pass: c.green,
    dim: c.dim,
    bold: c.bold,
  };
  // picocolors wraps "\0" in the codes that open and close a style; split them apart once.
  const codes = Object.fromEntries(
    Object.entries(sgr).map(([name, paint]) => [name, paint("\0").split("\0")]),
  ) as Record<StyleName, [string, string]>;
  const mark =
    (name: StyleName) =>
    (s: string): string =>
      `\u{F8FF}${NONCE}:${name}:0\u{F8FF}${s}\u{F8FF}${NONCE}:${name}:1\u{F8FF}`;
  return {
    mandatory: mark("mandatory"),
    advisory: mark("advisory"),
    pass: mark("pass"),
    dim: mark("dim"),
    bold: mark("bold"),
    render: (line) =>
      escapeControls(line).replace(TOKEN, (_, name: string, end: string) => {
        const pair = codes[name as StyleName] as [string, string] | undefined;
        return pair ? pair[end === "0" ? 0 : 1] : "";
      }),
  };
}
