"""The Assistant: settings -> embedder, index and retriever, made once; ask() -> Answer."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from .answer import Answer, get_answerer
from .errors import NoIndexError
from .index import Embedder, Index, index_exists, make_embedder, open_client
from .ingest import MB, IngestReport, Progress, ingest
from .inputs import clean_question
from .retrieve import Retriever
from .settings import Settings, quiet_offline_env


class Assistant:
    """Question answering over the indexed documents.

    Example:
        >>> assistant = Assistant.from_settings()
        >>> assistant.ask("How much seeded the LCR Investment Zone?").answer
        "The LCR's life sciences focused Investment Zone ... £160 million in government funding. [1]"
    """

    def __init__(self, settings: Settings, embedder: Embedder, index: Index) -> None:
        self.settings, self.embedder, self.index = settings, embedder, index
        self._retriever: Retriever | None = None

    @classmethod
    def from_settings(
        cls,
        settings: Settings | None = None,
        *,
        require_index: bool = True,
        embedder_factory: Callable[[Settings], Embedder] | None = None,
    ) -> Assistant:
        """Open the store and the embedding model (from EMBEDDERS, unless embedder_factory makes it)."""
        quiet_offline_env()
        settings = settings or Settings.from_env()
        if require_index and not index_exists(settings):
            raise NoIndexError(f"No index at {settings.index_dir}/. Run 'clusterqa ingest corpus/' first.")
        client = open_client(settings)  # before the slow model load, so a missing server fails fast
        embedder = (embedder_factory or make_embedder)(settings)
        return cls(settings, embedder, Index.open(settings, embedder, client))

    @property
    def retriever(self) -> Retriever:
        """Built on first use from what Chroma holds; rebuilt after every ingest or removal."""
        if self._retriever is None:
            self._retriever = Retriever(self.index, self.index.snapshot())
        return self._retriever

    def ask(
        self,
        question: str,
        *,
        k: int | None = None,
        cluster: str | None = None,
        document: str | None = None,
        answerer: str | None = None,
    ) -> Answer:
        """Answer one question with citations, or abstain (QuestionError when it is empty or too long).
        latency_ms excludes model loading."""
        question = clean_question(question, self.settings.max_question_chars)
        retriever = self.retriever
        started = time.perf_counter()
        retrieval = retriever.retrieve(question, k or self.settings.k, cluster=cluster, document=document)
        answer = get_answerer(answerer or self.settings.answerer)(retrieval)
        return replace(answer, latency_ms=(time.perf_counter() - started) * 1000)

    def ingest(self, paths: list[Path], progress: Progress | None = None) -> IngestReport:
        report = ingest(
            self.index,
            paths,
            chunk_chars=self.settings.chunk_chars,
            max_bytes=self.settings.max_upload_mb * MB,
            progress=progress,
        )
        self._retriever = None
        return report

    def remove(self, path: str) -> int:
        removed = self.index.delete(path)
        self._retriever = None
        return removed
