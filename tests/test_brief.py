"""Briefing notes over the real publication: a cluster, a theme, a topic the documents lack; every footnote
quoted verbatim from its page; Markdown and Word exports opened and read back; the `brief` command."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable, Iterator
from pathlib import Path

import docx
import pytest
from pypdf import PdfReader

from clusterqa.brief import Briefing, Line, draft_brief
from clusterqa.briefdoc import md, to_markdown, write_docx, write_note
from clusterqa.errors import ExportError, QuestionError, UnknownNameError
from clusterqa.figures import extract_figures
from clusterqa.pipeline import Assistant

TODAY = dt.date(2026, 11, 27)
SECTIONS = ["Key points", "Background", "Figures", "Relevant recommendations", "Sources"]
SKILLS_THEME = "Skills gaps remain one of the most common challenges"


@pytest.fixture(scope="module")
def space(assistant: Assistant) -> Briefing:
    return draft_brief(assistant, "the North East space cluster", today=TODAY)


@pytest.fixture(scope="module")
def skills(assistant: Assistant) -> Briefing:
    return draft_brief(assistant, "skills", today=TODAY)


@pytest.fixture(scope="module")
def unknown(assistant: Assistant) -> Briefing:
    return draft_brief(assistant, "quantum computing in Scotland", today=TODAY)


@pytest.fixture(scope="module")
def page_words(publication: Path) -> Callable[[int], list[str]]:
    """The words of a page of the real PDF as pypdf reads it, lower-cased, hyphenation and breaks ignored."""
    pages = [page.extract_text() or "" for page in PdfReader(publication).pages]

    def words(page: int) -> list[str]:
        return re.findall(r"\w+", pages[page - 1].lower()) if 0 < page <= len(pages) else []

    return words


def lines_of(note: Briefing) -> Iterator[Line]:
    """Every line of the body that carries notes (key points, background, recommendations)."""
    yield from note.key_points
    for paragraph in note.background:
        yield from paragraph.lines
    yield from note.recommendations


def _on_page(quote: str, page: int, page_words: Callable[[int], list[str]]) -> bool:
    """The quote's words in order, starting on the page (a sentence may run on over the page break)."""
    wanted = " ".join(re.findall(r"\w+", quote.lstrip("• ").lower()))
    here, after = page_words(page), page_words(page + 1)
    text = " ".join(here + after)
    at = text.find(wanted)
    return at >= 0 and at <= len(" ".join(here))


def _assert_every_line_is_footnoted_and_verbatim(note: Briefing, page_words: Callable[[int], list[str]]) -> None:
    numbers = {c.n for c in note.notes}
    assert [c.n for c in note.notes] == list(range(1, len(note.notes) + 1))
    for line in lines_of(note):
        assert line.notes and set(line.notes) <= numbers, line
    for figure in note.figures:
        assert figure.note in numbers
        quote = note.notes[figure.note - 1].quote
        assert figure.value in quote and figure.page == note.notes[figure.note - 1].page
    for c in note.notes:
        assert _on_page(c.quote, c.page, page_words), f"not verbatim on p. {c.page}: {c.quote}"
    for line in lines_of(note):  # the body says only what its notes quote
        quoted = " ".join(note.notes[n - 1].quote for n in line.notes)
        for sentence_words in re.findall(r"\w+", line.text.split(": ", 1)[-1]):
            assert sentence_words in quoted or sentence_words in line.text.split(": ", 1)[0], (sentence_words, line)


# --- a cluster ---------------------------------------------------------------------------


def test_cluster_brief_has_the_space_clusters_figures_with_page_8(space: Briefing) -> None:
    assert space.regions == ("North East",)
    figures = {(f.measure, f.value, f.page) for f in space.figures}
    assert {("Firms", "54 organisations", 8), ("Income", "£113 million", 8), ("Jobs", "around 1,365 people", 8)} <= figures
    assert all(f.place == "North East: Space" for f in space.figures)
    assert KEY_POINTS_RANGE[0] <= len(space.key_points) <= KEY_POINTS_RANGE[1]
    assert any("1,365" in x.text for x in space.key_points)  # the headline numbers lead
    assert [p.heading for p in space.background] == ["North East: Space (p. 8)"]
    assert space.recommendations and not space.coverage and not space.abstained
    assert space.title == "Briefing: The North East space cluster" and space.date == "27 November 2026"


