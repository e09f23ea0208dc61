// Where each AWS resource kind selects instance types or accelerators (@pulumi/aws 7.48 inputs).
// One small extractor per type token; the catalogue in catalogue/accelerators.ts decides what a value
// means. Patterns use `[]` for "every item of this list", as in
// `launchTemplateConfigs[].overrides[].instanceType`; a pattern that ends in `[]` is a list of
// instance types. Reported paths carry the real indexes: `launchTemplateConfigs[0].overrides[1]…`.
import {
  classifyAwsAcceleratorAttributes,
  classifyAwsInstanceType,
  unspecifiedAccelerator,
} from "../../catalogue/accelerators";
import type { AcceleratorInfo } from "../../data/types";
import type { ComputeExtractor } from "../compute";
import { ComputeCollector } from "../compute";
import type { Props, Read } from "../../values";
import {
  Computed,
  decodeJsonContainer,
  isRecord,
  read,
  readString,
  readStrings,
  unwrap,
} from "../../values";
import {
  ACCELERATED_EKS_AMI_PATTERNS,
  ACCELERATED_EKS_AMI_TYPES,
  EC2_CAPACITY_BLOCK,
  GPU_CODEBUILD_ENVIRONMENT_PATTERNS,
  GPU_CODEBUILD_ENVIRONMENT_TYPES,
  GPU_KUBERNETES_RESOURCES,
  GPU_RESOURCE_REQUIREMENT_TYPE,
  WORKSPACES_GRAPHICS_PATTERN,
  WORKSPACES_GRAPHICS_TYPES,
} from "../../data/accelerators/aws-platform-hints";
import { matchSetting } from "./platforms";

type Step = (c: ComputeCollector, root: unknown, path: string, base: string) => void;

// ---------------------------------------------------------------------------------------------
// Path walking

function join(base: string, path: string): string {
  if (!base) return path;
  if (!path) return base;
  return path.startsWith("[") ? `${base}${path}` : `${base}.${path}`;
}

/**
 * Applies `leaf` at every place `pattern` names. `a[].b` walks the list `a`; a trailing `[]`
 * (`instanceTypes[]`) hands the list itself to `leaf` (see `typeList`).
 */
function at(c: ComputeCollector, root: unknown, pattern: string, base: string, leaf: Step): void {
  const i = pattern.indexOf("[].");
  if (i < 0) {
    leaf(c, root, pattern.endsWith("[]") ? pattern.slice(0, -2) : pattern, base);
    return;
  }
  const rest = pattern.slice(i + 3);
  c.each(root, pattern.slice(0, i), base, (item, itemPath) => at(c, item, rest, itemPath, leaf));
}

// ---------------------------------------------------------------------------------------------
// Leaves

const instanceType: Step = (c, root, path, base) => void c.type(root, path, base);
const typeList: Step = (c, root, path, base) => void c.types(root, path, base);

/** `pattern` ending in `[]` is a list of types, otherwise one type. */
function types(...patterns: string[]): (c: ComputeCollector, props: Props) => void {
  return (c, props) => {
    for (const p of patterns) at(c, props, p, "", p.endsWith("[]") ? typeList : instanceType);
  };
}

/** True when a name pattern such as `p4d.*` fixes the family (no wildcard before the first dot). */
function fixesFamily(pattern: string): boolean {
  const family = pattern.split(".")[0] ?? "";
  return family !== "" && !/[*?]/.test(family);
}

/** Classifies an instance type or a name pattern whose family is fixed (`p4d.*`). */
function classifyPattern(value: string): AcceleratorInfo | undefined {
  const direct = classifyAwsInstanceType(value);
  if (direct || !/[*?]/.test(value) || !fixesFamily(value)) return direct;
  return classifyAwsInstanceType(value.split(".")[0] ?? value);
}

function asNumber(v: unknown): number | undefined {
  if (typeof v === "number" && Number.isFinite(v)) return v;
  if (typeof v === "string" && v.trim() !== "" && Number.isFinite(Number(v))) return Number(v);
  return undefined;
}

function describeList(label: string, values: readonly string[]): string | undefined {
  return values.length > 0 ? `${label} ${values.join(", ")}` : undefined;
}

/**
 * Attribute-based instance selection (`instanceRequirements`). AWS picks accelerated types unless
 * `acceleratorCount.max` is 0. A fixed `allowedInstanceTypes` list decides on its own; otherwise
 * the catalogue classifies the accelerator filters (with none given, any accelerator may be picked).
 */
