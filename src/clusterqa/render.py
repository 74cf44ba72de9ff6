"""Answer -> what the app shows: chat Markdown, the sources panel, the page view, the Markdown export.

Everything that came from a document is escaped before it reaches the page, so a document
containing `<script>` shows that text instead of running it. The quoted sentence is found in
its passage (or PDF page) by its words, ignoring whitespace and hyphenation, and wrapped in <mark>.

Example:
    >>> highlight("Fish <b>swim</b>. Birds fly.", "Birds fly.")
    'Fish &lt;b&gt;swim&lt;/b&gt;. <mark>Birds fly.</mark>'
"""

from __future__ import annotations

import html
import re
from functools import lru_cache
from pathlib import Path

from .answer import Answer, Citation
from .answer import nearest_passages as _nearest
from .retrieve import Passage

FALLBACK_QUOTE_WORDS = 8  # when the whole quote is not found (PDF text differs), match its opening words
EMPTY_SOURCES = (
    '<div class="cqa-empty">Ask a question: the passages behind the answer appear here, '
    "with the quoted sentence highlighted.</div>"
)
EMPTY_PAGE = '<div class="cqa-empty">Choose a source above to see its page.</div>'


MARKDOWN_INLINE = re.compile(r"([\\`*_~\[\]])")  # brackets too: no image or link a document wrote is followed


def escape(text: str) -> str:
    return html.escape(text, quote=True)


def escape_markdown(text: str) -> str:
    """HTML-escaped, with inline Markdown marks (`*_~, brackets and backslash) made literal; line-start
    bullets stay. A document's '![x](http://…)' is shown, never fetched by the browser."""
    return MARKDOWN_INLINE.sub(r"\\\1", escape(text))


def chat_markdown(answer: Answer, standalone: str = "", asked: str = "") -> str:
    """The bot message: escaped answer text with [n] markers; abstentions as a marked notice with links."""
    if answer.abstained:
        reason = answer.answer.split(" Nearest sections:")[0]
        lines = [f"⚠️ **Not in the documents.** {escape_markdown(reason)}"]
        nearest = nearest_passages(answer)
        if nearest:
            lines.append("\nNearest sections (open one in the Sources panel):")
            lines += [
                f"- [{escape_markdown(_label(p.chunk.section or p.chunk.title, p.chunk.page))}](#cqa-source-{i})"
                for i, p in enumerate(nearest, 1)
            ]
        text = "\n".join(lines)
    else:
        text = escape_markdown(answer.answer)
        if answer.route != "fact":  # lists, tables and summaries keep their own bold labels and cell escapes
            text = text.replace("\\*\\*", "**").replace("\\\\|", "\\|")
    if answer.generation and answer.generation.note:
        text += f"\n\nℹ️ _{escape_markdown(answer.generation.note)}_"
    notes = []
    if standalone and standalone != " ".join(asked.split()):
        notes.append(f"Searched as: “{escape_markdown(standalone)}”")
    filter_note = describe_filters(answer)
    if filter_note:
        notes.append(escape_markdown(filter_note))
    if notes:
        text += "\n\n" + "  \n".join(f"<sub>{n}</sub>" for n in notes)
    return text


def describe_filters(answer: Answer) -> str:
    """Which filter applied: the one chosen, or the case study the question itself steered to."""
    parts = []
    if answer.filters.get("cluster"):
        parts.append(f"cluster = {answer.filters['cluster']}")
    if answer.filters.get("document"):
        parts.append(f"document = {answer.filters['document']}")
    if answer.steered_to:
        parts.append("steered by the question to " + ", ".join(answer.steered_to))
    return ("Filter: " + "; ".join(parts)) if parts else ""


def nearest_passages(answer: Answer) -> list[Passage]:
    """The places an abstention names, for the sources panel and its links."""
    return _nearest(answer.retrieved)


def sources_html(answer: Answer | None) -> str:
    """One card per citation (document, section, page, passage with the quote marked); for an
    abstention, the nearest sections instead."""
    if answer is None:
        return EMPTY_SOURCES
    cards = []
    if answer.abstained:
        cards.append('<div class="cqa-abstain-head">Not in the documents. Nearest sections:</div>')
        for i, p in enumerate(nearest_passages(answer), 1):
            best = p.best.sentence.text if p.best else ""
            cards.append(
                _card(
                    f"cqa-source-{i}",
                    "·",
                    p.chunk.source,
                    p.chunk.page,
                    p.chunk.section,
                    p.chunk.cluster,
                    highlight(p.chunk.text, best),
                    "nearest",
                )
            )
        return '<div class="cqa-sources cqa-abstained">' + "".join(cards) + "</div>"
    for c in answer.citations:
        cards.append(
            _card(f"cqa-source-{c.n}", f"[{c.n}]", c.source, c.page, c.section, c.cluster, highlight(c.text, c.quote), "")
        )
    return '<div class="cqa-sources">' + "".join(cards) + "</div>"


