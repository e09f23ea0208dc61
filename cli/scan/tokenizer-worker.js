// Tokenizer thread for `jurisdiction-guard scan` (see json-stream.ts): receives one JSON input in
// chunks from the main thread (which reads it once, stdin included), tokenizes it with stream-json's tokenizer one line at a time (so every token carries
// the line it is on), and posts the tokens in compact batches. The next chunk is read only when
// the main thread sends it, which is the backpressure of the whole scan.
//
// Plain CommonJS on purpose: it runs in a worker thread, outside ts-node and outside Jest's module
// registry, where Node's own `require` can load stream-json (an ES module) - natively since Node
// 20.19 / 22.12, through a dynamic import before that.
"use strict";
const { parentPort, workerData } = require("worker_threads");

const NONE = Symbol.for("object-stream.none");

async function loadStreamJson() {
  const ids = ["stream-json/core/parser.js", "stream-json/file/verifier.js"];
  try {
    // Both in one tick: Node 20's require(esm) can fail on a second graph loaded after an await.
    const [parser, verifier] = ids.map((id) => require(id));
    return { jsonParser: parser.jsonParser, verifyFile: verifier.verifyFile };
  } catch (e) {
    if (!e || e.code !== "ERR_REQUIRE_ESM") throw e;
    const { pathToFileURL } = require("url");
    const [parser, verifier] = await Promise.all(
      ids.map((id) => import(pathToFileURL(require.resolve(id)).href)),
    );
    return { jsonParser: parser.jsonParser, verifyFile: verifier.verifyFile };
  }
}

function tokensOf(out) {
  if (out === NONE || out === undefined || out === null) return [];
  if (Array.isArray(out.values)) return out.values;
  if (typeof out.name === "string") return [out];
  return [];
}

function nextRequest() {
  return new Promise((resolve) => parentPort.once("message", resolve));
}

async function main() {
  const { verifyPath, maxPiece, codes: CODES } = workerData;
  const WITH_VALUE = new Set([CODES.keyValue, CODES.stringValue, CODES.numberValue]);
  const { jsonParser, verifyFile } = await loadStreamJson();
  const tokenize = jsonParser({ packValues: true, streamValues: false, jsonStreaming: false });
  let line = 1;
  let first = true;
  let sawContent = false;

  let codes = [];
  let lines = [];
  let values = [];
  const push = (tokens, tokenLine) => {
    for (const t of tokens) {
      const code = CODES[t.name];
      if (code === undefined) continue;
      codes.push(code);
      lines.push(tokenLine);
      if (WITH_VALUE.has(code)) values.push(t.value);
    }
  };
  const post = async (last) => {
    const batch = {
      kind: "batch",
      codes: Uint8Array.from(codes),
      lines: Int32Array.from(lines),
      values,
      last,
    };
    codes = [];
    lines = [];
    values = [];
    parentPort.postMessage(batch, [batch.codes.buffer, batch.lines.buffer]);
  };
  const syntaxError = async (e, atEnd) => {
    let position = { line };
    // The exact column comes from stream-json's verifier, which reads the input from its start:
    // possible for a regular file only (a pipe has been consumed; its error names the line).
    if (verifyPath !== undefined) {
      try {
        await verifyFile(verifyPath);
      } catch (v) {
        if (v && typeof v.line === "number") {
          position = { line: v.line, column: typeof v.pos === "number" ? v.pos : undefined };
        }
      }
    }
    parentPort.postMessage({
      kind: "syntax",
      message: e instanceof Error ? e.message : String(e),
      atEnd,
      line: position.line,
      column: position.column,
      codes: Uint8Array.from(codes),
      lines: Int32Array.from(lines),
      values,
    });
  };

  for (;;) {
    const m = await nextRequest();
    if (m.kind === "chunk") {
      let text = m.text;
      if (first && text.length > 0) {
        first = false;
        if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      }
      try {
        let start = 0;
        while (start < text.length) {
          const nl = text.indexOf("\n", start);
          const end = nl < 0 ? text.length : nl + 1;
          for (let p = start; p < end; p += maxPiece) {
            const piece = text.slice(p, Math.min(end, p + maxPiece));
            if (!sawContent && piece.trim() !== "") sawContent = true;
            push(tokensOf(tokenize(piece)), line);
          }
          if (nl >= 0) line++;
          start = end;
        }
      } catch (e) {
        await syntaxError(e, false);
        return;
      }
      await post(false);
      continue;
    }
    if (!sawContent) {
      parentPort.postMessage({ kind: "empty" });
      return;
    }
    try {
      push(tokensOf(tokenize(NONE)), line);
    } catch (e) {
      await syntaxError(e, true);
      return;
    }
    await post(true);
    parentPort.postMessage({ kind: "end", line });
    return;
  }
}

main().catch((e) => {
  parentPort.postMessage({
    kind: "crash",
    message: e instanceof Error ? e.stack || e.message : String(e),
  });
});
