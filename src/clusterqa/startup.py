"""A fast start for the app: the index opens and keyword search is built while the model loads behind."""

from __future__ import annotations

import threading
from collections.abc import Sequence
from typing import TYPE_CHECKING

from .index import Embedder, make_embedder
from .pipeline import Assistant
from .settings import Settings

if TYPE_CHECKING:
    import numpy as np


class BackgroundEmbedder:
    """Loads the embedding model in a thread while Gradio starts; embed() waits for it.

    Importing torch and sentence-transformers is most of the start-up time, and the page, the
    index and the keyword search need none of it, so the app is up while the model loads.
    """

    def __init__(self, settings: Settings) -> None:
        self.name = settings.embedding_model
        self._settings = settings
        self._ready = threading.Event()
        self._model: Embedder | None = None
        self._error: Exception | None = None
        threading.Thread(target=self._load, name="clusterqa-embedder", daemon=True).start()

    def _load(self) -> None:
        try:
            self._model = make_embedder(self._settings)
            self._model.embed(["warm up"])  # the first encode is slow; pay it before the first question
        except Exception as exc:  # surfaced on the first question
            self._error = exc
        finally:
            self._ready.set()

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        self._ready.wait()
        if self._error is not None:
            raise self._error
        assert self._model is not None
        return self._model.embed(texts)


def open_assistant(settings: Settings) -> Assistant:
    """The Assistant with its index open and keyword search built; the model keeps loading behind."""
    assistant = Assistant.from_settings(settings, embedder_factory=BackgroundEmbedder)
    assistant.retriever  # noqa: B018 - build the keyword index before the first question
    return assistant
