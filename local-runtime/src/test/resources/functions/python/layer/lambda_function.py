# handler: lambda_function.lambda_handler
# `layermod` is not part of this folder: it comes from a layer (see ../layer-content),
# mounted at $LAMBDA_CONSOLE_OPT (or /opt) so that it is found at <opt>/python/layermod.py.
import layermod


def lambda_handler(event, context):
    return {"layer": layermod.value(), "file": layermod.__file__}