KEY_POINTS_RANGE = (3, 6)


def test_cluster_brief_is_footnoted_and_verbatim(space: Briefing, page_words: Callable[[int], list[str]]) -> None:
    _assert_every_line_is_footnoted_and_verbatim(space, page_words)


def test_framing_words_are_not_the_topic(assistant: Assistant, space: Briefing) -> None:
    framed = draft_brief(assistant, "a one-page brief on the North East space cluster for the minister's visit", today=TODAY)
    assert framed.title == space.title and framed.regions == ("North East",)
    assert [x.text for x in framed.key_points] == [x.text for x in space.key_points]


def test_a_sentence_about_it_brings_the_sentence_naming_it(space: Briefing) -> None:
    for line in space.key_points:  # "In the meantime, it is investing…" needs "Lockheed Martin is also…"
        if re.match(r"^(?:In the meantime, )?[Ii]t\b", line.text):
            pytest.fail(f"key point opens with an unexplained 'it': {line.text}")


# --- a theme -------------------------------------------------------------------------------


def test_theme_brief_on_skills_covers_the_theme_and_four_case_studies(skills: Briefing) -> None:
    assert not skills.regions and not skills.abstained and not skills.coverage
    assert any(SKILLS_THEME in c.section for c in skills.notes if any(c.n in x.notes for x in skills.key_points))
    regions = [p.heading.split(":")[0] for p in skills.background]
    assert len(regions) >= 4, regions
    for paragraph in skills.background:  # each case study's paragraph is about skills
        assert any("skill" in x.text.lower() or "workforce" in x.text.lower() for x in paragraph.lines), paragraph


def test_theme_brief_is_footnoted_and_verbatim(skills: Briefing, page_words: Callable[[int], list[str]]) -> None:
    _assert_every_line_is_footnoted_and_verbatim(skills, page_words)


@pytest.mark.parametrize("topic", ["funding", "net zero", "cross-boundary working", "iiCON", "Tees Valley"])
def test_other_topics_are_footnoted_and_verbatim(
    assistant: Assistant, topic: str, page_words: Callable[[int], list[str]]
) -> None:
    note = draft_brief(assistant, topic, today=TODAY)
    assert not note.abstained and note.key_points
    _assert_every_line_is_footnoted_and_verbatim(note, page_words)


def test_a_sectors_name_alone_is_a_theme_across_case_studies(assistant: Assistant) -> None:
    note = draft_brief(assistant, "net zero", today=TODAY)
    assert not note.regions
    assert len(note.background) >= 2  # Hull's net zero cluster, and the others that speak of net zero


def test_cluster_option_narrows_a_theme_to_one_case_study(assistant: Assistant) -> None:
    note = draft_brief(assistant, "skills", ("Tees Valley",), today=TODAY)
    assert note.regions == ("Tees Valley",)
    assert [p.heading for p in note.background] == ["Tees Valley: Chemicals (p. 19)"]
    assert all(c.cluster in {"Chemicals", ""} for c in note.notes)
    assert any("116,000" in f.value for f in note.figures)
    assert "says little about skills" in note.coverage  # one sentence on it, and the note says so


def test_unknown_cluster_is_an_error(assistant: Assistant) -> None:
    with pytest.raises(UnknownNameError, match="Unknown cluster 'Atlantis'"):
        draft_brief(assistant, "skills", ("Atlantis",))


@pytest.mark.parametrize("topic", ["", "   ", "x" * 5000])
def test_empty_or_overlong_topic_is_refused(assistant: Assistant, topic: str) -> None:
    with pytest.raises(QuestionError):
        draft_brief(assistant, topic)


# --- little or nothing on it -----------------------------------------------------------------


def test_unknown_topic_says_so_instead_of_padding(unknown: Briefing) -> None:
    assert unknown.abstained and "do not cover" in unknown.coverage and "Scotland" in unknown.coverage
    assert not (unknown.key_points or unknown.background or unknown.figures or unknown.recommendations or unknown.notes)
    assert unknown.nearest  # where it looked
    text = to_markdown(unknown)
    assert "do not cover" in text and "## Key points" not in text


@pytest.mark.parametrize("topic", ["tourism", "graphene", "the population of Leeds"])
def test_topics_the_documents_lack_are_not_briefed(assistant: Assistant, topic: str) -> None:
    note = draft_brief(assistant, topic)
    assert note.abstained and not note.key_points and not note.notes


