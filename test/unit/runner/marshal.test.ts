// What the in-process evaluation hands a pack in place of a `Struct` (cli/runner/marshal.ts
// structJavaScript), and the JSON text it sends to its worker threads (structJson), against what
// the pack reads back from the `Struct` the protocol path sends; and the URN's name part.
import fc from "fast-check";
import {
  RESOURCE_SIG,
  SECRET_SIG,
  SIG_KEY,
  structJavaScript,
  structJson,
  toStruct,
} from "../../../cli/runner/marshal";
import { urnName } from "../../../cli/runner/protocol";
import type { PropertyMap, PropertyValue } from "../../../cli/runner/types";

const key = fc.oneof(
  fc.constantFrom("a", "b", "Z", "10", "9", "__defaults", "__x", "_y", "value", "id", "urn"),
  fc.string({ maxLength: 4 }),
);

const value: fc.Arbitrary<PropertyValue> = fc.letrec<{ v: PropertyValue }>((tie) => ({
  v: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.constantFrom<PropertyValue>(null, true, false, 0, 1.5, -3, "", "s", "04da6b54-80e4"),
    fc.string({ maxLength: 6 }),
    fc.array(tie("v"), { maxLength: 3 }),
    fc.dictionary(key, tie("v"), { maxKeys: 4 }),
    tie("v").map((inner) => ({ [SIG_KEY]: SECRET_SIG, value: inner })),
    fc
      .record({ urn: fc.constant("urn:x"), id: fc.option(fc.string({ maxLength: 3 })) })
      .map(({ urn, id }) => {
        const ref: { [k: string]: PropertyValue } = { [SIG_KEY]: RESOURCE_SIG, urn };
        if (id !== null) ref["id"] = id;
        return ref;
      }),
  ),
})).v;

const props = fc.dictionary(key, value, { maxKeys: 6 }) as fc.Arbitrary<PropertyMap>;

describe("structJavaScript and structJson", () => {
  it.each([true, false])(
    "read as the pack reads the Struct back (skipInternalKeys %s), keys in the same order",
    (skipInternalKeys) => {
      const opts = { skipInternalKeys };
      fc.assert(
        fc.property(props, (p) => {
          const fromStruct = JSON.stringify(toStruct(p, opts).toJavaScript());
          expect(JSON.stringify(structJavaScript(p, opts))).toBe(fromStruct);
          const text = structJson(p, opts);
          expect(text).toBe(fromStruct);
          // JSON.parse gives back the very object, key order included.
          expect(JSON.stringify(JSON.parse(text ?? "null"))).toBe(fromStruct);
        }),
        { numRuns: 300 },
      );
    },
  );

  it("gives up on what JSON text cannot carry exactly", () => {
    const opts = { skipInternalKeys: true };
    expect(structJson({ n: -0 }, opts)).toBeUndefined();
    expect(structJson({ n: [Number.NaN] }, opts)).toBeUndefined();
    expect(structJson({ n: { m: Number.POSITIVE_INFINITY } }, opts)).toBeUndefined();
    expect(structJson({ s: { [SIG_KEY]: SECRET_SIG, value: -0 } }, opts)).toBeUndefined();
    expect(structJson({ n: 0, m: -1 }, opts)).toBe('{"m":-1,"n":0}');
    expect(Object.is(structJavaScript({ n: -0 }, opts)["n"], -0)).toBe(true);
  });
});

describe("urnName", () => {
  const reference = (urn: string) => urn.split("::").slice(3).join("::");

  it("is the URN's name part, after its third `::`", () => {
    expect(urnName("urn:pulumi:dev::proj::aws:s3/bucket:Bucket::my::bucket")).toBe("my::bucket");
    expect(urnName("urn:pulumi:dev::proj::a$b::n")).toBe("n");
    expect(urnName("urn:pulumi:dev::proj")).toBe("");
  });

  it("agrees with splitting on `::` for any text", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a:b]{0,14}$/), (urn) => {
        expect(urnName(urn)).toBe(reference(urn));
      }),
      { numRuns: 2000 },
    );
  });
});
