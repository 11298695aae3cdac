# handler: lambda_function.lambda_handler
# Writes where Lambda allows (/tmp) and where it does not (the code folder, the root file system).
import os


def attempt(path):
    try:
        with open(path, "w") as f:
            f.write("x")
        return "written"
    except OSError as e:
        return type(e).__name__ + ": " + e.strerror


def lambda_handler(event, context):
    return {
        "task": attempt(os.path.join(os.environ["LAMBDA_TASK_ROOT"], "new.txt")),
        "tmp": attempt("/tmp/new.txt"),
        "root": attempt("/etc/new.txt"),
        "uid": os.getuid(),
    }
