// An Azure OpenAI account (Cognitive Services, kind "OpenAI") with a GPT-4o deployment in Azure
// China, China East 2. The account names its region the way the portal shows it ("China East 2");
// the deployment has no location of its own and lives in the account.
import * as cognitiveservices from "@pulumi/azure-native/cognitiveservices";
import * as resources from "@pulumi/azure-native/resources";

const group = new resources.ResourceGroup("openai-rg", {
  resourceGroupName: "rg-openai-cn",
  location: "chinaeast2",
});

const account = new cognitiveservices.Account("openai-account", {
  accountName: "oai-cn-prod",
  resourceGroupName: group.name,
  location: "China East 2",
  kind: "OpenAI",
  sku: { name: "S0" },
  properties: { customSubDomainName: "oai-cn-prod", publicNetworkAccess: "Disabled" },
});

new cognitiveservices.Deployment("gpt4o-deployment", {
  accountName: account.name,
  resourceGroupName: group.name,
  deploymentName: "gpt-4o",
  properties: { model: { format: "OpenAI", name: "gpt-4o", version: "2024-08-06" } },
  sku: { name: "Standard", capacity: 10 },
});
