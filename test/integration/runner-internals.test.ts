// The runner's engine rules that need no pack process: config reconciliation and validation,
// property marshalling, default providers and stack config.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import {
  defaultProviderName,
  durationSeconds,
  packageConfigInputs,
  toEngineResources,
} from "../../cli/program/engine-resources";
import { readProject, readStackConfig, selectStack } from "../../cli/program/stack-config";
import type { Registration } from "../../cli/program/types";
import {
  marshalMap,
  OUTPUT_SIG,
  RESOURCE_SIG,
  SECRET_SIG,
  SIG_KEY,
} from "../../cli/runner/marshal";
import {
  loadPolicyPackConfigFile,
  parsePolicyPackConfig,
  PolicyConfigError,
  reconcilePolicyPackConfig,
} from "../../cli/runner/policy-config";
import { resourceReference, secret, UNKNOWN } from "../../cli/runner";
import type { PolicyInfo } from "../../cli/runner";

function policyInfo(name: string, properties: Record<string, Record<string, unknown>>): PolicyInfo {
  return {
    name,
    displayName: name,
    description: `${name} description`,
    enforcementLevel: "mandatory",
    type: "resource",
    severity: "high",
    tags: [],
    remediationSteps: "",
    url: "",
    configSchema: {
      properties: {
        ...properties,
        enforcementLevel: {
          type: "string",
          enum: ["advisory", "mandatory", "remediate", "disabled"],
        },
      },
      required: [],
    },
  };
}

const regions = { type: "array", items: { type: "string", minLength: 1 }, default: [] };
const policies = [
  policyInfo("gpu", {
    allowedRegions: regions,
    scope: { type: "string", enum: ["any", "export-controlled"], default: "any" },
  }),
  policyInfo("ai", { allowedRegions: regions }),
];

describe("policy config (engine config.go rules)", () => {
  test("schema defaults and code levels come first", () => {
    const config = reconcilePolicyPackConfig(policies, undefined, undefined);
    expect(config["gpu"]).toEqual({
      enforcementLevel: "mandatory",
      properties: { allowedRegions: [], scope: "any" },
    });
  });

  test('"all" sets every level, then per-policy entries override it', () => {
    const user = parsePolicyPackConfig({ all: "advisory", ai: { enforcementLevel: "disabled" } });
    const config = reconcilePolicyPackConfig(policies, undefined, user);
    expect(config["gpu"]?.enforcementLevel).toBe("advisory");
    expect(config["ai"]?.enforcementLevel).toBe("disabled");
  });

  test("properties merge over the defaults", () => {
    const user = parsePolicyPackConfig({ gpu: { allowedRegions: ["me-central-1"] } });
    const config = reconcilePolicyPackConfig(policies, undefined, user);
    expect(config["gpu"]?.properties).toEqual({ allowedRegions: ["me-central-1"], scope: "any" });
  });

  test("a wrong item type names the policy and the field path", () => {
    const user = parsePolicyPackConfig({ gpu: { allowedRegions: ["ok", 7] } }, "cfg.json");
    let error: unknown;
    try {
      reconcilePolicyPackConfig(policies, undefined, user, "cfg.json");
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(PolicyConfigError);
    expect((error as PolicyConfigError).problems).toEqual([
      { file: "cfg.json", policy: "gpu", field: "allowedRegions[1]", message: "must be string" },
    ]);
  });

  test("an enum violation lists the allowed values", () => {
    const user = parsePolicyPackConfig({ gpu: { scope: "some" } });
    expect(() => reconcilePolicyPackConfig(policies, undefined, user)).toThrow(
      'field "scope": must be one of "any", "export-controlled"',
    );
  });

  test("properties for a policy the pack does not have are refused", () => {
    const user = parsePolicyPackConfig({ "no-such-policy": { allowedRegions: [] } }, "f.json");
    expect(() => reconcilePolicyPackConfig(policies, undefined, user, "f.json")).toThrow(
      'file f.json, policy "no-such-policy": is neither "all" nor a policy of this pack; use one of the known names: all, gpu, ai',
    );
  });

  // Stricter than the engine (whose schema conversion keeps only properties and required).
  test("a misspelled setting is refused, with the closest setting the policy reports", () => {
    const user = parsePolicyPackConfig({ gpu: { allowedRegion: ["me-central-1"] } }, "f.json");
    expect(() => reconcilePolicyPackConfig(policies, undefined, user, "f.json")).toThrow(
      'file f.json, policy "gpu", field "allowedRegion": is not a setting of this policy; did you mean "allowedRegions"? (its settings: allowedRegions, scope)',
    );
  });

  test("a misspelled policy name is refused even when it only sets a level", () => {
    const user = parsePolicyPackConfig({ gpus: "advisory" });
    expect(() => reconcilePolicyPackConfig(policies, undefined, user)).toThrow(
      'policy "gpus": is neither "all" nor a policy of this pack; did you mean "gpu"?',
    );
  });

  test('a misspelled "all" is refused, with "all" suggested', () => {
    const user = parsePolicyPackConfig({ al: "advisory" });
    expect(() => reconcilePolicyPackConfig(policies, undefined, user)).toThrow(
      'policy "al": is neither "all" nor a policy of this pack; did you mean "all"?',
    );
  });

  test("an invalid enforcement level is refused while parsing", () => {
    expect(() => parsePolicyPackConfig({ gpu: { enforcementLevel: "loud" } }, "f.json")).toThrow(
      /file f\.json, policy "gpu", field "enforcementLevel"/,
    );
  });

  test("a file that is not JSON is named in the error", () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "jg-")), "broken.json");
    fs.writeFileSync(file, "{ not json");
    expect(() => loadPolicyPackConfigFile(file)).toThrow(`file ${file}: not valid JSON`);
  });
});

