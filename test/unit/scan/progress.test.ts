// The progress line on stderr: rewritten in place, at most ten times a second while resources are
// analysed, always when AnalyzeStack starts, cleared at the end, and nothing when disabled (stderr
// not a terminal, or --no-progress). The clock is Jest's, so no test depends on timing.
import { progressReporter } from "../../../cli/commands/scan";

function capture(): { stderr: NodeJS.WritableStream; writes: string[] } {
  const writes: string[] = [];
  const stderr = {
    write: (s: string) => {
      writes.push(s);
      return true;
    },
  } as unknown as NodeJS.WritableStream;
  return { stderr, writes };
}

const CLEAR = "\r\u001b[K";

describe("progressReporter", () => {
  beforeEach(() => {
    jest.useFakeTimers();
    jest.setSystemTime(1_000_000);
  });
  afterEach(() => jest.useRealTimers());

  it("rewrites one line, at most every 100 ms, and always for AnalyzeStack", () => {
    const { stderr, writes } = capture();
    const progress = progressReporter({ stderr }, true);
    progress.update("stack.json", 1, 0);
    jest.setSystemTime(1_000_050);
    progress.update("stack.json", 2, 0);
    jest.setSystemTime(1_000_100);
    progress.update("stack.json", 3, 1);
    jest.setSystemTime(1_000_120);
    progress.update("stack.json", 4, 1, "analyzeStack");
    progress.clear();
    expect(writes).toEqual([
      `${CLEAR}stack.json: 1 resource analysed, 0 findings`,
      `${CLEAR}stack.json: 3 resources analysed, 1 finding`,
      `${CLEAR}stack.json: 4 resources analysed, 1 finding; AnalyzeStack over the whole stack`,
      CLEAR,
    ]);
  });

  it("writes nothing when disabled, not even the clearing sequence", () => {
    const { stderr, writes } = capture();
    const progress = progressReporter({ stderr }, false);
    progress.update("stack.json", 1, 0);
    progress.update("stack.json", 1, 0, "analyzeStack");
    progress.clear();
    expect(writes).toEqual([]);
  });
});
