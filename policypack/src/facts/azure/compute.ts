// Where azure-native resources select VM sizes, GPU SKUs or accelerator attributes. Property paths
// are the Pulumi (SDK) names after the provider's Check, checked against @pulumi/azure-native
// 3.28.0: flattened `properties` bags (Container Instances `containers[].resources`, the
// Compute Fleet, AKS) use the SDK shape, not the ARM REST shape.
//
// Sizes are classified by the catalogue (data/accelerators); nothing here knows a size. Kinds that
// can put accelerators behind the policy's back without naming a size are reported with
// `unspecifiedAccelerator`:
// - AKS node auto-provisioning (`nodeProvisioningProfile.mode: Auto`): Karpenter picks VM sizes at
//   run time from NodePool objects that live in Kubernetes, not in the ARM inputs, and installs GPU
//   drivers for GPU sizes. The cluster can therefore run GPU nodes with no further change the
//   policy would see, so the cluster itself is reported (fail closed).
// - the AKS AI toolchain operator (KAITO, `aiToolchainOperatorProfile.enabled`): it provisions GPU
//   nodes for the models it serves.
// - an AKS pool with a MIG `gpuInstanceProfile` whose size is not a catalogued accelerator (MIG
//   exists only on GPU sizes).
// - Compute Fleet attribute-based selection that admits accelerators.
// - Kubernetes GPU requests (Machine Learning Kubernetes deployments and instance types) and
//   Container Instances GPU SKUs the catalogue does not know.
import {
  classifyAzureContainerGpuSku,
  classifyAzureDedicatedHostSku,
  classifyAzureVmSize,
  classifyAzureWorkloadProfile,
  unspecifiedAccelerator,
} from "../../catalogue/accelerators";
import type { ComputeExtractor } from "../compute";
import { ComputeCollector } from "../compute";
import type { ComputeFacts } from "../types";
import type { Props } from "../../values";
import { Computed, isRecord, isUnknown, read, readString, readStrings, unwrap } from "../../values";

const collector = (): ComputeCollector => new ComputeCollector(classifyAzureVmSize);

const join = (base: string, path: string): string => (base ? `${base}.${path}` : path);

/** A single VM size at `path`. */
const single =
  (path: string): ComputeExtractor =>
  (props) =>
    collector().type(props, path).result();

function merge(into: ComputeCollector, facts: ComputeFacts): void {
  for (const use of facts.accelerators) into.use(use);
  for (const path of facts.computed) into.computed(path);
}

function isTrue(value: unknown): boolean {
  return value === true || (typeof value === "string" && value.toLowerCase() === "true");
}

/** A positive count: numbers, and numeric strings as Kubernetes quantities ("1", "2"). */
function positive(value: unknown): boolean {
  if (typeof value === "number") return value > 0;
  if (typeof value === "string") {
    const n = Number.parseFloat(value);
    return Number.isNaN(n) ? value.trim() !== "" : n > 0;
  }
  return false;
}

// ── Compute ───────────────────────────────────────────────────────────────────────────────────

/**
 * Host SKUs name a VM series and a host type ("NVASv4-Type1", "NCsv3-Type1"); the catalogue reads
 * them. A value that is not a host SKU is still offered as a VM size.
 */
const dedicatedHost: ComputeExtractor = (props) =>
  new ComputeCollector((sku) => classifyAzureDedicatedHostSku(sku) ?? classifyAzureVmSize(sku))
    .type(props, "sku.name")
    .result();

const virtualMachineScaleSet: ComputeExtractor = (props) => {
  const c = collector().type(props, "sku.name");
  c.each(props, "skuProfile.vmSizes", "", (item, p) => c.type(item, "name", p));
  return c.result();
};

// ── Compute Fleet ─────────────────────────────────────────────────────────────────────────────

const ACCELERATED_CATEGORIES: ReadonlySet<string> = new Set(["gpuaccelerated", "fpgaaccelerated"]);

/**
 * Attribute-based selection admits accelerators unless `acceleratorSupport` is Excluded or
 * `acceleratorCount.max` is 0. Without any accelerator attribute the service's default applies,
 * which the API reference does not state; by analogy with `localStorageSupport` ("Included …
 * as most Azure VMs support local storage") it is taken as excluding accelerators.
 */
