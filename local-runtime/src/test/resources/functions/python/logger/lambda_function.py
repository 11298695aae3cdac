import json


def lambda_handler(event, context):
    tag = event.get("tag", "run")
    for i in range(event.get("n", 4)):
        print(json.dumps({"level": "ERROR" if i % 2 else "INFO", "ms": i * 100, "tag": tag, "msg": "item %d" % i}))
    print("%s plain ERROR Exception while retrying item" % tag)
    print("%s 127.0.0.1 GET /index.html 404 2326" % tag)
    return {"ok": True, "tag": tag}
