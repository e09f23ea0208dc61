// Pulumi AWSx components (@pulumi/awsx, `awsx:`), judged from their own inputs: ECS task
// definitions and services on EC2 whose containers reserve GPUs (`resourceRequirements` of type
// GPU). Input names were checked against pulumi/pulumi-awsx
// provider/cmd/pulumi-resource-awsx/schema.json: `container` (one container) or `containers`
// (a map of name to container), and `taskDefinitionArgs` of the services. Fargate takes no GPUs.
import { isRecord, read, unwrap } from "../../values";
import { Computed } from "../../values";
import { classifyAwsInstanceType } from "../../catalogue/accelerators";
import { gpuRequirementsAt } from "../aws/compute";
import type { ComputeExtractor } from "../compute";
import { ComputeCollector } from "../compute";
import type { Props } from "../../values";

export { awsComponentPlacement as awsxPlacement } from "../aws/components";
export { awsComponentResolveInherited as awsxResolveInherited } from "../aws/components";

/** `container` and every entry of the `containers` map under `base`. */
function containers(base: string): (c: ComputeCollector, props: Props) => void {
  const at = (p: string): string => (base ? `${base}.${p}` : p);
  return (c, props) => {
    gpuRequirementsAt(`${at("container")}.resourceRequirements[]`)(c, props);
    const map = read(props, at("containers"));
    if (map instanceof Computed) {
      c.computed(map.path);
      return;
    }
    if (!isRecord(map)) return;
    for (const name of Object.keys(unwrap(map))) {
      const key = `${at("containers")}.${name}`;
      if (/^[A-Za-z0-9_-]+$/.test(name))
        gpuRequirementsAt(`${key}.resourceRequirements[]`)(c, props);
    }
  };
}

function component(part: (c: ComputeCollector, props: Props) => void): ComputeExtractor {
  return (props) => {
    const c = new ComputeCollector(classifyAwsInstanceType);
    part(c, props);
    return c.result();
  };
}

export const AWSX_COMPUTE_EXTRACTORS: ReadonlyMap<string, ComputeExtractor> = new Map<
  string,
  ComputeExtractor
>([
  ["awsx:ecs:EC2TaskDefinition", component(containers(""))],
  ["awsx:ecs:EC2Service", component(containers("taskDefinitionArgs"))],
]);
