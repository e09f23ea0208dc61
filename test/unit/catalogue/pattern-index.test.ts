// The glob index behind exemptions and service-name globs must find exactly what testing every
// pattern would find, in config order, while probing only the buckets a text's prefix selects.
import picomatch from "picomatch";
import { makeRe } from "minimatch";
import {
  minimatchPrefix,
  PatternIndex,
  picomatchPrefix,
} from "../../../policypack/src/catalogue/pattern-index";

// The options config.ts (exemptions) and provider-matcher.ts (service names) compile with.
const picomatchOptions = { bash: true, dot: true, strictBrackets: true } as const;
const minimatchOptions = {
  nocase: true,
  dot: true,
  nonegate: true,
  nocomment: true,
  noext: true,
  nobrace: true,
  platform: "linux",
} as const;

function exemptionIndex(patterns: readonly string[]): PatternIndex<number> {
  const index = new PatternIndex<number>(picomatchPrefix);
  patterns.forEach((p, i) => index.add(p, i, picomatch(p, picomatchOptions)));
  return index;
}

/** The reference: test every pattern. */
function linear(patterns: readonly string[]): (text: string) => number[] {
  const matchers = patterns.map((p) => picomatch(p, picomatchOptions));
  return (text) => matchers.flatMap((m, i) => (m(text) ? [i] : []));
}

const URN = "urn:pulumi:prod::ml::aws:ec2/instance:Instance::gpu-trainer";

