// CloudFormation templates carried by Pulumi resources: JSON and YAML (short tags) read, their
// parameters, mappings, conditions and pseudo parameters resolved, and every resource inside read
// by the aws-native extractor of its type, with the logical ID kept for messages.
import fc from "fast-check";
import { describe as facts } from "../../../../policypack/src/facts";
import {
  awsNativeToken,
  pulumiName,
  templateContents,
} from "../../../../policypack/src/facts/cloudformation/contents";
import { Unresolved } from "../../../../policypack/src/facts/cloudformation/resolve";
import {
  jsonErrorOffset,
  MAX_TEMPLATE_CHARS,
  parseTemplate,
} from "../../../../policypack/src/facts/cloudformation/template";
import type { ComputeFacts, ResourceView } from "../../../../policypack/src/facts/types";
import { COMPUTED, defaultProvider, resource } from "../../../support/facts/aws";
import { fakeContext } from "../../../support/views";

const WHERE = { body: "templateBody", url: "templateUrl", parameters: "parameters" } as const;

function read(
  body: unknown,
  opts: { parameters?: unknown; region?: string | Unresolved; url?: unknown } = {},
): ComputeFacts {
  const props: Record<string, unknown> = { templateBody: body };
  if (opts.parameters !== undefined) props["parameters"] = opts.parameters;
  if (opts.url !== undefined) props["templateUrl"] = opts.url;
  return templateContents(props, WHERE, opts.region ?? "us-east-1").compute;
}

const found = (c: ComputeFacts) =>
  c.accelerators.map((u) => `${u.template?.logicalId ?? "?"} ${u.path}=${u.value}`);
const unresolved = (c: ComputeFacts) =>
  (c.unresolved ?? []).map((u) => `${u.template?.logicalId ?? "-"} ${u.path}: ${u.reason.kind}`);

const YAML_TEMPLATE = `
AWSTemplateFormatVersion: 2010-09-09
Parameters:
  Size:
    Type: String
    Default: m5.large
  Family:
    Type: String
Mappings:
  ByRegion:
    cn-north-1: { Type: p4d.24xlarge }
    us-east-1: { Type: m5.large }
Conditions:
  Big: !Equals [!Ref Size, large]
  NotBig: !Not [!Condition Big]
Resources:
  Trainer:
    Type: AWS::EC2::Instance
    Properties:
      InstanceType: !FindInMap [ByRegion, !Ref "AWS::Region", Type]
      ImageId: !Sub "ami-\${AWS::Region}"
  Worker:
    Type: AWS::EC2::Instance
    Properties:
      InstanceType: !If [Big, p5.48xlarge, !Join ["", [!Select [0, !Split [",", "g5,x"]], ".xlarge"]]]
  Pool:
    Type: AWS::EC2::LaunchTemplate
    Properties:
      LaunchTemplateData:
        InstanceType: !Sub "\${Family}.2xlarge"
  Queue:
    Type: AWS::SQS::Queue
    Properties:
      QueueName: !GetAtt Other.Name
`;

