import base64
import json
import os


def lambda_handler(event, context):
    """Records every record it gets (one JSON line each in $OUT), reports the items whose payload says "fail" and
    raises when one says "crash". Tumbling-window invocations count their records in the state."""
    out = os.environ["OUT"]
    failures = []
    crash = None
    for r in event.get("Records", []):
        source = r.get("eventSource")
        if source == "aws:sqs":
            ident, payload = r["messageId"], r["body"]
        elif source == "aws:kinesis":
            ident = r["kinesis"]["sequenceNumber"]
            payload = base64.b64decode(r["kinesis"]["data"]).decode("utf-8")
        else:
            ident = r["dynamodb"]["SequenceNumber"]
            payload = json.dumps(r["dynamodb"])
        with open(out, "a") as f:
            f.write(json.dumps({"request": context.aws_request_id, "id": ident, "payload": payload, "record": r}) + "\n")
        if "fail" in payload:
            failures.append({"itemIdentifier": ident})
        if "crash" in payload:
            crash = payload
    if "window" in event:
        state = dict(event.get("state") or {})
        state["count"] = state.get("count", 0) + len(event.get("Records", []))
        with open(out, "a") as f:
            f.write(json.dumps({"request": context.aws_request_id, "window": event["window"], "state": state,
                                "final": event["isFinalInvokeForWindow"]}) + "\n")
        return {"state": state, "batchItemFailures": failures}
    if crash:
        raise RuntimeError("crash requested: " + crash)
    return {"batchItemFailures": failures}
