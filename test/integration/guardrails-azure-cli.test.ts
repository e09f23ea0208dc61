// `jurisdiction-guard guardrails --target azure-policy` through the compiled CLI (dist/): printed
// files, a written folder with its manifest, and a custom config. Run without the production-only
// preload: the guardrail model loads the pack's policies, whose @pulumi/pulumi loads the TypeScript
// compiler when it is installed (as `explain` with a config file does, explain-cli.test.ts).
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { runGuardrails } from "../support/guardrails-cli";

const run = runGuardrails;

describe("jurisdiction-guard guardrails --target azure-policy (compiled)", () => {
  it("prints COVERAGE.md and every cloud's definitions under headers", () => {
    const r = run(["--target", "azure-policy"]);
    expect(r.code).toBe(0);
    const headers = [...r.stdout.matchAll(/^==> (.+) <==$/gm)].map((m) => m[1]);
    expect(headers[0]).toBe("COVERAGE.md");
    for (const cloud of ["public", "china", "usgovernment"]) {
      expect(headers).toContain(`${cloud}/initiative.json`);
      expect(headers).toContain(
        `${cloud}/definitions/jg-gpu-sizes-by-location-virtualmachines.json`,
      );
    }
    expect(r.stderr).toMatch(/china: 7 definitions .* GPU Deny outside 0 location\(s\)/);
  });

  it("writes a folder from a config file, with a restricted subscription and an exemption", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jg-azure-cli-"));
    const config = path.join(dir, "policy-config.json");
    const sub = "0b1f6471-1bf0-4dda-aec3-cb9272f09590";
    // The command judges expiry against the real day; 30 days ahead stays valid and unexpired.
    const expires = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    fs.writeFileSync(
      config,
      JSON.stringify({
        "gpu-in-restricted-jurisdiction": {
          enforcementLevel: "advisory",
          exemptions: [
            {
              resource: "urn:pulumi:prod::p::azure-native:compute:VirtualMachine::trainer",
              reason: "benchmark",
              expires,
            },
          ],
        },
        "gpu-or-ai-in-restricted-account": { restrictedAccounts: [{ id: sub }] },
      }),
    );
    const out = path.join(dir, "out");
    const r = run(["--target", "azure-policy", "--policy-pack-config", config, "-o", out], dir);
    expect(r.stderr).toMatch(/exemption document\(s\) carry placeholders/);
    expect(r.code).toBe(0);
    const manifest = JSON.parse(
      fs.readFileSync(path.join(out, ".jurisdiction-guard-guardrails.json"), "utf8"),
    ) as { target: string; files: string[] };
    expect(manifest.target).toBe("azure-policy");
    expect(manifest.files).toContain(`subscriptions/${sub}.json`);
    const exemption = manifest.files.find((f) => f.startsWith("exemptions/"));
    expect(exemption).toBeDefined();
    const doc = JSON.parse(fs.readFileSync(path.join(out, exemption!), "utf8")) as {
      properties: { expiresOn: string };
    };
    expect(doc.properties.expiresOn).toBe(`${expires}T23:59:59Z`);
    const gpu = JSON.parse(
      fs.readFileSync(
        path.join(out, "public/definitions/jg-gpu-sizes-by-location-virtualmachines.json"),
        "utf8",
      ),
    ) as { properties: { parameters: { effect: { defaultValue: string } } } };
    expect(gpu.properties.parameters.effect.defaultValue).toBe("Audit");
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
