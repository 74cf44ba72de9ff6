"""The Gradio app: chat with checkable sources, filters, documents, feedback. build_app() makes it,
launch() serves it with safe defaults (loopback, no share, no analytics, optional login).

API (gradio_client):
    >>> from gradio_client import Client
    >>> client = Client("http://127.0.0.1:7860/")
    >>> client.predict("How much government funding seeded the Liverpool City Region Investment Zone?",
    ...                api_name="/ask")["citations"][0]["page"]
    7
"""

from __future__ import annotations

import datetime as dt
import ipaddress
import json
import os
import shutil
import tempfile
import threading
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .answer import Answer
from .conversation import standalone_question
from .errors import ClusterQAError, ConfigError, IngestError, NoIndexError
from .index import Embedder, Index, index_exists, make_embedder
from .loaders import SUPPORTED_SUFFIXES
from .pipeline import Assistant
from .render import (
    EMPTY_PAGE,
    EMPTY_SOURCES,
    answer_export,
    chat_markdown,
    document_rows,
    page_html,
    page_target,
    source_choices,
    sources_html,
)
from .settings import Settings, quiet_offline_env

if TYPE_CHECKING:
    import numpy as np

TITLE = "Innovation Clusters in the North — document assistant"
LOOPBACK_NAMES = {"localhost", "localhost.localdomain", "ip6-localhost"}
ALL = ""  # dropdown value meaning "no filter"
DOC_HEADERS = ["Document", "Title", "Pages", "Chunks", "Ingested at", "Path"]
EXAMPLES = [
    "How much government funding seeded the Liverpool City Region Investment Zone?",
    "What are the three main sites of the Tees Valley chemical industry?",
    "What is the North East space cluster known for?",
    "Which clusters are profiled in the case studies?",
    "What does the report recommend to send a clear signal to businesses?",
]
PLACEHOLDER = (
    "### Ask about the NP11 Innovation Clusters report\n"
    "Every answer quotes the documents and cites them as [1], [2]… — the Sources panel shows each "
    "quoted passage, and its page. When the documents do not answer, the assistant says so.\n\n"
    "Try an example below, or narrow the search with **Filters**."
)
CSS = """
.cqa-empty { color: var(--body-text-color-subdued); padding: 1em; font-style: italic; }
.cqa-source { border: 1px solid var(--border-color-primary); border-radius: 8px; padding: .6em .8em; margin-bottom: .6em; }
.cqa-source.nearest { border-style: dashed; }
.cqa-meta { color: var(--body-text-color-subdued); font-size: .9em; }
.cqa-section { font-size: .85em; color: var(--body-text-color-subdued); margin: .2em 0 .4em; }
.cqa-passage, .cqa-page-text { white-space: pre-wrap; line-height: 1.45; }
.cqa-passage mark, .cqa-page-text mark { background: #fde68a; color: #111; padding: 0 .1em; }
.cqa-abstain-head { background: #fff7ed; border-left: 4px solid #f97316; color: #7c2d12;
                    padding: .5em .8em; margin-bottom: .6em; }
.cqa-page { border: 1px solid var(--border-color-primary); border-radius: 8px; padding: .8em; max-height: 32em; overflow: auto; }
.cqa-page-head { font-weight: 600; margin-bottom: .5em; }
"""


# --- safe defaults ---------------------------------------------------------------


def parse_auth(value: str) -> list[tuple[str, str]]:
    """Logins from CLUSTERQA_AUTH: 'user:pass,user2:pass2', or the path of a file of such pairs (one or
    more a line, '#' comments). '' means no login."""
    value = value.strip()
    if not value:
        return []
    text = value
    if ":" not in value or Path(value).is_file():
        path = Path(value)
        if not path.is_file():
            raise ConfigError(f"CLUSTERQA_AUTH is neither 'user:password' pairs nor a file: '{value}'.")
        text = ",".join(line.split("#", 1)[0] for line in path.read_text(encoding="utf-8").splitlines())
    pairs = []
    for item in (part.strip() for part in text.split(",")):
        if not item:
            continue
        user, sep, password = item.partition(":")
        if not sep or not user.strip() or not password:
            raise ConfigError(
                f"CLUSTERQA_AUTH entry '{user.strip() or item}' is not 'user:password'. "
                "Use 'alice:secret,bob:secret2' or a file with one pair a line."
            )
        pairs.append((user.strip(), password))
    if not pairs:
        raise ConfigError("CLUSTERQA_AUTH is set but holds no 'user:password' pair.")
    return pairs


