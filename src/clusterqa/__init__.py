"""clusterqa: cited, offline question answering over NP11's Innovation Clusters publication."""

import os

# Before numpy loads OpenBLAS: our matrix products are one question against a few thousand vectors, where
# extra BLAS threads only spin. On this shared 2-core machine they made a 10x corpus's ask 3.5x slower
# (p50 68 ms -> 19 ms with one thread). Embedding runs in onnxruntime's own threads, unaffected.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

from .answer import Answer, Citation  # noqa: E402
from .errors import ClusterQAError, ConfigError, IngestError, NoIndexError, UnknownNameError  # noqa: E402
from .pipeline import Assistant  # noqa: E402
from .settings import Settings  # noqa: E402

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