describe("PatternIndex", () => {
  test("a literal pattern matches only its own text", () => {
    const index = exemptionIndex([URN]);
    expect(index.lookup(URN)).toEqual([0]);
    expect(index.lookup(`${URN}-2`)).toEqual([]);
    expect(index.lookup(URN.slice(0, -1))).toEqual([]);
  });

  test("globs among thousands of others with other prefixes match through their literal prefix", () => {
    const patterns = Array.from(
      { length: 2000 },
      (_, i) => `urn:pulumi:stack-${i}::*::aws:ec2/instance:Instance::*`,
    );
    patterns.push("urn:pulumi:prod::*::aws:ec2/*::gpu-*");
    const index = exemptionIndex(patterns);
    expect(index.lookup(URN)).toEqual([2000]);
    expect(index.lookup(URN.replace("prod", "stack-17"))).toEqual([17]);
  });

  test("returns matches in the order the patterns were added, exact and glob mixed", () => {
    const patterns = ["urn:pulumi:prod::*", URN, "*gpu-trainer", "urn:pulumi:other::*", URN];
    expect(exemptionIndex(patterns).lookup(URN)).toEqual([0, 1, 2, 4]);
  });

  test("a glob without literal prefix, a negation and an escaped wildcard behave as in picomatch", () => {
    const patterns = ["*::gpu-trainer", "!urn:pulumi:dev::*", "urn:pulumi:prod::ml::\\*", "{a,b}*"];
    const texts = [URN, "urn:pulumi:dev::x", "urn:pulumi:prod::ml::*", "a1", "b", "c"];
    const index = exemptionIndex(patterns);
    const reference = linear(patterns);
    for (const t of texts) expect(index.lookup(t)).toEqual(reference(t));
  });

  test("agrees with testing every pattern on generated patterns and URNs", () => {
    // Deterministic pseudo-random mix of literal URNs and globs over a few stacks, types and names.
    let seed = 7;
    const next = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const stacks = ["prod", "dev", "prod-eu", "p"];
    const types = ["aws:ec2/instance:Instance", "azure-native:compute:VirtualMachine"];
    const names = ["gpu-1", "gpu-12", "cpu-1", "g"];
    const urn = () => `urn:pulumi:${stacks[next(4)]}::ml::${types[next(2)]}::${names[next(4)]}`;
    const globOf = (u: string) => {
      const cut = next(u.length);
      return [
        u,
        `${u.slice(0, cut)}*`,
        `${u.slice(0, cut)}?${u.slice(cut + 1)}`,
        `*${u.slice(cut)}`,
      ][next(4)] as string;
    };
    const patterns = Array.from({ length: 300 }, () => globOf(urn()));
    const index = exemptionIndex(patterns);
    const reference = linear(patterns);
    for (let i = 0; i < 500; i++) {
      const t = urn();
      expect(index.lookup(t)).toEqual(reference(t));
    }
  });

  test("works with minimatch patterns too (service-name globs)", () => {
    const index = new PatternIndex<string>(minimatchPrefix);
    const add = (p: string) => {
      const re = makeRe(p, minimatchOptions);
      if (re === false) throw new Error(p);
      index.add(p, p, (t) => re.test(t));
    };
    add("com.example.vpce.*.svc-1*");
    add("com.example.vpce.eu-west-1.svc-2");
    expect(index.lookup("com.example.vpce.eu-west-1.svc-12")).toEqual([
      "com.example.vpce.*.svc-1*",
    ]);
    expect(index.lookup("com.example.vpce.eu-west-1.svc-2")).toEqual([
      "com.example.vpce.eu-west-1.svc-2",
    ]);
    expect(index.lookup("com.example")).toEqual([]);
  });

  test.each([
    ["a glob ending in /** matches the text before the slash", "urn:x::logs/**", "urn:x::logs"],
    ["a leading ./ is dropped", "./urn:x::data", "urn:x::data"],
    ["a leading ./ before a glob is dropped", "./urn:x::da*", "urn:x::data"],
  ])("exemptions: %s, as in picomatch", (_what, pattern, text) => {
    expect(picomatch(pattern, picomatchOptions)(text)).toBe(true);
    expect(exemptionIndex([pattern]).lookup(text)).toEqual([0]);
  });

  // Every pattern of up to three of these pieces, against every text of up to 4 characters over
  // "ab/.": what the index finds must be what the matcher itself says.
  const PIECES = ["a", "b", "/", "*", "**", "?", "./", "..", "!", "{a,b}", "\\a", "[a]"];
  const TEXTS = ((): string[] => {
    const out = [""];
    let level = [""];
    for (let n = 1; n <= 4; n++) {
      level = level.flatMap((t) => ["a", "b", "/", "."].map((c) => t + c));
      out.push(...level);
    }
    return out;
  })();
  const PATTERNS = ((): string[] => {
    const out: string[] = [];
    let level = [""];
    for (let n = 1; n <= 3; n++) {
      level = level.flatMap((p) => PIECES.map((piece) => p + piece));
      out.push(...level);
    }
    return out;
  })();

  test("exemptions: agrees with picomatch on every small pattern and text", () => {
    const patterns = PATTERNS;
    const index = exemptionIndex(patterns);
    const reference = linear(patterns);
    for (const t of TEXTS) expect([t, index.lookup(t)]).toEqual([t, reference(t)]);
  });

  test("service names: agrees with minimatch on every small pattern and text", () => {
    const patterns = PATTERNS;
    const index = new PatternIndex<number>(minimatchPrefix);
    const compiled = patterns.map((p) => makeRe(p, minimatchOptions));
    patterns.forEach((p, i) => {
      const re = compiled[i];
      // Literal patterns match exactly their own text, as provider-matcher adds them.
      if (!/[*?[]/.test(p)) index.add(p, i, (t) => t === p);
      else if (re) index.add(p, i, (t) => re.test(t));
    });
    for (const t of TEXTS) {
      const expected = patterns.flatMap((p, i) => {
        if (!/[*?[]/.test(p)) return t === p ? [i] : [];
        const re = compiled[i];
        return re && re.test(t) ? [i] : [];
      });
      expect([t, index.lookup(t)]).toEqual([t, expected]);
    }
  });

  test("an empty index finds nothing and reports its size", () => {
    const index = new PatternIndex<number>(picomatchPrefix);
    expect(index.size).toBe(0);
    expect(index.lookup(URN)).toEqual([]);
    index.add("*", 1, () => true);
    expect(index.size).toBe(1);
    expect(index.lookup("")).toEqual([1]);
  });
});
