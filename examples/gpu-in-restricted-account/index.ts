// GPU capacity in US regions, deployed through three explicit providers. The regions are allowed;
// the accounts are what matters here:
//   - `china-role` assumes a role in the AWS China partition (arn:aws-cn:…, e.g. copied from the
//     China pipeline): the account policy denies whatever it deploys, whatever the region says;
//   - `jv-account` may only work in the joint venture's account, which the security team lists
//     in `restrictedAccounts` (policy-config.json, the central pack config);
//   - `ml-account` works in the organisation's own ML account: allowed.
import * as ec2 from "@pulumi/aws/ec2";
import { Provider } from "@pulumi/aws/provider";

const AMI = "ami-0a1b2c3d4e5f60718";

const chinaRole = new Provider("china-role", {
  region: "us-east-1",
  assumeRoles: [
    {
      roleArn: "arn:aws-cn:iam::123456789012:role/gpu-deployer",
      sessionName: "gpu-pipeline",
    },
  ],
});

const jvAccount = new Provider("jv-account", {
  region: "us-west-2",
  allowedAccountIds: ["210987654321"],
});

const mlAccount = new Provider("ml-account", {
  region: "us-east-1",
  allowedAccountIds: ["111122223333"],
});

new ec2.Instance(
  "h100-node-china-role",
  { ami: AMI, instanceType: "p5.48xlarge" },
  { provider: chinaRole },
);

new ec2.LaunchTemplate(
  "a100-template-jv",
  { imageId: AMI, instanceType: "p4d.24xlarge" },
  { provider: jvAccount },
);

new ec2.Instance(
  "h100-node-ml",
  { ami: AMI, instanceType: "p5.48xlarge" },
  { provider: mlAccount },
);
