"""Chunking: sections from headings and the contents page; sentence-aligned chunks that keep their pages."""

from __future__ import annotations

from pathlib import Path

import pytest

from clusterqa.chunking import SECTION_SEP, Chunk, chunk_document, chunk_id, split_sections
from clusterqa.loaders import LoadedDocument, load_document
from clusterqa.text import split_sentences

# A three-page report: the Overview paragraph crosses page 1 -> 2 and goes on; the Details paragraph crosses
# page 2 -> 3 and ends right after the break; Outlook sits on page 3 only.
CROSSING_REPORT = [
    [
        ("heading", "Overview"),
        ("body", "The widget programme began in 2019 in a small workshop in Hull."),
        ("body", "It now employs forty engineers across two sites in the region."),
        ("body", "The first sentence sits on page one. The crossing sentence starts on page one and"),
    ],
    [
        ("body", "continues on page two before it ends. A third sentence is printed on page two."),
        ("heading", "Details"),
        ("body", "Details open with a sentence on page two. The details paragraph runs over the"),
    ],
    [
        ("body", "break and ends on page three."),
        ("heading", "Outlook"),
        ("body", "The outlook is bright for widgets in the coming decade."),
    ],
]


@pytest.fixture(scope="module")
def crossing_chunks(tmp_path_factory: pytest.TempPathFactory, make_pdf) -> list[Chunk]:  # type: ignore[no-untyped-def]
    path = make_pdf(tmp_path_factory.mktemp("pdf") / "crossing.pdf", CROSSING_REPORT)
    return chunk_document(load_document(path), source=path.name)


@pytest.fixture(scope="module")
def publication_doc(publication: Path) -> LoadedDocument:
    return load_document(publication)


@pytest.fixture(scope="module")
def publication_chunks(publication_doc: LoadedDocument) -> list[Chunk]:
    return chunk_document(publication_doc, source="np11.pdf")


def only(chunks: list[Chunk], needle: str) -> Chunk:
    found = [c for c in chunks if needle in c.text]
    assert len(found) == 1, f"{needle!r} in {len(found)} chunks"
    return found[0]


# --- pages ------------------------------------------------------------------------


def test_running_header_and_footer_are_not_in_small_pdf_chunks(crossing_chunks: list[Chunk]) -> None:
    text = "\n".join(c.text for c in crossing_chunks)
    assert "Widget Annual Report" not in text
    assert "ACME" not in text


def test_paragraph_cut_by_page_break_is_rejoined(crossing_chunks: list[Chunk]) -> None:
    chunk = only(crossing_chunks, "The crossing sentence")
    assert "The crossing sentence starts on page one and continues on page two before it ends." in chunk.text


def test_chunk_crossing_a_page_break_keeps_both_pages(crossing_chunks: list[Chunk]) -> None:
    chunk = only(crossing_chunks, "The crossing sentence")
    assert chunk.page == 1
    assert chunk.pages == (1, 2)


def test_chunk_ending_just_after_a_page_break_keeps_both_pages(crossing_chunks: list[Chunk]) -> None:
    chunk = only(crossing_chunks, "The details paragraph runs over the break and ends on page three.")
    assert chunk.section == "Details"
    assert chunk.page == 2
    assert chunk.pages == (2, 3)


def test_sentence_is_cited_on_the_page_it_starts(crossing_chunks: list[Chunk]) -> None:
    chunk = only(crossing_chunks, "The crossing sentence")
    pages = {s.text[:24]: s.page for s in chunk.sentences}
    assert pages["The first sentence sits "] == 1
    assert pages["The crossing sentence st"] == 1
    assert pages["A third sentence is prin"] == 2


def test_single_page_chunk_has_one_page(crossing_chunks: list[Chunk]) -> None:
    chunk = only(crossing_chunks, "The outlook is bright")
    assert (chunk.section, chunk.page, chunk.pages) == ("Outlook", 3, (3,))


# --- sections ---------------------------------------------------------------------


def test_chunks_never_cross_a_section(crossing_chunks: list[Chunk]) -> None:
    by_section = {c.section: c.text for c in crossing_chunks}
    assert set(by_section) == {"Overview", "Details", "Outlook"}
    assert "Details open" not in by_section["Overview"]
    assert "outlook" not in by_section["Details"].lower()


