// A stand-in resource provider plugin (`pulumi-resource-<name>`) for the real engine, which cannot
// download the real ones here: Check returns the inputs unchanged, Create returns an id and the
// inputs as outputs (plus `id`, as real providers report it), Diff reports the top-level inputs
// that changed (an update, never a replacement). Started by the shim the harness writes, with the
// provider's name in STUB_PROVIDER_NAME and its version in STUB_PROVIDER_VERSION (the version of
// the @pulumi/<name> package the program uses, so the engine's version request matches).
//
// Caveat: no autonaming and no provider defaults, so props differ from a real provider's there.
// Ids are `<name>-stub-<n>`, counted per provider process: deterministic when the engine runs
// one step at a time (`--parallel 1`, what make-scan-fixtures.ts uses).
import { isDeepStrictEqual } from "util";
import { main } from "@pulumi/pulumi/provider";
import type { Provider } from "@pulumi/pulumi/provider";

const name = process.env.STUB_PROVIDER_NAME ?? "stub";
const version = process.env.STUB_PROVIDER_VERSION ?? "0.0.1";
let counter = 0;

/** Top-level keys whose values differ between the old outputs and the new ones. */
export function changedKeys(
  olds: Record<string, unknown>,
  news: Record<string, unknown>,
): string[] {
  const keys = new Set([...Object.keys(olds), ...Object.keys(news)]);
  return [...keys].filter((k) => !isDeepStrictEqual(olds[k], news[k])).sort();
}

/**
 * The inputs, `id`, and a `name` as real providers report one (programs pass `group.name`,
 * `cluster.name` on): the `name` input, else azure-native's `<type>Name` or `resourceName`
 * input (ResourceGroup's `resourceGroupName`), else the resource's logical name.
 */
export function outputs(
  urn: string,
  id: string,
  inputs: Record<string, unknown>,
): Record<string, unknown> {
  const type = urn.split("::")[2] ?? "";
  const token = type.split(":").pop() ?? "";
  const own = `${token.charAt(0).toLowerCase()}${token.slice(1)}Name`;
  const name = [inputs["name"], inputs[own], inputs["resourceName"]].find(
    (v) => typeof v === "string",
  );
  return { ...inputs, id, name: name ?? urn.split("::").pop() };
}

const provider: Provider = {
  version,
  check: async (_urn, _olds, news: Record<string, unknown>) => ({ inputs: news }),
  // The SDK gives Diff the old outputs: compare them with the outputs the new inputs would give.
  diff: async (id, urn, olds: Record<string, unknown>, news: Record<string, unknown>) => {
    const diffs = changedKeys(olds, outputs(urn, id, news));
    return { changes: diffs.length > 0, diffs, replaces: [], deleteBeforeReplace: false };
  },
  create: async (urn, inputs: Record<string, unknown>) => {
    const id = `${name}-stub-${++counter}`;
    return { id, outs: outputs(urn, id, inputs) };
  },
  update: async (id, urn, _olds, news: Record<string, unknown>) => ({
    outs: outputs(urn, id, news),
  }),
  read: async (id, _urn, props?: Record<string, unknown>) => ({ id, props: props ?? {} }),
  delete: async () => undefined,
};

if (require.main === module) {
  main(provider, process.argv.slice(2)).catch((e: unknown) => {
    process.stderr.write(`stub provider ${name}: ${e instanceof Error ? e.stack : String(e)}\n`);
    process.exit(1);
  });
}