def test_a_topic_with_little_on_it_says_so_and_quotes_only_that(assistant: Assistant) -> None:
    note = draft_brief(assistant, "GCHQ", today=TODAY)
    assert "say little about GCHQ" in note.coverage
    assert all("GCHQ" in x.text for x in note.key_points)
    assert len(note.key_points) < 3


# --- figures -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "It has 54 organisations generating £113 million in annual income and employing around 1,365 people by 2020.",
            [("Firms", "54 organisations"), ("Income", "£113 million"), ("Jobs", "around 1,365 people")],
        ),
        ("Greater Manchester boasts the UK's second-largest digital economy, valued at £5 billion.", [("Value", "£5 billion")]),
        ("It was seeded with £160 million in government funding.", [("Funding", "£160 million")]),
        ("Over £256 million in additional investment followed.", [("Investment", "Over £256 million")]),
        ("The area hosts more than 1,400 companies.", [("Firms", "more than 1,400 companies")]),
        ("By 2020 people had moved on; 30 people attended.", []),  # a year is no count; people not employed
        ("The firm was founded in 2014 and grew by 15%.", []),
    ],
)
def test_extract_figures(sentence: str, expected: list[tuple[str, str]]) -> None:
    assert extract_figures(sentence) == expected


# --- Markdown and Word ----------------------------------------------------------------------------


def test_markdown_has_the_sections_table_and_footnotes(space: Briefing) -> None:
    text = to_markdown(space)
    positions = [text.index(f"## {name}") for name in SECTIONS]
    assert positions == sorted(positions)
    row = next(line for line in text.splitlines() if line.startswith("| Jobs"))
    assert "around 1,365 people" in row and "| 8 |" in row and re.search(r"\[\^\d+\]", row)
    for c in space.notes:
        definition = next(line for line in text.splitlines() if line.startswith(f"[^{c.n}]:"))
        assert f"p. {c.page}" in definition and md(c.quote) in definition
    used = set(re.findall(r"\[\^(\d+)\](?!:)", text))
    assert used == {str(c.n) for c in space.notes}  # every note is referenced, every reference defined
    plain = to_markdown(space, footnotes=False)
    assert "[^" not in plain and " [1]" in plain and "\n1. " in plain


def test_markdown_renders_the_figures_as_a_table(space: Briefing) -> None:
    from markdown_it import MarkdownIt

    rendered = MarkdownIt("commonmark").enable("table").render(to_markdown(space))
    table = rendered[rendered.index("<table>") : rendered.index("</table>")]
    assert "<td>around 1,365 people</td>" in table and "<td>£113 million</td>" in table and "<td>8</td>" in table


def test_markdown_keeps_document_markup_literal() -> None:
    assert md("a | b *c* [x](http://e) <script>") == r"a \| b \*c\* \[x\](http://e) \<script\>"


def test_docx_has_headings_table_and_numbered_notes(space: Briefing, tmp_path: Path) -> None:
    path = write_docx(space, tmp_path / "space.docx")
    document = docx.Document(str(path))
    headings = [p.text for p in document.paragraphs if p.style is not None and p.style.name.startswith("Heading")]
    assert [h for h in headings if h in SECTIONS] == SECTIONS
    assert "North East: Space (p. 8)" in headings
    assert document.paragraphs[0].text == space.title and document.core_properties.title == space.title
    (table,) = document.tables
    rows = [[cell.text for cell in row.cells] for row in table.rows]
    assert rows[0] == ["Measure", "Figure", "Where", "Page", "Source"]
    assert ["Jobs", "around 1,365 people", "North East: Space", "8"] == rows[[r[0] for r in rows].index("Jobs")][:4]
    sources = [p.text for p in document.paragraphs[[p.text for p in document.paragraphs].index("Sources") + 1 :]]
    assert len(sources) == len(space.notes)
    for c, text in zip(space.notes, sources):
        assert text.startswith(f"{c.n}. ") and c.quote in text and f"p. {c.page}" in text
    superscripts = [r.text for p in document.paragraphs for r in p.runs if r.font.superscript]
    assert superscripts and all(re.fullmatch(r"\d+(?:,\d+)*", s) for s in superscripts)


