// ACME's organization pack, composed from the jurisdiction-guard library: the stock policies with
// ACME's settings baked in as the pack's initial config. `pulumi policy publish` this folder and
// enable it for the organization; Pulumi Cloud (or `--policy-pack-config`) can still override
// any setting, as for every pack.
import { JurisdictionGuard } from "jurisdiction-guard";

new JurisdictionGuard("acme-jurisdiction-guard", {
  description: "ACME: no GPUs, AI services or interconnects in restricted jurisdictions.",
  // Every policy blocks, including the ones that are advisory in the stock pack.
  all: "mandatory",
  // The stock list plus Singapore (ACME's export-compliance review of 2026-10).
  restrictedJurisdictions: ["default", "SG"],
  // Only chips under ECCN 3A090 count; older GPUs (T4, V100) may go anywhere allowed.
  acceleratorScope: "export-controlled",
  // A joint-venture account and subscription that must never run GPU or AI workloads.
  restrictedAccounts: [
    { id: "210987654321", jurisdiction: "CN", note: "ACME-Sino JV account" },
    { id: "5c5e3e4a-7d2b-4f11-9a3e-210987654321", jurisdiction: "CN", note: "JV subscription" },
  ],
  "listed-foreign-provider-resource": "mandatory",
});