def is_loopback(host: str) -> bool:
    if host.lower() in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def check_bind(host: str, auth: list[tuple[str, str]]) -> None:
    """Refuse to serve beyond this machine without a login."""
    if not is_loopback(host) and not auth:
        raise ConfigError(
            f"Refusing to bind {host} without a login: anyone on the network could use the app. "
            "Set CLUSTERQA_AUTH='user:password' (or a file of such pairs), or use CLUSTERQA_HOST=127.0.0.1."
        )


# --- session state ---------------------------------------------------------------


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


# --- the app ---------------------------------------------------------------------


class App:
    """Handlers around one Assistant; a lock keeps ingest, removal and questions from overlapping."""

    def __init__(self, assistant: Assistant, settings: Settings) -> None:
        self.assistant, self.settings = assistant, settings
        self.lock = threading.Lock()
        self.uploads_dir = Path(settings.index_dir).resolve().parent / "uploads"
        self.export_dir = Path(tempfile.mkdtemp(prefix="clusterqa-export-"))

    # questions

    def answer(
        self, question: str, history: list[str], cluster: str = ALL, document: str = ALL, k: int | None = None
    ) -> tuple[str, Answer]:
        standalone = standalone_question(question, history)
        with self.lock:
            answer = self.assistant.ask(standalone, k=int(k) if k else None, cluster=cluster or None, document=document or None)
        return standalone, answer

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


