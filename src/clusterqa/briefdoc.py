"""A briefing note on paper: Markdown (footnotes, or [n] markers for the app's preview) and Word (real
headings, the figures as a Word table, superscript note numbers and numbered endnotes under Sources).

Example:
    >>> note = draft_brief(assistant, "skills")
    >>> Path("skills.md").write_text(to_markdown(note))
    >>> write_docx(note, Path("skills.docx"))
"""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Callable
from pathlib import Path

from .answer import Citation
from .brief import Briefing, Line
from .errors import ExportError

FORMATS = (".md", ".docx")
FIGURE_HEADERS = ("Measure", "Figure", "Where", "Page", "Source")
NO_FIGURES = "The documents give no figures on this."
NO_RECOMMENDATIONS = "No recommendation in the documents speaks to this directly."
MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>|#])")


def md(text: str) -> str:
    """Document text as literal Markdown: no emphasis, link, HTML or table cell a document wrote is followed."""
    return MARKDOWN_SPECIAL.sub(r"\\\1", text)


def source_line(c: Citation) -> str:
    """'np11.pdf, p. 8, Case Studies › North East: Space › Evolution: “The region's …”'"""
    return f"{c.source}, p. {c.page}, {c.section or 'no section'}: “{c.quote}”"


def to_markdown(note: Briefing, *, footnotes: bool = True) -> str:
    """The note as Markdown. footnotes=True writes [^n] references with their definitions (GitHub, pandoc);
    False writes [n] markers and a numbered list of sources (for a renderer without footnotes)."""

    def marks(numbers: tuple[int, ...]) -> str:
        return "".join(f"[^{n}]" for n in numbers) if footnotes else " " + " ".join(f"[{n}]" for n in numbers)

    def line(x: Line) -> str:
        return md(x.text) + marks(x.notes)

    out = [f"# {md(note.title)}", "", note.date, "", f"**Purpose:** {md(note.purpose)}", ""]
    if note.coverage:
        out += [f"> **Coverage:** {md(note.coverage)}", ""]
    if note.abstained:
        if note.nearest:
            out += ["Nearest sections looked at: " + "; ".join(md(n) for n in note.nearest) + ".", ""]
        return "\n".join(out).rstrip() + "\n"
    out += ["## Key points", ""] + [f"- {line(x)}" for x in note.key_points] + [""]
    if note.generation and note.generation.note:
        out += [f"*{md(note.generation.note)}*", ""]
    if note.background:
        out += ["## Background", ""]
        for paragraph in note.background:
            out += [f"### {md(paragraph.heading)}", "", " ".join(line(x) for x in paragraph.lines), ""]
    out += ["## Figures", ""]
    if note.figures:
        out += ["| " + " | ".join(FIGURE_HEADERS) + " |", "|" + " --- |" * len(FIGURE_HEADERS)]
        for f in note.figures:
            out.append(f"| {f.measure} | {md(f.value)} | {md(f.place)} | {f.page} | {marks((f.note,)).strip()} |")
    else:
        out.append(NO_FIGURES)
    out += ["", "## Relevant recommendations", ""]
    out += [f"- {line(x)}" for x in note.recommendations] or [NO_RECOMMENDATIONS]
    out += ["", "## Sources", ""]
    for c in note.notes:
        out.append(f"[^{c.n}]: {md(source_line(c))}" if footnotes else f"{c.n}. {md(source_line(c))}")
    return "\n".join(out).rstrip() + "\n"


def write_docx(note: Briefing, path: Path) -> Path:
    """The note as a Word document at path (written whole, then moved into place)."""
    import docx
    from docx.shared import Pt

    document = docx.Document()
    document.core_properties.title = note.title
    document.core_properties.subject = note.topic
    document.add_heading(note.title, level=0)
    document.add_paragraph(note.date)
    purpose = document.add_paragraph()
    purpose.add_run("Purpose: ").bold = True
    purpose.add_run(note.purpose)
    if note.coverage:
        document.add_paragraph(note.coverage, style="Intense Quote")

    def paragraph(lines: list[Line], style: str | None = None) -> None:
        para = document.add_paragraph(style=style)
        for i, x in enumerate(lines):
            para.add_run(("" if i == 0 else " ") + x.text)
            run = para.add_run(",".join(str(n) for n in x.notes))
            run.font.superscript = True

    if note.abstained:
        if note.nearest:
            document.add_paragraph("Nearest sections looked at: " + "; ".join(note.nearest) + ".")
    else:
        document.add_heading("Key points", level=1)
        for x in note.key_points:
            paragraph([x], "List Bullet")
        if note.generation and note.generation.note:
            document.add_paragraph().add_run(note.generation.note).italic = True
        if note.background:
            document.add_heading("Background", level=1)
            for p in note.background:
                document.add_heading(p.heading, level=2)
                paragraph(list(p.lines))
        document.add_heading("Figures", level=1)
        if note.figures:
            table = document.add_table(rows=1, cols=len(FIGURE_HEADERS))
            table.style = "Table Grid"
            for cell, header in zip(table.rows[0].cells, FIGURE_HEADERS):
                cell.text = header
                for run in cell.paragraphs[0].runs:
                    run.bold = True
            for f in note.figures:
                cells = table.add_row().cells
                for cell, value in zip(cells, (f.measure, f.value, f.place, str(f.page), str(f.note))):
                    cell.text = value
        else:
            document.add_paragraph(NO_FIGURES)
        document.add_heading("Relevant recommendations", level=1)
        for x in note.recommendations:
            paragraph([x], "List Bullet")
        if not note.recommendations:
            document.add_paragraph(NO_RECOMMENDATIONS)
    if note.notes:
        document.add_heading("Sources", level=1)
        for c in note.notes:
            para = document.add_paragraph()
            para.add_run(f"{c.n}. ").bold = True
            para.add_run(source_line(c)).font.size = Pt(9)
    return _save(path, document.save)


def write_note(note: Briefing, path: Path) -> Path:
    """Markdown or Word, by the file's suffix."""
    suffix = path.suffix.lower()
    if suffix == ".md":
        return _save(path, lambda target: Path(target).write_text(to_markdown(note), encoding="utf-8"))
    if suffix == ".docx":
        return write_docx(note, path)
    raise ExportError(f"Cannot write a briefing as '{suffix or path.name}': use a .md or .docx file name.")


def _save(path: Path, write: Callable[[str], object]) -> Path:
    """Write to a temporary file beside path, then rename: a failed write leaves any old file as it was."""
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise ExportError(f"Cannot write {path}: the folder {folder} does not exist.")
    try:
        handle, temp = tempfile.mkstemp(prefix=".brief-", suffix=path.suffix, dir=folder)
    except OSError as exc:
        raise ExportError(f"Cannot write to {folder}: {exc.strerror or exc}.") from None
    os.close(handle)
    try:
        write(temp)
        os.replace(temp, path)
    except OSError as exc:
        raise ExportError(f"Cannot write {path}: {exc.strerror or exc}.") from None
    finally:
        if os.path.exists(temp):
            os.unlink(temp)
    return path
