// AWS instance families that carry an accelerator, and the chip each carries. A unit test runs
// every value of @pulumi/aws's ec2.InstanceType enum through the classifier and checks that the
// accelerator families it finds are exactly the EC2 families listed here.
import type { ChipEntry } from "../types";

export interface AwsAcceleratorFamily {
  /** The family as it appears before the first dot ("p4d", "p6-b200"). */
  readonly family: string;
  /** CHIPS key of the accelerator. */
  readonly chip: string;
  /**
   * The family's values in the EC2 attribute-based selection vocabulary (AcceleratorName,
   * AcceleratorManufacturer, AcceleratorType). An absent field is unknown, not "none".
   */
  readonly attributes?: {
    readonly name?: string;
    readonly manufacturer?: string;
    readonly type?: string;
  };
  /** Set when the family is only valid after a service prefix ("stream." for AppStream). */
  readonly prefix?: string;
  readonly source: string;
  readonly reviewed: string;
  readonly confidence: ChipEntry["confidence"];
  readonly note?: string;
}

const CATALOGUES =
  "Chip corroborated by third-party instance catalogues (instances.vantage.sh-derived data) and the reference brief.";

export const AWS_ACCELERATOR_FAMILIES: readonly AwsAcceleratorFamily[] = [
  {
    family: "cg1",
    chip: "m2050",
    attributes: { manufacturer: "nvidia", type: "gpu" },
    source: "aws-ec2-accelerated",
    reviewed: "2026-11-22",
    confidence: "uncertain",
    note: "Legacy cluster GPU family; chip recalled.",
  },
  {
    family: "g2",
    chip: "k520",
    attributes: { name: "k520", manufacturer: "nvidia", type: "gpu" },
    source: "aws-ec2-accelerated",
    reviewed: "2026-11-22",
    confidence: "third-party",
    note: CATALOGUES,
  },
  {
    family: "g3",
    chip: "m60",
    attributes: { name: "m60", manufacturer: "nvidia", type: "gpu" },
    source: "aws-ec2-accelerated",
    reviewed: "2026-11-22",
    confidence: "third-party",
    note: CATALOGUES,
  },
  {
    family: "g3s",
    chip: "m60",
    attributes: { name: "m60", manufacturer: "nvidia", type: "gpu" },
    source: "aws-ec2-accelerated",
    reviewed: "2026-11-22",
    confidence: "third-party",
    note: CATALOGUES,
  },
  {
    family: "p2",
    chip: "k80",
    attributes: { name: "k80", manufacturer: "nvidia", type: "gpu" },
    source: "aws-ec2-accelerated",
    reviewed: "2026-11-22",
    confidence: "third-party",
    note: CATALOGUES,
  },
  {
    family: "p3",
    chip: "v100",
    attributes: { name: "v100", manufacturer: "nvidia", type: "gpu" },
    source: "aws-ec2-accelerated",
    reviewed: "2026-11-22",
    confidence: "third-party",
    note: CATALOGUES,
  },
  {
    family: "p3dn",
    chip: "v100",
    attributes: { name: "v100", manufacturer: "nvidia", type: "gpu" },
    source: "aws-ec2-accelerated",
    reviewed: "2026-11-22",
    confidence: "third-party",
    note: CATALOGUES,
  },
  {
    family: "g4dn",
    chip: "t4",
    attributes: { name: "t4", manufacturer: "nvidia", type: "gpu" },
    source: "aws-ec2-accelerated",
    reviewed: "2026-11-22",
    confidence: "third-party",
    note: CATALOGUES,
  },
  {
    family: "g4ad",
    chip: "radeon-pro-v520",
    attributes: { name: "radeon-pro-v520", manufacturer: "amd", type: "gpu" },
    source: "aws-ec2-accelerated",
    reviewed: "2026-11-22",
    confidence: "third-party",
    note: CATALOGUES,
  },
  {
    family: "g5",
    chip: "a10g",
    attributes: { name: "a10g", manufacturer: "nvidia", type: "gpu" },
    source: "aws-ec2-accelerated",
    reviewed: "2026-11-22",
    confidence: "third-party",
    note: CATALOGUES,
  },
  {
    family: "g5g",
    chip: "t4g",
    attributes: { name: "t4g", manufacturer: "nvidia", type: "gpu" },
    source: "aws-ec2-accelerated",
    reviewed: "2026-11-22",
    confidence: "third-party",
    note: CATALOGUES,
  },
  {
    family: "p4d",
    chip: "a100",
    attributes: { name: "a100", manufacturer: "nvidia", type: "gpu" },
    source: "aws-ec2-accelerated",
    reviewed: "2026-11-22",
    confidence: "third-party",
    note: CATALOGUES,
  },
  {
    family: "p4de",
    chip: "a100",
    attributes: { name: "a100", manufacturer: "nvidia", type: "gpu" },
    source: "aws-ec2-accelerated",
    reviewed: "2026-11-22",
    confidence: "third-party",
    note: CATALOGUES,
  },
  {
    family: "g6",
    chip: "l4",
    attributes: { name: "l4", manufacturer: "nvidia", type: "gpu" },
    source: "aws-ec2-accelerated",
    reviewed: "2026-11-22",
    confidence: "third-party",
    note: CATALOGUES,
  },
  {
    family: "gr6",
    chip: "l4",
    attributes: { name: "l4", manufacturer: "nvidia", type: "gpu" },
    source: "aws-ec2-accelerated",
    reviewed: "2026-11-22",
    confidence: "third-party",
    note: CATALOGUES,
  },
  {
    family: "g6f",
    chip: "l4",
    attributes: { name: "l4", manufacturer: "nvidia", type: "gpu" },
    source: "aws-ec2-accelerated",
    reviewed: "2026-11-22",
    confidence: "uncertain",
    note: "Fractional L4 (a share of one GPU); not confirmed.",
  },
  {
    family: "gr6f",
    chip: "l4",
    attributes: { name: "l4", manufacturer: "nvidia", type: "gpu" },
    source: "aws-ec2-accelerated",
    reviewed: "2026-11-22",
    confidence: "uncertain",
    note: "Fractional L4 (a share of one GPU); not confirmed.",
  },
  {
    family: "g6e",
    chip: "l40s",
    attributes: { name: "l40s", manufacturer: "nvidia", type: "gpu" },
    source: "aws-ec2-accelerated",
    reviewed: "2026-11-22",
    confidence: "third-party",
    note: CATALOGUES,
  },
  {
    family: "p5",
    chip: "h100",
    attributes: { name: "h100", manufacturer: "nvidia", type: "gpu" },
    source: "aws-ec2-accelerated",
    reviewed: "2026-11-22",
    confidence: "third-party",
    note: CATALOGUES,
  },
  {
    family: "p5e",
    chip: "h200",
    attributes: { manufacturer: "nvidia", type: "gpu" },
    source: "aws-ec2-accelerated",
    reviewed: "2026-11-22",
    confidence: "third-party",
    note: CATALOGUES,
  },
  {
    family: "p5en",
    chip: "h200",
    attributes: { manufacturer: "nvidia", type: "gpu" },
    source: "aws-ec2-accelerated",
    reviewed: "2026-11-22",
    confidence: "third-party",
    note: CATALOGUES,
  },
  {
    family: "p6-b200",
    chip: "b200",
    attributes: { manufacturer: "nvidia", type: "gpu" },
    source: "aws-ec2-accelerated",
    reviewed: "2026-11-22",
    confidence: "third-party",
    note: CATALOGUES,
  },
  {
    family: "p6-b300",
    chip: "b300",
    attributes: { manufacturer: "nvidia", type: "gpu" },
    source: "aws-ec2-accelerated",
    reviewed: "2026-11-22",
    confidence: "third-party",
    note: CATALOGUES,
  },
  {
    family: "p6e-gb200",
    chip: "gb200",
    attributes: { manufacturer: "nvidia", type: "gpu" },
    source: "aws-ec2-accelerated",
    reviewed: "2026-11-22",
    confidence: "third-party",
    note: "GB200 per AWS announcement as reported by third parties.",
  },
  {
    family: "g7e",
    chip: "rtx-pro-6000-bse",
    attributes: { manufacturer: "nvidia", type: "gpu" },
    source: "aws-ec2-accelerated",
    reviewed: "2026-11-22",
    confidence: "third-party",
    note: "RTX PRO 6000 Blackwell Server Edition per third-party reports.",
  },
  {
    family: "g7",
    chip: "rtx-pro-4500-bse",
    attributes: { manufacturer: "nvidia", type: "gpu" },
    source: "aws-ec2-accelerated",
    reviewed: "2026-11-22",
    confidence: "uncertain",
    note: "RTX PRO 4500 Blackwell Server Edition per a June 2026 third-party report.",
  },
  {
    family: "inf1",
    chip: "inferentia",
    attributes: { name: "inferentia", manufacturer: "amazon-web-services", type: "inference" },
    source: "aws-ec2-accelerated",
    reviewed: "2026-11-22",
    confidence: "third-party",
    note: CATALOGUES,
  },
  {
    family: "inf2",
    chip: "inferentia2",
    attributes: { name: "inferentia2", manufacturer: "amazon-web-services", type: "inference" },
    source: "aws-ec2-accelerated",
    reviewed: "2026-11-22",
    confidence: "third-party",
    note: CATALOGUES,
  },
  {
    family: "trn1",
    chip: "trainium",
    attributes: { name: "trainium", manufacturer: "amazon-web-services" },
    source: "aws-ec2-accelerated",
    reviewed: "2026-11-22",
    confidence: "third-party",
    note: CATALOGUES,
  },
  {
    family: "trn1n",
    chip: "trainium",
    attributes: { name: "trainium", manufacturer: "amazon-web-services" },
    source: "aws-ec2-accelerated",
    reviewed: "2026-11-22",
    confidence: "third-party",
    note: CATALOGUES,
  },
  {
    family: "trn2",
    chip: "trainium2",
    attributes: { name: "trainium2", manufacturer: "amazon-web-services" },
    source: "aws-ec2-accelerated",
    reviewed: "2026-11-22",
    confidence: "third-party",
    note: CATALOGUES,
  },
  {
    family: "dl1",
    chip: "gaudi-hl-205",
    attributes: { name: "gaudi-hl-205", manufacturer: "habana" },
    source: "aws-ec2-accelerated",
    reviewed: "2026-11-22",
    confidence: "third-party",
    note: CATALOGUES,
  },
  // Qualcomm has no AcceleratorManufacturer value in the API: any manufacturer filter excludes dl2q.
  {
    family: "dl2q",
    chip: "qualcomm-cloud-ai-100",
    attributes: { manufacturer: "qualcomm" },
    source: "aws-ec2-accelerated",
    reviewed: "2026-11-22",
    confidence: "third-party",
    note: CATALOGUES,
  },
  {
    family: "f1",
    chip: "vu9p",
    attributes: { name: "vu9p", manufacturer: "xilinx", type: "fpga" },
    source: "aws-ec2-accelerated",
    reviewed: "2026-11-22",
    confidence: "third-party",
    note: CATALOGUES,
  },
  {
    family: "f2",
    chip: "vu47p",
    attributes: { manufacturer: "xilinx", type: "fpga" },
    source: "aws-ec2-accelerated",
    reviewed: "2026-11-22",
    confidence: "third-party",
    note: CATALOGUES,
  },
  {
    family: "vt1",
    chip: "u30",
    attributes: { name: "u30", manufacturer: "xilinx", type: "media" },
    source: "aws-ec2-accelerated",
    reviewed: "2026-11-22",
    confidence: "third-party",
    note: CATALOGUES,
  },
  // Elastic Inference accelerators: `eia2.medium` (EC2) and `ml.eia2.medium` (SageMaker).
  {
    family: "eia1",
    chip: "elastic-inference",
    source: "aws-elastic-inference",
    reviewed: "2026-11-22",
    confidence: "uncertain",
    note: "Elastic Inference; end of life.",
  },
  {
    family: "eia2",
    chip: "elastic-inference",
    source: "aws-elastic-inference",
    reviewed: "2026-11-22",
    confidence: "uncertain",
    note: "Elastic Inference; end of life.",
  },
  // AppStream 2.0 graphics families that are not EC2 family names.
  {
    family: "graphics-pro",
    chip: "m60",
    prefix: "stream.",
    source: "aws-appstream-instance-types",
    reviewed: "2026-11-22",
    confidence: "uncertain",
    note: "AppStream 2.0 Graphics Pro (NVIDIA Tesla M60); recalled.",
  },
  {
    family: "graphics-design",
    chip: "firepro-s7150x2",
    prefix: "stream.",
    source: "aws-appstream-instance-types",
    reviewed: "2026-11-22",
    confidence: "uncertain",
    note: "AppStream 2.0 Graphics Design (AMD FirePro S7150 x2); recalled.",
  },
];