function fleetAttributes(c: ComputeCollector, props: Props): void {
  const base = "vmAttributes";
  const attrs = read(props, base);
  if (attrs instanceof Computed) {
    c.computed(attrs.path);
    return;
  }
  if (!isRecord(attrs)) return;

  const support = readString(attrs, "acceleratorSupport", base);
  if (support instanceof Computed) {
    c.computed(support.path);
    return;
  }
  if (support?.toLowerCase() === "excluded") return;
  const max = read(attrs, "acceleratorCount.max", base);
  if (max instanceof Computed) {
    c.computed(max.path);
    return;
  }
  if (max === 0 || max === "0") return;

  const types = readStrings(attrs, "acceleratorTypes", base);
  const makers = readStrings(attrs, "acceleratorManufacturers", base);
  const categories = readStrings(attrs, "vmCategories", base);
  const min = read(attrs, "acceleratorCount.min", base);
  for (const computed of [types.computed, makers.computed, categories.computed]) {
    if (computed) c.computed(computed.path);
  }
  if (min instanceof Computed) c.computed(min.path);

  const described: string[] = [];
  if (support) described.push(`acceleratorSupport=${support}`);
  if (types.values.length)
    described.push(`acceleratorTypes=${types.values.map((v) => v.value).join("|")}`);
  if (makers.values.length) {
    described.push(`acceleratorManufacturers=${makers.values.map((v) => v.value).join("|")}`);
  }
  if (positive(min)) described.push(`acceleratorCount.min=${String(min)}`);
  const accelerated = categories.values.filter((v) =>
    ACCELERATED_CATEGORIES.has(v.value.toLowerCase()),
  );
  if (accelerated.length)
    described.push(`vmCategories=${accelerated.map((v) => v.value).join("|")}`);
  if (described.length === 0) return;

  const vendor = makers.values.length === 1 ? makers.values[0]?.value : undefined;
  c.use({
    path: base,
    value: described.join(", "),
    info: unspecifiedAccelerator("Compute Fleet attribute-based VM selection", vendor),
  });
}

const fleet: ComputeExtractor = (props) => {
  const c = collector();
  c.each(props, "vmSizesProfile", "", (item, p) => c.type(item, "name", p));
  fleetAttributes(c, props);
  return c.result();
};

// ── AKS ───────────────────────────────────────────────────────────────────────────────────────

/** One node pool: `vmSize`, VirtualMachines-pool sizes, and a MIG profile as a GPU signal. */
function nodePool(root: unknown, base: string): ComputeFacts {
  const c = collector().type(root, "vmSize", base);
  c.each(root, "virtualMachinesProfile.scale.manual", base, (item, p) => c.type(item, "size", p));
  const sizes = c.result();
  if (sizes.accelerators.length > 0) return sizes;
  const mig = readString(root, "gpuInstanceProfile", base);
  if (mig instanceof Computed) c.computed(mig.path);
  else if (mig !== undefined && sizes.computed.length === 0) {
    c.use({
      path: join(base, "gpuInstanceProfile"),
      value: mig,
      info: unspecifiedAccelerator("AKS multi-instance GPU profile", "NVIDIA"),
    });
  }
  return c.result();
}

const managedCluster: ComputeExtractor = (props) => {
  const c = collector();
  c.each(props, "agentPoolProfiles", "", (item, p) => merge(c, nodePool(item, p)));

  const mode = readString(props, "nodeProvisioningProfile.mode");
  if (mode instanceof Computed) c.computed(mode.path);
  else if (mode?.toLowerCase() === "auto") {
    c.use({
      path: "nodeProvisioningProfile.mode",
      value: mode,
      info: unspecifiedAccelerator("AKS node auto-provisioning"),
    });
  }

  const kaito = read(props, "aiToolchainOperatorProfile.enabled");
  if (kaito instanceof Computed) c.computed(kaito.path);
  else if (isTrue(kaito)) {
    c.use({
      path: "aiToolchainOperatorProfile.enabled",
      value: String(kaito),
      info: unspecifiedAccelerator("AKS AI toolchain operator (KAITO)"),
    });
  }
  return c.result();
};

