// One input, opened once and read once: `-` is stdin, anything else a path (a regular file, a FIFO,
// /dev/stdin). Format detection looks at the buffered head; the reader then continues the same
// stream from its start, so nothing read from a pipe is lost.
import * as fs from "fs";
import { readError } from "./errors";

/** How much of the start detection may look at (it needs the first line of an event log). */
const HEAD_LIMIT = 1024 * 1024;

export const STDIN = "-";

export class InputSource {
  private readonly buffered: string[] = [];
  private readonly it: AsyncIterator<string>;
  private done = false;

  private constructor(
    readonly file: string,
    private readonly stream: NodeJS.ReadableStream & { destroy?: () => void },
  ) {
    stream.setEncoding("utf8");
    this.it = stream[Symbol.asyncIterator]() as AsyncIterator<string>;
  }

  static open(file: string, chunkSize = 256 * 1024): InputSource {
    // /dev/stdin is stdin too (opening it fails when stdin is a socket, as Node's spawn makes it).
    if (file === STDIN || file === "/dev/stdin") return new InputSource(file, process.stdin);
    return new InputSource(file, fs.createReadStream(file, { highWaterMark: chunkSize }));
  }

  /** Whether the input can be read again from its start (a regular file, for error positions). */
  get rereadable(): boolean {
    if (this.file === STDIN || this.file === "/dev/stdin") return false;
    try {
      return fs.statSync(this.file).isFile();
    } catch {
      return false;
    }
  }

  private async next(): Promise<string | undefined> {
    if (this.done) return undefined;
    let r: IteratorResult<string>;
    try {
      r = await this.it.next();
    } catch (e) {
      throw readError(this.file, e);
    }
    if (r.done) {
      this.done = true;
      return undefined;
    }
    return r.value;
  }

  /** The start of the input: up to its first line after leading blanks, within 1 MiB. */
  async head(): Promise<string> {
    let head = this.buffered.join("");
    for (;;) {
      const start = head.search(/\S/);
      if (head.length >= HEAD_LIMIT || (start >= 0 && head.indexOf("\n", start) >= 0)) break;
      const chunk = await this.next();
      if (chunk === undefined) break;
      this.buffered.push(chunk);
      head += chunk;
    }
    return head;
  }

  /** The whole input in chunks, from its start (what head() buffered first). */
  async *chunks(): AsyncGenerator<string> {
    try {
      for (;;) {
        const chunk = this.buffered.shift() ?? (await this.next());
        if (chunk === undefined) return;
        yield chunk;
      }
    } finally {
      this.close();
    }
  }

  close(): void {
    if (this.stream !== process.stdin) this.stream.destroy?.();
  }
}