describe("template parsing", () => {
  it("reads CloudFormation's short tags into their long form", () => {
    const parsed = parseTemplate(
      "Resources:\n  A:\n    Type: X\n    Properties:\n      V: !GetAtt B.Arn\n      W: !Ref P\n      Z: !Sub ['${a}', {a: b}]\n",
    );
    expect(parsed).toEqual({
      kind: "template",
      template: {
        Resources: {
          A: {
            Type: "X",
            Properties: {
              V: { "Fn::GetAtt": ["B", "Arn"] },
              W: { Ref: "P" },
              Z: { "Fn::Sub": ["${a}", { a: "b" }] },
            },
          },
        },
      },
    });
  });

  it("keeps the format version a string (no YAML timestamps)", () => {
    const parsed = parseTemplate("AWSTemplateFormatVersion: 2010-09-09\nResources: {}\n");
    expect(parsed.kind === "template" && parsed.template["AWSTemplateFormatVersion"]).toBe(
      "2010-09-09",
    );
  });

  it("names the problem and position of malformed YAML", () => {
    const parsed = parseTemplate("Resources:\n  A:\n    Type: X\n   bad: [\n");
    expect(parsed.kind).toBe("malformed");
    expect(parsed.kind === "malformed" && parsed.problem).toMatch(
      /^YAML: .+ at line \d+, column \d+$/,
    );
  });

  it("names the problem and position of malformed JSON", () => {
    const parsed = parseTemplate('{\n  "Resources": {\n    "A": { "Type": }\n  }\n}');
    expect(parsed.kind === "malformed" && parsed.problem).toMatch(
      /^JSON: .+ at line 3, column \d+$/,
    );
  });

  it("finds where text stops being JSON", () => {
    for (const ok of [
      '{"a": [1, -2.5e3, "x\\"y", true, null, {}], "b": {"c": []}}',
      "[]",
      ' "s" ',
    ]) {
      expect(jsonErrorOffset(ok)).toBeUndefined();
    }
    expect(jsonErrorOffset('{"a": }')).toBe(6);
    expect(jsonErrorOffset("[1,]")).toBe(3);
    expect(jsonErrorOffset('{"a": 1,}')).toBe(8);
    expect(jsonErrorOffset('{"a" 1}')).toBe(5);
    expect(jsonErrorOffset("[1] x")).toBe(4);
    expect(jsonErrorOffset('["open')).toBe(6);
  });

  it("bounds size and depth", () => {
    expect(parseTemplate("x".repeat(MAX_TEMPLATE_CHARS + 1)).kind).toBe("malformed");
    const deep = `${"[".repeat(100)}${"]".repeat(100)}`;
    expect(parseTemplate(`{"Resources": {}, "X": ${deep}}`)).toEqual({
      kind: "malformed",
      problem: "the template nests deeper than 64 levels, or refers to itself",
    });
  });

  it("a YAML anchor that contains itself is malformed, not an endless walk", () => {
    const parsed = parseTemplate("Resources:\n  A: &a\n    Type: X\n    Properties: *a\n");
    expect(parsed).toEqual({
      kind: "malformed",
      problem: "the template nests deeper than 64 levels, or refers to itself",
    });
  });

  it("reads an object given as the template (aws-native)", () => {
    expect(parseTemplate({ Resources: {} }).kind).toBe("template");
    expect(parseTemplate("[1]").kind).toBe("malformed");
  });
});

describe("names", () => {
  it("maps CloudFormation types to aws-native tokens", () => {
    expect(awsNativeToken("AWS::EC2::Instance")).toBe("aws-native:ec2:Instance");
    expect(awsNativeToken("AWS::SageMaker::NotebookInstance")).toBe(
      "aws-native:sagemaker:NotebookInstance",
    );
    expect(awsNativeToken("Custom::Thing")).toBeUndefined();
  });

  it("maps PascalCase properties to Pulumi's camelCase", () => {
    expect(pulumiName("InstanceType")).toBe("instanceType");
    expect(pulumiName("VCpuCount")).toBe("vCpuCount");
    expect(pulumiName("DBInstanceClass")).toBe("dbInstanceClass");
    expect(pulumiName("GPU")).toBe("gpu");
    expect(pulumiName("already")).toBe("already");
  });
});

