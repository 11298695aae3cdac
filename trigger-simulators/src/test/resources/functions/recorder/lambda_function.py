import json
import os


def lambda_handler(event, context):
    """Appends each event it receives, as one JSON line, to $OUT."""
    with open(os.environ["OUT"], "a") as f:
        f.write(json.dumps(event) + "\n")
    return {"received": True}
