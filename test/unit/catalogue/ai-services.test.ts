import { readFileSync, readdirSync } from "fs";
import { join } from "path";
import { AI_SERVICE_MODULES, lookupAiService } from "../../../policypack/src/catalogue/ai-services";

const PACKAGES: Readonly<Record<string, string>> = {
  aws: join(__dirname, "../../../node_modules/@pulumi/aws"),
  "azure-native": join(__dirname, "../../../node_modules/@pulumi/azure-native"),
};

/** Every `__pulumiType` a module folder of an installed SDK declares, e.g. aws/sagemaker. */
function tokensOf(module: string): string[] {
  const [provider, folder] = module.split(":") as [string, string];
  const root = PACKAGES[provider];
  if (root === undefined) throw new Error(`no installed package for ${provider}`);
  const dir = join(root, folder);
  const tokens = new Set<string>();
  for (const file of readdirSync(dir)) {
    if (!file.endsWith(".js")) continue;
    const text = readFileSync(join(dir, file), "utf8");
    for (const match of text.matchAll(/__pulumiType = '([^']+)'/g)) {
      if (match[1] !== undefined) tokens.add(match[1]);
    }
  }
  return [...tokens].sort();
}

describe("AI service tokens of the installed SDKs", () => {
  it.each([
    "aws:sagemaker",
    "aws:bedrock",
    "aws:bedrockmodel",
    "aws:bedrockfoundation",
    "aws:comprehend",
    "aws:rekognition",
    "aws:lex",
    "aws:kendra",
    "aws:transcribe",
    "aws:qbusiness",
    "azure-native:cognitiveservices",
    "azure-native:machinelearningservices",
  ])("covers the module %s", (module) => {
    expect(AI_SERVICE_MODULES.map((m) => m.module)).toContain(module);
  });

  describe.each(AI_SERVICE_MODULES.map((m) => [m.module, m.service] as const))(
    "%s",
    (module, service) => {
      const tokens = tokensOf(module);

      it("exists in the installed package", () => {
        expect(tokens.length).toBeGreaterThan(0);
      });

      it(`recognises every token as ${service}`, () => {
        const missed = tokens.filter((t) => lookupAiService(t)?.service !== service);
        expect(missed).toEqual([]);
      });
    },
  );

  it.each([
    [
      "aws:sagemaker/endpointConfiguration:EndpointConfiguration",
      "Amazon SageMaker AI",
      "endpoint configuration",
    ],
    ["aws:sagemaker/notebookInstance:NotebookInstance", "Amazon SageMaker AI", "notebook instance"],
    ["aws:bedrock/agentcoreGateway:AgentcoreGateway", "Amazon Bedrock", "agentcore gateway"],
    ["aws:bedrockmodel/invocationJob:InvocationJob", "Amazon Bedrock", "invocation job"],
    ["aws:bedrockfoundation/modelAgreement:ModelAgreement", "Amazon Bedrock", "model agreement"],
    ["aws:qbusiness/application:Application", "Amazon Q Business", "application"],
    ["aws:kendra/index:Index", "Amazon Kendra", "index"],
    [
      "azure-native:cognitiveservices:Account",
      "Azure AI services (Azure OpenAI / Cognitive Services)",
      "account",
    ],
    [
      "azure-native:cognitiveservices:Deployment",
      "Azure AI services (Azure OpenAI / Cognitive Services)",
      "deployment",
    ],
    [
      "azure-native:machinelearningservices:OnlineEndpoint",
      "Azure Machine Learning",
      "online endpoint",
    ],
    ["azure-native:machinelearningservices:Compute", "Azure Machine Learning", "compute"],
  ])("%s is %s (%s)", (token, service, kind) => {
    expect(lookupAiService(token)).toMatchObject({ service, kind });
  });

  it("ignores an Azure API version left in the token", () => {
    expect(lookupAiService("azure-native:cognitiveservices/v20240301:Account")?.service).toBe(
      "Azure AI services (Azure OpenAI / Cognitive Services)",
    );
  });

  it.each([
    "aws:ec2/instance:Instance",
    "aws:s3/bucket:Bucket",
    "aws:ecs/taskDefinition:TaskDefinition",
    "aws:sagemakerx/thing:Thing",
    "azure-native:compute:VirtualMachine",
    "azure-native:storage:StorageAccount",
    "azure-native:search:Service",
    "pulumi:providers:aws",
    "aws:sagemaker",
    "aws:sagemaker/endpoint:",
    "",
  ])("does not take %s for an AI service", (token) => {
    expect(lookupAiService(token)).toBeUndefined();
  });

  it.each([
    ["aws:ec2", "aws"],
    ["aws:s3", "aws"],
    ["azure-native:compute", "azure-native"],
    ["azure-native:network", "azure-native"],
  ])("recognises no token of the non-AI module %s", (module) => {
    const tokens = tokensOf(module);
    expect(tokens.length).toBeGreaterThan(0);
    expect(tokens.filter((t) => lookupAiService(t) !== undefined)).toEqual([]);
  });
});
