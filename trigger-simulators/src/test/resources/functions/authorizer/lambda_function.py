import json
import os


def lambda_handler(event, context):
    """A Lambda authorizer: appends each event it gets to $OUT; allows the token "allow", denies the others.
    HTTP API payload 2.0 simple responses, IAM policies otherwise (REST TOKEN and REQUEST, HTTP API 1.0)."""
    with open(os.environ["OUT"], "a") as f:
        f.write(json.dumps(event) + "\n")
    if event.get("type") == "TOKEN":
        token = event.get("authorizationToken")
        resource = event["methodArn"]
    else:
        headers = {k.lower(): v for k, v in (event.get("headers") or {}).items()}
        token = headers.get("authorization")
        resource = event.get("routeArn") or event.get("methodArn")
    if token == "raise":
        raise Exception("Unauthorized")
    allowed = token == "allow"
    if event.get("version") == "2.0" and os.environ.get("SIMPLE") == "1":
        return {"isAuthorized": allowed, "context": {"user": "alice", "tier": 3}}
    return {"principalId": "alice",
            "policyDocument": {"Version": "2012-10-17", "Statement": [
                {"Action": "execute-api:Invoke", "Effect": "Allow" if allowed else "Deny", "Resource": resource}]},
            "context": {"user": "alice", "tier": 3}}
