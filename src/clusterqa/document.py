"""What a loader hands to chunking: a document's headings and paragraphs, each with its page."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class Block:
    """A heading (level >= 1) or a paragraph (level 0) of a document, on a page."""

    text: str
    page: int
    level: int = 0
    pages: tuple[int, ...] = ()
    bullet: bool = False
    page_starts: tuple[tuple[int, int], ...] = ()  # (char offset, page) where a merged block changes page

    def page_at(self, offset: int) -> int:
        """The page the character at offset is on."""
        page = self.page
        for start, number in self.page_starts:
            if offset >= start:
                page = number
        return page


@dataclass(frozen=True)
class TocEntry:
    title: str
    page: int
    parent: str | None = None


@dataclass
class LoadedDocument:
    """What a loader hands to chunking: the document's blocks and what it knows of its shape."""

    path: Path
    title: str
    blocks: list[Block]
    num_pages: int
    toc: list[TocEntry] = field(default_factory=list)


def join_lines(lines: list[str]) -> str:
    """Join wrapped lines; a line ending in a hyphen joins the next without a space."""
    text = ""
    for line in lines:
        line = line.strip()
        if text.endswith("-") and not text.endswith(" -") and line[:1].islower():
            text += line
        else:
            text = f"{text} {line}" if text else line
    return text
