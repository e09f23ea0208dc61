// Where a JSON text stops being valid: the 0-based offset of the first character a JSON parser
// cannot accept (the text's length when it ends too early). `JSON.parse` does not say where on
// every Node version, and event-log errors must name the column.

const WS = new Set([" ", "\t", "\n", "\r"]);

export interface JsonSyntaxPosition {
  offset: number;
  /** True when the text ended before the value was complete. */
  atEnd: boolean;
}

class Failure {
  constructor(readonly offset: number) {}
}

/** The first syntax error in `text`, or undefined when it is one valid JSON value. */
export function jsonSyntaxPosition(text: string): JsonSyntaxPosition | undefined {
  let i = 0;
  const fail = (at = i): never => {
    throw new Failure(at);
  };
  const ws = () => {
    while (i < text.length && WS.has(text[i] ?? "")) i++;
  };
  const literal = (word: string) => {
    for (const ch of word) {
      if (text[i] !== ch) fail();
      i++;
    }
  };
  const string = () => {
    i++; // opening quote
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        i++;
        return;
      }
      if (c < 0x20) fail();
      if (c === 0x5c) {
        const e = text[i + 1];
        if (e === undefined) fail(i + 1);
        if (e === "u") {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) fail(i + 2);
          i += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i += 2;
        else fail(i + 1);
        continue;
      }
      i++;
    }
    fail();
  };
  const number = () => {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i));
    if (!m || m[0] === "" || m[0] === "-") fail(i + (m?.[0].length ?? 0));
    i += m?.[0].length ?? 0;
  };
  const value = (): void => {
    ws();
    const c = text[i];
    if (c === "{") {
      i++;
      ws();
      if (text[i] === "}") {
        i++;
        return;
      }
      for (;;) {
        ws();
        if (text[i] !== '"') fail();
        string();
        ws();
        if (text[i] !== ":") fail();
        i++;
        value();
        ws();
        if (text[i] === ",") {
          i++;
          continue;
        }
        if (text[i] === "}") {
          i++;
          return;
        }
        fail();
      }
    }
    if (c === "[") {
      i++;
      ws();
      if (text[i] === "]") {
        i++;
        return;
      }
      for (;;) {
        value();
        ws();
        if (text[i] === ",") {
          i++;
          continue;
        }
        if (text[i] === "]") {
          i++;
          return;
        }
        fail();
      }
    }
    if (c === '"') return string();
    if (c === "t") return literal("true");
    if (c === "f") return literal("false");
    if (c === "n") return literal("null");
    if (c === "-" || (c !== undefined && c >= "0" && c <= "9")) return number();
    fail();
  };
  try {
    value();
    ws();
    if (i < text.length) fail();
    return undefined;
  } catch (e) {
    if (!(e instanceof Failure)) throw e;
    return { offset: e.offset, atEnd: e.offset >= text.length };
  }
}