def test_publication_sections_follow_the_contents_page(publication_doc: LoadedDocument) -> None:
    paths = {SECTION_SEP.join(s.path) for s in split_sections(publication_doc)}
    for entry in publication_doc.toc:
        expected = f"{entry.parent}{SECTION_SEP}{entry.title}" if entry.parent else entry.title
        assert any(p == expected or p.startswith(expected + SECTION_SEP) for p in paths), expected
    case_studies = [e.title for e in publication_doc.toc if e.parent]
    for title in case_studies:
        for sub in ("Evolution", "Impact of cluster approach"):
            assert f"Innovation Cluster Case Studies in the North › {title} › {sub}" in paths


def test_every_publication_chunk_has_a_section(publication_chunks: list[Chunk]) -> None:
    assert all(c.section for c in publication_chunks)


# --- sizes and sentence boundaries ---------------------------------------------------


def test_publication_chunks_respect_the_size_limit(publication_chunks: list[Chunk]) -> None:
    for chunk in publication_chunks:
        limit = 700 * 2 if "\n• " in chunk.text or chunk.text.startswith("• ") else 700
        assert len(chunk.text) <= limit or len(chunk.sentences) == 1, chunk.text[:80]


def test_publication_chunks_break_on_sentences(publication_chunks: list[Chunk]) -> None:
    for chunk in publication_chunks:
        assert [s.text for s in chunk.sentences] == split_sentences(chunk.text)
        assert chunk.text[:1].isupper() or chunk.text[:1].isdigit() or chunk.text[:1] in "•£“\"'", chunk.text[:40]


@pytest.mark.parametrize("chunk_chars", [300, 700, 1500])
def test_smaller_limit_gives_more_chunks_with_the_same_text(publication_doc: LoadedDocument, chunk_chars: int) -> None:
    chunks = chunk_document(publication_doc, source="np11.pdf", chunk_chars=chunk_chars)
    default = chunk_document(publication_doc, source="np11.pdf")
    words = " ".join(c.text for c in chunks).split()
    assert words == " ".join(c.text for c in default).split()
    if chunk_chars < 700:
        assert len(chunks) > len(default)
    elif chunk_chars > 700:
        assert len(chunks) < len(default)


# --- ids --------------------------------------------------------------------------


def test_ids_are_stable_and_unique(publication_doc: LoadedDocument, publication_chunks: list[Chunk]) -> None:
    again = chunk_document(publication_doc, source="np11.pdf")
    assert [c.id for c in again] == [c.id for c in publication_chunks]
    assert len({c.id for c in publication_chunks}) == len(publication_chunks)


@pytest.mark.parametrize(
    "changed",
    [("other.pdf", "Intro", "Some text."), ("np11.pdf", "Outro", "Some text."), ("np11.pdf", "Intro", "Other text.")],
)
def test_chunk_id_depends_on_source_section_and_text(changed: tuple[str, str, str]) -> None:
    base = chunk_id("np11.pdf", "Intro", "Some text.")
    assert base == chunk_id("np11.pdf", "Intro", "Some text.")
    assert chunk_id(*changed) != base


def test_same_text_in_one_section_is_one_chunk(tmp_path: Path) -> None:
    path = tmp_path / "repeat.md"
    path.write_text("# Notes\n\nSame words again.\n\n" + "x " * 400 + "end.\n\nSame words again.\n", encoding="utf-8")
    chunks = chunk_document(load_document(path), source=path.name)
    assert len({c.id for c in chunks}) == len(chunks)
    assert sum(c.text == "Same words again." for c in chunks) <= 1


def test_chunks_carry_source_title_and_path(tmp_path: Path) -> None:
    path = tmp_path / "guide.md"
    path.write_text("# Guide\n\nHello there.\n", encoding="utf-8")
    (chunk,) = chunk_document(load_document(path), source="guide.md")
    assert (chunk.source, chunk.title, chunk.section) == ("guide.md", "Guide", "Guide")
    assert chunk.path == str(path.resolve())
    assert (chunk.cluster, chunk.region) == ("", "")