const instanceRequirements: Step = (c, root, path, base) => {
  c.each(root, path, base, (req, p) => {
    if (!isRecord(req) && !isRecord(decodeJsonContainer(req))) return;
    const max: Read<unknown> = read(req, "acceleratorCount.max", p);
    if (max instanceof Computed) {
      c.computed(max.path);
      return;
    }
    if (asNumber(max) === 0) return;

    const allowed = readStrings(req, "allowedInstanceTypes", p);
    if (allowed.computed) {
      c.computed(allowed.computed.path);
      return;
    }
    for (const a of allowed.values) {
      const info = classifyPattern(a.value);
      if (info) c.use({ path: a.path, value: a.value, info });
    }
    if (allowed.values.length > 0 && allowed.values.every((a) => fixesFamily(a.value))) return;

    const names = readStrings(req, "acceleratorNames", p);
    const manufacturers = readStrings(req, "acceleratorManufacturers", p);
    const kinds = readStrings(req, "acceleratorTypes", p);
    const pending = [names, manufacturers, kinds].flatMap((l) => (l.computed ? [l.computed] : []));
    if (pending.length > 0) {
      for (const x of pending) c.computed(x.path);
      return;
    }
    const attrs = {
      names: names.values.map((v) => v.value),
      manufacturers: manufacturers.values.map((v) => v.value),
      types: kinds.values.map((v) => v.value),
    };
    const min = asNumber(read(req, "acceleratorCount.min", p));
    const maxN = asNumber(max);
    const description = [
      `acceleratorCount ${min ?? 0}..${maxN ?? "unbounded"}`,
      describeList("acceleratorNames", attrs.names),
      describeList("acceleratorManufacturers", attrs.manufacturers),
      describeList("acceleratorTypes", attrs.types),
    ]
      .filter((x) => x !== undefined)
      .join("; ");
    // Undefined means the filters rule every accelerator out (e.g. names a100 + manufacturers amd).
    const info = classifyAwsAcceleratorAttributes(attrs);
    if (!info) return;
    c.use({ path: p, value: description, info });
  });
};

/** A setting (AMI type, environment type) that implies accelerator hardware. */
function setting(
  c: ComputeCollector,
  root: unknown,
  path: string,
  match: (value: string) => { readonly description: string; readonly vendor: string } | undefined,
): void {
  const v = readString(root, path);
  if (v instanceof Computed) {
    c.computed(v.path);
    return;
  }
  const hit = v === undefined ? undefined : match(v);
  if (v !== undefined && hit) {
    c.use({ path, value: v, info: unspecifiedAccelerator(hit.description, hit.vendor) });
  }
}

/** ECS / Batch `resourceRequirements[]` entries of type GPU with a count above zero. */
const gpuRequirements: Step = (c, root, path, base) => {
  c.each(root, path, base, (req, p) => {
    const type = readString(req, "type", p);
    if (type instanceof Computed) {
      c.computed(type.path);
      return;
    }
    if (type?.toUpperCase() !== GPU_RESOURCE_REQUIREMENT_TYPE.value) return;
    const value = readString(req, "value", p);
    if (value instanceof Computed) {
      c.computed(value.path);
      return;
    }
    if (asNumber(value) === 0) return;
    const info = unspecifiedAccelerator(
      GPU_RESOURCE_REQUIREMENT_TYPE.description,
      GPU_RESOURCE_REQUIREMENT_TYPE.vendor,
    );
    c.use({ path: p, value: `${type} ${value ?? ""}`.trim(), info });
  });
};

/** Kubernetes `resources.{limits,requests}` maps of Batch-on-EKS containers. */
const kubernetesResources: Step = (c, root, path, base) => {
  for (const kind of ["limits", "requests"]) {
    const where = join(path, kind);
    const map = read(root, where, base);
    if (map instanceof Computed) {
      c.computed(map.path);
      continue;
    }
    if (!isRecord(map)) continue;
    for (const [key, raw] of Object.entries(unwrap(map))) {
      const hit = matchSetting(key, GPU_KUBERNETES_RESOURCES);
      if (!hit) continue;
      const keyPath = `${join(base, where)}["${key}"]`;
      const count = readString(raw, "", keyPath);
      if (count instanceof Computed) {
        c.computed(count.path);
        continue;
      }
      if (asNumber(count) === 0) continue;
      const info = unspecifiedAccelerator(hit.description, hit.vendor);
      c.use({ path: keyPath, value: `${key}: ${count ?? ""}`.trim(), info });
    }
  }
};