def test_unknown_topic_docx_opens_with_its_coverage_note(unknown: Briefing, tmp_path: Path) -> None:
    document = docx.Document(str(write_docx(unknown, tmp_path / "none.docx")))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "do not cover" in text and not document.tables and "Key points" not in text


def test_write_note_refuses_other_formats_and_missing_folders(space: Briefing, tmp_path: Path) -> None:
    with pytest.raises(ExportError, match=r"\.md or \.docx"):
        write_note(space, tmp_path / "note.pdf")
    with pytest.raises(ExportError, match="does not exist"):
        write_note(space, tmp_path / "missing" / "note.md")
    assert list(tmp_path.iterdir()) == []  # nothing half-written


def test_a_failed_write_keeps_the_old_file(space: Briefing, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "note.md"
    target.write_text("old", encoding="utf-8")

    def fail(*_: object, **__: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(Path, "write_text", fail)
    with pytest.raises(ExportError, match="No space left"):
        write_note(space, target)
    monkeypatch.undo()
    assert target.read_text(encoding="utf-8") == "old" and [p.name for p in tmp_path.iterdir()] == ["note.md"]


# --- the command -------------------------------------------------------------------------------------


def test_brief_command_writes_markdown_and_word(  # type: ignore[no-untyped-def]
    cli, publication_index_dir: Path, tmp_path: Path
) -> None:
    md_path, docx_path = tmp_path / "space.md", tmp_path / "space.docx"
    index = ["--index-dir", str(publication_index_dir)]
    result = cli(*index, "brief", "the North East space cluster", "--out", str(md_path))
    assert result.exit_code == 0, result.output
    assert result.output.startswith(f"Wrote {md_path} (") and "sources" in result.output
    assert "around 1,365 people" in md_path.read_text(encoding="utf-8")
    result = cli(*index, "brief", "skills", "--cluster", "Tees Valley", "--out", str(docx_path))
    assert result.exit_code == 0, result.output
    assert docx.Document(str(docx_path)).paragraphs[0].text == "Briefing: Skills"


def test_brief_command_prints_markdown_or_json(cli, publication_index_dir: Path) -> None:  # type: ignore[no-untyped-def]
    index = ["--index-dir", str(publication_index_dir)]
    result = cli(*index, "brief", "skills")
    assert result.exit_code == 0 and result.output.startswith("# Briefing: Skills\n") and "## Sources" in result.output
    data = json.loads(cli(*index, "brief", "the North East space cluster", "--json").output)
    keys = {"title", "date", "purpose", "coverage", "key_points", "background", "figures", "recommendations", "notes"}
    assert keys <= set(data)
    assert {"measure": "Jobs", "value": "around 1,365 people", "place": "North East: Space", "page": 8}.items() <= next(
        f for f in data["figures"] if f["measure"] == "Jobs"
    ).items()
    assert {"n", "source", "page", "pages", "section", "quote"} <= set(data["notes"][0])


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["brief", ""], "TOPIC is empty"),
        (["brief", "skills", "--out", "note.txt"], "--out must end in .md or .docx"),
        (["brief", "skills", "--cluster", "Atlantis"], "Unknown cluster 'Atlantis'"),
    ],
)
def test_brief_command_errors_are_one_line(  # type: ignore[no-untyped-def]
    cli, publication_index_dir: Path, args: list[str], message: str
) -> None:
    result = cli("--index-dir", str(publication_index_dir), *args)
    assert result.exit_code != 0 and message in result.output and "Traceback" not in result.output


def test_brief_works_on_any_document_with_headings(make_assistant, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    doc = tmp_path / "docs" / "widgets.md"
    doc.parent.mkdir()
    doc.write_text(
        "# Widget strategy\n\n## Skills\n\nThe skills academy placed 2,400 people in jobs last year. "
        "Apprenticeships in widget assembly doubled in 2023. Skills shortages in welding hold firms back.\n\n"
        "## Funding\n\nThe council committed £4 million to widget research. A further grant of £1.5 million followed.\n",
        encoding="utf-8",
    )
    assistant = make_assistant()
    assistant.ingest([doc.parent])
    note = draft_brief(assistant, "skills", today=TODAY)
    assert note.key_points and all(c.source == "widgets.md" for c in note.notes)
    assert ("Jobs", "2,400 people") in {(f.measure, f.value) for f in note.figures}
    assert not note.recommendations and "No recommendation" in to_markdown(note)