describe("property marshalling (KeepUnknowns, KeepSecrets, no KeepResources)", () => {
  const props = {
    region: UNKNOWN,
    password: secret("hunter2"),
    vpc: resourceReference("urn:pulumi:s::p::aws:ec2/vpc:Vpc::v", "vpc-123"),
    pending: resourceReference("urn:pulumi:s::p::aws:ec2/vpc:Vpc::w", UNKNOWN),
    component: resourceReference("urn:pulumi:s::p::my:Comp::c"),
    out: { [SIG_KEY]: OUTPUT_SIG, value: "x", secret: true },
    unknownOut: { [SIG_KEY]: OUTPUT_SIG },
    __defaults: ["name"],
  };

  test("Analyze form: unknown sentinel kept, secret kept wrapped, references become ids/urns", () => {
    expect(marshalMap(props, { skipInternalKeys: true })).toEqual({
      region: UNKNOWN,
      password: { [SIG_KEY]: SECRET_SIG, value: "hunter2" },
      vpc: "vpc-123",
      pending: UNKNOWN,
      component: "urn:pulumi:s::p::my:Comp::c",
      out: { [SIG_KEY]: SECRET_SIG, value: "x" },
      unknownOut: UNKNOWN,
    });
  });

  test("Remediate form keeps internal keys", () => {
    expect(marshalMap(props, { skipInternalKeys: false })["__defaults"]).toEqual(["name"]);
    expect(RESOURCE_SIG).toHaveLength(32);
  });
});

