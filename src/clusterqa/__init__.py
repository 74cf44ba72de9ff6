"""clusterqa: cited, offline question answering over NP11's Innovation Clusters publication."""

from .answer import Answer, Citation
from .errors import ClusterQAError, ConfigError, IngestError, NoIndexError, UnknownNameError
from .pipeline import Assistant
from .settings import Settings

__all__ = [
    "Answer",
    "Assistant",
    "Citation",
    "ClusterQAError",
    "ConfigError",
    "IngestError",
    "NoIndexError",
    "Settings",
    "UnknownNameError",
]
__version__ = "0.1.0"