const agentPool: ComputeExtractor = (props) => nodePool(props, "");

// ── Machine Learning ──────────────────────────────────────────────────────────────────────────

const ML_COMPUTE_SIZE_PATHS: ReadonlyMap<string, string> = new Map([
  ["amlcompute", "properties.properties.vmSize"],
  ["computeinstance", "properties.properties.vmSize"],
  ["virtualmachine", "properties.properties.virtualMachineSize"],
  ["aks", "properties.properties.agentVmSize"],
]);

/** Kubernetes resource names for GPUs ("nvidia.com/gpu", "amd.com/gpu", "gpu") and their vendor. */
function gpuResource(key: string): { vendor?: string } | undefined {
  const m = /^(?:([a-z0-9.-]+)\/)?gpu$/i.exec(key.trim());
  if (!m) return undefined;
  const domain = m[1]?.toLowerCase();
  if (domain?.startsWith("nvidia")) return { vendor: "NVIDIA" };
  if (domain?.startsWith("amd")) return { vendor: "AMD" };
  return {};
}

/**
 * GPU requests/limits in `resources` (maps of Kubernetes quantities keyed by resource names such as
 * "nvidia.com/gpu", which contain dots and so are read directly, not through a path).
 */
function kubernetesGpus(c: ComputeCollector, resources: unknown, base: string): void {
  const res = unwrap(resources);
  if (isUnknown(res)) {
    c.computed(base);
    return;
  }
  if (!isRecord(res)) return;
  for (const part of ["requests", "limits"]) {
    const map = unwrap(res[part]);
    const path = `${base}.${part}`;
    if (isUnknown(map)) c.computed(path);
    if (!isRecord(map)) continue;
    for (const [key, value] of Object.entries(map)) {
      const gpu = gpuResource(key);
      if (!gpu) continue;
      if (isUnknown(value)) c.computed(`${path}.${key}`);
      else if (positive(value)) {
        c.use({
          path: `${path}.${key}`,
          value: `${key}=${String(value)}`,
          info: unspecifiedAccelerator("Kubernetes GPU request", gpu.vendor),
        });
      }
    }
  }
}

const mlCompute: ComputeExtractor = (props) => {
  const c = collector();
  const type = readString(props, "properties.computeType");
  if (type instanceof Computed) c.computed(type.path);
  const known = typeof type === "string" ? type.toLowerCase() : undefined;
  const sizePath = known === undefined ? undefined : ML_COMPUTE_SIZE_PATHS.get(known);
  if (sizePath) c.type(props, sizePath);
  else if (known === undefined) {
    // computeType computed or absent: any of the size properties may apply.
    for (const p of new Set(ML_COMPUTE_SIZE_PATHS.values())) c.type(props, p);
  }
  if (known === undefined || known === "kubernetes") {
    const base = "properties.properties.instanceTypes";
    const types = read(props, base);
    if (types instanceof Computed) c.computed(types.path);
    else if (isRecord(types)) {
      for (const [name, schema] of Object.entries(unwrap(types))) {
        const s = unwrap(schema);
        if (isUnknown(s)) c.computed(`${base}.${name}`);
        else if (isRecord(s)) kubernetesGpus(c, s["resources"], `${base}.${name}.resources`);
      }
    }
  }
  return c.result();
};

const onlineDeployment: ComputeExtractor = (props) => {
  const c = collector().type(props, "properties.instanceType");
  const base = "properties.containerResourceRequirements";
  for (const part of ["containerResourceRequests", "containerResourceLimits"]) {
    const path = `${base}.${part}.gpu`;
    const v = read(props, path);
    if (v instanceof Computed) c.computed(v.path);
    else if (positive(v)) {
      c.use({ path, value: String(v), info: unspecifiedAccelerator("Kubernetes GPU request") });
    }
  }
  return c.result();
};

// ── Container Instances ───────────────────────────────────────────────────────────────────────

