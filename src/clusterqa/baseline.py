"""The plain LangChain tutorial pipeline, kept as a yardstick for `clusterqa eval --pipeline baseline`.

PyPDFLoader -> RecursiveCharacterTextSplitter(1000, 200) -> Chroma (in memory) -> dense top-4,
and the top chunk as the answer. It never abstains. Same embedding model as ours.

`clusterqa bench` builds it with persist=True (the store settings name: index_dir or a Chroma server,
collection 'baseline'), so its index size and cold start (`BaselinePipeline.open`) can be measured too.
"""

from __future__ import annotations

import time
import warnings
from pathlib import Path
from typing import Any

from .embedders import bundled_model_path
from .errors import ConfigError
from .settings import DEFAULT_EMBEDDING_MODEL, Settings

CHUNK_SIZE, CHUNK_OVERLAP, TOP_K = 1000, 200, 4
ADD_BATCH = 1000


class BaselinePipeline:
    """ask(question) -> the same dict shape as `clusterqa ask --json`."""

    def __init__(self, settings: Settings, corpus: Path | None = None, *, persist: bool = False) -> None:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            try:
                from langchain_community.document_loaders import PyPDFLoader
            except ImportError as exc:
                raise ConfigError("The baseline needs langchain-community: pip install 'clusterqa[baseline]'.") from exc
        from langchain_text_splitters import RecursiveCharacterTextSplitter

        folder = corpus or settings.corpus_dir
        pdfs = sorted(Path(folder).glob("*.pdf"))
        if not pdfs:
            raise ConfigError(f"The baseline indexes PDFs and found none in {folder}.")
        docs = [page for pdf in pdfs for page in PyPDFLoader(str(pdf)).load()]
        splits = RecursiveCharacterTextSplitter(chunk_size=CHUNK_SIZE, chunk_overlap=CHUNK_OVERLAP).split_documents(docs)
        self.pages, self.chunks = len(docs), len(splits)
        self.store = _store(settings, persist)
        for start in range(0, len(splits), ADD_BATCH):  # Chroma caps one add; LangChain does not split it
            self.store.add_documents(splits[start : start + ADD_BATCH])

    @classmethod
    def open(cls, settings: Settings) -> BaselinePipeline:
        """The store a persist=True build left (for timing a cold start), without indexing again."""
        pipeline = cls.__new__(cls)
        pipeline.store = _store(settings, persist=True)
        pipeline.pages = pipeline.chunks = 0
        return pipeline

    def ask(self, question: str, **_: Any) -> dict[str, Any]:
        started = time.perf_counter()
        hits = self.store.similarity_search_with_score(question, k=TOP_K)
        latency = (time.perf_counter() - started) * 1000
        retrieved = [
            {
                "source": Path(str(doc.metadata.get("source", ""))).name,
                "page": int(doc.metadata.get("page", 0)) + 1,
                "pages": [int(doc.metadata.get("page", 0)) + 1],
                "section": "",
                "text": doc.page_content,
                "score": round(1.0 - float(distance), 4),
            }
            for doc, distance in hits
        ]
        top = retrieved[0] if retrieved else None
        citations = (
            [{"n": 1, "source": top["source"], "page": top["page"], "pages": top["pages"], "section": "",
              "cluster": "", "quote": top["text"], "text": top["text"]}]
            if top
            else []
        )
        return {
            "question": question,
            "answer": top["text"] if top else "",
            "abstained": False,
            "citations": citations,
            "retrieved": retrieved,
            "latency_ms": round(latency, 2),
        }


def _store(settings: Settings, persist: bool) -> Any:
    """LangChain's Chroma with HuggingFace (torch) embeddings: in memory, or where settings point when persist."""
    import chromadb
    from chromadb.config import Settings as ChromaSettings
    from langchain_chroma import Chroma
    from langchain_huggingface import HuggingFaceEmbeddings

    model = settings.embedding_model
    embeddings = HuggingFaceEmbeddings(
        model_name=bundled_model_path() if model == DEFAULT_EMBEDDING_MODEL else model,
        encode_kwargs={"normalize_embeddings": True},
    )
    chroma_settings = ChromaSettings(anonymized_telemetry=False)
    if not persist:
        client = chromadb.EphemeralClient(settings=chroma_settings)
    elif settings.chroma_host:
        client = chromadb.HttpClient(host=settings.chroma_host, port=settings.chroma_port, ssl=settings.chroma_ssl,
                                     settings=chroma_settings)
    else:
        client = chromadb.PersistentClient(path=str(settings.index_dir), settings=chroma_settings)
    return Chroma(collection_name="baseline", embedding_function=embeddings, client=client,
                  collection_metadata={"hnsw:space": "cosine"})
