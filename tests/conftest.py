"""Shared fixtures: the real bundled model (loaded once), the real publication ingested once into a
temporary Chroma store, and small builders for throwaway documents and indexes.

Nothing here is autouse: a test gets only the fixtures it names.
"""

from __future__ import annotations

import os

# Offline and quiet before anything imports huggingface_hub or chromadb.
os.environ["HF_HUB_OFFLINE"] = "1"
os.environ["ANONYMIZED_TELEMETRY"] = "False"
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

from collections.abc import Callable, Iterator  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from clusterqa.index import Embedder, Index, make_embedder  # noqa: E402
from clusterqa.pipeline import Assistant  # noqa: E402
from clusterqa.settings import Settings  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
PUBLICATION = REPO / "corpus" / "np11-innovation-clusters-north-of-england.pdf"


def _clean_settings(**changes: object) -> Settings:
    """Settings with defaults only: CLUSTERQA_* variables of whoever runs the tests do not leak in."""
    return Settings.from_env({}, **changes)


@pytest.fixture(scope="session")
def publication() -> Path:
    """The real NP11 publication."""
    assert PUBLICATION.is_file(), f"missing {PUBLICATION}"
    return PUBLICATION


@pytest.fixture(scope="session")
def embedder() -> Embedder:
    """The real bundled all-MiniLM-L6-v2, loaded once per session."""
    return make_embedder(_clean_settings())


@pytest.fixture(scope="session")
def publication_index_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("publication-index")


@pytest.fixture(scope="session")
def assistant(embedder: Embedder, publication: Path, publication_index_dir: Path) -> Iterator[Assistant]:
    """An Assistant over a real Chroma store holding only the real publication, ingested once."""
    settings = _clean_settings(index_dir=publication_index_dir)
    assistant = Assistant(settings, embedder, Index.open(settings, embedder))
    report = assistant.ingest([publication])
    assert report.documents == 1 and report.chunks > 0
    yield assistant


@pytest.fixture(scope="session")
def snapshot(assistant: Assistant):  # type: ignore[no-untyped-def]
    """Every chunk of the publication as read back from Chroma."""
    return assistant.index.snapshot()


@pytest.fixture
def make_assistant(embedder: Embedder, tmp_path: Path) -> Callable[..., Assistant]:
    """A factory for Assistants over fresh, empty Chroma stores in tmp_path (sharing the loaded model)."""
    counter = iter(range(1000))

    def make(index_dir: Path | None = None, **changes: object) -> Assistant:
        folder = index_dir or tmp_path / f"index-{next(counter)}"
        settings = _clean_settings(index_dir=folder, **changes)
        return Assistant(settings, embedder, Index.open(settings, embedder))

    return make


@pytest.fixture(scope="session")
def make_pdf() -> Callable[..., Path]:
    """Write a small text PDF with reportlab.

    pages: a list of pages; each page a list of (kind, text) lines drawn top-down, kind one of
    'heading' (bold 16 pt), 'body' (11 pt). Every page gets a running header and a 'ACME | n' footer.
    """
    pytest.importorskip("reportlab")
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    def make(path: Path, pages: list[list[tuple[str, str]]], *, header: str = "Widget Annual Report") -> Path:
        pdf = canvas.Canvas(str(path), pagesize=A4)
        width, height = A4
        for number, lines in enumerate(pages, start=1):
            pdf.setFont("Helvetica", 9)
            pdf.drawString(60, height - 40, header)
            y = height - 90
            for kind, text in lines:
                if kind == "heading":
                    y -= 10
                    pdf.setFont("Helvetica-Bold", 16)
                    pdf.drawString(60, y, text)
                    y -= 26
                else:
                    pdf.setFont("Helvetica", 11)
                    pdf.drawString(60, y, text)
                    y -= 15
            pdf.setFont("Helvetica", 9)
            pdf.drawString(60, 30, f"ACME | {number}")
            pdf.showPage()
        pdf.save()
        return path

    return make
