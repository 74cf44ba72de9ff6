"""PDF -> Blocks with pypdf, using font size and weight to tell headings from prose.

Running headers, footers and page numbers (lines repeated at the edges of many pages) are
dropped; a contents page ("Title . . . . 7") is parsed into the table of contents and not
indexed; a cover of large text becomes the title; a paragraph cut by a page break is joined.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from .document import Block, LoadedDocument, TocEntry, join_lines
from .errors import IngestError
from .text import clean_whitespace, normalise

TOC_LINE = re.compile(r"^(?P<title>.+?)\s*(?:(?:\.\s*){3,}|\t+|\s{3,})\s*(?P<page>\d{1,4})$")
PAGE_NUMBER_LINE = re.compile(r"^\s*(?:page\s*)?\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?\s*$", re.I)
PDF_BULLET = re.compile(r"^\s*[•▪◦●]\s*")  # in PDFs a dash at a line start is usually prose
EDGE_LINES = 3  # header/footer candidates: this many lines at each end of a page
MAX_PAGES = 3000  # a file past this is refused before any text is read (split it)
MAGIC = {b"MZ": "a Windows program", b"PK": "a ZIP archive or Office file", b"\x7fELF": "a Linux program",
         b"\x89PNG": "a PNG image", b"\xff\xd8\xff": "a JPEG image", b"GIF8": "a GIF image"}


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

    _check_pdf_header(path)
    try:
        reader = pypdf.PdfReader(str(path))
        if reader.is_encrypted and not reader.decrypt(""):  # an owner password alone still opens
            raise IngestError(
                f"{path.name} is encrypted with a password. Save an unprotected copy and ingest that."
            )
        if len(reader.pages) > MAX_PAGES:
            raise IngestError(
                f"{path.name} has {len(reader.pages):,} pages; at most {MAX_PAGES:,} are read from one PDF. "
                "Split it into parts and ingest those."
            )
        pages = [_pdf_lines(page) for page in reader.pages]
    except IngestError:
        raise
    except pypdf.errors.DependencyError as exc:  # AES needs the cryptography package
        raise IngestError(f"{path.name} is encrypted in a way this install cannot open ({exc}). "
                          "Save an unprotected copy and ingest that.") from exc
    except Exception as exc:  # pypdf raises many types for broken files
        raise IngestError(f"Could not read PDF {path}: {exc}. Is it a valid, unencrypted PDF?") from exc
    if reader.pages and not any(pages):
        raise IngestError(
            f"{path.name} has no text layer: its {len(reader.pages)} page(s) are images, as in a scan. "
            "OCR is not available here; ingest a PDF with selectable text, or a .txt or .docx of it."
        )
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


def _check_pdf_header(path: Path) -> None:
    """A file named .pdf that is something else gets a clear error, not a parser traceback."""
    with path.open("rb") as f:
        head = f.read(1024)
    if b"%PDF-" in head:
        return
    kind = next((what for magic, what in MAGIC.items() if head.startswith(magic)), "")
    what = f"it looks like {kind}" if kind else ("it is empty" if not head else "it has no PDF header")
    raise IngestError(f"{path.name} is not a PDF: {what}. Check the file and its extension.")


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
            blocks.append(Block(join_lines(current), number, 0, (number,), current_bullet))
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
            text = join_lines([prev.text, block.text])
            starts = (*prev.page_starts, (len(text) - len(block.text), block.page))
            merged[-1] = Block(text, prev.page, 0, pages, prev.bullet, starts)
        else:
            merged.append(block)
    return merged
