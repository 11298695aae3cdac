# handler: lambda_function.lambda_handler
# This file intentionally contains a syntax error.


def lambda_handler(event, context)
    return {"never": "reached"}
