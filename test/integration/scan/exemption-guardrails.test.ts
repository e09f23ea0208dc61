// Exemptions cannot be made permanent or global: the scan rejects such a policy config (exit 2)
// before reading any input, naming the entry and the fix.
import { fixture, runCli, tmpFile } from "./helpers";

const GPU = "gpu-in-restricted-jurisdiction";

/** Scan the China GPU export with `settings` as the GPU policy's config (written to `name`). */
function scanWith(name: string, settings: Record<string, unknown>) {
  const file = tmpFile(name, JSON.stringify({ [GPU]: settings }));
  return runCli([
    "scan",
    "--no-build",
    "--policy-pack-config",
    file,
    fixture("stack-export-aws-china.json"),
  ]);
}

/** 30 days from now, within any maxExemptionDays. */
const SOON = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);

const entry = (resource: string, expires = SOON) => ({
  resource,
  reason: "Approved by legal",
  expires,
});

describe("exemption guardrails through the CLI", () => {
  it('an exemption of every resource ("*") is a config error naming the entry and the fix', async () => {
    const r = await scanWith("star.json", {
      exemptions: [entry("urn:pulumi:prod::ml::*::x"), entry("*")],
    });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain(
      `policy "${GPU}", field "exemptions[1].resource": "*" pins neither the stack nor the resource type, so it would exempt every resource of every stack; write it as urn:pulumi:<stack>::<project>::<type>::<name>`,
    );
  });

  it("a glob with both the stack and the type wildcards is rejected", async () => {
    const r = await scanWith("wild.json", {
      exemptions: [entry("urn:pulumi:*::aws-china-gpu-training::*::*")],
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('field "exemptions[0].resource"');
  });

  it("maxExemptionDays above 730 (an exemption until 9999-12-31) is rejected", async () => {
    const r = await scanWith("forever.json", {
      maxExemptionDays: 3_000_000,
      exemptions: [entry("urn:pulumi:dev::aws-china-gpu-training::*::*", "9999-12-31")],
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/field "maxExemptionDays".*730/);
  });

  it("a glob that pins the stack is accepted and exempts", async () => {
    const r = await scanWith("pinned.json", {
      exemptions: [entry("urn:pulumi:dev::*::*::*")],
    });
    expect(r.stderr).toBe("");
    expect(r.stdout).toContain("Exempted by exemptions[0]");
  });
});
