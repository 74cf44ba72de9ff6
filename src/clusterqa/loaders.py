"""Files -> a flat run of Blocks (headings and paragraphs, each with its page).

PDFs are read with pypdf, keeping font size and weight so headings can be told
from prose; running headers, footers and page numbers are dropped; a contents
page is parsed into the table of contents and not indexed. Markdown, DOCX and
HTML give their headings directly; plain text is paragraphs.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .errors import IngestError
from .text import clean_whitespace, normalise

SUPPORTED_SUFFIXES = (".pdf", ".md", ".markdown", ".txt", ".docx", ".html", ".htm")
TOC_LINE = re.compile(r"^(?P<title>.+?)\s*(?:(?:\.\s*){3,}|\t+|\s{3,})\s*(?P<page>\d{1,4})$")
PAGE_NUMBER_LINE = re.compile(r"^\s*(?:page\s*)?\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?\s*$", re.I)
BULLET = re.compile(r"^\s*[•▪◦●\-\*]\s+")
PDF_BULLET = re.compile(r"^\s*[•▪◦●]\s*")  # in PDFs a dash at a line start is usually prose
EDGE_LINES = 3  # header/footer candidates: this many lines at each end of a page


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


# --- PDF -------------------------------------------------------------------


@dataclass
class _Run:
    text: str
    size: float
    bold: bool
    y: float


@dataclass
class _Line:
    runs: list[_Run]

    @property
    def text(self) -> str:
        return clean_whitespace("".join(r.text for r in self.runs))

    @property
    def size(self) -> float:
        sized = [(len(r.text.strip()), r.size) for r in self.runs if r.text.strip()]
        return max(sized)[1] if sized else 0.0

    @property
    def bold(self) -> bool:
        letters = [r for r in self.runs if r.text.strip() and not PDF_BULLET.fullmatch(r.text)]
        return bool(letters) and all(r.bold for r in letters)

    @property
    def y(self) -> float:
        return self.runs[0].y if self.runs else 0.0


def _pdf_lines(page) -> list[_Line]:  # type: ignore[no-untyped-def]
    """Lines of a pypdf page with the font size, weight and height of each run."""
    lines: list[_Line] = [_Line([])]

    def visit(text: str, cm: list[float], tm: list[float], font: dict | None, size: float) -> None:
        if not text:
            return
        name = str((font or {}).get("/BaseFont", ""))
        bold = "bold" in name.lower() or "black" in name.lower() or "heavy" in name.lower()
        scale = abs(tm[3] * cm[3]) or 1.0
        parts = text.split("\n")
        for i, part in enumerate(parts):
            if part:
                lines[-1].runs.append(_Run(part, size * scale, bold, cm[5] + tm[5] * cm[3]))
            if i < len(parts) - 1:
                lines.append(_Line([]))

    page.extract_text(visitor_text=visit)
    return [line for line in lines if line.text]


def _edge_key(text: str) -> str:
    return re.sub(r"\d+", "#", normalise(text))


def _running_lines(pages: list[list[_Line]]) -> set[str]:
    """Lines repeated at the top or bottom of many pages: headers and footers."""
    counts: Counter[str] = Counter()
    for lines in pages:
        edge = lines[:EDGE_LINES] + lines[-EDGE_LINES:]
        counts.update({_edge_key(line.text) for line in edge})
    threshold = max(2, len(pages) // 2)
    return {key for key, n in counts.items() if n >= threshold}


def _parse_toc(lines: list[str]) -> list[TocEntry]:
    """Contents lines 'Title . . . . 7' -> entries; 'Place: Topic' entries nest under the entry before."""
    entries: list[TocEntry] = []
    parent: str | None = None
    for line in lines:
        match = TOC_LINE.match(line)
        if not match:
            continue
        title = match["title"].strip(" .")
        if ": " in title and parent:
            entries.append(TocEntry(title, int(match["page"]), parent))
        else:
            entries.append(TocEntry(title, int(match["page"])))
            parent = title
    return entries


def load_pdf(path: Path) -> LoadedDocument:
    """Read a PDF into blocks, dropping running headers, footers, page numbers and the contents page."""
    import pypdf

    try:
        reader = pypdf.PdfReader(str(path))
        pages = [_pdf_lines(page) for page in reader.pages]
    except Exception as exc:  # pypdf raises many types for broken files
        raise IngestError(f"Could not read PDF {path}: {exc}. Is it a valid, unencrypted PDF?") from exc
    running = _running_lines(pages) if len(pages) >= 3 else set()
    pages = [
        [
            line
            for line in lines
            if _edge_key(line.text) not in running and not PAGE_NUMBER_LINE.match(line.text)
        ]
        for lines in pages
    ]
    sizes: Counter[float] = Counter()
    for lines in pages:
        for line in lines:
            sizes[round(line.size, 1)] += len(line.text)
    body = sizes.most_common(1)[0][0] if sizes else 10.0
    heading_sizes = sorted(
        {round(ln.size, 1) for p in pages for ln in p if ln.size > body * 1.05 and ln.bold}, reverse=True
    )

    toc: list[TocEntry] = []
    blocks: list[Block] = []
    meta_title = str(getattr(reader.metadata, "title", "") or "").strip()
    title = meta_title
    for number, lines in enumerate(pages, start=1):
        texts = [line.text for line in lines]
        if sum(bool(TOC_LINE.match(t)) for t in texts) >= 3:
            toc = toc or _parse_toc(texts)
            continue
        if number == 1 and lines and all(ln.size > body * 1.05 for ln in lines):
            title = title or " ".join(texts)  # a cover: its large text is the title
            continue
        blocks.extend(_page_blocks(lines, number, body, heading_sizes))
    return LoadedDocument(path, title or path.stem, _merge_across_pages(blocks), len(pages), toc)


def _page_blocks(lines: list[_Line], number: int, body: float, heading_sizes: list[float]) -> list[Block]:
    """Group a page's lines into headings and paragraphs (a paragraph ends at a wider gap or a bullet)."""
    blocks: list[Block] = []
    current: list[str] = []
    current_bullet = False
    gaps = [abs(a.y - b.y) for a, b in zip(lines, lines[1:]) if a.size == b.size]
    line_gap = sorted(gaps)[len(gaps) // 2] if gaps else 12.0

    def flush() -> None:
        nonlocal current, current_bullet
        if current:
            blocks.append(Block(_join_lines(current), number, 0, (number,), current_bullet))
        current, current_bullet = [], False

    previous: _Line | None = None
    lead_open = False  # a bullet's bold title may wrap onto the next line
    for line in lines:
        size = round(line.size, 1)
        if line.bold and size in heading_sizes:
            flush()
            level = heading_sizes.index(size) + 1
            if blocks and blocks[-1].level == level and previous is not None and previous.bold:
                blocks[-1] = Block(f"{blocks[-1].text} {line.text}", number, level, (number,))
            else:
                blocks.append(Block(line.text, number, level, (number,)))
            lead_open = False
        elif lead_open and line.runs and line.runs[0].bold:
            lead, more = blocks[-1], _bold_lead(line, min_words=1)
            blocks[-1] = Block(_strip_lead(f"{lead.text} {more}"), lead.page, lead.level, lead.pages, True)
            lead_open = line.bold
            current.append(line.text)
        else:
            is_bullet = bool(PDF_BULLET.match(line.text))
            gap_break = previous is not None and abs(previous.y - line.y) > line_gap * 1.35
            if is_bullet or gap_break or (previous is not None and previous.bold and not current):
                flush()
            lead_open = False
            if is_bullet:
                title = _bold_lead(line)
                if title:
                    blocks.append(Block(title, number, len(heading_sizes) + 1, (number,), True))
                    lead_open = line.runs[-1].bold
                current_bullet = True
            current.append(line.text)
        previous = line
    flush()
    return blocks


def _bold_lead(line: _Line, min_words: int = 2) -> str:
    """The bold words a bullet opens with (a theme or recommendation title), if any."""
    runs = [r for r in line.runs if r.text.strip() and not PDF_BULLET.fullmatch(r.text)]
    lead = []
    for run in runs:
        if not run.bold:
            break
        lead.append(run.text)
    text = _strip_lead("".join(lead))
    return text if len(text.split()) >= min_words else ""


def _strip_lead(text: str) -> str:
    return clean_whitespace(text).strip(" :.,")


def _join_lines(lines: list[str]) -> str:
    """Join wrapped lines; a line ending in a hyphen joins the next without a space."""
    text = ""
    for line in lines:
        line = line.strip()
        if text.endswith("-") and not text.endswith(" -") and line[:1].islower():
            text += line
        else:
            text = f"{text} {line}" if text else line
    return text


def _merge_across_pages(blocks: list[Block]) -> list[Block]:
    """A paragraph cut by a page break (no sentence end, next starts lower case) becomes one block."""
    merged: list[Block] = []
    for block in blocks:
        prev = merged[-1] if merged else None
        if (
            prev is not None
            and prev.level == 0
            and block.level == 0
            and not block.bullet
            and not prev.text.rstrip().endswith((".", "!", "?", ":", '"', "”"))
            and block.text[:1].islower()
        ):
            pages = tuple(dict.fromkeys(prev.pages + block.pages))
            text = _join_lines([prev.text, block.text])
            starts = (*prev.page_starts, (len(text) - len(block.text), block.page))
            merged[-1] = Block(text, prev.page, 0, pages, prev.bullet, starts)
        else:
            merged.append(block)
    return merged


# --- Markdown, text, DOCX, HTML ------------------------------------------------


def load_markdown(path: Path) -> LoadedDocument:
    """'#' headings give the structure; blank lines separate paragraphs; list items are bullets."""
    blocks: list[Block] = []
    paragraph: list[str] = []
    title = ""

    def flush() -> None:
        if paragraph:
            blocks.append(Block(_join_lines(paragraph), 1, 0, (1,)))
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
                blocks.append(Block(_join_lines(para.splitlines()), number, 0, (number,)))
    num_pages = max((b.page for b in blocks), default=1)
    return LoadedDocument(path, path.stem, blocks, num_pages)


def load_docx(path: Path) -> LoadedDocument:
    """Word 'Heading N' and 'Title' styles give the structure; list styles are bullets."""
    import docx  # python-docx

    try:
        document = docx.Document(str(path))
    except Exception as exc:
        raise IngestError(f"Could not read DOCX {path}: {exc}.") from exc
    blocks: list[Block] = []
    title = (document.core_properties.title or "").strip()
    for para in document.paragraphs:
        text = clean_whitespace(para.text)
        if not text:
            continue
        style = (para.style.name if para.style is not None else "") or ""
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
    data = path.read_bytes()
    for encoding in ("utf-8-sig", "cp1252", "latin-1"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise IngestError(f"Could not decode {path} as text.")  # latin-1 never fails; kept for clarity


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
