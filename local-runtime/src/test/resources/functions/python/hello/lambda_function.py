# handler: lambda_function.lambda_handler
import logging

logger = logging.getLogger()
logger.setLevel(logging.INFO)


def lambda_handler(event, context):
    print("hello from python")
    logger.info("processing request %s", context.aws_request_id)
    return {"message": "hello " + event.get("name", "world")}