def build_app(assistant: Assistant, settings: Settings | None = None) -> Any:
    """The Blocks app (not launched). API: '/ask' -> answer JSON, '/chat' -> answer Markdown."""
    import gradio as gr

    settings = settings or assistant.settings
    app = App(assistant, settings)

    with gr.Blocks(title="clusterqa", analytics_enabled=False) as demo:
        conversation = gr.State(Conversation())
        gr.Markdown(f"## {TITLE}\nAnswers come only from the indexed documents, each claim cited. Nothing leaves this machine.")
        with gr.Tabs():
            with gr.Tab("Ask", id="ask"):
                with gr.Row(equal_height=False):
                    with gr.Column(scale=3):
                        chatbot = gr.Chatbot(
                            label="Chat",
                            height=480,
                            placeholder=PLACEHOLDER,
                            elem_id="cqa-chat",
                            buttons=["copy", "copy_all"],
                            feedback_options=("Like", "Dislike"),
                        )
                        with gr.Row():
                            question = gr.Textbox(
                                placeholder="Ask a question about the documents…",
                                show_label=False,
                                scale=5,
                                elem_id="cqa-question",
                                autofocus=True,
                                submit_btn=True,
                            )
                        gr.Examples(EXAMPLES, inputs=[question], label="Example questions")
                        with gr.Accordion("Filters", open=False, elem_id="cqa-filters"):
                            with gr.Row():
                                cluster = gr.Dropdown(
                                    app.cluster_choices(), value=ALL, label="Cluster (region)", elem_id="cqa-cluster"
                                )
                                document = gr.Dropdown(
                                    app.document_choices(), value=ALL, label="Document", elem_id="cqa-document"
                                )
                                k = gr.Slider(1, 10, value=settings.k, step=1, label="Passages (k)", elem_id="cqa-k")
                        with gr.Accordion("Feedback and export", open=False, elem_id="cqa-feedback"):
                            comment = gr.Textbox(
                                label="Comment (optional)",
                                lines=2,
                                elem_id="cqa-comment",
                                placeholder="What was wrong or right about the latest answer?",
                            )
                            with gr.Row():
                                up = gr.Button("👍 Helpful", elem_id="cqa-up")
                                down = gr.Button("👎 Not helpful", elem_id="cqa-down")
                            feedback_status = gr.Markdown(elem_id="cqa-feedback-status")
                            export_text = gr.Textbox(
                                label="Latest answer as Markdown",
                                lines=6,
                                buttons=["copy"],
                                interactive=False,
                                elem_id="cqa-export",
                            )
                            export_file = gr.DownloadButton("Download .md", visible=False, elem_id="cqa-download")
                    with gr.Column(scale=2):
                        gr.Markdown("### Sources")
                        sources = gr.HTML(EMPTY_SOURCES, elem_id="cqa-sources")
                        picker = gr.Radio([], label="Open page view", elem_id="cqa-picker")
                        page = gr.HTML(EMPTY_PAGE, elem_id="cqa-page")
            with gr.Tab("Documents", id="documents"):
                documents = gr.Dataframe(
                    document_rows(assistant.index.documents()),
                    headers=DOC_HEADERS,
                    interactive=False,
                    elem_id="cqa-documents",
                    wrap=True,
                )
                with gr.Row():
                    with gr.Column():
                        upload = gr.File(
                            label=f"Upload PDF, Markdown, text, Word or HTML (≤ {settings.max_upload_mb} MB)",
                            file_count="multiple",
                            type="filepath",
                            elem_id="cqa-upload",
                        )
                        add = gr.Button("Add to index", variant="primary", elem_id="cqa-add")
                    with gr.Column():
                        to_remove = gr.Dropdown(
                            _removal_choices(assistant), label="Indexed document", elem_id="cqa-remove-choice"
                        )
                        remove = gr.Button("Remove from index", variant="stop", elem_id="cqa-remove")
                docs_status = gr.Markdown(elem_id="cqa-docs-status")

        # -- handlers --------------------------------------------------------------

        def _submit(message: str, chat: list, conv: Conversation, cluster_v: str, document_v: str, k_v: float):  # type: ignore[no-untyped-def]
            message = " ".join((message or "").split())
            if not message:
                return gr.update(), chat, conv, gr.update(), gr.update(), gr.update(), gr.update(), gr.update()
            chat = list(chat or []) + [{"role": "user", "content": message}]
            try:
                standalone, answer = app.answer(message, conv.standalone_history(), cluster_v, document_v, int(k_v))
            except ClusterQAError as exc:
                chat.append({"role": "assistant", "content": f"**Error:** {exc}"})
                return "", chat, conv, EMPTY_SOURCES, gr.update(choices=[], value=None), EMPTY_PAGE, "", gr.update(visible=False)
            chat.append({"role": "assistant", "content": chat_markdown(answer, standalone, message)})
            turn = Turn(message, standalone, answer, len(chat) - 1)
            conv = Conversation(conv.turns + [turn])
            choices = source_choices(answer)
            first = choices[0][1] if choices and not answer.abstained else None
            page_view = page_html(*page_target(answer, first)) if first else EMPTY_PAGE
            download = gr.update(value=app.export_file(turn, len(conv.turns)), visible=True)
            return (
                "",
                chat,
                conv,
                sources_html(answer),
                gr.update(choices=choices, value=first),
                page_view,
                answer_export(answer, standalone),
                download,
            )

        def _open_page(key: str | None, conv: Conversation) -> str:
            turn = conv.latest
            if not key or turn is None:
                return EMPTY_PAGE
            return page_html(*page_target(turn.answer, key))

        def _vote(kind: str):  # type: ignore[no-untyped-def]
            def handler(conv: Conversation, text: str) -> tuple[str, str]:
                if conv.latest is None:
                    return "Ask a question first, then rate its answer.", text
                app.record_feedback(conv.latest, kind, text or "")
                return f"Thanks — recorded “{kind}” for the latest answer.", ""

            return handler

        def _like(conv: Conversation, text: str, data: gr.LikeData) -> str:
            turn = next((t for t in conv.turns if t.message_index == data.index), None)
            if turn is not None and data.liked is not None:
                app.record_feedback(turn, "up" if data.liked else "down", text or "")
            return ""

        def _refresh():  # type: ignore[no-untyped-def]
            return (
                gr.update(choices=app.cluster_choices()),
                gr.update(choices=app.document_choices()),
                document_rows(assistant.index.documents()),
                gr.update(choices=_removal_choices(assistant), value=None),
            )

        def _add_files(files: list[str] | None, progress: gr.Progress = gr.Progress()):  # noqa: B008
            def report(name: str, done: int, total: int) -> None:
                progress((done, total), desc=f"Indexing {name}" if name else "Rebuilding search index", unit="files")

            try:
                status = app.add_documents(list(files or []), report)
            except ClusterQAError as exc:
                return (f"**Error:** {exc}", gr.update()) + _refresh()
            return (f"✅ {status}", None) + _refresh()

        def _remove_doc(path: str | None):  # type: ignore[no-untyped-def]
            try:
                status = app.remove_document(path or "")
            except ClusterQAError as exc:
                return (f"**Error:** {exc}",) + _refresh()
            return (f"✅ {status}",) + _refresh()

        lists: list[Any] = [cluster, document, documents, to_remove]
        ask_outputs = [question, chatbot, conversation, sources, picker, page, export_text, export_file]
        question.submit(_submit, [question, chatbot, conversation, cluster, document, k], ask_outputs, api_visibility="private")
        picker.change(_open_page, [picker, conversation], page, api_visibility="private")
        up.click(_vote("up"), [conversation, comment], [feedback_status, comment], api_visibility="private")
        down.click(_vote("down"), [conversation, comment], [feedback_status, comment], api_visibility="private")
        _like.__annotations__["data"] = gr.LikeData  # resolved here: gradio is imported inside build_app
        chatbot.like(_like, [conversation, comment], comment, api_visibility="private")
        add.click(_add_files, upload, [docs_status, upload] + lists, api_visibility="private")
        remove.click(_remove_doc, to_remove, [docs_status] + lists, api_visibility="private")
        demo.load(_refresh, None, lists, api_visibility="private")

        def ask_api(question: str, cluster: str = "", document: str = "", k: int = 0, history: list[str] | None = None) -> dict:
            """Answer one question. history: earlier questions, oldest first, for follow-ups.
            Returns the answer JSON (answer, abstained, citations, retrieved, standalone_question, ...)."""
            try:
                standalone, answer = app.answer(question, list(history or []), cluster, document, k or None)
            except ClusterQAError as exc:
                return {"question": question, "error": str(exc)}
            return answer.to_dict() | {"standalone_question": standalone}

        def chat_api(message: str, history: list[str] | None = None) -> str:
            """Chat turn: the answer as Markdown with [n] markers and a Sources list.
            history: earlier questions, oldest first."""
            try:
                standalone, answer = app.answer(message, list(history or []))
            except ClusterQAError as exc:
                return f"Error: {exc}"
            return answer_export(answer, standalone)

        gr.api(ask_api, api_name="ask")
        gr.api(chat_api, api_name="chat")
    return demo