describe("template contents", () => {
  it("resolves mappings by AWS::Region, conditions, Join/Select/Split and Sub", () => {
    const c = read(YAML_TEMPLATE, { region: "cn-north-1", parameters: { Family: "g6" } });
    expect(found(c)).toEqual([
      "Trainer Properties.InstanceType=p4d.24xlarge",
      "Worker Properties.InstanceType=g5.xlarge",
      "Pool Properties.LaunchTemplateData.InstanceType=g6.2xlarge",
    ]);
    expect(unresolved(c)).toEqual([]);
  });

  it("a region's mapping row decides: CPU in us-east-1", () => {
    const c = read(YAML_TEMPLATE, { region: "us-east-1", parameters: { Family: "m5" } });
    expect(found(c)).toEqual(["Worker Properties.InstanceType=g5.xlarge"]);
  });

  it("takes parameters from the stack over the template's defaults", () => {
    const body = JSON.stringify({
      Parameters: { Type: { Type: "String", Default: "m5.large" } },
      Resources: {
        Box: { Type: "AWS::EC2::Instance", Properties: { InstanceType: { Ref: "Type" } } },
      },
    });
    expect(found(read(body))).toEqual([]);
    expect(found(read(body, { parameters: { Type: "p5.48xlarge" } }))).toEqual([
      "Box Properties.InstanceType=p5.48xlarge",
    ]);
  });

  it("a parameter with no value and no default is unresolved", () => {
    const c = read(YAML_TEMPLATE, { region: "cn-north-1" });
    expect(unresolved(c)).toEqual([
      "Pool Properties.LaunchTemplateData.InstanceType: parameter-without-value",
    ]);
    expect(c.unresolved?.[0]?.reason).toEqual({
      kind: "parameter-without-value",
      parameter: "Family",
    });
  });

  it("a parameter computed during preview stays computed (checked again at pulumi up)", () => {
    const c = read(YAML_TEMPLATE, { region: "us-east-1", parameters: { Family: COMPUTED } });
    expect(c.computed).toEqual(["parameters.Family"]);
    expect(unresolved(c)).toEqual([]);
  });

  it("an unknown region makes a region-keyed mapping unresolved, or computed when the region is", () => {
    const body =
      "Mappings: {M: {cn-north-1: {T: p4d.24xlarge}}}\nResources:\n  T:\n    Type: AWS::EC2::Instance\n    Properties:\n      InstanceType: !FindInMap [M, !Ref AWS::Region, T]\n";
    const none = read(body, {
      region: new Unresolved({ kind: "deploy-time", expression: "AWS::Region" }),
    });
    expect(unresolved(none)).toEqual(["T Properties.InstanceType: deploy-time"]);
    const computed = read(body, {
      region: new Unresolved({ kind: "deploy-time", expression: "AWS::Region" }, "region"),
    });
    expect(computed.computed).toEqual(["region"]);
  });

  it("values known only once deployed are unresolved where an instance type is read", () => {
    const body = {
      Resources: {
        A: { Type: "AWS::EC2::Instance", Properties: { InstanceType: { "Fn::ImportValue": "x" } } },
        B: {
          Type: "AWS::SageMaker::NotebookInstance",
          Properties: { InstanceType: { "Fn::GetAtt": ["C", "T"] } },
        },
        Q: { Type: "AWS::SQS::Queue", Properties: { QueueName: { "Fn::GetAtt": ["C", "T"] } } },
      },
    };
    expect(unresolved(read(body))).toEqual([
      "A Properties.InstanceType: deploy-time",
      "B Properties.InstanceType: deploy-time",
    ]);
  });

  it("reads nested shapes the aws-native extractors read (ASG overrides, SageMaker, EKS, Batch)", () => {
    const body = {
      Resources: {
        Asg: {
          Type: "AWS::AutoScaling::AutoScalingGroup",
          Properties: {
            MixedInstancesPolicy: {
              LaunchTemplate: {
                Overrides: [{ InstanceType: "m5.large" }, { InstanceType: "g5.2xlarge" }],
              },
            },
          },
        },
        Nb: {
          Type: "AWS::SageMaker::NotebookInstance",
          Properties: { InstanceType: "ml.p3.2xlarge" },
        },
        Ng: { Type: "AWS::EKS::Nodegroup", Properties: { InstanceTypes: ["p4d.24xlarge"] } },
        Ce: {
          Type: "AWS::Batch::ComputeEnvironment",
          Properties: { ComputeResources: { InstanceTypes: ["p3.2xlarge"] } },
        },
        Lc: {
          Type: "AWS::AutoScaling::LaunchConfiguration",
          Properties: { InstanceType: "g4dn.xlarge" },
        },
      },
    };
    expect(found(read(body))).toEqual([
      "Asg Properties.MixedInstancesPolicy.LaunchTemplate.Overrides[1].InstanceType=g5.2xlarge",
      "Nb Properties.InstanceType=ml.p3.2xlarge",
      "Ng Properties.InstanceTypes[0]=p4d.24xlarge",
      "Ce Properties.ComputeResources.InstanceTypes[0]=p3.2xlarge",
      "Lc Properties.InstanceType=g4dn.xlarge",
    ]);
  });

  it("a resource whose condition is false is not created", () => {
    const body = {
      Conditions: { Never: { "Fn::Equals": ["a", "b"] } },
      Resources: {
        G: {
          Type: "AWS::EC2::Instance",
          Condition: "Never",
          Properties: { InstanceType: "p5.48xlarge" },
        },
      },
    };
    expect(found(read(body))).toEqual([]);
  });

  it("a CPU-only template has no accelerators and nothing unresolved", () => {
    const body =
      "Resources:\n  Web:\n    Type: AWS::EC2::Instance\n    Properties:\n      InstanceType: !Ref Size\nParameters:\n  Size: {Type: String, Default: t3.micro}\n";
    const c = read(body);
    expect(c).toEqual({ accelerators: [], computed: [] });
  });

  it("a template behind a URL, a nested stack or a malformed body is unresolved, said why", () => {
    expect(
      templateContents({ templateUrl: "https://s3/x.yaml" }, WHERE, "us-east-1").compute.unresolved,
    ).toEqual([
      { path: "templateUrl", reason: { kind: "template-url", url: "https://s3/x.yaml" } },
    ]);
    expect(
      templateContents({ templateUrl: COMPUTED }, WHERE, "us-east-1").compute.computed,
    ).toEqual(["templateUrl"]);
    const nested = {
      Resources: {
        Child: { Type: "AWS::CloudFormation::Stack", Properties: { TemplateURL: "https://s3/c" } },
      },
    };
    expect(unresolved(read(nested))).toEqual(["Child Properties.TemplateURL: template-url"]);
    const bad = read("Resources:\n  A: [\n");
    expect(bad.unresolved?.[0]).toMatchObject({
      path: "templateBody",
      reason: {
        kind: "malformed-template",
        problem: expect.stringMatching(/at line 3, column 1$/) as unknown,
      },
    });
  });

  it("a body computed during preview is computed", () => {
    expect(read(COMPUTED)).toEqual({ accelerators: [], computed: ["templateBody"] });
  });

  it("crafted self-referencing conditions and huge alias fans stay bounded", () => {
    const loop = {
      Conditions: { A: { Condition: "B" }, B: { Condition: "A" } },
      Resources: {
        X: {
          Type: "AWS::EC2::Instance",
          Properties: { InstanceType: { "Fn::If": ["A", "p5.48xlarge", "m5.large"] } },
        },
      },
    };
    expect(unresolved(read(loop))).toEqual(["X Properties.InstanceType: not-evaluated"]);
    const chain: Record<string, unknown> = { C0: { "Fn::Equals": ["a", "b"] } };
    for (let i = 1; i < 3000; i++) chain[`C${i}`] = { "Fn::Not": [{ Condition: `C${i - 1}` }] };
    const long = {
      Conditions: chain,
      Resources: {
        X: {
          Type: "AWS::EC2::Instance",
          Properties: { InstanceType: { "Fn::If": ["C2999", "p5.48xlarge", "m5.large"] } },
        },
      },
    };
    expect(unresolved(read(long))).toEqual(["X Properties.InstanceType: not-evaluated"]);
    const lines = ["a0: &a0 [x, x, x, x, x, x, x, x]"];
    for (let i = 1; i < 9; i++)
      lines.push(
        `a${i}: &a${i} [${Array(8)
          .fill(`*a${i - 1}`)
          .join(", ")}]`,
      );
    lines.push(
      "Resources:\n  X:\n    Type: AWS::EC2::Instance\n    Properties:\n      InstanceType: !Join ['', *a8]",
    );
    const c = read(lines.join("\n"));
    expect(unresolved(c)).toEqual(["X Properties.InstanceType: not-evaluated"]);
  });
});

