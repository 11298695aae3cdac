// A CommonJS handler: require() finds the SDK through NODE_PATH (/var/runtime/node_modules).
const { LambdaClient, ListFunctionsCommand } = require('@aws-sdk/client-lambda');

exports.handler = async () => {
  const out = await new LambdaClient({}).send(new ListFunctionsCommand({}));
  return { endpoint: process.env.AWS_ENDPOINT_URL, functions: out.Functions.map((f) => f.FunctionName).sort() };
};
