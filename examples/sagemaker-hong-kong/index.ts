// A SageMaker real-time inference endpoint for an LLM on ml.g5 (NVIDIA A10G) in Hong Kong
// (ap-east-1), placed there through the default provider's `aws:region`. Every SageMaker resource
// is an AI service in a restricted jurisdiction; the endpoint configuration also selects GPUs.
import * as iam from "@pulumi/aws/iam";
import * as sagemaker from "@pulumi/aws/sagemaker";

const role = new iam.Role("sagemaker-execution-role", {
  assumeRolePolicy: JSON.stringify({
    Version: "2012-10-17",
    Statement: [
      {
        Effect: "Allow",
        Principal: { Service: "sagemaker.amazonaws.com" },
        Action: "sts:AssumeRole",
      },
    ],
  }),
});

const model = new sagemaker.Model("llm-model", {
  executionRoleArn: role.arn,
  primaryContainer: {
    image:
      "763104351884.dkr.ecr.ap-east-1.amazonaws.com/huggingface-pytorch-tgi-inference:2.1.1-tgi1.4.0-gpu-py310-cu121-ubuntu22.04",
    environment: {
      HF_MODEL_ID: "mistralai/Mistral-7B-Instruct-v0.2",
      SM_NUM_GPUS: "1",
    },
  },
});

const endpointConfig = new sagemaker.EndpointConfiguration("llm-endpoint-config", {
  productionVariants: [
    {
      variantName: "primary",
      modelName: model.name,
      instanceType: "ml.g5.2xlarge",
      initialInstanceCount: 1,
    },
  ],
});

export const endpointName = new sagemaker.Endpoint("llm-endpoint", {
  endpointConfigName: endpointConfig.name,
}).name;
