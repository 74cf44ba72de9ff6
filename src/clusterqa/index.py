"""Chunks -> Chroma (embedded folder or a Chroma server). Chroma is the single source of truth.

Three collections: `<name>` holds chunks (text, metadata, embedding),
`<name>-sentences` holds every chunk's sentences with their page and embedding,
so the answerer can quote and cite a single sentence without embedding at
question time, and `<name>-documents` is the manifest: one record per document
naming the generation of its chunks that is complete. The keyword index is
rebuilt from what Chroma holds.

Chroma has no transactions, so a document is written as a new generation
(chunks and sentences whose ids carry it) and only then recorded in the
manifest, a single-record write. Readers see only generations the manifest
names, so an ingest killed mid-way leaves the previous version serving; the
next ingest sweeps the leftovers away.
"""

from __future__ import annotations

import contextlib
import fcntl
import functools
import hashlib
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import numpy as np

from .chunking import Chunk, Sentence
from .embedders import EMBEDDERS, Embedder, OnnxEmbedder, SentenceTransformerEmbedder, make_embedder
from .errors import ClusterQAError, ConfigError, NoIndexError, StoreError
from .settings import Settings
from .text import CONTINUES

__all__ = ["EMBEDDERS", "Embedder", "Index", "OnnxEmbedder", "SentenceTransformerEmbedder", "make_embedder", "open_client"]

WRITE_BATCH = 1000  # records per Chroma add/delete call
READ_BATCH = 5000  # records per Chroma get call while reading a snapshot (bounds memory at scale)
INDEX_FORMAT = 4  # bump when chunking, sentence splitting or embedding text changes: files are re-indexed on the next ingest
GENERATION_SEP = "@"  # stored ids are '<chunk id>@<generation>' ('...:<position>' for sentences)
LOCK_FILE = "clusterqa.lock"
# Sentences are read by id and path, never searched by vector (retrieval searches the snapshot in numpy), so
# their collection's HNSW graph is pure cost: the sparsest one Chroma builds quickly. Measured on 27,000
# sentence records: 42 s to write with Chroma's defaults (M 16, construction ef 100), 18 s with these.
SENTENCE_HNSW = {"hnsw:M": 4, "hnsw:construction_ef": 16}
REBUILD_HINT = "Rebuild it with 'clusterqa ingest corpus/' (and any other folders you indexed)."
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
            raise StoreError(_explain_store_failure(exc)) from exc

    return wrapper  # type: ignore[return-value]


def _explain_store_failure(exc: Exception) -> str:
    text = str(exc)
    lowered = text.lower()
    if "readonly" in lowered or "read-only" in lowered or "permission denied" in lowered:
        return (
            f"The index cannot be written: its folder or database is read-only ({text}). Make the folder writable, "
            "or set CLUSTERQA_INDEX_DIR to a writable folder; documents already indexed are unchanged."
        )
    if any(sign in lowered for sign in ("disk is full", "no space", "file too large", "disk i/o error")):
        return (
            f"The index cannot be written: the disk is full or refused the write ({text}). Free some space and "
            "run the ingest again; documents already indexed are unchanged."
        )
    return f"The Chroma store failed: {text}. If it is a server, is it still running?"


def open_client(settings: Settings) -> Any:
    """An embedded PersistentClient on index_dir, or an HttpClient when chroma_host is set."""
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    chroma_settings = ChromaSettings(anonymized_telemetry=False, allow_reset=False)
    if settings.chroma_host:
        try:
            return chromadb.HttpClient(
                host=settings.chroma_host, port=settings.chroma_port, ssl=settings.chroma_ssl, settings=chroma_settings
            )
        except Exception as exc:
            raise ConfigError(
                f"Could not reach the Chroma server at {settings.chroma_host}:{settings.chroma_port} ({exc}). "
                f"Start it with 'chroma run --path DIR --port {settings.chroma_port}', or unset "
                f"CLUSTERQA_CHROMA_HOST to use the embedded store in {settings.index_dir}/."
            ) from exc
    try:
        settings.index_dir.mkdir(parents=True, exist_ok=True)
        return chromadb.PersistentClient(path=str(settings.index_dir), settings=chroma_settings)
    except Exception as exc:  # a read-only or full disk, a folder that is a file, a broken database
        reason = _explain_store_failure(exc)
        if reason.startswith("The index cannot be written"):
            reason = reason.replace("The index cannot be written", f"The index in {settings.index_dir}/ cannot be opened", 1)
        else:
            reason = f"Could not open the index in {settings.index_dir}/: {exc}. {REBUILD_HINT}"
        raise StoreError(reason) from exc


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


