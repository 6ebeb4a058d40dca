"""`load_data()` for data written beside the script as JSON (generated, built-in and inline data):
returns (x rows, y rows) as lists of float lists."""
import json

from script import DATA_FILE, HERE

# ---- exported ----

def load_data():
    """The samples NN Lab trains on (after its normalisation and target encoding), written beside this script."""
    with open(HERE / DATA_FILE, encoding="utf-8") as f:
        data = json.load(f)
    return data["x"], data["y"]
