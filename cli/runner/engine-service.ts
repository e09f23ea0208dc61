// A minimal Engine gRPC service on loopback. The engine passes its address to every plugin as the
// first argument; `run-policy-pack` accepts it (and today drops it), but anything in the pack that
// does connect gets a working `Log` and root-resource endpoints, and what it logs is kept.
import * as grpc from "@grpc/grpc-js";
import { Empty } from "google-protobuf/google/protobuf/empty_pb";
import * as engineGrpc from "@pulumi/pulumi/proto/engine_grpc_pb";
import * as enginePb from "@pulumi/pulumi/proto/engine_pb";
import type { PackLogEntry } from "./types";

const SEVERITIES: Record<number, string> = {
  [enginePb.LogSeverity.DEBUG]: "debug",
  [enginePb.LogSeverity.INFO]: "info",
  [enginePb.LogSeverity.WARNING]: "warning",
  [enginePb.LogSeverity.ERROR]: "error",
};

export interface EngineServer {
  /** `127.0.0.1:<port>`, the engine address handed to the pack. */
  address: string;
  logs: PackLogEntry[];
  close(): Promise<void>;
}

export async function startEngineServer(logs: PackLogEntry[] = []): Promise<EngineServer> {
  const server = new grpc.Server();
  let rootResource = "";
  const impl: grpc.UntypedServiceImplementation = {
    log(
      call: grpc.ServerUnaryCall<enginePb.LogRequest, Empty>,
      callback: grpc.sendUnaryData<Empty>,
    ): void {
      const req = call.request;
      const entry: PackLogEntry = {
        source: "engine-log",
        message: req.getMessage(),
        severity: SEVERITIES[req.getSeverity()] ?? String(req.getSeverity()),
      };
      if (req.getUrn() !== "") entry.urn = req.getUrn();
      logs.push(entry);
      callback(null, new Empty());
    },
    getRootResource(
      _call: grpc.ServerUnaryCall<
        enginePb.GetRootResourceRequest,
        enginePb.GetRootResourceResponse
      >,
      callback: grpc.sendUnaryData<enginePb.GetRootResourceResponse>,
    ): void {
      callback(null, new enginePb.GetRootResourceResponse().setUrn(rootResource));
    },
    setRootResource(
      call: grpc.ServerUnaryCall<enginePb.SetRootResourceRequest, enginePb.SetRootResourceResponse>,
      callback: grpc.sendUnaryData<enginePb.SetRootResourceResponse>,
    ): void {
      rootResource = call.request.getUrn();
      callback(null, new enginePb.SetRootResourceResponse());
    },
    startDebugging(
      _call: grpc.ServerUnaryCall<enginePb.StartDebuggingRequest, Empty>,
      callback: grpc.sendUnaryData<Empty>,
    ): void {
      callback(null, new Empty());
    },
    requirePulumiVersion(
      _call: grpc.ServerUnaryCall<
        enginePb.RequirePulumiVersionRequest,
        enginePb.RequirePulumiVersionResponse
      >,
      callback: grpc.sendUnaryData<enginePb.RequirePulumiVersionResponse>,
    ): void {
      callback(null, new enginePb.RequirePulumiVersionResponse());
    },
  };
  server.addService(engineGrpc.EngineService, impl);
  const port = await new Promise<number>((resolve, reject) => {
    server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (err, p) =>
      err ? reject(err) : resolve(p),
    );
  });
  return {
    address: `127.0.0.1:${port}`,
    logs,
    close: () =>
      new Promise<void>((resolve) => {
        server.tryShutdown(() => resolve());
      }),
  };
}
