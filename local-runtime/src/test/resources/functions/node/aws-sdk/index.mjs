// An ES module handler, as the Lambda console writes them: the SDK is imported, the endpoint comes from
// AWS_ENDPOINT_URL.
import { LambdaClient, ListFunctionsCommand } from "@aws-sdk/client-lambda";
import { CloudWatchLogsClient, DescribeLogGroupsCommand } from "@aws-sdk/client-cloudwatch-logs";

export const handler = async () => {
  const functions = await new LambdaClient({}).send(new ListFunctionsCommand({}));
  const groups = await new CloudWatchLogsClient({}).send(new DescribeLogGroupsCommand({}));
  return {
    endpoint: process.env.AWS_ENDPOINT_URL,
    functions: functions.Functions.map((f) => f.FunctionName).sort(),
    logGroups: groups.logGroups.map((g) => g.logGroupName).sort(),
  };
};
