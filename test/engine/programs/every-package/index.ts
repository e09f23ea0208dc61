// One GPU resource of each provider package the engine suite stubs (test/engine/examples.ts
// PROVIDERS and UNINSTALLED_PROVIDERS). @pulumi/aws and @pulumi/azure-native are installed: their
// classes. The others are not: their resources are registered by type token, without a version
// (the engine then uses the default provider `default` of the package, as the runner does).
import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import * as azureNative from "@pulumi/azure-native";

class ByToken extends pulumi.CustomResource {
  constructor(type: string, name: string, props: pulumi.Inputs) {
    super(type, name, props);
  }
}

// aws: a p4d.24xlarge (8x A100) in cn-north-1 (stack config aws:region).
new aws.ec2.Instance("aws-trainer", {
  instanceType: "p4d.24xlarge",
  ami: "ami-0123456789abcdef0",
});

// azure-native: an NC24ads A100 v4 VM in East Asia (Hong Kong).
new azureNative.compute.VirtualMachine("azure-native-vm", {
  resourceGroupName: "rg-gpu",
  location: "eastasia",
  hardwareProfile: { vmSize: "Standard_NC24ads_A100_v4" },
});

// aws-native: a p5.48xlarge (8x H100) in cn-northwest-1 (stack config aws-native:region).
new ByToken("aws-native:ec2:Instance", "aws-native-trainer", {
  instanceType: "p5.48xlarge",
  imageId: "ami-0123456789abcdef0",
});

// azure (classic): an ND96isr H100 v5 Linux VM in China North 3.
new ByToken("azure:compute/linuxVirtualMachine:LinuxVirtualMachine", "azure-vm", {
  size: "Standard_ND96isr_H100_v5",
  resourceGroupName: "rg-gpu",
  location: "China North 3",
});

// gcp: an a2-highgpu-1g (1x A100) in asia-east2-a (Hong Kong).
new ByToken("gcp:compute/instance:Instance", "gcp-trainer", {
  machineType: "a2-highgpu-1g",
  zone: "asia-east2-a",
});

// alicloud: an ecs.gn7i (NVIDIA A10) instance in cn-hangzhou (stack config alicloud:region).
new ByToken("alicloud:ecs/instance:Instance", "alicloud-trainer", {
  instanceType: "ecs.gn7i-c8g1.2xlarge",
});

// kubernetes: a Deployment asking for 8 NVIDIA GPUs on a cluster whose placement nothing names.
new ByToken("kubernetes:apps/v1:Deployment", "k8s-trainer", {
  spec: {
    selector: { matchLabels: { app: "trainer" } },
    template: {
      metadata: { labels: { app: "trainer" } },
      spec: {
        containers: [
          { name: "trainer", image: "trainer:1", resources: { limits: { "nvidia.com/gpu": "8" } } },
        ],
      },
    },
  },
});
