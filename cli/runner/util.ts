// Small helpers shared by the runner and the program capture.
import * as v8 from "v8";
import * as vm from "vm";

/** Run `fn` over `items` with at most `limit` in flight; results keep the input order. */
export async function mapLimit<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i] as T, i);
    }
  };
  const workers = Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker);
  await Promise.all(workers);
  return results;
}

/** Split a stream of chunks into lines, calling `onLine` for each complete line. */
export function lineSplitter(onLine: (line: string) => void): {
  push(chunk: string): void;
  flush(): void;
} {
  let buffer = "";
  return {
    push(chunk: string) {
      buffer += chunk;
      let nl = buffer.indexOf("\n");
      while (nl >= 0) {
        onLine(buffer.slice(0, nl).replace(/\r$/, ""));
        buffer = buffer.slice(nl + 1);
        nl = buffer.indexOf("\n");
      }
    },
    flush() {
      if (buffer !== "") onLine(buffer);
      buffer = "";
    },
  };
}

export function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** Above this much heap, a forced full garbage collection is worth its time. */
const LARGE_HEAP = 192 * 1024 * 1024;
let gcFunction: (() => void) | undefined;

/**
 * Full garbage collections now, if this thread's heap has grown large, until it stops shrinking
 * (each one compacts only part of a fragmented heap). For a thread that is about to wait while
 * another works: V8 collects as memory is allocated, so an idle thread keeps what it had grown to.
 */
export function collectLargeGarbage(maxRounds = 3): void {
  let size = v8.getHeapStatistics().total_heap_size;
  if (size < LARGE_HEAP) return;
  if (gcFunction === undefined) {
    const exposed = (globalThis as { gc?: () => void }).gc;
    if (typeof exposed === "function") {
      gcFunction = exposed;
    } else {
      // `gc` of a fresh context, exposed only while that context is created.
      v8.setFlagsFromString("--expose-gc");
      gcFunction = vm.runInNewContext("gc") as () => void;
      v8.setFlagsFromString("--no-expose-gc");
    }
  }
  for (let round = 0; round < maxRounds; round++) {
    gcFunction();
    const after = v8.getHeapStatistics().total_heap_size;
    if (size - after < 16 * 1024 * 1024) return;
    size = after;
  }
}