describe("Pulumi kinds that carry a template", () => {
  const usEast = defaultProvider({ region: "us-east-1" });
  const stack = (props: Record<string, unknown>, provider = usEast): ResourceView =>
    resource("aws:cloudformation/stack:Stack", props, { name: "gpu-stack", provider });

  it("aws Stack: contents read with the stack's own region", () => {
    const body =
      "Mappings: {M: {cn-north-1: {T: p4d.24xlarge}, us-east-1: {T: m5.large}}}\nResources:\n  T:\n    Type: AWS::EC2::Instance\n    Properties:\n      InstanceType: !FindInMap [M, !Ref AWS::Region, T]\n";
    const beijing = facts(stack({ templateBody: body, region: "cn-north-1" }), fakeContext());
    expect(beijing?.placement).toMatchObject({ status: "resolved", region: "cn-north-1" });
    expect(beijing?.compute?.accelerators.map((u) => u.value)).toEqual(["p4d.24xlarge"]);
    const virginia = facts(stack({ templateBody: body }), fakeContext());
    expect(virginia?.compute?.accelerators).toEqual([]);
  });

  it("aws-native Stack: an object template, and AI services inside", () => {
    const r = resource("aws-native:cloudformation:Stack", {
      templateBody: {
        Resources: {
          Agent: { Type: "AWS::Bedrock::Agent", Properties: { AgentName: "a" } },
          Gpu: { Type: "AWS::EC2::Instance", Properties: { InstanceType: "g6e.xlarge" } },
        },
      },
    });
    const f = facts(r, fakeContext({ "aws-native:region": "cn-northwest-1" }));
    expect(f?.placement).toMatchObject({ status: "resolved", region: "cn-northwest-1" });
    expect(f?.aiService?.entry.service).toBe("Amazon Bedrock");
    expect(f?.aiService?.template?.logicalId).toBe("Agent");
    expect(f?.compute?.accelerators.map((u) => u.template?.logicalId)).toEqual(["Gpu"]);
  });

  it("aws StackSet: placement inherited from its instances, decided at the stack phase", () => {
    const r = resource("aws:cloudformation/stackSet:StackSet", {
      name: "gpus",
      templateBody:
        '{"Resources": {"G": {"Type": "AWS::EC2::Instance", "Properties": {"InstanceType": "p5.48xlarge"}}}}',
    });
    expect(facts(r, fakeContext())?.placement.status).toBe("inherited");
  });
});

