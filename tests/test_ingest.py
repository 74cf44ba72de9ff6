"""Ingest: the real publication into a real Chroma store (shared session index), and idempotent
re-ingest, replacement and removal with small Markdown folders in their own temporary stores."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np
import pytest

from clusterqa.chunking import Chunk, chunk_document
from clusterqa.errors import IngestError
from clusterqa.index import Embedder, Index, Snapshot, passage_for_embedding, sentence_for_embedding
from clusterqa.ingest import find_files, ingest
from clusterqa.loaders import load_document
from clusterqa.pipeline import Assistant
from clusterqa.settings import Settings

HEADER = "Innovation Clusters in the North of England"
FOOTER = re.compile(r"NP11\s*\|\s*\d+")
CASE_STUDIES = "Innovation Cluster Case Studies in the North"


def only(chunks: list[Chunk], needle: str) -> Chunk:
    found = [c for c in chunks if needle in c.text]
    assert len(found) == 1, f"{needle!r} in {len(found)} chunks"
    return found[0]


# --- the publication, as Chroma holds it ---------------------------------------------


def test_publication_ingested_whole(assistant: Assistant, snapshot) -> None:  # type: ignore[no-untyped-def]
    (info,) = assistant.index.documents()
    assert info.source == "np11-innovation-clusters-north-of-england.pdf"
    assert info.title == HEADER
    assert info.pages == 23
    assert info.chunks == len(snapshot.chunks) == assistant.index.count()
    assert 40 <= len(snapshot.chunks) <= 400
    assert len(snapshot.sentence_vectors) == sum(len(c.sentences) for c in snapshot.chunks)


def test_no_chunk_holds_running_header_or_footer(snapshot) -> None:  # type: ignore[no-untyped-def]
    for chunk in snapshot.chunks:
        assert HEADER not in chunk.text, chunk.text[:80]
        assert not FOOTER.search(chunk.text), chunk.text[:80]
        assert not any(re.fullmatch(r"\d{1,3}", line.strip()) for line in chunk.text.splitlines())
        for sentence in chunk.sentences:
            assert HEADER not in sentence.text and not FOOTER.search(sentence.text)


def _squash(text: str) -> str:
    from clusterqa.text import normalise

    return re.sub(r"\s+", "", normalise(text))


@pytest.fixture(scope="module")
def printed_pages(publication: Path) -> dict[int, str]:
    """Printed page number (from the 'NP11 | n' footer) -> squashed page text."""
    import pypdf

    pages: dict[int, str] = {}
    for index, page in enumerate(pypdf.PdfReader(str(publication)).pages, start=1):
        text = page.extract_text()
        footer = FOOTER.search(text)
        if footer:
            number = int(footer.group().split("|")[1])
            assert number == index  # the footer numbers this publication's pages from the cover
            pages[number] = _squash(text)
    return pages


def test_every_sentence_is_on_its_printed_page(snapshot, printed_pages: dict[int, str]) -> None:  # type: ignore[no-untyped-def]
    for chunk in snapshot.chunks:
        for sentence in chunk.sentences:
            assert sentence.page in chunk.pages
            body = _squash(sentence.text.removeprefix("• "))
            assert body in printed_pages[sentence.page], (sentence.page, sentence.text[:60])
        assert chunk.page == min(chunk.pages)
        assert chunk.pages == tuple(sorted(set(chunk.pages)))


@pytest.mark.parametrize(
    ("needle", "printed_page", "section", "cluster", "region"),
    [
        (
            "three main sites",
            19,
            f"{CASE_STUDIES} › Tees Valley: Chemicals › Evolution",
            "Chemicals",
            "Tees Valley",
        ),
        (
            "seeded with £160 million",
            7,
            f"{CASE_STUDIES} › Liverpool City Region: Infection Prevention and Control",
            "Infection Prevention and Control",
            "Liverpool City Region",
        ),
        (
            "Samesbury",
            10,
            f"{CASE_STUDIES} › Lancashire: Cyber-Physical Defence and Security › Evolution",
            "Cyber-Physical Defence and Security",
            "Lancashire",
        ),
        (
            "construction of Calder Hall in 1956",
            16,
            f"{CASE_STUDIES} › Cumbria: Clean Energy › Evolution",
            "Clean Energy",
            "Cumbria",
        ),
        (
            "116,000 jobs",
            19,
            f"{CASE_STUDIES} › Tees Valley: Chemicals › Impact of cluster approach",
            "Chemicals",
            "Tees Valley",
        ),
        (
            "Access to finance, talent acquisition",
            13,
            f"{CASE_STUDIES} › Greater Manchester: Artificial Intelligence/Digital › Impact of cluster approach",
            "Artificial Intelligence/Digital",
            "Greater Manchester",
        ),
        (
            "competitive grants create significant challenges",
            23,
            "Recommendations › We need a shift away from small competitive grants",
            "",
            "",
        ),
        (
            "knowledge recombination",
            20,
            "Cross-cutting themes › Magic happens at the boundaries between sectors",
            "",
            "",
        ),
        (
            "skills are a constant point of concern",
            21,
            "Cross-cutting themes › Skills gaps remain one of the most common challenges",
            "",
            "",
        ),
        ("long history of innovation", 3, "Introduction", "", ""),
        (
            "localised groups of businesses",
            4,
            "What is a regional innovation cluster and why are they important?",
            "",
            "",
        ),
    ],
)
def test_chunk_metadata(snapshot: Snapshot, needle: str, printed_page: int, section: str, cluster: str, region: str) -> None:
    chunk = only(snapshot.chunks, needle)
    assert chunk.page == printed_page
    assert chunk.pages == (printed_page,)
    assert chunk.section == section
    assert (chunk.cluster, chunk.region) == (cluster, region)
    assert chunk.source == "np11-innovation-clusters-north-of-england.pdf"
    assert chunk.title == HEADER


def test_eleven_case_studies_with_regions(snapshot) -> None:  # type: ignore[no-untyped-def]
    regions = {c.region: c.cluster for c in snapshot.chunks if c.region}
    assert len(regions) == 11
    assert regions["Hull & East Yorkshire"] == "Net Zero"
    assert regions["York & North Yorkshire"] == "Bioeconomy"
    for chunk in snapshot.chunks:
        assert bool(chunk.region) == chunk.section.startswith(f"{CASE_STUDIES} › "), chunk.section
        if chunk.region:
            assert f"{chunk.region}: {chunk.cluster}" in chunk.section


def test_intro_and_policy_sections_have_no_cluster(snapshot) -> None:  # type: ignore[no-untyped-def]
    for chunk in snapshot.chunks:
        if chunk.section.split(" › ")[0] in {"Introduction", "Recommendations", "Cross-cutting themes"}:
            assert (chunk.cluster, chunk.region) == ("", ""), chunk.section


def test_contents_page_is_not_indexed(snapshot) -> None:  # type: ignore[no-untyped-def]
    assert all(c.page >= 3 for c in snapshot.chunks)
    assert not any(re.search(r"(?:\.\s*){3,}\d+\s*$", c.text) for c in snapshot.chunks)


# --- small Markdown folders in their own stores ----------------------------------------


def write(folder: Path, name: str, heading: str, body: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(f"# {heading}\n\n## Facts\n\n{body}\n", encoding="utf-8")
    return path


def all_texts(assistant: Assistant) -> str:
    return "\n".join(c.text for c in assistant.index.snapshot().chunks)


def stored_ids(assistant: Assistant) -> tuple[list[str], list[str]]:
    chunks = assistant.index.chunks.get(include=[])["ids"]
    sentences = assistant.index.sentences.get(include=[])["ids"]
    return chunks, sentences


@pytest.fixture
def notes(tmp_path: Path) -> Path:
    folder = tmp_path / "notes"
    write(folder, "kettle.md", "Kettle", "The kettle was bought in 1987. It boils water in ninety seconds.")
    write(folder, "garden.md", "Garden", "The garden has seven apple trees. Bees visit the lavender in June.")
    (folder / "sub").mkdir()
    write(folder / "sub", "shed.md", "Shed", "The shed roof was replaced with green felt.")
    (folder / ".hidden").mkdir()
    write(folder / ".hidden", "secret.md", "Secret", "Hidden folders are never ingested.")
    (folder / "image.png").write_bytes(b"\x89PNG")
    return folder


def test_find_files_recurses_and_skips_hidden_and_unsupported(notes: Path) -> None:
    files, folders, skipped = find_files([notes])
    assert [f.name for f in files] == ["garden.md", "kettle.md", "shed.md"]
    assert folders == [notes.resolve()]
    assert [f.name for f in skipped] == ["image.png"]  # reported, not ingested; hidden files are not even listed


def test_a_broken_file_fails_alone_and_loses_nothing(make_assistant: Callable[..., Assistant], notes: Path) -> None:
    assistant = make_assistant()
    assistant.ingest([notes])
    before = assistant.index.count()
    (notes / "broken.pdf").write_bytes(b"%PDF-1.4 this is not really a pdf")
    (notes / "garden.md").write_text("# Garden\n\nThe garden now grows leeks.\n", encoding="utf-8")
    report = assistant.ingest([notes])
    assert [Path(p).name for p, _ in report.failed] == ["broken.pdf"]
    assert "Could not read PDF" in report.failed[0][1] and "1 failed" in report.summary()
    assert "1 skipped as unsupported" in report.summary()
    assert [Path(p).name for p in report.added] == ["garden.md"]  # the good change still went in
    assert assistant.index.count() == before


@pytest.mark.parametrize(
    ("name", "expected"), [("missing.md", "No such file or folder"), ("sheet.xlsx", "Unsupported file type '.xlsx'")]
)
def test_find_files_errors(tmp_path: Path, name: str, expected: str) -> None:
    if name.endswith(".xlsx"):
        (tmp_path / name).write_bytes(b"x")
    with pytest.raises(IngestError, match=re.escape(expected)):
        find_files([tmp_path / name])


def test_reingest_is_idempotent(make_assistant: Callable[..., Assistant], notes: Path) -> None:
    assistant = make_assistant()
    first = assistant.ingest([notes])
    chunk_ids, sentence_ids = stored_ids(assistant)
    assert (first.documents, first.chunks, len(first.added)) == (3, len(chunk_ids), 3)

    again = assistant.ingest([notes])
    chunk_ids2, sentence_ids2 = stored_ids(assistant)
    assert sorted(chunk_ids2) == sorted(chunk_ids)
    assert len(set(chunk_ids2)) == len(chunk_ids2)
    assert sorted(sentence_ids2) == sorted(sentence_ids)
    assert (again.documents, again.chunks, again.added, len(again.unchanged)) == (3, first.chunks, [], 3)
    assert "Hidden folders" not in all_texts(assistant)


def test_same_content_from_two_files_is_kept_for_each(make_assistant: Callable[..., Assistant], tmp_path: Path) -> None:
    assistant = make_assistant()
    a = write(tmp_path / "a", "copy.md", "Copy", "Identical content lives in two folders.")
    b = write(tmp_path / "b", "copy.md", "Copy", "Identical content lives in two folders.")
    assistant.ingest([a, b])
    assert len(assistant.index.documents()) == 2
    assistant.ingest([a])  # unchanged: nothing added twice
    assert assistant.index.count() == len(set(stored_ids(assistant)[0])) == 2


def test_changed_file_is_replaced(make_assistant: Callable[..., Assistant], notes: Path) -> None:
    assistant = make_assistant()
    assistant.ingest([notes])
    count = assistant.index.count()
    assert "ninety seconds" in assistant.ask("How fast does the kettle boil water?").answer

    write(notes, "kettle.md", "Kettle", "The kettle was bought in 1987. It now boils water in forty seconds.")
    report = assistant.ingest([notes])
    assert report.added == [str((notes / "kettle.md").resolve())]
    assert len(report.unchanged) == 2
    texts = all_texts(assistant)
    assert "ninety seconds" not in texts
    assert "forty seconds" in texts
    assert assistant.index.count() == count
    answer = assistant.ask("How fast does the kettle boil water?")
    assert "forty seconds" in answer.answer and "ninety" not in answer.answer


def test_removed_file_is_dropped_only_from_its_folder(make_assistant: Callable[..., Assistant], tmp_path: Path) -> None:
    assistant = make_assistant()
    first = tmp_path / "first"
    other = tmp_path / "other"
    write(first, "keep.md", "Keep", "The lighthouse keeper paints the door blue.")
    gone = write(first, "gone.md", "Gone", "The windmill sails were painted orange.")
    outside = write(other, "outside.md", "Outside", "The ferry leaves the harbour at dawn.")
    assistant.ingest([first])
    assistant.ingest([other])
    single = write(tmp_path, "single.md", "Single", "The lone file mentions a copper weathervane.")
    assistant.ingest([single])
    assert len(assistant.index.documents()) == 4

    gone.unlink()
    report = assistant.ingest([first])
    assert report.removed == [str(gone.resolve())]
    paths = {d.path for d in assistant.index.documents()}
    assert paths == {str((first / "keep.md").resolve()), str(outside.resolve()), str(single.resolve())}
    texts = all_texts(assistant)
    assert "windmill" not in texts
    assert "ferry" in texts and "lighthouse" in texts and "weathervane" in texts
    assert report.documents == 1  # the summary counts what the given paths hold
    assert not assistant.index.sentences.get(where={"path": str(gone.resolve())}, include=[])["ids"]


def test_ingesting_a_parent_folder_does_not_drop_files_in_other_folders(
    make_assistant: Callable[..., Assistant], tmp_path: Path
) -> None:
    assistant = make_assistant()
    inner = write(tmp_path / "docs" / "inner", "inner.md", "Inner", "The inner note is about otters.")
    elsewhere = write(tmp_path / "elsewhere", "far.md", "Far", "The far note is about badgers.")
    assistant.ingest([inner, elsewhere])
    inner.unlink()
    report = assistant.ingest([tmp_path / "docs"])
    assert report.removed == [str(inner.resolve())]
    assert "badgers" in all_texts(assistant)


def test_progress_reports_every_file(make_assistant: Callable[..., Assistant], notes: Path) -> None:
    seen: list[tuple[str, int, int]] = []
    ingest(make_assistant().index, [notes], progress=lambda name, done, total: seen.append((name, done, total)))
    assert seen[-1] == ("", 3, 3)
    assert [s[0] for s in seen[:-1]] == ["garden.md", "kettle.md", "shed.md"]
    assert [s[1] for s in seen[:-1]] == [0, 1, 2]


def test_summary_line(make_assistant: Callable[..., Assistant], notes: Path) -> None:
    report = make_assistant().ingest([notes])
    expected = r"3 documents, 3 pages, \d+ chunks in \d+\.\d s \(3 indexed, 0 unchanged, 0 removed, 1 skipped as unsupported\)"
    assert re.fullmatch(expected, report.summary())
    assert report.seconds > 0


def test_index_built_by_an_older_format_is_redone(
    make_assistant: Callable[..., Assistant], notes: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import clusterqa.index as index_module

    assistant = make_assistant()
    monkeypatch.setattr(index_module, "INDEX_FORMAT", index_module.INDEX_FORMAT - 1)
    assistant.ingest([notes])
    monkeypatch.undo()
    again = assistant.ingest([notes])
    assert (len(again.added), again.unchanged) == (3, [])  # same files, new chunking/embedding: indexed anew
    assert len(assistant.ingest([notes]).unchanged) == 3


# --- at scale: only what changed is embedded -----------------------------------------------


class CountingEmbedder:
    """The real embedder, counting every text it is asked to embed."""

    def __init__(self, inner: Embedder) -> None:
        self.inner, self.name = inner, inner.name
        self.texts: list[str] = []

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        self.texts.extend(texts)
        return self.inner.embed(texts)


def place_note(folder: Path, n: int, extra: str = "") -> Path:
    """A two-section note about place n (distinct names and numbers, so nothing is shared between notes)."""
    path = folder / f"place-{n:03d}.md"
    path.write_text(
        f"# Place {n}\n\n## Works\n\nThe works at Place {n} employ {100 + n} people. They make {n} kinds of valve.\n\n"
        f"## Harbour\n\nThe harbour of Place {n} opened in {1800 + n}.{extra}\n",
        encoding="utf-8",
    )
    return path


def texts_of(path: Path) -> list[str]:
    """What embedding one document means: its passages and its sentences."""
    return texts_for(chunk_document(load_document(path), source=path.name, chunk_chars=700))


def texts_for(chunks: list[Chunk]) -> list[str]:
    return [passage_for_embedding(c) for c in chunks] + [
        sentence_for_embedding(c, i) for c in chunks for i in range(len(c.sentences))
    ]


@pytest.fixture
def counting(embedder: Embedder, tmp_path: Path) -> tuple[CountingEmbedder, Assistant]:
    counter = CountingEmbedder(embedder)
    settings = Settings.from_env({}, index_dir=tmp_path / "index")
    return counter, Assistant(settings, counter, Index.open(settings, counter))


def test_adding_one_document_embeds_only_it(counting: tuple[CountingEmbedder, Assistant], tmp_path: Path) -> None:
    counter, assistant = counting
    folder = tmp_path / "places"
    folder.mkdir()
    for n in range(60):
        place_note(folder, n)
    first = assistant.ingest([folder])
    assert (first.documents, len(first.added)) == (60, 60)
    assert len(counter.texts) == first.embedded == sum(len(texts_of(p)) for p in folder.iterdir())
    assistant.ask("How many people does the works at Place 7 employ?")  # the retriever is built

    counter.texts.clear()
    new = place_note(folder, 60)
    report = assistant.ingest([folder])
    assert (len(report.added), len(report.unchanged), report.documents) == (1, 60, 61)
    assert sorted(counter.texts) == sorted(texts_of(new)) and report.embedded == len(counter.texts)
    answer = assistant.ask("How many people does the works at Place 60 employ?")
    assert "160 people" in answer.answer and answer.citations[0].source == new.name

    counter.texts.clear()
    assistant.ingest([folder])
    assert counter.texts == []  # nothing changed, nothing embedded


def test_deleted_file_takes_its_chunks_and_sentences(counting: tuple[CountingEmbedder, Assistant], tmp_path: Path) -> None:
    counter, assistant = counting
    folder = tmp_path / "places"
    folder.mkdir()
    gone = [place_note(folder, n) for n in range(5)][2]
    assistant.ingest([folder])
    before = (assistant.index.chunks.count(), assistant.index.sentences.count())
    gone_chunks = next(d.chunks for d in assistant.index.documents() if d.path == str(gone))
    gone.unlink()
    counter.texts.clear()
    report = assistant.ingest([folder])
    assert report.removed == [str(gone)] and counter.texts == []
    snap = assistant.index.snapshot()
    assert all(c.source != gone.name for c in snap.chunks)
    assert assistant.index.chunks.get(where={"path": str(gone)})["ids"] == []
    assert assistant.index.sentences.get(where={"path": str(gone)})["ids"] == []
    assert before[0] - assistant.index.chunks.count() == gone_chunks > 0
    assert len(snap.sentence_vectors) == assistant.index.sentences.count() < before[1]


def test_changed_file_embeds_only_changed_chunks(counting: tuple[CountingEmbedder, Assistant], tmp_path: Path) -> None:
    counter, assistant = counting
    folder = tmp_path / "places"
    folder.mkdir()
    note = place_note(folder, 1)
    assistant.ingest([folder])
    old = {c.section: c for c in assistant.index.snapshot().chunks}
    counter.texts.clear()
    place_note(folder, 1, extra=" Ferries leave at noon.")  # only the Harbour section changes
    report = assistant.ingest([folder])
    assert report.added == [str(note)]
    changed = [c for c in chunk_document(load_document(note), source=note.name, chunk_chars=700) if "Harbour" in c.section]
    assert sorted(counter.texts) == sorted(texts_for(changed))
    assert report.reused == 1 + len(old[next(s for s in old if "Works" in s)].sentences)  # the Works chunk kept its vectors
    snap = assistant.index.snapshot()
    fresh = counter.inner.embed([passage_for_embedding(c) for c in snap.chunks])
    assert np.abs(snap.chunk_vectors - fresh).max() < 1e-5  # kept vectors are the ones embedding would give
    assert "noon" in assistant.ask("When do ferries leave Place 1?").answer


def test_every_change_moves_the_version_stamp(make_assistant: Callable[..., Assistant], notes: Path) -> None:
    assistant = make_assistant()
    seen = [assistant.index.version()]
    assistant.ingest([notes])
    seen.append(assistant.index.version())
    assistant.ingest([notes])  # nothing changed
    seen.append(assistant.index.version())
    assistant.remove(str((notes / "kettle.md").resolve()))
    seen.append(assistant.index.version())
    assert seen[0] == "" and seen[1] and seen[2] == seen[1] and seen[3] not in seen[:3]
