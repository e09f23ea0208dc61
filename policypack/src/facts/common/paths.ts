// Building compute extractors from property-path patterns, for the clouds whose kinds only name
// instance types at fixed places (Google Cloud, the listed providers' clouds, classic Azure), and
// adapting an existing extractor to a nested object (`under`) so another package whose props
// wrap the same shape (aws-native `launchTemplateData`, `spotFleetRequestConfigData`) reuses it.
//
// Patterns use `[]` for "every item of this list": `guestAccelerators[].type`; a pattern that
// ends in `[]` is itself a list of types: `instanceTypes[]`. Reported paths carry real indexes.
import type { Classifier, ComputeExtractor } from "../compute";
import { ComputeCollector } from "../compute";
import type { ComputeFacts } from "../types";
import type { Props } from "../../values";
import {
  Computed,
  decodeJsonContainer,
  isRecord,
  read,
  readList,
  readString,
  unwrap,
} from "../../values";

/** One reading step of an extractor. */
export type Part = (c: ComputeCollector, root: unknown) => void;

/** A leaf reader: what to do at the end of a pattern. */
export type Leaf = (c: ComputeCollector, root: unknown, path: string, base: string) => void;

const EMPTY: ComputeFacts = { accelerators: [], computed: [] };

/** Calls `leaf` at every place `pattern` names below `root`. */
export function walk(
  c: ComputeCollector,
  root: unknown,
  pattern: string,
  base: string,
  leaf: Leaf,
): void {
  const i = pattern.indexOf("[].");
  if (i < 0) {
    leaf(c, root, pattern.endsWith("[]") ? pattern.slice(0, -2) : pattern, base);
    return;
  }
  const { items, computed } = readList(root, pattern.slice(0, i), base);
  if (computed) c.computed(computed.path);
  for (const it of items) walk(c, it.value, pattern.slice(i + 3), it.path, leaf);
}

/** Instance types at each pattern (a trailing `[]` marks a list of them). */
export function typesAt(...patterns: string[]): Part {
  return (c, root) => {
    for (const p of patterns) {
      walk(c, root, p, "", (col, r, path, base) =>
        p.endsWith("[]") ? void col.types(r, path, base) : void col.type(r, path, base),
      );
    }
  };
}

/** Values at each pattern classified by another classifier than the extractor's own. */
export function classifiedAt(classify: Classifier, ...patterns: string[]): Part {
  return (c, root) => {
    const other = new ComputeCollector(classify);
    typesAt(...patterns)(other, root);
    mergeInto(c, other.result());
  };
}

/**
 * A property naming another resource that selects the hardware (`versions[].instanceTemplate`):
 * a link followed at AnalyzeStack to one of `targetTypes`, written or computed alike.
 */
export function linksAt(targetTypes: readonly string[], ...patterns: string[]): Part {
  return (c, root) => {
    for (const p of patterns) {
      const via = p.split(/[.[]/)[0] ?? p;
      walk(c, root, p, "", (col, r, path, base) => {
        const v = readString(r, path, base);
        const at = base ? `${base}.${path}` : path;
        if (v instanceof Computed) col.link({ path: at, via: [via], targetTypes, written: [] });
        else if (v !== undefined && v.trim() !== "")
          col.link({ path: at, via: [via], targetTypes, written: [v] });
      });
    }
  };
}

/** An extractor that classifies with `classify` and runs `parts` in order. */
export function extractor(classify: Classifier, ...parts: Part[]): ComputeExtractor {
  return (props) => {
    const c = new ComputeCollector(classify);
    const root = unwrap(props);
    for (const part of parts) part(c, root);
    return c.result();
  };
}

export function mergeInto(c: ComputeCollector, facts: ComputeFacts): void {
  for (const use of facts.accelerators) c.use(use);
  for (const path of facts.computed) c.computed(path);
  for (const link of facts.links ?? []) c.link(link);
}

/** Every extractor's facts together. */
export function merged(...extractors: ComputeExtractor[]): ComputeExtractor {
  return (props) => {
    const facts = extractors.map((x) => x(props));
    const links = facts.flatMap((f) => f.links ?? []);
    return {
      accelerators: facts.flatMap((f) => f.accelerators),
      computed: [...new Set(facts.flatMap((f) => f.computed))],
      ...(links.length > 0 ? { links } : {}),
    };
  };
}

function prefixed(base: string, path: string): string {
  if (path === "") return base;
  return path.startsWith("[") ? `${base}${path}` : `${base}.${path}`;
}

/** The facts of `inner` applied to the object at `base`, with paths reported from the root. */
export function under(base: string, inner: ComputeExtractor): ComputeExtractor {
  return (props) => {
    const sub = read(props, base);
    if (sub instanceof Computed) return { accelerators: [], computed: [sub.path] };
    const decoded = decodeJsonContainer(sub);
    if (!isRecord(decoded)) return EMPTY;
    const facts = inner(unwrap(decoded) as Props);
    const via = [base.split(/[.[]/)[0] ?? base];
    const links = (facts.links ?? []).map((l) => ({ ...l, path: prefixed(base, l.path), via }));
    return {
      accelerators: facts.accelerators.map((u) => ({ ...u, path: prefixed(base, u.path) })),
      computed: facts.computed.map((p) => prefixed(base, p)),
      ...(links.length > 0 ? { links } : {}),
    };
  };
}

/** The extractor a table holds for `token`; a missing entry is a programming error. */
export function borrowed(
  table: ReadonlyMap<string, ComputeExtractor>,
  token: string,
): ComputeExtractor {
  const found = table.get(token);
  if (!found) throw new Error(`no compute extractor for ${token} to reuse`);
  return found;
}