/** The values the EC2 API accepts (AWS SDK for JavaScript v3 enums). */
export const AWS_ACCELERATOR_ATTRIBUTE_VALUES = {
  names: [
    "a100",
    "a10g",
    "gaudi-hl-205",
    "h100",
    "inferentia",
    "inferentia2",
    "k520",
    "k80",
    "l4",
    "l40s",
    "m60",
    "radeon-pro-v520",
    "t4",
    "t4g",
    "trainium",
    "trainium2",
    "u30",
    "v100",
    "vu9p",
  ],
  manufacturers: ["amazon-web-services", "amd", "habana", "nvidia", "xilinx"],
  types: ["gpu", "fpga", "inference", "media"],
  source: "aws-sdk-ec2-accelerator-enums",
  reviewed: "2026-11-22",
} as const;

/**
 * Leading letters of the EC2 instance families known to carry no accelerator ("c" for c7g, "mac"
 * for mac2-m2). A family of @pulumi/aws's InstanceType enum with other leading letters, and not
 * in AWS_ACCELERATOR_FAMILIES, fails the unit tests and `npm run data:check` until a person decides
 * whether it carries an accelerator.
 */
export const AWS_NON_ACCELERATOR_SERIES: readonly {
  readonly series: string;
  readonly source: string;
  readonly reviewed: string;
}[] = [
  "a",
  "c",
  "cc",
  "cr",
  "d",
  "h",
  "hi",
  "hs",
  "hpc",
  "i",
  "im",
  "is",
  "m",
  "mac",
  "r",
  "t",
  "u",
  "x",
  "z",
].map((series) => ({ series, source: "aws-ec2-instance-types", reviewed: "2026-12-07" }));
