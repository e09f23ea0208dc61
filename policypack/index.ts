// The pack entry point `pulumi preview --policy-pack ./policypack` runs (compiled: bin/index.js).
// The only module with a side effect (besides sdk-startup, imported first: what the pack process
// need not load at start-up): constructing the pack starts its gRPC server.
import "./sdk-startup";
import { JurisdictionGuard } from "./lib";

new JurisdictionGuard();