describe("default providers (engine default_providers.go)", () => {
  test("names follow the version", () => {
    expect(defaultProviderName("7.48.0")).toBe("default_7_48_0");
    expect(defaultProviderName("3.28.0-alpha.1+abc")).toBe("default_3_28_0_alpha_1_abc");
    expect(defaultProviderName(undefined)).toBe("default");
  });

  test("inputs are the package's config, as strings, secrets as secrets", () => {
    const config = {
      "aws:region": "cn-north-1",
      "aws:assumeRoles": '[{"roleArn":"arn:aws-cn:iam::123:role/x"}]',
      "aws:accessKey": "AKIA",
      "azure-native:location": "eastasia",
      "proj:name": "x",
    };
    expect(packageConfigInputs("aws", config, ["aws:accessKey"])).toEqual({
      region: "cn-north-1",
      assumeRoles: '[{"roleArn":"arn:aws-cn:iam::123:role/x"}]',
      accessKey: secret("AKIA"),
    });
  });

  const base: Omit<Registration, "urn" | "type" | "name" | "custom" | "object"> = {
    parent: "",
    dependencies: [],
    propertyDependencies: {},
    provider: "",
    version: "",
    pluginDownloadURL: "",
    ignoreChanges: [],
    additionalSecretOutputs: [],
    aliasURNs: [],
    remote: false,
  };

  test("one default provider per package and version, inserted before its first user", () => {
    const regs: Registration[] = [
      {
        ...base,
        urn: "urn:pulumi:dev::p::pulumi:pulumi:Stack::p-dev",
        type: "pulumi:pulumi:Stack",
        name: "p-dev",
        custom: false,
        object: {},
      },
      {
        ...base,
        urn: "urn:pulumi:dev::p::aws:ec2/vpc:Vpc::a",
        type: "aws:ec2/vpc:Vpc",
        name: "a",
        custom: true,
        object: {},
        version: "7.48.0",
      },
      {
        ...base,
        urn: "urn:pulumi:dev::p::aws:ec2/vpc:Vpc::b",
        type: "aws:ec2/vpc:Vpc",
        name: "b",
        custom: true,
        object: {},
        version: "7.48.0",
      },
    ];
    const resources = toEngineResources(regs, {
      project: "p",
      stack: "dev",
      config: { "aws:region": "us-east-1" },
      secretKeys: [],
    });
    expect(resources.map((r) => r.name)).toEqual(["p-dev", "default_7_48_0", "a", "b"]);
    const provider = resources[1];
    expect(provider?.inputs).toEqual({ region: "us-east-1", version: "7.48.0" });
    expect(provider?.parent).toBeUndefined();
    expect(resources[2]?.provider).toBe(`${provider?.urn}::${UNKNOWN}`);
    expect(resources[3]?.provider).toBe(resources[2]?.provider);
    expect(resources[0]?.provider).toBeUndefined();
  });

  test("go durations become seconds", () => {
    expect(durationSeconds("1h2m3s")).toBe(3723);
    expect(durationSeconds("10m")).toBe(600);
    expect(durationSeconds("")).toBe(0);
  });
});

describe("stack config (Pulumi.yaml, Pulumi.<stack>.yaml)", () => {
  test("keys get the project namespace, values become strings, objects JSON", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jg-prog-"));
    fs.writeFileSync(
      path.join(dir, "Pulumi.yaml"),
      "name: proj\nruntime: nodejs\nconfig:\n  size:\n    default: 3\n",
    );
    fs.writeFileSync(
      path.join(dir, "Pulumi.prod.yaml"),
      "config:\n  aws:region: cn-north-1\n  replicas: 2\n  tags:\n    team: ml\n  aws:skipCredentialsValidation: true\n",
    );
    const project = readProject(dir);
    expect(selectStack(dir, undefined)).toBe("prod");
    expect(readStackConfig(dir, project, "prod").config).toEqual({
      "proj:size": "3",
      "aws:region": "cn-north-1",
      "proj:replicas": "2",
      "proj:tags": '{"team":"ml"}',
      "aws:skipCredentialsValidation": "true",
    });
  });

  function stackFile(text: string): { dir: string; project: ReturnType<typeof readProject> } {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jg-prog-"));
    fs.writeFileSync(path.join(dir, "Pulumi.yaml"), "name: proj\nruntime: nodejs\n");
    fs.writeFileSync(path.join(dir, "Pulumi.dev.yaml"), text);
    return { dir, project: readProject(dir) };
  }

  test("a config key at the top level (no `config:`) is an error with the fix", () => {
    const { dir, project } = stackFile("aws:region: cn-north-1\n");
    expect(() => readStackConfig(dir, project, "dev")).toThrow(
      `${path.join(dir, "Pulumi.dev.yaml")}: "aws:region" is a config key at the top level, where Pulumi does not read config; indent it under a top-level \`config:\` key`,
    );
  });

  test("a misspelled `config:` is an error with the closest key", () => {
    const { dir, project } = stackFile("confg:\n  aws:region: cn-north-1\n");
    expect(() => readStackConfig(dir, project, "dev")).toThrow(
      /"confg" is not a key of a stack config file; did you mean "config"\?/,
    );
  });

  test("an empty file, or one with only secrets settings, has no config", () => {
    for (const text of ["", "secretsprovider: passphrase\nencryptionsalt: v1:abc\n"]) {
      const { dir, project } = stackFile(text);
      expect(readStackConfig(dir, project, "dev").config).toEqual({});
    }
  });
});
