import base64
import gzip
import json
import os


def lambda_handler(event, context):
    """Decodes a CloudWatch Logs subscription batch and appends it, one JSON line, to $OUT."""
    data = json.loads(gzip.decompress(base64.b64decode(event["awslogs"]["data"])))
    with open(os.environ["OUT"], "a") as f:
        f.write(json.dumps(data) + "\n")
    return {"events": len(data["logEvents"])}