def _removal_choices(assistant: Assistant) -> list[tuple[str, str]]:
    return [(d.source, d.path) for d in assistant.index.documents()]


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
    if not index_exists(settings):
        raise NoIndexError(f"No index at {settings.index_dir}/. Run 'clusterqa ingest corpus/' first.")
    embedder = BackgroundEmbedder(settings)
    assistant = Assistant(settings, embedder, Index.open(settings, embedder))
    assistant.retriever  # noqa: B018 - build the keyword index before the first question
    return assistant


def launch(settings: Settings | None = None) -> None:
    """Serve the app: loopback by default, no share link, no analytics, login when CLUSTERQA_AUTH is set."""
    quiet_offline_env()
    os.environ["GRADIO_ANALYTICS_ENABLED"] = "False"
    settings = settings or Settings.from_env()
    auth = parse_auth(settings.auth)
    check_bind(settings.host, auth)
    assistant = open_assistant(settings)
    demo = build_app(assistant, settings)
    demo.queue(default_concurrency_limit=4)
    demo.launch(
        server_name=settings.host,
        server_port=settings.port,
        share=False,
        auth=auth or None,
        auth_message="Sign in to the clusterqa assistant." if auth else None,
        max_file_size=f"{settings.max_upload_mb}mb",
        css=CSS,
        footer_links=["api"],
        run_history=False,
        ssr_mode=False,
        mcp_server=False,
        pwa=False,
        show_error=True,
        quiet=False,
    )
