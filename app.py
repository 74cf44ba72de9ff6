"""Serve the clusterqa assistant in a browser: `python app.py` (settings from CLUSTERQA_* variables)."""

import sys

from clusterqa.errors import ClusterQAError
from clusterqa.settings import Settings
from clusterqa.ui import launch

if __name__ == "__main__":
    try:
        launch(Settings.from_env())
    except ClusterQAError as exc:  # a refused bind or a broken setting: one line, exit 1
        sys.exit(f"Error: {exc}")
