"""Index: chunks -> a real Chroma store in tmp_path, embedded with the real bundled model; then server
mode against a real `chroma run` started from the venv."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest

from clusterqa.chunking import Chunk, Sentence, chunk_id
from clusterqa.errors import ClusterQAError, ConfigError, NoIndexError, StoreError, UnknownNameError
from clusterqa.index import (
    SENTENCE_HNSW,
    Embedder,
    Index,
    index_exists,
    make_embedder,
    open_client,
    passage_for_embedding,
    sentence_for_embedding,
)
from clusterqa.pipeline import Assistant
from clusterqa.procs import free_port, stop, wait_for_http
from clusterqa.settings import Settings

CHROMA = Path(sys.executable).with_name("chroma")
SERVER_START_TIMEOUT_S = 60.0


def make_chunk(
    text: str, *, section: str = "Facts", pages: tuple[int, ...] = (1,), source: str = "a.md", cluster: str = "", region: str = ""
) -> Chunk:
    sentences = tuple(Sentence(s.strip() + ".", pages[0]) for s in text.split(".") if s.strip())
    return Chunk(
        id=chunk_id(source, section, text),
        source=source,
        title="Notes",
        page=pages[0],
        pages=pages,
        section=section,
        cluster=cluster,
        region=region,
        text=text,
        path=f"/docs/{source}",
        sentences=sentences,
    )


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings.from_env({}, index_dir=tmp_path / "index")


@pytest.fixture
def index(settings: Settings, embedder: Embedder) -> Index:
    return Index.open(settings, embedder)


CHUNKS = [
    make_chunk("Otters swim in the river. They eat fish.", section="Rivers", pages=(1,)),
    make_chunk("Badgers dig setts in the woods. They come out at night.", section="Woods", pages=(1, 2)),
    make_chunk(
        "The Teesside plant makes ammonia.",
        section="Case Studies › Tees Valley: Chemicals",
        pages=(3,),
        cluster="Chemicals",
        region="Tees Valley",
    ),
]


def test_embedder_gives_normalised_384_dim_vectors(embedder: Embedder) -> None:
    vectors = embedder.embed(["Otters swim in the river.", "Otters swim in the river.", "Steel mills in Sheffield."])
    assert vectors.shape == (3, 384)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-4)
    assert np.allclose(vectors[0], vectors[1])
    assert float(vectors[0] @ vectors[2]) < 0.5


def test_add_then_snapshot_round_trips(index: Index) -> None:
    index.add("/docs/a.md", CHUNKS, sha256="abc", num_pages=3)
    assert index.count() == 3
    snap = index.snapshot()
    assert [c.id for c in snap.chunks] == [c.id for c in CHUNKS]  # document order
    for got, want in zip(snap.chunks, CHUNKS, strict=True):
        assert (got.text, got.section, got.page, got.pages, got.cluster, got.region, got.title) == (
            want.text,
            want.section,
            want.page,
            want.pages,
            want.cluster,
            want.region,
            want.title,
        )
        assert got.sentences == want.sentences
        assert got.path == "/docs/a.md"
    assert snap.sentence_vectors.shape == (sum(len(c.sentences) for c in CHUNKS), 384)


def test_documents_and_sha(index: Index) -> None:
    index.add("/docs/a.md", CHUNKS[:2], sha256="abc", num_pages=2)
    index.add("/docs/b.md", CHUNKS[2:], sha256="def", num_pages=5)
    docs = index.documents()
    assert [(d.path, d.pages, d.chunks, d.sha256) for d in docs] == [
        ("/docs/a.md", 2, 2, "abc"),
        ("/docs/b.md", 5, 1, "def"),
    ]
    assert index.sha256_of("/docs/b.md") == "def"
    assert index.sha256_of("/docs/never.md") is None
    assert index.fingerprints() == {"/docs/a.md": "abc", "/docs/b.md": "def"}  # all of them in one read
    got = index.manifest.get(include=["metadatas"])
    record = got["metadatas"][0]
    index.manifest.update(ids=got["ids"][:1], metadatas=[record | {"format": 1}])
    assert record["path"] not in index.fingerprints()  # an older format is left out, so it is redone


def test_sentences_get_a_sparse_hnsw_graph(index: Index) -> None:
    """Sentences are never searched by vector in Chroma: their graph is built as cheaply as it can be."""
    index.add("/docs/a.md", CHUNKS, sha256="abc", num_pages=3)
    hnsw = index.sentences.configuration["hnsw"]
    assert (hnsw["max_neighbors"], hnsw["ef_construction"]) == (SENTENCE_HNSW["hnsw:M"], SENTENCE_HNSW["hnsw:construction_ef"])
    assert index.chunks.configuration["hnsw"]["max_neighbors"] > SENTENCE_HNSW["hnsw:M"]  # passages keep Chroma's own


def test_add_replaces_and_delete_removes(index: Index) -> None:
    index.add("/docs/a.md", CHUNKS, sha256="abc", num_pages=3)
    index.add("/docs/a.md", CHUNKS[:1], sha256="new", num_pages=1)
    assert index.count() == 1
    assert index.sentences.count() == len(CHUNKS[0].sentences)
    assert index.delete("/docs/a.md") == 1
    assert index.delete("/docs/a.md") == 0
    assert index.count() == 0 and index.sentences.count() == 0


def test_query_finds_the_closest_chunk_with_cosine_similarity(index: Index, embedder: Embedder) -> None:
    index.add("/docs/a.md", CHUNKS, sha256="abc", num_pages=3)
    hits = index.query(embedder.embed(["Where do badgers live?"])[0], 5)
    assert len(hits) == 3
    assert hits[0][0] == CHUNKS[1].id
    assert all(-1.0 <= score <= 1.0 for _, score in hits)
    assert hits[0][1] > hits[-1][1]
    filtered = index.query(embedder.embed(["Where do badgers live?"])[0], 5, {"region": "Tees Valley"})
    assert [cid for cid, _ in filtered] == [CHUNKS[2].id]


def test_store_is_persisted_in_index_dir(settings: Settings, embedder: Embedder) -> None:
    assert not index_exists(settings)
    Index.open(settings, embedder).add("/docs/a.md", CHUNKS, sha256="abc", num_pages=3)
    assert index_exists(settings)
    assert (settings.index_dir / "chroma.sqlite3").is_file()
    reopened = Index(open_client(settings), embedder, settings.collection)
    assert reopened.count() == 3


def test_empty_index_snapshot_says_to_ingest(index: Index) -> None:
    with pytest.raises(NoIndexError, match=r"Run 'clusterqa ingest"):
        index.snapshot()


def test_other_embedding_model_is_refused(settings: Settings, embedder: Embedder) -> None:
    Index.open(settings, embedder).add("/docs/a.md", CHUNKS, sha256="abc", num_pages=3)

    class Other:
        name = "some-other-model"

        def embed(self, texts):  # type: ignore[no-untyped-def]
            return embedder.embed(texts)

    with pytest.raises(ConfigError) as info:
        Index.open(settings, Other())
    assert "all-MiniLM-L6-v2" in str(info.value) and "some-other-model" in str(info.value)


def test_unknown_embedding_backend(settings: Settings) -> None:
    known = r"Known: onnx, onnx-int8, sentence-transformers\."
    with pytest.raises(UnknownNameError, match=rf"Unknown embedding backend 'openai'. {known}"):
        make_embedder(settings, backend="openai")


def test_missing_embedding_model_is_a_config_error(tmp_path: Path) -> None:
    settings = Settings.from_env({}, embedding_model=str(tmp_path / "no-such-model"))
    with pytest.raises(ConfigError, match="Could not load embedding model"):
        make_embedder(settings)


def test_embedding_texts_carry_section_and_place() -> None:
    chunk = CHUNKS[2]
    assert passage_for_embedding(chunk).startswith("Case Studies › Tees Valley: Chemicals\n")
    expected = "Tees Valley (Chemicals): The Teesside plant makes ammonia."
    assert sentence_for_embedding(chunk, 0) == expected
    assert sentence_for_embedding(CHUNKS[0], 0) == "Otters swim in the river."
    # a sentence that goes on about the one before ('They ...') is embedded with it
    assert sentence_for_embedding(CHUNKS[0], 1) == "Otters swim in the river. They eat fish."


def test_publication_index_metadata(assistant) -> None:  # type: ignore[no-untyped-def]
    metas = assistant.index.chunks.get(include=["metadatas"])["metadatas"]
    assert assistant.index.chunks.metadata["embedder"] == "all-MiniLM-L6-v2"
    assert assistant.index.chunks.metadata["hnsw:space"] == "cosine"
    keys = {"source", "path", "title", "page", "pages", "section", "cluster", "region", "sha256", "num_pages"}
    assert all(keys <= set(m) for m in metas)
    assert sorted(m["order"] for m in metas) == list(range(len(metas)))


# --- server mode: a real Chroma server --------------------------------------------------


class ChromaServer:
    """`chroma run` on one folder and port; start() waits for the heartbeat, stop() ends it by its PID."""

    def __init__(self, path: Path, port: int) -> None:
        self.path, self.host, self.port = path, "127.0.0.1", port
        self.log = path.parent / "chroma.log"
        self.proc: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"

    def settings(self, **changes: object) -> Settings:
        """Settings pointing at this server the way a deployment does: CLUSTERQA_CHROMA_URL."""
        settings = Settings.from_env({"CLUSTERQA_CHROMA_URL": self.url}, **changes)
        assert (settings.chroma_host, settings.chroma_port) == (self.host, self.port)
        return settings

    def start(self) -> None:
        command = [str(CHROMA), "run", "--path", str(self.path), "--host", self.host, "--port", str(self.port)]
        env = dict(os.environ, ANONYMIZED_TELEMETRY="False")
        with self.log.open("ab") as log:
            self.proc = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, env=env)
        try:
            wait_for_http(f"http://{self.host}:{self.port}/api/v2/heartbeat", self.proc, SERVER_START_TIMEOUT_S)
        except ClusterQAError as exc:
            self.stop()
            pytest.fail(f"{exc}\n{self.log.read_text(errors='replace')}")

    def stop(self) -> None:
        stop(self.proc)


@pytest.fixture
def chroma_server(tmp_path: Path) -> Iterator[ChromaServer]:
    """A real Chroma server on a free loopback port, storing in tmp_path; stopped by its PID afterwards."""
    if not CHROMA.is_file():
        pytest.skip(f"no chroma command next to {sys.executable}")
    server = ChromaServer(tmp_path / "chroma-server", free_port())
    server.start()
    try:
        yield server
    finally:
        server.stop()


ZORBLAX = "# Zorblax Cluster\n\nThe Zorblax Cluster in Tees Valley employs 4,321 people in advanced materials.\n"
SERVER_CASES = [  # (document, question, expected in the answer, cited page); not "page": pytest-playwright claims it
    ("zorblax-cluster.md", "How many people does the Zorblax Cluster employ?", "4,321", 1),
    (
        "np11-innovation-clusters-north-of-england.pdf",
        "How much government funding seeded the Liverpool City Region Investment Zone?",
        "£160 million",
        7,
    ),
]


@pytest.mark.server
@pytest.mark.parametrize(("name", "question", "expected", "cited_page"), SERVER_CASES, ids=["markdown", "pdf"])
def test_server_mode_answers_with_citations_and_survives_restart(
    chroma_server: ChromaServer, publication: Path, tmp_path: Path, name: str, question: str, expected: str, cited_page: int
) -> None:
    if name == publication.name:
        document = publication
    else:
        document = tmp_path / name
        document.write_text(ZORBLAX, encoding="utf-8")
    settings = chroma_server.settings(index_dir=tmp_path / "no-local-store")
    assistant = Assistant.from_settings(settings)  # server mode needs no local index folder
    report = assistant.ingest([document])
    assert report.documents == 1 and report.chunks > 0
    answer = assistant.ask(question)
    assert not answer.abstained and expected in answer.answer and "[1]" in answer.answer
    assert (answer.citations[0].source, answer.citations[0].page) == (name, cited_page)
    assert not settings.index_dir.exists()  # everything went to the server
    chunks = assistant.index.count()

    chroma_server.stop()
    chroma_server.start()  # same folder, same port
    reopened = Assistant.from_settings(settings)
    assert [d.source for d in reopened.index.documents()] == [name]
    assert reopened.index.count() == chunks
    again = reopened.ask(question)
    assert (again.answer, again.citations) == (answer.answer, answer.citations)


def test_no_chroma_server_is_a_config_error(embedder: Embedder, tmp_path: Path) -> None:
    port = free_port()  # nothing listens here
    settings = Settings.from_env({}, chroma_host="127.0.0.1", chroma_port=port, index_dir=tmp_path / "index")
    with pytest.raises(ConfigError) as info:
        Index.open(settings, embedder)
    message = str(info.value)
    assert message.startswith(f"Could not reach the Chroma server at 127.0.0.1:{port} (")
    assert f"chroma run --path DIR --port {port}" in message and "unset CLUSTERQA_CHROMA_HOST" in message


@pytest.mark.server
def test_server_gone_mid_session_is_a_store_error(chroma_server: ChromaServer, tmp_path: Path) -> None:
    document = tmp_path / "zorblax-cluster.md"
    document.write_text(ZORBLAX, encoding="utf-8")
    assistant = Assistant.from_settings(chroma_server.settings(index_dir=tmp_path / "no-local-store"))
    assistant.ingest([document])
    assistant.ask("How many people does the Zorblax Cluster employ?")  # builds the retriever while the server is up
    chroma_server.stop()
    with pytest.raises(StoreError, match=r"^The Chroma store failed: .*is it still running\?$"):
        assistant.ask("How many people does the Zorblax Cluster employ?")
    with pytest.raises(StoreError):
        assistant.ingest([document])


@pytest.mark.server
def test_two_clients_on_one_server_see_each_others_changes(chroma_server: ChromaServer, tmp_path: Path) -> None:
    """Two app processes on one server: what one ingests or removes, the other answers from (or stops citing)
    on its next question, with no restart: the version stamp in Chroma makes it rebuild its keyword index."""
    first = tmp_path / "zorblax-cluster.md"
    first.write_text(ZORBLAX, encoding="utf-8")
    second = tmp_path / "quux-cluster.md"
    second.write_text("# Quux Cluster\n\nThe Quux Cluster in Cumbria trains 777 welders every year.\n", encoding="utf-8")
    settings = chroma_server.settings(index_dir=tmp_path / "no-local-store")
    writer = Assistant.from_settings(settings)
    writer.ingest([first])
    reader = Assistant.from_settings(settings)  # another client: its own connection, model and keyword index
    assert "4,321" in reader.ask("How many people does the Zorblax Cluster employ?").answer
    stamp = reader.index.version()

    writer.ingest([second])
    assert reader.index.version() != stamp
    answer = reader.ask("How many welders does the Quux Cluster train?")
    assert not answer.abstained and "777 welders" in answer.answer
    assert answer.citations[0].source == "quux-cluster.md"
    assert {c.source for c in reader.retriever.chunks} == {"zorblax-cluster.md", "quux-cluster.md"}

    writer.remove(str(second))
    gone = reader.ask("How many welders does the Quux Cluster train?")
    assert all(c.source != "quux-cluster.md" for c in gone.citations) and "777" not in gone.answer
    assert [c.source for c in reader.retriever.chunks] == ["zorblax-cluster.md"]


@pytest.mark.server
def test_server_answers_match_embedded_on_public_questions(
    chroma_server: ChromaServer, publication: Path, assistant: Assistant, tmp_path: Path
) -> None:
    """The same publication in a Chroma server and in the embedded store gives the same answers, citations
    and retrieved passages, on every question of the public eval set (the issue's bar), facts and lists alike."""
    from clusterqa.evals import load_cases

    remote = Assistant(
        chroma_server.settings(index_dir=tmp_path / "unused"), assistant.embedder,
        Index.open(chroma_server.settings(), assistant.embedder),
    )
    remote.ingest([publication])
    cases = load_cases(Path(__file__).resolve().parents[1] / "evals" / "public.jsonl")
    assert len(cases) >= 265 and any(c.tags and "list" in c.tags for c in cases)
    for case in cases:
        here, there = assistant.ask(case.question).to_dict(), remote.ask(case.question).to_dict()
        for key in ("latency_ms",):
            here.pop(key), there.pop(key)
        assert there == here, case.id
