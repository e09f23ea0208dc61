// The offline gate never passes by accident: a value that decides a GPU's placement but cannot be
// read (a secret encrypted in a stack export, a `secure:` stack config value) fails the scan, while
// a preview keeps the engine's "computed, checked again at `pulumi up`" note.
import { runCli, tmpFile } from "./helpers";
import { UNKNOWN_STRING } from "../../../policypack/src/values";

const STACK = "prod";
const PROJECT = "ml";
const urn = (type: string, name: string) => `urn:pulumi:${STACK}::${PROJECT}::${type}::${name}`;
const CIPHERTEXT = "v1:QmVpamluZ1JlZ2lvbg==:v1:c2VjcmV0Y2lwaGVydGV4dA==:Y24tbm9ydGgtMQ==";
const encrypted = {
  "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270",
  ciphertext: CIPHERTEXT,
};

function stackExport(
  provider: { name: string; inputs: Record<string, unknown>; omit?: boolean },
  instanceType: unknown,
) {
  const providerUrn = urn("pulumi:providers:aws", provider.name);
  return JSON.stringify({
    version: 3,
    deployment: {
      manifest: { time: "2026-05-12T10:00:00Z", magic: "x", version: "v3.190.0" },
      resources: [
        {
          urn: urn("pulumi:pulumi:Stack", `${PROJECT}-${STACK}`),
          custom: false,
          type: "pulumi:pulumi:Stack",
        },
        // A default provider may be missing (a filtered export): the scan rebuilds it from config.
        ...(provider.omit === true
          ? []
          : [
              {
                urn: providerUrn,
                custom: true,
                id: "00000000-1111-4222-8333-444444444444",
                type: "pulumi:providers:aws",
                inputs: provider.inputs,
              },
            ]),
        {
          urn: urn("aws:ec2/instance:Instance", "trainer"),
          custom: true,
          id: "i-0123456789abcdef0",
          type: "aws:ec2/instance:Instance",
          inputs: { ami: "ami-0123456789abcdef0", instanceType },
          provider: `${providerUrn}::00000000-1111-4222-8333-444444444444`,
        },
      ],
    },
  });
}

describe("stack exports: a GPU-deciding value the scan cannot read fails closed", () => {
  it("an encrypted explicit-provider region: a mandatory finding that says it is encrypted, never the ciphertext", async () => {
    const file = tmpFile(
      "encrypted-region.json",
      stackExport({ name: "cn", inputs: { region: encrypted, version: "7.48.0" } }, "p4d.24xlarge"),
    );
    const r = await runCli(["scan", "--no-build", file]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(
      '- [mandatory] aws:ec2/instance:Instance "trainer" selects accelerator hardware p4d.24xlarge',
    );
    expect(r.stdout).toContain("Where: cannot be read: provider `cn` input `region` is encrypted.");
    expect(r.stdout).toContain("pulumi stack export --show-secrets");
    expect(r.stdout).not.toContain("checked again at `pulumi up`");
    expect(r.stdout).not.toContain(CIPHERTEXT);
    expect(r.stdout).not.toContain("QmVpamluZ1JlZ2lvbg");
  });

  it("an encrypted instance type in a restricted region: mandatory", async () => {
    const file = tmpFile(
      "encrypted-instance-type.json",
      stackExport({ name: "cn", inputs: { region: "cn-north-1", version: "7.48.0" } }, encrypted),
    );
    const r = await runCli(["scan", "--no-build", "--format", "json", file]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("may select accelerator hardware: `instanceType` is encrypted");
    expect(r.stdout).not.toContain(CIPHERTEXT);
  });

  it("an encrypted instance type in an allowed region passes", async () => {
    const file = tmpFile(
      "encrypted-instance-type-us.json",
      stackExport({ name: "us", inputs: { region: "us-east-1", version: "7.48.0" } }, encrypted),
    );
    const r = await runCli(["scan", "--no-build", file]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
  });

  it("`secure:` stack config for aws:region given with --stack-config, the default provider rebuilt from it: mandatory", async () => {
    const file = tmpFile(
      "no-default-provider.json",
      stackExport(
        { name: "default_7_48_0", inputs: { version: "7.48.0" }, omit: true },
        "p4d.24xlarge",
      ),
    );
    const config = tmpFile(
      "Pulumi.prod.yaml",
      `config:\n  aws:region:\n    secure: ${CIPHERTEXT}\n`,
    );
    const r = await runCli(["scan", "--no-build", "--stack-config", config, file]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(
      "Where: cannot be read: default provider `default_7_48_0` input `region` (stack config `aws:region`) is encrypted.",
    );
    expect(r.stdout).not.toContain(CIPHERTEXT);
  });

  it("`secure:` stack config for aws:region given with --stack-config, the default provider in the export without a region: mandatory", async () => {
    const file = tmpFile(
      "default-provider.json",
      stackExport({ name: "default_7_48_0", inputs: { version: "7.48.0" } }, "p4d.24xlarge"),
    );
    const config = tmpFile(
      "Pulumi.prod.yaml",
      `config:\n  aws:region:\n    secure: ${CIPHERTEXT}\n`,
    );
    const r = await runCli(["scan", "--no-build", "--stack-config", config, file]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("Where: cannot be read: stack config `aws:region` is encrypted.");
    expect(r.stdout).not.toContain(CIPHERTEXT);
  });
});

describe("previews keep the engine's semantics for values computed during preview", () => {
  it("a computed region is an advisory note, checked again at `pulumi up`: exit 0", async () => {
    const providerUrn = urn("pulumi:providers:aws", "cn");
    const state = (
      u: string,
      type: string,
      inputs: Record<string, unknown>,
      provider?: string,
    ) => ({
      urn: u,
      custom: true,
      type,
      inputs,
      ...(provider ? { provider } : {}),
    });
    const preview = {
      config: {},
      steps: [
        {
          op: "create",
          urn: providerUrn,
          newState: state(providerUrn, "pulumi:providers:aws", {
            region: UNKNOWN_STRING,
            version: "7.48.0",
          }),
        },
        {
          op: "create",
          urn: urn("aws:ec2/instance:Instance", "trainer"),
          provider: `${providerUrn}::${UNKNOWN_STRING}`,
          newState: state(
            urn("aws:ec2/instance:Instance", "trainer"),
            "aws:ec2/instance:Instance",
            { instanceType: "p4d.24xlarge" },
            `${providerUrn}::${UNKNOWN_STRING}`,
          ),
        },
      ],
    };
    const r = await runCli([
      "scan",
      "--no-build",
      tmpFile("preview-computed.json", JSON.stringify(preview)),
    ]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("checked again at `pulumi up`");
  });
});
