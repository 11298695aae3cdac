# handler: lambda_function.lambda_handler


def lambda_handler(event, context):
    size = int(event["mb"]) * 1024 * 1024
    block = bytearray(size)
    # touch every page so the memory is really committed
    for i in range(0, size, 4096):
        block[i] = 1
    return {"allocated_mb": event["mb"], "len": len(block)}
