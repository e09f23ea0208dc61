// Every type token and naming property the Azure tables use exists in the installed
// @pulumi/azure-native SDK, so a typo or a token renamed by a new SDK version fails here.
import * as fs from "fs";
import * as path from "path";
import {
  AZURE_COMPUTE_EXTRACTORS,
  AZURE_PARENT_LINKS,
  AZURE_PARENT_NAME_PROPS,
} from "../../../../policypack/src/facts/azure";

const SDK = path.dirname(require.resolve("@pulumi/azure-native/package.json"));

/** token -> the resource's .d.ts, for every resource of the SDK modules the tables mention. */
function sdkResources(modules: Iterable<string>): Map<string, string> {
  const out = new Map<string, string>();
  for (const mod of new Set(modules)) {
    const dir = path.join(SDK, mod);
    for (const file of fs.readdirSync(dir).filter((f) => f.endsWith(".js"))) {
      const js = fs.readFileSync(path.join(dir, file), "utf8");
      const m = /__pulumiType = '([^']+)'/.exec(js);
      if (m?.[1]) out.set(m[1], path.join(dir, file.replace(/\.js$/, ".d.ts")));
    }
  }
  return out;
}

/** The input property names of a resource's Args interface. */
function argNames(dts: string): Set<string> {
  const text = fs.readFileSync(dts, "utf8");
  const body = /export interface \w+Args \{([\s\S]*?)\n\}/.exec(text)?.[1] ?? "";
  return new Set([...body.matchAll(/^ {4}(\w+)\??:/gm)].map((m) => m[1] ?? ""));
}

const moduleOf = (token: string): string => token.split(":")[1] ?? "";

const tokens = [
  ...AZURE_COMPUTE_EXTRACTORS.keys(),
  ...AZURE_PARENT_LINKS.keys(),
  ...[...AZURE_PARENT_LINKS.values()].flatMap((l) => l.parentTypes),
  ...AZURE_PARENT_NAME_PROPS.keys(),
];
const resources = sdkResources(tokens.map(moduleOf));

describe("tokens in the Azure tables", () => {
  it.each([...new Set(tokens)])("%s is a resource of @pulumi/azure-native", (token) => {
    expect(resources.has(token)).toBe(true);
  });
});

describe("parent links", () => {
  it.each([...AZURE_PARENT_LINKS.entries()])(
    "%s names its parent with an input it has",
    (token, link) => {
      const dts = resources.get(token);
      expect(dts).toBeDefined();
      expect(argNames(dts ?? "").has(link.via)).toBe(true);
    },
  );

  it.each([...AZURE_PARENT_LINKS.entries()])(
    "%s has a parent kind whose own name is known",
    (_token, link) => {
      for (const parent of link.parentTypes) expect(AZURE_PARENT_NAME_PROPS.has(parent)).toBe(true);
    },
  );

  it.each([...AZURE_PARENT_NAME_PROPS.entries()])(
    "%s holds its own name in `%s`",
    (token, prop) => {
      expect(argNames(resources.get(token) ?? "").has(prop)).toBe(true);
      // A parent kind that is itself listed as a child would use its name property twice.
      expect(AZURE_PARENT_LINKS.get(token)?.via).not.toBe(prop);
    },
  );
});
