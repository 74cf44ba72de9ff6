"""What the app does, without Gradio: answer with chat history, add and remove documents, record
feedback, export an answer; and the per-session conversation the handlers pass around."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import tempfile
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .answer import Answer
from .errors import ClusterQAError, IngestError
from .loaders import SUPPORTED_SUFFIXES
from .pipeline import Assistant
from .render import answer_export
from .settings import Settings

ALL = ""  # dropdown value meaning "no filter"


@dataclass
class Turn:
    """One answered question: what was asked, what was searched, the answer, its chat message index."""

    asked: str
    standalone: str
    answer: Answer
    message_index: int


@dataclass
class Conversation:
    turns: list[Turn] = field(default_factory=list)

    @property
    def latest(self) -> Turn | None:
        return self.turns[-1] if self.turns else None

    def standalone_history(self) -> list[str]:
        return [t.standalone for t in self.turns]


class App:
    """Handlers around one Assistant; a lock keeps ingest, removal and questions from overlapping."""

    def __init__(self, assistant: Assistant, settings: Settings) -> None:
        self.assistant, self.settings = assistant, settings
        self.lock = threading.Lock()
        self.uploads_dir = Path(settings.index_dir).resolve().parent / "uploads"
        self.export_dir = Path(tempfile.mkdtemp(prefix="clusterqa-export-"))

    # questions

    def answer(
        self,
        question: str,
        history: list[str],
        cluster: str = ALL,
        document: str = ALL,
        k: int | None = None,
        answerer: str | None = None,
    ) -> tuple[str, Answer]:
        standalone, events = self.answer_stream(question, history, cluster, document, k, answerer)
        answers = [e for e in events if isinstance(e, Answer)]
        return standalone, answers[-1]

    def answer_stream(
        self,
        question: str,
        history: list[str],
        cluster: str = ALL,
        document: str = ALL,
        k: int | None = None,
        answerer: str | None = None,
    ) -> tuple[str, Iterator[str | Answer]]:
        """The standalone question and the answer's events (checked text pieces from an LLM, then the
        Answer). Retrieval runs under the lock, generation after it, so a slow LLM holds up no one else."""
        name = answerer or None
        standalone = self.assistant.standalone(question, history, name)
        with self.lock:
            events = self.assistant.ask_stream(
                standalone, k=int(k) if k else None, cluster=cluster or None, document=document or None, answerer=name
            )
        return standalone, events

    def answerer_choices(self) -> list[tuple[str, str]]:
        """The answerers the app offers: extractive always, the LLM when a model is configured."""
        choices = [("Extractive: quotes the documents", "extractive")]
        if self.settings.llm_model:
            choices.append((f"LLM: {self.settings.llm_model}, every sentence checked", "llm"))
        return choices

    def cluster_choices(self) -> list[tuple[str, str]]:
        try:
            clusters = self.assistant.retriever.clusters()
        except ClusterQAError:
            clusters = []
        return [("All clusters", ALL)] + [(f"{region}: {cluster}", region) for region, cluster in clusters]

    def document_choices(self) -> list[tuple[str, str]]:
        return [("All documents", ALL)] + [(d.source, d.source) for d in self.assistant.index.documents()]

    # documents

    def add_documents(self, files: list[str], progress: Any = None) -> str:
        """Check, copy into uploads/ and ingest; returns a status line. Raises IngestError for bad files."""
        if not files:
            raise IngestError("Choose one or more files to upload first.")
        limit = self.settings.max_upload_mb * 1024 * 1024
        for f in files:
            path = Path(f)
            if path.suffix.lower() not in SUPPORTED_SUFFIXES:
                raise IngestError(f"'{path.name}' is not a supported type. Upload {', '.join(SUPPORTED_SUFFIXES)} files.")
            if path.stat().st_size > limit:
                raise IngestError(
                    f"'{path.name}' is {path.stat().st_size / 1e6:.1f} MB; the limit is "
                    f"{self.settings.max_upload_mb} MB (CLUSTERQA_MAX_UPLOAD_MB)."
                )
        self.uploads_dir.mkdir(parents=True, exist_ok=True)
        stored = []
        for f in files:
            target = self.uploads_dir / Path(f).name
            shutil.copyfile(f, target)
            stored.append(target)
        with self.lock:
            report = self.assistant.ingest(stored, progress=progress)
            self.assistant.retriever  # noqa: B018 - rebuild now, so the next question is fast
        if report.failed:
            for failed, _ in report.failed:
                Path(failed).unlink(missing_ok=True)  # nothing half-added stays in uploads/
            raise IngestError(" ".join(why for _, why in report.failed))
        return f"Indexed {', '.join(p.name for p in stored)}: {report.summary()}."

    def remove_document(self, path: str) -> str:
        if not path:
            raise IngestError("Choose a document to remove first.")
        with self.lock:
            removed = self.assistant.remove(path)
            if self.assistant.index.count():
                self.assistant.retriever  # noqa: B018
        if Path(path).parent == self.uploads_dir:
            Path(path).unlink(missing_ok=True)
        return f"Removed {Path(path).name} ({removed} chunks)."

    # feedback and export

    def record_feedback(self, turn: Turn, vote: str, comment: str) -> None:
        """Append one JSON line evaluators can turn into a test case."""
        a = turn.answer
        record = {
            "time": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            "vote": vote,
            "comment": comment.strip(),
            "question": turn.asked,
            "standalone_question": turn.standalone,
            "answer": a.answer,
            "abstained": a.abstained,
            "citations": a.to_dict()["citations"],
            "filters": a.filters,
        }
        path = Path(self.settings.feedback_file)
        path.parent.mkdir(parents=True, exist_ok=True)
        with self.lock, path.open("a", encoding="utf-8") as out:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")

    def export_file(self, turn: Turn, n: int) -> str:
        path = self.export_dir / f"answer-{n}.md"
        path.write_text(answer_export(turn.answer, turn.standalone), encoding="utf-8")
        return str(path)