// ---------------------------------------------------------------------------------------------
// Extractors

function extractor(...parts: ((c: ComputeCollector, props: Props) => void)[]): ComputeExtractor {
  return (props) => {
    const c = new ComputeCollector(classifyPattern);
    const root = unwrap(props);
    for (const part of parts) part(c, root);
    return c.result();
  };
}

function requirementsAt(...patterns: string[]): (c: ComputeCollector, props: Props) => void {
  return (c, props) => {
    for (const p of patterns) at(c, props, p, "", instanceRequirements);
  };
}

/** ECS / Batch `resourceRequirements[]` lists at each pattern (GPU entries above zero). */
export function gpuRequirementsAt(
  ...patterns: string[]
): (c: ComputeCollector, props: Props) => void {
  return (c, props) => {
    for (const p of patterns) at(c, props, p, "", gpuRequirements);
  };
}

/** EKS node groups: the instance types decide; with none given, an accelerated AMI type does. */
function eksNodeGroup(c: ComputeCollector, props: Props): void {
  const list = readStrings(props, "instanceTypes");
  if (list.computed) c.computed(list.computed.path);
  for (const v of list.values) c.value(v.value, v.path);
  if (list.values.length > 0 || list.computed) return;
  setting(c, props, "amiType", (v) =>
    matchSetting(v, ACCELERATED_EKS_AMI_TYPES, ACCELERATED_EKS_AMI_PATTERNS),
  );
}

/**
 * WorkSpaces: a graphics compute type runs on a GPU family, classified through that family (so
 * the chip decides, as for an instance type). A bundle named only by `bundleId` is not read.
 */
function workspaceComputeType(c: ComputeCollector, props: Props): void {
  const path = "workspaceProperties.computeTypeName";
  const v = readString(props, path);
  if (v instanceof Computed) {
    c.computed(v.path);
    return;
  }
  if (v === undefined) return;
  const name = v.trim().toUpperCase();
  const row = WORKSPACES_GRAPHICS_TYPES.find((r) => r.value === name);
  const info = row ? classifyAwsInstanceType(row.family) : undefined;
  if (info) {
    c.use({ path, value: v, info: { ...info, family: `${info.family} (WorkSpaces ${name})` } });
  } else if (WORKSPACES_GRAPHICS_PATTERN.pattern.test(name)) {
    const { description, vendor } = WORKSPACES_GRAPHICS_PATTERN;
    c.use({ path, value: v, info: unspecifiedAccelerator(`${description}: ${name}`, vendor) });
  }
}

function codeBuildEnvironment(path: string): (c: ComputeCollector, props: Props) => void {
  return (c, props) =>
    setting(c, props, path, (v) =>
      matchSetting(v, GPU_CODEBUILD_ENVIRONMENT_TYPES, GPU_CODEBUILD_ENVIRONMENT_PATTERNS),
    );
}

/** Capacity Blocks exist only for accelerated instance types; the type itself is in the offering. */
function capacityBlock(c: ComputeCollector, props: Props): void {
  // Even a computed offering is accelerated capacity, so this is a use either way.
  const id = readString(props, EC2_CAPACITY_BLOCK.value);
  c.use({
    path: EC2_CAPACITY_BLOCK.value,
    value: id === undefined ? "" : String(id),
    info: unspecifiedAccelerator(EC2_CAPACITY_BLOCK.description, EC2_CAPACITY_BLOCK.vendor),
  });
}

/** Batch job definitions: JSON-string container, ECS and multi-node properties, plus EKS pods. */
function batchJobDefinition(c: ComputeCollector, props: Props): void {
  gpuRequirementsAt(
    "containerProperties.resourceRequirements[]",
    "ecsProperties.taskProperties[].containers[].resourceRequirements[]",
    "nodeProperties.nodeRangeProperties[].container.resourceRequirements[]",
    "nodeProperties.nodeRangeProperties[].ecsProperties.taskProperties[].containers[].resourceRequirements[]",
  )(c, props);
  types("nodeProperties.nodeRangeProperties[].instanceTypes[]")(c, props);
  for (const list of ["containers", "initContainers"]) {
    at(c, props, `eksProperties.podProperties.${list}[].resources`, "", kubernetesResources);
  }
}

