// One input, opened once and read once: `-` is stdin, anything else a path (a regular file, a FIFO,
// /dev/stdin). Format detection looks at the buffered head; the reader then continues the same
// stream from its start, so nothing read from a pipe is lost.
//
// A gzip-compressed file (a DIY backend's `<stack>.json.gz`, PULUMI_DIY_BACKEND_GZIP) is recognised
// from its first bytes and decompressed as it streams; a zstd-compressed one (`.json.zst`,
// PULUMI_DIY_BACKEND_ZSTD) too where this Node has zstd in zlib, else it is an input error with the
// fix.
import * as fs from "fs";
import { pipeline } from "stream";
import * as zlib from "zlib";
import { readError, ScanInputError } from "./errors";

export type Compression = "gzip" | "zstd";

const GZIP_MAGIC = [0x1f, 0x8b];
const ZSTD_MAGIC = [0x28, 0xb5, 0x2f, 0xfd];

/** The compression of a regular file, from its first bytes (undefined: not compressed). */
export function compressionOf(file: string): Compression | undefined {
  let fd: number;
  try {
    // Only a regular file: opening a FIFO would wait for its writer, and reading it would lose bytes.
    if (!fs.statSync(file).isFile()) return undefined;
    fd = fs.openSync(file, "r");
  } catch {
    return undefined; // the read reports it, naming the file
  }
  try {
    const head = Buffer.alloc(4);
    const n = fs.readSync(fd, head, 0, 4, 0);
    const starts = (magic: number[]) => n >= magic.length && magic.every((b, i) => head[i] === b);
    if (starts(GZIP_MAGIC)) return "gzip";
    if (starts(ZSTD_MAGIC)) return "zstd";
    return undefined;
  } finally {
    fs.closeSync(fd);
  }
}

/** zlib's zstd decompressor (Node >= 22.15), when this Node has one. */
function zstdDecompressor(): NodeJS.ReadWriteStream | undefined {
  const make = (zlib as unknown as { createZstdDecompress?: () => NodeJS.ReadWriteStream })
    .createZstdDecompress;
  return make?.();
}

function decompressed(file: string, raw: fs.ReadStream, compression: Compression) {
  const inflate = compression === "gzip" ? zlib.createGunzip() : zstdDecompressor();
  if (inflate === undefined) {
    raw.destroy();
    throw new ScanInputError(
      file,
      `cannot read the file: it is zstd-compressed (PULUMI_DIY_BACKEND_ZSTD), which Node ${process.version} cannot decompress; ` +
        "run the scan with Node 22.15 or later, or decompress it first (`zstd -d FILE`)",
    );
  }
  // A read error of the file reaches the decompressor, and so the reader.
  pipeline(raw, inflate, () => undefined);
  return inflate;
}

/** How much of the start detection may look at (it needs the first line of an event log). */
const HEAD_LIMIT = 1024 * 1024;

export const STDIN = "-";

export class InputSource {
  private readonly buffered: string[] = [];
  /** How the file is compressed (decompressed as it is read), if it is. */
  readonly compression: Compression | undefined;
  private readonly it: AsyncIterator<string>;
  private done = false;
  /** The read size it was opened with (a reopened source reads in the same chunks). */
  private chunkSize = 256 * 1024;

  private constructor(
    readonly file: string,
    private readonly stream: NodeJS.ReadableStream & { destroy?: () => void },
    compression?: Compression,
  ) {
    this.compression = compression;
    stream.setEncoding("utf8");
    this.it = stream[Symbol.asyncIterator]() as AsyncIterator<string>;
  }

  static open(file: string, chunkSize = 256 * 1024): InputSource {
    // /dev/stdin is stdin too (opening it fails when stdin is a socket, as Node's spawn makes it).
    if (file === STDIN || file === "/dev/stdin") return new InputSource(file, process.stdin);
    const raw = fs.createReadStream(file, { highWaterMark: chunkSize });
    const compression = compressionOf(file);
    const source =
      compression === undefined
        ? new InputSource(file, raw)
        : new InputSource(file, decompressed(file, raw, compression), compression);
    source.chunkSize = chunkSize;
    return source;
  }

  /** Whether the input can be opened again and read from its start (a regular file, compressed or not). */
  get reopenable(): boolean {
    if (this.file === STDIN || this.file === "/dev/stdin") return false;
    try {
      return fs.statSync(this.file).isFile();
    } catch {
      return false;
    }
  }

  /** The same input opened again, to be read from its start (see `reopenable`). */
  reopen(): InputSource {
    return InputSource.open(this.file, this.chunkSize);
  }

  /** Whether the input can be read again from its start (a regular file, for error positions). */
  get rereadable(): boolean {
    if (this.file === STDIN || this.file === "/dev/stdin") return false;
    // Positions are in the decompressed text, which a re-read of the file would not see.
    if (this.compression !== undefined) return false;
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