function containerGpus(c: ComputeCollector, props: Props): void {
  c.each(props, "containers", "", (container, containerPath) => {
    for (const part of ["requests", "limits"]) {
      const base = `${containerPath}.resources.${part}.gpu`;
      const gpu = read(container, `resources.${part}.gpu`, containerPath);
      if (gpu instanceof Computed) {
        c.computed(gpu.path);
        continue;
      }
      if (!isRecord(gpu)) continue;
      const count = read(gpu, "count", base);
      const sku = readString(gpu, "sku", base);
      if (count instanceof Computed) c.computed(count.path);
      else if (count !== undefined && !positive(count)) continue; // an explicit zero
      if (sku instanceof Computed) {
        c.computed(sku.path);
        continue;
      }
      if (count instanceof Computed) continue; // which GPU is known, whether any is not
      const info =
        (sku !== undefined ? classifyAzureContainerGpuSku(sku) : undefined) ??
        unspecifiedAccelerator("Container Instances GPU");
      c.use({ path: base, value: sku ?? `count=${String(count)}`, info });
    }
  });
}

const containerGroup: ComputeExtractor = (props) => {
  const c = collector();
  containerGpus(c, props);
  return c.result();
};

// ── Container Apps ────────────────────────────────────────────────────────────────────────────

/**
 * Workload profile types name a GPU profile ("NC24-A100", "Consumption-GPU-NC8as-T4") or a CPU one
 * ("Consumption", "D4"); the catalogue reads the name as written, including GPU-labelled profiles
 * it does not know.
 */
function workloadProfile(c: ComputeCollector, item: unknown, itemPath: string): void {
  const v = readString(item, "workloadProfileType", itemPath);
  if (v instanceof Computed) {
    c.computed(v.path);
    return;
  }
  const info = v === undefined ? undefined : classifyAzureWorkloadProfile(v);
  if (v !== undefined && info) c.use({ path: `${itemPath}.workloadProfileType`, value: v, info });
}

const managedEnvironment: ComputeExtractor = (props) => {
  const c = collector();
  c.each(props, "workloadProfiles", "", (item, p) => workloadProfile(c, item, p));
  return c.result();
};

// ── Others ────────────────────────────────────────────────────────────────────────────────────

const hdinsightCluster: ComputeExtractor = (props) => {
  const c = collector();
  c.each(props, "properties.computeProfile.roles", "", (item, p) =>
    c.type(item, "hardwareProfile.vmSize", p),
  );
  return c.result();
};

const openShiftCluster: ComputeExtractor = (props) => {
  const c = collector().type(props, "masterProfile.vmSize");
  c.each(props, "workerProfiles", "", (item, p) => c.type(item, "vmSize", p));
  return c.result();
};

/** Compute extractors keyed by normalised type token. */
export const AZURE_COMPUTE_EXTRACTORS: ReadonlyMap<string, ComputeExtractor> = new Map<
  string,
  ComputeExtractor
>([
  ["azure-native:compute:VirtualMachine", single("hardwareProfile.vmSize")],
  ["azure-native:compute:VirtualMachineScaleSet", virtualMachineScaleSet],
  ["azure-native:compute:VirtualMachineScaleSetVM", single("hardwareProfile.vmSize")],
  ["azure-native:compute:CapacityReservation", single("sku.name")],
  ["azure-native:compute:DedicatedHost", dedicatedHost],
  ["azure-native:azurefleet:Fleet", fleet],
  ["azure-native:containerservice:ManagedCluster", managedCluster],
  ["azure-native:containerservice:AgentPool", agentPool],
  ["azure-native:machinelearningservices:Compute", mlCompute],
  ["azure-native:machinelearningservices:OnlineDeployment", onlineDeployment],
  [
    "azure-native:machinelearningservices:BatchDeployment",
    single("properties.resources.instanceType"),
  ],
  ["azure-native:batch:Pool", single("vmSize")],
  ["azure-native:hdinsight:Cluster", hdinsightCluster],
  ["azure-native:redhatopenshift:OpenShiftCluster", openShiftCluster],
  ["azure-native:servicefabric:NodeType", single("vmSize")],
  ["azure-native:containerinstance:ContainerGroup", containerGroup],
  ["azure-native:containerinstance:ContainerGroupProfile", containerGroup],
  ["azure-native:containerinstance:CGProfile", containerGroup],
  ["azure-native:app:ManagedEnvironment", managedEnvironment],
]);
