"""Blocks -> sections -> sentence-aligned chunks, each with pages, section path, cluster and region.

Example:
    >>> doc = load_document(Path("corpus/report.pdf"))
    >>> chunks = chunk_document(doc, source="report.pdf")
    >>> chunks[0].section
    'Introduction'
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from .document import Block, LoadedDocument, TocEntry
from .text import normalise, split_sentences

SECTION_SEP = " › "
DEFAULT_CHUNK_CHARS = 700


@dataclass(frozen=True)
class Sentence:
    """One sentence of a chunk, with the page it is printed on."""

    text: str
    page: int


@dataclass(frozen=True)
class Chunk:
    """A passage of one section of one document, the unit that is embedded and retrieved."""

    id: str
    source: str
    title: str
    page: int
    pages: tuple[int, ...]
    section: str
    cluster: str
    region: str
    text: str
    path: str = ""
    sentences: tuple[Sentence, ...] = field(default=(), compare=False)


@dataclass
class _Section:
    path: tuple[str, ...]
    blocks: list[Block] = field(default_factory=list)


def split_sections(doc: LoadedDocument) -> list[_Section]:
    """Walk the blocks keeping a heading stack; contents-page titles fix nesting (case studies)."""
    toc = {normalise(entry.title): entry for entry in doc.toc}
    stack: list[tuple[float, str]] = []
    sections: list[_Section] = [_Section(())]
    for block in doc.blocks:
        if block.level == 0:
            sections[-1].blocks.append(block)
            continue
        entry: TocEntry | None = toc.get(normalise(block.text))
        title = entry.title if entry else block.text
        if entry is not None:
            stack = [(block.level - 0.5, entry.parent)] if entry.parent else []
        while stack and stack[-1][0] >= block.level:
            stack.pop()
        stack.append((block.level, title))
        sections.append(_Section(tuple(name for _, name in stack)))
    return [s for s in sections if s.blocks]


def cluster_of(path: tuple[str, ...], doc: LoadedDocument) -> tuple[str, str]:
    """(cluster, region) for a section inside a 'Region: Cluster' case study, else ('', '')."""
    nested = {normalise(e.title) for e in doc.toc if e.parent}
    for name in path:
        if normalise(name) in nested and ": " in name:
            region, cluster = name.split(": ", 1)
            return cluster.strip(), region.strip()
    return "", ""


def _sentences(block: Block) -> list[tuple[Sentence, tuple[int, ...]]]:
    """A block's sentences, each cited on the page it starts on, with every page it spans."""
    out: list[tuple[Sentence, tuple[int, ...]]] = []
    offset = 0
    for text in split_sentences(block.text):
        found = block.text.find(text, offset)
        start = found if found >= 0 else offset
        offset = start + len(text)
        first, last = block.page_at(start), block.page_at(max(start, offset - 1))
        out.append((Sentence(text, first), tuple(range(first, last + 1))))
    return out


def chunk_id(path: str, section: str, text: str) -> str:
    """Stable id from the content: same file path, section and text -> same id."""
    return hashlib.sha1(f"{path}\x1f{section}\x1f{text}".encode()).hexdigest()[:20]


def chunk_document(doc: LoadedDocument, source: str, chunk_chars: int = DEFAULT_CHUNK_CHARS) -> list[Chunk]:
    """Chunks never cross a section; they break on sentences and prefer paragraph ends."""
    chunks: list[Chunk] = []
    for section in split_sections(doc):
        section_name = SECTION_SEP.join(section.path)
        cluster, region = cluster_of(section.path, doc)

        def make(parts: list[tuple[Sentence, int, bool]], pages: set[int], name: str = section_name,
                 where: tuple[str, str] = (cluster, region)) -> Chunk:
            text = _chunk_text(parts)
            ordered = tuple(sorted(pages))
            return Chunk(
                id=chunk_id(str(doc.path.resolve()), name, text),
                source=source,
                title=doc.title,
                page=ordered[0],
                pages=ordered,
                section=name,
                cluster=where[0],
                region=where[1],
                text=text,
                path=str(doc.path.resolve()),
                sentences=tuple(part[0] for part in parts),
            )

        current: list[tuple[Sentence, int, bool]] = []
        pages: set[int] = set()
        previous: Block | None = None
        for block_no, block in enumerate(section.blocks):
            in_list = block.bullet and previous is not None and (previous.bullet or previous.text.endswith(":"))
            if current and not in_list and _size(current) >= chunk_chars // 2:
                chunks.append(make(current, pages))  # a paragraph boundary is the best place to break
                current, pages = [], set()
            for sentence, spanned in _sentences(block):
                limit = chunk_chars * 2 if in_list else chunk_chars
                if current and _size(current) + len(sentence.text) > limit:
                    chunks.append(make(current, pages))
                    current, pages = [], set()
                current.append((sentence, block_no, block.bullet))
                pages.update(spanned)
            previous = block
        if current:
            chunks.append(make(current, pages))
    return _dedupe(chunks)


def _size(parts: list[tuple[Sentence, int, bool]]) -> int:
    return sum(len(part[0].text) + 1 for part in parts)


def _chunk_text(parts: list[tuple[Sentence, int, bool]]) -> str:
    """Sentences of one block joined by spaces; a bullet item starts a line of its own."""
    text = ""
    previous: tuple[int, bool] | None = None
    for sentence, block_no, bullet in parts:
        if previous is None:
            text = sentence.text
        elif block_no == previous[0]:
            text += " " + sentence.text
        else:
            text += ("\n" if bullet or previous[1] else " ") + sentence.text
        previous = (block_no, bullet)
    return text


def _dedupe(chunks: list[Chunk]) -> list[Chunk]:
    """The same text twice in one section gets one id; keep the first."""
    seen: set[str] = set()
    out = []
    for chunk in chunks:
        if chunk.id not in seen:
            seen.add(chunk.id)
            out.append(chunk)
    return out
