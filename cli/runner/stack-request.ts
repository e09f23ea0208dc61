// The AnalyzeStack request, assembled from resources encoded one at a time.
//
// Protobuf encodes a repeated message field as its elements one after another, each as
// tag (field 1, length-delimited: 0x0a) + varint length + the element's own bytes. So the bytes of
// `AnalyzeStackRequest { resources: [a, b, …] }` are exactly the concatenation of each
// `AnalyzerResource`'s framed `serializeBinary()`, and the request can be built while resources are
// analysed: each is encoded as soon as its final properties are known, then only its bytes are
// kept (plus its URN, type and name, to word the findings AnalyzeStack reports against it).
// Building one `AnalyzeStackRequest` object instead holds a protobuf object graph per resource
// (a `Value` per property) and then a serializer's working copy of all of it, alongside the
// resources themselves: about 1 GB each for 100k resources.
import { toAnalyzerStackResource, resourceName } from "./protocol";
import type { EngineResource } from "./types";

/** What findings need of a resource of the stack (`Finding.resourceType` and `resourceName`). */
export interface StackResourceInfo {
  type: string;
  name: string;
}

/** Tag of `AnalyzeStackRequest.resources`: field 1, wire type 2 (length-delimited). */
const RESOURCES_TAG = 0x0a;
/** Encoded resources are packed into chunks of this size (fewer, larger allocations). */
const CHUNK_BYTES = 1 << 20;

function varintLength(n: number): number {
  let len = 1;
  while (n >= 0x80) {
    n = Math.floor(n / 0x80);
    len++;
  }
  return len;
}

function writeVarint(buf: Uint8Array, offset: number, n: number): number {
  while (n >= 0x80) {
    buf[offset++] = (n % 0x80) | 0x80;
    n = Math.floor(n / 0x80);
  }
  buf[offset++] = n;
  return offset;
}

/**
 * `AnalyzeStackRequest` as bytes, one resource at a time. Reserve a position per resource in
 * input order (`reserve`), fill it when the resource's final form is known (`set`, any order),
 * then send `toBuffer()` (PolicyPackSession.analyzeStackRequest).
 */
export class StackRequest {
  private parts: (Uint8Array | undefined)[] = [];
  private chunk: Uint8Array = new Uint8Array(0);
  private used = 0;
  private bytes = 0;
  private missing = 0;
  private sent = false;
  private readonly info = new Map<string, StackResourceInfo>();

  /** Resources in the request (reserved positions included). */
  get length(): number {
    return this.parts.length;
  }

  /** Size of the request so far, in bytes. */
  get byteLength(): number {
    return this.bytes;
  }

  /** Keep the next position for `r` (input order); returns it, for `set`. */
  reserve(r: Pick<EngineResource, "urn" | "type" | "name">): number {
    if (this.sent) throw new Error("internal error: the AnalyzeStack request was already sent");
    this.info.set(r.urn, { type: r.type, name: resourceName(r) });
    this.parts.push(undefined);
    this.missing++;
    return this.parts.length - 1;
  }

  /**
   * Encode `r` at `position`: its outputs (its inputs when it has none, as in preview), options,
   * relations and `provider` (the provider resource, whose inputs are sent), as the engine does.
   */
  set(position: number, r: EngineResource, provider: EngineResource | undefined): void {
    if (this.sent) throw new Error("internal error: the AnalyzeStack request was already sent");
    if (position < 0 || position >= this.parts.length)
      throw new Error(`internal error: no AnalyzeStack position ${position}`);
    const body = toAnalyzerStackResource(r, r.outputs ?? r.inputs, provider).serializeBinary();
    const size = 1 + varintLength(body.length) + body.length;
    const part = this.allocate(size);
    part[0] = RESOURCES_TAG;
    part.set(body, writeVarint(part, 1, body.length));
    const previous = this.parts[position];
    if (previous === undefined) this.missing--;
    else this.bytes -= previous.length;
    this.parts[position] = part;
    this.bytes += size;
    this.info.set(r.urn, { type: r.type, name: resourceName(r) });
  }

  /** `reserve` and `set` at once. */
  add(r: EngineResource, provider: EngineResource | undefined): void {
    this.set(this.reserve(r), r, provider);
  }

  /** Type and name of a resource of the request (what a finding against it shows). */
  resource(urn: string): StackResourceInfo | undefined {
    return this.info.get(urn);
  }

  /**
   * The serialized `AnalyzeStackRequest`. Releases the encoded parts (the request can be sent
   * once); `resource()` keeps answering.
   */
  toBuffer(): Buffer {
    if (this.sent) throw new Error("internal error: the AnalyzeStack request was already sent");
    if (this.missing > 0) {
      throw new Error(
        `internal error: ${this.missing} of ${this.parts.length} resources were not encoded for AnalyzeStack`,
      );
    }
    const out = Buffer.allocUnsafe(this.bytes);
    let offset = 0;
    for (const part of this.parts) {
      if (part === undefined) continue;
      out.set(part, offset);
      offset += part.length;
    }
    this.sent = true;
    this.parts = [];
    this.chunk = new Uint8Array(0);
    this.used = 0;
    return out;
  }

  private allocate(size: number): Uint8Array {
    // A resource larger than a chunk gets its own buffer.
    if (size > CHUNK_BYTES / 4) return new Uint8Array(size);
    if (this.used + size > this.chunk.length) {
      this.chunk = new Uint8Array(CHUNK_BYTES);
      this.used = 0;
    }
    const part = this.chunk.subarray(this.used, this.used + size);
    this.used += size;
    return part;
  }
}
