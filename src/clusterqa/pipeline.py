"""The Assistant: settings -> embedder, index and retriever, made once; ask() -> Answer."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

from .answer import Answer, get_answerer
from .compound import answer_in_parts
from .conversation import standalone_question
from .digest import compare_answer, summary_answer
from .errors import NoIndexError
from .index import Embedder, Index, index_exists, make_embedder, open_client
from .ingest import MB, IngestReport, Progress, ingest
from .inputs import clean_question
from .outline import Outline
from .overview import Builder, aggregate_answer, list_answer
from .retrieve import Retrieval, Retriever
from .routes import route_question
from .settings import Settings, quiet_offline_env
from .text import without_instructions, without_scene

ROUTE_ANSWERS: dict[str, Callable[[Builder, Outline], Answer | None]] = {
    "list": list_answer,
    "aggregate": aggregate_answer,
    "compare": compare_answer,
    "summary": summary_answer,
}  # routes.py decides which; None from any of them means "answer it as a fact"


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
        self._outline: Outline | None = None
        self._version: str | None = None  # the store's version stamp the retriever was built from
        self._building = threading.Lock()
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
        return cls(settings, embedder, Index.open(settings, embedder, client))

    @property
    def retriever(self) -> Retriever:
        """Built on first use from what Chroma holds; rebuilt when the store's version stamp changes, which
        every ingest or removal does, whichever process (or machine, on a shared server) made it."""
        return self._current()[0]

    @property
    def outline(self) -> Outline:
        """Sections, groups and case studies of what is indexed (built with the retriever)."""
        return self._current()[1]

    def _current(self) -> tuple[Retriever, Outline, bool]:
        """(retriever, outline, whether they were just rebuilt), after one look at the store's version stamp."""
        version = self.index.version()  # before the snapshot: a write during the read shows up next time
        retriever, outline = self._retriever, self._outline
        if retriever is not None and outline is not None and version == self._version:
            return retriever, outline, False
        with self._building:  # app workers asking at once build it once
            retriever, outline = self._retriever, self._outline
            if retriever is None or outline is None or version != self._version:
                retriever = Retriever(self.index, self.index.snapshot())
                outline = Outline.from_chunks(retriever.chunks)
                self._retriever, self._outline, self._version = retriever, outline, version
            return retriever, outline, True

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
        """Answer one question with citations, or abstain (QuestionError when it is empty or too long).
        latency_ms excludes model loading.

        Questions about the whole publication (lists, aggregates, comparisons, summaries) take their own
        route when no filter narrows the search; the rest are answered from the top-k passages."""
        asked = clean_question(question, self.settings.max_question_chars)
        question, answer_with, started, retriever, answer = self._begin(asked, cluster, document, answerer)
        if answer is None:
            answer = self._fact(question, answer_with, retriever, k, cluster, document)
        return replace(answer, question=asked, latency_ms=(time.perf_counter() - started) * 1000)

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
        asked = clean_question(question, self.settings.max_question_chars)
        question, answer_with, started, retriever, routed = self._begin(asked, cluster, document, answerer)
        if routed is None and getattr(answer_with, "stream", None) is None:  # an answerer that does not stream answers whole
            routed = self._fact(question, answer_with, retriever, k, cluster, document)
        if routed is not None:  # lists, aggregates, comparisons and summaries are built whole, not streamed
            return iter([replace(routed, question=asked, latency_ms=(time.perf_counter() - started) * 1000)])
        retrieval = retriever.retrieve(question, k or self.settings.k, cluster=cluster, document=document)
        events = self._events(answer_with, retrieval, started)
        return (replace(e, question=asked) if isinstance(e, Answer) else e for e in events)

    def _begin(
        self, asked: str, cluster: str | None, document: str | None, answerer: str | None
    ) -> tuple[str, Callable[[Retrieval], Answer], float, Retriever, Answer | None]:
        """What ask() and ask_stream() share, given the cleaned question as asked: the question to search with,
        the answerer, the clock (the version check is timed, a rebuild of the retriever is not), the retriever,
        and the whole answer already when the question is about the whole publication."""
        answer_with = self.answerer(answerer)
        started = time.perf_counter()
        retriever, outline, rebuilt = self._current()
        if rebuilt:
            started = time.perf_counter()
        # a typo respelled first, so that the idioms and notes on how to answer are read as meant ('in short suply')
        question = without_instructions(retriever.respelled(asked))
        question = retriever.without_claimed(retriever.spelled_out(question))
        routed = self._routed(question, retriever, outline, cluster) if not document else None
        return question, answer_with, started, retriever, routed

    def _fact(
        self,
        question: str,
        answer_with: Callable[[Retrieval], Answer],
        retriever: Retriever,
        k: int | None,
        cluster: str | None,
        document: str | None,
    ) -> Answer:
        """The answer from the top-k passages; when that abstains and the question asks several things at once
        ('how much, in what year, and which university got it'), the answers to each of them joined, if every one
        is answered (compound.py). An answerer that streams (the LLM one) is asked once: no model call per ask."""

        def answer(text: str) -> Answer:
            return answer_with(retriever.retrieve(text, k or self.settings.k, cluster=cluster, document=document))

        whole = answer(question)
        if not whole.abstained or getattr(answer_with, "stream", None) is not None:
            return whole
        return answer_in_parts(question, answer) or whole

    @staticmethod
    def _routed(question: str, retriever: Retriever, outline: Outline, cluster: str | None = None) -> Answer | None:
        """The answer to a question about the whole publication (routes.py), or None for a fact question.
        With a cluster filter only a summary keeps its route, narrowed to that case study ('summarise the
        case study', 'what does it say about skills'); lists, aggregates and comparisons span case studies."""
        route = route_question(question, retriever.steer, outline)
        unknown = retriever.unknown_names(without_scene(question))
        if route.kind == "compare" and len(route.regions) >= 2 and unknown:
            # 'the two life-sciences stories on either side of the Mersey - Liverpool City Region and Cheshire &
            # Warrington': both sides are named, so a name the documents never use is context, and no facet
            route = replace(route, topic=" ".join(w for w in route.topic.split() if w not in unknown))
        elif route.kind not in ROUTE_ANSWERS or unknown:
            return None
        if cluster:
            region = retriever.resolve_cluster(cluster)
            if route.kind != "summary" or route.section or route.regions not in {(), (region,)}:
                return None
            route = replace(route, regions=(region,))
        answer = ROUTE_ANSWERS[route.kind](Builder(question, route, retriever), outline)
        return replace(answer, filters={"cluster": route.regions[0]}) if answer and cluster else answer

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

    def ingest(self, paths: list[Path], progress: Progress | None = None, report: IngestReport | None = None) -> IngestReport:
        report = ingest(
            self.index,
            paths,
            chunk_chars=self.settings.chunk_chars,
            max_bytes=self.settings.max_upload_mb * MB,
            progress=progress,
            report=report,
        )
        self._retriever = self._outline = self._version = None
        return report

    def remove(self, path: str) -> int:
        removed = self.index.delete(path)
        self._retriever = self._outline = self._version = None
        return removed