@dataclass(frozen=True)
class AddReport:
    """Texts one add() embedded, and texts whose vectors it kept from the document's previous version."""

    embedded: int = 0
    reused: int = 0


@dataclass
class Snapshot:
    """Everything retrieval needs, read from Chroma once: chunks, sentences and sentence vectors."""

    chunks: list[Chunk]
    sentence_vectors: np.ndarray  # one row per sentence, in chunk order
    chunk_vectors: np.ndarray  # one row per chunk (its passage), in the same order


class Index:
    """The Chroma collections of one store, opened with our own embedder (never Chroma's default)."""

    @store_errors
    def __init__(self, client: Any, embedder: Embedder, name: str = "clusterqa", location: str = "the index") -> None:
        self.client, self.embedder, self.name, self.location = client, embedder, name, location
        self.lock_path: Path | None = None  # set for an embedded store: one writer at a time
        space = {"hnsw:space": "cosine", "embedder": embedder.name}
        self.chunks = client.get_or_create_collection(name, metadata=space, embedding_function=None)
        self.sentences = client.get_or_create_collection(
            f"{name}-sentences", metadata=space | SENTENCE_HNSW, embedding_function=None
        )
        self.manifest = client.get_or_create_collection(f"{name}-documents", embedding_function=None)
        stored = (self.chunks.metadata or {}).get("embedder")
        if stored and stored != embedder.name and self.chunks.count():
            raise ConfigError(
                f"The index was built with embedding model '{stored}' but '{embedder.name}' is set. "
                "Re-ingest into a fresh index folder, or set CLUSTERQA_EMBEDDING_MODEL back."
            )

    @classmethod
    def open(cls, settings: Settings, embedder: Embedder, client: Any = None) -> Index:
        """The store settings name (its client opened here unless given), locked for writing when embedded."""
        location = (
            f"the Chroma server at {settings.chroma_host}:{settings.chroma_port}"
            if settings.chroma_host
            else f"{settings.index_dir}/"
        )
        index = cls(client or open_client(settings), embedder, settings.collection, location)
        if not settings.chroma_host:
            index.lock_path = Path(settings.index_dir) / LOCK_FILE
        return index

    @contextlib.contextmanager
    def writing(self) -> Iterator[None]:
        """Hold the embedded store's write lock for an ingest. The OS drops it when the process dies,
        even by SIGKILL, so a killed ingest never blocks the next one."""
        if self.lock_path is None:
            yield
            return
        try:
            handle = self.lock_path.open("a")
        except OSError as exc:
            raise StoreError(
                f"The index in {self.location} cannot be written: {exc.strerror or exc} ({self.lock_path}). "
                "Make the folder writable, or set CLUSTERQA_INDEX_DIR to a writable folder; "
                "documents already indexed are unchanged."
            ) from exc
        with handle:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                raise StoreError(
                    f"Another ingest is writing to {self.location}. Wait for it to finish, then run this again."
                ) from None
            try:
                yield
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)

    @store_errors
    def count(self) -> int:
        """Chunks of complete documents (leftovers of an interrupted ingest are not counted)."""
        return sum(d.chunks for d in self.documents())

    # --- writing ---------------------------------------------------------------

    @store_errors
    def add(self, path: str, chunks: list[Chunk], *, sha256: str, num_pages: int) -> AddReport:
        """Replace everything indexed from path with these chunks. The old version serves until the new
        one is completely written; a crash part-way leaves the old version (see the module docstring).

        Chunks whose content the old version already holds (same chunk id: same source, section and text)
        keep their passage and sentence vectors; only new or changed chunks are embedded."""
        if not chunks:
            self.delete(path)
            return AddReport()
        sentences = [(c, i, s) for c in chunks for i, s in enumerate(c.sentences)]
        known_passages, known_sentences = self._vectors_of(path)
        passage_todo = [c for c in chunks if c.id not in known_passages]
        sentence_todo = [(c, i) for c, i, _ in sentences if (c.id, i) not in known_sentences]
        # one call: the embedder sorts all of them by length, so passages and sentences share batches
        fresh = self.embedder.embed(
            [passage_for_embedding(c) for c in passage_todo] + [sentence_for_embedding(c, i) for c, i in sentence_todo]
        )
        known_passages.update(zip((c.id for c in passage_todo), fresh[: len(passage_todo)]))
        known_sentences.update(zip(((c.id, i) for c, i in sentence_todo), fresh[len(passage_todo) :]))
        chunk_vectors = np.stack([known_passages[c.id] for c in chunks])
        sentence_vectors = np.stack([known_sentences[(c.id, i)] for c, i, _ in sentences]) if sentences else fresh[:0]
        generation = uuid.uuid4().hex[:12]
        now = time.time()
        for start in range(0, len(sentences), WRITE_BATCH):
            part_s = sentences[start : start + WRITE_BATCH]
            self.sentences.add(
                ids=[f"{_stored_id(c.id, generation)}:{i}" for c, i, _ in part_s],
                documents=[s.text for _, _, s in part_s],
                embeddings=sentence_vectors[start : start + WRITE_BATCH],
                metadatas=[
                    {"chunk_id": _stored_id(c.id, generation), "position": i, "page": s.page, "path": path,
                     "generation": generation}
                    for c, i, s in part_s
                ],
            )
        for start in range(0, len(chunks), WRITE_BATCH):
            part = chunks[start : start + WRITE_BATCH]
            self.chunks.add(
                ids=[_stored_id(c.id, generation) for c in part],
                documents=[c.text for c in part],
                embeddings=chunk_vectors[start : start + WRITE_BATCH],
                metadatas=[
                    _chunk_metadata(c, path, sha256, num_pages, now, len(chunks), start + i) | {"generation": generation}
                    for i, c in enumerate(part)
                ],
            )
        first = chunks[0]
        self.manifest.upsert(  # the commit point: one record, written whole or not at all
            ids=[_document_key(path)],
            embeddings=[[1.0]],  # Chroma needs a vector; the manifest is only ever read by id or path
            documents=[path],
            metadatas=[
                {"path": path, "source": first.source, "title": first.title, "num_pages": num_pages,
                 "doc_chunks": len(chunks), "doc_sentences": len(sentences), "ingested_at": now, "sha256": sha256,
                 "format": INDEX_FORMAT, "generation": generation}
            ],
        )
        self._stamp()
        self._drop_records(path, keep=generation)
        return AddReport(
            embedded=len(passage_todo) + len(sentence_todo),
            reused=len(chunks) - len(passage_todo) + len(sentences) - len(sentence_todo),
        )

    def _vectors_of(self, path: str) -> tuple[dict[str, np.ndarray], dict[tuple[str, int], np.ndarray]]:
        """Passage vectors by chunk id and sentence vectors by (chunk id, position) of path's complete
        version, when it was written in this INDEX_FORMAT (an older format embedded other texts)."""
        found = self.manifest.get(ids=[_document_key(path)], include=["metadatas"])["metadatas"] or []
        if not found or found[0].get("format") != INDEX_FORMAT:
            return {}, {}
        where = {"$and": [{"path": path}, {"generation": str(found[0]["generation"])}]}
        passages: dict[str, np.ndarray] = {}
        for cid, _, vector in _pages(self.chunks, ["embeddings"], where):
            passages[cid.split(GENERATION_SEP)[0]] = vector
        sentences: dict[tuple[str, int], np.ndarray] = {}
        for sid, meta, vector in _pages(self.sentences, ["metadatas", "embeddings"], where):
            sentences[(sid.split(GENERATION_SEP)[0], int(meta["position"]))] = vector
        return passages, sentences

    def _stamp(self) -> None:
        """A new version stamp in the manifest's collection metadata: every reader of this store (other
        processes, other machines on the same server) sees it change and rebuilds its keyword index."""
        self.manifest.modify(metadata={"version": uuid.uuid4().hex})

    @store_errors
    def version(self) -> str:
        """The stamp written by the last change to the store (read fresh from Chroma, one small request)."""
        collection = self.client.get_collection(self.manifest.name, embedding_function=None)
        return str((collection.metadata or {}).get("version", ""))

    @store_errors
    def delete(self, path: str) -> int:
        """Remove a file's chunks and sentences; returns how many chunks of its complete version went."""
        found = self.manifest.get(ids=[_document_key(path)], include=["metadatas"])
        metas = found["metadatas"] or []
        live = int(metas[0]["doc_chunks"]) if metas else 0
        if metas:
            self.manifest.delete(ids=[_document_key(path)])  # absent for readers from here on
            self._stamp()
        self._drop_records(path, keep=None)
        return live

    @store_errors
    def sweep(self) -> int:
        """Delete chunks and sentences no manifest record names (left by an interrupted ingest, or by a
        store built before the manifest existed); returns how many chunks went. When the record counts
        match what the manifest says is live, there is nothing to sweep and nothing else is read."""
        metas = self.manifest.get(include=["metadatas"])["metadatas"] or []
        if all("doc_sentences" in m for m in metas) and (
            self.chunks.count() == sum(int(m["doc_chunks"]) for m in metas)
            and self.sentences.count() == sum(int(m["doc_sentences"]) for m in metas)
        ):
            return 0
        live = self._live_generations()
        stale_chunks = [
            cid
            for cid, meta in _ids_and_metas(self.chunks.get(include=["metadatas"]))
            if live.get(str(meta.get("path"))) != meta.get("generation")
        ]
        stale_sentences = [
            sid
            for sid, meta in _ids_and_metas(self.sentences.get(include=["metadatas"]))
            if live.get(str(meta.get("path"))) != meta.get("generation")
        ]
        _delete_ids(self.chunks, stale_chunks)
        _delete_ids(self.sentences, stale_sentences)
        return len(stale_chunks)

    def _drop_records(self, path: str, keep: str | None) -> None:
        """Delete path's chunks and sentences of every generation but keep (all of them when keep is None,
        including records an older clusterqa wrote without a generation)."""
        for collection in (self.chunks, self.sentences):
            found = collection.get(where={"path": path}, include=["metadatas"])
            stale = [rid for rid, meta in _ids_and_metas(found) if keep is None or meta.get("generation") != keep]
            _delete_ids(collection, stale)

    # --- reading ---------------------------------------------------------------

    def _live_generations(self) -> dict[str, str]:
        """path -> the generation the manifest records as complete."""
        metas = self.manifest.get(include=["metadatas"])["metadatas"] or []
        return {str(m["path"]): str(m["generation"]) for m in metas}

    @store_errors
    def documents(self) -> list[DocumentInfo]:
        """One entry per completely indexed file, from the manifest."""
        self.check_version()
        metas = self.manifest.get(include=["metadatas"])["metadatas"] or []
        docs = [
            DocumentInfo(
                path=str(meta["path"]),
                source=str(meta["source"]),
                title=str(meta["title"]),
                pages=int(meta["num_pages"]),
                chunks=int(meta["doc_chunks"]),
                ingested_at=float(meta["ingested_at"]),
                sha256=str(meta["sha256"]),
            )
            for meta in metas
        ]
        return sorted(docs, key=lambda d: d.path)

    @store_errors
    def fingerprints(self) -> dict[str, str]:
        """path -> sha256 of every indexed file, in one read (files indexed by an older INDEX_FORMAT are left
        out, so they are redone). An ingest asks this once rather than sha256_of once per file."""
        metas = self.manifest.get(include=["metadatas"])["metadatas"] or []
        return {str(m["path"]): str(m["sha256"]) for m in metas if m.get("format") == INDEX_FORMAT}

    @store_errors
    def sha256_of(self, path: str) -> str | None:
        """The indexed file's hash, or None when absent or indexed by an older INDEX_FORMAT (so it is redone)."""
        metas = self.manifest.get(ids=[_document_key(path)], include=["metadatas"])["metadatas"] or []
        if not metas or metas[0].get("format") != INDEX_FORMAT:
            return None
        return str(metas[0]["sha256"])

    @store_errors
    def check_version(self) -> None:
        """NoIndexError naming the rebuild command when the store holds chunks but no manifest: it was
        built by an older clusterqa, whose writes cannot be told complete from interrupted."""
        if not self.manifest.count() and self.chunks.count():
            raise NoIndexError(
                f"The index in {self.location} was built by an older version of clusterqa and cannot be read. "
                + REBUILD_HINT
            )

    @store_errors
    def snapshot(self) -> Snapshot:
        """Read every chunk and sentence (with vectors) of complete documents out of Chroma, in document order."""
        self.check_version()
        live = self._live_generations()
        if not live:
            raise NoIndexError("The index is empty. Run 'clusterqa ingest corpus/' first.")
        rows = [
            row
            for row in _pages(self.chunks, ["documents", "metadatas", "embeddings"], with_text=True)
            if live.get(str(row[1]["path"])) == row[1].get("generation")
        ]
        by_chunk: dict[str, list[tuple[int, Sentence, int]]] = {}
        blocks: list[np.ndarray] = []
        row_of = 0
        for sid, meta, text, vector in _pages(self.sentences, ["documents", "metadatas", "embeddings"], with_text=True):
            if live.get(str(meta["path"])) != meta.get("generation"):
                continue
            cid = sid.rsplit(":", 1)[0]
            by_chunk.setdefault(cid, []).append((int(meta["position"]), Sentence(text, int(meta["page"])), row_of))
            blocks.append(vector)
            row_of += 1
        stored = np.asarray(blocks, dtype=np.float32) if blocks else np.zeros((0, 1), np.float32)
        del blocks
        chunks: list[Chunk] = []
        order: list[int] = []
        rows.sort(key=lambda row: (str(row[1]["path"]), int(row[1]["order"])))
        for cid, meta, text, _ in rows:
            parts = sorted(by_chunk.get(cid, []), key=lambda p: p[0])
            chunks.append(_chunk_from(cid.split(GENERATION_SEP)[0], text, meta, tuple(p[1] for p in parts)))
            order.extend(p[2] for p in parts)
        matrix = stored[order] if order else np.zeros((0, 1), np.float32)
        passages = np.stack([row[3] for row in rows]).astype(np.float32) if rows else np.zeros((0, 1), np.float32)
        return Snapshot(chunks, matrix, passages)

    @store_errors
    def query(self, vector: np.ndarray, n: int, where: dict[str, Any] | None = None) -> list[tuple[str, float]]:
        """Dense search in Chroma: (chunk id, cosine similarity), best first. n must not exceed the chunk count.
        (Retrieval searches the snapshot's passage vectors exactly instead: no request per question.)
        A leftover of an interrupted ingest has an id no snapshot holds (or the same content as one that does)."""
        if n <= 0:
            return []
        result = self.chunks.query(query_embeddings=[vector.tolist()], n_results=n, where=where, include=["distances"])
        return [
            (cid.split(GENERATION_SEP)[0], 1.0 - float(d)) for cid, d in zip(result["ids"][0], result["distances"][0])
        ]


