// The AnalyzeStack request assembled resource by resource (cli/runner/stack-request.ts) is the
// request the object-built `AnalyzeStackRequest` serializes to: the same bytes, so the pack
// decodes the same message.
import * as pb from "@pulumi/pulumi/proto/analyzer_pb";
import { resourceReference, secret, StackRequest, UNKNOWN } from "../../../cli/runner";
import type { EngineResource } from "../../../cli/runner";
import { toAnalyzerStackResource } from "../../../cli/runner/protocol";

const urn = (type: string, name: string) => `urn:pulumi:dev::proj::${type}::${name}`;

const provider: EngineResource = {
  urn: urn("pulumi:providers:aws", "cn"),
  type: "pulumi:providers:aws",
  custom: true,
  inputs: { region: "cn-north-1", allowedAccountIds: '["123456789012"]', __internal: "dropped" },
};

/** Resources with every field AnalyzeStack carries, and values of every kind. */
function sampleResources(): EngineResource[] {
  const root: EngineResource = {
    urn: urn("pulumi:pulumi:Stack", "proj-dev"),
    type: "pulumi:pulumi:Stack",
    custom: false,
    inputs: {},
  };
  const vpc: EngineResource = {
    urn: urn("aws:ec2/vpc:Vpc", "main"),
    type: "aws:ec2/vpc:Vpc",
    custom: true,
    inputs: { cidrBlock: "10.0.0.0/16" },
    outputs: { cidrBlock: "10.0.0.0/16", id: "vpc-1", tags: { Name: "main" } },
    parent: root.urn,
    provider: `${provider.urn}::p-1`,
    options: { protect: true, ignoreChanges: ["tags"], aliases: ["urn:old"] },
  };
  const instance: EngineResource = {
    urn: urn("aws:ec2/instance:Instance", "gpu"),
    type: "aws:ec2/instance:Instance",
    name: "gpu-node",
    custom: true,
    inputs: {
      instanceType: "p4d.24xlarge",
      userData: secret("#!/bin/sh"),
      subnetId: UNKNOWN,
      vpc: resourceReference(vpc.urn, "vpc-1"),
      count: 3,
      ratio: 0.25,
      enabled: false,
      nothing: null,
      list: [1, "two", [3], { four: 4 }],
      __defaults: ["instanceType"],
    },
    parent: root.urn,
    dependencies: [vpc.urn],
    propertyDependencies: { vpc: [vpc.urn], subnetId: [] },
    provider: `${provider.urn}::p-1`,
    options: {
      deleteBeforeReplace: true,
      customTimeouts: { create: 60, delete: 1.5 },
      additionalSecretOutputs: ["userData"],
    },
  };
  // Lengths that need 2- and 3-byte varints, and one larger than a chunk quarter (own buffer).
  const big = (name: string, size: number): EngineResource => ({
    urn: urn("aws:s3/bucket:Bucket", name),
    type: "aws:s3/bucket:Bucket",
    custom: true,
    inputs: { policy: "x".repeat(size) },
    provider: `${provider.urn}::p-1`,
  });
  return [
    root,
    provider,
    vpc,
    instance,
    big("b-200", 200),
    big("b-20k", 20_000),
    big("b-300k", 300_000),
  ];
}

/** What the runner sent before: one `AnalyzeStackRequest` object, serialized at once. */
function objectBuilt(resources: readonly EngineResource[]): Uint8Array {
  const byUrn = new Map(resources.map((r) => [r.urn, r]));
  const req = new pb.AnalyzeStackRequest();
  req.setResourcesList(
    resources.map((r) => {
      const p = r.provider?.slice(0, r.provider.lastIndexOf("::"));
      return toAnalyzerStackResource(r, r.outputs ?? r.inputs, p ? byUrn.get(p) : undefined);
    }),
  );
  return req.serializeBinary();
}

function providerOf(r: EngineResource): EngineResource | undefined {
  return r.provider !== undefined ? provider : undefined;
}

