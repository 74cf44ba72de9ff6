"""Files and folders -> the index: load, chunk, embed; idempotent, replaces changed files, drops removed ones."""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from .chunking import chunk_document
from .errors import IngestError
from .index import Index
from .loaders import SUPPORTED_SUFFIXES, load_document

MB = 1024 * 1024
Progress = Callable[[str, int, int], None]  # (file name, files done, files total)


@dataclass
class IngestReport:
    """What an ingest run did, for the summary line."""

    documents: int = 0
    pages: int = 0
    chunks: int = 0
    seconds: float = 0.0
    added: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # files of an unsupported type inside given folders
    failed: list[tuple[str, str]] = field(default_factory=list)  # (path, why): left as they were in the index
    pages_indexed: int = 0  # pages and chunks of the files indexed by this run (not the unchanged ones)
    chunks_indexed: int = 0
    embedded: int = 0  # passages and sentences embedded by this run
    reused: int = 0  # ...and those whose vectors were kept from a changed file's previous version

    def summary(self) -> str:
        counts = f"{len(self.added)} indexed, {len(self.unchanged)} unchanged, {len(self.removed)} removed"
        if self.skipped:
            counts += f", {len(self.skipped)} skipped as unsupported"
        if self.failed:
            counts += f", {len(self.failed)} failed"
        return f"{self.documents} documents, {self.pages} pages, {self.chunks} chunks in {self.seconds:.1f} s ({counts})"


def find_files(paths: Iterable[Path]) -> tuple[list[Path], list[Path], list[Path]]:
    """(files to ingest, folders given, unsupported files in those folders). Folders are walked recursively;
    hidden files and folders are left out."""
    files: list[Path] = []
    folders: list[Path] = []
    skipped: list[Path] = []
    for path in paths:
        if path.is_dir():
            folders.append(path.resolve())
            for p in sorted(path.rglob("*")):
                if not p.is_file() or any(part.startswith(".") for part in p.relative_to(path).parts):
                    continue
                (files if p.suffix.lower() in SUPPORTED_SUFFIXES else skipped).append(p)
        elif path.is_file():
            if path.suffix.lower() not in SUPPORTED_SUFFIXES:
                raise IngestError(
                    f"Unsupported file type '{path.suffix}' for {path}. Supported: {', '.join(SUPPORTED_SUFFIXES)}."
                )
            files.append(path)
        else:
            raise IngestError(f"No such file or folder: {path}.")
    return [f.resolve() for f in files], folders, [f.resolve() for f in skipped]


def file_sha256(path: Path) -> str:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError as exc:
        raise IngestError(f"Could not read {path}: {exc.strerror or exc}.") from exc


def check_size(path: Path, max_bytes: int | None) -> None:
    """IngestError for an empty file or one over the size limit (read before anything else is)."""
    size = path.stat().st_size
    if size == 0:
        raise IngestError(f"{path.name} is empty (0 bytes). Nothing to index.")
    if max_bytes is not None and size > max_bytes:
        raise IngestError(
            f"{path.name} is {size / MB:.1f} MB; the limit is {max_bytes / MB:.0f} MB (CLUSTERQA_MAX_UPLOAD_MB)."
        )


def ingest(
    index: Index,
    paths: Iterable[Path],
    *,
    chunk_chars: int = 700,
    max_bytes: int | None = None,
    progress: Progress | None = None,
    report: IngestReport | None = None,
) -> IngestReport:
    """Index files and folders. Unchanged files are skipped, changed ones replaced, and files gone
    from a given folder are removed from the index (files from other folders are untouched).

    One writer at a time holds the store's lock; leftovers of an ingest that was killed are swept
    first. A file that cannot be read (empty, too big, broken, no text) is reported in `failed`
    and whatever was indexed from it before stays as it was.

    Give `report` to watch it fill in as files are indexed (the CLI's progress bar does)."""
    started = time.perf_counter()
    files, folders, skipped = find_files(list(paths))
    report = report if report is not None else IngestReport()
    report.skipped = [str(f) for f in skipped]
    present = {str(f) for f in files}
    with index.writing():
        index.sweep()
        indexed = index.fingerprints()
        for done, path in enumerate(files):
            if progress:
                progress(path.name, done, len(files))
            try:
                check_size(path, max_bytes)
                sha = file_sha256(path)
                if indexed.get(str(path)) == sha:
                    report.unchanged.append(str(path))
                    continue
                doc = load_document(path)
                chunks = chunk_document(doc, source=path.name, chunk_chars=chunk_chars)
                if not chunks:
                    raise IngestError(f"{path.name} has no text to index.")
            except IngestError as exc:  # one bad file does not stop the others; its old entry stays
                report.failed.append((str(path), str(exc)))
                continue
            added = index.add(str(path), chunks, sha256=sha, num_pages=doc.num_pages)
            report.added.append(str(path))
            report.pages_indexed += doc.num_pages
            report.chunks_indexed += len(chunks)
            report.embedded += added.embedded
            report.reused += added.reused
        if progress:
            progress("", len(files), len(files))
        for info in index.documents():
            if info.path in present:
                report.documents += 1
                report.pages += info.pages
                report.chunks += info.chunks
            elif any(Path(info.path).is_relative_to(folder) for folder in folders):
                index.delete(info.path)
                report.removed.append(info.path)
    report.seconds = time.perf_counter() - started
    return report
