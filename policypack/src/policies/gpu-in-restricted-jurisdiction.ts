// gpu-in-restricted-jurisdiction: accelerator capacity (GPU, AI ASIC, FPGA) placed in a
// restricted jurisdiction.
import { COVERAGE } from "../facts";
import { notApplicableBecause, policyTexts } from "../report";
import { UNKNOWN_STRING } from "../values";
import { policyUrl } from "./docs-url";
import { placementRule } from "./placement-rule";
import { definePolicy } from "./rule";
import { acceleratorSubject, mayBeGpuOrAi } from "./subjects";

const NAME = "gpu-in-restricted-jurisdiction";
const TEXT = policyTexts(COVERAGE).gpuPlacement;

const P4D = { ami: "ami-123", instanceType: "p4d.24xlarge" };
const gpuInstance = (provider: Record<string, unknown>, props: Record<string, unknown> = {}) => ({
  type: "aws:ec2/instance:Instance",
  name: "trainer",
  props: { ...P4D, ...props },
  provider: { package: "aws", props: provider },
});
const IN_BEIJING = gpuInstance({ region: "cn-north-1" });

const CFN_TEMPLATE = [
  "Parameters:",
  "  InstanceType: { Type: String }",
  "Resources:",
  "  Trainer:",
  "    Type: AWS::EC2::Instance",
  "    Properties:",
  "      InstanceType: !Ref InstanceType",
  "",
].join("\n");

export const gpuInRestrictedJurisdiction = definePolicy({
  metadata: {
    name: NAME,
    displayName: "GPU or AI accelerator in a restricted jurisdiction",
    description: TEXT.description,
    enforcementLevel: "mandatory",
    severity: "critical",
    tags: ["jurisdiction", "export-control", "accelerator"],
    framework: {
      name: "jurisdiction-guard",
      version: "1",
      reference: "EAR 15 CFR 744.23, ECCN 3A090/4A090 (corporate control, not legal advice)",
      specification:
        "Corporate control derived from the US Export Administration Regulations on advanced computing items (ECCN 3A090/4A090, 15 CFR 744.23); not legal advice.",
    },
    remediationSteps: TEXT.remediationSteps,
    url: policyUrl(NAME),
  },
  settings: ["restrictedJurisdictions", "allowedRegions", "restrictedRegions", "acceleratorScope"],
  rule: placementRule({
    concerns: (facts) =>
      facts.compute !== undefined && mayBeGpuOrAi({ ...facts, aiService: undefined }),
    select(facts, settings) {
      if (!facts.compute) {
        return notApplicableBecause("no-instance-types");
      }
      const subject = acceleratorSubject(facts, settings);
      return subject ? { kind: "subject", subject } : { kind: "clear" };
    },
  }),
  examples: [
    { title: "A p4d.24xlarge instance in cn-north-1", resource: IN_BEIJING, expect: "violation" },
    {
      title: "An Azure ND A100 v4 VM written with a display-name location in Azure China",
      resource: {
        type: "azure-native:compute:VirtualMachine",
        name: "trainer-vm",
        props: { location: "China East 2", hardwareProfile: { vmSize: "Standard_ND96asr_v4" } },
        provider: { package: "azure-native" },
      },
      expect: "violation",
    },
    {
      title: "A p4d.24xlarge instance whose region is computed during preview",
      resource: gpuInstance({ region: UNKNOWN_STRING }),
      expect: "advisory",
    },
    {
      title: "A p4d.24xlarge instance whose region cannot be resolved",
      resource: gpuInstance({}),
      expect: "violation",
    },
    {
      title: "An exempted p4d.24xlarge instance in cn-north-1",
      resource: IN_BEIJING,
      config: {
        exemptions: [
          {
            resource: "urn:pulumi:dev::proj::aws:ec2/instance:Instance::trainer",
            reason: "Approved by legal for the Beijing research lab",
            expires: "2027-01-31",
            approvedBy: "security@example.com",
          },
        ],
      },
      expect: "advisory",
    },
    {
      title: "A p4d.24xlarge instance in cn-north-1 whose exemption has expired",
      resource: IN_BEIJING,
      config: {
        exemptions: [
          {
            resource: "urn:pulumi:dev::proj::aws:ec2/instance:Instance::train*",
            reason: "Pilot approved until the end of October",
            expires: "2026-10-31",
          },
        ],
      },
      expect: "violation",
    },
    {
      title: "A g4dn.xlarge (T4) instance in cn-north-1 with acceleratorScope export-controlled",
      resource: gpuInstance({ region: "cn-north-1" }, { instanceType: "g4dn.xlarge" }),
      config: { acceleratorScope: "export-controlled" },
      expect: "pass",
    },
    {
      title:
        "A p4d.24xlarge instance declared in a CloudFormation stack's YAML template in cn-north-1",
      resource: {
        type: "aws:cloudformation/stack:Stack",
        name: "training",
        props: {
          templateBody: CFN_TEMPLATE,
          parameters: { InstanceType: "p4d.24xlarge" },
        },
        provider: { package: "aws", props: { region: "cn-north-1" } },
      },
      expect: "violation",
    },
    {
      title: "A CloudFormation template whose instance type parameter has no value, in cn-north-1",
      resource: {
        type: "aws:cloudformation/stack:Stack",
        name: "training",
        props: { templateBody: CFN_TEMPLATE },
        provider: { package: "aws", props: { region: "cn-north-1" } },
      },
      expect: "violation",
    },
    {
      title: "A GPU instance checked with an invalid config (an alpha-3 country code)",
      resource: IN_BEIJING,
      config: { restrictedJurisdictions: ["CHN"] },
      expect: "violation",
    },
  ],
});
