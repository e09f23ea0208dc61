// Secret resource inputs through the real pack process: the policy SDK unwraps a secret before the
// policies see it, so a secret-wrapped instance type, VM size, region or BGP ASN is judged like a
// plain one. The SDK also removes the secret marking, so a message may quote the value; the engine
// (and the runner, cli/runner/secret-filter.ts) masks only secret stack config values
// (test/integration/secret-config.test.ts). See docs/how-it-works.md, "Secrets".
import { secret } from "../../cli/runner";
import { ResourceFactory, TYPES } from "../support/engine";
import { GPU_POLICY, usePack } from "./harness";

const PEERING_POLICY = "peering-with-listed-foreign-provider";

const pack = usePack();
const f = new ResourceFactory("dev", "secret-inputs");

describe("secret-wrapped inputs are unwrapped by the SDK and judged", () => {
  test("a secret instance type in China is denied (and the message may quote it)", async () => {
    const beijing = f.awsProvider("cn-north-1");
    const trainer = f.resource(TYPES.awsInstance, "secret-type", {
      provider: beijing,
      inputs: { ami: "ami-0123456789abcdef0", instanceType: secret("p4d.24xlarge") },
    });
    const report = await pack.get().evaluate([f.rootStack(), beijing, trainer]);
    const gpu = report.findings.filter((x) => x.policyName === GPU_POLICY);
    expect(gpu.map((x) => x.enforcementLevel)).toEqual(["mandatory"]);
    // The SDK hands the policy the plain value, without its secret marking.
    expect(gpu[0]?.message).toContain("p4d.24xlarge");
  });

  test("a secret VM size in Azure China is denied", async () => {
    const azure = f.azureProvider("chinaeast2");
    const vm = f.resource("azure-native:compute:VirtualMachine", "secret-size", {
      provider: azure,
      inputs: {
        resourceGroupName: "rg",
        location: "chinaeast2",
        hardwareProfile: { vmSize: secret("Standard_ND96asr_v4") },
      },
    });
    const { findings } = await pack.get().analyze(vm, { provider: azure });
    expect(
      findings.filter((x) => x.policyName === GPU_POLICY).map((x) => x.enforcementLevel),
    ).toEqual(["mandatory"]);
  });

  test("the same instance type in us-east-1, secret, passes", async () => {
    const usEast = f.awsProvider("us-east-1");
    const trainer = f.resource(TYPES.awsInstance, "secret-type-us", {
      provider: usEast,
      inputs: { ami: "ami-0123456789abcdef0", instanceType: secret("p4d.24xlarge") },
    });
    const { findings } = await pack.get().analyze(trainer, { provider: usEast });
    expect(findings.filter((x) => x.policyName === GPU_POLICY)).toEqual([]);
  });

  test("a secret BGP ASN of a listed provider on a customer gateway is a finding", async () => {
    const usEast = f.awsProvider("us-east-1");
    const gateway = f.resource("aws:ec2/customerGateway:CustomerGateway", "secret-asn", {
      provider: usEast,
      inputs: { type: "ipsec.1", bgpAsn: secret("45102"), ipAddress: "198.51.100.7" },
    });
    const { findings } = await pack.get().analyze(gateway, { provider: usEast });
    const peering = findings.filter((x) => x.policyName === PEERING_POLICY);
    expect(peering).toHaveLength(1);
    expect(peering[0]?.message).toContain("45102");
  });

  test("a private BGP ASN, secret, is not", async () => {
    const usEast = f.awsProvider("us-east-1");
    const gateway = f.resource("aws:ec2/customerGateway:CustomerGateway", "secret-private-asn", {
      provider: usEast,
      inputs: { type: "ipsec.1", bgpAsn: secret("65010"), ipAddress: "198.51.100.7" },
    });
    const { findings } = await pack.get().analyze(gateway, { provider: usEast });
    expect(findings.filter((x) => x.policyName === PEERING_POLICY)).toEqual([]);
  });
});
