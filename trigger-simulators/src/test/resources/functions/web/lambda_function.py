import json
import time


def lambda_handler(event, context):
    """An HTTP backend for the API Gateway and Function URL tests: answers with its event, or misbehaves on
    request (a malformed response, an error, a slow answer, a plain string)."""
    path = event.get("rawPath") or event.get("path") or ""
    if path.endswith("/malformed"):
        return {"statusCode": "not a number", "unexpected": True}
    if path.endswith("/error"):
        raise RuntimeError("the function failed on purpose")
    if path.endswith("/sleep"):
        time.sleep(3)
    if path.endswith("/plain"):
        return "hello"
    if path.endswith("/object"):
        return {"just": "an object"}
    body = json.dumps({"event": event})
    if event.get("version") == "2.0":
        return {"statusCode": 201, "headers": {"Content-Type": "application/json", "X-Custom": "yes"},
                "cookies": ["session=abc; Path=/", "theme=dark"], "body": body}
    return {"statusCode": 201, "headers": {"Content-Type": "application/json", "X-Custom": "yes"},
            "multiValueHeaders": {"Set-Cookie": ["session=abc; Path=/", "theme=dark"]}, "body": body}