describe("StackRequest", () => {
  it("encodes the same bytes as the object-built request, which decode to the same message", () => {
    const resources = sampleResources();
    const request = new StackRequest();
    for (const r of resources) request.add(r, providerOf(r));
    const expected = objectBuilt(resources);
    const bytes = request.toBuffer();
    expect(Buffer.compare(bytes, Buffer.from(expected))).toBe(0);
    expect(pb.AnalyzeStackRequest.deserializeBinary(bytes).toObject()).toEqual(
      pb.AnalyzeStackRequest.deserializeBinary(expected).toObject(),
    );
  });

  it("keeps input order when resources are encoded out of order", () => {
    const resources = sampleResources();
    const request = new StackRequest();
    const positions = resources.map((r) => request.reserve(r));
    for (const i of [...positions].reverse()) {
      const r = resources[i] as EngineResource;
      request.set(i, r, providerOf(r));
    }
    const decoded = pb.AnalyzeStackRequest.deserializeBinary(request.toBuffer());
    expect(decoded.getResourcesList().map((r) => r.getUrn())).toEqual(resources.map((r) => r.urn));
  });

  it("spans many chunks, as a large stack does", () => {
    const resources: EngineResource[] = Array.from({ length: 3000 }, (_, i) => ({
      urn: urn("aws:s3/bucket:Bucket", `b-${i}`),
      type: "aws:s3/bucket:Bucket",
      custom: true,
      inputs: { bucket: `b-${i}`, tags: { team: "data", index: String(i) }, pad: "p".repeat(i) },
    }));
    const request = new StackRequest();
    for (const r of resources) request.add(r, undefined);
    expect(request.byteLength).toBeGreaterThan(4 * (1 << 20));
    const expected = objectBuilt(resources);
    const bytes = request.toBuffer();
    expect(bytes.length).toBe(expected.length);
    expect(Buffer.compare(bytes, Buffer.from(expected))).toBe(0);
  });

  it("sends the remediated form when a position is encoded again", () => {
    const [root] = sampleResources();
    const r = root as EngineResource;
    const request = new StackRequest();
    const at = request.reserve(r);
    request.set(at, { ...r, inputs: { before: true } }, undefined);
    request.set(at, { ...r, inputs: { after: true } }, undefined);
    const decoded = pb.AnalyzeStackRequest.deserializeBinary(request.toBuffer());
    expect(decoded.getResourcesList().map((x) => x.getProperties()?.toJavaScript())).toEqual([
      { after: true },
    ]);
  });

  it("names each resource as findings show it, after the request is sent", () => {
    const resources = sampleResources();
    const request = new StackRequest();
    for (const r of resources) request.add(r, providerOf(r));
    request.toBuffer();
    expect(request.resource(urn("aws:ec2/instance:Instance", "gpu"))).toEqual({
      type: "aws:ec2/instance:Instance",
      name: "gpu-node",
    });
    expect(request.resource(urn("aws:ec2/vpc:Vpc", "main"))).toEqual({
      type: "aws:ec2/vpc:Vpc",
      name: "main",
    });
    expect(request.resource(urn("aws:ec2/vpc:Vpc", "other"))).toBeUndefined();
  });

  it("an empty request is an empty message", () => {
    const bytes = new StackRequest().toBuffer();
    expect(bytes.length).toBe(0);
    expect(pb.AnalyzeStackRequest.deserializeBinary(bytes).getResourcesList()).toEqual([]);
  });

  it("refuses to send a resource it has not encoded, or to send twice", () => {
    const [root] = sampleResources();
    const request = new StackRequest();
    request.reserve(root as EngineResource);
    expect(() => request.toBuffer()).toThrow("1 of 1 resources were not encoded");
    const sent = new StackRequest();
    sent.add(root as EngineResource, undefined);
    sent.toBuffer();
    expect(() => sent.toBuffer()).toThrow("already sent");
    expect(() => sent.add(root as EngineResource, undefined)).toThrow("already sent");
  });
});
