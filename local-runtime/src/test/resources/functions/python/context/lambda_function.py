# handler: lambda_function.lambda_handler
import os
import tempfile


def lambda_handler(event, context):
    identity = context.identity
    client_context = context.client_context
    return {
        "function_name": context.function_name,
        "function_version": context.function_version,
        "invoked_function_arn": context.invoked_function_arn,
        "memory_limit_in_mb": context.memory_limit_in_mb,
        "aws_request_id": context.aws_request_id,
        "log_group_name": context.log_group_name,
        "log_stream_name": context.log_stream_name,
        "identity": None if identity is None else {
            "cognito_identity_id": identity.cognito_identity_id,
            "cognito_identity_pool_id": identity.cognito_identity_pool_id,
        },
        "client_context": None if client_context is None else {
            "custom": client_context.custom,
            "env": client_context.env,
        },
        "remaining_time_in_millis": context.get_remaining_time_in_millis(),
        "env": {
            name: os.environ.get(name)
            for name in ("AWS_LAMBDA_FUNCTION_NAME", "_HANDLER", "AWS_EXECUTION_ENV",
                         "AWS_REGION", "MY_VAR", "TZ", "_X_AMZN_TRACE_ID")
        },
        "cwd": os.getcwd(),
        "tmpdir": tempfile.gettempdir(),
    }
