"""Files -> a LoadedDocument: a flat run of Blocks (headings and paragraphs, each with its page).

PDFs go through pdf.py (fonts, running headers, the contents page). Markdown, DOCX and
HTML give their headings directly; plain text is paragraphs, with form feeds as pages.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from .document import Block, LoadedDocument, TocEntry, join_lines
from .errors import IngestError
from .pdf import load_pdf
from .text import clean_whitespace

if TYPE_CHECKING:
    from docx.table import Table

__all__ = ["Block", "LoadedDocument", "TocEntry", "SUPPORTED_SUFFIXES", "load_document"]

SUPPORTED_SUFFIXES = (".pdf", ".md", ".markdown", ".txt", ".docx", ".html", ".htm")
BULLET = re.compile(r"^\s*[•▪◦●\-\*]\s+")
CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")  # dropped; tab, newline, form feed (a page), CR stay


def load_markdown(path: Path) -> LoadedDocument:
    """'#' headings give the structure; blank lines separate paragraphs; list items are bullets."""
    blocks: list[Block] = []
    paragraph: list[str] = []
    title = ""

    def flush() -> None:
        if paragraph:
            blocks.append(Block(join_lines(paragraph), 1, 0, (1,)))
            paragraph.clear()

    for raw in _read_text(path).splitlines():
        heading = re.match(r"^(#{1,6})\s+(.*?)\s*#*\s*$", raw)
        if heading:
            flush()
            level, text = len(heading[1]), _strip_markdown(heading[2])
            title = title or (text if level == 1 else "")
            blocks.append(Block(text, 1, level, (1,)))
        elif not raw.strip():
            flush()
        elif BULLET.match(raw) or re.match(r"^\s*\d+[.)]\s+", raw):
            flush()
            item = re.sub(r"^\s*(?:[•▪◦●\-\*]|\d+[.)])\s+", "", raw)
            blocks.append(Block("• " + _strip_markdown(item), 1, 0, (1,), True))
        elif blocks and blocks[-1].bullet and raw.startswith((" ", "\t")) and not paragraph:
            last = blocks.pop()
            blocks.append(Block(f"{last.text} {_strip_markdown(raw.strip())}", 1, 0, (1,), True))
        else:
            paragraph.append(_strip_markdown(raw))
    flush()
    return LoadedDocument(path, title or path.stem, blocks, 1)


def _strip_markdown(text: str) -> str:
    """Links to their text, paired emphasis and code marks dropped; lone '*', '_' or '`' are content."""
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1", r"\2", text)
    text = re.sub(r"`([^`]+)`", r"\1", text)
    return text.strip()


def load_text(path: Path) -> LoadedDocument:
    """Plain text: paragraphs separated by blank lines; form feeds start new pages."""
    blocks: list[Block] = []
    for number, page in enumerate(_read_text(path).split("\f"), start=1):
        for para in re.split(r"\n\s*\n", page):
            if para.strip():
                blocks.append(Block(join_lines(para.splitlines()), number, 0, (number,)))
    num_pages = max((b.page for b in blocks), default=1)
    return LoadedDocument(path, path.stem, blocks, num_pages)


def load_docx(path: Path) -> LoadedDocument:
    """Word 'Heading N' and 'Title' styles give the structure; list styles are bullets; a table's rows
    become sentences ('Header: cell; Header: cell.')."""
    import docx  # python-docx
    from docx.table import Table

    try:
        document = docx.Document(str(path))
    except Exception as exc:
        raise IngestError(f"Could not read DOCX {path}: {exc}.") from exc
    blocks: list[Block] = []
    title = (document.core_properties.title or "").strip()
    for item in document.iter_inner_content():  # paragraphs and tables, in document order
        if isinstance(item, Table):
            blocks.extend(Block(row, 1, 0, (1,)) for row in _table_rows(item))
            continue
        text = clean_whitespace(item.text)
        if not text:
            continue
        style = (item.style.name if item.style is not None else "") or ""
        level_match = re.match(r"Heading (\d)", style)
        if style == "Title":
            title = title or text
            blocks.append(Block(text, 1, 1, (1,)))
        elif level_match:
            blocks.append(Block(text, 1, int(level_match[1]), (1,)))
        elif "List" in style:
            blocks.append(Block("• " + text, 1, 0, (1,), True))
        else:
            blocks.append(Block(text, 1, 0, (1,)))
    return LoadedDocument(path, title or path.stem, blocks, 1)


def _table_rows(table: Table) -> list[str]:
    """A Word table as sentences: each row after the first reads 'Header: cell; Header: cell.'"""
    rows = [[clean_whitespace(cell.text) for cell in row.cells] for row in table.rows]
    rows = [[c for i, c in enumerate(r) if i == 0 or c != r[i - 1]] for r in rows]  # merged cells repeat
    if len(rows) < 2:
        return [" ".join(f"{c}." for c in r if c) for r in rows if any(r)]
    header, out = rows[0], []
    for row in rows[1:]:
        cells = [f"{h}: {c}" if h and h != c else c for h, c in zip(header, row) if c]
        if cells:
            out.append("; ".join(cells).rstrip(".") + ".")
    return out


def load_html(path: Path) -> LoadedDocument:
    """h1-h6 give the structure; p, li, td and blockquote text are paragraphs. Scripts are dropped."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(_read_text(path), "html.parser")
    for tag in soup(["script", "style", "nav", "noscript", "template"]):
        tag.decompose()
    title = clean_whitespace(soup.title.get_text()) if soup.title else ""
    blocks: list[Block] = []
    body = soup.body or soup
    for element in body.find_all(["h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "td", "blockquote", "pre"]):
        if element.find_parent(["p", "li", "td", "blockquote"]) is not None:
            continue
        text = clean_whitespace(element.get_text(" "))
        if not text:
            continue
        if element.name and element.name[0] == "h" and element.name[1:].isdigit():
            blocks.append(Block(text, 1, int(element.name[1]), (1,)))
        elif element.name == "li":
            blocks.append(Block("• " + text, 1, 0, (1,), True))
        else:
            blocks.append(Block(text, 1, 0, (1,)))
    return LoadedDocument(path, title or path.stem, blocks, 1)


def _read_text(path: Path) -> str:
    """Decode a text file: UTF-8 (or UTF-16 with its byte-order mark), else Windows-1252, else Latin-1.
    A binary file given a text name is refused; control characters other than line breaks and form
    feeds are dropped."""
    data = path.read_bytes()
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = data.decode("utf-16", errors="replace")
    elif _looks_binary(data):
        raise IngestError(
            f"{path.name} does not look like text (it holds binary data such as NUL bytes). "
            f"Is it really a {path.suffix} file? Save it as text and ingest it again."
        )
    else:
        text = ""
        for encoding in ("utf-8-sig", "cp1252", "latin-1"):  # latin-1 decodes any bytes
            try:
                text = data.decode(encoding)
                break
            except UnicodeDecodeError:
                continue
    return CONTROL_CHARS.sub("", text)


def _looks_binary(data: bytes) -> bool:
    """Many NUL or control bytes in the first 8 KB: no text file looks like that (a stray one may)."""
    head = data[:8192]
    if not head:
        return False
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    return head.count(0) / len(head) > 0.01 or controls / len(head) > 0.05


LOADERS: dict[str, Callable[[Path], LoadedDocument]] = {
    ".pdf": load_pdf,
    ".md": load_markdown,
    ".markdown": load_markdown,
    ".txt": load_text,
    ".docx": load_docx,
    ".html": load_html,
    ".htm": load_html,
}


def load_document(path: Path) -> LoadedDocument:
    """Load any supported file, or raise IngestError naming the supported types."""
    loader = LOADERS.get(path.suffix.lower())
    if loader is None:
        raise IngestError(
            f"Unsupported file type '{path.suffix}' for {path}. Supported: {', '.join(SUPPORTED_SUFFIXES)}."
        )
    if not path.is_file():
        raise IngestError(f"No such file: {path}.")
    return loader(path)