describe("never throws", () => {
  it("on any text or any JSON value as the body, with any parameters", () => {
    const intrinsic = fc.oneof(
      fc.record({ Ref: fc.string() }),
      fc.record({ "Fn::If": fc.array(fc.jsonValue(), { maxLength: 4 }) }),
      fc.record({ "Fn::FindInMap": fc.array(fc.jsonValue(), { maxLength: 4 }) }),
      fc.record({ "Fn::Sub": fc.oneof(fc.string(), fc.array(fc.jsonValue())) }),
      fc.record({ "Fn::Select": fc.array(fc.jsonValue(), { maxLength: 3 }) }),
    );
    const template = fc.record({
      Parameters: fc.dictionary(fc.string(), fc.jsonValue()),
      Conditions: fc.dictionary(fc.string(), fc.oneof(intrinsic, fc.jsonValue())),
      Resources: fc.dictionary(
        fc.string(),
        fc.record({
          Type: fc.constantFrom("AWS::EC2::Instance", "AWS::EKS::Nodegroup", "AWS::SQS::Queue"),
          Condition: fc.string(),
          Properties: fc.dictionary(
            fc.constantFrom("InstanceType", "InstanceTypes", "X"),
            fc.oneof(intrinsic, fc.jsonValue()),
          ),
        }),
      ),
    });
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), template, fc.jsonValue()),
        fc.dictionary(fc.string(), fc.string()),
        (body, parameters) => {
          expect(() => read(body, { parameters })).not.toThrow();
          if (typeof body !== "string") {
            expect(() => read(JSON.stringify(body), { parameters })).not.toThrow();
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it("on values String and Number cannot convert (a map whose toString is not a function)", () => {
    const odd = { toString: 0 };
    const body = {
      Resources: {
        A: {
          Type: "AWS::EC2::Instance",
          Properties: { InstanceType: { "Fn::Select": [odd, []] } },
        },
        B: {
          Type: "AWS::EC2::Instance",
          Properties: { InstanceType: { "Fn::Join": ["", [odd]] } },
        },
        C: {
          Type: "AWS::EC2::Instance",
          Properties: { InstanceType: { "Fn::Split": [odd, odd] } },
        },
      },
    };
    expect(() => read(body, { parameters: {} })).not.toThrow();
    expect(() => read(JSON.stringify(body), { parameters: {} })).not.toThrow();
  });
});
