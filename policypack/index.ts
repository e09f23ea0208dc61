// The pack entry point: the only file with side effects. `pulumi preview --policy-pack` runs the
// compiled form (bin/index.js); everything else is importable without starting a server.
import { PolicyPack } from "@pulumi/policy";
import { POLICIES } from "./src/policies";

new PolicyPack("jurisdiction-guard", {
  description:
    "No GPUs, AI accelerators or AI services in restricted jurisdictions (corporate control, not legal advice).",
  enforcementLevel: "mandatory",
  policies: [...POLICIES],
});
