// GPU training and inference in allowed regions, through every placement route the pack reads:
// the default providers' stack config (us-east-1, westeurope), explicit providers (eu-west-1,
// westeurope) and a resource-level `region` (eu-central-1). jurisdiction-guard allows all of it.
import { Provider as AwsProvider } from "@pulumi/aws/provider";
import * as ec2 from "@pulumi/aws/ec2";
import * as iam from "@pulumi/aws/iam";
import * as sagemaker from "@pulumi/aws/sagemaker";
import * as containerservice from "@pulumi/azure-native/containerservice";
import { Provider as AzureProvider } from "@pulumi/azure-native/provider";
import * as resources from "@pulumi/azure-native/resources";

// us-east-1 through the default provider.
new ec2.Instance("training-node-us", {
  ami: "ami-0a1b2c3d4e5f60718",
  instanceType: "p4d.24xlarge",
});

// eu-central-1 through the resource's own `region` input (aws v7).
new ec2.Instance("training-node-frankfurt", {
  ami: "ami-0a1b2c3d4e5f60718",
  instanceType: "p5.48xlarge",
  region: "eu-central-1",
});

// eu-west-1 through an explicit provider.
const ireland = new AwsProvider("aws-eu-west-1", {
  region: "eu-west-1",
  allowedAccountIds: ["123456789012"],
});

new ec2.LaunchTemplate(
  "inference-template-ireland",
  { imageId: "ami-0a1b2c3d4e5f60718", instanceType: "g5.12xlarge" },
  { provider: ireland },
);

const role = new iam.Role(
  "sagemaker-role-ireland",
  {
    assumeRolePolicy: JSON.stringify({
      Version: "2012-10-17",
      Statement: [
        {
          Effect: "Allow",
          Principal: { Service: "sagemaker.amazonaws.com" },
          Action: "sts:AssumeRole",
        },
      ],
    }),
  },
  { provider: ireland },
);

const model = new sagemaker.Model(
  "llm-model-ireland",
  {
    executionRoleArn: role.arn,
    primaryContainer: {
      image:
        "763104351884.dkr.ecr.eu-west-1.amazonaws.com/huggingface-pytorch-tgi-inference:2.1.1-tgi1.4.0-gpu-py310-cu121-ubuntu22.04",
    },
  },
  { provider: ireland },
);

const endpointConfig = new sagemaker.EndpointConfiguration(
  "llm-endpoint-config-ireland",
  {
    productionVariants: [
      {
        variantName: "primary",
        modelName: model.name,
        instanceType: "ml.g5.2xlarge",
        initialInstanceCount: 1,
      },
    ],
  },
  { provider: ireland },
);

new sagemaker.Endpoint(
  "llm-endpoint-ireland",
  { endpointConfigName: endpointConfig.name },
  { provider: ireland },
);

// AKS with an A100 pool in westeurope through an explicit azure-native provider.
const westeurope = new AzureProvider("azure-westeurope", { location: "westeurope" });

const group = new resources.ResourceGroup(
  "aks-rg-westeurope",
  { resourceGroupName: "rg-aks-weu" },
  { provider: westeurope },
);

const cluster = new containerservice.ManagedCluster(
  "gpu-aks-westeurope",
  {
    resourceName: "aks-weu-training",
    resourceGroupName: group.name,
    location: "westeurope",
    dnsPrefix: "aks-weu-training",
    identity: { type: "SystemAssigned" },
    agentPoolProfiles: [
      { name: "system", mode: "System", vmSize: "Standard_D4s_v5", count: 2, osType: "Linux" },
    ],
  },
  { provider: westeurope },
);

new containerservice.AgentPool(
  "a100-pool-westeurope",
  {
    agentPoolName: "a100",
    resourceName: cluster.name,
    resourceGroupName: group.name,
    mode: "User",
    vmSize: "Standard_NC24ads_A100_v4",
    count: 1,
    osType: "Linux",
  },
  { provider: westeurope },
);

// A resource group in the default azure-native provider's westeurope.
new resources.ResourceGroup("shared-rg", { resourceGroupName: "rg-shared-weu" });
