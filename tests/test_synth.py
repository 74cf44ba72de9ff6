"""Synthetic corpora for bench: real PDF copies of the publication with perturbed numbers that ingest
into the same pages, sections and chunk shapes as the original."""

from __future__ import annotations

import re
from pathlib import Path

from clusterqa.chunking import chunk_document
from clusterqa.loaders import load_document
from clusterqa.synth import make_corpus, perturb_stream

LCR = "Investment Zone announced in July"


def test_copies_keep_structure_and_change_numbers(publication: Path, tmp_path: Path) -> None:
    corpus = make_corpus([publication], tmp_path / "c", 3)
    assert [f.name for f in corpus.files] == [
        publication.name,
        f"{publication.stem}-copy-001.pdf",
        f"{publication.stem}-copy-002.pdf",
    ]
    assert corpus.pages == 69
    docs = [load_document(f) for f in corpus.files]
    chunked = [chunk_document(d, source=f.name, chunk_chars=700) for d, f in zip(docs, corpus.files)]
    assert {d.num_pages for d in docs} == {23}
    shapes = [[(c.section, c.pages, c.region, c.cluster, len(c.sentences)) for c in chunks] for chunks in chunked]
    assert shapes[1] == shapes[0] and shapes[2] == shapes[0]  # same sections, pages (footers kept), sentences
    facts = [next(c.text for c in chunks if LCR in c.text) for chunks in chunked]
    sentences = [re.search(rf"{LCR} .*?funding\.", f, re.S).group(0) for f in facts]  # type: ignore[union-attr]
    assert "July 2023 was seeded with £160 million" in sentences[0]
    assert len(set(sentences)) == 3  # each copy its own numbers...
    shape = re.sub(r"\d", "#", sentences[0])
    assert all(re.sub(r"\d", "#", s) == shape for s in sentences)  # ...of the same length, nothing else changed


def test_first_copy_makes_the_next_document(publication: Path, tmp_path: Path) -> None:
    more = make_corpus([publication], tmp_path / "more", 1, first_copy=7)
    assert [f.name for f in more.files] == [f"{publication.stem}-copy-007.pdf"]
    again = make_corpus([publication], tmp_path / "again", 8)
    assert more.files[0].read_bytes() == again.files[7].read_bytes()  # the same copy number is the same document


def test_perturb_keeps_footers_contents_names_and_escapes() -> None:
    digits = bytes.maketrans(b"123456789", b"234567891")
    stream = (
        b"BT (NP11  |  7) Tj T* ET BT (Recommendations . . . . 22) Tj T* ET "
        b"BT (seeded with \\002160 million \\(2021\\) in NP11) Tj T* ET"
    )
    out = perturb_stream(stream, digits)
    assert b"(NP11  |  7) Tj" in out and b"(Recommendations . . . . 22) Tj" in out
    assert b"(seeded with \\002270 million \\(3032\\) in NP11) Tj" in out  # 0 stays 0