const SAGEMAKER_USER_APPS = [
  "codeEditorAppSettings",
  "jupyterLabAppSettings",
  "jupyterServerAppSettings",
  "kernelGatewayAppSettings",
  "rSessionAppSettings",
  "tensorBoardAppSettings",
] as const;
const SAGEMAKER_SPACE_APPS = [
  "codeEditorAppSettings",
  "jupyterLabAppSettings",
  "jupyterServerAppSettings",
  "kernelGatewayAppSettings",
] as const;

function appSpecs(base: string, apps: readonly string[]): string[] {
  return apps.map((app) => `${base}.${app}.defaultResourceSpec.instanceType`);
}

function trainingResources(base: string): string[] {
  return [
    `${base}.resourceConfig.instanceType`,
    `${base}.resourceConfig.instanceGroups[].instanceType`,
    `${base}.hyperParameterTuningResourceConfig.instanceType`,
    `${base}.hyperParameterTuningResourceConfig.instanceConfigs[].instanceType`,
  ];
}

const OVERRIDES = "launchTemplateConfigs[].overrides[]";

export const AWS_COMPUTE_EXTRACTORS: ReadonlyMap<string, ComputeExtractor> = new Map<
  string,
  ComputeExtractor
>([
  // EC2. An instance that names only a launch template is judged through the template.
  ["aws:ec2/instance:Instance", extractor(types("instanceType"))],
  [
    "aws:ec2/launchTemplate:LaunchTemplate",
    extractor(types("instanceType"), requirementsAt("instanceRequirements")),
  ],
  ["aws:ec2/launchConfiguration:LaunchConfiguration", extractor(types("instanceType"))],
  ["aws:ec2/spotInstanceRequest:SpotInstanceRequest", extractor(types("instanceType"))],
  [
    "aws:ec2/spotFleetRequest:SpotFleetRequest",
    extractor(
      types("launchSpecifications[].instanceType", `${OVERRIDES}.instanceType`),
      requirementsAt(`${OVERRIDES}.instanceRequirements`),
    ),
  ],
  [
    "aws:ec2/fleet:Fleet",
    extractor(
      types(`${OVERRIDES}.instanceType`, "fleetInstanceSets[].instanceType"),
      requirementsAt(`${OVERRIDES}.instanceRequirements`),
    ),
  ],
  [
    "aws:autoscaling/group:Group",
    extractor(
      types("mixedInstancesPolicy.launchTemplate.overrides[].instanceType"),
      requirementsAt("mixedInstancesPolicy.launchTemplate.overrides[].instanceRequirements"),
    ),
  ],
  ["aws:ec2/capacityReservation:CapacityReservation", extractor(types("instanceType"))],
  ["aws:ec2/capacityBlockReservation:CapacityBlockReservation", extractor(capacityBlock)],
  ["aws:ec2/dedicatedHost:DedicatedHost", extractor(types("instanceType", "instanceFamily"))],

  // Containers and batch.
  ["aws:eks/nodeGroup:NodeGroup", extractor(eksNodeGroup)],
  [
    "aws:batch/computeEnvironment:ComputeEnvironment",
    extractor(types("computeResources.instanceTypes[]")),
  ],
  ["aws:batch/jobDefinition:JobDefinition", extractor(batchJobDefinition)],
  [
    "aws:ecs/capacityProvider:CapacityProvider",
    extractor(
      requirementsAt("managedInstancesProvider.instanceLaunchTemplate.instanceRequirements"),
    ),
  ],
  [
    "aws:ecs/taskDefinition:TaskDefinition",
    extractor(gpuRequirementsAt("containerDefinitions[].resourceRequirements[]")),
  ],
  // Lambda Managed Instances take only architectures and allowed/excluded type lists.
  [
    "aws:lambda/capacityProvider:CapacityProvider",
    extractor(types("instanceRequirements[].allowedInstanceTypes[]")),
  ],

  // EMR.
  [
    "aws:emr/cluster:Cluster",
    extractor(
      types(
        "masterInstanceGroup.instanceType",
        "coreInstanceGroup.instanceType",
        "masterInstanceFleet.instanceTypeConfigs[].instanceType",
        "coreInstanceFleet.instanceTypeConfigs[].instanceType",
      ),
    ),
  ],
  ["aws:emr/instanceGroup:InstanceGroup", extractor(types("instanceType"))],
  ["aws:emr/instanceFleet:InstanceFleet", extractor(types("instanceTypeConfigs[].instanceType"))],

  // SageMaker.
  ["aws:sagemaker/notebookInstance:NotebookInstance", extractor(types("instanceType"))],
  [
    "aws:sagemaker/endpointConfiguration:EndpointConfiguration",
    extractor(
      types(
        "productionVariants[].instanceType",
        "productionVariants[].acceleratorType",
        "shadowProductionVariants[].instanceType",
        "shadowProductionVariants[].acceleratorType",
      ),
    ),
  ],
  [
    "aws:sagemaker/domain:Domain",
    extractor(
      types(
        ...appSpecs("defaultUserSettings", SAGEMAKER_USER_APPS),
        ...appSpecs("defaultSpaceSettings", SAGEMAKER_SPACE_APPS),
        "domainSettings.rStudioServerProDomainSettings.defaultResourceSpec.instanceType",
      ),
    ),
  ],
  [
    "aws:sagemaker/userProfile:UserProfile",
    extractor(types(...appSpecs("userSettings", SAGEMAKER_USER_APPS))),
  ],
  [
    "aws:sagemaker/space:Space",
    extractor(types(...appSpecs("spaceSettings", SAGEMAKER_SPACE_APPS))),
  ],
  ["aws:sagemaker/app:App", extractor(types("resourceSpec.instanceType"))],
  [
    "aws:sagemaker/trainingJob:TrainingJob",
    extractor(
      types(
        "resourceConfig.instanceType",
        "resourceConfig.instanceGroups[].instanceType",
        "debugRuleConfigurations[].instanceType",
        "profilerRuleConfigurations[].instanceType",
      ),
    ),
  ],
  [
    "aws:sagemaker/hyperParameterTuningJob:HyperParameterTuningJob",
    extractor(
      types(
        ...trainingResources("trainingJobDefinition"),
        ...trainingResources("trainingJobDefinitions[]"),
      ),
    ),
  ],
  [
    "aws:sagemaker/dataQualityJobDefinition:DataQualityJobDefinition",
    extractor(types("jobResources.clusterConfig.instanceType")),
  ],
  [
    "aws:sagemaker/monitoringSchedule:MonitoringSchedule",
    extractor(
      types(
        "monitoringScheduleConfig.monitoringJobDefinition.monitoringResources.clusterConfig.instanceType",
      ),
    ),
  ],
  [
    "aws:sagemaker/algorithm:Algorithm",
    extractor(
      types(
        "trainingSpecification.supportedTrainingInstanceTypes[]",
        "inferenceSpecification.supportedRealtimeInferenceInstanceTypes[]",
        "inferenceSpecification.supportedTransformInstanceTypes[]",
        "validationSpecification.validationProfiles[].trainingJobDefinition.resourceConfig.instanceType",
        "validationSpecification.validationProfiles[].trainingJobDefinition.resourceConfig.instanceGroups[].instanceType",
        "validationSpecification.validationProfiles[].transformJobDefinition.transformResources.instanceType",
      ),
    ),
  ],

  // Other services that run on EC2 instance types.
  ["aws:gamelift/fleet:Fleet", extractor(types("ec2InstanceType"))],
  [
    "aws:gamelift/gameServerGroup:GameServerGroup",
    extractor(types("instanceDefinitions[].instanceType")),
  ],
  ["aws:appstream/fleet:Fleet", extractor(types("instanceType"))],
  ["aws:workspaces/workspace:Workspace", extractor(workspaceComputeType)],
  ["aws:appstream/imageBuilder:ImageBuilder", extractor(types("instanceType"))],
  ["aws:cloud9/environmentEC2:EnvironmentEC2", extractor(types("instanceType"))],
  [
    "aws:imagebuilder/infrastructureConfiguration:InfrastructureConfiguration",
    extractor(types("instanceTypes[]")),
  ],
  ["aws:codebuild/project:Project", extractor(codeBuildEnvironment("environment.type"))],
  [
    "aws:codebuild/fleet:Fleet",
    extractor(codeBuildEnvironment("environmentType"), types("computeConfiguration.instanceType")),
  ],
  ["aws:opensearch/domain:Domain", extractor(types("clusterConfig.instanceType"))],
]);
