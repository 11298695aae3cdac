# handler: lambda_function.lambda_handler


class ValidationError(Exception):
    pass


def lambda_handler(event, context):
    print("about to fail")
    raise ValidationError("bad input")
