// The compiled pack (bin/) started as `pulumi preview --policy-pack .` starts it: the pack's own
// @pulumi/pulumi `cmd/run-policy-pack`, the port read from stdout, then GetAnalyzerInfo and one
// Analyze call over gRPC. Runs with only this folder's dependencies (`npm test` in policypack/).
// JG_PACK_DIR points it at another copy of the pack (an unpacked tarball, for example).
"use strict";
const { spawn } = require("node:child_process");
const path = require("node:path");
const test = require("node:test");
const assert = require("node:assert/strict");

const packDir = path.resolve(process.env.JG_PACK_DIR || path.join(__dirname, ".."));
const fromPack = (id) => require(require.resolve(id, { paths: [packDir] }));
const grpc = fromPack("@grpc/grpc-js");
const pb = fromPack("@pulumi/pulumi/proto/analyzer_pb");
const services = fromPack("@pulumi/pulumi/proto/analyzer_grpc_pb");
const { Struct } = fromPack("google-protobuf/google/protobuf/struct_pb");
const { Empty } = fromPack("google-protobuf/google/protobuf/empty_pb");

function startPack() {
  const runPolicyPack = path.join(
    path.dirname(require.resolve("@pulumi/pulumi/package.json", { paths: [packDir] })),
    "cmd",
    "run-policy-pack",
  );
  // The engine address is not dialled before Analyze; any address will do for this test.
  const child = spawn(process.execPath, [runPolicyPack, "127.0.0.1:1", "."], {
    cwd: packDir,
    env: { ...process.env, PULUMI_CONFIG: "{}" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let err = "";
  child.stderr.on("data", (c) => (err += c));
  const port = new Promise((resolve, reject) => {
    let out = "";
    child.stdout.on("data", (c) => {
      out += c;
      const m = /^(\d+)\s*$/m.exec(out);
      if (m) resolve(Number(m[1]));
    });
    child.on("exit", (code) => reject(new Error(`the pack exited (${code}): ${err}`)));
  });
  return { child, port };
}

const unary = (fn) => new Promise((resolve, reject) => fn((e, r) => (e ? reject(e) : resolve(r))));

test("the compiled pack starts as the engine starts it and denies a GPU in China", async (t) => {
  const { child, port } = startPack();
  t.after(() => child.kill("SIGKILL"));
  const client = new services.AnalyzerClient(
    `127.0.0.1:${await port}`,
    grpc.credentials.createInsecure(),
  );
  t.after(() => client.close());

  const info = await unary((cb) => client.getAnalyzerInfo(new Empty(), cb));
  const names = info.getPoliciesList().map((p) => p.getName());
  assert.ok(names.includes("gpu-in-restricted-jurisdiction"), names.join(", "));

  const provider = new pb.AnalyzerProviderResource()
    .setType("pulumi:providers:aws")
    .setName("cn")
    .setUrn("urn:pulumi:dev::smoke::pulumi:providers:aws::cn")
    .setProperties(Struct.fromJavaScript({ region: "cn-north-1", version: "7.0.0" }));
  const req = new pb.AnalyzeRequest()
    .setType("aws:ec2/instance:Instance")
    .setName("trainer")
    .setUrn("urn:pulumi:dev::smoke::aws:ec2/instance:Instance::trainer")
    .setProperties(
      Struct.fromJavaScript({ instanceType: "p4d.24xlarge", ami: "ami-0123456789abcdef0" }),
    )
    .setOptions(new pb.AnalyzerResourceOptions())
    .setProvider(provider);
  const res = await unary((cb) => client.analyze(req, cb));
  const found = res
    .getDiagnosticsList()
    .filter((d) => d.getPolicyname() === "gpu-in-restricted-jurisdiction");
  assert.equal(found.length, 1, "one finding from gpu-in-restricted-jurisdiction");
  assert.equal(found[0].getEnforcementlevel(), pb.EnforcementLevel.MANDATORY);
  assert.match(found[0].getMessage(), /p4d\.24xlarge/);
  assert.match(found[0].getMessage(), /cn-north-1/);
});
