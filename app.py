"""Serve the clusterqa assistant in a browser: `python app.py` (settings from CLUSTERQA_* variables)."""

from clusterqa.settings import Settings
from clusterqa.ui import launch

if __name__ == "__main__":
    launch(Settings.from_env())
