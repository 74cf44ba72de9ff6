"""Shared fixtures: the real bundled model (loaded once), the real publication ingested once into a
temporary Chroma store (in this process, and once more by a subprocess for the app tests), small
builders for throwaway documents and indexes, and a network guard.

Nothing here is autouse: a test gets only the fixtures it names.
"""

from __future__ import annotations

import os

# Offline and quiet before anything imports huggingface_hub or chromadb.
os.environ["HF_HUB_OFFLINE"] = "1"
os.environ["ANONYMIZED_TELEMETRY"] = "False"
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

import importlib.util  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
from collections.abc import Callable, Iterator  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402
from click.testing import CliRunner  # noqa: E402

import clusterqa.pipeline  # noqa: E402
from clusterqa.cli import main  # noqa: E402
from clusterqa.index import Embedder, Index, make_embedder  # noqa: E402
from clusterqa.pipeline import Assistant  # noqa: E402
from clusterqa.settings import Settings  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
PUBLICATION = REPO / "corpus" / "np11-innovation-clusters-north-of-england.pdf"
NETGUARD = Path(__file__).resolve().parent / "netguard"
_spec = importlib.util.spec_from_file_location("clusterqa_netguard", NETGUARD / "sitecustomize.py")
assert _spec is not None and _spec.loader is not None
netguard = importlib.util.module_from_spec(_spec)  # the guard subprocesses import as sitecustomize
_spec.loader.exec_module(netguard)  # arms nothing by itself here: CLUSTERQA_NETGUARD_LOG is not set


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


@pytest.fixture
def no_network() -> Iterator[list[str]]:
    """Arm the network guard in this process: any connect, send or lookup beyond this machine is refused
    and fails the test. Yields the list of attempts (empty when all is well)."""
    import socket

    saved = (socket.socket.connect, socket.socket.connect_ex, socket.socket.sendto, socket.getaddrinfo)
    attempts: list[str] = []
    netguard.install(attempts.append)
    try:
        yield attempts
    finally:
        socket.socket.connect, socket.socket.connect_ex, socket.socket.sendto, socket.getaddrinfo = saved  # type: ignore[method-assign]
    assert attempts == [], f"non-loopback network use: {attempts}"


def guarded_env(log: Path, **extra: str) -> dict[str, str]:
    """Environment for a subprocess with the network guard armed (it logs to `log`). The offline
    switches are removed, so the run shows clusterqa sets them itself."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("CLUSTERQA_")}
    for key in ("HF_HUB_OFFLINE", "TRANSFORMERS_OFFLINE", "ANONYMIZED_TELEMETRY", "GRADIO_ANALYTICS_ENABLED",
                "HF_HUB_DISABLE_TELEMETRY"):
        env.pop(key, None)
    src = str(REPO / "src")
    env.update(PYTHONPATH=os.pathsep.join([str(NETGUARD), src]), CLUSTERQA_NETGUARD_LOG=str(log), PYTHONUNBUFFERED="1")
    env.update(extra)
    return env


@pytest.fixture(scope="session")
def built_index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An index of the real PDF, built once in a subprocess (keeps torch out of the test process)."""
    index_dir = tmp_path_factory.mktemp("ui") / "index"
    script = (
        "import sys; from pathlib import Path; from clusterqa import Assistant, Settings; "
        "a = Assistant.from_settings(Settings.from_env(), require_index=False); "
        "print(a.ingest([Path(sys.argv[1])]).summary())"
    )
    env = dict(os.environ, HF_HUB_OFFLINE="1", CLUSTERQA_INDEX_DIR=str(index_dir))
    subprocess.run([sys.executable, "-c", script, str(PUBLICATION)], check=True, cwd=REPO, timeout=600, env=env)
    return index_dir


@pytest.fixture
def cli(embedder: Embedder, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """Invoke the real CLI in-process; the already loaded real model is reused instead of loading it again."""
    monkeypatch.setattr(clusterqa.pipeline, "make_embedder", lambda settings: embedder)
    for key in [k for k in os.environ if k.startswith("CLUSTERQA_")]:
        monkeypatch.delenv(key)
    runner = CliRunner()

    def invoke(*args: str, input: str | None = None):  # type: ignore[no-untyped-def]
        return runner.invoke(main, list(args), input=input, catch_exceptions=False)

    return invoke
