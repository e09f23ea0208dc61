// A stand-in resource provider plugin (`pulumi-resource-<name>`) for the real engine, which cannot
// download the real ones here: Check returns the inputs unchanged, Create returns an id and the
// inputs as outputs. Started by the shim the harness writes, with the provider's name in
// STUB_PROVIDER_NAME and its version in STUB_PROVIDER_VERSION (the version of the @pulumi/<name>
// package the program uses, so the engine's version request matches).
//
// Caveat: no autonaming and no provider defaults, so props differ from a real provider's there.
import { main } from "@pulumi/pulumi/provider";
import type { Provider } from "@pulumi/pulumi/provider";

const name = process.env.STUB_PROVIDER_NAME ?? "stub";
const version = process.env.STUB_PROVIDER_VERSION ?? "0.0.1";
let counter = 0;

const provider: Provider = {
  version,
  check: async (_urn, _olds, news: Record<string, unknown>) => ({ inputs: news }),
  diff: async () => ({ changes: false }),
  create: async (_urn, inputs: Record<string, unknown>) => ({
    id: `${name}-stub-${++counter}`,
    outs: inputs,
  }),
  read: async (id, _urn, props?: Record<string, unknown>) => ({ id, props: props ?? {} }),
  delete: async () => undefined,
};

main(provider, process.argv.slice(2)).catch((e: unknown) => {
  process.stderr.write(`stub provider ${name}: ${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
