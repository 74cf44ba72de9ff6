"""Loaders: PDF, Markdown, plain text, DOCX and HTML -> blocks with pages and headings; clear errors."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from clusterqa.chunking import chunk_document
from clusterqa.errors import ClusterQAError, IngestError
from clusterqa.loaders import SUPPORTED_SUFFIXES, LoadedDocument, load_document

SETUP_FACT = "The kettle sits on the left shelf of the workshop."
CLEANING_FACT = "Descale the kettle every month with citric acid."
ITEMS = ["Filters in the drawer", "Spare lids in the cupboard"]


# --- one small document, written in each format -----------------------------------


def write_markdown(path: Path) -> Path:
    path = path.with_suffix(".md")
    path.write_text(
        "# Field Guide\n\n"
        "## Setup\n\n"
        f"{SETUP_FACT}\nIt is **easy** to find.\n\n"
        "Spare parts:\n\n"
        f"- {ITEMS[0]}\n"
        f"* {ITEMS[1]}\n\n"
        "## Usage\n\n"
        "### Cleaning\n\n"
        f"{CLEANING_FACT}\n",
        encoding="utf-8",
    )
    return path


def write_docx(path: Path) -> Path:
    import docx

    path = path.with_suffix(".docx")
    document = docx.Document()
    document.add_paragraph("Field Guide", style="Title")
    document.add_heading("Setup", level=1)
    document.add_paragraph(SETUP_FACT + " It is easy to find.")
    document.add_paragraph("Spare parts:")
    for item in ITEMS:
        document.add_paragraph(item, style="List Bullet")
    document.add_heading("Usage", level=1)
    document.add_heading("Cleaning", level=2)
    document.add_paragraph(CLEANING_FACT)
    document.save(str(path))
    return path


def write_html(path: Path) -> Path:
    path = path.with_suffix(".html")
    path.write_text(
        "<!doctype html><html><head><title>Field Guide</title>"
        "<style>p { color: red; }</style></head><body>"
        "<nav><a href='/'>Home</a></nav>"
        "<h1>Field Guide</h1>"
        "<h2>Setup</h2>"
        f"<p>{SETUP_FACT} It is <b>easy</b> to find.</p>"
        "<script>var secret = 'tracking pixel code';</script>"
        "<p>Spare parts:</p>"
        f"<ul><li>{ITEMS[0]}</li><li>{ITEMS[1]}</li></ul>"
        "<h2>Usage</h2><h3>Cleaning</h3>"
        f"<p>{CLEANING_FACT}</p>"
        "</body></html>",
        encoding="utf-8",
    )
    return path


WRITERS: dict[str, Callable[[Path], Path]] = {"markdown": write_markdown, "docx": write_docx, "html": write_html}


def section_of(doc: LoadedDocument, needle: str) -> str:
    matches = [c.section for c in chunk_document(doc, source=doc.path.name) if needle in c.text]
    assert len(matches) == 1, f"{needle!r} found in {len(matches)} chunks"
    return matches[0]


@pytest.mark.parametrize("kind", list(WRITERS))
def test_headings_give_sections(kind: str, tmp_path: Path) -> None:
    doc = load_document(WRITERS[kind](tmp_path / "guide"))
    assert doc.title == "Field Guide"
    assert section_of(doc, SETUP_FACT).endswith("Setup")
    assert section_of(doc, CLEANING_FACT).endswith("Usage › Cleaning")
    assert "Setup" not in section_of(doc, CLEANING_FACT)


@pytest.mark.parametrize("kind", list(WRITERS))
def test_list_items_are_bullets(kind: str, tmp_path: Path) -> None:
    doc = load_document(WRITERS[kind](tmp_path / "guide"))
    bullets = [b.text for b in doc.blocks if b.bullet]
    assert bullets == [f"• {item}" for item in ITEMS]


@pytest.mark.parametrize("kind", list(WRITERS))
def test_text_is_plain_and_on_page_one(kind: str, tmp_path: Path) -> None:
    doc = load_document(WRITERS[kind](tmp_path / "guide"))
    text = " ".join(b.text for b in doc.blocks)
    assert f"{SETUP_FACT} It is easy to find." in text  # markup (**, <b>) gone
    assert "**" not in text and "<" not in text
    assert {b.page for b in doc.blocks} == {1}
    assert doc.num_pages == 1


def test_markdown_full_section_path(tmp_path: Path) -> None:
    doc = load_document(write_markdown(tmp_path / "guide"))
    assert section_of(doc, SETUP_FACT) == "Field Guide › Setup"
    assert section_of(doc, CLEANING_FACT) == "Field Guide › Usage › Cleaning"


def test_html_drops_script_style_and_nav(tmp_path: Path) -> None:
    doc = load_document(write_html(tmp_path / "page"))
    text = " ".join(b.text for b in doc.blocks)
    assert "tracking pixel" not in text
    assert "secret" not in text
    assert "color: red" not in text
    assert "Home" not in text


def test_plain_text_paragraphs_and_form_feed_pages(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text(
        "First paragraph on page one\nwrapped over two lines.\n\nSecond paragraph.\f"
        "A paragraph on page two.\n\n\n\nAnother on page two.\fPage three text.",
        encoding="utf-8",
    )
    doc = load_document(path)
    assert doc.title == "notes"
    assert [(b.text, b.page) for b in doc.blocks] == [
        ("First paragraph on page one wrapped over two lines.", 1),
        ("Second paragraph.", 1),
        ("A paragraph on page two.", 2),
        ("Another on page two.", 2),
        ("Page three text.", 3),
    ]
    assert doc.num_pages == 3
    assert all(b.level == 0 for b in doc.blocks)


def test_text_in_windows_1252_is_read(tmp_path: Path) -> None:
    path = tmp_path / "legacy.txt"
    path.write_bytes("Funding of \u00a3160 million \u2013 seeded.".encode("cp1252"))
    assert load_document(path).blocks[0].text == "Funding of £160 million – seeded."


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("budget.xlsx", b"PK\x03\x04", "Unsupported file type '.xlsx'"),
        ("slides.pptx", b"PK\x03\x04", "Unsupported file type '.pptx'"),
        ("README", b"no suffix", "Unsupported file type ''"),
        ("missing.md", None, "No such file"),
        ("missing.pdf", None, "No such file"),
        ("broken.pdf", b"this is not a pdf at all", "is not a PDF: it has no PDF header"),
        ("broken.docx", b"not a zip", "Could not read DOCX"),
    ],
)
def test_unreadable_files_raise_ingest_error(tmp_path: Path, name: str, content: bytes | None, expected: str) -> None:
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(IngestError) as info:
        load_document(path)
    message = str(info.value)
    assert expected in message
    assert name in message  # names the file
    assert isinstance(info.value, ClusterQAError)


def test_unsupported_type_lists_supported_types(tmp_path: Path) -> None:
    path = tmp_path / "budget.xlsx"
    path.write_bytes(b"x")
    with pytest.raises(IngestError) as info:
        load_document(path)
    assert all(suffix in str(info.value) for suffix in SUPPORTED_SUFFIXES)


# --- PDF --------------------------------------------------------------------------


def test_publication_contents_page_becomes_toc(publication: Path) -> None:
    doc = load_document(publication)
    assert doc.num_pages == 23
    assert doc.title == "Innovation Clusters in the North of England"
    entries = {e.title: (e.page, e.parent) for e in doc.toc}
    assert entries["Introduction"] == (3, None)
    assert entries["Tees Valley: Chemicals"] == (19, "Innovation Cluster Case Studies in the North")
    assert entries["Recommendations"] == (22, None)
    case_studies = [e for e in doc.toc if e.parent == "Innovation Cluster Case Studies in the North"]
    assert len(case_studies) == 11
    # the contents page itself is not indexed
    assert not any("Contents" == b.text for b in doc.blocks)
    assert not any(b.text.startswith("Introduction") and b.text.rstrip().endswith("3") for b in doc.blocks)


def test_publication_blocks_have_no_running_header_or_footer(publication: Path) -> None:
    doc = load_document(publication)
    for block in doc.blocks:
        assert "Innovation Clusters in the North of England" not in block.text
        assert not re.search(r"NP11\s*\|", block.text)


WORDS = ["amber", "birch", "cedar", "delta", "ember", "fjord", "grove", "heath"]


def test_small_pdf_running_lines_and_page_numbers_are_dropped(tmp_path: Path, make_pdf) -> None:  # type: ignore[no-untyped-def]
    pages = [
        [("heading", f"Chapter {word.title()}")]
        + [("body", f"The {word} workshop line {i} describes {WORDS[(n + i) % 8]} tools in detail.") for i in range(6)]
        for n, word in enumerate(WORDS[:4])
    ]
    doc = load_document(make_pdf(tmp_path / "small.pdf", pages))
    text = "\n".join(b.text for b in doc.blocks)
    assert "Widget Annual Report" not in text
    assert "ACME" not in text
    headings = [b.text for b in doc.blocks if b.level > 0]
    assert headings == ["Chapter Amber", "Chapter Birch", "Chapter Cedar", "Chapter Delta"]
    for n, word in enumerate(WORDS[:4], start=1):
        body = [b for b in doc.blocks if b.level == 0 and f"The {word} workshop" in b.text]
        assert body and all(b.page == n for b in body)
        assert all(f"line {i} " in " ".join(b.text for b in body) for i in range(6))
    assert doc.num_pages == 4


@pytest.mark.parametrize(
    ("line", "text"),
    [
        ("**Bold** words and __underlined__ ones", "Bold words and underlined ones"),
        ("A [link](https://example.org) and `code`", "A link and code"),
        ("snake_case__names and 2 ** 3 stay as written", "snake_case__names and 2 ** 3 stay as written"),
    ],
)
def test_markdown_drops_paired_marks_only(tmp_path: Path, line: str, text: str) -> None:
    path = tmp_path / "note.md"
    path.write_text(f"# Note\n\n{line}\n", encoding="utf-8")
    assert [b.text for b in load_document(path).blocks if b.level == 0] == [text]
