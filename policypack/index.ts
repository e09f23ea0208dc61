// The pack entry point `pulumi preview --policy-pack ./policypack` runs (compiled: bin/index.js).
// The only module with a side effect: constructing the pack starts its gRPC server.
import { JurisdictionGuard } from "./lib";

new JurisdictionGuard();
