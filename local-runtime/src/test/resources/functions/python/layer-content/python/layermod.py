# Layer content: extracted to <opt>/python/layermod.py


def value():
    return "from layer"
