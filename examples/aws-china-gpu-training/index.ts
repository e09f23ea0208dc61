// A GPU training cluster in AWS China (cn-north-1, Beijing), placed there through the default
// provider's `aws:region` stack config. jurisdiction-guard must deny every resource that selects
// accelerator hardware; the network, roles and the EKS control plane carry none.
import * as autoscaling from "@pulumi/aws/autoscaling";
import * as ec2 from "@pulumi/aws/ec2";
import * as eks from "@pulumi/aws/eks";
import * as iam from "@pulumi/aws/iam";

const vpc = new ec2.Vpc("training-vpc", { cidrBlock: "10.20.0.0/16", enableDnsHostnames: true });

const subnets = ["cn-north-1a", "cn-north-1b"].map(
  (az, i) =>
    new ec2.Subnet(`training-subnet-${i}`, {
      vpcId: vpc.id,
      cidrBlock: `10.20.${i * 16}.0/20`,
      availabilityZone: az,
    }),
);

// Self-managed GPU workers: a launch template (p4d, 8x A100) behind an Auto Scaling group that
// may also pick p5 (8x H100).
const template = new ec2.LaunchTemplate("gpu-training-template", {
  imageId: "ami-0a1b2c3d4e5f60718",
  instanceType: "p4d.24xlarge",
  blockDeviceMappings: [{ deviceName: "/dev/xvda", ebs: { volumeSize: 500, volumeType: "gp3" } }],
});

new autoscaling.Group("gpu-training-asg", {
  minSize: 0,
  maxSize: 4,
  desiredCapacity: 2,
  vpcZoneIdentifiers: subnets.map((s) => s.id),
  mixedInstancesPolicy: {
    launchTemplate: {
      launchTemplateSpecification: { launchTemplateId: template.id, version: "$Latest" },
      overrides: [{ instanceType: "p4d.24xlarge" }, { instanceType: "p5.48xlarge" }],
    },
  },
});

// Managed GPU nodes on EKS.
const assume = (service: string) =>
  JSON.stringify({
    Version: "2012-10-17",
    Statement: [{ Effect: "Allow", Principal: { Service: service }, Action: "sts:AssumeRole" }],
  });
const clusterRole = new iam.Role("eks-cluster-role", {
  assumeRolePolicy: assume("eks.amazonaws.com"),
});
const nodeRole = new iam.Role("eks-node-role", {
  assumeRolePolicy: assume("ec2.amazonaws.com.cn"),
});

const cluster = new eks.Cluster("training-cluster", {
  roleArn: clusterRole.arn,
  vpcConfig: { subnetIds: subnets.map((s) => s.id) },
});

new eks.NodeGroup("gpu-nodes", {
  clusterName: cluster.name,
  nodeRoleArn: nodeRole.arn,
  subnetIds: subnets.map((s) => s.id),
  amiType: "AL2_x86_64_GPU",
  instanceTypes: ["p5.48xlarge"],
  scalingConfig: { minSize: 0, maxSize: 2, desiredSize: 1 },
});
