import json
import os


def lambda_handler(event, context):
    """Records every S3 record it gets, one JSON line each in $OUT."""
    with open(os.environ["OUT"], "a") as f:
        for r in event.get("Records", []):
            f.write(json.dumps(r) + "\n")
    return {"received": len(event.get("Records", []))}
