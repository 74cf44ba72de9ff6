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

import html
import os
import re
from typing import Any

from .access import check_bind, parse_auth
from .actions import ALL, App, Conversation, Turn
from .answer import Answer
from .errors import ClusterQAError
from .inputs import printable_line
from .pipeline import Assistant
from .render import (
    EMPTY_PAGE,
    EMPTY_SOURCES,
    answer_export,
    chat_markdown,
    document_rows,
    escape_markdown,
    page_html,
    page_target,
    source_choices,
    sources_html,
)
from .settings import Settings, quiet_offline_env
from .startup import open_assistant
from .ui_briefing import add_briefing_tab

MARKDOWN_SPECIAL = re.compile(r"([\\`*_~\[\]()!#|+=.$:-])")  # written as &#N;, each shows as itself
TITLE = "Innovation Clusters in the North — document assistant"
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
                            answerers = app.answerer_choices()
                            answerer = gr.Dropdown(
                                answerers,
                                value=settings.answerer if settings.answerer in {v for _, v in answerers} else "extractive",
                                label="Answerer",
                                info="The LLM phrases answers; a sentence its cited passage does not support is removed.",
                                elem_id="cqa-answerer",
                            )
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
            brief_api = add_briefing_tab(app)
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

        def _submit(  # type: ignore[no-untyped-def]
            message: str, chat: list, conv: Conversation, cluster_v: str, document_v: str, k_v: float, answerer_v: str
        ):
            message = " ".join((message or "").split())
            if not message:
                yield gr.update(), chat, conv, gr.update(), gr.update(), gr.update(), gr.update(), gr.update()
                return
            shown = printable_line(message)
            if len(shown) > settings.max_question_chars:  # refused below; show its start only
                shown = shown[:200] + " …"
            chat = list(chat or []) + [{"role": "user", "content": question_markdown(shown)}]
            unchanged = (gr.update(), gr.update(), gr.update(), gr.update(), gr.update())
            try:
                standalone, events = app.answer_stream(
                    message, conv.standalone_history(), cluster_v, document_v, int(k_v), answerer_v
                )
                answer, text = None, ""
                for event in events:
                    if isinstance(event, Answer):
                        answer = event
                        continue
                    text += event  # a sentence whose citation checked out: show it while the model goes on
                    yield ("", chat + [{"role": "assistant", "content": f"{escape_markdown(text)} …"}], conv) + unchanged
                assert answer is not None
            except ClusterQAError as exc:
                chat.append({"role": "assistant", "content": f"**Error:** {exc}"})
                yield "", chat, conv, EMPTY_SOURCES, gr.update(choices=[], value=None), EMPTY_PAGE, "", gr.update(visible=False)
                return
            chat.append({"role": "assistant", "content": chat_markdown(answer, standalone, message)})
            turn = Turn(message, standalone, answer, len(chat) - 1)
            conv = Conversation(conv.turns + [turn])
            choices = source_choices(answer)
            first = choices[0][1] if choices and not answer.abstained else None
            page_view = page_html(*page_target(answer, first)) if first else EMPTY_PAGE
            download = gr.update(value=app.export_file(turn, len(conv.turns)), visible=True)
            yield (
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
        question.submit(
            _submit,
            [question, chatbot, conversation, cluster, document, k, answerer],
            ask_outputs,
            api_visibility="private",
            concurrency_id="questions",
        )
        picker.change(_open_page, [picker, conversation], page, api_visibility="private")
        up.click(_vote("up"), [conversation, comment], [feedback_status, comment], api_visibility="private")
        down.click(_vote("down"), [conversation, comment], [feedback_status, comment], api_visibility="private")
        _like.__annotations__["data"] = gr.LikeData  # resolved here: gradio is imported inside build_app
        chatbot.like(_like, [conversation, comment], comment, api_visibility="private")
        add.click(_add_files, upload, [docs_status, upload] + lists, api_visibility="private")
        remove.click(_remove_doc, to_remove, [docs_status] + lists, api_visibility="private")
        demo.load(_refresh, None, lists, api_visibility="private")

        def ask_api(
            question: str,
            cluster: str = "",
            document: str = "",
            k: int = 0,
            history: list[str] | None = None,
            answerer: str = "",
        ) -> dict:
            """Answer one question. history: earlier questions, oldest first, for follow-ups; answerer:
            'extractive' or 'llm' (default: the app's). Returns the answer JSON (answer, abstained,
            citations, retrieved, standalone_question, and for the LLM: model, dropped, note, ...)."""
            try:
                standalone, answer = app.answer(question, list(history or []), cluster, document, k or None, answerer or None)
            except ClusterQAError as exc:
                return {"question": question, "error": str(exc)}
            return answer.to_dict() | {"standalone_question": standalone}

        def chat_api(message: str, history: list[str] | None = None, answerer: str = "") -> str:
            """Chat turn: the answer as Markdown with [n] markers and a Sources list.
            history: earlier questions, oldest first; answerer: 'extractive' or 'llm'."""
            try:
                standalone, answer = app.answer(message, list(history or []), answerer=answerer or None)
            except ClusterQAError as exc:
                return f"Error: {exc}"
            return answer_export(answer, standalone)

        gr.api(ask_api, api_name="ask", concurrency_id="questions")
        gr.api(chat_api, api_name="chat", concurrency_id="questions")
        gr.api(brief_api, api_name="brief", concurrency_id="questions")
    return demo


def question_markdown(text: str) -> str:
    """A question as the chat shows it: literally, so '<script>', '# Title' or '![x](http://…)' in a
    question neither runs, nor reshapes the chat, nor makes the browser fetch anything. Marks become
    character references, which Markdown shows as the character and never reads as structure
    (a backslash would show inside a bare URL)."""
    return MARKDOWN_SPECIAL.sub(lambda m: f"&#{ord(m.group(1))};", html.escape(text, quote=False))


def _removal_choices(assistant: Assistant) -> list[tuple[str, str]]:
    return [(d.source, d.path) for d in assistant.index.documents()]


def launch(settings: Settings | None = None) -> None:
    """Serve the app: loopback by default, no share link, no analytics, login when CLUSTERQA_AUTH is set."""
    quiet_offline_env()
    os.environ["GRADIO_ANALYTICS_ENABLED"] = "False"
    settings = settings or Settings.from_env()
    auth = parse_auth(settings.auth)
    check_bind(settings.host, auth)
    assistant = open_assistant(settings)
    demo = build_app(assistant, settings)
    # Questions share one pool of `concurrency` workers (answering is CPU-bound and 2 cores are
    # typical); up to `queue_size` more wait their turn instead of being dropped.
    demo.queue(default_concurrency_limit=settings.concurrency, max_size=settings.queue_size)
    demo.launch(
        server_name=settings.host,
        server_port=settings.port,
        share=False,
        auth=auth or None,
        auth_message="Sign in to the clusterqa assistant." if auth else None,
        max_file_size=f"{settings.max_upload_mb}mb",
        allowed_paths=[],  # serve only files Gradio itself made (uploads in flight, exports)
        blocked_paths=[str(p.resolve()) for p in (settings.index_dir, settings.corpus_dir, settings.feedback_file)],
        css=CSS,
        footer_links=["api"],
        run_history=False,
        ssr_mode=False,
        mcp_server=False,
        pwa=False,
        show_error=True,
        quiet=False,
    )
