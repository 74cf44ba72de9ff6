"""What the app does, without Gradio: answer with chat history, draft briefing notes, add and remove
documents, record feedback, export an answer; and the per-session conversation the handlers pass around."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
import tempfile
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .answer import Answer
from .brief import Briefing, draft_brief, phrase_brief
from .briefdoc import write_note
from .errors import ClusterQAError, IngestError
from .ingest import MB, check_size
from .inputs import safe_filename
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
        self.uploads_dir = Path(settings.corpus_dir).resolve() / "uploads"  # uploads live in the corpus, nowhere else
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
        """Check, copy into corpus/uploads/ under a safe name and ingest; returns a status line.
        Raises IngestError for bad files, leaving nothing of them in uploads/ or the index."""
        if not files:
            raise IngestError("Choose one or more files to upload first.")
        limit = self.settings.max_upload_mb * MB
        named = [(Path(f), safe_filename(Path(f).name)) for f in files]
        for path, name in named:
            if Path(name).suffix.lower() not in SUPPORTED_SUFFIXES:
                raise IngestError(f"'{name}' is not a supported type. Upload {', '.join(SUPPORTED_SUFFIXES)} files.")
            check_size(path, limit)
        self.uploads_dir.mkdir(parents=True, exist_ok=True)
        stored, previous = [], {}
        for path, name in named:
            target = self.uploads_dir / name
            if target.resolve().parent != self.uploads_dir.resolve():  # safe_filename makes this impossible
                raise IngestError(f"'{name}' is not a plain file name.")
            if target.exists():  # kept aside until the new version is indexed
                previous[target] = target.with_name(f".{name}.previous")
                os.replace(target, previous[target])
            shutil.copyfile(path, target)
            stored.append(target)
        error: ClusterQAError | None = None
        report = None
        try:
            with self.lock:
                report = self.assistant.ingest(stored, progress=progress)
                if self.assistant.index.count():
                    self.assistant.retriever  # noqa: B018 - rebuild now, so the next question is fast
        except ClusterQAError as exc:  # e.g. the store is read-only: nothing of this upload stays
            error = exc
        failed = {Path(p) for p, _ in report.failed} if report else set(stored)
        for target in stored:  # a file that did not go in leaves uploads/ as it was
            if target in failed:
                target.unlink(missing_ok=True)
                if target in previous:
                    os.replace(previous[target], target)
            elif target in previous:
                previous[target].unlink(missing_ok=True)
        if error is not None or report is None:
            raise error or IngestError("The upload was not indexed.")
        if report.failed:
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

    # briefings

    def brief(self, topic: str, cluster: str = ALL, answerer: str | None = None) -> Briefing:
        """A briefing note on the topic (narrowed to one case study when cluster is set)."""
        with self.lock:  # the LLM, if any, phrases it after the lock: a slow model holds up no one else
            note = draft_brief(self.assistant, topic, (cluster,) if cluster else (), answerer="extractive")
        return phrase_brief(self.assistant, note, answerer or None)

    def export_brief(self, note: Briefing, suffix: str) -> str:
        """The note written as .md or .docx in this app's export folder; its path."""
        stem = safe_filename(re.sub(r"\W+", "-", note.topic.lower()).strip("-")[:60] or "briefing")
        return str(write_note(note, self.export_dir / f"briefing-{stem}{suffix}"))

    def export_file(self, turn: Turn, n: int) -> str:
        path = self.export_dir / f"answer-{n}.md"
        path.write_text(answer_export(turn.answer, turn.standalone), encoding="utf-8")
        return str(path)
