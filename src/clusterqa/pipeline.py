"""The Assistant: settings -> embedder, index and retriever, made once; ask() -> Answer."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

from .answer import Answer, get_answerer
from .conversation import standalone_question
from .errors import NoIndexError
from .index import Embedder, Index, index_exists, make_embedder, open_client
from .ingest import IngestReport, Progress, ingest
from .retrieve import Retrieval, Retriever
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
        self._answerers: dict[str, Callable[[Retrieval], Answer]] = {}

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
        return cls(settings, embedder, Index(client, embedder, settings.collection))

    @property
    def retriever(self) -> Retriever:
        """Built on first use from what Chroma holds; rebuilt after every ingest or removal."""
        if self._retriever is None:
            self._retriever = Retriever(self.index, self.index.snapshot())
        return self._retriever

    def answerer(self, name: str | None = None) -> Callable[[Retrieval], Answer]:
        """The named answerer (default: settings.answerer); one that needs these settings and this model
        (the LLM one) is made for this Assistant on first use."""
        name = name or self.settings.answerer
        entry = get_answerer(name)
        bind = getattr(entry, "bind", None)
        if bind is None:
            return entry
        if name not in self._answerers:
            self._answerers[name] = bind(self.settings, self.embedder)
        return self._answerers[name]

    def ask(
        self,
        question: str,
        *,
        k: int | None = None,
        cluster: str | None = None,
        document: str | None = None,
        answerer: str | None = None,
    ) -> Answer:
        """Answer one question with citations, or abstain. latency_ms excludes model loading."""
        question = " ".join(question.split())
        answer_with = self.answerer(answerer)
        retriever = self.retriever
        started = time.perf_counter()
        retrieval = retriever.retrieve(question, k or self.settings.k, cluster=cluster, document=document)
        answer = answer_with(retrieval)
        return replace(answer, latency_ms=(time.perf_counter() - started) * 1000)

    def ask_stream(
        self,
        question: str,
        *,
        k: int | None = None,
        cluster: str | None = None,
        document: str | None = None,
        answerer: str | None = None,
    ) -> Iterator[str | Answer]:
        """Like ask(), for an answerer that streams (the LLM one): retrieves now, then the iterator gives
        pieces of answer text as they are checked, and the Answer last. Other answerers give only the Answer."""
        question = " ".join(question.split())
        answer_with = self.answerer(answerer)
        retriever = self.retriever
        started = time.perf_counter()
        retrieval = retriever.retrieve(question, k or self.settings.k, cluster=cluster, document=document)
        return self._events(answer_with, retrieval, started)

    @staticmethod
    def _events(answer_with: Callable[[Retrieval], Answer], retrieval: Retrieval, started: float) -> Iterator[str | Answer]:
        stream = getattr(answer_with, "stream", None)
        for event in stream(retrieval) if stream is not None else [answer_with(retrieval)]:
            if isinstance(event, Answer):
                event = replace(event, latency_ms=(time.perf_counter() - started) * 1000)
            yield event

    def standalone(self, question: str, history: list[str], answerer: str | None = None) -> str:
        """A follow-up rewritten to stand alone: by the LLM when the answerer has one, else by rule."""
        condense = getattr(self.answerer(answerer), "condense", None)
        if condense is not None:
            return str(condense(question, history))
        return standalone_question(question, history)

    def ingest(self, paths: list[Path], progress: Progress | None = None) -> IngestReport:
        report = ingest(self.index, paths, chunk_chars=self.settings.chunk_chars, progress=progress)
        self._retriever = None
        return report

    def remove(self, path: str) -> int:
        removed = self.index.delete(path)
        self._retriever = None
        return removed