def _stored_id(chunk_id: str, generation: str) -> str:
    return f"{chunk_id}{GENERATION_SEP}{generation}"


def _document_key(path: str) -> str:
    return hashlib.sha1(path.encode()).hexdigest()


def _ids_and_metas(got: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    return list(zip(got["ids"], got["metadatas"] or [{} for _ in got["ids"]]))


def _delete_ids(collection: Any, ids: list[str]) -> None:
    for start in range(0, len(ids), WRITE_BATCH):
        collection.delete(ids=ids[start : start + WRITE_BATCH])


def _pages(collection: Any, include: list[str], where: dict[str, Any] | None = None, with_text: bool = False) -> Iterator[Any]:
    """Every record of a collection, READ_BATCH at a time: (id, metadata, [document,] embedding or document).

    Rows are (id, metadata, document) for documents+metadatas, (id, metadata, vector) when embeddings are
    included, and (id, metadata, document, vector) with with_text. Vectors come as float32 rows."""
    offset = 0
    while True:
        got = collection.get(include=include, where=where, limit=READ_BATCH, offset=offset)
        ids = got["ids"]
        if not ids:
            return
        metas = got.get("metadatas") or [{} for _ in ids]
        texts = got.get("documents") or ["" for _ in ids]
        vectors = got.get("embeddings")
        vectors = np.asarray(vectors, dtype=np.float32) if vectors is not None and len(vectors) else None
        for n, rid in enumerate(ids):
            if with_text:
                yield rid, metas[n], texts[n], vectors[n] if vectors is not None else None
            elif vectors is not None:
                yield rid, metas[n], vectors[n]
            else:
                yield rid, metas[n], texts[n]
        offset += len(ids)
        if len(ids) < READ_BATCH:
            return


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