def _card(anchor: str, marker: str, source: str, page: int, section: str, cluster: str, body: str, kind: str) -> str:
    meta = f"{escape(source)} · page {page}"
    if cluster:
        meta += f" · {escape(cluster)}"
    return (
        f'<div class="cqa-source {kind}" id="{anchor}"><div class="cqa-source-head"><b>{escape(marker)}</b> '
        f'<span class="cqa-meta">{meta}</span></div><div class="cqa-section">{escape(section)}</div>'
        f'<div class="cqa-passage">{body}</div></div>'
    )


def source_choices(answer: Answer | None) -> list[tuple[str, str]]:
    """(label, key) for the page-view picker: cited sources, or the nearest sections of an abstention."""
    if answer is None:
        return []
    if answer.abstained:
        return [(_label(f"· {p.chunk.source}", p.chunk.page), f"n{i}") for i, p in enumerate(nearest_passages(answer))]
    return [(_label(f"[{c.n}] {c.source}", c.page), f"c{c.n}") for c in answer.citations]


def page_target(answer: Answer, key: str) -> tuple[str, str, int, str, str]:
    """(path, source, page, quote, passage) for a source_choices key."""
    if key.startswith("c"):
        c: Citation = next(c for c in answer.citations if c.n == int(key[1:]))
        return c.path, c.source, c.page, c.quote, c.text
    p = nearest_passages(answer)[int(key[1:])]
    best = p.best.sentence.text if p.best else ""
    return p.chunk.path, p.chunk.source, p.chunk.page, best, p.chunk.text


def page_html(path: str, source: str, page: int, quote: str, passage: str) -> str:
    """The text of that page of the PDF with the quote marked; other formats show the passage."""
    text = pdf_page_text(path, page) if path.lower().endswith(".pdf") else ""
    body = highlight(text, quote) if text else highlight(passage, quote)
    where = f"page {page}" if text else "passage"
    return (
        f'<div class="cqa-page"><div class="cqa-page-head">{escape(source)} · {where}</div>'
        f'<div class="cqa-page-text">{body}</div></div>'
    )


@lru_cache(maxsize=64)
def pdf_page_text(path: str, page: int) -> str:
    """Text of one PDF page (1-based), or '' when the file or page is gone."""
    from pypdf import PdfReader

    try:
        reader = PdfReader(path)
        return reader.pages[page - 1].extract_text() or ""
    except (OSError, IndexError, ValueError):
        return ""


def highlight(text: str, quote: str) -> str:
    """Escaped text with the quote (matched by its words) wrapped in <mark>."""
    span = find_quote(text, quote) if quote else None
    if span is None:
        return escape(text)
    start, end = span
    return f"{escape(text[:start])}<mark>{escape(text[start:end])}</mark>{escape(text[end:])}"


def find_quote(text: str, quote: str) -> tuple[int, int] | None:
    """(start, end) of the quote in text, tolerant of line breaks, hyphenation and bullets."""
    words = re.findall(r"\w+", quote.lstrip("• "))
    for candidate in (words, words[:FALLBACK_QUOTE_WORDS]):
        if not candidate:
            continue
        pattern = r"[\W_]*?".join(re.escape(w) for w in candidate)
        pattern = pattern.replace(r"\-", "-")
        match = re.search(pattern, text, re.I | re.S)
        if match:
            end = match.end()
            trail = re.match(r"[.!?)\"'’”]*", text[end:])
            return match.start(), end + (trail.end() if trail else 0)
    return None


def answer_export(answer: Answer, standalone: str = "") -> str:
    """The answer with its citations as Markdown, for copying into a briefing."""
    lines = [f"**Question:** {answer.question}"]
    if standalone and standalone != answer.question:
        lines.append(f"**Searched as:** {standalone}")
    lines += ["", answer.answer, ""]
    if answer.generation and answer.generation.note:
        lines += [f"_{answer.generation.note}_", ""]
    if answer.citations:
        lines.append("**Sources**")
        lines.append("")
        for c in answer.citations:
            lines.append(f"{c.n}. {c.source}, p. {c.page} — {c.section}")
            lines.append(f"   > {c.quote}")
    return "\n".join(lines).strip() + "\n"


def _label(text: str, page: int) -> str:
    return f"{text} (p. {page})"


def document_rows(documents: list) -> list[list[str | int]]:  # type: ignore[type-arg]
    """Rows for the Documents table."""
    import datetime as dt

    return [
        [
            d.source,
            d.title,
            d.pages,
            d.chunks,
            dt.datetime.fromtimestamp(d.ingested_at).strftime("%Y-%m-%d %H:%M"),
            str(Path(d.path)),
        ]
        for d in documents
    ]
