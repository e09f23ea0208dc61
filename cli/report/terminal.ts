// Text for a terminal (or a file someone will `cat`): nothing that came from an input may steer the
// terminal. Resource names, URNs, types, messages, file names and pack logs can hold ESC sequences
// (erase a line, move the cursor, OSC-8 links, retitle the window), CR, BEL, backspace, or bidi
// overrides that reorder what is shown; printed raw, a name could erase a violation and print a
// green "Result: PASS" in its place.
//
// The rule: every C0 control (U+0000-U+001F, newline and tab included), DEL (U+007F), every C1
// control (U+0080-U+009F), the bidi controls (U+061C, U+200E, U+200F, U+202A-U+202E,
// U+2066-U+2069) and the line/paragraph separators (U+2028, U+2029) are written visibly as
// `\uXXXX` (four lower-case hex digits, as JSON writes them): ESC is `\u001b`, a newline `\u000a`.
// Reports are line-oriented, so each line is escaped on its own and joined with real newlines.
//
// Our own colours survive because a colour style never writes ESC into the text it builds: it
// marks styled spans with tokens carrying a random per-process nonce (see style.ts), and `render`
// turns exactly those tokens into SGR codes after the text is escaped. Input cannot forge a token
// it cannot guess, and whatever it holds is escaped before any colour is added.

const UNSAFE =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const hex4 = (c: string) => `\\u${(c.codePointAt(0) ?? 0).toString(16).padStart(4, "0")}`;

/** One line of terminal text with every control and bidi character written as `\uXXXX`. */
export function escapeControls(line: string): string {
  return line.replace(UNSAFE, hex4);
}

/** Several lines (split at "\n"), each escaped, joined with real newlines. */
export function escapeLines(text: string): string {
  return text.split("\n").map(escapeControls).join("\n");
}
