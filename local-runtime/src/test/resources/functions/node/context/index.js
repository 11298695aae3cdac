// handler: index.handler
const os = require('os');

exports.handler = async (event, context) => ({
  functionName: context.functionName,
  functionVersion: context.functionVersion,
  invokedFunctionArn: context.invokedFunctionArn,
  memoryLimitInMB: context.memoryLimitInMB,
  awsRequestId: context.awsRequestId,
  logGroupName: context.logGroupName,
  logStreamName: context.logStreamName,
  identity: context.identity,
  clientContext: context.clientContext,
  remainingTimeInMillis: context.getRemainingTimeInMillis(),
  callbackWaitsForEmptyEventLoop: context.callbackWaitsForEmptyEventLoop,
  hasLegacyMethods: ['done', 'succeed', 'fail'].every((m) => typeof context[m] === 'function'),
  env: {
    AWS_LAMBDA_FUNCTION_NAME: process.env.AWS_LAMBDA_FUNCTION_NAME,
    _HANDLER: process.env._HANDLER,
    AWS_EXECUTION_ENV: process.env.AWS_EXECUTION_ENV,
    AWS_REGION: process.env.AWS_REGION,
    MY_VAR: process.env.MY_VAR,
    TZ: process.env.TZ,
    _X_AMZN_TRACE_ID: process.env._X_AMZN_TRACE_ID,
  },
  cwd: process.cwd(),
  tmpdir: os.tmpdir(),
});
