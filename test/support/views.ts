// The one factory for what the facts read: resource and provider views as the engine sends them,
// and the evaluation context (stack config, environment, AWS profiles). Typed; cases start from a
// compliant resource (test/support/facts/<cloud>.ts) and change one field with `withField`.
import type { EvalContext, ProviderView, ResourceView } from "../../policypack/src/facts/types";
import type { Props } from "../../policypack/src/values";
import { UNKNOWN_STRING } from "../../policypack/src/values";

/** What the engine sends for a value that is only known at `pulumi up`. */
export const COMPUTED = UNKNOWN_STRING;

/** A stack's URN prefix: "urn:pulumi:<stack>::<project>". */
export function stackUrn(stack: string, project: string): string {
  return `urn:pulumi:${stack}::${project}`;
}

/** A provider view: the engine's default provider (`default_<version>`) or an explicit one. */
export function providerView(
  pkg: string,
  name: string,
  props: Props = {},
  stack = stackUrn("dev", "proj"),
): ProviderView {
  const type = `pulumi:providers:${pkg}`;
  return { type, urn: `${stack}::${type}::${name}`, name, props };
}

export interface ViewOptions {
  /** Defaults to "r". */
  readonly name?: string;
  readonly provider?: ProviderView;
  /** The stack's URN prefix; defaults to urn:pulumi:dev::proj. */
  readonly stack?: string;
  readonly parent?: string;
  readonly dependencies?: readonly string[];
  readonly propertyDependencies?: Readonly<Record<string, readonly string[]>>;
}

/** A resource view; only the options given appear on it. */
export function resourceView(type: string, props: Props, opts: ViewOptions = {}): ResourceView {
  const name = opts.name ?? "r";
  const stack = opts.stack ?? stackUrn("dev", "proj");
  return {
    type,
    urn: `${stack}::${type}::${name}`,
    name,
    props,
    ...(opts.provider ? { provider: opts.provider } : {}),
    ...(opts.parent !== undefined ? { parent: opts.parent } : {}),
    ...(opts.dependencies ? { dependencies: opts.dependencies } : {}),
    ...(opts.propertyDependencies ? { propertyDependencies: opts.propertyDependencies } : {}),
  };
}

/** A copy of `r` with some props replaced (`undefined` removes one). */
export function withProps(r: ResourceView, props: Record<string, unknown>): ResourceView {
  const next: Record<string, unknown> = { ...r.props };
  for (const [k, v] of Object.entries(props)) {
    if (v === undefined) delete next[k];
    else next[k] = v;
  }
  return { ...r, props: next };
}

export function withProvider(r: ResourceView, provider: ProviderView | undefined): ResourceView {
  const { provider: _old, ...rest } = r;
  return provider ? { ...rest, provider } : rest;
}

/**
 * A deep copy of `base` with the value at `path` replaced ("a.b[1].c"); missing objects and
 * lists on the way are created. `undefined` deletes the field.
 */
export function withField(base: Props, path: string, value: unknown): Props {
  const keys: (string | number)[] = [];
  for (const part of path.split(".")) {
    const m = /^([^[\]]*)((?:\[\d+\])*)$/.exec(part);
    if (!m) throw new Error(`bad path ${path}`);
    if (m[1]) keys.push(m[1]);
    for (const idx of (m[2] ?? "").matchAll(/\[(\d+)\]/g)) keys.push(Number(idx[1]));
  }
  const copy = structuredClone(base) as Record<string | number, unknown>;
  let cur: Record<string | number, unknown> = copy;
  keys.forEach((key, i) => {
    if (i === keys.length - 1) {
      if (value === undefined) delete cur[key];
      else cur[key] = value;
      return;
    }
    const next = cur[key];
    if (next === null || typeof next !== "object") {
      cur[key] = typeof keys[i + 1] === "number" ? [] : {};
    }
    cur = cur[key] as Record<string | number, unknown>;
  });
  return copy;
}

/** Props typed as the SDK's `…Args` interface `T`: `args<VpcPeeringConnectionArgs>({…})`. */
export function args<T extends object>(value: T): Props {
  return value as unknown as Props;
}

export interface FakeContext extends EvalContext {
  /** Profiles asked for, in order (`undefined` when no profile was named). */
  readonly profileLookups: (string | undefined)[];
}

/**
 * An evaluation context: stack config (`aws:region`, `azure-native:location` …), the environment,
 * and the regions of AWS profiles in a shared config file (profile name, "default" for none).
 */
export function fakeContext(
  stackConfig: Record<string, string> = {},
  env: Record<string, string | undefined> = {},
  profiles: Record<string, string> = {},
  configFile = "/home/dev/.aws/config",
): FakeContext {
  const profileLookups: (string | undefined)[] = [];
  return {
    stackConfig: new Map(Object.entries(stackConfig)),
    env,
    profileLookups,
    awsProfileRegion(profile) {
      profileLookups.push(profile);
      const region = profiles[profile ?? "default"];
      return region === undefined ? undefined : { region, file: configFile };
    },
  };
}
