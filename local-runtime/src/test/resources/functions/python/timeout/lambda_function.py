# handler: lambda_function.lambda_handler
import time


def lambda_handler(event, context):
    seconds = event.get("seconds", 10)
    print("sleeping %s seconds" % seconds)
    time.sleep(seconds)
    return {"slept": seconds}
