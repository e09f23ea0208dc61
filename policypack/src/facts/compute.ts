// Collecting accelerator selections from a resource's props. Cloud extractors (facts/aws,
// facts/azure) say where instance types live; this collector reads them unknown-safely and
// classifies them against the catalogue.
import type { AcceleratorInfo } from "../data/types";
import type { Props } from "../values";
import { Computed, readList, readString, readStrings } from "../values";
import type { AcceleratorUse, ComputeFacts, ComputeLink } from "./types";

export type Classifier = (value: string) => AcceleratorInfo | undefined;

/** Extracts compute facts from the props of one resource kind. */
export type ComputeExtractor = (props: Props) => ComputeFacts;

export class ComputeCollector {
  private readonly uses: AcceleratorUse[] = [];
  private readonly unknown: string[] = [];
  private readonly linked: ComputeLink[] = [];

  constructor(private readonly classify: Classifier) {}

  /** A single instance type / VM size at `path` (relative to `root`, prefixed by `base`). */
  type(root: unknown, path: string, base = ""): this {
    const v = readString(root, path, base);
    if (v instanceof Computed) this.unknown.push(v.path);
    else if (v !== undefined) this.value(v, base ? `${base}.${path}` : path);
    return this;
  }

  /** A list of instance types / VM sizes at `path`. */
  types(root: unknown, path: string, base = ""): this {
    const { values, computed } = readStrings(root, path, base);
    if (computed) this.unknown.push(computed.path);
    for (const v of values) this.value(v.value, v.path);
    return this;
  }

  /** Calls `fn` for every item of the list (or single object) at `path`; a computed list is noted. */
  each(
    root: unknown,
    path: string,
    base: string,
    fn: (item: unknown, itemPath: string) => void,
  ): this {
    const { items, computed } = readList(root, path, base);
    if (computed) this.unknown.push(computed.path);
    for (const it of items) fn(it.value, it.path);
    return this;
  }

  /** A value already read. */
  value(value: string, path: string): this {
    const info = this.classify(value);
    if (info) this.uses.push({ path, value, info });
    return this;
  }

  /** An accelerator selection that is not an instance type (attribute-based selection, GPU counts). */
  use(use: AcceleratorUse): this {
    this.uses.push(use);
    return this;
  }

  computed(path: string): this {
    this.unknown.push(path);
    return this;
  }

  /** Another resource of the stack selects the hardware here (decided at AnalyzeStack). */
  link(link: ComputeLink): this {
    this.linked.push(link);
    return this;
  }

  result(): ComputeFacts {
    const facts = { accelerators: this.uses, computed: [...new Set(this.unknown)] };
    return this.linked.length > 0 ? { ...facts, links: this.linked } : facts;
  }
}
