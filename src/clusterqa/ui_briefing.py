"""The app's Briefing tab: a topic (and optionally one cluster) -> a previewed briefing note, downloadable
as Markdown or Word. Built inside build_app()'s Tabs; the API name is '/brief'."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .actions import ALL, App
from .brief import EXAMPLE_TOPICS
from .briefdoc import to_markdown
from .errors import ClusterQAError

EMPTY_BRIEF = (
    "*A briefing note has key points, background on the relevant case studies, a table of figures and the "
    "relevant recommendations. Every sentence is quoted from the documents and footnoted with its page.*"
)


def add_briefing_tab(app: App) -> Callable[..., dict[str, Any]]:
    """The Briefing tab, in the Tabs being built; returns the '/brief' API function, which build_app
    registers with the others (outside the Tabs: an API-only event inside them makes Gradio render a tab twice)."""
    import gradio as gr

    with gr.Tab("Briefing", id="briefing"):
        with gr.Row():
            topic = gr.Textbox(
                label="Topic",
                placeholder="A cluster, a region, a theme (skills, funding, net zero) or free text",
                scale=4,
                elem_id="cqa-brief-topic",
            )
            cluster = gr.Dropdown(app.cluster_choices(), value=ALL, label="Cluster (optional)", scale=2,
                                  elem_id="cqa-brief-cluster")
            choices = app.answerer_choices()
            answerer = gr.Dropdown(
                choices,
                value=app.settings.answerer if app.settings.answerer in {v for _, v in choices} else "extractive",
                label="Key points",
                info="The LLM phrases the key points; a sentence its quotes do not support is removed.",
                visible=len(choices) > 1,
                scale=2,
                elem_id="cqa-brief-answerer",
            )
        gr.Examples(list(EXAMPLE_TOPICS), inputs=[topic], label="Example topics")
        draft = gr.Button("Draft briefing", variant="primary", elem_id="cqa-brief-draft")
        status = gr.Markdown(elem_id="cqa-brief-status")
        with gr.Row():
            download_md = gr.DownloadButton("Download .md", visible=False, elem_id="cqa-brief-md")
            download_docx = gr.DownloadButton("Download .docx (Word)", visible=False, elem_id="cqa-brief-docx")
        preview = gr.Markdown(EMPTY_BRIEF, elem_id="cqa-brief-preview")

    def _draft(topic_v: str, cluster_v: str, answerer_v: str):  # type: ignore[no-untyped-def]
        hidden = gr.update(visible=False)
        try:
            note = app.brief(topic_v or "", cluster_v or ALL, answerer_v or None)
            md_path, docx_path = app.export_brief(note, ".md"), app.export_brief(note, ".docx")
        except ClusterQAError as exc:
            return f"**Error:** {exc}", EMPTY_BRIEF, hidden, hidden
        done = f"Drafted {len(note.key_points)} key points, {len(note.notes)} sources"
        done = "Nothing to brief on" if note.abstained else done
        return (
            f"{done} in {note.latency_ms / 1000:.2f} s.",
            to_markdown(note, footnotes=False),
            gr.update(value=md_path, visible=True),
            gr.update(value=docx_path, visible=True),
        )

    outputs: list[Any] = [status, preview, download_md, download_docx]
    inputs = [topic, cluster, answerer]
    draft.click(_draft, inputs, outputs, api_visibility="private", concurrency_id="questions")
    topic.submit(_draft, inputs, outputs, api_visibility="private", concurrency_id="questions")

    def brief_api(topic: str, cluster: str = "", answerer: str = "") -> dict[str, Any]:
        """A briefing note on the topic (optionally one cluster) as JSON: title, date, purpose, coverage,
        key_points, background, figures, recommendations and notes (source, page, section, quote).
        answerer: 'extractive' or 'llm' (phrases the key points, each sentence checked)."""
        try:
            return app.brief(topic, cluster or ALL, answerer or None).to_dict()
        except ClusterQAError as exc:
            return {"topic": topic, "error": str(exc)}

    return brief_api
