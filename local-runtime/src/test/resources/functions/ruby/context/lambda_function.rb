# handler: lambda_function.lambda_handler
require 'tmpdir'

def lambda_handler(event:, context:)
  {
    function_name: context.function_name,
    function_version: context.function_version,
    invoked_function_arn: context.invoked_function_arn,
    memory_limit_in_mb: context.memory_limit_in_mb,
    aws_request_id: context.aws_request_id,
    log_group_name: context.log_group_name,
    log_stream_name: context.log_stream_name,
    identity: context.identity,
    client_context: context.client_context,
    deadline_ms: context.deadline_ms,
    remaining_time_in_millis: context.get_remaining_time_in_millis,
    env: %w[AWS_LAMBDA_FUNCTION_NAME _HANDLER AWS_EXECUTION_ENV AWS_REGION MY_VAR TZ _X_AMZN_TRACE_ID]
      .to_h { |name| [name, ENV[name]] },
    cwd: Dir.pwd,
    tmpdir: Dir.tmpdir
  }
end
