import os

import boto3


def lambda_handler(event, context):
    """Calls the local services with boto3 and no endpoint in the code: AWS_ENDPOINT_URL says where."""
    seen = {"endpoint": os.environ.get("AWS_ENDPOINT_URL"),
            "region": os.environ.get("AWS_REGION"),
            "keys": [k for k in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN")
                     if os.environ.get(k)],
            "boto3": boto3.__version__}
    if event.get("envOnly"):
        return seen
    seen["functions"] = sorted(f["FunctionName"] for f in boto3.client("lambda").list_functions()["Functions"])
    seen["logGroups"] = sorted(g["logGroupName"] for g in boto3.client("logs").describe_log_groups()["logGroups"])
    return seen
