// Where classic Azure (@pulumi/azure, the azurerm bridge, `azure:`) resources select VM sizes.
// Tokens and property names checked in pulumi/pulumi-azure sdk/nodejs: LinuxVirtualMachine and
// WindowsVirtualMachine `size`, scale sets `sku` (OrchestratedVirtualMachineScaleSet `skuName`),
// KubernetesCluster `defaultNodePool.vmSize`, KubernetesClusterNodePool `vmSize` and `gpuInstance`
// (MIG profile), ComputeInstance `virtualMachineSize`, ComputeCluster `vmSize`. Sizes are read by
// the same Azure catalogue as azure-native.
import {
  classifyAzureDedicatedHostSku,
  classifyAzureVmSize,
  unspecifiedAccelerator,
} from "../../catalogue/accelerators";
import { Computed, readString } from "../../values";
import type { ComputeExtractor } from "../compute";
import type { Part } from "../common/paths";
import { extractor, typesAt, under } from "../common/paths";

const sizes = (...parts: Part[]): ComputeExtractor => extractor(classifyAzureVmSize, ...parts);

/** A MIG profile (`gpuInstance`) exists only on GPU sizes: a signal when the size is not catalogued. */
const migProfile: Part = (c, root) => {
  const v = readString(root, "gpuInstance");
  if (v instanceof Computed) c.computed(v.path);
  else if (v !== undefined && c.result().accelerators.length === 0) {
    c.use({
      path: "gpuInstance",
      value: v,
      info: unspecifiedAccelerator("AKS multi-instance GPU profile", "NVIDIA"),
    });
  }
};

const nodePool = sizes(typesAt("vmSize"), migProfile);

export const AZURE_CLASSIC_COMPUTE_EXTRACTORS: ReadonlyMap<string, ComputeExtractor> = new Map<
  string,
  ComputeExtractor
>([
  ["azure:compute/linuxVirtualMachine:LinuxVirtualMachine", sizes(typesAt("size"))],
  ["azure:compute/windowsVirtualMachine:WindowsVirtualMachine", sizes(typesAt("size"))],
  ["azure:compute/virtualMachine:VirtualMachine", sizes(typesAt("vmSize"))],
  ["azure:compute/linuxVirtualMachineScaleSet:LinuxVirtualMachineScaleSet", sizes(typesAt("sku"))],
  [
    "azure:compute/windowsVirtualMachineScaleSet:WindowsVirtualMachineScaleSet",
    sizes(typesAt("sku")),
  ],
  [
    "azure:compute/orchestratedVirtualMachineScaleSet:OrchestratedVirtualMachineScaleSet",
    sizes(typesAt("skuName")),
  ],
  ["azure:compute/scaleSet:ScaleSet", sizes(typesAt("sku.name"))],
  [
    "azure:compute/dedicatedHost:DedicatedHost",
    extractor(
      (v) => classifyAzureDedicatedHostSku(v) ?? classifyAzureVmSize(v),
      typesAt("skuName"),
    ),
  ],
  [
    "azure:containerservice/kubernetesCluster:KubernetesCluster",
    under("defaultNodePool", nodePool),
  ],
  ["azure:containerservice/kubernetesClusterNodePool:KubernetesClusterNodePool", nodePool],
  ["azure:machinelearning/computeCluster:ComputeCluster", sizes(typesAt("vmSize"))],
  ["azure:machinelearning/computeInstance:ComputeInstance", sizes(typesAt("virtualMachineSize"))],
]);
